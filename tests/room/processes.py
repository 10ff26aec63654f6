"""Real `tabletop host` and `tabletop join` processes on loopback for the end-to-end tests, and a
small scripted client (aiohttp) that speaks the room protocol the way a console does."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import aiohttp

TABLETOP = [str(Path(sys.executable).with_name("tabletop"))]
MINI = str(Path(__file__).parent.parent / "fixtures" / "mini" / "scenario.yaml")


def spawn(args: list[str], cwd: Path, out: str) -> subprocess.Popen:
    """A process in its own group (so teardown ends it and its children), output to files."""
    return subprocess.Popen([*TABLETOP, *args], cwd=cwd, stdout=(cwd / f"{out}.out").open("w"),
                            stderr=(cwd / f"{out}.err").open("w"), stdin=subprocess.DEVNULL, start_new_session=True)


def end(proc: subprocess.Popen, timeout: float = 20) -> int:
    """The process's exit status, waiting up to `timeout` s; stopped (then killed) if it will not end."""
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            return proc.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            return proc.wait(5)


def wait_for(path: Path, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return json.loads(path.read_text())
        except (OSError, ValueError):
            time.sleep(0.1)
    raise AssertionError(f"{path} did not appear in {timeout} s")


@contextmanager
def hosted(tmp: Path, *extra: str, scenario: str = MINI, log: str = "room.jsonl"):
    """A headless host; yields (process, codes). Always stopped at the end."""
    codes_file = tmp / "codes.json"
    codes_file.unlink(missing_ok=True)
    args = ["host", "--headless", "--bind", "127.0.0.1:0", "--codes", str(codes_file), *extra]
    args = args + ([scenario, "--log", log] if "--resume" not in extra else [])
    proc = spawn(args, tmp, "host")
    try:
        yield proc, wait_for(codes_file)
    finally:
        end(proc, 0.1) if proc.poll() is None else None


def logged_events(path: Path) -> list[str]:
    from simulator import logchain

    lines = [logchain.split(raw)[0].decode() for raw in path.read_bytes().splitlines()[1:]]
    return [ln for ln in lines if json.loads(ln)["kind"] == "event"]


class Scripted:
    """A scripted seat: say hello, send commands, collect what the host sends."""

    def __init__(self, address: str, code: str):
        self.address, self.code = address, code
        self.got: list[dict] = []

    async def __aenter__(self):
        self.http = aiohttp.ClientSession()
        self.ws = await self.http.ws_connect(self.address, max_msg_size=0)
        await self.ws.send_str(json.dumps({"type": "hello", "code": self.code}))
        await self.until(lambda m: m["type"] == "welcome")
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()
        await self.http.close()

    async def command(self, cid: str, command: dict) -> dict:
        await self.ws.send_str(json.dumps({"type": "command", "id": cid, "command": command}))
        return await self.until(lambda m: m["type"] in ("ack", "refused") and m["id"] == cid)

    async def until(self, test, timeout: float = 20) -> dict:
        for m in self.got:
            if test(m):
                return m
        async with asyncio.timeout(timeout):
            async for raw in self.ws:
                if raw.type != aiohttp.WSMsgType.TEXT:
                    break
                m = json.loads(raw.data)
                self.got.append(m)
                if test(m):
                    return m
        raise AssertionError(f"the host closed the connection first; got {[m['type'] for m in self.got]}")

    def events(self) -> list[str]:
        return [m["event"] for m in self.got if m["type"] == "event"]
