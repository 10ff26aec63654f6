"""Authoring tools: lint, the inject graph, MSEL spreadsheets and batch runs. Pure; no UI."""
