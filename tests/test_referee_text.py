"""How the scorecard reads: the reasons of roll-ups in words (simulator/report/reasons.py, shared by
`tabletop score`, the report, the consoles and `tabletop compare`) and the terminal tables (simulator/scoring/text.py).
The ids stay in the JSON; these check what people see instead of them.
"""

from __future__ import annotations

import io

from rich.console import Console

from simulator.engine import commands as C
from simulator.report.reasons import rollup_reason
from simulator.scoring.text import render

from .referee import act, final_card, findings, referee_pack, say


def rollups(card):
    return {r.id: r for r in [*card.objectives, *card.capabilities, *card.roles, *card.expectations]}


def why(r, card, pack=None):
    return rollup_reason(r, card, pack or referee_pack())


def test_why_a_step_or_role_has_its_rating_names_its_worst_finding_in_words():
    card = final_card([(16, act("mayor", "mayor.convene"))])
    r = rollups(card)
    assert why(r["expectation:S1"], card) == "Worst of 3 findings (1 P, 2 M): \u2018On time\u2019 (\u2018Convene the team\u2019), late."
    assert why(r["role:deputy"], card) == "Its one finding (M): the decision \u2018Which road stays open?\u2019, not decided."


def test_why_names_the_essential_steps_not_performed():
    card = final_card([])
    text = why(rollups(card)["objective:O1"], card)
    assert text.startswith("Unable to be performed: the essential plan step \u2018Convene the team\u2019 was not performed.")
    pack = _both_essential()
    card = final_card([], pack=pack)
    text = why(rollups(card)["objective:O1"], card, pack)
    assert text.startswith("Unable to be performed: the essential plan step \u2018Convene the team\u2019 and plan step "
                           "\u2018Declare an emergency\u2019 were not performed.")


def _both_essential():
    from .referee import variant

    return variant("two-essential", [("plan.yaml", "capability: Operational Coordination, source: referee plan S3}",
                                       "capability: Operational Coordination, essential: true, source: referee plan S3}")])


def test_why_gives_the_counts_and_names_the_worst_in_words():
    card = final_card([(1, act("mayor", "mayor.convene")), (2, act("mayor", "mayor.declare")), (3, act("mayor", "mayor.close"))])
    r = rollups(card)["objective:O1"]
    assert r.rule.startswith("worst of ")
    text = why(r, card)
    assert text.startswith(f"Worst of {len(r.parts)} ratings counted (") and "expectation:" not in text
    assert "plan step \u2018" in text and "plan.decision" not in text and "I2" not in text


def test_why_names_three_culprits_once_each_however_often_they_recur():
    from .test_referee_plan import good_run

    script = good_run() + [(45, say("mayor", "That is false."))] + [(50 + i, say("deputy", f"Note {i}.")) for i in range(4)]
    card = final_card(script)
    r = rollups(card)["objective:O2"]
    assert r.rule.endswith(" ...") and r.rating == "M"
    text = why(r, card)
    # four statements by the deputy, each unapproved: one culprit said once, with how often
    assert text.count("\u2018Approved messenger\u2019 (Deputy mayor)") == 1 and "4 times" in text
    assert text.endswith(", and others.") or text.count("\u2018") // 2 <= 4
    o1 = rollups(card)["objective:O1"]
    assert (o1.rule, why(o1, card)) == ("all 6 ratings P", "All 6 ratings counted are P.")  # 5 plan steps and the decision on I2


def test_why_of_an_overridden_rollup_keeps_the_suggested_reason():
    d = final_card([(1, act("mayor", "mayor.convene")), (2, act("mayor", "mayor.declare")), (3, act("mayor", "mayor.close")),
                    (119, C.OverrideRating(by="evaluator", target="objective:O1", rating="P", rationale="fine by me"))])
    r = rollups(d)["objective:O1"]
    text = why(r, d)
    assert text.startswith("Set to P by evaluator: fine by me (suggested ")
    assert f"(suggested {r.suggested}. Worst of " in text


def test_nothing_observed():
    card = final_card([])
    r = rollups(card)
    assert why(r["capability:Situational Assessment"], card) == "Nothing was observed for it in this exercise."


def printed(card, all_findings=False):
    out = io.StringIO()
    render(card, Console(file=out, width=200, color_system=None), referee_pack(), all_findings=all_findings)
    return out.getvalue()


