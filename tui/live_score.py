"""The live scorecard: the scorer fed from the exercise log on disk as it grows.

Why read the log: the log is the source of truth and the scorer is a pure function of it, so
the facilitator's live scorecard and the final one are computed the same way. Only new complete
lines are read on each update.
"""

from __future__ import annotations

import json
from pathlib import Path

from simulator import logchain
from simulator.loading.pack import Pack
from simulator.scoring import Scorecard, Scorer


class LiveScore:
    def __init__(self, pack: Pack, path: Path | None):
        self.pack, self.path = pack, path
        self.scorer = Scorer(pack)
        self._offset, self._number = 0, 0
        self.lines: dict[int, dict] = {}
        """Line number -> parsed log line (for showing evidence)."""
        self.problem: str | None = None
        """Why reading stopped early (a line that is not JSON), if it did: the card covers what came before."""

    def update(self) -> None:
        if self.path is None or not self.path.exists():
            return
        with self.path.open("rb") as f:
            f.seek(self._offset)
            data = f.read()
        end = data.rfind(b"\n")
        if end < 0:
            return
        for raw in data[: end + 1].splitlines(keepends=True):
            # Each line's record without its chain link: this session wrote the chain, and the
            # final scorecard and the report check it (replay); here only the record is scored.
            content, _link = logchain.split(raw.rstrip(b"\n"))
            try:
                parsed = json.loads(content)
                if not isinstance(parsed, dict):
                    raise ValueError("not an object")
            except (ValueError, RecursionError):
                self.problem = f"{self.path}:{self._number + 1}: not a log line (not valid JSON); scored up to the line before"
                return  # stay before the bad line: nothing after it is trusted
            self._number += 1
            self._offset += len(raw)
            if self._number > 1:
                self.lines[self._number] = parsed
                self.scorer.feed(self._number, parsed)

    def card(self, final: bool | None = None) -> Scorecard:
        self.update()
        return self.scorer.scorecard(final)
