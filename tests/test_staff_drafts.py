"""The flawed drafts simulated staff write (simulator/engine/staff_drafts.py), function by function:
where a hurried drafter puts a sentence, what speculation and a victim's name sound like from the
pack's own vocabulary, which sentence a missing element costs, and that every flaw offered is one
the pack's checker (through the judge) catches while the clean template is not."""

from __future__ import annotations

import dataclasses
import random
from types import SimpleNamespace

import pytest

from simulator import judge
from simulator.engine import staff_drafts as drafts
from simulator.engine.history import History
from simulator.loading.pack import load_pack

from .conftest import ROOT


@pytest.fixture(scope="module")
def flagship():
    return load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")


def _vocab(communities=(), people=(), perpetrator=()):
    return SimpleNamespace(playbook=SimpleNamespace(vocabulary=SimpleNamespace(
        communities=list(communities), people=list(people), perpetrator=list(perpetrator))))


def _community(words, targeted=False, places=()):
    return SimpleNamespace(words=list(words), targeted=targeted, places=list(places))


def _person(role, names):
    return SimpleNamespace(role=role, names=list(names))


@pytest.mark.parametrize("text, want", [
    ("One. Two. Three.", "One. Added. Two. Three."),
    ("  Only one sentence.  ", "Only one sentence. Added."),
    ("Is it true? Yes!  It is.", "Is it true? Added. Yes!  It is."),
    ("First!\nSecond.", "First! Added. Second."),
    ("No full stop at all", "No full stop at all Added."),
    ("A 3.5 mile cordon is in place. Stay away.", "A 3.5 mile cordon is in place. Added. Stay away."),
])
def test_a_sentence_goes_in_after_the_first(text, want):
    assert drafts._insert(text, "Added.") == want


def test_speculation_names_the_first_community_not_targeted_with_its_place():
    pack = _vocab([_community(["Sikh"], targeted=True, places=["the gurdwara"]),
                   _community([], targeted=False, places=["Elm Street"]),  # no words: cannot be named
                   _community(["refugee", "asylum seeker"], places=["Northgate", "the depot"])])
    assert drafts._speculation(pack) == "Early reports suggest the attacker may be a refugee from Northgate."


@pytest.mark.parametrize("word, article", [("Afghan", "an"), ("asylum seeker", "an"), ("Eritrean", "an"),
                                           ("Iraqi", "an"), ("Oromo", "an"), ("Ukrainian", "an"),
                                           ("migrant", "a"), ("Syrian", "a")])
def test_speculation_says_a_or_an_by_the_word(word, article):
    pack = _vocab([_community([word])], perpetrator=["the gunman", "the shooter"])
    assert drafts._speculation(pack) == f"Early reports suggest the gunman may be {article} {word}."


def test_no_speculation_without_a_community_to_blame():
    assert drafts._speculation(_vocab([_community(["Sikh"], targeted=True)])) is None
    assert drafts._speculation(_vocab([_community([])])) is None
    assert drafts._speculation(_vocab()) is None


def test_the_victim_named_is_the_first_victim_with_a_name():
    pack = _vocab(people=[_person("suspect", ["Dean Ashby"]), _person("victim", []),
                          _person("victim", ["Asha Rao", "Mrs Rao"]), _person("victim", ["Tom Hale"])])
    assert drafts._victim_name(pack) == "Our thoughts are with the family of Asha Rao."
    assert drafts._victim_name(_vocab(people=[_person("official", ["Mayor Hart"])])) is None
    assert drafts._victim_name(_vocab()) is None


def _template(pack, tid):
    return next(t for t in pack.playbook.templates if t.id == tid)


def _step(pack, sid):
    return next(e for e in pack.plan.expectations if e.id == sid)


def _sentences(text):
    return drafts._SENTENCE.split(text.strip())


def test_a_missing_element_is_one_sentence_cut_that_the_step_needed(flagship):
    template, step = _template(flagship, "T-first-statement"), _step(flagship, "first-statement")
    record = History(state={})
    clean = judge.statement_verdicts(flagship, template.text, record)
    need = set(step.statement) & clean.keys()
    parts = _sentences(template.text)
    cuts = set()
    for seed in range(8):
        shorter = drafts._without_an_element(flagship, record, step, template.text, frozenset(clean), random.Random(seed))
        assert shorter is not None
        left = _sentences(shorter)
        assert len(left) == len(parts) - 1 and all(p in parts for p in left)
        assert need - judge.statement_verdicts(flagship, shorter, record).keys(), "a needed element is gone"
        cuts.add(next(p for p in parts if p not in left))
    assert len(cuts) > 1, "the seeded stream picks which sentence goes"


