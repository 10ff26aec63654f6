"""A high-contrast theme: white on black, yellow focus, no dimmed greys that fade out."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="tabletop-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FF00FF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#333333",
    warning="#FFA500",
    error="#FF4040",
    success="#00FF00",
    dark=True,
    variables={"footer-key-foreground": "#FFFF00", "block-cursor-background": "#FFFF00",
               "block-cursor-foreground": "#000000", "input-selection-background": "#FFFF00 40%"},
)
DEFAULT_THEME = "textual-dark"
