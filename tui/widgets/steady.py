"""Update a text widget only when what it shows changes.

Why: every `Static.update` repaints the widget and, by default, lays out the whole screen
again; at 200x60 that re-render and the frame it causes cost several milliseconds, and the
exercise screen refreshes panels (hidden ones too) on every session update and key.
"""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


def update_if_changed(widget: Static, content: VisualType, *, layout: bool = True) -> None:
    """`widget.update(content)`, unless it shows equal content already (Text compares by text and styles)."""
    if widget.content == content:
        return
    widget.update(content, layout=layout)
