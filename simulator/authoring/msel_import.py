"""`tabletop msel import`: a real MSEL sheet becomes a valid scenario skeleton.

An MSEL holds the injects; it lacks the city, the state variables, the decisions' prompts and
the plan's actions. The skeleton fills those with placeholders that say TODO, so the pack
validates at once and a trainer can fill it in with editor completion. Every problem in the
sheet is reported by sheet and row, all in one run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from pydantic import TypeAdapter, ValidationError

from ..loading.problems import ValidationFailed
from ..loading.yaml_source import load_yaml
from ..models import Channel
from ..models.conditions import Condition
from .msel import COLUMNS, MselError, Sheet, _norm, header_map, read_sheet
from .msel_roles import RoleIndex
from .msel_skeleton import documents, publish, yaml_text
from .msel_times import Timed, parse_time, settle
from .timefmt import parse_hhmm

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_LABELLED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.-]{0,63}):\s*(.+)$", re.S)
_CHANNELS = set(get_args(Channel))
_METHODS = {
    "call": "phone", "telephone": "phone", "phonecall": "phone", "mobile": "phone", "cell": "phone",
    "e-mail": "email", "mail": "email", "sms": "text", "textmessage": "text", "whatsapp": "text",
    "socialmedia": "social", "twitter": "social", "x": "social", "facebook": "social", "post": "social",
    "media": "news", "newspaper": "news", "newsreport": "news", "radio": "radio", "television": "tv",
    "tvbroadcast": "tv", "meeting": "in_person", "inperson": "in_person", "face-to-face": "in_person",
    "facetoface": "in_person", "presser": "press_conference", "pressconference": "press_conference",
    "pressrelease": "news_release", "newsrelease": "news_release", "web": "website", "alert": "text_alert",
    "emergencyalert": "text_alert", "textalert": "text_alert", "communitymeeting": "community_meeting",
    "briefing": "briefing", "brief": "briefing", "sitrep": "briefing",
}
_COND = TypeAdapter(Condition)


def slug(text: str) -> str:
    """A usable id from free text: 'EOC Director' -> 'eoc-director'."""
    out = re.sub(r"[^A-Za-z0-9_.-]+", "-", text.strip()).strip("-._")
    return out[:64].lower()


def channel_of(method: str) -> str | None:
    key = method.strip().lower().replace(" ", "_")
    if key in _CHANNELS:
        return key
    return _METHODS.get(re.sub(r"[\s_]", "", key))


@dataclass
class _Skeleton:
    injects: list[dict] = field(default_factory=list)
    senders: dict[str, str] = field(default_factory=dict)
    """Sender id -> name."""
    roles: list[str] = field(default_factory=list)
    steps: dict[str, dict] = field(default_factory=dict)
    objectives: dict[str, str] = field(default_factory=dict)
    """Objective id -> capability."""
    options: dict[str, list[str]] = field(default_factory=dict)
    """Decision inject id -> option ids the sheet mentions."""
    follow: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    state: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    actions: set[str] = field(default_factory=set)
    clock_start: str | None = None
    """Set when the sheet's times were clock times (see msel_times)."""
    notes: list[str] = field(default_factory=list)


