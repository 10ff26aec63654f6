"""The communication playbook: transparent rules for public statements."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from ..patterns import compile_pattern
from . import limits
from .base import Channel, Id, Minutes, Source, Strict, Text, refused_at
from .conditions import Condition
from .vocabulary import Vocabulary

CreditedKind = Literal["empathy", "facts", "action", "unknowns", "next_update", "help", "condemnation", "solidarity",
                       "calm", "support", "no_reprisals", "report", "dialogue", "check_share"]
"""Elements a statement is credited for; each has built-in turns of phrase (simulator/statements/credited_words.py)."""
HarmfulKind = Literal["speculation", "rumour_confirmation", "victim_name", "private_details", "stigma", "amplify",
                      "name_calling", "early_reassurance"]
"""Kinds of harm a prohibition catches, each a general rule any pack can use (simulator/statements/harm.py)."""


def _runs_on_re2(pattern: str) -> str:
    compile_pattern(pattern)  # ValueError in plain words when RE2 cannot run it (see patterns.py)
    return pattern


Pattern = Annotated[Text, AfterValidator(_runs_on_re2)]
"""A trainer's regular expression, refused where it is written unless RE2 can run it."""


class Match(Strict):
    """A transparent text-matching rule: phrases, word stems and patterns, case-insensitive.

    Why: trainers must be able to read and tune why a statement passed or failed.
    """

    phrases: list[Text] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Exact phrases (case and spacing ignored)."""
    words: list[Text] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Word stems: 'condemn' matches 'condemns', 'condemned', 'condemnation'."""
    patterns: list[Pattern] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Regular expressions, for trainers who need them (RE2 syntax: no lookaround or backreferences; \\w and \\b are ASCII)."""
    min_hits: int = Field(default=1, ge=1)
    """How many distinct phrases, words or patterns must match."""

    @model_validator(mode="after")
    def _not_empty(self) -> "Match":
        if not (self.phrases or self.words or self.patterns):
            raise ValueError("a match needs at least one phrase, word or pattern")
        return self


class Examples(Strict):
    """Statements a rule must judge as written: `tabletop lint` fails the pack if it does not."""

    match: list[Text] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Statements the rule must match (a prohibition: must flag)."""
    no_match: list[Text] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Statements the rule must not match."""


class MessageRule(Strict):
    """A required element or key message."""

    id: Id
    label: Text
    kind: CreditedKind | None = None
    """A general element whose built-in turns of phrase count too; `match` then adds the pack's own
    words (and `min_hits` counts both). Without a kind, only `match` is used."""
    match: Match
    examples: Examples | None = None
    source: Source


class ProhibitedRule(Strict):
    """Content that must not appear in a statement (until a condition holds, if given)."""

    id: Id
    label: Text
    kind: HarmfulKind | None = None
    """A general kind of harm, judged with the playbook's vocabulary; `match` adds the pack's own phrases."""
    rumour: Id | None = None
    """For kind rumour_confirmation: the rumour whose `about` words it watches."""
    match: Match
    until: Condition | None = None
    """The prohibition lifts once this holds, e.g. once families have been told."""
    examples: Examples | None = None
    source: Source


class Messenger(Strict):
    """Who may speak for the city, and whose approval they need."""

    role: Id
    approval_from: Id | None = None
    """Role that must approve this messenger's statements first."""
    source: Source


class Rumour(Strict):
    """A rumour spread by an inject, and what a correction must say."""

    id: Id
    inject: Id
    """The inject that spreads it."""
    correct_within: Minutes = Field(gt=0)
    about: list[Text] = Field(default=[], max_length=limits.LIST_ITEMS)
    """What the rumour is about ('Northgate'). Given, a correction is a statement that mentions it and
    denies the rumour (built-in turns of phrase: 'no link', 'no evidence that', 'false'), and one that
    asserts the rumour ('a link') is no correction; `match` adds the pack's own correcting words."""
    match: Match
    """What a correction must contain."""
    examples: Examples | None = None
    source: Source


class Timing(Strict):
    """A time target with its source."""

    within: Minutes = Field(gt=0)
    source: Source


class Cadence(Strict):
    """How often updates must follow the first statement."""

    every: Minutes = Field(gt=0)
    source: Source


class Requirement(Strict):
    """A required set of channels or languages."""

    required: list[Text] = Field(min_length=1)
    source: Source


class Fact(Strict):
    """A fact every messenger must state the same way (casualty count, hotline number...)."""

    id: Id
    label: Text
    pattern: Pattern
    """A regular expression (RE2 syntax) whose first group captures the value, e.g. '(\\d+) people (?:died|were killed)'."""
    source: Source

    @field_validator("pattern")
    @classmethod
    def _one_group(cls, pattern: str) -> str:
        rx = compile_pattern(pattern)
        if rx.groups < 1:
            raise ValueError("a fact pattern needs one group in brackets that captures the value")
        return pattern


class Template(Strict):
    """A statement template that simulated staff, and people, can start from."""

    id: Id
    title: Text
    role: Id
    channel: Channel
    languages: list[Text] = Field(min_length=1)
    text: Text
    covers: list[Id] = []
    """Playbook rules this template is written to satisfy."""
    source: Source | None = None
    """Where the template's approach comes from (optional: templates are examples, not rules)."""


class Playbook(Strict):
    """A communication playbook file."""

    kind: Literal["playbook"]
    """What this file is."""
    id: Id
    title: Text
    source: Source
    first_statement: Timing
    """How soon after the incident the first public statement is due."""
    messengers: list[Messenger] = Field(min_length=1, max_length=limits.LIST_ITEMS)
    first_message: list[MessageRule] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Elements the first statement must contain."""
    key_messages: list[MessageRule] = Field(default=[], max_length=limits.LIST_ITEMS)
    prohibited: list[ProhibitedRule] = Field(default=[], max_length=limits.LIST_ITEMS)
    channels: Requirement | None = None
    languages: Requirement | None = None
    rumours: list[Rumour] = Field(default=[], max_length=limits.LIST_ITEMS)
    cadence: Cadence | None = None
    audiences: list[MessageRule] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Audiences the statements must address, matched by text."""
    facts: list[Fact] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Facts that must stay consistent across messengers."""
    templates: list[Template] = Field(default=[], max_length=limits.LIST_ITEMS)
    vocabulary: Vocabulary = Vocabulary()
    """Who and what is in the city: communities and their identity words, places, people and what
    about them is private."""

    @model_validator(mode="after")
    def _rumours_named(self) -> "Playbook":
        known = {r.id for r in self.rumours}
        for i, p in enumerate(self.prohibited):
            if p.kind == "rumour_confirmation" and p.rumour not in known:
                raise refused_at(("prohibited", i, "rumour"), "a rumour_confirmation rule names the rumour it watches: "
                                 f"one of {', '.join(sorted(known)) or '(no rumours declared)'}")
            if p.rumour is not None and p.kind != "rumour_confirmation":
                raise refused_at(("prohibited", i, "rumour"), "only a rule of kind rumour_confirmation names a rumour")
        return self

    def rule_ids(self) -> set[str]:
        """Every rule id a statement can be checked against."""
        groups = (self.first_message, self.key_messages, self.prohibited, self.rumours, self.audiences)
        return {r.id for g in groups for r in g}


Kind = Literal["scenario", "role", "response_plan", "playbook"]
