"""Tabletop's pure core: models, loading, the SimPy engine, the session and its log.

This package never imports Textual; the one CLI command that opens the UI imports it lazily.
"""

from .version import __version__

__all__ = ["__version__"]
