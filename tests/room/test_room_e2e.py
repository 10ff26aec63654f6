"""Room mode end to end: real `tabletop host --headless` and `tabletop join --events-only`
processes on loopback, and scripted seats speaking the protocol as a console does."""

from __future__ import annotations

import asyncio
import json
import os
import signal

import aiohttp
import pytest

from simulator.engine.events import EVENTS
from simulator.loading.pack import load_pack
from simulator.room.feed import feed_for

from .processes import MINI, Scripted, end, hosted, logged_events, spawn


def feed_of(log, role):
    events = [EVENTS.validate_json(line) for line in logged_events(log)]
    return [e.to_json() for e in feed_for(load_pack(MINI), events, role)]


async def play_out(address, code, jumps=6):
    """The facilitator runs the clock by jumps to each scheduled inject, then ends the exercise."""
    async with Scripted(address, code) as fac:
        for n in range(jumps):
            assert (await fac.command(f"j{n}", {"type": "jump_to_next"}))["type"] == "ack"
        assert (await fac.command("end", {"type": "end_exercise"}))["type"] == "ack"


def test_each_seats_events_only_feed_is_the_log_as_that_seat_may_see_it(tmp_path):
    with hosted(tmp_path, "--seat", "press=plan") as (host, codes):
        joins = {seat: spawn(["join", codes["address"], "--code", code, "--events-only"], tmp_path, seat)
                 for seat, code in (("chief", codes["seats"]["chief"]), ("observer", codes["observer"]))}
        asyncio.run(asyncio.sleep(1.5))  # both joined (they catch up from 0 anyway)
        asyncio.run(play_out(codes["address"], codes["facilitator"]))
        assert end(host) == 0
        for seat, proc in joins.items():
            assert end(proc) == 0, (tmp_path / f"{seat}.err").read_text()
    log = tmp_path / "room.jsonl"
    assert (tmp_path / "observer.out").read_text().splitlines() == logged_events(log)
    chief = (tmp_path / "chief.out").read_text().splitlines()
    assert chief == feed_of(log, "chief") and len(chief) < len(logged_events(log))
    assert "press" not in codes["seats"]  # a seat given to staff gets no code


def test_a_players_command_is_logged_as_its_seat_and_applied_once(tmp_path):
    async def scenario(codes):
        async with Scripted(codes["address"], codes["facilitator"]) as fac:
            await fac.command("go", {"type": "jump_to_next"})
        cmd = {"type": "take_action", "action": "chief.convene"}
        async with Scripted(codes["address"], codes["seats"]["chief"]) as chief:
            assert (await chief.command("c-1", cmd))["type"] == "ack"
        async with Scripted(codes["address"], codes["seats"]["chief"]) as again:  # a retry after a lost connection
            assert (await again.command("c-1", cmd))["type"] == "ack"
        await play_out(codes["address"], codes["facilitator"], jumps=0)

    with hosted(tmp_path) as (host, codes):
        asyncio.run(scenario(codes))
        assert end(host) == 0
    commands = [json.loads(ln) for ln in (tmp_path / "room.jsonl").read_text().splitlines() if '"kind":"command"' in ln]
    acts = [c for c in commands if c["type"] == "take_action"]
    assert len(acts) == 1 and acts[0]["by"] == "chief"
    verified = spawn(["replay", "--verify", "room.jsonl"], tmp_path, "verify")
    assert end(verified) == 0, (tmp_path / "verify.err").read_text()


def test_a_wrong_code_is_refused_plainly(tmp_path):
    with hosted(tmp_path) as (host, codes):
        proc = spawn(["join", codes["address"], "--code", "NOPE-NOPE", "--events-only"], tmp_path, "wrong")
        assert end(proc) == 1
        err = (tmp_path / "wrong.err").read_text()
        assert "error:" in err and "code" in err and "Traceback" not in err
        os.killpg(host.pid, signal.SIGTERM)
        assert end(host) == 0
    assert "wrong join code" in (tmp_path / "host.err").read_text()


