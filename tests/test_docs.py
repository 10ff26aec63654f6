"""The documentation tells the truth: every expectation the coverage tables name exists."""

from __future__ import annotations

import re

from simulator.loading.pack import load_pack

from .conftest import ROOT


def _tables(section: str):
    """Each markdown table of a section as (header cells, body rows of cells)."""
    block: list[list[str]] = []
    for line in section.splitlines() + [""]:
        if line.startswith("|"):
            block.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif block:
            yield block[0], [row for row in block[1:] if not set("".join(row)) <= set("-: ")]
            block = []


def _named(cell: str) -> set[str]:
    if cell.startswith("—") or cell.startswith("("):
        return set()
    ticked = re.findall(r"`([^`]+)`", cell)
    names = ticked or [re.sub(r"\(.*?\)", "", x).strip() for x in re.split(r"[,;]", cell)]
    return {n for n in names if n}


def test_coverage_tables_name_real_expectations():
    text = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    shipped = {p.name for p in (ROOT / "scenarios").iterdir() if (p / "scenario.yaml").exists()}
    covered = set()
    for section in sections:
        pack_id = section.splitlines()[0].strip()
        assert pack_id in shipped, f"docs/coverage.md names an unknown pack '{pack_id}'"
        covered.add(pack_id)
        plan = {e.id for e in load_pack(ROOT / "scenarios" / pack_id).plan.expectations}
        named_in_pack: set[str] = set()
        for header, rows in _tables(section):
            col = next((i for i, h in enumerate(header) if h.lower() in ("expectations", "plan steps")), None)
            if col is None:
                continue
            assert rows, pack_id
            for row in rows:
                named = _named(row[col])
                assert named <= plan, f"{pack_id}: {sorted(named - plan)} are not plan steps"
                named_in_pack |= named
        assert len(named_in_pack) >= len(plan) // 2, f"{pack_id}: the table covers too few plan steps"
    assert covered == shipped, f"packs without a coverage section: {sorted(shipped - covered)}"


# ---- each claim of the coverage tables, checked against the pack ---------------------------------
#
# A row names the plan steps (and injects, hot-wash questions, rules) that rehearse a duty, and a
# `terms` cell: words of that duty. Every step, inject, hot-wash module and rule the row names must
# exist, and its own text must say one of the terms. So a row that claims a march needs a step or an
# inject about a march, and a row that claims national coordination needs a step that involves the
# national side, not just any step.

_INJECT = re.compile(r"\bI-\d{2,3}\b")
_HOT_WASH = re.compile(r"hot[ -]wash (?:questions? )?(?:\(?module )?(M\d+)", re.IGNORECASE)


def _sections():
    text = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        pack_id = section.splitlines()[0].strip()
        yield pack_id, section, load_pack(ROOT / "scenarios" / pack_id)


def _flat(*parts) -> str:
    return " ".join(" ".join(str(p).split()) for p in parts if p).lower()


def _step_text(pack, step) -> str:
    action = pack.actions.get(step.action)[1] if step.action else None
    rules = _rules(pack.playbook)
    labels = [getattr(rules.get(r), "label", "") for r in step.statement or []]
    return _flat(step.id, step.description, action and action.label, action and action.description, *labels)


def _inject_text(inj) -> str:
    d = inj.decision
    return _flat(inj.title, inj.body, d and d.prompt, *(o.label for o in (d.options if d else [])))


def _rule_text(rule) -> str:
    m = rule.match
    return _flat(rule.id, getattr(rule, "label", ""), *m.phrases, *m.words)


def _rules(playbook) -> dict:
    groups = (playbook.first_message, playbook.key_messages, playbook.prohibited, playbook.rumours, playbook.audiences)
    return {r.id: r for g in groups for r in g}


def _known(pack) -> set[str]:
    sc, pb = pack.scenario, pack.playbook
    names = {e.id for e in pack.plan.expectations} | set(_rules(pb)) | {f.id for f in pb.facts}
    names |= {h.id for h in sc.harms} | {i.id for i in sc.injects} | {m.id for m in sc.modules} | {v.id for v in sc.state}
    names |= {s.id for s in sc.senders} | {o.id for i in sc.injects if i.decision for o in i.decision.options}
    names |= {"reporting", "span_of_control", "channels", "languages", "cadence", "first_statement", "messengers"}
    return names


