"""A log keeps the statement verdicts it was played with (statements/kept.py).

Why: the engine acts on verdicts (effects, plan steps met, the drafts simulated staff choose), and
replay re-runs the engine. Re-checked with a later checker, a log written before stopped replaying
and its score changed after the fact (issue 11: the day's readings had to be reverted for it).
Here the checker is changed under a written log, as an improvement to the rules would change it.
"""

from __future__ import annotations

import json

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.log import read_log
from simulator.replay import ReplayError, replay_log
from simulator.room.feed import NOBODY, Visibility
from simulator.scoring.facts import Facts
from simulator.session import Session
from simulator.statements import Result, kept
from simulator.statements.checker import Checker

from .conftest import FIXTURES, contents, rechain
from .hostile.conftest import cli, plain_refusal

SEATS = {"chief": Seat(), "press": Seat(kind="staff", policy="plan")}
CALM = "Please stay calm; the rumour is false."


def play(path, statement: str = CALM):
    s = Session.start(load_pack(FIXTURES / "mini"), 5, SEATS, path)
    s.advance_to(70)
    s.submit(C.IssueStatement(by="chief", channel="social", text=statement))
    s.run_to_end()
    s.close()
    return path


def judged_lines(path) -> list[dict]:
    return [json.loads(x) for x in contents(path) if '"type":"statement_judged"' in x]


def test_each_text_is_judged_once_before_it_is_said(tmp_path):
    path = play(tmp_path / "x.jsonl")
    lines = contents(path)
    judged = next(i for i, x in enumerate(lines) if '"type":"statement_judged"' in x)
    said = next(i for i, x in enumerate(lines) if '"type":"statement_issued"' in x and CALM in x)
    assert judged < said and CALM in lines[judged]
    [entry] = [d for d in judged_lines(path) if d["text"] == CALM]
    assert {v["rule"] for v in entry["verdicts"]} == set(load_pack(FIXTURES / "mini").check_statement(CALM).verdicts)
    assert json.loads(lines[0])["verdicts"] == 1


def test_a_changed_checker_leaves_a_written_log_as_it_was(tmp_path, monkeypatch):
    path = play(tmp_path / "x.jsonl")
    pack = load_pack(FIXTURES / "mini")
    before = {s.text: s.rules for s in _facts(path, pack).statements}
    assert before[CALM]  # the real checker credited it with something
    monkeypatch.setattr(Checker, "check", lambda self, text: Result({}))
    pack = load_pack(FIXTURES / "mini")  # a fresh pack: nothing cached from before
    assert not pack.check_statement(CALM).verdicts
    replay_log(read_log(path), pack)  # verifies: the effects and steps of the kept verdicts replay
    assert {s.text: s.rules for s in _facts(path, pack).statements} == before
    assert cli("replay", "--verify", path).exit_code == 0
    assert cli("score", path).exit_code == 0


def _facts(path, pack) -> Facts:
    facts = Facts(pack)
    for line in read_log(path).lines:
        facts.feed(line.number, line.data)
    return facts


def test_a_log_written_before_verdicts_were_kept_says_why_it_no_longer_verifies(tmp_path, monkeypatch):
    path = play(tmp_path / "x.jsonl")
    lines = [x for x in contents(path) if '"type":"statement_judged"' not in x]
    header = json.loads(lines[0])
    del header["verdicts"]  # as a log written before: no verdicts kept
    rechain(path, [json.dumps(header, separators=(",", ":"))] + lines[1:])
    replay_log(read_log(path), load_pack(FIXTURES / "mini"))  # the checker unchanged: it verifies
    monkeypatch.setattr(Checker, "check", lambda self, text: Result({}))
    with pytest.raises(ReplayError) as err:
        replay_log(read_log(path), load_pack(FIXTURES / "mini"))
    assert err.value.line > 1 and "verdicts" in err.value.message
    result = cli("replay", "--verify", path)
    assert plain_refusal(result.exit_code, result.output) and f"{path}:{err.value.line}:" in result.output