def test_no_missing_element_from_one_sentence_or_when_nothing_needed_is_covered(flagship):
    step = _step(flagship, "first-statement")
    record = History(state={})
    one = "We are heartbroken by the attack and we will update you at 14:00."
    assert drafts._without_an_element(flagship, record, step, one, frozenset({"FM-empathy"}), random.Random(1)) is None
    text = _template(flagship, "T-first-statement").text
    assert drafts._without_an_element(flagship, record, step, text, frozenset(), random.Random(1)) is None
    unrelated = step.model_copy(update={"statement": ["KM-condemn"]})  # an element the template never covered
    assert drafts._without_an_element(flagship, record, unrelated, text, frozenset({"FM-empathy"}), random.Random(1)) is None


def test_every_flaw_offered_is_caught_and_each_kind_occurs(flagship):
    template, step = _template(flagship, "T-first-statement"), _step(flagship, "first-statement")
    record = History(state={})
    clean = judge.statement_verdicts(flagship, template.text, record)
    clean_breaks = {rid for rid, v in clean.items() if v.harmful}
    kinds = {}
    for seed in range(12):
        found = drafts.flawed(flagship, record, step, template, random.Random(seed))
        assert found is not None
        text, kind = found
        kinds.setdefault(kind, text)
        broken = drafts.breaks(flagship, record, text)
        if kind == "speculation":
            assert drafts._speculation(flagship) in text and "PR-speculation" in broken - clean_breaks
        elif kind == "victim name":
            assert "Gurmeet Singh Dhillon" in text and "PR-victim-names" in broken - clean_breaks
        else:
            assert kind == "missing element"
            assert set(step.statement) & clean.keys() - judge.statement_verdicts(flagship, text, record).keys()
    assert set(kinds) == {"speculation", "victim name", "missing element"}
    assert drafts.breaks(flagship, record, template.text) == frozenset(clean_breaks)


def test_no_flaw_when_the_pack_gives_nothing_the_checker_would_catch(flagship):
    vocab = flagship.playbook.vocabulary
    bare = vocab.model_copy(update={"communities": [c for c in vocab.communities if c.targeted], "people": []})
    pack = dataclasses.replace(flagship, playbook=flagship.playbook.model_copy(update={"vocabulary": bare}), _checked={})
    template = _template(pack, "T-first-statement")
    single = template.model_copy(update={"text": "We are heartbroken by the attack this morning."})
    step = _step(pack, "first-statement")
    for seed in range(6):
        assert drafts.flawed(pack, History(state={}), step, single, random.Random(seed)) is None


def test_a_flaw_the_clean_template_already_has_is_not_offered_as_new(flagship):
    step = _step(flagship, "first-statement")
    spoken = drafts._speculation(flagship)
    template = _template(flagship, "T-first-statement").model_copy(update={"text": f"We are heartbroken. {spoken}"})
    record = History(state={})
    for seed in range(6):
        found = drafts.flawed(flagship, record, step, template, random.Random(seed))
        assert found is None or found[1] != "speculation"


def test_breaks_are_the_harmful_verdicts_and_the_text_is_judged_for_the_log(flagship):
    logged = []
    record = History(state={}, on_judged=lambda text, _result: logged.append(text))
    text = drafts._insert("We are heartbroken.", drafts._speculation(flagship))
    assert drafts.breaks(flagship, record, text) == frozenset(
        rid for rid, v in judge.statement_verdicts(flagship, text, record).items() if v.harmful)
    assert "PR-speculation" in drafts.breaks(flagship, record, text)
    assert drafts.breaks(flagship, record, "We are heartbroken.") == frozenset()
    assert logged == [text, "We are heartbroken."], "the exercise judged (and so logs) what staff weighed, once each"


def test_a_draft_of_two_sentences_can_lose_one(flagship):
    step = _step(flagship, "first-statement")
    record = History(state={})
    two = "We are heartbroken by the attack at the gurdwara this morning. We will give the next update at 14:00."
    clean = judge.statement_verdicts(flagship, two, record)
    assert {"FM-empathy", "FM-next-update"} <= clean.keys()
    shorter = drafts._without_an_element(flagship, record, step, two, frozenset(clean), random.Random(3))
    assert shorter in _sentences(two)


def test_when_no_sentence_can_be_cut_another_flaw_is_tried(flagship):
    step = _step(flagship, "first-statement")
    one = _template(flagship, "T-first-statement").model_copy(update={"text": "We are heartbroken by the attack this morning."})
    for seed in range(8):  # whichever kind the stream tries first, a flaw the checker catches is found
        found = drafts.flawed(flagship, History(state={}), step, one, random.Random(seed))
        assert found is not None and found[1] in ("speculation", "victim name")
