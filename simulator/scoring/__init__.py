"""Scoring: every decision judged against the response plan, the communication playbook and
the chain of command, with evidence (log line numbers) and a suggested HSEEP rating."""

from .model import Finding, Rollup, Scorecard
from .scorer import Scorer, score_lines, score_log

__all__ = ["Finding", "Rollup", "Scorecard", "Scorer", "score_lines", "score_log"]
