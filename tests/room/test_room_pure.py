"""Room mode's pure parts: join codes, slowing down wrong codes, flood control, the protocol and
the host's command authority."""

from __future__ import annotations

import json

import pytest

from simulator.engine import commands as C
from simulator.room import protocol as P
from simulator.room.authority import Refusal, authorise
from simulator.room.codes import ALPHABET, JoinCodes, Throttle, TokenBucket, new_code, normalise


def test_codes_are_fresh_readable_and_one_per_seat():
    codes = JoinCodes.generate(["chief", "press"])
    assert set(codes.codes) == {"facilitator", "observer", "chief", "press"}
    assert len(set(codes.codes.values())) == 4
    for code in codes.codes.values():
        assert all(c in ALPHABET for c in normalise(code)) and len(normalise(code)) == 8
    assert new_code() != new_code()


def test_a_code_opens_its_seat_however_it_is_typed():
    codes = JoinCodes.generate(["chief"])
    code = codes.codes["chief"]
    assert codes.seat_for(code) == "chief"
    assert codes.seat_for(" " + code.lower().replace("-", "") + " ") == "chief"
    assert codes.seat_for("WRONG-CODE") is None
    assert codes.seat_for("") is None


def test_codes_json_for_scripts():
    codes = JoinCodes.generate(["chief", "press"])
    data = codes.as_json()
    assert data["facilitator"] == codes.codes["facilitator"] and data["observer"] == codes.codes["observer"]
    assert data["seats"] == {"chief": codes.codes["chief"], "press": codes.codes["press"]}


def test_wrong_codes_are_slowed_down_and_a_right_one_clears_it():
    t = Throttle(first=0.5, cap=4.0)
    assert t.wait("10.0.0.9", 0) == 0
    waits = []
    for n in range(6):
        t.failed("10.0.0.9", n)
        waits.append(t.wait("10.0.0.9", n))
    assert waits == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert t.wait("10.0.0.10", 6) == 0  # another address is not slowed
    t.succeeded("10.0.0.9")
    assert t.wait("10.0.0.9", 7) == 0


def test_wrong_codes_are_forgotten_after_a_while():
    t = Throttle(forget_after=60)
    t.failed("a", 0)
    t.failed("a", 1)
    assert t.wait("a", 2) > 0
    assert t.wait("a", 100) == 0


def test_flood_control_allows_bursts_then_the_rate():
    bucket = TokenBucket(rate=10, burst=5)
    assert [bucket.take(0.0) for _ in range(6)] == [True] * 5 + [False]
    assert bucket.take(0.1)  # one token back after a tenth of a second
    assert not bucket.take(0.1)


@pytest.mark.parametrize("text, problem", [
    ("not json", "not JSON"),
    ("[1, 2]", "not a hello or a command"),
    ('{"type": "shout"}', "not a hello or a command"),
    ('{"type": "hello"}', "code"),
    ('{"type": "hello", "code": "X", "since": -1}', "since"),
    ('{"type": "command", "id": "a b", "command": {}}', "id"),
    ('{"type": "command", "id": "1", "command": {}, "extra": 1}', "extra"),
])
def test_malformed_client_messages_are_refused_plainly(text, problem):
    with pytest.raises(P.BadMessage, match=problem):
        P.parse_client(text)


def test_oversized_messages_are_refused_before_parsing():
    huge = json.dumps({"type": "command", "id": "1", "command": {"type": "send_message", "text": "x" * P.MAX_MESSAGE}})
    with pytest.raises(P.BadMessage, match="over the limit"):
        P.parse_client(huge)


def test_messages_round_trip():
    hello = P.parse_client(P.Hello(code="K7QM-3XRT", since=12).dump())
    assert hello == P.Hello(code="K7QM-3XRT", since=12)
    ev = P.parse_host(P.EventMessage(seq=3, event='{"kind":"event","type":"clock_paused","t":1.0}').dump())
    assert isinstance(ev, P.EventMessage) and ev.event == '{"kind":"event","type":"clock_paused","t":1.0}'
    with pytest.raises(P.BadMessage):
        P.parse_host('{"type": "nonsense"}')


def test_the_host_sets_by_from_the_seat():
    cmd = authorise("chief", {"type": "take_action", "action": "chief.convene", "t": 999, "wall_time": "x"})
    assert isinstance(cmd, C.TakeAction) and cmd.by == "chief" and cmd.t == 0 and cmd.wall_time is None
    assert authorise("facilitator", {"type": "pause"}).by == C.FACILITATOR


@pytest.mark.parametrize("seat, data, why", [
    ("chief", {"type": "take_action", "action": "press.alert", "by": "press"}, "as 'press'"),
    ("chief", {"type": "pause"}, "facilitator's command"),
    ("chief", {"type": "end_exercise"}, "facilitator's command"),
    ("chief", {"type": "observer_note", "text": "peek"}, "facilitator's command"),
    ("chief", {"type": "take_seat", "role": "press", "seat": {"kind": "staff"}}, "facilitator's command"),
    ("facilitator", {"type": "take_action", "action": "chief.convene"}, "role's command"),
    ("observer", {"type": "pause"}, "read-only"),
    ("observer", {"type": "take_action", "action": "chief.convene"}, "read-only"),
    ("chief", {"type": "launch_missiles"}, "unknown command type"),
    ("chief", {"action": "chief.convene"}, "unknown command type"),
    ("chief", ["take_action"], "JSON object"),
    ("chief", {"type": "send_message", "to": "press", "intent": "shout", "text": "hi"}, "intent"),
])
def test_commands_a_seat_may_not_give_are_refused(seat, data, why):
    with pytest.raises(Refusal, match=why):
        authorise(seat, data)
