"""The Contingency column of an imported MSEL: follow-ups, missed plan steps and triggers, in
the words export writes (msel.py), in the earlier clause form, and as planners write them.

    if the Mayor chooses 'Request full support' at I-07     a follow-up of that decision's option
    if 'Publish the first statement' is missed [STEP]         sent when the plan step is missed
    when tension is above 70                                  a trigger (words: msel_prose)
    after I-07: request_full / if missed: STEP / when: {...}  the earlier form, still read
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError

from ..loading.problems import ValidationFailed
from ..loading.yaml_source import load_yaml
from ..models.conditions import Condition
from .msel_prose import ProseError, from_words

if TYPE_CHECKING:
    from .msel_import import _Rows

_COND = TypeAdapter(Condition)
_IDS = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
_Q1, _Q2 = "[\"'“‘]", "[\"'”’]"
_FOLLOW = re.compile(rf"^if\s+(?:the\s+)?(?P<who>.+?)\s+(?:chooses|choose|picks|selects|decides)\s+{_Q1}(?P<label>.*){_Q2}"
                     rf"\s+(?:at|after|on|for|in)\s+(?:inject\s+)?(?P<id>{_IDS})$", re.I)
_FOLLOW_OLD = re.compile(rf"^after\s+(?P<id>\S+):\s*(?P<option>\S+)$")
_MISSED = re.compile(rf"^if\s+{_Q1}(?P<what>.*){_Q2}\s+is\s+(?:missed|not\s+done)(?:\s*\[(?P<id>{_IDS})\])?$", re.I)
_MISSED_ID = re.compile(rf"^if\s+(?:plan\s+step\s+)?(?P<id>{_IDS})\s+is\s+(?:missed|not\s+done)$", re.I)
_MISSED_OLD = re.compile(r"^if missed:\s*(?P<id>\S+)$")
_WHEN = re.compile(r"^when\b\s*(?P<colon>:)?\s*(?P<rest>.*)$", re.I | re.S)
_CLAUSES = "write \"if the ROLE chooses 'OPTION' at INJECT\", \"if 'PLAN STEP' is missed\" or 'when CONDITION' " \
           "(like 'when tension is above 70')"


def option_slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:40].strip("_") or "option"


class Cues:
    def __init__(self, rows: _Rows):
        self.rows, self.sk = rows, rows.sk
        self.pending: list[tuple[int, str, str]] = []
        """(row, kind, inject id) references to check once every row is read."""
        self.missed: list[tuple[int, dict, str]] = []
        """(row, inject, words) for 'if … is missed' naming the step by its words only."""

    def read(self, row: int, text: str, inj: dict) -> None:
        for line in (x.strip() for x in text.split("\n")):
            if line and not self.clause(row, line, inj):
                if ";" in line and "when:" not in line and all(self.clause(row, c.strip(), inj, dry=True)
                                                                for c in line.split(";") if c.strip()):
                    for c in line.split(";"):  # the earlier form: clauses on one line, separated by ';'
                        if c.strip():
                            self.clause(row, c.strip(), inj)
                elif "when:" in line and not line.startswith("when:"):
                    before, when = line.split("when:", 1)
                    for c in before.split(";"):
                        if c.strip() and not self.clause(row, c.strip(), inj):
                            self.rows.fail(row, f"'contingency' \"{c.strip()}\" is not understood; {_CLAUSES}")
                    self.clause(row, "when:" + when, inj)
                else:
                    self.rows.fail(row, f"'contingency' \"{line}\" is not understood; {_CLAUSES}")

    def clause(self, row: int, text: str, inj: dict, dry: bool = False) -> bool:
        """Read one clause into `inj`; False when it is no clause at all (nothing is changed when `dry`)."""
        follow, old, missed = _FOLLOW.match(text), _FOLLOW_OLD.match(text), _MISSED.match(text)
        missed_id = _MISSED_ID.match(text) or _MISSED_OLD.match(text)
        when = _WHEN.match(text)
        if dry or not (follow or old or missed or missed_id or when):
            return bool(follow or old or missed or missed_id or when)
        if follow is not None:
            source = follow["id"]
            option = self.option_id(source, follow["label"])
            self.sk.deciders.setdefault(source, self.rows.role(follow["who"]))
        elif old is not None:
            source = old["id"]
            option = self.option(source, old["option"], None)
        if follow is not None or old is not None:
            self.pending.append((row, "a decision", source))
            self.sk.follow.setdefault((source, option), []).append(inj["id"])
        elif missed_id is not None:
            self.contingency(missed_id["id"], inj)
        elif missed is not None:
            if missed["id"]:
                self.contingency(missed["id"], inj, missed["what"])
            else:
                self.missed.append((row, inj, missed["what"]))
        elif when is not None:
            self.trigger(row, when["rest"].strip(), inj, yaml_form=bool(when["colon"]) and when["rest"].lstrip().startswith("{"))
        return True

    def contingency(self, step_id: str, inj: dict, words: str | None = None) -> None:
        """`inj` is sent when plan step `step_id` is missed; the clause's words describe the step
        until an Expected Action cell gives its whole description."""
        inj["contingency_for"] = step_id
        step = self.sk.steps.setdefault(step_id, {"description": None, "inject": None, "to": inj["to"], "role": None})
        if words and step["description"] is None:
            step.update(description=words, short=True)

    def option(self, source: str, option: str, label: str | None) -> str:
        options = self.sk.options.setdefault(source, {})
        if option not in options or options[option] is None:
            options[option] = label
        return option

    def option_id(self, source: str, label: str) -> str:
        """The id of the option of decision `source` shown as `label`, made up the first time."""
        options = self.sk.options.setdefault(source, {})
        for oid, known in options.items():
            if known is not None and known.casefold() == label.casefold():
                return oid
        base = option_slug(label)
        oid, k = base, 2
        while oid in options:
            oid, k = f"{base}_{k}", k + 1
        return self.option(source, oid, label)

    def trigger(self, row: int, text: str, inj: dict, yaml_form: bool) -> None:
        shown = text if len(text) <= 60 else text[:57] + "..."
        try:
            if yaml_form:
                # The scenario loader's own reader: it refuses nesting past its depth limit in
                # plain words, where a plain YAML parser would overflow the stack.
                data = load_yaml(Path(self.rows.sheet.where), text)
            else:
                data = from_words(text, self.option_id)
            cond = _COND.validate_python(data)
        except ValidationFailed as exc:
            # The reader's own refusals (nesting, alias bombs) say why; its syntax hints speak
            # of lines and indentation, which a one-line cell does not have.
            why = next((f" ({p.message})" for p in exc.problems if "refused" in p.message), "")
            return self.rows.fail(row, f"'contingency' when: \"{shown}\" is not a condition in YAML flow form, "
                                       f"like {{state: tension, above: 60}}{why}")
        except ProseError as exc:
            return self.rows.fail(row, f"'contingency' \"when {shown}\" is not a condition: {exc} (see `tabletop msel "
                                       "--help` for the words)")
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"] if not str(x).startswith("function"))
            return self.rows.fail(row, f"'contingency' when: {where + ': ' if where else ''}{err['msg']}")
        if "at" in inj:
            return self.rows.fail(row, "'contingency' has a 'when' trigger, but the time column also schedules it; keep one")
        inj["trigger"] = cond.model_dump(by_alias=True, exclude_none=True)
        self.refs(row, cond)

    def refs(self, row: int, cond) -> None:
        from ..loading.references import walk_condition
        from ..models import conditions as c

        sk = self.sk
        for leaf, _loc in walk_condition(cond, ()):
            if isinstance(leaf, c.WhenState) and leaf.state not in sk.state:
                sk.state.append(leaf.state)
            elif isinstance(leaf, c.WhenDelivered):
                self.pending.append((row, "a delivery", leaf.delivered))
            elif isinstance(leaf, c.WhenChosen):
                self.pending.append((row, "a decision", leaf.chosen))
                self.option(leaf.chosen, leaf.option, None)
            elif isinstance(leaf, c.WhenAction):
                sk.actions.add(leaf.action)
            elif isinstance(leaf, c.WhenStatement) and leaf.statement.covers and leaf.statement.covers not in sk.rules:
                sk.rules.append(leaf.statement.covers)

    def finish(self) -> None:
        """Check the references to injects, and find the plan steps named by their words."""
        from .msel_export import short

        for row, what, ref in self.pending:
            if ref not in self.rows.ids:
                self.rows.fail(row, f"'contingency' names inject \"{ref}\" ({what}), which is not a number in this sheet")
        for _row, inj, words in self.missed:
            key = words.rstrip("…").strip().casefold()
            step_id = next((sid for sid, st in self.sk.steps.items() if st["description"]
                            and (short(st["description"]).casefold() == words.casefold()
                                 or st["description"].casefold().startswith(key))), None)
            if step_id is None:
                from .msel_import import slug

                step_id = slug(words) or f"{inj['id']}-step"
            self.contingency(step_id, inj, words)
