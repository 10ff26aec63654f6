"""Plain words for log entries, roles and times, shared by the HTML and Markdown reports."""

from __future__ import annotations

import re
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


def humane(pack: Pack, text: str) -> str:
    """Scorer prose made readable: 'minute 27.86' becomes '12:08 (minute 28)' (or '12:08, minute 28'
    inside brackets, so brackets never nest), 'due by 147.15' becomes 'due by 14:27 (minute 147)',
    and role and channel ids outside quotations become titles and words."""
    text = _DUE.sub(lambda m: f"{m.group(1)} minute ", text)

    def one(m: re.Match) -> str:
        t = float(m.group(1))
        before = m.string[:m.start()]
        inside = before.count("(") > before.count(")")
        if inside:
            return f"{clock(pack, t)}, minute {minute(t)}" + (m.group(2) or "")
        # 'minute 107 (line 164)' becomes '15:27 (minute 107, line 164)', not two brackets in a row
        return f"{clock(pack, t)} (minute {minute(t)}, " if m.group(2) else at(pack, t)

    return plain_ids(pack, _MINUTE.sub(one, text))


def plain_ids(pack: Pack, text: str) -> str:
    """Role ids become role titles and channel ids words, outside quotations (which quote the
    log or the pack and stay as they are)."""
    words = {**{c: channel_name(c) for c in CHANNELS if "_" in c}, **{r: role.title for r, role in pack.roles.items()}}
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


def describe(pack: Pack, d: dict[str, Any]) -> tuple[str, str, str]:
    """(kind label, who, what happened) for one event; who is a role's title when it is a role."""
    label, who, what = _describe(pack, d)
    return label, (role_name(pack, who) if who in pack.roles else who), what


def _describe(pack: Pack, d: dict[str, Any]) -> tuple[str, str, str]:
    kind = d["type"]
    if kind == "inject_delivered":
        inj = pack.injects.get(d["inject"])
        who = d.get("sender") or sender_name(pack, inj.from_ if inj else None)
        why = cue_words(pack, d["cue"])
        to = role_names(pack, d["to"])
        return "Inject", who, f"{d['inject']} ({channel_name(d['channel'])}, {d['severity']}) to {to}: {d['title']}{why}"
    if kind == "decision_made":
        return "Decision", d["by"], f"On {d['inject']}: {_option(pack, d['inject'], d['option'])}" + (" (staff)" if d.get("staff") else "")
    if kind == "decision_overruled":
        return "Decision", d["by"], (f"Overrules {role_name(pack, d['decider'])} on {d['inject']}: "
                                     f"{_option(pack, d['inject'], d['option'])} in place of "
                                     f"{_option(pack, d['inject'], d['replaced'])} (reason: {d['reason']})")
    if kind == "decision_lapsed":
        opt = _option(pack, d["inject"], d["option"]) if d.get("option") else "nothing"
        return "Decision", "-", f"Nobody decided on {d['inject']} in time; applied: {opt}"
    if kind == "statement_issued":
        langs = ", ".join(d["languages"]) or "no language given"
        approval = f", approval {d['approval']}" if d.get("approval") else ", no approval cited"
        return "Statement", d["by"], f"On {channel_name(d['channel'])} ({langs}{approval}): \u201c{d['text']}\u201d"
    if kind == "approval_requested":
        what = _action(pack, d["action"]) if d.get("action") else f"a statement: \u201c{_short(d.get('text') or '')}\u201d"
        return "Approval", d["by"], f"Asks {role_name(pack, d['to'])} to approve ({d['request']}) {what}"
    if kind == "approval_answered":
        return "Approval", d["by"], f"{'Grants' if d['granted'] else 'Refuses'} request {d['request']}"
    if kind == "action_taken":
        via = f" (approval {d['approval']})" if d.get("approval") else ""
        note = f"; note: {d['note']}" if d.get("note") else ""
        return "Action", d["by"], f"{_action(pack, d['action'])}{via}{note}"
    if kind == "delegated":
        return "Action", d["by"], f"Delegates '{authority_name(d['authority'])}' to {role_name(pack, d['to'])}"
    if kind == "message_sent":
        return "Message", d["by"], f"{d['intent'].capitalize()} to {role_name(pack, d['to'])}: {d['text']}"
    if kind == "expectation_triggered":
        exp = pack.expectations.get(d["expectation"])
        return "Plan", d["role"], f"Plan step {_step(pack, d['expectation'])} starts; due by {at(pack, d['due'])}"
    if kind == "expectation_met":
        return "Plan", d["by"], f"Plan step {_step(pack, d['expectation'])} met {'on time' if d['on_time'] else 'late'}"
    if kind == "deadline_passed":
        return "Plan", d["role"], f"Deadline passed for plan step {_step(pack, d['expectation'])}"
    if kind == "role_availability":
        return "Availability", d["role"], "Can be reached again" if d["available"] else "Cannot be reached"
    if kind == "observer_noted":
        return "Observer note", d.get("role") or "-", d["text"]
    if kind == "hot_wash_answered":
        return "Hot wash", d["by"], f"{d['text']} \u2014 {d['answer']}"
    if kind == "rating_overridden":
        return "Override", d["by"], f"Rating of {target_name(pack, d['target'])} set to {d['rating']}: {d['rationale']}"
    if kind == "command_rejected":
        return "Rejected", d["by"], f"{d['command']}: {d['reason']}"
    if kind == "module_started":
        return "Module", "-", d["title"]
    if kind == "exercise_started":
        return "Start", "-", f"Exercise starts (seed {d['seed']})"
    if kind == "exercise_ended":
        return "End", "-", "Exercise ends (" + ("clock ran out" if d["reason"] == "clock" else "ended by the facilitator") + ")"
    if kind == "clock_jumped":
        return "Clock", "-", f"Clock jumped to {at(pack, d['to'])}"
    if kind == "state_changed":
        return "State", "-", ", ".join(f"{k} {v:.1f}" for k, v in d["values"].items()) + f" ({d['cause']})"
    rest = ", ".join(f"{k}={v}" for k, v in d.items() if k not in ("kind", "type", "t"))
    return kind.replace("_", " ").capitalize(), "-", rest