def _claims():
    """(pack id, duty, terms, column header, cell, pack) for every row that carries terms."""
    for pack_id, section, pack in _sections():
        for header, rows in _tables(section):
            lower = [h.lower() for h in header]
            if "terms" not in lower:
                continue
            t = lower.index("terms")
            duty = lower.index("duty")
            for row in rows:
                terms = [x.strip().lower() for x in row[t].split(",") if x.strip()]
                for h, cell in zip(lower, row):
                    if h not in ("terms", "duty"):
                        yield pack_id, row[duty], terms, h, cell, pack


def test_every_coverage_table_says_the_terms_of_its_duties():
    for pack_id, section, _ in _sections():
        tables = [h for h, _rows in _tables(section)]
        assert tables, pack_id
        for header in tables:
            assert "terms" in [h.lower() for h in header], f"{pack_id}: a coverage table without a 'terms' column"
        assert re.search(r"^### Not ", section, re.MULTILINE), f"{pack_id}: no 'Not covered' section"


def test_coverage_claims_relate_to_their_duties():
    wrong = []
    for pack_id, duty, terms, header, cell, pack in _claims():
        where = f"{pack_id}: '{duty[:50]}'"
        if not terms:
            wrong.append(f"{where}: no terms")
            continue

        def says(what: str, text: str) -> None:
            if not any(term in text for term in terms):
                wrong.append(f"{where}: {what} says none of {terms}")

        steps = {e.id: e for e in pack.plan.expectations}
        injects = {i.id: i for i in pack.scenario.injects}
        modules = {m.id: m for m in pack.scenario.modules}
        rules = _rules(pack.playbook)
        if header in ("expectations", "plan steps"):
            for name in sorted(_named(cell)):
                if name in steps:
                    says(f"plan step {name}", _step_text(pack, steps[name]))
                else:
                    wrong.append(f"{where}: {name} is not a plan step")
            continue
        if "rule" in header:
            for name in re.findall(r"`([^`]+)`", cell):
                if name in rules:
                    says(f"rule {name}", _rule_text(rules[name]))
                elif name not in _known(pack):
                    wrong.append(f"{where}: {name} is not in the playbook")
            continue
        for name in _INJECT.findall(cell):
            if name in injects:
                says(f"inject {name}", _inject_text(injects[name]))
            else:
                wrong.append(f"{where}: {name} is not an inject")
        for name in _HOT_WASH.findall(cell):
            if name in modules:
                says(f"hot wash {name}", _flat(*modules[name].discussion_questions))
            else:
                wrong.append(f"{where}: {name} is not a module")
        for name in re.findall(r"`([^`]+)`", cell):
            if name in rules:
                says(f"rule {name}", _rule_text(rules[name]))
            elif name in steps:
                says(f"plan step {name}", _step_text(pack, steps[name]))
            elif name not in _known(pack):
                wrong.append(f"{where}: `{name}` names nothing in the pack")
    assert not wrong, "docs/coverage.md claims what the pack does not hold:\n" + "\n".join(wrong)


def test_every_inject_the_coverage_names_exists():
    """Prose claims too ('comes up only in module M3, inject I-22') must name real injects and modules."""
    for pack_id, section, pack in _sections():
        injects = {i.id for i in pack.scenario.injects}
        modules = {m.id for m in pack.scenario.modules}
        assert set(_INJECT.findall(section)) <= injects, f"{pack_id}: {sorted(set(_INJECT.findall(section)) - injects)}"
        named = set(re.findall(r"\bmodule (M\d+\w*)", section)) | set(_HOT_WASH.findall(section))
        assert named <= modules, f"{pack_id}: {sorted(named - modules)} are not modules"


def test_prohibitions_on_private_details_can_fire():
    """A rule against repeating names or places can only ever fire if play gives them out: at least
    one of its own phrases is in what the players are told, and the checker flags it there."""
    for pack_id, _section, pack in _sections():
        told = " ".join(_inject_text(i) for i in pack.scenario.injects)
        for rule in pack.playbook.prohibited:
            if rule.kind != "private_details" or not rule.match.phrases:
                continue
            given = [p for p in rule.match.phrases if p.lower() in told]
            assert given, f"{pack_id}: {rule.id} names nothing the players are ever told, so it can never fire"
            checker = pack.checker
            for phrase in given:
                verdict = checker.check(f"Update for residents: {phrase}.").verdicts
                assert rule.id in verdict, f"{pack_id}: {rule.id} does not flag '{phrase}'"
