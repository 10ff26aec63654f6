"""The one statement checker (simulator/statements): it catches harm, credits sound paraphrase,
explains itself with the statement's own words, and survives any input."""

from __future__ import annotations

import pytest

from simulator import judge
from simulator.engine.history import History
from simulator.loading.pack import load_pack
from simulator.statements.text import MAX_CHARS

from .conftest import ROOT

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
SUCCESSION = ROOT / "scenarios" / "wendholm-threats-succession"


@pytest.fixture(scope="module")
def caldmere():
    return load_pack(FLAGSHIP)


def _judged(pack, text):
    return pack.check_statement(text).verdicts


def test_the_mayors_speculation_breaks_three_rules_on_its_own_words(caldmere):
    text = ("We believe the gunman is a Pakistani Muslim man, probably from the Northgate refugee centre. "
            "Stay away from Northgate.")
    v = _judged(caldmere, text)
    assert {"PR-speculation", "PR-stigma", "PR-rumour-northgate"} <= set(v)
    assert "Pakistani" in v["PR-speculation"].words
    assert "Stay away from Northgate" in v["PR-stigma"].words
    for verdict in v.values():  # every verdict quotes the statement itself, at its place in it
        assert all(text[h.start:h.end] == h.words for h in verdict.hits)
        assert verdict.why


def test_the_succession_leak_breaks_privacy_and_stigma():
    pack = load_pack(SUCCESSION)
    text = "My children are staying with my mother at 14 Harbour Lane under police guard. The threat came from migrants."
    v = _judged(pack, text)
    assert {"PR-security-details", "PR-stigma"} <= set(v)
    assert "14 Harbour Lane" in v["PR-security-details"].words


@pytest.mark.parametrize("text, rule", [
    ("We are deeply saddened, and our thoughts and prayers are with everyone affected.", "FM-empathy"),
    ("There is no evidence anyone from Northgate was involved.", "RUM-northgate"),
    ("This was a hateful act, an attack on all of us.", "KM-condemn"),
    ("To our Sikh neighbours: we are with you.", "KM-solidarity"),
    ("The number of people hurt has not yet been confirmed.", "FM-unknowns"),
    ("We condemned it; we are condemning it still.", "KM-condemn"),
])
def test_sound_paraphrase_is_credited(caldmere, text, rule):
    v = _judged(caldmere, text)
    assert rule in v
    assert not {r for r in v if r.startswith("PR-")}


@pytest.mark.parametrize("text", [
    "There is no link between the attack and Northgate.",
    "Nothing suggests the man arrested is connected to Northgate.",
    "Posts saying the attacker came from Northgate are false.",
])
def test_a_denial_corrects_the_rumour(caldmere, text):
    v = _judged(caldmere, text)
    assert "RUM-northgate" in v and "PR-rumour-northgate" not in v


@pytest.mark.parametrize("text", [
    "There is a link between the attack and Northgate.",
    "The man arrested is connected to Northgate.",
])
def test_an_assertion_confirms_the_rumour(caldmere, text):
    v = _judged(caldmere, text)
    assert "PR-rumour-northgate" in v and "RUM-northgate" not in v


@pytest.mark.parametrize("text", [
    "We will not speculate about the attacker's religion.",
    "Police have not said anything about his nationality and we will not guess.",
    "Please do not share the attacker's manifesto.",
    "Blaming refugees for this would be wrong.",
])
def test_denied_or_disowned_harm_breaks_nothing(caldmere, text):
    assert not {r for r in _judged(caldmere, text) if r.startswith("PR-")}


def test_a_victims_name_counts_until_the_family_is_told(caldmere):
    text = "Our thoughts are with Mr Dhillon's family."
    h = History(state={v.id: v.initial for v in caldmere.scenario.state})
    assert "PR-victim-names" in judge.statement_rules(caldmere, text, h)
    h.actions["police.notify_families"] = [(10.0, "police")]
    assert "PR-victim-names" not in judge.statement_rules(caldmere, text, h)
    assert "FM-empathy" in judge.statement_verdicts(caldmere, text, h)


@pytest.mark.parametrize("text", [
    "", "   ", "\x00\x07\x1b[31m stay calm \x08", "مرحبا بكم في المدينة", "Мы скорбим вместе с вами", "我们与你们同在",
    "x" * 100_000, "calm " * 30_000, "'" * 5000, "no " * 20_000 + "link Northgate",
])
def test_any_input_gets_a_sound_verdict(caldmere, text):
    result = caldmere.checker.check(text)
    assert result.unread == max(0, len(text) - MAX_CHARS)
    for v in result.verdicts.values():
        assert all(0 <= h.start <= h.end <= len(text) for h in v.hits)


def test_past_the_limit_is_reported_not_read(caldmere):
    text = "We stand together. " * 8000  # 152,000 characters
    assert caldmere.checker.check(text).unread == len(text) - MAX_CHARS


def test_every_flagship_rule_carries_three_examples_each_way(caldmere):
    pb = caldmere.playbook
    for rule in (*pb.first_message, *pb.key_messages, *pb.prohibited, *pb.rumours, *pb.audiences):
        assert rule.examples is not None, rule.id
        assert len(rule.examples.match) >= 3 and len(rule.examples.no_match) >= 3, rule.id
        assert getattr(rule, "kind", None) or getattr(rule, "about", None) or rule.id.startswith("AUD-"), rule.id


def test_every_rule_of_every_pack_carries_three_examples_each_way():
    """Issue 11: every playbook rule is its own test, three statements each way (lint judges them)."""
    short = []
    for folder in sorted((ROOT / "scenarios").iterdir()):
        if not (folder / "playbook.yaml").exists():
            continue
        pb = load_pack(folder).playbook
        for rule in (*pb.first_message, *pb.key_messages, *pb.prohibited, *pb.rumours, *pb.audiences):
            ex = rule.examples
            if ex is None or len(ex.match) < 3 or len(ex.no_match) < 3:
                short.append(f"{folder.name}: {rule.id}")
    assert not short, "rules with fewer than three examples each way: " + ", ".join(short)


def test_templates_cover_what_they_say_and_break_nothing():
    for folder in sorted((ROOT / "scenarios").iterdir()):
        pack = load_pack(folder)
        prohibited = {r.id for r in pack.playbook.prohibited}
        for t in pack.playbook.templates:
            got = pack.statement_rules(t.text)
            assert set(t.covers) <= got, (folder.name, t.id, set(t.covers) - got)
            assert not got & prohibited, (folder.name, t.id, got & prohibited)
