"""Every log entry in plain words: who did what, named as people read them.

Why one place: the consoles' activity log, the replay viewer, `tabletop replay --text`, the
scorecard's evidence and the after-action report all describe the same events. Each describing
them its own way is how wire names ('EXPECTATION_MET', 'request_full') and ids ('I-06', 'mayor')
reached the screen. Here every event and command is told with role titles, inject titles, option
and action labels, plan-step text, playbook rule labels and the story clock; never an id, and
never an exercise minute (the caller puts the story time of the line in front).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .loading.pack import Pack
from .report.wording import (authority_name, channel_name, cue_words, humane, plain_ids, role_name, role_names,
                             rule_label, sender_name, step_text, target_name)
from .story_clock import story_time

COMMAND_WORDS = {
    "take_action": "take that action", "decide": "decide", "overrule": "overrule that decision",
    "issue_statement": "publish the statement", "request_approval": "ask for approval", "answer_approval": "answer the request", "delegate": "delegate",
    "send_message": "send the message", "pause": "pause", "resume": "resume", "set_speed": "change speed",
    "jump_to_next": "jump to the next inject", "jump_to": "jump", "fire_inject": "fire the inject",
    "ad_hoc_inject": "send the ad-hoc inject", "observer_note": "note that", "end_exercise": "end the exercise",
    "take_seat": "hand over the seat", "mark_read": "mark it read", "set_live_check": "switch the live check",
    "hot_wash_answer": "answer the hot-wash question", "override_rating": "override the rating",
}
"""A command in words ('cannot jump to the next inject'), never its wire name."""

ASKS = {**COMMAND_WORDS, "take_action": "take action", "issue_statement": "publish a statement",
        "answer_approval": "answer an approval request", "send_message": "send a message",
        "ad_hoc_inject": "send an ad-hoc inject", "observer_note": "add an observer note", "take_seat": "hand over a seat",
        "mark_read": "mark inbox items read", "hot_wash_answer": "answer a hot-wash question",
        "override_rating": "override a rating", "set_live_check": "switch the live statement check"}
"""A command line in the log as what was asked ('tries to add an observer note'); the refusals'
words (COMMAND_WORDS) say 'cannot take that action' of a command already named."""

NAMED = {"facilitator": "Facilitator", "exercise": "Exercise control", "observer": "Observer",
         "evaluator": "Evaluator", "participant": "Participant"}
"""Who, besides the roles, can appear in a log: the facilitator, the exercise itself, an evaluator."""

EXERCISE = "Exercise control"

_POLICY = {"plan": "following the plan", "late": "acting late", "idle": "doing nothing", "random": "acting at random"}
_INTENT = {"report": "report", "directive": "directive", "request": "request", "notify": "note", "escalate": "escalation"}
_QUOTED_ID = re.compile(r"'([\w.@/-]+)'")

BRIEF = 90
"""Longest free text (a statement, a message, a note) in a one-line entry; the whole text is one
key away in the replay viewer and in full in `replay --text`."""


@dataclass(frozen=True, slots=True)
class Words:
    """One log entry told for people."""

    who: str
    """Who did it, by title ('Mayor', 'Facilitator'), or 'Exercise control' for what the exercise did."""
    what: str
    """What happened, in full (free texts whole, maybe several lines), without the time."""
    role: str | None = None
    """The role it is about, for one role's view: who acted, or whose plan step it is."""
    system: bool = False
    """Told by the exercise rather than done by someone: the entry reads without a 'who:'."""

    def sentence(self) -> str:
        return self.what if self.system else f"{self.who}: {self.what}"

    def line(self) -> str:
        """The entry on one line (for lists and logs): its first line, cut to twice BRIEF characters."""
        return one_line(self.sentence())


def one_line(text: str, n: int = BRIEF * 2) -> str:
    """`text` on one line: its first line, cut to `n` characters, with '…' when anything was left out."""
    first, _, rest = text.partition("\n")
    first = first.rstrip()
    if len(first) > n:
        return first[: n - 1].rstrip() + "\u2026"
    return first + (" \u2026" if rest.strip() else "")


def _brief(text: str, n: int = BRIEF) -> str:
    return text if len(text) <= n and "\n" not in text else one_line(text, n)


_FIELDS: dict[type, tuple[str, ...]] = {}


def as_data(entry: Any) -> Mapping[str, Any]:
    """A log line's data, or an engine event (a slotted dataclass) read as the same mapping."""
    if isinstance(entry, Mapping):
        return entry
    names = _FIELDS.get(type(entry))
    if names is None:
        names = _FIELDS[type(entry)] = tuple(f.name for f in fields(entry))
    return {name: getattr(entry, name) for name in names}


