"""The room host's bookkeeping without a network: welcome, per-seat numbering, catch-up,
acknowledgement after the log, one application per command id, and the same numbers after a
resume."""

from __future__ import annotations

import json

import pytest

from simulator.console.clock_driver import ExerciseControl
from simulator.engine.seats import Seat
from simulator.log import read_log
from simulator.room.codes import JoinCodes
from simulator.room.feed import feed_for
from simulator.room.host import Room
from simulator.room.mirror import Mirror, RemoteControl
from simulator.room.protocol import SendCommand, Welcome, parse_host
from simulator.session import Session


class Wires:
    """A fake transport: what the host sent to each connection, parsed."""

    def __init__(self):
        self.sent: dict[str, list] = {}
        self.warnings: list[str] = []

    def send(self, conn, text):
        self.sent.setdefault(conn, []).append(parse_host(text))

    def of(self, conn, kind):
        return [m for m in self.sent.get(conn, []) if m.type == kind]


class Wall:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def room(mini_pack, tmp_path):
    seats = {"chief": Seat(), "press": Seat()}
    session = Session.start(mini_pack, 1, seats, tmp_path / "room.jsonl")
    wall = Wall()
    control = ExerciseControl(session, wall=wall)
    wires = Wires()
    r = Room(control, JoinCodes.generate(["chief", "press"]), wires.send, wires.warnings.append)
    r.wall, r.wires = wall, wires
    yield r
    session.close()


def play(room, minutes):
    room.control.toggle_pause()
    room.wall.now += minutes * 60
    room.control.tick()


def test_each_seat_is_welcomed_with_its_pack_and_sent_its_feed_numbered(room):
    assert room.seat_for(room.codes.codes["chief"]) == "chief"
    room.attach("c1", "chief", 0)
    room.attach("f1", "facilitator", 0)
    play(room, 40)
    wires = room.wires
    welcome = wires.of("c1", "welcome")[0]
    assert welcome.seat == "chief" and welcome.pack["scenario"]["injects"] == [] and welcome.codes is None
    assert wires.of("f1", "welcome")[0].codes == room.codes.as_json()
    for conn, role in (("c1", "chief"), ("f1", None)):
        got = wires.of(conn, "event")
        assert [m.seq for m in got] == list(range(len(got)))
        expected = room.session.events if role is None else feed_for(room.pack, room.session.events, role)
        assert [m.event for m in got] == [e.to_json() for e in expected]
    injects = [m for m in wires.of("c1", "event") if m.inject is not None]
    assert injects and all("facilitator_notes" not in m.inject for m in injects)
    assert all(m.inject is None for m in wires.of("f1", "event"))  # the facilitator has the whole pack


def test_a_reconnecting_client_gets_only_what_it_lacks(room):
    room.attach("c1", "chief", 0)
    play(room, 20)
    held = len(room.wires.of("c1", "event"))
    room.detach("c1")
    play(room, 20)
    room.attach("c2", "chief", held)
    again = room.wires.of("c2", "event")
    assert again and again[0].seq == held
    assert [m.event for m in room.wires.of("c1", "event") + again] == \
        [e.to_json() for e in feed_for(room.pack, room.session.events, "chief")]


def test_a_client_that_holds_more_than_the_host_is_refused(room):
    assert not room.attach("c1", "chief", 10_000)
    assert room.wires.of("c1", "error") and "c1" not in room.connections


def test_a_command_is_acknowledged_after_it_is_in_the_log_and_applied_once(room):
    room.attach("c1", "chief", 0)
    play(room, 2)
    msg = SendCommand(id="cmd-1", command={"type": "take_action", "action": "chief.convene"})
    room.command("c1", msg)
    room.detach("c1")
    room.attach("c2", "chief", 0)
    room.command("c2", msg)  # the retry after a lost connection
    assert [a.id for a in room.wires.of("c1", "ack") + room.wires.of("c2", "ack")] == ["cmd-1", "cmd-1"]
    room.session.writer.flush()
    logged = [ln.data for ln in read_log(room.session.writer.path).lines if ln.data["kind"] == "command"]
    assert [c["type"] for c in logged].count("take_action") == 1
    assert logged[-1]["by"] == "chief"


def test_the_ack_follows_the_events_of_the_command(room):
    room.attach("c1", "chief", 0)
    play(room, 2)
    room.command("c1", SendCommand(id="x", command={"type": "take_action", "action": "chief.convene"}))
    kinds = [m.type for m in room.wires.sent["c1"]]
    last_event = max(i for i, k in enumerate(kinds) if k == "event")
    assert kinds.index("ack") > last_event


def test_refused_commands_are_warned_of_and_not_logged(room):
    room.attach("c1", "chief", 0)
    before = len(read_log(room.session.writer.path).lines)
    room.command("c1", SendCommand(id="1", command={"type": "end_exercise"}))
    room.command("c1", SendCommand(id="2", command={"type": "take_action", "action": "press.alert", "by": "press"}))
    room.command("c1", SendCommand(id="3", command={"type": "launch"}))
    assert [r.id for r in room.wires.of("c1", "refused")] == ["1", "2", "3"]
    assert len(room.wires.warnings) == 3 and all("chief" in w for w in room.wires.warnings)
    assert not room.session.ended
    assert len(read_log(room.session.writer.path).lines) == before