@pytest.mark.parametrize("damage", [
    lambda d: d.update(verdicts="none"),
    lambda d: d.update(verdicts=[{"rule": "x"}]),
    lambda d: d["verdicts"][0].update(hits=[{"start": "a", "end": 1, "words": "w", "cue": "c"}]),
    lambda d: d["verdicts"][0]["hits"][0].update(until={"nonsense": 1}) if d["verdicts"][0]["hits"] else d.update(verdicts=3),
])
def test_a_damaged_judgement_line_is_refused_at_its_number(tmp_path, damage):
    path = play(tmp_path / "x.jsonl")
    lines = contents(path)
    k = next(i for i, x in enumerate(lines) if '"type":"statement_judged"' in x)
    data = json.loads(lines[k])
    damage(data)
    lines[k] = json.dumps(data, separators=(",", ":"))
    rechain(path, lines)
    with pytest.raises(ReplayError) as err:
        replay_log(read_log(path), load_pack(FIXTURES / "mini"))
    assert err.value.line == k + 1
    result = cli("score", path)
    assert plain_refusal(result.exit_code, result.output) and f"{path}:{k + 1}:" in result.output


def test_kept_verdicts_read_back_exactly():
    """Every verdict of every shipped pack's playbook examples, with its hits and their conditions
    (a victim's name counts until the family is told), is written and read back to the character."""
    from simulator.loading.shipped import shipped_scenarios

    seen_until = 0
    for scenario in shipped_scenarios():
        pack = load_pack(scenario.parent)
        rules = list(pack.playbook.first_message) + list(pack.playbook.key_messages) + list(pack.playbook.prohibited)
        for rule in rules:
            for text in (rule.examples.match if rule.examples else []):
                result = pack.check_statement(text)
                data = kept.to_data(result)
                back = kept.from_data(json.loads(json.dumps(data)), result.unread)
                assert kept.to_data(back) == data and back.verdicts == result.verdicts
                seen_until += sum(1 for v in back.verdicts.values() for h in v.hits if h.until is not None)
    assert seen_until  # the conditions on hits were among them


def test_judgements_are_for_the_facilitator_and_observer_only(tmp_path):
    path = play(tmp_path / "x.jsonl")
    pack = load_pack(FIXTURES / "mini")
    rule = Visibility(pack)
    events = replay_log(read_log(path), pack).events
    judged = [e for e in events if e.type == "statement_judged"]
    assert judged and all(rule.audience(e) is NOBODY or rule.audience(e) == NOBODY for e in judged)


def test_a_branch_keeps_the_verdicts_its_original_was_played_with(tmp_path, monkeypatch):
    path = play(tmp_path / "x.jsonl")
    monkeypatch.setattr(Checker, "check", lambda self, text: Result({}))
    out = tmp_path / "b.jsonl"
    result = cli("branch", path, "--at", "100", "-o", out, "--play-out")
    assert result.exit_code == 0, result.output
    assert json.loads(contents(out)[0])["verdicts"] == 1
    assert judged_lines(out) and judged_lines(out)[0]["verdicts"] == judged_lines(path)[0]["verdicts"]
    assert cli("replay", "--verify", out).exit_code == 0


def test_a_text_said_twice_is_judged_once_and_replays_by_that_judgement(tmp_path, monkeypatch):
    path = tmp_path / "x.jsonl"
    s = Session.start(load_pack(FIXTURES / "mini"), 5, SEATS, path)
    s.advance_to(60)
    s.submit(C.IssueStatement(by="chief", channel="social", text=CALM))
    s.advance_to(70)
    s.submit(C.IssueStatement(by="chief", channel="social", text=CALM))
    s.run_to_end()
    s.close()
    assert [d["text"] for d in judged_lines(path)].count(CALM) == 1
    monkeypatch.setattr(Checker, "check", lambda self, text: Result({}))
    replay_log(read_log(path), load_pack(FIXTURES / "mini"))  # the second saying too, by the kept verdicts


