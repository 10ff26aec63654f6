"""Plain words for log entries, roles and times, shared by the HTML and Markdown reports."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, get_args

from ..loading.pack import Pack
from ..models import Channel
from ..story_clock import story_time, whole


def clock(pack: Pack, t: float) -> str:
    """In-story time of an exercise minute (the same clock the consoles show)."""
    return story_time(pack.scenario, t)


def minute(t: float) -> str:
    """An exercise minute for people: whole minutes ('28'); prose never needs the hundredths
    simulated staff act to, and the log keeps the exact value."""
    return str(whole(t))


def at(pack: Pack, t: float) -> str:
    """'12:08 (minute 28)': the in-story clock time people read, then the exercise minute."""
    return f"{clock(pack, t)} (minute {minute(t)})"


_DUE = re.compile(r"\b(due by|target: by) (?=\d)")
_MINUTE = re.compile(r"\bminute (\d+(?:\.\d+)?)(?!\d|\.\d)(?! \([^()]*\d:\d\d\))( \()?")
_QUOTED = re.compile(r"(?<!\w)'(?:[^']|'(?=\w))*'(?!\w)|\u201c[^\u201d]*\u201d")


def humane(pack: Pack, text: str, minutes: bool = True) -> str:
    """Scorer prose made readable: 'minute 27.86' becomes '12:08 (minute 28)' (or '12:08, minute 28'
    inside brackets, so brackets never nest), 'due by 147.15' becomes 'due by 14:27 (minute 147)',
    and ids outside quotations become titles and words (`plain_ids`). Without `minutes` (the
    consoles, which show only the story clock), 'minute 27.86' is just '12:08'."""
    text = _DUE.sub(lambda m: f"{m.group(1)} minute ", text)

    def one(m: re.Match) -> str:
        t = float(m.group(1))
        if not minutes:
            return clock(pack, t) + (m.group(2) or "")
        before = m.string[:m.start()]
        inside = before.count("(") > before.count(")")
        if inside:
            return f"{clock(pack, t)}, minute {minute(t)}" + (m.group(2) or "")
        # 'minute 107 (line 164)' becomes '15:27 (minute 107, line 164)', not two brackets in a row
        return f"{clock(pack, t)} (minute {minute(t)}, " if m.group(2) else at(pack, t)

    return plain_ids(pack, _MINUTE.sub(one, text))


def explained(pack: Pack, f: Any, minutes: bool = True) -> str:
    """A finding's explanation for people (see `explain_text`)."""
    return explain_text(pack, f.explanation, f.expectation, f.roles, minutes)


def explain_text(pack: Pack, text: str, expectation: str | None = None, roles: Any = (), minutes: bool = True) -> str:
    """Scorer prose for people: the plan step's long description (which the finding's subject
    already gives) cut to 'this step', roles by title, times on the story clock (with the exercise
    minute too unless `minutes` is off, as on the consoles) and ids as titles."""
    exp = pack.expectations.get(expectation or "")
    if exp is not None:
        text = text.replace(f"'{exp.description}' ({exp.role})", "this step")
    text = humane(pack, _role_titles(pack, text, list(roles)), minutes)
    return text[:1].upper() + text[1:]


def _role_titles(pack: Pack, text: str, roles: list[str]) -> str:
    """The scorer names roles by id ('mayor chose', 'passed ... to mayor'); people read titles.
    Only the finding's own roles, and only where the scorer's sentences put them."""
    for role in roles:
        title = role_name(pack, role)
        if text.startswith(f"{role} "):
            text = f"{title} {text[len(role) + 1:]}"
        text = re.sub(rf"\bto {re.escape(role)}\b(?![-\w])", f"to {title}", text)
    return text


