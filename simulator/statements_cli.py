"""`tabletop playbook check`: judge a statement before saying it, as if said at a given minute.

Exit codes: 0 judged, 1 bad input (a located message), 2 usage (click's own).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .cli import FiniteFloat, UserError, main, say, user_errors


@main.group()
def playbook() -> None:
    """Try statements against a pack's communication playbook."""


def _record(pack, minute: float, done: tuple[str, ...]):
    """An exercise record as if it had reached `minute` with `done` actions taken: scheduled
    injects up to then delivered, the listed actions taken just before."""
    from .engine.history import History

    h = History(state={v.id: v.initial for v in pack.scenario.state}, now=minute)
    for inj in pack.scenario.injects:
        if inj.at is not None and inj.at <= minute:
            h.delivered[inj.id] = inj.at
    for k, action in enumerate(done):
        if action not in pack.actions:
            near = sorted(a for a in pack.actions if a.split(".")[-1] == action.split(".")[-1])
            hint = f"; did you mean {', '.join(near)}?" if near else " (write ROLE.ACTION, as in the role files)"
            raise UserError(f"--done {action} (number {k + 1}): no such action in this pack{hint}")
        h.actions.setdefault(action, []).append((minute, pack.actions[action][0]))
    return h


def _result(pack, text: str, record) -> dict:
    from .draft_check import check_draft

    return check_draft(pack, text, record).as_dict()


def _labels(pack) -> dict[str, str]:
    from .draft_check import rule_labels

    return rule_labels(pack)


def _print(pack, text: str, result: dict) -> None:
    labels = _labels(pack)
    verdicts = result["why"]
    if not text.strip():
        say("The statement is empty: it covers nothing and breaks nothing.")
        return
    for title, ids in (("Breaks", result["breaks"]), ("Covers", result["covers"])):
        say(f"{title}: {len(ids) or 'nothing'}")
        for rid in ids:
            words = ", ".join(f"'{w}'" for w in verdicts[rid][:8])
            say(f"  {rid}  {labels.get(rid, '')}\n      on {words}")
    if result["unread"]:
        say(f"Only the first part was checked: {result['unread']:,} characters at the end were not read.")


@playbook.command()
@click.argument("scenario")
@click.argument("text", required=False)
@click.option("--by", "by", required=True, help="Role that says it.")
@click.option("--at", "minute", type=FiniteFloat(0, 10_000_000), default=0.0, show_default=True,
              help="Exercise minute it is said at.")
@click.option("--done", multiple=True, metavar="ROLE.ACTION", help="An action already taken (repeatable): lifts prohibitions that wait on it.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--jsonl", "jsonl", type=click.Path(dir_okay=False, path_type=Path),
              help="Judge every line {\"id\", \"text\"} of this file ('-': standard input); one JSON result per line.")
@user_errors
def check(scenario: str, text: str | None, by: str, minute: float, done: tuple[str, ...], as_json: bool,
          jsonl: Path | None) -> None:
    """Judge a statement (TEXT, or '-' for standard input) as if BY said it at minute AT."""
    from .loading.pack import load_pack
    from .loading.shipped import resolve_scenario

    if (text is None) == (jsonl is None):
        raise click.UsageError("give either TEXT (or '-') or --jsonl FILE")
    pack = load_pack(resolve_scenario(scenario))
    if by not in pack.roles:
        raise UserError(f"--by {by}: no such role in this pack (roles: {', '.join(sorted(pack.roles))})")
    record = _record(pack, minute, done)
    if jsonl is not None:
        _check_lines(pack, jsonl, record)
        return
    if text == "-":
        text = sys.stdin.read().removeprefix("\ufeff")  # a byte-order mark is no part of the statement
    assert text is not None
    result = _result(pack, text, record)
    if as_json:
        say(json.dumps({"by": by, "at": minute, **result}, ensure_ascii=False))
    else:
        _print(pack, text, result)


def _not_json(word: str) -> float:
    raise ValueError(f"{word} is not a JSON value")


def _lines(path: Path):
    """(number, text) of each line of a JSONL file or standard input ('-'), decoded as UTF-8.

    Why bytes first: files saved by spreadsheets and Windows editors often start with a byte-order
    mark, which is read past; a UTF-16 file is refused at line 1 with what to do, rather than
    read as garbage line by line."""
    raw = sys.stdin.buffer if str(path) == "-" else path.open("rb")
    with raw:
        for n, data in enumerate(raw, 1):
            if n == 1:
                if data.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise UserError(f"{path}:1: the file is in UTF-16; save it as UTF-8 (one JSON object a line)")
                data = data.removeprefix(b"\xef\xbb\xbf")
            yield n, data.decode("utf-8", errors="replace")


def _check_lines(pack, path: Path, record) -> None:
    """One result per input line; a bad line is reported where it is (and the rest still judged)."""
    bad = 0
    for n, line in _lines(path):
        if not line.strip():
            continue
        try:
            item = json.loads(line, parse_constant=_not_json)
        except (ValueError, RecursionError) as exc:
            bad += 1
            say(f"{path}:{n}: not a JSON object ({getattr(exc, 'msg', None) or exc or 'nested too deeply'})", err=True)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            bad += 1
            say(f"{path}:{n}: each line needs \"text\" (a string), e.g. {{\"id\": \"s1\", \"text\": \"...\"}}", err=True)
            continue
        r = _result(pack, item["text"], record)
        try:
            out = json.dumps({"id": item.get("id"), "covers": r["covers"], "breaks": r["breaks"], "why": r["why"]},
                             ensure_ascii=False, allow_nan=False)
        except ValueError:  # an id of 1e999: JSON cannot carry it back
            bad += 1
            say(f"{path}:{n}: the \"id\" is a number too large for JSON; give it as a string", err=True)
            continue
        say(out)
    if bad:
        raise UserError(f"{bad} line(s) of {path} could not be judged (see above)")
