"""Textual UI (see issue 4). Imports Textual; the core never imports this package."""