async def _misbehave(codes):
    """Each kind of bad input from its own client; a well-behaved seat watches the exercise go on."""
    address = codes["address"]
    async with aiohttp.ClientSession() as http:
        async def closed_after(*frames):
            ws = await http.ws_connect(address, max_msg_size=0)
            for frame in frames:
                await ws.send_str(frame)
            got = [m async for m in ws]
            return [m.data for m in got if m.type == aiohttp.WSMsgType.TEXT], ws.closed

        hello = json.dumps({"type": "hello", "code": codes["seats"]["chief"]})
        texts, closed = await closed_after("{not json")
        assert closed and any('"error"' in t for t in texts)
        texts, closed = await closed_after(hello, "x" * (70 * 1024))
        assert closed
        texts, closed = await closed_after(hello, json.dumps({"type": "shout"}))
        assert closed and any("not a hello or a command" in t for t in texts)
        ws = await http.ws_connect(address)
        assert any('"error"' in m.data for m in [m async for m in ws] if m.type == aiohttp.WSMsgType.TEXT)  # silent: timed out
        flood = [json.dumps({"type": "command", "id": f"f{n}", "command": {"type": "mark_read", "items": ["x"]}})
                 for n in range(300)]
        texts, closed = await closed_after(hello, *flood)
        assert closed and any("too many messages" in t for t in texts)
    async with Scripted(address, codes["seats"]["chief"]) as chief:
        refused = await chief.command("u", {"type": "launch_missiles"})
        assert refused["type"] == "refused" and "unknown command type" in refused["reason"]
        refused = await chief.command("o", {"type": "take_action", "action": "press.alert", "by": "press"})
        assert refused["type"] == "refused" and "press" in refused["reason"]
        refused = await chief.command("e", {"type": "end_exercise"})
        assert refused["type"] == "refused"
        await play_out(address, codes["facilitator"], jumps=2)  # the exercise went on
        await chief.until(lambda m: m["type"] == "event" and '"exercise_ended"' in m["event"])


def test_bad_input_drops_that_client_with_a_plain_warning_and_the_exercise_goes_on(tmp_path):
    with hosted(tmp_path, "--hello-timeout", "1") as (host, codes):
        asyncio.run(_misbehave(codes))
        assert end(host) == 0
    warnings = (tmp_path / "host.err").read_text()
    for why in ("not JSON", "size limit", "not a hello or a command", "sent nothing", "messages a second",
                "unknown command type", "cannot give commands as 'press'", "facilitator's command"):
        assert why in warnings, why
    assert "Traceback" not in warnings


def test_a_crashed_host_resumes_and_a_joined_feed_catches_up_without_gaps_or_doubles(tmp_path):
    with hosted(tmp_path, "--bind", "127.0.0.1:0") as (host, codes):
        feed = spawn(["join", codes["address"], "--code", codes["seats"]["chief"], "--events-only", "--retry-for", "60"],
                     tmp_path, "chief")

        async def some(n):
            async with Scripted(codes["address"], codes["facilitator"]) as fac:
                for k in range(n):
                    await fac.command(f"a{k}", {"type": "jump_to_next"})
        asyncio.run(some(2))
        os.killpg(host.pid, signal.SIGKILL)  # a crash: no goodbye, the log as it is on disk
        host.wait(10)
    port = codes["address"].rsplit(":", 1)[1].split("/")[0]
    with hosted(tmp_path, "--resume", "room.jsonl", "--bind", f"127.0.0.1:{port}") as (again, codes2):
        assert codes2["seats"] == codes["seats"]  # the same codes open the same seats
        asyncio.run(play_out(codes["address"], codes["facilitator"], jumps=3))
        assert end(again) == 0, (tmp_path / "host.err").read_text()
        assert end(feed) == 0, (tmp_path / "chief.err").read_text()
    assert (tmp_path / "chief.out").read_text().splitlines() == feed_of(tmp_path / "room.jsonl", "chief")


def test_joining_an_address_where_no_host_runs_says_so_and_exits_1(tmp_path):
    import socket
    import subprocess

    from .processes import TABLETOP

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = subprocess.run([*TABLETOP, "join", f"ws://127.0.0.1:{port}/room", "--code", "ABCD-EFGH", "--events-only"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 1
    assert f"127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr
    assert "reconnecting" not in done.stderr  # it never had a host to lose
