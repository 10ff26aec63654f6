"""Facilitator intents on the exercise screen: fire injects, ad-hoc injects, observer notes, tabs, end.

A mixin of ExerciseScreen; every intent is one logged command through exercise control.
"""

from __future__ import annotations

from typing import get_args

from textual import on
from textual.screen import Screen
from textual.widgets import OptionList

from simulator.engine import commands as C
from simulator.engine.seats import POLICIES, Seat
from simulator.models import Channel

from ..widgets.facilitator_console import TABS
from .dialogs import AdHocDialog, ChoiceDialog, NoteDialog

FAC = C.FACILITATOR


class FacilitatorIntents(Screen):
    """Mixed into ExerciseScreen; a Screen only so Textual registers its @on handlers."""

    def action_fire(self) -> None:
        timeline = self.facilitator.timeline
        if timeline.highlighted is None:
            self.notify("Highlight an inject in the MSEL first.", severity="warning")
            return
        self.fire(timeline.get_option_at_index(timeline.highlighted).id)

    def fire(self, inject: str) -> None:
        inj = self.pack.injects.get(inject)
        title = f"\u201c{inj.title}\u201d" if inj else "That inject"
        if inject in self.view.delivered:
            self.notify(f"{title} was already delivered.", severity="warning")
            return
        self.send(C.FireInject(by=FAC, inject=inject), f"{title} delivered")

    @on(OptionList.OptionSelected, "Timeline")
    def _timeline_selected(self, event: OptionList.OptionSelected) -> None:
        inj = self.pack.injects.get(event.option_id)
        if inj is None or inj.id in self.view.delivered:
            return
        body = f"{inj.body.strip()}\n\nFacilitator note: {(inj.facilitator_notes or '-').strip()}"
        self.app.push_screen(ChoiceDialog(inj.title, body, [("fire", "Deliver it now"), ("keep", "Keep to the MSEL")]),
                             lambda r: r == "fire" and self.fire(inj.id))

    def action_adhoc(self) -> None:
        dialog = AdHocDialog(list(self.pack.scenario.roles), list(get_args(Channel)))
        self.app.push_screen(dialog, lambda r: r and self.send(C.AdHocInject(by=FAC, **r), "Ad-hoc inject sent"))

    def action_note(self) -> None:
        self.app.push_screen(NoteDialog(list(self.pack.scenario.roles)),
                             lambda r: r and self.send(C.ObserverNote(by=FAC, **r), "Note logged"))

    def action_next_tab(self, step: int) -> None:
        tabs = self.facilitator.tabs
        ids = [f"fac-{k}" for k in TABS]
        with self.app.batch_update():
            tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]
            if tabs.active == "fac-score":
                self._refresh_score()

    def action_seats(self) -> None:
        """Hand a seat over: pick the role, then who takes it."""
        seats = self.view.seats
        roles = [(r, f"{role.title}: " + ("a person" if seats.get(r) is None or seats[r].kind == "human"
                                          else f"staff ({seats[r].policy})")) for r, role in self.pack.roles.items()]
        self.app.push_screen(ChoiceDialog("Reassign a seat", "Whose seat changes hands?", roles),
                             lambda role: role and self._seat_for(role))

    def _seat_for(self, role: str) -> None:
        options = [("human", "A person at the table (hot-seat console)")] + [
            (p, f"Simulated staff, policy {p}") for p in POLICIES]
        self.app.push_screen(ChoiceDialog(f"Who takes the {self.pack.roles[role].title}'s seat?", "", options),
                             lambda who: who and self.send(C.TakeSeat(by=FAC, role=role, seat=Seat() if who == "human" else
                                                                      Seat(kind="staff", policy=who,
                                                                           competence=self.config.competence)),
                                                           f"The {self.pack.roles[role].title}'s seat changed hands"))

    def action_live_check(self) -> None:
        """Turn the composer's live playbook check off (an assessed exercise) or back on; logged."""
        on = not self.view.live_check
        self.send(C.SetLiveCheck(by=FAC, on=on),
                  "Live statement check on" if on else "Live statement check off: players write unaided")

    def action_end(self) -> None:
        if self.view.ended:
            return
        self.app.push_screen(ChoiceDialog("End the exercise?", "The hot wash and the scorecard follow.",
                                          [("keep", "Keep playing"), ("end", "End the exercise now")]),
                             lambda r: r == "end" and self.control.end())
