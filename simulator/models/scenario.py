"""The scenario file: the incident, the city, the clock, the state, the injects and branches."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Channel, Effects, Id, Minutes, Severity, Source, Strict, Text
from .conditions import Condition


class Objective(Strict):
    """An exercise objective, tied to an HSEEP core capability."""

    id: Id
    title: Text
    """What the participants should show, in one sentence."""
    capability: Text
    """The core capability it exercises, e.g. 'Operational Coordination'."""
    source: Source | None = None


class Community(Strict):
    """A community living in the fictional city."""

    name: Text
    description: Text
    languages: list[Text] = []
    """Languages the community is best reached in."""


class Place(Strict):
    """A key place in the fictional city."""

    id: Id
    name: Text
    kind: Text
    """What sort of place: place of worship, hospital, city hall, square..."""
    description: Text | None = None


class City(Strict):
    """A fictional city profile. Never a real city."""

    name: Text
    population: int | None = Field(default=None, ge=0)
    description: Text
    languages: list[Text] = Field(min_length=1)
    """Languages in public use; statements may be required in several."""
    communities: list[Community] = []
    places: list[Place] = []


class Clock(Strict):
    """The exercise clock."""

    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["18:30"])
    """Local time of day at exercise minute 0, HH:MM."""
    date: str | None = Field(default=None, examples=["Day 1 (a Friday during a religious holiday)"])
    """A fictional date or day label shown to participants."""
    duration: Minutes = Field(gt=0, le=7 * 24 * 60)
    """Length of play in exercise minutes."""
    tick: Minutes = Field(default=5, ge=0.1, le=60)
    """How often, in exercise minutes, state dynamics are applied (at least every 6 seconds of
    exercise time: a finer tick only multiplies the work, and the dynamics are rates per minute)."""


class Module(Strict):
    """A phase of the exercise, with questions for the hot wash."""

    id: Id
    title: Text
    phase: Literal["initial", "continued", "recovery"]
    starts_at: Minutes
    """Exercise minute at which the module begins."""
    time: Text | None = Field(default=None, examples=["Day 3, 10:00"])
    """In-story time shown to participants when the module begins (modules may jump ahead in the story)."""
    discussion_questions: list[Text] = Field(min_length=1)


class StateVar(Strict):
    """A state variable the simulated city tracks, with bounds."""

    id: Id
    label: Text
    initial: float
    min: float = 0
    max: float = 100
    unit: str | None = None
    higher_is: Literal["better", "worse"] = "worse"
    """Whether a higher value is good news; gauges colour by it."""
    description: Text | None = None

    @model_validator(mode="after")
    def _bounds(self) -> "StateVar":
        if self.min >= self.max:
            raise ValueError(f"min ({self.min}) must be less than max ({self.max})")
        if not self.min <= self.initial <= self.max:
            raise ValueError(f"initial value {self.initial} is outside the bounds {self.min}..{self.max}")
        return self


class Dynamic(Strict):
    """How a state variable drifts while a condition holds."""

    var: Id
    """The state variable that drifts."""
    rate: float
    """Change per exercise minute (negative to fall)."""
    when: Condition | None = None
    """Drift only while this holds; always when absent."""
    noise: float = Field(default=0, ge=0)
    """Standard deviation of seeded random noise added per tick."""
    note: Text | None = None
    """Why the city behaves like this."""


class Sender(Strict):
    """A simulated person or desk that sends injects: a journalist, a faith leader, a national agency."""

    id: Id
    name: Text
    kind: Text
    """What sort of sender, e.g. 'journalist', 'faith leader', 'national agency desk'."""
    description: Text | None = None


class Option(Strict):
    """One answer to a decision, and what it sets in motion."""

    id: Id
    label: Text
    effects: Effects = {}
    follow_up: list[Id] = []
    """Injects cued when this option is chosen (each after its own delay)."""
    recommended: bool = False
    """The option the plan favours; simulated staff on the 'plan' policy choose it."""
    note: Text | None = None
    """Facilitator note: why this option matters."""


class Decision(Strict):
    """A prompt that asks one role to choose."""

    prompt: Text
    role: Id | None = None
    """The role that decides; the inject's first addressee when absent."""
    options: list[Option] = Field(min_length=2)
    deadline: Minutes | None = Field(default=None, gt=0)
    """Minutes after delivery by which the decision is due."""
    on_timeout: Id | None = None
    """Option applied when nobody decides by the deadline; nothing happens when absent."""


class Inject(Strict):
    """One MSEL row: a scripted event delivered to roles.

    Timing: `at` schedules it; `trigger` delivers it when a condition first holds; with
    neither it is delivered only on cue (a follow-up, a contingency or the facilitator).
    """

    id: Id
    at: Minutes | None = None
    """Exercise minute of delivery."""
    trigger: Condition | None = None
    """Deliver when this first holds."""
    delay: Minutes = 0
    """Minutes between the trigger or cue and delivery."""
    module: Id | None = None
    from_: Id = Field(alias="from")
    """The simulated sender (see `senders`)."""
    to: list[Id] | Literal["all"]
    """Role ids, or 'all'."""
    channel: Channel
    title: Text
    body: Text
    severity: Severity = "medium"
    expected_actions: list[Id] = []
    """Plan expectations this inject should prompt."""
    objectives: list[Id] = []
    contingency_for: Id | None = None
    """A plan expectation: cued automatically when that expectation's deadline (and grace) passes unmet."""
    effects: Effects = {}
    """State changes on delivery."""
    unavailable: list[Id] = []
    """Roles that cannot be reached from this inject on (their successor acts for them)."""
    available: list[Id] = []
    """Roles that can be reached again from this inject on."""
    decision: Decision | None = None
    facilitator_notes: Text | None = None
    source: Source | None = None

    @model_validator(mode="after")
    def _one_timing(self) -> "Inject":
        if self.at is not None and self.trigger is not None:
            raise ValueError("an inject has either 'at' or 'trigger', not both")
        return self


class Harm(Strict):
    """A side effect the scenario declares harmful, e.g. a vigil announced with no security assessment."""

    id: Id
    label: Text
    when: Condition
    """The harm happened when this holds (checked at the end of the exercise)."""
    expectation: Id | None = None
    """The plan step whose rating it affects, if any."""
    objective: Id | None = None
    source: Source


class Scenario(Strict):
    """A scenario file: everything the engine needs to play one incident."""

    kind: Literal["scenario"]
    """What this file is."""
    id: Id
    title: Text
    summary: Text
    threat: Text
    """The threat or hazard, in HSEEP terms."""
    version: str = "1"
    source: Source
    city: City
    clock: Clock
    objectives: list[Objective] = Field(min_length=1)
    modules: list[Module] = Field(min_length=1)
    state: list[StateVar] = Field(min_length=1)
    dynamics: list[Dynamic] = []
    senders: list[Sender] = Field(min_length=1)
    roles: list[Id] = Field(min_length=1)
    """Role ids that take part; found in the pack's roles/ folder or the shared roles/ folder."""
    plan: str
    """Path of the response plan, relative to this file."""
    playbook: str
    """Path of the communication playbook, relative to this file."""
    action_effects: dict[Id, Effects] = {}
    """What each role action does to the state in this scenario, added to the action's own effects."""
    statement_effects: dict[Id, Effects] = {}
    """What the first public statement matching a playbook rule does to the state (rule id -> effects)."""
    harms: list[Harm] = []
    """Side effects that count against the response when they happen."""
    injects: list[Inject] = Field(min_length=1)
