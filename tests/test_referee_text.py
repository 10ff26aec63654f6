"""How the scorecard reads: finding labels, the reasons of roll-ups in words, and the terminal
tables (simulator/scoring/text.py, shared by `tabletop score`, the report and the consoles).
The ids stay in the JSON; these check what people see instead of them.
"""

from __future__ import annotations

import io

from rich.console import Console

from simulator.engine import commands as C
from simulator.scoring.text import finding_label, render, why

from .referee import act, final_card, findings, say


def labels(card):
    return {f.id: finding_label(f) for f in card.findings}


def test_labels_name_the_rule_and_its_target():
    card = final_card([(2, C.SendMessage(by="press", to="mayor", intent="directive", text="x")),
                       (16, act("mayor", "mayor.convene")), (31, say("press", "Stay calm"))])
    by_id = labels(card)
    assert by_id["plan.timeliness:S1"] == "On time: plan step S1"
    assert by_id["plan.decision:I2"] == "Decision on I2"
    assert by_id["playbook.key_message:calm"] == "Key message said: calm"
    assert by_id["playbook.first_statement:timing"] == "First statement in time"
    assert by_id["playbook.channels:required"] == "Channels used"
    assert by_id["chain.reporting:I1/press"] == "Reported upwards: I1 (press)"
    directive = next(k for k in by_id if k.startswith("chain.directive:press->mayor@"))
    line = directive.rsplit("@", 1)[1]
    assert by_id[directive] == f"Orders through the chain: press to mayor (line {line})"
    released = next(k for k in by_id if k.startswith("chain.approval:statement@"))
    assert by_id[released] == f"Approval before release (line {released.rsplit('@', 1)[1]})"


def test_a_target_already_in_the_title_is_not_repeated():
    from simulator.scoring.model import Finding

    f = Finding(id="chain.span:mayor", rule="chain.span", category="chain", title="Span of control for the mayor",
                source="s", roles=["mayor"], verdict="too_wide", rating="S", suggested="S", evidence=[], explanation="x")
    assert finding_label(f) == "Span of control for the mayor"


def rollups(card):
    return {r.id: r for r in [*card.objectives, *card.capabilities, *card.roles, *card.expectations]}


def test_why_a_rollup_names_findings_by_label_and_verdict_in_words():
    card = final_card([(16, act("mayor", "mayor.convene"))])
    r = rollups(card)
    assert why(r["expectation:S1"], card) == "worst finding: On time: plan step S1 (late)"
    deputy = why(r["role:deputy"], card)
    assert deputy == "worst finding: Decision on I3 (not decided)"


def test_why_names_the_essential_steps_not_performed():
    card = final_card([])
    text = why(rollups(card)["objective:O1"], card)
    assert text == "essential plan step not performed: S1"
    card = final_card([], pack=_both_essential())
    assert why(rollups(card)["objective:O1"], card) == "essential plan steps not performed: S1, S3"


def _both_essential():
    from .referee import variant

    return variant("two-essential", [("plan.yaml", "capability: Operational Coordination, source: referee plan S3}",
                                       "capability: Operational Coordination, essential: true, source: referee plan S3}")])


def test_why_gives_the_rating_of_the_worst_of_many_and_shortens_long_lists():
    card = final_card([(1, act("mayor", "mayor.convene")), (2, act("mayor", "mayor.declare")), (3, act("mayor", "mayor.close"))])
    r = rollups(card)["objective:O1"]
    assert r.rule.startswith("worst of ")
    text = why(r, card)
    assert text.startswith(f"worst of {r.rule.split()[2]} ratings ({r.suggested}): ")
    assert "expectation:" not in text and "plan step " in text


def test_why_shortens_a_long_list_of_culprits():
    from .test_referee_plan import good_run

    script = good_run() + [(45, say("mayor", "That is false."))] + [(50 + i, say("deputy", f"Note {i}.")) for i in range(4)]
    card = final_card(script)
    r = rollups(card)["objective:O2"]
    assert r.rule.endswith(" ...") and r.rating == "M"
    text = why(r, card)
    assert text.endswith(", and others") and text.count(", ") == 3  # three culprits named, then the rest
    o1 = rollups(card)["objective:O1"]
    assert (o1.rule, why(o1, card)) == ("all 6 ratings P", "all 6 ratings P")  # 5 plan steps and the decision on I2


def test_why_of_an_overridden_rollup_keeps_the_suggested_reason():
    d = final_card([(1, act("mayor", "mayor.convene")), (2, act("mayor", "mayor.declare")), (3, act("mayor", "mayor.close")),
                    (119, C.OverrideRating(by="evaluator", target="objective:O1", rating="P", rationale="fine by me"))])
    r = rollups(d)["objective:O1"]
    text = why(r, d)
    assert text.startswith("overridden by evaluator: fine by me (suggested ")
    assert f"(suggested {r.suggested}: worst of " in text and f"ratings ({r.suggested}):" in text


def test_all_ratings_alike_and_nothing_observed():
    card = final_card([])
    r = rollups(card)
    assert why(r["capability:Situational Assessment"], card) == "nothing observed"


def printed(card, all_findings=False):
    out = io.StringIO()
    render(card, Console(file=out, width=200, color_system=None), all_findings=all_findings)
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
    assert "(live, minute 17)" in text
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
    assert missed.explanation[:40] in text and "source: referee plan S2" in text
    assert "override by evaluator: radio down (suggested M)" in text
    assert any(line.split("│")[4].strip() == "-" for line in rows)  # a finding without evidence (S6) shows a dash


def test_render_names_each_rollup_with_its_rating_and_reason():
    card = final_card([])
    text = printed(card)
    for r in [*card.objectives, *card.capabilities, *card.roles]:
        line = next(line for line in text.splitlines() if r.title in line)
        assert line.split("│")[1].strip() == r.rating, (r.id, line)
    assert "essential plan step not performed: S1" in text


def _headers(text):
    return [[cell.strip() for cell in line.strip("┃").split("┃")] for line in text.splitlines() if line.startswith("┃")]


def test_render_titles_and_column_headings_exactly():
    card = final_card([(16, act("mayor", "mayor.convene"))])
    out = io.StringIO()
    render(card, Console(file=out, width=200, color_system=None))  # the default hides P and N/A findings
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
    assert ("U", "plan.timeliness", "'Declare an emergency' (mayor) was due by minute 60 and was never done.",
            str(findings(card)["plan.timeliness:S3"].evidence[0])) in evidence
    late = findings(card)["plan.timeliness:S1"].evidence
    assert any(c[3] == ", ".join(map(str, late)) for c in cells if len(c) == 4)


def test_render_of_an_unscored_card_says_so_exactly():
    from .referee import Drill

    assert printed(Drill().card(final=False)).splitlines()[0].strip() == "Scorecard: referee  not scored yet  (live, minute 0)"


def test_a_harm_label_names_the_harm_not_a_plan_step():
    card = final_card([])
    assert finding_label(findings(card)["plan.harm:H1"]) == "No harmful side effects: H1"