class _Rows:
    """Reads the rows of one sheet into a skeleton, collecting located errors."""

    def __init__(self, sheet: Sheet, columns: dict[str, int], roles: RoleIndex):
        self.sheet, self.columns, self.role_index = sheet, columns, roles
        self.timed: list[Timed] = []
        self.errors: list[tuple[int, str]] = []
        self.sk = _Skeleton()
        self.ids: dict[str, int] = {}
        self.pending: list[tuple[int, str, str]] = []
        """(row, kind, inject id) references to check once every row is read."""

    def cell(self, cells: list, name: str) -> str:
        k = self.columns.get(name)
        return str(cells[k]).strip() if k is not None and k < len(cells) else ""

    def fail(self, row: int, message: str) -> None:
        self.errors.append((row, self.sheet.at(row, message)))

    def read(self) -> _Skeleton:
        for row, cells in self.sheet.rows[1:]:
            self.row(row, cells)
        header = str(self.sheet.rows[0][1][self.columns["Scenario Time"]]).strip()
        settled = settle(self.timed, _norm(header), header)
        for row, message in settled.errors:
            self.fail(row, message)
        self.sk.clock_start = settled.start
        if settled.note:
            self.sk.notes.append(f"{self.sheet.where}: {settled.note}")
        for row, what, ref in self.pending:
            if ref not in self.ids:
                self.fail(row, f"'contingency' names inject \"{ref}\" ({what}), which is not a number in this sheet")
        if self.errors:  # in row order, references checked at the end included
            raise MselError([line for _row, line in sorted(self.errors, key=lambda e: e[0])])
        return self.sk

    def row(self, row: int, cells: list) -> None:
        number = self.cell(cells, "Number")
        inject_id = number if _ID.match(number) else slug(number)
        if not number:
            return self.fail(row, "'number' is empty; every inject needs one")
        if not inject_id:
            return self.fail(row, f"'number' \"{number}\" cannot be used as an id (use letters, digits, '-', '_' or '.')")
        if inject_id in self.ids:  # reported, and the rest of the row is still checked
            self.fail(row, f"'number' \"{number}\" is already used on row {self.ids[inject_id]}")
        else:
            self.ids[inject_id] = row
        inj: dict = {"id": inject_id}
        self.time(row, self.cell(cells, "Scenario Time"), inj)
        sender = self.cell(cells, "From")
        if not sender:
            self.fail(row, "'from' is empty; name who sends this inject")
        else:
            sid = slug(sender) or "sender"
            self.sk.senders.setdefault(sid, sender)
            inj["from"] = sid
        inj["to"] = self.recipients(row, self.cell(cells, "To"))
        method = self.cell(cells, "Method")
        channel = channel_of(method)
        if channel is None:
            self.fail(row, f"'method' \"{method}\" is not a channel; use one of: {', '.join(sorted(_CHANNELS))}")
        inj["channel"] = channel
        synopsis = self.cell(cells, "Synopsis")
        if not synopsis:
            self.fail(row, "'synopsis' is empty; say what happens")
        title, _, body = synopsis.partition("\n")
        if not body.strip():
            body, title = title, (title if len(title) <= 70 else title[:69].rsplit(" ", 1)[0] + "…")
        inj["title"], inj["body"] = title.strip(), body.strip()
        expected = self.labelled(self.cell(cells, "Expected Action"), f"{inject_id}-action")
        for step_id, description in expected:
            step = self.sk.steps.setdefault(step_id, {"description": None})
            if step["description"] is None:  # first named by an 'if missed:' clause
                step.update(description=description, inject=inject_id, to=inj["to"])
        if expected:
            inj["expected_actions"] = [s for s, _ in expected]
        objectives = self.labelled(self.cell(cells, "Objective or Capability"), "OBJ")
        for oid, capability in objectives:
            self.sk.objectives.setdefault(oid, capability)
        if objectives:
            inj["objectives"] = [o for o, _ in objectives]
        notes = self.cell(cells, "Notes")
        if notes:
            inj["facilitator_notes"] = notes
        self.cues(row, self.cell(cells, "Contingency"), inj)
        self.sk.injects.append(inj)

    def time(self, row: int, text: str, inj: dict) -> None:
        # '9:30 AM' is one time: join the AM/PM to it before splitting off a '+delay'.
        for part in re.sub(r"(\d)\s+([ap]\.?\s?m\.?)(?=\s|$)", r"\1\2", text, flags=re.I).split():
            if part.startswith("+") and parse_hhmm(part[1:]) is not None:
                inj["delay"] = parse_hhmm(part[1:])
            elif (found := parse_time(part)) is not None and "at" not in inj:
                inj["at"] = found[0]
                self.timed.append(Timed(row, found[0], found[1], inj))
            else:
                return self.fail(row, f"'scenario time' \"{text}\" is not a time like 01:30 (elapsed exercise time; "
                                      "times of day like 09:30 are converted), optionally with a delay like +00:05")

    def recipients(self, row: int, text: str):
        if text.lower() == "all":
            return "all"
        out = []
        for part in re.split(r"[,;/\n]", text):
            if part.strip():
                rid = self.role_index.resolve(part)
                if not rid:
                    self.fail(row, f"'to' \"{part.strip()}\" cannot be used as a role id (use letters and digits)")
                    continue
                if rid not in out:
                    out.append(rid)
                if rid not in self.sk.roles:
                    self.sk.roles.append(rid)
        if not out:
            self.fail(row, "'to' is empty; name the roles that receive this inject (role ids, or 'all')")
        return out

    def labelled(self, text: str, prefix: str) -> list[tuple[str, str]]:
        """'ID: words; ID2: words' -> [(ID, words)]; unlabelled items get an id from the prefix."""
        out = []
        # One item per line; a single-line cell may separate items with ';' instead.
        for k, part in enumerate(p.strip() for p in (text.split("\n") if "\n" in text else text.split(";"))):
            if not part:
                continue
            found = _LABELLED.match(part)
            out.append((found.group(1), found.group(2).strip()) if found else (f"{prefix}-{k + 1}", part))
        return out

    def cues(self, row: int, text: str, inj: dict) -> None:
        when = None
        if "when:" in text:
            text, when = text.split("when:", 1)
        for clause in (c.strip() for c in text.split(";")):
            if not clause:
                continue
            missed = re.match(r"^if missed:\s*(\S+)$", clause)
            after = re.match(r"^after\s+(\S+):\s*(\S+)$", clause)
            if missed:
                inj["contingency_for"] = missed.group(1)
                self.sk.steps.setdefault(missed.group(1), {"description": None, "inject": None, "to": inj["to"]})
            elif after:
                source, option = after.groups()
                self.pending.append((row, "a decision", source))
                self.option(source, option)
                self.sk.follow.setdefault((source, option), []).append(inj["id"])
            else:
                self.fail(row, f"'contingency' \"{clause}\" is not understood; write 'after INJECT: OPTION', "
                               "'if missed: STEP' or 'when: {condition}'")
        if when is not None:
            self.trigger(row, when.strip(), inj)

    def option(self, source: str, option: str) -> None:
        options = self.sk.options.setdefault(source, [])
        if option not in options:
            options.append(option)

    def trigger(self, row: int, text: str, inj: dict) -> None:
        shown = text if len(text) <= 60 else text[:57] + "..."
        try:
            # The scenario loader's own reader: it refuses nesting past its depth limit in plain
            # words, where a plain YAML parser would overflow the stack.
            data = load_yaml(Path(self.sheet.where), text)
            cond = _COND.validate_python(data)
        except ValidationFailed as exc:
            # The reader's own refusals (nesting, alias bombs) say why; its syntax hints speak
            # of lines and indentation, which a one-line cell does not have.
            why = next((f" ({p.message})" for p in exc.problems if "refused" in p.message), "")
            return self.fail(row, f"'contingency' when: \"{shown}\" is not a condition in YAML flow form, "
                                  f"like {{state: tension, above: 60}}{why}")
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"] if not str(x).startswith("function"))
            return self.fail(row, f"'contingency' when: {where + ': ' if where else ''}{err['msg']}")
        if "at" in inj:
            return self.fail(row, "'contingency' has a 'when:' trigger, but 'scenario time' also schedules it; keep one")
        inj["trigger"] = cond.model_dump(by_alias=True, exclude_none=True)
        self.refs(row, cond)

    def refs(self, row: int, cond) -> None:
        from ..models import conditions as c
        from ..loading.references import walk_condition

        for leaf, _loc in walk_condition(cond, ()):
            if isinstance(leaf, c.WhenState) and leaf.state not in self.sk.state:
                self.sk.state.append(leaf.state)
            elif isinstance(leaf, c.WhenDelivered):
                self.pending.append((row, "a delivery", leaf.delivered))
            elif isinstance(leaf, c.WhenChosen):
                self.pending.append((row, "a decision", leaf.chosen))
                self.option(leaf.chosen, leaf.option)
            elif isinstance(leaf, c.WhenAction):
                self.sk.actions.add(leaf.action)
            elif isinstance(leaf, c.WhenStatement) and leaf.statement.covers and leaf.statement.covers not in self.sk.rules:
                self.sk.rules.append(leaf.statement.covers)


