"""The scenario file: the incident, the city, the clock, the state, the injects and branches."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from . import limits
from .capabilities import CoreCapability
from .base import Amount, Channel, Effects, Id, Minutes, Printable, Severity, Source, Strict, Text, refused_at
from .conditions import Condition, condition_cost


class Objective(Strict):
    """An exercise objective, tied to an HSEEP core capability."""

    id: Id
    title: Text
    """What the participants should show, in one sentence."""
    capability: CoreCapability
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
    population: int | None = Field(default=None, ge=0, le=limits.AMOUNT)
    description: Text
    languages: list[Text] = Field(min_length=1)
    """Languages in public use; statements may be required in several."""
    communities: list[Community] = []
    places: list[Place] = []


class Clock(Strict):
    """The exercise clock."""

    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["18:30"])
    """Local time of day at exercise minute 0, HH:MM."""
    date: Printable | None = Field(default=None, examples=["Day 1 (a Friday during a religious holiday)"])
    """A fictional date or day label shown to participants."""
    duration: Minutes = Field(gt=0, le=limits.LONGEST_CLOCK)
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
    initial: Amount
    min: Amount = 0
    max: Amount = 100
    unit: Printable | None = None
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
    rate: Amount
    """Change per exercise minute (negative to fall)."""
    when: Condition | None = None
    """Drift only while this holds; always when absent."""
    noise: Amount = Field(default=0, ge=0)
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
    follow_up: list[Id] = Field(default=[], max_length=limits.FOLLOW_UPS)
    """Injects cued when this option is chosen (each after its own delay)."""
    recommended: bool = False
    """The option the plan favours; simulated staff on the 'plan' policy choose it."""
    note: Text | None = None
    """Facilitator note: why this option matters."""
    meets: list[Id] = Field(default=[], max_length=limits.FOLLOW_UPS)
    """Plan steps (action steps of the deciding role) this option *is* ('Visible patrols at the
    centre, with a named officer' is the plan's protect-the-community step): choosing it counts as
    taking their actions, so the steps are met and every condition on those actions holds; the
    actions' own effects are not added to the option's. Declared, never guessed from ids or
    wording; `tabletop lint` warns where an option and a step look alike but are not linked
    (`meets: []` written out says it is not the step, and quiets it). A lapsed decision meets
    nothing: nobody chose."""


class Decision(Strict):
    """A prompt that asks one role to choose."""

    prompt: Text
    role: Id | None = None
    """The role that decides; the inject's first addressee when absent."""
    options: list[Option] = Field(min_length=2, max_length=limits.OPTIONS)
    deadline: Minutes | None = Field(default=None, gt=0)
    """Minutes after delivery by which the decision is due."""
    on_timeout: Id | None = None
    """Option applied when nobody decides by the deadline; nothing happens when absent."""
    overrule_within: Minutes = Field(default=30, gt=0, le=limits.LONGEST_CLOCK)
    """Minutes after the call is taken during which someone above the decider may still overrule
    it (judge.overrule_ends): short where the call sets things moving at once (closing a road),
    long where it takes hours to lock in (where and when a vigil is held)."""


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
    version: Printable = "1"
    source: Source
    city: City
    clock: Clock
    objectives: list[Objective] = Field(min_length=1, max_length=limits.LIST_ITEMS)
    modules: list[Module] = Field(min_length=1, max_length=limits.MODULES)
    state: list[StateVar] = Field(min_length=1, max_length=limits.STATE_VARS)
    dynamics: list[Dynamic] = Field(default=[], max_length=limits.DYNAMICS)
    senders: list[Sender] = Field(min_length=1, max_length=limits.LIST_ITEMS)
    roles: list[Id] = Field(min_length=1, max_length=limits.ROLES)
    """Role ids that take part; found in the pack's roles/ folder or the shared roles/ folder."""
    situations: dict[Id, Text] = Field(default={}, max_length=limits.ROLES)
    """Role id -> where this role stands when the exercise starts, in this scenario's story (for its
    briefing): 'You are on the 07:55 flight to the summit...'. When it cannot be reached is not
    repeated here: the injects' `unavailable` and `available` say it, and the briefing reads them."""
    plan: str
    """Path of the response plan, relative to this file."""
    playbook: str
    """Path of the communication playbook, relative to this file."""
    action_effects: dict[Id, Effects] = Field(default={}, max_length=limits.LIST_ITEMS)
    """What each role action does to the state in this scenario, added to the action's own effects."""
    statement_effects: dict[Id, Effects] = Field(default={}, max_length=limits.LIST_ITEMS)
    """What the first public statement matching a playbook rule does to the state (rule id -> effects)."""
    harms: list[Harm] = Field(default=[], max_length=limits.LIST_ITEMS)
    """Side effects that count against the response when they happen."""
    injects: list[Inject] = Field(min_length=1, max_length=limits.INJECTS)

    @model_validator(mode="after")
    def _clock_work_is_bounded(self) -> "Scenario":
        # Each tick applies every dynamic (checking its `when`), and the state it changes makes
        # every trigger that reads state be checked again. A tick of a millionth of a minute, or
        # ten thousand such triggers, would run for hours: refused here, with the way out.
        if not self.dynamics:
            return self  # without dynamics the state moves only with injects and actions
        per_tick = sum(1 + (condition_cost(d.when)[0] if d.when is not None else 0) for d in self.dynamics)
        for inj in self.injects:
            if inj.trigger is not None:
                count, reads_state = condition_cost(inj.trigger)
                per_tick += count if reads_state else 0
        ticks = self.clock.duration / self.clock.tick
        if ticks * per_tick > limits.CHECKS_PER_EXERCISE:
            coarsest = self.clock.duration * per_tick / limits.CHECKS_PER_EXERCISE
            raise refused_at(("clock", "tick"), (
                f"{ticks:,.0f} ticks over {self.clock.duration:g} minutes, each applying {len(self.dynamics)} dynamic(s) and "
                f"checking the triggers that read state ({per_tick:,} conditions a tick), would check {ticks * per_tick:,.0f} "
                f"conditions; the limit is {limits.CHECKS_PER_EXERCISE:,}: make the tick at least {coarsest:.2g} minutes, "
                "or use fewer dynamics and state triggers"))
        return self