class EventWords:
    """Tells log entries for one pack. Keeps the little it must remember between entries (what
    each approval request asked), so feed it the entries in log order."""

    def __init__(self, pack: Pack):
        self.pack = pack
        self.requests: dict[str, str] = {}
        """Approval request id -> what it asked for, in words ('Close city hall', 'a statement: “…”')."""
        self._labels: dict[str, str] | None = None
        """Rule id -> what the playbook calls it, worked out at the first judgement told."""

    # ---- names -------------------------------------------------------------------------------------

    def title(self, who: str | None) -> str:
        """A role's title, or the facilitator, the exercise, an evaluator by name; a free name as given."""
        if not who:
            return EXERCISE
        return role_name(self.pack, who) if who in self.pack.roles else NAMED.get(who, who)

    def inject(self, inject: str) -> str:
        inj = self.pack.injects.get(inject)
        return f"\u2018{inj.title}\u2019" if inj else "an ad-hoc inject"

    def option(self, inject: str, option: str | None) -> str:
        inj = self.pack.injects.get(inject)
        if option is None:
            return "nothing"
        if inj is None or inj.decision is None:
            return option
        return next((o.label for o in inj.decision.options if o.id == option), option)

    def action(self, action: str) -> str:
        found = self.pack.actions.get(action)
        return found[1].label if found else action.rpartition(".")[2].replace("_", " ")

    def step(self, expectation: str, n: int | None = None) -> str:
        exp = self.pack.expectations.get(expectation)
        return f"\u2018{step_text(exp.description, n)}\u2019" if exp else "a plan step"

    def clock(self, t: float) -> str:
        return story_time(self.pack.scenario, t)

    def plain(self, text: str) -> str:
        """Engine prose (a refusal's reason) for people: role ids as titles, and a quoted inject,
        action, option, plan step or authority id as its title or label."""
        pack = self.pack
        options = {o.id: o.label for i in pack.scenario.injects if i.decision for o in i.decision.options}

        def named(m: re.Match) -> str:
            key = m.group(1)
            if key in pack.injects:
                return self.inject(key)
            if key in pack.actions:
                return f"\u2018{self.action(key)}\u2019"
            if key in pack.expectations:
                return self.step(key, 70)
            if key in options:
                return f"\u2018{options[key]}\u2019"
            if "_" in key:
                return f"\u2018{authority_name(key)}\u2019"
            return m.group(0)

        # times on the story clock, as the consoles show them ('decided at minute 52.0128' -> '09:22')
        return humane(pack, plain_ids(pack, _QUOTED_ID.sub(named, text)), minutes=False)

    # ---- entries -----------------------------------------------------------------------------------

    def of(self, entry: Any, brief: bool = False) -> Words:
        """One event or command (log line data or an engine event) in words; `brief` cuts free
        texts to one line for lists and logs."""
        d = as_data(entry)
        if d.get("kind") == "command":
            return self._command(d, brief)
        method = getattr(self, f"_{d['type']}", None)
        if method is None:  # an event this version does not know: its name in words, never raw
            return Words(EXERCISE, str(d["type"]).replace("_", " ").capitalize(), system=True)
        return method(d, _brief if brief else (lambda text, n=0: text))

    def _by(self, d, what: str, staff: bool = False) -> Words:
        """An entry done by `d['by']`; `staff` marks what simulated staff did (a decision, an action)."""
        by = d.get("by")
        return Words(self.title(by), what + (" (staff)" if staff and d.get("staff") else ""),
                     by if by in self.pack.roles else None)

    def _exercise_started(self, d, cut) -> Words:
        return Words(EXERCISE, "The exercise starts", system=True)

    def _module_started(self, d, cut) -> Words:
        return Words(EXERCISE, f"Module begins: {d['title']}", system=True)

    def _inject_delivered(self, d, cut) -> Words:
        inj = self.pack.injects.get(d["inject"])
        sender = d.get("sender") or sender_name(self.pack, inj.from_ if inj else None)
        what = (f"Inject: {d['title']} ({channel_name(d['channel'])}, {d['severity']}, from {sender}) to "
                f"{role_names(self.pack, d['to'])}{cue_words(self.pack, d.get('cue') or 'scheduled')}")
        return Words(EXERCISE, what, system=True)

    def _state_changed(self, d, cut) -> Words:
        labels = {v.id: v.label for v in self.pack.scenario.state}
        values = ", ".join(f"{labels.get(k, k)} {round(v, 1):g}" for k, v in d["values"].items())
        return Words(EXERCISE, f"State: {values} ({self.cause(d['cause'])})", system=True)

    def cause(self, cause: str) -> str:
        """Why the state moved, in words: 'as the situation develops', 'after: Secure the scene'."""
        kind, _, rest = cause.partition(":")
        if kind == "dynamics":
            return "as the situation develops"
        if kind == "action":
            return f"after: {self.action(rest)}"
        if kind == "inject":
            return f"after the inject {self.inject(rest)}"
        if kind == "decision":
            inject, _, option = rest.partition(":")
            return f"after the decision on {self.inject(inject)}: {self.option(inject, option)}"
        if kind == "statement":
            label = rule_label(self.pack, rest)
            return f"after a statement: {step_text(label, 60)}" if label else "after a statement"
        return cause.replace("_", " ")

    def _decision_made(self, d, cut) -> Words:
        return self._by(d, f"decided {self.inject(d['inject'])}: {self.option(d['inject'], d['option'])}", staff=True)

    def _decision_overruled(self, d, cut) -> Words:
        return self._by(d, f"overruled the {self.title(d['decider'])} on {self.inject(d['inject'])}: "
                           f"{self.option(d['inject'], d['option'])} in place of {self.option(d['inject'], d['replaced'])} "
                           f"(reason: {cut(d['reason'])})")

    def _decision_lapsed(self, d, cut) -> Words:
        fallback = (f"{self.option(d['inject'], d['option'])} applies by default" if d.get("option")
                    else "nothing was chosen")
        return Words(EXERCISE, f"Decision lapsed on {self.inject(d['inject'])}: {fallback}", system=True)

    def _action_taken(self, d, cut) -> Words:
        note = f"; note: {cut(d['note'])}" if d.get("note") else ""
        via = " (approved)" if d.get("approval") else ""
        return self._by(d, f"action: {self.action(d['action'])}{via}{note}", staff=True)

    def _statement_issued(self, d, cut) -> Words:
        langs = ", ".join(d.get("languages") or []) or "no language given"
        approved = "approved, " if d.get("approval") else ""
        return self._by(d, f"statement on {channel_name(d['channel'])} ({approved}{langs}): \u201c{cut(d['text'])}\u201d")

    def _statement_judged(self, d, cut) -> Words:
        # What the playbook's checker said of a text when the exercise judged it (kept for replay).
        if self._labels is None:
            from .draft_check import rule_labels

            self._labels = rule_labels(self.pack)
        labels = self._labels
        said = {True: [], False: []}  # type: dict[bool, list[str]]
        for v in d.get("verdicts") or []:
            said[bool(v.get("harmful"))].append(labels.get(v.get("rule"), str(v.get("rule"))))
        found = "; ".join(part for part in (
            "covers " + ", ".join(said[False]) if said[False] else "",
            "breaks " + ", ".join(said[True]) if said[True] else "") if part) or "no rule met or broken"
        draft = " ".join(str(d.get("text") or "").split())
        return Words(EXERCISE, f"Playbook check of \u201c{_brief(draft, 60)}\u201d: {found}", system=True)

    def _approval_requested(self, d, cut) -> Words:
        if d.get("action"):
            what = self.action(d["action"])
        else:
            draft = " ".join((d.get("text") or "").split())
            what = f"{'a revised' if d.get('revises') else 'a'} statement: \u201c{_brief(draft, 60)}\u201d"
        self.requests[d["request"]] = what
        due = f" (answer by {self.clock(d['due'])})" if d.get("due") is not None else ""
        return self._by(d, f"asks the {self.title(d['to'])} to approve {what}{due}")

    def _approval_answered(self, d, cut) -> Words:
        changed = any(d.get(k) is not None for k in ("text", "channel", "languages"))
        word = ("approved with changes" if changed else "approved") if d["granted"] else "denied"
        what = self.requests.get(d["request"], "a request")
        note = f" ({cut(d['note'])})" if d.get("note") else ""
        return self._by(d, f"{word} {what}{note}")

    def _inbox_read(self, d, cut) -> Words:
        n = len(d.get("items") or [])
        return self._by(d, f"read {n} inbox item{'s' if n != 1 else ''}")

    def _delegated(self, d, cut) -> Words:
        return self._by(d, f"delegated \u2018{authority_name(d['authority'])}\u2019 to the {self.title(d['to'])}")

    def _message_sent(self, d, cut) -> Words:
        intent = _INTENT.get(d["intent"], d["intent"])
        return self._by(d, f"{intent} to the {self.title(d['to'])}: {cut(d['text'])}")

    # A plan step's entry leads with the step (what a reviewer scans for), its role after it.
    def _expectation_triggered(self, d, cut) -> Words:
        return Words(self.title(d["role"]), f"Plan step due by {self.clock(d['due'])}: {self.step(d['expectation'])} "
                     f"({self.title(d['role'])})", d["role"], system=True)

    def _expectation_met(self, d, cut) -> Words:
        by = d["by"]
        return Words(self.title(by), f"Plan step met {'on time' if d['on_time'] else 'late'}: {self.step(d['expectation'])} "
                     f"(by the {self.title(by)})", by if by in self.pack.roles else None, system=True)

    def _deadline_passed(self, d, cut) -> Words:
        return Words(self.title(d["role"]), f"Plan step overdue: {self.step(d['expectation'])} ({self.title(d['role'])})",
                     d["role"], system=True)

    def _clock_paused(self, d, cut) -> Words:
        return Words(EXERCISE, "Clock paused", system=True)

    def _clock_resumed(self, d, cut) -> Words:
        return Words(EXERCISE, "Clock running", system=True)

    def _speed_changed(self, d, cut) -> Words:
        return Words(EXERCISE, f"Clock speed {d['speed']:g}\u00d7", system=True)

    def _clock_jumped(self, d, cut) -> Words:
        held = d.get("held_by") or ""
        kind, _, target = held.partition(":")
        why = (f", stopping before the deadline of {self.inject(target)}" if kind == "decision"
               else f", stopping before the deadline of {self.step(target, 70)}" if kind == "step" else "")
        return Words(EXERCISE, f"Clock jumped to {self.clock(d['to'])}{why}", system=True)

    def _live_check_set(self, d, cut) -> Words:
        return Words("Facilitator", "live statement check " + ("on" if d["on"] else "off (assessed)"))

    def _observer_noted(self, d, cut) -> Words:
        about = f"[{self.title(d['role'])}] " if d.get("role") else ""
        # About a role, not done by it: no role of its own (a seat's own view never holds observer notes).
        return Words("Observer", f"{about}{cut(d['text'])}")

    def _command_rejected(self, d, cut) -> Words:
        what = COMMAND_WORDS.get(d["command"], d["command"].replace("_", " "))
        return self._by(d, f"REFUSED ({what}): {self.plain(d['reason'])}")

    def _role_availability(self, d, cut) -> Words:
        return Words(self.title(d["role"]), "can be reached again" if d["available"] else "cannot be reached", d["role"])

    def _seat_taken(self, d, cut) -> Words:
        if d["seat"] == "human":
            who = "a person"
        else:
            policy = _POLICY.get(d.get("policy") or "plan", d.get("policy"))
            competence = d.get("competence")
            who = f"simulated staff ({policy}" + (f", competence {competence:.0%})" if competence is not None else ")")
        return Words(self.title(d["role"]), f"seat handed to {who}", d["role"])

    def _hot_wash_answered(self, d, cut) -> Words:
        return self._by(d, f"hot wash: \u2018{d['text']}\u2019 \u2014 {cut(d['answer'])}")

    def _rating_overridden(self, d, cut) -> Words:
        return self._by(d, f"rating of {target_name(self.pack, d['target'])} set to {d['rating']}: {cut(d['rationale'])}")

    def _exercise_ended(self, d, cut) -> Words:
        why = "the clock ran out" if d["reason"] == "clock" else "ended by the facilitator"
        return Words(EXERCISE, f"The exercise ends ({why})", system=True)

    def _command(self, d, brief: bool) -> Words:
        """A command as what was asked for; the events after it say what came of it."""
        kind = d["type"]
        cut = _brief if brief else (lambda text, n=0: text)
        detail = ""
        if kind == "take_action":
            detail = f": {self.action(d['action'])}"
        elif kind in ("decide", "overrule"):
            detail = f": {self.option(d['inject'], d['option'])}"
        elif kind in ("issue_statement", "request_approval") and d.get("text"):
            detail = f": \u201c{cut(d['text'])}\u201d"
        elif kind == "send_message":
            detail = f" to the {self.title(d['to'])}: {cut(d['text'])}"
        elif kind == "fire_inject":
            detail = f" {self.inject(d['inject'])}"
        elif kind == "ad_hoc_inject":
            detail = f" \u2018{d['title']}\u2019"
        elif kind == "jump_to":
            detail = f" to {self.clock(d['to'])}"
        elif kind == "set_speed":
            detail = f" to {d['speed']:g}\u00d7"
        words = ASKS.get(kind, kind.replace("_", " "))
        by = d.get("by")
        return Words(self.title(by), f"tries to {words}{detail}", by if by in self.pack.roles else None)
