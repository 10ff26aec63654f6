"""Issue 11: every statement verdict on the scorecard, in the consoles' scorecard and in the report
quotes the words of the statement that triggered it."""

from __future__ import annotations

import pytest

from simulator.engine import commands as C
from simulator.loading.pack import load_pack
from simulator.report.data import gather
from simulator.report.html import render_html
from simulator.session import Session
from simulator.engine.seats import Seat
from tui.score_text import finding_text

from .conftest import ROOT
from .referee import Drill, findings

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
FIRST = ("We are heartbroken by the shooting at Gurdwara Sahib Eastbank this morning. Police have secured the area. "
         "There is no link between this attack and Northgate. We will give the next update within the hour.")
NAMED = "Gurmeet Singh Dhillon was one of those killed."


@pytest.fixture(scope="module")
def card():
    d = Drill(load_pack(FLAGSHIP))
    d.at(30, C.IssueStatement(by="mayor", channel="social", languages=["English"], text=FIRST))
    d.at(60, C.IssueStatement(by="mayor", channel="social", languages=["English"], text=NAMED))
    return d.finish().card()


def test_first_message_names_the_words_of_each_element(card):
    f = findings(card)["playbook.first_message:elements"]
    assert "Expresses empathy for those affected ('heartbroken')" in f.explanation
    assert "heartbroken" in f.matched


def test_a_rumour_correction_quotes_its_words(card):
    f = findings(card)["playbook.rumour:RUM-northgate"]
    assert f.verdict == "corrected" and "(matched 'no link', 'Northgate')" in f.explanation
    assert f.matched == ["no link", "Northgate"]


def test_a_statement_step_met_quotes_what_met_it(card):
    # the rumour-correction step is the communications lead's; the mayor's own words are not its act
    f = findings(card)["plan.timeliness:rumour-correction"]
    assert f.verdict == "missed" and not f.matched


def test_a_breach_quotes_the_name_and_the_consoles_show_the_words(card):
    [breach] = [f for f in card.findings if f.id.startswith("playbook.prohibited:PR-victim-names@")]
    assert breach.matched == ["Gurmeet Singh Dhillon"] and "'Gurmeet Singh Dhillon'" in breach.explanation
    shown = finding_text(breach, {}).plain
    assert "Words that triggered it: 'Gurmeet Singh Dhillon'" in shown


def test_a_statement_step_of_the_speaker_quotes_the_words_that_met_it():
    d = Drill(load_pack(FLAGSHIP))
    d.at(30, C.IssueStatement(by="communications", channel="social", languages=["English"], text=FIRST))
    f = findings(d.finish().card())["plan.timeliness:rumour-correction"]
    assert f.verdict == "on_time"
    assert "in a statement that said: a correction of the rumour RUM-northgate ('no link', 'Northgate')" in f.explanation
    assert f.matched == ["no link", "Northgate"]


def test_the_report_quotes_them_too(tmp_path):
    pack = load_pack(FLAGSHIP)
    log = tmp_path / "words.jsonl"
    session = Session.start(pack, 1, {r: Seat() for r in pack.scenario.roles}, log)
    session.advance_to(30)
    session.submit(C.IssueStatement(by="mayor", channel="social", languages=["English"], text=FIRST))
    session.advance_to(60)
    session.submit(C.IssueStatement(by="mayor", channel="social", languages=["English"], text=NAMED))
    session.run_to_end()
    session.close()
    html = render_html(gather(log))
    assert "&#39;Gurmeet Singh Dhillon&#39;" in html or "'Gurmeet Singh Dhillon'" in html
    assert "&#39;heartbroken&#39;" in html or "'heartbroken'" in html
