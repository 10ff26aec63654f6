"""`tabletop msel import`: a real MSEL sheet becomes a valid scenario skeleton.

An MSEL holds the injects; it lacks the city, the state variables, the decisions' prompts and
the plan's actions. The skeleton fills those with placeholders that say TODO, so the pack
validates at once and a trainer can fill it in with editor completion. Every problem in the
sheet is reported by sheet and row, all in one run; what the reader decided on the user's
behalf (a row read as a footnote, clock times converted) is said in a note.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

from ..models import Channel
from .msel import MselError, Sheet, read_sheet
from .msel_cells import ID, STEP_AT_END, items, means_everyone, objective_refs, severity_of, split_action
from .msel_cues import Cues
from .msel_layout import Layout, find_layout, norm, row_kind, section_parts, section_title
from .msel_roles import RoleIndex
from .msel_skeleton import Skeleton, documents, publish, yaml_text
from .msel_times import Timed, on_cue, parse_time, settle, split_date
from .timefmt import parse_hhmm

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
_STORY = re.compile(r"^(?P<day>.*?)[,\s]*(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)$")


def slug(text: str) -> str:
    """A usable id from free text: 'EOC Director' -> 'eoc-director'."""
    out = re.sub(r"[^A-Za-z0-9_.-]+", "-", text.strip()).strip("-._")
    return out[:64].lower()


def channel_of(method: str) -> str | None:
    key = method.strip().lower().replace(" ", "_")
    if key in _CHANNELS:
        return key
    return _METHODS.get(re.sub(r"[\s_]", "", key))


class _Rows:
    """Reads the rows of one sheet into a skeleton, collecting located errors."""

    def __init__(self, sheet: Sheet, layout: Layout, roles: RoleIndex):
        self.sheet, self.layout, self.columns, self.role_index = sheet, layout, layout.columns, roles
        self.timed: list[Timed] = []
        self.errors: list[tuple[int, str]] = []
        self.sk = Skeleton(title=layout.title)
        self.sk.notes.extend(f"{sheet.where}: {n}" for n in sheet.notes)
        self.ids: dict[str, int] = {}
        self.cues = Cues(self)
        self.module: str | None = None
        """The module the last section row opened (for sheets without a Module column)."""
        self.story: list[tuple[dict, str]] = []
        """(inject, story clock cell) beside an Elapsed column, to find the clock's start."""

    def cell(self, cells: list, name: str) -> str:
        k = self.columns.get(name)
        return str(cells[k]).strip() if k is not None and k < len(cells) else ""

    def fail(self, row: int, message: str) -> None:
        self.errors.append((row, self.sheet.at(row, message)))

    def note(self, message: str) -> None:
        self.sk.notes.append(f"{self.sheet.where}: {message}")

    def read(self) -> Skeleton:
        for row, cells in self.sheet.rows[self.layout.header_row + 1:]:
            kind = row_kind(cells, self.columns)
            if kind == "inject":
                self.row(row, cells)
            elif kind == "section":
                self.section(row, cells)
            elif kind == "note":
                shown = " ".join(next(str(c) for c in cells if str(c).strip()).split())
                self.note(f"row {row} read as a note, not an inject: \"{shown[:60]}{'…' if len(shown) > 60 else ''}\"")
        header = str(self.sheet.rows[self.layout.header_row][1][self.columns[self.layout.timing]]).strip()
        settled = settle(self.timed, norm(header), header)
        for row, message in settled.errors:
            self.fail(row, message)
        self.sk.clock_start = settled.start or self.story_start()
        if settled.note:
            self.note(settled.note)
        self.cues.finish()
        self.sk.settle_modules()
        self.sk.settle_objectives(self.note)
        if self.errors:  # in row order, references checked at the end included
            raise MselError([line for _row, line in sorted(self.errors, key=lambda e: e[0])])
        return self.sk

    def section(self, row: int, cells: list) -> None:
        title, story, start = section_parts(next(str(c) for c in cells if str(c).strip()))
        module = self.sk.module_named(title)
        self.module = module["id"]
        if story:  # written by export: the module's own story time and start
            module["time"] = story
        if start is not None:
            module["starts_at"] = parse_hhmm(start)

    def row(self, row: int, cells: list) -> None:
        number = self.cell(cells, "Number")
        inject_id = number if ID.match(number) else slug(number)
        if not number:
            return self.fail(row, "'number' is empty; every inject needs one")
        if not inject_id:
            return self.fail(row, f"'number' \"{number}\" cannot be used as an id (use letters, digits, '-', '_' or '.')")
        if inject_id in self.ids:  # reported, and the rest of the row is still checked
            self.fail(row, f"'number' \"{number}\" is already used on row {self.ids[inject_id]}")
        else:
            self.ids[inject_id] = row
        inj: dict = {"id": inject_id}
        self.time(row, self.cell(cells, self.layout.timing), inj)
        if self.layout.story is not None and "at" in inj:
            self.story.append((inj, self.cell(cells, "Scenario Time")))
        self.module_of(cells, inj)
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
        severity = self.cell(cells, "Severity")
        if severity:
            if severity_of(severity) is None:
                self.fail(row, f"'severity' \"{severity}\" is not one of routine, low, medium, high, critical")
            inj["severity"] = severity_of(severity)
        synopsis = self.cell(cells, "Synopsis")
        if not synopsis:
            self.fail(row, "'synopsis' is empty; say what happens")
        title, _, body = synopsis.partition("\n")
        if not body.strip():
            body, title = title, (title if len(title) <= 70 else title[:69].rsplit(" ", 1)[0] + "…")
        inj["title"], inj["body"] = title.strip(), body.strip()
        self.expected(self.cell(cells, "Expected Action"), inj)
        if "decision" in self.cell(cells, "Event Type").lower():  # export marks decisions; options come later
            self.sk.options.setdefault(inject_id, {})
        self.objectives(cells, inj)
        notes = self.cell(cells, "Notes")
        if notes:
            inj["facilitator_notes"] = notes
        self.cues.read(row, self.cell(cells, "Contingency"), inj)
        self.sk.injects.append(inj)

    def time(self, row: int, text: str, inj: dict) -> None:
        _cue, text = on_cue(text)
        day, text = split_date(text)
        # '9:30 AM' is one time: join the AM/PM to it before splitting off a '+delay'.
        for part in re.sub(r"(\d)\s+([ap]\.?\s?m\.?)(?=\s|$)", r"\1\2", text, flags=re.I).split():
            if part.startswith("+") and parse_hhmm(part[1:]) is not None:
                inj["delay"] = parse_hhmm(part[1:])
            elif (found := parse_time(part)) is not None and "at" not in inj:
                inj["at"] = found[0]
                self.timed.append(Timed(row, found[0], found[1] or day is not None, inj, day))
            else:
                return self.fail(row, f"'{self.layout.timing.lower()}' \"{text}\" is not a time like 01:30 (elapsed exercise "
                                      "time; times of day like 09:30 are converted), optionally with a delay like +00:05")

    def story_start(self) -> str | None:
        """Where the story clock stands at minute 0, from the sheet's own story times (beside Elapsed)."""
        first = next((m for m in self.sk.modules if m.get("starts_at") == 0 and m.get("time")), None)
        found = _STORY.match(first["time"]) if first else None
        if found:
            return f"{int(found['hh']):02d}:{found['mm']}"
        for inj, story in self.story:
            found = _STORY.match(story)
            if found and not found["day"] and "at" in inj:
                total = int(found["hh"]) * 60 + int(found["mm"]) - round(inj["at"] + inj.get("delay", 0))
                return f"{total % 1440 // 60:02d}:{total % 60:02d}"
        return None

    def module_of(self, cells: list, inj: dict) -> None:
        if "Module" in self.columns:  # the column says, for every row: empty is no module
            title = self.cell(cells, "Module")
            if title:
                inj["module"] = self.sk.module_named(section_title(title))["id"]
        elif self.module is not None:
            inj["module"] = self.module

    def role(self, name: str) -> str:
        """The role id for a name in the sheet, remembering how the sheet calls a new one."""
        rid = self.role_index.resolve(name) or self.sk.role_by_title(name) or ""
        if rid and rid not in self.role_index.actions and name.strip() != rid:
            self.sk.role_titles.setdefault(rid, " ".join(name.split()))
        if rid and rid not in self.sk.roles:
            self.sk.roles.append(rid)
        return rid

    def recipients(self, row: int, text: str):
        if means_everyone(text):
            return "all"
        out = []
        for part in re.split(r"[,;/\n]", text):
            if not part.strip():
                continue
            if means_everyone(part):
                return "all"
            rid = self.role(part)
            if not rid:
                self.fail(row, f"'to' \"{part.strip()}\" cannot be used as a role id (use letters and digits)")
            elif rid not in out:
                out.append(rid)
        if not out:
            self.fail(row, "'to' is empty; name the roles that receive this inject (role ids, or 'all')")
        return out

    def acting_role(self, label: str, to) -> str | None:
        """The role an expected action's label names ('Mayor', 'Police', 'Fire' for fire-chief), if any."""
        key = self.role_index.resolve(label) or self.sk.role_by_title(label)
        recipients = to if isinstance(to, list) else []
        if key and (key in recipients or key in self.role_index.actions or key in self.sk.roles):
            return self.role(label)
        word = slug(label)
        return next((r for r in recipients if word and word in r.split("-")), None)

    def expected(self, text: str, inj: dict) -> None:
        names = []
        # Export ends every item with its [STEP] and puts one per line, so a ';' is the text's own.
        lines = [x.strip() for x in text.split("\n") if x.strip()] if STEP_AT_END.search(text) else items(text)
        for k, line in enumerate(lines):
            label, step_id, description = split_action(line)
            role = self.acting_role(label, inj["to"]) if label else None
            if label and role is None:
                if step_id is not None:  # 'ROLE: … [STEP]' as export writes it: the label is a role
                    role = self.role(label)
                elif ID.match(label):  # 'STEP: …', the earlier form
                    step_id = label
                else:
                    description = f"{label}: {description}"
            step_id = step_id or f"{inj['id']}-action-{k + 1}"
            step = self.sk.steps.setdefault(step_id, {"description": None})
            if step["description"] is None or step.get("short"):  # first named by an 'if missed' clause
                step.update(description=description, inject=inj["id"], to=inj["to"], role=role, short=False)
            names.append(step_id)
        if names:
            inj["expected_actions"] = names

    def objectives(self, cells: list, inj: dict) -> None:
        refs = objective_refs(self.cell(cells, "Objective or Capability"))
        capabilities = objective_refs(self.cell(cells, "Capability"))
        for k, cap in enumerate(capabilities):  # a separate capability column: the k-th names the k-th objective's
            if k < len(refs) and refs[k].capability is None:
                refs[k].capability, refs[k].near = cap.capability, cap.near
            elif cap.capability is not None and not any(r.capability == cap.capability for r in refs):
                refs.append(cap)
        if refs:
            inj["objectives"] = [self.sk.objective(ref) for ref in refs]


def import_msel(source: Path, output: Path, notes: list[str] | None = None, validate: bool = True) -> list[Path]:
    """Read an MSEL sheet and write a scenario skeleton at `output` (with plan, playbook and any
    missing roles beside it). Returns the files written; what the reader decided on the user's
    behalf (clock times converted, rows read as notes) is appended to `notes`. Raises MselError
    for sheet problems, and (with `validate`) ValidationFailed when the skeleton does not
    validate. On any failure nothing is left behind, so the same command can simply be run again."""
    sheet = read_sheet(source)
    layout = find_layout(sheet)
    folder = output.parent
    roles = RoleIndex(folder)
    sk = _Rows(sheet, layout, roles).read()
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


__all__ = ["import_msel"]
