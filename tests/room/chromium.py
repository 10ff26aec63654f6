"""Headless Chromium driven through its DevTools protocol (aiohttp websockets), for the browser
test of room mode. No Playwright: the system's /usr/bin/chromium is used, or the test skips."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

KEYS = {"Enter": ("Enter", 13, "\r"), "Down": ("ArrowDown", 40, ""), "Escape": ("Escape", 27, "")}


class Browser:
    """One headless browser with one page; `call` sends a DevTools command and returns its result."""

    async def __aenter__(self):
        self.profile = tempfile.mkdtemp(prefix="tabletop-chromium-")
        self.proc = subprocess.Popen([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                      "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
                                      "--window-size=1200,800", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        port_file = Path(self.profile) / "DevToolsActivePort"
        for _ in range(300):
            if port_file.exists() and port_file.read_text().strip():
                break
            await asyncio.sleep(0.1)
        port = port_file.read_text().split()[0]
        self.http = aiohttp.ClientSession()
        async with self.http.put(f"http://127.0.0.1:{port}/json/new?about:blank") as r:
            target = await r.json()
        self.ws = await self.http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
        self._n = 0
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()
        await self.http.close()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    async def call(self, method: str, **params) -> dict:
        self._n += 1
        me = self._n
        await self.ws.send_str(json.dumps({"id": me, "method": method, "params": params}))
        async for msg in self.ws:
            data = json.loads(msg.data)
            if data.get("id") == me:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data.get("result", {})
        raise RuntimeError("the browser went away")

    async def open(self, url: str) -> None:
        await self.call("Page.enable")
        await self.call("Page.navigate", url=url)

    async def until_true(self, expression: str, timeout: float = 30) -> None:
        for _ in range(int(timeout * 10)):
            got = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
            if got.get("result", {}).get("value") is True:
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"the page never had {expression}")

    async def click(self, x: int, y: int) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            await self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    async def type(self, text: str) -> None:
        await self.call("Input.insertText", text=text)

    async def key(self, name: str) -> None:
        key, code, text = KEYS[name] if name in KEYS else (name, ord(name.upper()), name)
        down = dict(type="keyDown", key=key, code=key if len(key) > 1 else f"Key{key.upper()}",
                    windowsVirtualKeyCode=code, nativeVirtualKeyCode=code)
        if text:
            down["text"] = text
        await self.call("Input.dispatchKeyEvent", **down)
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key, windowsVirtualKeyCode=code)

    async def screenshot(self, path: Path) -> None:
        shot = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
