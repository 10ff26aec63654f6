"""The `tabletop` command line. It parses, calls the core, and turns user errors into plain messages.

Exit codes: 0 success, 1 invalid input (scenario, log), 2 wrong usage.
"""

from __future__ import annotations

import functools
import math
import sys

import click

from .version import __version__


class FiniteFloat(click.FloatRange):
    """A number option that refuses nan and inf as wrong usage (exit 2), like any other bad value.

    Why: click's float and FloatRange accept 'nan' (it fails no comparison, so it passes every
    range) and 'inf'; either would reach the core and fail there, or worse, run."""

    name = "number"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


class Moment(click.ParamType):
    """A moment of an exercise as people give it: a story time as the consoles and the report show
    it ('12:15', 'Day 3 10:30'), kept as text for the scenario's clock to place, or an exercise
    minute (a finite number of 0 or more)."""

    name = "time"

    def __init__(self, max: float):
        self.max = max

    def convert(self, value, param, ctx):
        if isinstance(value, float):
            return value
        text = " ".join(str(value).split())
        if ":" in text:
            return text
        try:
            number = float(text)
        except ValueError:
            self.fail(f"{value!r} is neither a story time (12:15, Day 3 10:30) nor an exercise minute", param, ctx)
        if not math.isfinite(number) or not 0 <= number <= self.max:
            self.fail(f"{value!r} is not a minute of an exercise (0 to {self.max:g})", param, ctx)
        return number


class UserError(Exception):
    """A mistake in what the user gave us: printed plainly, exit code 1."""


def say(text: str = "", err: bool = False, nl: bool = True) -> None:
    """Print text that may hold words from outside (a pack, a log, a sheet): its control
    characters are shown as escapes, never obeyed by the terminal (see terminal.py)."""
    from .terminal import printable

    click.echo(printable(text), err=err, nl=nl)


def _fail(lines: list[str], code: int = 1):
    for line in lines:
        say(line, err=True)
    sys.exit(code)


def user_errors(fn):
    """Keep tracebacks away from users: their mistakes become located messages and exit 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from pydantic import ValidationError

        from .loading.problems import ValidationFailed
        from .loading.shipped import ScenarioNotFound
        from .log import LogError
        from .replay import ReplayError

        try:
            return fn(*args, **kwargs)
        except ValidationFailed as exc:
            errors = [p for p in exc.problems if p.severity == "error"]
            _fail([str(p) for p in exc.problems] + [f"{len(errors)} problem(s) found."])
        except (LogError, ReplayError) as exc:
            _fail([f"error: {exc}"])
        except (UserError, FileExistsError, ScenarioNotFound) as exc:
            _fail([f"error: {exc}"])
        except ValidationError as exc:  # a value no option check caught (e.g. nan)
            _fail([f"error: {'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']} (got {e.get('input')!r})"
                   for e in exc.errors()])
        except BrokenPipeError:
            raise  # the reader went away (`| head`): not the user's mistake; main ends quietly
        except OSError as exc:  # a folder that does not exist, no permission, a full disk...
            where = exc.filename or "file"
            _fail([f"error: {where}: {exc.strerror or exc}"])
        except KeyboardInterrupt:
            _fail(["interrupted"], 130)

    return wrapper


def _pipe_closed() -> None:
    """Stop quietly when whoever reads our output stops reading (`tabletop list | head -1`).

    Why not an error: the reader got what it wanted. Standard output is pointed at /dev/null so
    the interpreter's last flush at exit cannot fail again, and the exit status is the one a
    shell gives a command ended by SIGPIPE (128 + 13), as `yes | head` does."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(141)


class _Main(click.Group):
    """The `tabletop` group: a closed pipe ends any command quietly. (Click itself quiets one
    met while it prints help or the version, with exit 1.)"""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _pipe_closed()


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tabletop")
def main() -> None:
    """Tabletop: rehearse a city's response to hate-motivated attacks, violent protests and disinformation."""


def _commands():
    from . import commands_cli  # noqa: F401  (registers the subcommands on `main`)
    from . import review_cli  # noqa: F401
    from .authoring import cli as _authoring  # noqa: F401  (lint, graph, msel, batch)
    from .report import cli as _report_cli  # noqa: F401  (tabletop report)
    from .report import progress_cli as _progress_cli  # noqa: F401  (tabletop progress)
    from . import compare_cli  # noqa: F401  (`compare`: a what-if beside its original)
    from . import run_cli  # noqa: F401  (`run`: imports the UI lazily, inside the command)
    from . import statements_cli  # noqa: F401  (`playbook check`)
    from . import brief_cli  # noqa: F401  (`brief`)
    from . import room_cli  # noqa: F401  (`host`, `join`: import the transport and the consoles lazily)


_commands()