def cue_words(pack: Pack, cue: str) -> str:
    """Why an inject came, in words: ' [follow-up to the decision on I-07]', ' [prompt: plan step
    \u2018Activate ...\u2019 overdue]'; nothing for a scheduled one."""
    kind, _, target = cue.partition(":")
    if kind == "scheduled":
        return ""
    if kind == "follow_up":
        return f" [follow-up to the decision on {target}]"
    if kind == "contingency":
        exp = pack.expectations.get(target)
        return f" [prompt: plan step \u2018{step_text(exp.description)}\u2019 overdue]" if exp else " [prompt: a plan step overdue]"
    if kind == "trigger":
        return " [its trigger was met]"
    return f" [{cue.replace('_', ' ')}]"


def step_text(description: str, n: int | None = None) -> str:
    """A plan step's description without its full stop, shortened to n characters if given."""
    text = description.strip().rstrip(".")
    return text if n is None or len(text) <= n else text[: n - 1].rstrip(" ,;:") + "\u2026"


def target_name(pack: Pack, target: str) -> str:
    """An override's target for people: 'objective:OBJ-2' as 'objective OBJ-2 (title)', a plan step by its description."""
    kind, _, name = target.partition(":")
    if kind == "objective":
        o = next((o for o in pack.scenario.objectives if o.id == name), None)
        return f"objective {name}" + (f" ({o.title.rstrip('.')})" if o else "")
    if kind == "expectation" and name in pack.expectations:
        return f"plan step \u2018{step_text(pack.expectations[name].description, 70)}\u2019"
    if kind == "capability":
        return f"core capability {name}"
    return target


def _step(pack: Pack, expectation: str) -> str:
    exp = pack.expectations.get(expectation)
    return f"\u2018{step_text(exp.description, 90)}\u2019" if exp else expectation


def _action(pack: Pack, action_id: str) -> str:
    found = pack.actions.get(action_id)
    return found[1].label if found else action_id


def _option(pack: Pack, inject_id: str, option: str) -> str:
    inj = pack.injects.get(inject_id)
    if inj is None or inj.decision is None:
        return option
    found = next((o for o in inj.decision.options if o.id == option), None)
    return found.label if found else option


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"
