"""No copied wording: source notes and coverage rows say the guides' points in our own words.

The guides are not in this repository; tests/fixtures/seed_runs8.gz holds hashes of every run of
eight words in them (no text), made by `python -m tests.copied_wording --seeds DIR --fingerprint`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import copied_wording as cw

_ROOT = Path(__file__).resolve().parent.parent
SEEDS = next((p for p in (_ROOT.parent / "shared" / "seeds", _ROOT.parent.parent / "shared" / "seeds") if p.is_dir()),
             _ROOT.parent / "shared" / "seeds")
"""../shared/seeds beside the main checkout, or beside the worktrees' folder."""


@pytest.fixture(scope="module")
def known():
    return cw.load_fingerprint()


def test_no_source_note_or_coverage_row_copies_eight_words_of_a_guide(known):
    found = [f"{where}: '{run}'" for where, text in (*cw.source_notes(), *cw.coverage_rows())
             for run in cw.copied(text, known)]
    assert not found, "copied from a guide (write it in our own words):\n" + "\n".join(found)


def test_the_fingerprint_catches_a_guide_heading_and_spares_our_words(known):
    # A section heading of the Guide for Cities, ch. 3 (nine words): citing it whole is copying.
    assert cw.copied("(managing protests and balancing free speech against public safety)", known)
    assert not cw.copied("(managing protests: weighing free speech and public safety together)", known)
    assert cw.copied("Managing  protests and BALANCING free-speech against public safety", known), "case, spacing, hyphens"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the guides are not on this machine")
def test_the_fingerprint_is_made_from_the_guides_as_they_are(known, tmp_path):
    fresh = tmp_path / "runs.gz"
    cw.write_fingerprint(SEEDS, fresh)
    assert cw.load_fingerprint(fresh) == known
