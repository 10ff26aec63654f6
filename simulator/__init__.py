"""Tabletop's pure core: models, loading, the SimPy engine, the session and its log.

This package never imports Textual; the one CLI command that opens the UI imports it lazily.
"""

import os

from .version import __version__

# openpyxl parses spreadsheets with lxml whenever lxml is installed (python-docx, for the Word
# report, brings it in), and then no longer goes through defusedxml: an MSEL sheet declaring XML
# entities would be expanded instead of refused. Keep openpyxl on the standard parser, which
# defusedxml guards. Set here, before anything in the package can import openpyxl.
os.environ["OPENPYXL_LXML"] = "False"

__all__ = ["__version__"]
