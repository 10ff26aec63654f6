"""`tabletop host --web`: the consoles in a browser, through textual-serve.

textual-serve runs one `tabletop join ADDRESS` per browser visitor on the host machine and
streams its screen; the visitor types their join code in it. It runs as a child process of the
host (`python -m tui.room.web`), so its own event loop and signal handling stay its own.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path


def join_command(address: str) -> str:
    """The shell command textual-serve starts for each visitor."""
    script = Path(sys.executable).with_name("tabletop")
    base = [str(script)] if script.exists() else [sys.executable, "-c", "from simulator.cli import main; main()"]
    return " ".join(shlex.quote(p) for p in [*base, "join", address])


def start(address: str, host: str, port: int, public_url: str | None = None) -> subprocess.Popen:
    args = [sys.executable, "-m", "tui.room.web", host, str(port), join_command(address)]
    if public_url:
        args.append(public_url)
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)


def main() -> None:
    from textual_serve.server import Server

    host, port, command, *rest = sys.argv[1:]
    Server(command, host=host, port=int(port), title="Tabletop", public_url=rest[0] if rest else None).serve()


if __name__ == "__main__":
    main()