def test_the_facilitators_clock_commands_move_the_hosts_clock(room):
    room.attach("f1", "facilitator", 0)
    room.command("f1", SendCommand(id="1", command={"type": "resume"}))
    assert not room.control.paused
    room.command("f1", SendCommand(id="2", command={"type": "set_speed", "speed": 30}))
    assert room.control.speed == 30
    room.command("f1", SendCommand(id="3", command={"type": "pause"}))
    assert room.control.paused
    room.command("f1", SendCommand(id="4", command={"type": "pause"}))  # already paused: nothing logged, still acked
    assert [a.id for a in room.wires.of("f1", "ack")] == ["1", "2", "3", "4"]
    assert room.wires.of("f1", "clock")[-1].speed == 30


def test_handing_a_seat_to_staff_closes_it_to_its_code_until_it_is_handed_back(room):
    room.attach("f1", "facilitator", 0)
    code = room.codes.codes["press"]
    room.command("f1", SendCommand(id="1", command={"type": "take_seat", "role": "press", "seat": {"kind": "staff"}}))
    assert room.seat_for(code) is None
    assert room.wires.of("f1", "roster")[-1].seats["press"]["kind"] == "staff"
    room.attach("p1", "press", 0)  # connected before the hand-over: it may watch, not act
    room.command("p1", SendCommand(id="x", command={"type": "take_action", "action": "press.alert"}))
    assert "simulated staff" in room.wires.of("p1", "refused")[0].reason
    room.command("f1", SendCommand(id="2", command={"type": "take_seat", "role": "press", "seat": {"kind": "human"}}))
    assert room.seat_for(code) == "press"


def test_a_resumed_host_numbers_every_seat_as_before(room, mini_pack):
    room.attach("c1", "chief", 0)
    play(room, 30)
    held = [m.event for m in room.wires.of("c1", "event")]
    path = room.session.writer.path
    room.session.close()
    resumed = Session.resume(path)
    try:
        wires = Wires()
        again = Room(ExerciseControl(resumed), room.codes, wires.send, wires.warnings.append)
        again.attach("c2", "chief", len(held))
        assert again.feed_length("chief") >= len(held)
        assert [m.event for m in wires.of("c2", "event")] == \
            [e.to_json() for e in feed_for(mini_pack, resumed.events, "chief")][len(held):]
        assert [e.to_json() for e in feed_for(mini_pack, resumed.events, "chief")][:len(held)] == held
    finally:
        resumed.close()


def test_a_mirror_folds_its_feed_like_the_host_and_sends_intents_as_commands(room):
    room.attach("c1", "chief", 0)
    play(room, 40)
    msgs = room.wires.sent["c1"]
    welcome = next(m for m in msgs if isinstance(m, Welcome))
    mirror = Mirror(welcome)
    seen = []
    mirror.subscribe(seen.append)
    for m in msgs:
        if m.type == "event":
            mirror.receive(m)
            assert mirror.receive(m) is None  # sent twice after a reconnection: folded once
    assert [e.to_json() for e in seen] == [e.to_json() for e in feed_for(room.pack, room.session.events, "chief")]
    assert mirror.header.seats["chief"].kind == "human" and mirror.header.seats["press"].kind == "staff"
    delivered = {e.inject for e in seen if e.type == "inject_delivered"}
    assert delivered and delivered <= set(mirror.pack.injects)
    assert all(i.facilitator_notes is None for i in mirror.pack.scenario.injects)
    sent = []
    control = RemoteControl(mirror, lambda data: sent.append(data) or True)
    control.toggle_pause()
    assert sent == [{"type": "resume"}]
    assert json.dumps(sent)


def test_a_command_logged_before_a_crash_is_not_applied_again_by_the_resumed_host(mini_pack, tmp_path):
    from simulator.room.journal import CommandJournal

    log = tmp_path / "crash.jsonl"
    session = Session.start(mini_pack, 1, {"chief": Seat(), "press": Seat()}, log)
    journal = CommandJournal(tmp_path / "crash.jsonl.ids", log)
    wires = Wires()
    room = Room(ExerciseControl(session), JoinCodes.generate(["chief", "press"]), wires.send, wires.warnings.append,
                journal=journal)
    room.attach("c1", "chief", 0)
    msg = SendCommand(id="once", command={"type": "take_action", "action": "chief.convene"})
    room.command("c1", msg)  # logged; say the host died before its ack left
    room.command("c1", SendCommand(id="refused", command={"type": "end_exercise"}))
    session.close()
    resumed = Session.resume(log)
    try:
        wires2 = Wires()
        again = Room(ExerciseControl(resumed), room.codes, wires2.send, wires2.warnings.append,
                     journal=CommandJournal(tmp_path / "crash.jsonl.ids", log))
        again.attach("c2", "chief", 0)
        again.command("c2", msg)
        assert [a.id for a in wires2.of("c2", "ack")] == ["once"]
        again.command("c2", SendCommand(id="fresh", command={"type": "take_action", "action": "chief.declare"}))
        resumed.writer.flush()
        acts = [ln.data for ln in read_log(log).lines if ln.data.get("type") == "take_action"]
        assert [a["action"] for a in acts] == ["chief.convene", "chief.declare"]
    finally:
        resumed.close()


def test_the_journal_ignores_a_command_the_log_does_not_hold(tmp_path):
    from simulator.room.journal import CommandJournal

    log = tmp_path / "x.jsonl"
    log.write_bytes(b'{"kind":"header"}\n{"kind":"command","type":"pause"}\n')
    journal = CommandJournal(tmp_path / "x.ids", log)
    journal.record("facilitator", "a", 18)  # the command line starts there
    journal.record("facilitator", "b", len(log.read_bytes()))  # submitted, never written (the crash came first)
    journal.record("facilitator", "c", 18)
    journal.undone("facilitator", "c")  # the disk refused it
    (tmp_path / "x.ids").open("ab").write(b'{"seat": "fac')  # torn by the crash
    assert journal.taken() == [("facilitator", "a")]
