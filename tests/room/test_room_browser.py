"""Room mode in a real browser: `tabletop host --web` serves the consoles through textual-serve;
headless Chromium opens the page, types a seat's code, and acts; the host logs it as that seat."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket

import pytest

from .chromium import CHROMIUM, Browser
from .processes import Scripted, end, hosted

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")


def two_free_ports() -> int:
    """A port whose next one is free too (the browser page is served on the next port)."""
    for _ in range(50):
        with socket.socket() as a:
            a.bind(("127.0.0.1", 0))
            port = a.getsockname()[1]
            with socket.socket() as b:
                try:
                    b.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
                return port
    raise AssertionError("no two free ports in a row")


async def _in_the_browser(codes, tmp_path):
    async with Scripted(codes["address"], codes["facilitator"]) as fac, Browser() as browser:
        await browser.open(codes["web"])
        # textual-serve starts `tabletop join` for this visitor; its first screen arrives, then the code prompt
        await browser.until_true("document.body.classList.contains('-first-byte')", timeout=40)
        await asyncio.sleep(2)
        await browser.click(600, 370)
        await browser.type(codes["seats"]["chief"])
        await browser.key("Enter")
        roster = await fac.until(lambda m: m["type"] == "roster" and m["connected"].get("chief"), timeout=40)
        assert roster["connected"]["chief"] == 1
        assert (await fac.command("j", {"type": "jump_to_next"}))["type"] == "ack"
        await asyncio.sleep(2)
        await browser.key("Escape")  # the seat's briefing, read before the clock starts, closed
        await asyncio.sleep(1)
        await browser.key("a")  # the chief's action catalogue, then its first action
        await asyncio.sleep(1)
        await browser.key("Enter")
        taken = await fac.until(lambda m: m["type"] == "event" and '"action_taken"' in m["event"], timeout=30)
        await browser.screenshot(tmp_path / "browser.png")
        return json.loads(taken["event"])


def test_a_browser_joins_through_textual_serve_and_acts_as_its_seat(tmp_path):
    port = two_free_ports()
    with hosted(tmp_path, "--web", "--bind", f"127.0.0.1:{port}") as (host, codes):
        assert codes["web"] == f"http://127.0.0.1:{port + 1}"
        taken = asyncio.run(_in_the_browser(codes, tmp_path))
        assert taken["by"] == "chief" and not taken.get("staff")
        os.killpg(host.pid, signal.SIGTERM)
        assert end(host) == 0
    commands = [json.loads(ln) for ln in (tmp_path / "room.jsonl").read_text().splitlines() if '"kind":"command"' in ln]
    assert any(c["type"] == "take_action" and c["by"] == "chief" for c in commands)
