"""Decisions meet their plan steps where the option is the step (an option's `meets`), by one rule
(judge.actions_chosen) that the engine, the consoles' checklist and the scorer all follow; and lint
warns where an option and a step look alike but are not linked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.authoring import alike
from simulator.authoring.lint import lint_pack
from simulator.console.display import ExerciseView
from simulator.engine import commands as C
from simulator.loading.pack import load_pack
from simulator.loading.problems import ValidationFailed

from .conftest import ROOT
from .referee import Drill, verdict

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
STEP = "protect-blamed-community"


@pytest.fixture(scope="module")
def flagship():
    return load_pack(FLAGSHIP)


def _decide(pack, option: str, minute: float = 45) -> Drill:
    drill = Drill(pack)
    drill.at(minute, C.MakeDecision(by="police", inject="I-08", option=option))
    return drill


def test_the_recommended_option_that_is_the_step_meets_it_everywhere(flagship):
    drill = _decide(flagship, "visible_patrol")
    met = [e for e in drill.events("expectation_met") if e.expectation == STEP]
    assert [(e.by, e.on_time) for e in met] == [("police", True)]
    view = ExerciseView(flagship)
    view.apply(list(drill.session.events))
    assert view.steps[STEP].status == "done"  # the console's checklist
    drill.finish()
    card = drill.card()
    assert verdict(card, f"plan.timeliness:{STEP}") == ("on_time", "P")
    assert verdict(card, f"plan.role:{STEP}") == ("right_role", "P")
    explained = next(f for f in card.findings if f.id == f"plan.timeliness:{STEP}").explanation
    assert "by choosing 'Visible patrols at the centre" in explained and "decision I-08" in explained
    # the option is the step: conditions on the step's action hold, so no contingency prompt came
    assert not [d for d in drill.events("inject_delivered") if d.cue == f"contingency:{STEP}"]
    # and the action's own effects were not applied on top of the option's
    assert not [e for e in drill.session.events if getattr(e, "cause", "") == "action:police.protect_welcome_centre"]


def test_another_option_and_a_lapsed_decision_meet_nothing(flagship):
    drill = _decide(flagship, "normal_patrols").finish()
    assert verdict(drill.card(), f"plan.timeliness:{STEP}") == ("missed", "U")
    lapsed = Drill(flagship).finish()  # nobody decides: the default option is nobody's act
    assert [e.option for e in lapsed.events("decision_lapsed") if e.inject == "I-08"] == ["normal_patrols"]
    assert verdict(lapsed.card(), f"plan.timeliness:{STEP}") == ("missed", "U")


def test_a_step_met_by_a_choice_before_it_is_called_for_counts_when_it_is(tmp_path):
    # The deputy in the succession pack invokes the order by decision; the step it meets is met.
    pack = load_pack(ROOT / "scenarios" / "wendholm-threats-succession")
    opener = next(i for i in pack.scenario.injects if i.id == "I-02")
    drill = Drill(pack)
    drill.advance((opener.at or 0) + 1)
    drill.at(drill.session.now, C.MakeDecision(by="deputy-mayor", inject="I-02", option="assume_now"))
    assert any(e.expectation == "acting-command" for e in drill.events("expectation_met"))


def _copy(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(FLAGSHIP, folder)
    path = folder / "scenario.yaml"
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))
    return folder


LINK = "          meets: [protect-blamed-community]\n"


@pytest.mark.parametrize("new, expected", [
    ("          meets: [protect-no-one]\n", "unknown plan step 'protect-no-one'"),
    ("          meets: [first-statement]\n", "met by a public statement"),
    ("          meets: [secure-scene, crisis-team]\n", "for role 'mayor'"),
])
def test_a_link_the_step_cannot_take_is_refused_where_it_is_written(tmp_path, new, expected):
    folder = _copy(tmp_path, LINK, new)
    with pytest.raises(ValidationFailed) as exc:
        load_pack(folder)
    problems = [p for p in exc.value.problems if expected in p.message]
    assert problems, [p.message for p in exc.value.problems]
    text = (folder / "scenario.yaml").read_text().splitlines()
    assert "meets:" in text[problems[0].line - 1]


def test_lint_warns_where_an_option_reads_like_its_step_but_is_not_linked(tmp_path):
    folder = _copy(tmp_path, LINK, "")
    found = [p for p in lint_pack(folder) if "reads like plan step" in p.message]
    assert len(found) == 1 and found[0].severity == "warning"
    assert "'visible_patrol'" in found[0].message and f"meets: [{STEP}]" in found[0].message
    line = (folder / "scenario.yaml").read_text().splitlines()[found[0].line - 1]
    assert "id: visible_patrol" in line
    assert not [p for p in lint_pack(FLAGSHIP) if "reads like plan step" in p.message]


@pytest.mark.parametrize("option, step, is_alike", [
    # the same act in other words and inflections
    ("Opens the reunification points at Fernside Leisure Centre and signs pupils out to named adults",
     "Open a reunification point at Fernside Leisure Centre; sign pupils out to named adults after an ID check", True),
    ("Deploying visible patrols at the mosques, temples and gurdwaras tonight",
     "Deploy visible patrols at every place of worship: mosques, temples, gurdwaras", True),
    # the opposite act: what a step does, refused
    ("Leave it to police contact, with no named city contact point for the mosques and temples",
     "Name one city contact point for the mosques and temples", False),
    # the same topic, a different act
    ("Ask the court to ban the march outright",
     "Explain the route conditions and the reasons for them to the march organisers", False),
    # too few words to be a twin
    ("Reunification point", "Open a reunification point", False),
])
def test_likeness_of_varied_wordings(option, step, is_alike):
    o, s = alike.content(option), alike.content(step)
    weight = alike.Weights.of([o, s, alike.content("the city police statement"), alike.content("a city council")])
    assert alike.likeness(o, s, weight).alike is is_alike


@pytest.mark.parametrize("pack", sorted(p.name for p in (ROOT / "scenarios").iterdir() if (p / "scenario.yaml").exists()))
def test_every_shipped_option_that_reads_like_its_step_names_it(pack):
    assert [str(p) for p in lint_pack(ROOT / "scenarios" / pack) if "reads like plan step" in p.message] == []


def test_meets_written_empty_says_the_option_is_not_the_step(tmp_path):
    folder = _copy(tmp_path, LINK, "          meets: []\n")
    assert not [p for p in lint_pack(folder) if "reads like plan step" in p.message]
    drill = _decide(load_pack(folder), "visible_patrol").finish()
    assert verdict(drill.card(), f"plan.timeliness:{STEP}") == ("missed", "U")
