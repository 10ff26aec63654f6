"""Simulated staff as they played in version 2 (logs whose header says `staff: 2`).

Why kept: the log is the truth, and a log is replayed by re-running the engine over it (staff_v1
says more). Version 3 changed how staff take their own decisions: a slip now always picks an
option the plan does not favour, the decision is reported at once to whoever may overrule it,
and a plan step that is one of a decision's options waits for that call and is not done when the
call went another way. Version 2 is version 3 with those parts as they were, so only what changed
is written here; everything else is inherited. Do not change its behaviour: when version 3's
other parts change, keep their version-2 form here too (or freeze a full copy, as staff_v1 is).
"""

from __future__ import annotations

from ..models import Expectation, Inject
from . import staff
from . import staff_words as words


class StaffMember(staff.StaffMember):
    """One simulated colleague in one seat, as version 2 played it."""

    def _decision_pending(self, exp: Expectation) -> bool:
        return False  # version 2 did a step whether or not a decision's option was that step

    def _decided_otherwise(self, exp: Expectation) -> bool:
        return False

    def _wrong_call(self, options, recommended):
        return self.rng.choice(options)  # version 2: a slip picked any option, the favoured one too

    def decide(self, inj: Inject):
        """Settle a decision addressed to this seat: a slip picks any option (the favoured one
        too), and the call waits for the next report, sent soon when it was a wrong one."""
        chosen = self._choose(inj)
        if chosen is None:
            return
        delay, option, recommended = chosen
        yield self.env.timeout(delay)
        if self.engine.open_decisions.get(inj.id) == self.role and not self.retired:
            was_met = set(self.engine.met)
            self.engine.decide(inj.id, option.id, self.role, staff=True)
            self.done.append(words.decided(self.engine.pack, inj, option.label, self.engine.now))
            for exp_id in sorted(self.engine.met - was_met):
                exp = self.engine.pack.expectations[exp_id]
                self._did(exp, words.done(self.engine.pack, exp, self.engine.now))
            if option is not recommended and self.seat.policy == "plan":
                self._report_soon(staff.URGENT_WINDOW)