def plain_ids(pack: Pack, text: str) -> str:
    """Outside quotations (which quote the log or the pack and stay as they are): role ids become
    role titles, channel ids words, inject ids the inject's title and plan-step ids the step's
    text, both in quotation marks ('the rumour spread by I-07' reads 'the rumour spread by
    ‘Rumour of a gunman in the school’')."""
    words = {**{c: channel_name(c) for c in CHANNELS if "_" in c}, **{r: role.title for r, role in pack.roles.items()}}
    words.update({i.id: f"\u2018{i.title}\u2019" for i in pack.scenario.injects})
    # Only plan-step ids that cannot be a plain word of the prose ('vigil-security', not 'evacuate').
    words.update({e.id: f"\u2018{step_text(e.description, 60)}\u2019" for e in pack.plan.expectations
                  if "-" in e.id or "_" in e.id})
    if not words:
        return text
    # A title already in the text stays as it is: 'Community liaison lead' holds the id 'liaison',
    # which would otherwise become 'Community Community liaison lead lead'. Titles are tried first.
    titles = {role.title: role.title for role in pack.roles.values()}
    words = {**words, **titles}
    pattern = re.compile(r"(?<![\w'-])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?![\w-])")
    out, last = [], 0
    for q in _QUOTED.finditer(text):
        out.append(pattern.sub(lambda m: words[m.group(1)], text[last:q.start()]))
        out.append(q.group(0))
        last = q.end()
    out.append(pattern.sub(lambda m: words[m.group(1)], text[last:]))
    return "".join(out)


CHANNELS: tuple[str, ...] = get_args(Channel)


def channel_name(channel: str) -> str:
    """'press_conference' as 'press conference'."""
    return channel.replace("_", " ")


def authority_name(authority: str) -> str:
    """'approve_public_statement' as 'approve public statement'."""
    return authority.replace("_", " ")


def sentence(text: str) -> str:
    """Text ending in a full stop, unless it already ends in '.', '?' or '!'."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!" else text + "."


def role_name(pack: Pack, role: str | None) -> str:
    if role is None:
        return "-"
    r = pack.roles.get(role)
    return r.title if r is not None else role


def joined(items: list[str], none: str = "nothing") -> str:
    """'a, b and c': items joined for prose."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else none


def role_names(pack: Pack, roles) -> str:
    """'Mayor, Police commander and City spokesperson': role titles joined for prose."""
    return joined([role_name(pack, r) for r in roles], "nobody")


def anchor(finding_id: str) -> str:
    """An HTML id for a finding (ids hold ':', '@', '/' and '>', which ids may but fragments should not)."""
    return "f-" + re.sub(r"[^A-Za-z0-9_.-]", "-", finding_id)


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 action', '3 actions' ('many' for irregular plurals)."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def sender_name(pack: Pack, sender: str | None) -> str:
    found = next((s for s in pack.scenario.senders if s.id == sender), None)
    return found.name if found else (sender or "Exercise control")


KIND_CLASS = {
    "inject_delivered": "inject", "decision_made": "decision", "decision_lapsed": "decision", "decision_overruled": "decision",
    "statement_issued": "statement", "approval_requested": "approval", "approval_answered": "approval",
    "action_taken": "action", "delegated": "action", "message_sent": "message",
    "expectation_triggered": "plan", "expectation_met": "plan", "deadline_passed": "plan",
    "observer_noted": "facilitator", "hot_wash_answered": "facilitator", "rating_overridden": "facilitator",
    "clock_jumped": "facilitator", "command_rejected": "facilitator",
}


LABELS = {
    "inject_delivered": "Inject", "decision_made": "Decision", "decision_lapsed": "Decision",
    "decision_overruled": "Decision", "statement_issued": "Statement",
    "approval_requested": "Approval", "approval_answered": "Approval", "action_taken": "Action", "delegated": "Action",
    "message_sent": "Message", "expectation_triggered": "Plan", "expectation_met": "Plan", "deadline_passed": "Plan",
    "role_availability": "Availability", "observer_noted": "Observer note", "hot_wash_answered": "Hot wash",
    "rating_overridden": "Override", "command_rejected": "Rejected", "module_started": "Module", "exercise_started": "Start",
    "exercise_ended": "End", "clock_jumped": "Clock", "state_changed": "State",
}
"""The report timeline's kind column."""


def describe(words: Any, d: dict[str, Any]) -> tuple[str, str, str]:
    """(kind label, who, what happened) for one event, told by `words` (an EventWords, the one
    describer of log entries that the consoles and `replay --text` use too); who is a role's title,
    an inject's sender, or '-' for what the exercise itself did."""
    said = words.of(d)
    label = LABELS.get(d["type"], d["type"].replace("_", " ").capitalize())
    if d["type"] == "inject_delivered":
        inj = words.pack.injects.get(d["inject"])
        return label, d.get("sender") or sender_name(words.pack, inj.from_ if inj else None), said.what
    return label, "-" if said.system else said.who, said.what


