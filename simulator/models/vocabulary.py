"""Who and what is in a pack's city, declared once for every statement rule to use.

Why in the playbook: the playbook is the file of rules for public statements, and every use of
these words is a statement rule (speculation needs the identity words, naming a victim needs the
victims' names and when they may be said). The scenario tells the story; the playbook says what
may be said about it. A trainer writes the words once here, not as phrase lists in every rule.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import limits
from .base import Id, Strict, Text
from .conditions import Condition

Words = list[Text]


class Community(Strict):
    """A community of the city, and the identity words that refer to it (faith, origin,
    nationality, language, status such as refugee or asylum seeker)."""

    id: Id
    label: Text
    words: Words = Field(min_length=1, max_length=limits.LIST_ITEMS)
    """Identity words for it: 'Sikh', 'Punjabi', 'sangat'. Inflections are matched for you."""
    targeted: bool = False
    """The community the attack or threat is aimed at. Its words describe victims too ('a Sikh man
    died'), so they only count as an attribution when said of the perpetrator by name ('the gunman
    was a Sikh')."""
    places: Words = Field(default=[], max_length=limits.LIST_ITEMS)
    """Places associated with the community ('Northgate'): telling people to avoid them stigmatises it."""


class Place(Strict):
    """A place in the story."""

    id: Id
    names: Words = Field(min_length=1, max_length=limits.LIST_ITEMS)
    kind: Literal["incident", "community", "public", "private"] = "public"
    """incident: where it happened (a confirmed fact); community: where a community lives or meets
    (avoid-it advice stigmatises); public: a service point; private: must never be named."""


class PrivateFact(Strict):
    """A fact about a person that must not be said in public (until a condition holds, if given)."""

    label: Text
    phrases: Words = Field(min_length=1, max_length=limits.LIST_ITEMS)
    until: Condition | None = None


class Person(Strict):
    """Someone in the story: how statements may name them and what about them is private."""

    id: Id
    role: Literal["victim", "suspect", "official", "family", "staff", "resident", "other"]
    names: Words = Field(default=[], max_length=limits.LIST_ITEMS)
    """Full names as written ('Gurmeet Singh Dhillon'); 'Mr Dhillon' and first-and-last forms are added for you."""
    name_private_until: Condition | None = None
    """A victim's or a suspect's name may not be said until this holds (e.g. the family is told).
    Victims' and suspects' names without it are private for the whole exercise."""
    private: list[PrivateFact] = Field(default=[], max_length=limits.LIST_ITEMS)


class Vocabulary(Strict):
    """The pack's own words for its statement rules."""

    communities: list[Community] = Field(default=[], max_length=limits.LIST_ITEMS)
    places: list[Place] = Field(default=[], max_length=limits.LIST_ITEMS)
    people: list[Person] = Field(default=[], max_length=limits.LIST_ITEMS)
    perpetrator: Words = Field(default=[], max_length=limits.LIST_ITEMS)
    """Extra words for the perpetrator besides the built-in ones (gunman, attacker, suspect...): 'the sender'."""
    material: Words = Field(default=[], max_length=limits.LIST_ITEMS)
    """The perpetrator's material besides the built-in ones (manifesto, livestream...): 'the threat email'."""
