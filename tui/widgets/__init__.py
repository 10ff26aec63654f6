"""Dumb widgets: they show what they are given and post intents; they never touch the session."""
