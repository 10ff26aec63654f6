"""The hot wash: the scenario's discussion questions and a short feedback form.

Why here and not in a UI: the CLI now and the TUI later ask the same questions with the same
ids, and the answers go into the exercise log as HotWashAnswer commands, so the after-action
report can quote them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .loading.pack import Pack


@dataclass(frozen=True)
class Question:
    id: str
    """'<module>.<n>' for a discussion question, 'feedback.<key>' for the feedback form."""
    text: str
    section: str
    """The module's title, or 'Feedback'."""


FEEDBACK: tuple[tuple[str, str], ...] = (
    ("strengths", "What did the team do well that it should keep doing?"),
    ("improve", "What is the one thing the team should change before a real incident?"),
    ("plan_gaps", "Where did the response plan or the communication playbook not help you?"),
    ("realism", "How realistic was the exercise (1 = not at all, 5 = very), and why?"),
    ("exercise", "What would make the next exercise more useful?"),
)
"""A short participant feedback form after HSEEP practice (doctrine §1: hot wash and feedback forms)."""


def questions(pack: Pack) -> list[Question]:
    """Every hot-wash question of a scenario, module by module, then the feedback form."""
    out = [Question(f"{m.id}.{n}", text, m.title)
           for m in pack.scenario.modules
           for n, text in enumerate(m.discussion_questions, start=1)]
    out += [Question(f"feedback.{key}", text, "Feedback") for key, text in FEEDBACK]
    return out