def cue_words(pack: Pack, cue: str) -> str:
    """Why an inject came, in words: ' [follow-up to the decision on \u2018National desk offers\u2026\u2019]', ' [prompt: plan step
    \u2018Activate ...\u2019 overdue]'; nothing for a scheduled one."""
    kind, _, target = cue.partition(":")
    if kind == "scheduled":
        return ""
    if kind == "follow_up":
        inj = pack.injects.get(target)
        return f" [follow-up to the decision on \u2018{inj.title}\u2019]" if inj else " [follow-up to a decision]"
    if kind == "contingency":
        exp = pack.expectations.get(target)
        return f" [prompt: plan step \u2018{step_text(exp.description)}\u2019 overdue]" if exp else " [prompt: a plan step overdue]"
    if kind == "trigger":
        return " [its trigger was met]"
    return f" [{cue.replace('_', ' ')}]"


def rule_label(pack: Pack, rule_id: str) -> str | None:
    """A playbook rule's label ('Condemns the attack'), for a first-message element, key message,
    prohibition, audience or fact; None for an id that is none of these."""
    pb = pack.playbook
    for rules in (pb.first_message, pb.key_messages, pb.prohibited, pb.audiences, pb.facts):
        found = next((r for r in rules if r.id == rule_id), None)
        if found is not None:
            return found.label
    return None


def step_text(description: str, n: int | None = None) -> str:
    """A plan step's description without its full stop, shortened to n characters if given."""
    text = description.strip().rstrip(".")
    return text if n is None or len(text) <= n else text[: n - 1].rstrip(" ,;:") + "\u2026"


def target_name(pack: Pack, target: str) -> str:
    """An override's target for people: 'objective:OBJ-2' as 'objective ‘title’', a plan step by its
    description, a role by its title, a finding by what it judged."""
    kind, _, name = target.partition(":")
    if kind == "objective":
        o = next((o for o in pack.scenario.objectives if o.id == name), None)
        return f"objective \u2018{o.title.rstrip('.')}\u2019" if o else "an objective"
    if kind == "expectation" and name in pack.expectations:
        return f"plan step \u2018{step_text(pack.expectations[name].description, 70)}\u2019"
    if kind == "capability":
        return f"core capability {name}"
    if kind == "role":
        return f"the {role_name(pack, name)}'s rating" if name in pack.roles else "a role's rating"
    if "." in kind:
        subject = finding_subject(pack, target)
        return f"the finding on {subject}" if subject else "a finding"
    return target


def finding_subject(pack: Pack, finding_id: str, expectation: str | None = None,
                    at_line: Callable[[int], str | None] | None = None, n: int | None = 80) -> str:
    """What a finding judged, for people: the plan step's text, the decision's prompt, the playbook
    rule's label, the report passed up; '' when the finding's title says it all ('First statement
    in time'). Never the id: a list of findings reads 'On time: ‘Activate the crisis team…’', not
    'On time: crisis-team'. `at_line` gives the story time of a log line, for a finding about one
    moment ('statement@17': a statement at 08:46). Texts are cut to `n` characters (None: whole)."""
    rule, _, target = finding_id.partition(":")
    target, _, line = target.partition("@")
    if rule == "plan.harm":
        harm = next((h for h in pack.scenario.harms if h.id == target), None)
        return f"\u2018{step_text(harm.label, n)}\u2019" if harm else "a harmful side effect"
    exp = pack.expectations.get(expectation or target) if rule.startswith("plan.") else None
    if exp is not None:
        return f"\u2018{step_text(exp.description, n)}\u2019"
    if rule == "plan.decision" and target in pack.injects and pack.injects[target].decision:
        return f"\u2018{step_text(pack.injects[target].decision.prompt, n)}\u2019"
    if rule == "chain.reporting" and "/" in target:
        inject, role = target.split("/", 1)
        title = pack.injects[inject].title if inject in pack.injects else "an inject"
        return f"{role_name(pack, role)} passing on \u2018{title}\u2019"
    if rule == "playbook.rumour":
        rumour = next((r for r in pack.playbook.rumours if r.id == target), None)
        inj = pack.injects.get(rumour.inject) if rumour else None
        return f"the rumour in \u2018{inj.title}\u2019" if inj else "a rumour"
    label = rule_label(pack, target)
    if label is not None:
        return f"\u2018{step_text(label, n)}\u2019"
    if target in pack.roles:
        return role_name(pack, target)
    when = at_line(int(line)) if at_line is not None and line.isdigit() else None
    if target == "statement":
        return f"a statement at {when}" if when else "a statement"
    return ""