def import_msel(source: Path, output: Path, notes: list[str] | None = None, validate: bool = True) -> list[Path]:
    """Read an MSEL sheet and write a scenario skeleton at `output` (with plan, playbook and any
    missing roles beside it). Returns the files written; what the reader decided on the user's
    behalf (clock times converted) is appended to `notes`. Raises MselError for sheet problems,
    and (with `validate`) ValidationFailed when the skeleton does not validate. On any failure
    nothing is left behind, so the same command can simply be run again."""
    sheet = read_sheet(source)
    columns = header_map(sheet)
    folder = output.parent
    roles = RoleIndex(folder)
    sk = _Rows(sheet, columns, roles).read()
    targets = [output, folder / "plan.yaml", folder / "playbook.yaml"]
    if output.name in ("plan.yaml", "playbook.yaml"):
        raise MselError([f"{output}: choose another name; plan.yaml and playbook.yaml are written beside the scenario"])
    known_roles = {r: roles.actions[r] for r in sk.roles if r in roles.actions}
    new_roles = [r for r in sk.roles if r not in known_roles]
    targets += [folder / "roles" / f"{r}.yaml" for r in new_roles]
    existing = [str(t) for t in targets if t.exists()]
    if existing:
        raise MselError([f"{t}: already exists; choose another output folder" for t in existing])
    catalogue = {a for r in known_roles.values() for a in r}
    unknown = sorted(sk.actions - catalogue)
    if unknown:
        raise MselError([f"{sheet.where}: 'contingency' conditions name action(s) {', '.join(unknown)}, which no role's "
                         "catalogue has (new roles start with an empty catalogue)"])
    docs = documents(sk, source, output, new_roles, slug)
    texts = [(path, yaml_text(path, kind, data, header)) for path, (kind, data, header) in zip(targets, docs)]

    def check() -> None:
        if validate:
            from ..loading.pack import load_pack

            load_pack(output)  # the skeleton must validate; a problem here is reported like `validate`

    publish(texts, check)
    if notes is not None:
        notes.extend(sk.notes)
    return targets


__all__ = ["COLUMNS", "import_msel"]
