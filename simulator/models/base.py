"""Shared building blocks for every file model: strict base class, ids, minutes, effects."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from ..terminal import first_control_character, printable
from ..timegrid import TICKS_PER_MINUTE, is_on_grid
from . import limits


class Strict(BaseModel):
    """Base for every model read from a file.

    Why: unknown keys are almost always typos in hand-written YAML, so they are refused, and
    a loaded scenario never changes under the engine's feet, so models are frozen.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        populate_by_name=True,
        validate_default=True,
        # .nan compares false with every bound and threshold, so it would slip past range
        # checks and poison the state ('final state tension nan'); .inf overflows every sum.
        allow_inf_nan=False,
    )


def refused_at(at: tuple, message: str) -> PydanticCustomError:
    """A refusal by a whole model, pointed at the field it is about (loading/wording.py puts the
    file:line:column there): a model validator sees every field, but pydantic would place its
    error at the model itself."""
    return PydanticCustomError("located", "{message}", {"message": message, "at": at})


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64),
    Field(description="An identifier: letters, digits, '_', '-' or '.', starting with a letter or digit."),
]
"""An identifier used for cross references."""

def _on_the_time_grid(minutes: float) -> float:
    # Exercise time is kept in whole ticks (see timegrid); a time between two ticks would be
    # moved silently, so it is refused where it is written instead.
    if not is_on_grid(minutes):
        raise ValueError(f"exercise times are kept to 1/{TICKS_PER_MINUTE:,} of a minute: "
                         f"write at most {len(str(TICKS_PER_MINUTE)) - 1} decimal places")
    return minutes


Minutes = Annotated[float, Field(ge=0, le=limits.MINUTES, allow_inf_nan=False, description="Exercise minutes (0 is the start of the exercise)."),
                    AfterValidator(_on_the_time_grid)]
"""A point or span of exercise time, in minutes, on the time grid (at most 4 decimals)."""

def _no_control_characters(text: str) -> str:
    # Pack text is printed on terminals (simulate, graph, the consoles), where an escape
    # sequence can recolour, move the cursor or rewrite what is shown: refused where written.
    found = first_control_character(text)
    if found is not None:
        raise ValueError(f"holds the control character {printable(text[found])} at character {found + 1}; text is shown "
                         "on terminals, where such characters can rewrite the screen: remove it")
    return text


Printable = Annotated[str, StringConstraints(max_length=limits.TEXT_CHARS), AfterValidator(_no_control_characters)]
"""Text that may be empty, without control characters (newlines and tabs are fine)."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.TEXT_CHARS),
                 AfterValidator(_no_control_characters)]
"""Free text that must not be empty, of at most 10,000 characters, without control characters."""

Source = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=limits.TEXT_CHARS),
    AfterValidator(_no_control_characters),
    Field(description="Where this rests: guide and chapter, or doctrine section.", examples=["SCN Guide for Cities, ch. 3 Implementation: crisis response"]),
]
"""A `source:` note tracing a rule or a file to the guidance it rests on."""

Amount = Annotated[float, Field(ge=-limits.AMOUNT, le=limits.AMOUNT)]
"""A state value, bound, effect, rate or threshold: finite, and at most a billion either way."""

Effects = Annotated[dict[Id, Amount], Field(max_length=limits.LIST_ITEMS)]
"""State changes: variable id to the amount added (negative to subtract). Results are clamped to the variable's bounds."""

Channel = Literal[
    "phone",
    "radio",
    "email",
    "text",
    "social",
    "news",
    "tv",
    "briefing",
    "in_person",
    "press_conference",
    "news_release",
    "website",
    "text_alert",
    "community_meeting",
]
"""How an inject reaches a role, or how a statement reaches the public."""

Severity = Literal["routine", "low", "medium", "high", "critical"]
"""How urgent an inject is; consoles colour by it."""
