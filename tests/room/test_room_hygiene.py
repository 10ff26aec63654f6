"""The core stays pure: no module of simulator/ imports asyncio, aiohttp or Textual (room mode's
transport lives in tui/room/)."""

from __future__ import annotations

import re
import subprocess
import sys

from ..conftest import ROOT

FORBIDDEN = ("asyncio", "aiohttp", "textual", "textual_serve", "tui")


def test_no_simulator_module_imports_asyncio_aiohttp_or_textual():
    # Anywhere, even inside a function: asyncio and aiohttp. At module level: the UI packages too
    # (the commands that open a console or a room import tui/ lazily, inside the command).
    never = re.compile(r"^\s*(import|from)\s+(asyncio|aiohttp|textual_serve)\b", re.M)
    top = re.compile(rf"^(import|from)\s+({'|'.join(FORBIDDEN)})\b", re.M)
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "simulator").rglob("*.py")
             if never.search(p.read_text()) or top.search(p.read_text())]
    assert found == []


def test_importing_every_simulator_module_pulls_none_of_them_in():
    code = ("import sys, pkgutil, importlib, simulator\n"
            "for m in pkgutil.walk_packages(simulator.__path__, 'simulator.'):\n"
            "    if '_bundled' not in m.name: importlib.import_module(m.name)\n"
            f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