def test_conditions_on_hits_are_kept_as_authors_write_them():
    """Every kind of condition a hit may stop counting at (aliases such as `any` and `not`
    included) is written as plain JSON, without empty fields, and read back the same."""
    from pydantic import TypeAdapter

    from simulator.models.conditions import Condition
    from simulator.statements import Hit, Verdict

    conditions = TypeAdapter(Condition)
    written = [{"action": "police.notify_families"}, {"any": [{"delivered": "I-03"}, {"after": 90}]},
               {"not": {"state": "tension", "above": 60}}, {"all": [{"chosen": "I-05", "option": "a"}]}]
    for cond in written:
        until = conditions.validate_python(cond)
        result = Result({"R": Verdict("R", "victim_name", True, (Hit(0, 3, "Raj", "name", until), Hit(5, 8, "Ali", "name")), "why")}, 4)
        data = kept.to_data(result)
        assert json.loads(json.dumps(data)) == data and "null" not in json.dumps(data)
        assert data[0]["hits"][0]["until"] == cond and "until" not in data[0]["hits"][1]
        back = kept.from_data(json.loads(json.dumps(data)), 4)
        assert back.unread == 4 and back.verdicts == result.verdicts
        assert back.verdicts["R"].hits[0].until == until and back.verdicts["R"].hits[1].until is None


def test_the_judge_reads_the_kept_verdicts_and_lifts_from_them(caldmere_pack):
    """What a log kept is judged as the checker's own result is: prohibitions lifted since, and hits
    whose own condition holds, no longer count; the rest stands as kept."""
    from pydantic import TypeAdapter

    from simulator import judge
    from simulator.engine.history import History
    from simulator.models.conditions import Condition
    from simulator.statements import Hit, Verdict

    confirmed = TypeAdapter(Condition).validate_python({"action": "police.confirm_suspect_details"})
    text = "A text the checker of the day would judge otherwise."
    h = History(state={})
    h.judged[text] = Result({
        "PR-speculation": Verdict("PR-speculation", "speculation", True, (Hit(0, 1, "A", "x"),), "w"),
        "PR-stigma": Verdict("PR-stigma", "stigma", True, (Hit(0, 1, "A", "x", confirmed), Hit(2, 6, "text", "y")), "w"),
        "FM-empathy": Verdict("FM-empathy", "empathy", False, (Hit(2, 6, "text", "z"),), "w"),
    })
    assert set(judge.statement_verdicts(caldmere_pack, text, h)) == {"PR-speculation", "PR-stigma", "FM-empathy"}
    assert len(judge.statement_verdicts(caldmere_pack, text, h)["PR-stigma"].hits) == 2
    h.actions["police.confirm_suspect_details"] = [(10.0, "police")]
    got = judge.statement_verdicts(caldmere_pack, text, h)
    assert set(got) == {"PR-stigma", "FM-empathy"} == set(judge.statement_rules(caldmere_pack, text, h))
    assert [x.words for x in got["PR-stigma"].hits] == ["text"] and got["PR-stigma"].why == "w"
    assert not caldmere_pack.check_statement(text).verdicts  # the checker itself finds nothing there


@pytest.fixture(scope="module")
def caldmere_pack():
    from simulator.loading.shipped import shipped_scenario

    return load_pack(shipped_scenario("caldmere-vaisakhi-attack").parent)


def test_verify_says_which_kept_verdicts_this_checker_would_give_otherwise(tmp_path, monkeypatch):
    path = play(tmp_path / "x.jsonl")
    assert "otherwise" not in cli("replay", "--verify", path).output  # the same checker: nothing to say
    line = 1 + next(i for i, x in enumerate(contents(path)) if '"type":"statement_judged"' in x)
    monkeypatch.setattr(Checker, "check", lambda self, text: Result({}))
    result = cli("replay", "--verify", path)
    assert result.exit_code == 0 and "otherwise" in result.output and f"line {line}" in result.output


def test_what_the_checker_did_not_read_is_kept_too(tmp_path):
    """A statement past the checker's limit is judged on what it read: the log keeps how much it
    did not, and the scorer reads that back with the verdicts."""
    from simulator.statements.text import MAX_CHARS

    long = CALM + " " + "x" * (MAX_CHARS - len(CALM) + 6)
    path = play(tmp_path / "x.jsonl", long)
    [entry] = [d for d in judged_lines(path) if d["text"] == long]
    assert entry["unread"] == len(long) - MAX_CHARS > 0
    pack = load_pack(FIXTURES / "mini")
    assert _facts(path, pack).history.judged[long].unread == len(long) - MAX_CHARS
