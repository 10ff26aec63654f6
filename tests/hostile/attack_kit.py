"""Tools for building attacks on packs and spreadsheets: pack copies to booby-trap, text edits
that must find their target, workbooks rewritten part by part. The real command is conftest's
`tabletop` (a subprocess with a time limit, so anything that used to hang fails instead)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

from openpyxl import Workbook

from ..conftest import FIXTURES
from .conftest import tabletop

__all__ = ["MSEL_HEADER", "copy_pack", "edit", "refused", "rewrite_part", "small_workbook", "tabletop"]

MSEL_HEADER = ["Number", "Scenario Time", "From", "To", "Method", "Synopsis", "Expected Action",
               "Objective or Capability", "Notes", "Contingency"]


def refused(result: subprocess.CompletedProcess, code: int = 1) -> bool:
    """A plain refusal: the exit code, a message, and no traceback."""
    return result.returncode == code and result.stderr.strip() != "" and "Traceback" not in result.stderr


def copy_pack(tmp_path: Path, name: str = "pack") -> Path:
    """A private copy of the mini pack, free to be edited."""
    out = tmp_path / name
    shutil.copytree(FIXTURES / "mini", out)
    return out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1))


def small_workbook(path: Path) -> Path:
    """A good one-inject MSEL workbook, the base that attacks rewrite."""
    wb = Workbook()
    ws = wb.active
    ws.title = "MSEL"
    ws.append(MSEL_HEADER[:6])
    ws.append(["I1", "00:00", "Desk", "mayor", "phone", "Hello"])
    wb.save(path)
    return path


def rewrite_part(source: Path, target: Path, part: str, change) -> Path:
    """Copy a workbook with one part (e.g. 'xl/worksheets/sheet1.xml') replaced by change(bytes)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            out.writestr(info.filename, change(data) if info.filename == part else data)
    return target
