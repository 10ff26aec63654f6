"""Coached feedback for one seat (`tabletop score LOG --seat ROLE`, and the consoles' end screen)."""

from .build import UnknownSeat, feedback_for
from .model import SeatFeedback

__all__ = ["SeatFeedback", "UnknownSeat", "feedback_for"]
