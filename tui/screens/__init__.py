"""Screens orchestrate: they handle widget events, call exercise control, and push results down."""