def test_render_shows_the_score_and_the_findings_that_need_attention():
    card = final_card([(16, act("mayor", "mayor.convene"))])
    text = printed(card)
    assert f"score {card.score:.0f}/100" in text and "live" not in text
    shown = [f for f in card.findings if f.rating in ("U", "M", "S")]
    assert f"Findings ({len(shown)} of {len(card.findings)}; --all shows every one)" in text
    assert "plan.timeliness" in text and "plan.role" not in text  # P findings are hidden by default
    everything = printed(card, all_findings=True)
    assert f"Findings ({len(card.findings)} of {len(card.findings)})" in everything and "plan.role" in everything


def test_render_of_a_live_card_and_an_override():
    from .referee import Drill

    d = Drill().play([(16, act("mayor", "mayor.convene")),
                      (17, C.OverrideRating(by="evaluator", target="plan.timeliness:S1", rating="P", rationale="radio down"))])
    card = d.card(final=False)
    text = printed(card, all_findings=True)
    assert "(live, 09:17, minute 17)" in text
    assert "override by evaluator: radio down (suggested M)" in text
    assert "not scored yet" in printed(Drill().card(final=False))
    assert findings(card)["plan.timeliness:S1"].rating == "P"


def test_render_lists_findings_worst_first_with_explanation_source_and_evidence():
    card = final_card([(16, act("mayor", "mayor.convene")), (31, say("deputy", "Stay calm")),
                       (119, C.OverrideRating(by="evaluator", target="plan.timeliness:S1", rating="S", rationale="radio down"))])
    text = printed(card, all_findings=True)
    for heading in ("Objectives", "Capabilities", "Roles", "rating", "objective", "capability", "role", "why",
                    "rule", "finding", "log lines"):
        assert heading in text, heading
    assert "Ratings: P Performed without challenges  S Performed with some challenges" in text
    assert text.index("Objectives") < text.index("Capabilities") < text.index("Roles") < text.index("Findings (")
    rows = [line for line in text.splitlines() if line.startswith("│ ") and "." in line.split("│")[2]]
    ratings = [line.split("│")[1].strip() for line in rows if line.split("│")[1].strip()]
    order = {"U": 0, "M": 1, "S": 2, "P": 3, "N/A": 4}
    assert ratings == sorted(ratings, key=order.__getitem__) and {"U", "M", "S", "P", "N/A"} <= set(ratings)
    missed = findings(card)["plan.timeliness:S2"]
    assert "On time: \u2018First statement\u2019" in text and "This step was due by 09:30 (minute 30) and was never done." in text
    assert "source: referee plan S2" in text and missed.explanation not in text  # the scorer's raw prose is not shown
    assert "override by evaluator: radio down (suggested M)" in text
    assert any(line.split("│")[4].strip() == "-" for line in rows)  # a finding without evidence (S6) shows a dash


def test_render_names_each_rollup_with_its_rating_and_reason():
    card = final_card([])
    text = printed(card)
    for r in [*card.objectives, *card.capabilities, *card.roles]:
        line = next(line for line in text.splitlines() if r.title in line)
        assert line.split("│")[1].strip() == r.rating, (r.id, line)
    assert "Unable to be performed: the essential plan step \u2018Convene the team\u2019 was not performed." in text


def _headers(text):
    return [[cell.strip() for cell in line.strip("┃").split("┃")] for line in text.splitlines() if line.startswith("┃")]


def test_render_titles_and_column_headings_exactly():
    card = final_card([(16, act("mayor", "mayor.convene"))])
    out = io.StringIO()
    render(card, Console(file=out, width=200, color_system=None), referee_pack())  # the default hides P and N/A findings
    text = out.getvalue()
    lines = [line.strip() for line in text.splitlines()]
    assert lines[0] == f"Scorecard: referee  score {card.score:.0f}/100"
    for title in ("Objectives", "Capabilities", "Roles"):
        assert title in lines, title
    assert _headers(text) == [["rating", "objective", "why"], ["rating", "capability", "why"], ["rating", "role", "why"],
                              ["rating", "rule", "finding", "log lines"]]
    assert "plan.role" not in text
    cells = [[c.strip() for c in line.strip("│").split("│")] for line in text.splitlines() if line.startswith("│")]
    evidence = {tuple(c) for c in cells if len(c) == 4 and c[3]}
    assert ("U", "plan.timeliness", "On time: \u2018Declare an emergency\u2019",
            str(findings(card)["plan.timeliness:S3"].evidence[0])) in evidence
    assert "This step was due by 10:00 (minute 60) and was never done." in text
    late = findings(card)["plan.timeliness:S1"].evidence
    assert any(c[3] == ", ".join(map(str, late)) for c in cells if len(c) == 4)


def test_render_of_an_unscored_card_says_so_exactly():
    from .referee import Drill

    assert printed(Drill().card(final=False)).splitlines()[0].strip() == "Scorecard: referee  not scored yet  (live, 09:00, minute 0)"
