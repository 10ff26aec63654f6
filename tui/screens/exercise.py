"""The exercise screen: the facilitator console and the role consoles (hot-seat), one clock.

It orchestrates: session events arrive through the bridge and are folded into the view; the
view is pushed down into dumb widgets; widget events and keys become commands through
exercise control. Role and facilitator intents live in two mixins to keep modules small.
"""

from __future__ import annotations

import gc
import time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList

from simulator import judge
from simulator.engine import events as E
from simulator.room.codes import new_code
from simulator.story_clock import story_time

from ..bridge import SessionBridge, SessionUpdated
from ..config import RunConfig
from simulator.console.clock_driver import ExerciseControl
from ..live_score import LiveScore
from ..render import URGENT_MINUTES, countdown
from ..score_text import card_summary
from simulator.console.display import ExerciseView, Pending
from ..widgets.clock_bar import ClockBar
from ..widgets.deadline_banner import DeadlineBanner
from ..widgets.facilitator_console import FacilitatorConsole
from ..widgets.inbox import Inbox
from ..widgets.key_hints import KeyHints
from ..widgets.light_tabs import Switcher
from ..widgets.role_console import RoleConsole
from ..widgets.steady import update_if_changed
from .clock_intents import ClockIntents
from .facilitator_intents import FacilitatorIntents
from .hot_seat import HotSeat
from .render_panels import next_text, roles_text
from .role_intents import ROLE_ACTIONS, RoleIntents
from .waiting_dialogs import WaitingDialog

FAC_ACTIONS = {"fire", "adhoc", "note", "next_tab", "seats", "live_check", "jump_to"}
CLOCK_ACTIONS = {"toggle_clock", "speed", "jump", "end"}
"""The facilitator's in a facilitated exercise; a solo player runs their own clock."""


def _b(key: str, action: str, desc: str, tip: str, show: bool = True) -> Binding:
    return Binding(key, action, desc, show=show, id=action.split("(")[0], tooltip=tip)


class ExerciseScreen(HotSeat, ClockIntents, FacilitatorIntents, RoleIntents, Screen):
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Screen's, without repainting the whole screen when the focus moves. Why: the widgets
    that lose and gain the focus restyle and repaint themselves; the screen-wide repaint on top
    cost a full frame (at 200x60, most of it cutting the screen's own background into every
    widget's column) on every hot-seat switch, tab change and dialog close."""

    BINDINGS = [
        _b("space", "toggle_clock", "Run/pause", "Start or pause the exercise clock"),
        _b("plus,equals_sign", "speed(1)", "Faster", "Speed the clock up"),
        _b("minus", "speed(-1)", "Slower", "Slow the clock down", show=False),
        _b("j", "jump", "Next inject", "Jump the clock to the next scheduled inject"),
        _b("g", "jump_to", "Jump to", "Jump to a minute, a story time or a module's start (stops before deadlines)",
           show=False),
        _b("a", "actions", "Actions", "Search this role's action catalogue"),
        _b("s", "compose", "Statement", "Compose a public statement"),
        _b("d", "role_tab('waiting')", "Waiting", "Decisions and approvals waiting on this role"),
        _b("c", "role_tab('contacts')", "Contacts", "Contacts and chain of command", show=False),
        _b("k", "role_tab('check')", "Checklist", "This role's plan checklist", show=False),
        _b("b", "briefing", "Briefing", "This role's briefing: mandate, powers, chain of command, situation"),
        _b("i", "role_tab('detail')", "Detail", "Show the selected inbox item", show=False),
        _b("n", "next_unread", "Next unread", "Jump to the next unread inbox item", show=False),
        _b("f", "fire", "Fire inject", "Deliver the highlighted MSEL inject now"),
        _b("x", "adhoc", "Ad-hoc", "Write and send an extra inject"),
        _b("o", "note", "Note", "Take an observer note"),
        _b("o", "overrule", "Overrule", "Overrule a decision taken below you (highlight its inbox item first)"),
        _b("t", "seats", "Seats", "Hand a role's seat to a person or to simulated staff", show=False),
        _b("l", "live_check", "Live check", "Turn the composer's live statement check off or on (assessed exercise)",
           show=False),
        _b("right_square_bracket", "next_tab(1)", "Next tab", "Next facilitator tab"),
        _b("left_square_bracket", "next_tab(-1)", "Prev tab", "Previous facilitator tab", show=False),
        _b("e", "end", "End", "End the exercise (asks first)"),
        _b("0", "console('facilitator')", "Facilitator", "The facilitator console", show=False),
        *[_b(str(n), f"seat({n})", f"Role {n}", f"Role console {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, control: ExerciseControl, config: RunConfig, wall=time.monotonic):
        super().__init__()
        self.control, self.config, self.wall = control, config, wall
        session = control.session
        self.pack = session.engine.pack
        self.view = ExerciseView(self.pack, seats=dict(session.header.seats))
        self.view.apply(list(session.events))  # what the session holds already (resume, branch)
        self.bridge = SessionBridge(session)
        self.humans = self.view.humans()
        self.solo = config.mode == "solo" and len(self.humans) == 1
        self.live = LiveScore(self.pack, session.writer.path if session.writer else None)
        self._last_score = 0.0
        self._last_minute = -1
        self._ended_shown = False
        self._away_shown: set[str] = set()
        """Roles whose detail pane shows the cannot-be-reached note."""
        self.facilitator_code = new_code()[:4]
        """Hot-seat: a role console hands the screen back to the facilitator only with this code."""
        self.kept_screens = []

    # ---- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ClockBar(id="clockbar")
        yield DeadlineBanner(id="deadline-banner")
        first = self._current = self.humans[0] if self.solo else "facilitator"
        self._mounted = set(self.humans)
        with Switcher(initial=self._console_id(first), id="consoles"):
            if not self.solo:
                yield FacilitatorConsole(id="console-facilitator")
            for r in self.humans:
                yield RoleConsole(r, self.pack.roles, id=self._console_id(r))
        yield KeyHints(id="keyhints")

    @staticmethod
    def _console_id(who: str) -> str:
        return f"console-{who}"

    @property
    def current(self) -> str:
        """'facilitator' or the role whose console is shown."""
        return self._current

    @property
    def facilitator(self) -> FacilitatorConsole:
        return self.query_one(FacilitatorConsole)

    def console(self, role: str) -> RoleConsole:
        return self.query_one(f"#{self._console_id(role)}", RoleConsole)

    def on_mount(self) -> None:
        if not self.solo:
            rows = []
            for inj in self.pack.scenario.injects:
                when = self.view.clock(inj.at) if inj.at is not None else ("cond." if inj.trigger is not None else "cue")
                rows.append((inj.id, when, self.view.inject_status(inj), inj.severity, inj.title))
            self.facilitator.timeline.load(rows)
        self.bridge.attach(self)
        self.bridge.take()  # the view already holds what the session held when the screen was made
        everything = {"clock", "timeline", "state", "plan", "activity", "pending", "ended",
                      *(f"inbox:{r}" for r in self.humans)}
        self._fold(list(self.control.session.events), everything)
        self._focus_console()
        self.set_interval(0.25, self._tick, name="exercise-clock")
        if self.solo and self.control.session.now == 0 and self.control.paused:
            self.action_briefing()  # a new seat reads its briefing before the clock starts
        # The statement checker builds its rules and loads its word data on first use (~0.3 s):
        # done now, off the event loop, so the first composer or approval dialog opens at once.
        self.run_worker(self._warm_checker, thread=True, name="warm-checker", exit_on_error=False)

    def _warm_checker(self) -> None:
        self.pack.check_statement("We are with you. Stay calm.")

    owns_clock = True
    """Whether this console's player starts and stops the clock (not so for a seat joined to a room)."""

    def action_briefing(self) -> None:
        from .briefing import BriefingScreen

        if self.current != "facilitator":
            started = self.control.session.now > 0 or not self.control.paused
            self.app.push_screen(BriefingScreen(self.pack, self.current, before_start=not started,
                                                starts_clock=self.owns_clock))

    # ---- time and events -----------------------------------------------------------------------

    def _tick(self) -> None:
        self.control.tick()
        self._show_clock()
        top = self.app.screen
        if isinstance(top, WaitingDialog):  # its live countdown (and closing once settled)
            top.tick()
        self._show_banner()
        minute = int(self.control.session.now)
        if minute != self._last_minute:  # countdowns move once per exercise minute
            self._last_minute = minute
            self._refresh_countdowns()

    @on(SessionUpdated)
    def _session_updated(self) -> None:
        self._fold(self.bridge.take())

    def _fold(self, events: list[E.Event], changed: set[str] | None = None) -> None:
        if changed is None:
            if not events:
                return
            changed = self.view.apply(events)
        if "seats" in changed:
            self._seats_changed()
        delivered = [e for e in events if isinstance(e, E.InjectDelivered)]
        with self.app.batch_update():
            self._show_clock()
            if not self.solo:
                self._refresh_facilitator(changed, delivered)
            for r in self.humans:
                if r in self._mounted:
                    self._refresh_role(r, changed)
            self._show_banner()
        if len(events) > 500:
            # A burst of thousands of rows and events is long-lived: take it out of the cyclic
            # collector's sweeps, which otherwise stall a later key press by 50-100 ms.
            gc.freeze()
        if "rejected" in changed:
            self.notify(self.view.rejected[-1], title="Refused", severity="error")
        for e in events:
            if isinstance(e, E.RoleAvailability) and e.role in self.humans:
                self._availability_changed(e)
        if self.view.ended and not self._ended_shown:
            self._ended_shown = True
            self.set_timer(0.3, self._to_hot_wash)

    def _availability_changed(self, e: E.RoleAvailability) -> None:
        """Say plainly to a person's seat that it is cut off (until when, who acts) or back."""
        title = self.pack.roles[e.role].title
        if e.available:
            self.notify(f"{title}: you can be reached again. Take the handover before you act.",
                        title="You are back", timeout=15)
        else:
            self.notify(f"{title}: {self.view.unreachable_note(e.role)}", title="You cannot be reached",
                        severity="warning", timeout=20)

    def _show_clock(self) -> None:
        v, sc = self.view, self.pack.scenario
        who = self.current
        seat = "Facilitator" if who == "facilitator" else self.pack.roles[who].title
        if not self.solo and len(self.humans) > 0:
            seat += f"  [0 fac, {self._seat_keys()}]"
        extra = ""
        nxt = v.next_injects(1)
        if nxt and not v.ended:
            extra = f"next inject in {max(0, nxt[0].at - self.control.session.now):.0f} min"
        away = v.unreachable_short(who) if who != "facilitator" else None
        if away and not v.ended:
            extra = f"⚠ {away}"  # the one thing this seat must know now
        self.query_one(ClockBar).show(clock=story_time(sc, self.control.session.now), now=self.control.session.now, duration=sc.clock.duration,
                                      paused=self.control.paused, speed=self.control.speed, ended=v.ended, seat=seat,
                                      module=v.module, extra=extra)

    def urgent(self) -> list[tuple[str, Pending]]:
        """What waits on the seat shown (every person's, on the facilitator console) with five
        minutes or less left, soonest first, as (role, waiting item)."""
        now, who = self.control.session.now, self.current
        roles = self.humans if who == "facilitator" else [who]
        out = [(r, p) for r in roles for p in self.view.pending_for(r)
               if p.due is not None and 0 <= p.due - now <= URGENT_MINUTES]
        return sorted(out, key=lambda rp: rp[1].due or 0.0)

    def _show_banner(self) -> None:
        banner = self.query_one(DeadlineBanner)
        if self.view.ended:
            banner.show(None)
            return
        urgent = self.urgent()
        if not urgent:
            banner.show(None)
            return
        role, p = urgent[0]
        verb = "to decide" if p.kind == "decision" else "to answer"
        fac = self.current == "facilitator"
        who = f"{self.view.role_title(role)}: " if fac else ""
        key = f"{self.seat_key(role)} opens that console" if fac else "d opens Waiting"
        more = f"  (+{len(urgent) - 1} more)" if len(urgent) > 1 else ""
        banner.show(f"⚠ {who}{countdown(p.due, self.control.session.now, precise=True)} {verb}: {p.title}"
                    f"  · {key}{more}")

    def _refresh_facilitator(self, changed: set[str], delivered: list[E.InjectDelivered]) -> None:
        fac, v = self.facilitator, self.view
        if delivered:
            fac.timeline.mark_delivered([(e.inject, v.clock(e.t), e.severity, e.title) for e in delivered])
        update_if_changed(fac.text("next"), next_text(v, self.control.session.now))
        update_if_changed(fac.text("roles"), roles_text(v, v.seats))
        if "state" in changed:
            fac.gauges.show(self.pack.scenario.state, v.state, v.series)
        if "plan" in changed:
            fac.checklist.show(list(v.steps.values()), self.control.session.now, with_role=True,
                               titles={r: role.title for r, role in self.pack.roles.items()})
        if "activity" in changed:
            fac.activity.catch_up(v.activity)
        if fac.tabs.active == "fac-score" and self.wall() - self._last_score > 2.0:
            self._refresh_score()
        else:
            # The live scorer is fed as the log grows (a few lines per update), so opening the
            # Score tab never reads and scores thousands of lines at once (~30 ms after a burst).
            self.live.update()

    def _refresh_score(self) -> None:
        self._last_score = self.wall()
        self.facilitator.text("score").update(card_summary(self.live.card(), self.pack))

    def _refresh_role(self, role: str, changed: set[str]) -> None:
        con, v = self.console(role), self.view
        if f"inbox:{role}" in changed:
            con.inbox.append(v.inbox[role][len(con.inbox.items):], v.read[role])
        if f"read:{role}" in changed:
            con.inbox.show_read(v.read[role])
        n_pending = len(v.pending_for(role))
        away = v.unreachable_short(role)
        update_if_changed(con.head, Text.assemble((f"{self.pack.roles[role].title} ", "bold"),
                                                  (f"{v.unread(role)} unread", "cyan"), f"  {n_pending} waiting",
                                                  (f"  {away} (b: briefing)" if away else "", "bold yellow")),
                          layout=False)
        if away and not con.inbox.items:  # nothing to read yet: say why, in the pane the eye goes to
            con.detail.update(Text(v.unreachable_note(role) or "", style="bold yellow"))
            self._away_shown.add(role)
        elif not away and role in self._away_shown:  # back: the note no longer holds
            self._away_shown.discard(role)
            con.detail.update("You can be reached again. Select an inbox item (↑/↓); b shows your briefing.")
        if "pending" in changed:
            con.pending.show(v.pending_for(role), self.control.session.now)
        if "plan" in changed:
            con.checklist.show([s for s in v.steps.values() if s.role == role], self.control.session.now, with_role=False)

    def _seats_changed(self) -> None:
        """A seat changed hands: a new person gets a console; a seat handed to staff leaves hot-seat."""
        humans = self.view.humans()
        for r in humans:
            if r not in self._mounted and not self.query(f"#{self._console_id(r)}"):
                self.call_later(self._add_console, r)
        self.humans = humans
        if self.current not in humans and self.current != "facilitator" and not self.solo:
            self.action_console("facilitator")
        self._show_hints()

    async def _add_console(self, role: str) -> None:
        await self.query_one("#consoles", Switcher).mount(RoleConsole(role, self.pack.roles,
                                                                      id=self._console_id(role)))
        self._mounted.add(role)
        self._refresh_role(role, {f"inbox:{role}", "pending", "plan"})

    def _refresh_countdowns(self) -> None:
        now = self.control.session.now
        for r in self.humans:
            if r in self._mounted and self.view.pending_for(r):
                self.console(r).pending.show(self.view.pending_for(r), now)
        if not self.solo:
            update_if_changed(self.facilitator.text("next"), next_text(self.view, now))

    def _to_hot_wash(self) -> None:
        from .hotwash import HotWashScreen

        by = self.humans[0] if self.solo else "facilitator"
        while self.app.screen is not self:  # a dialog or the palette may be open when the clock runs out
            self.app.pop_screen()
        self.app.switch_screen(HotWashScreen(self.control, by))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "overrule":  # only a seat with someone below it has calls to overrule
            return self.current != "facilitator" and bool(judge.below(self.pack.roles, self.current))
        if action in ROLE_ACTIONS:
            return self.current != "facilitator"
        if action in FAC_ACTIONS or action in CLOCK_ACTIONS and not self.solo:
            return self.current == "facilitator"
        if action == "seat":
            return bool(parameters) and self.role_for_key(parameters[0]) is not None and (
                len(self.humans) > 1 or not self.solo)
        return True

    def palette_commands(self):
        """Commands for the command palette (ctrl+p), so nothing needs a key to be remembered."""
        from textual.app import SystemCommand

        if self.check_action("toggle_clock", ()):  # a player at a hot-seat role console gets none of these
            yield SystemCommand("Run or pause the clock", "Space", self.action_toggle_clock)
            yield SystemCommand("Faster clock", "+", lambda: self.action_speed(1))
            yield SystemCommand("Slower clock", "-", lambda: self.action_speed(-1))
            yield SystemCommand("Jump to the next inject", "j: says what it skipped", self.action_jump)
            yield SystemCommand("End the exercise", "e: the hot wash and the scorecard follow", self.action_end)
        if not self.solo and self.current == "facilitator":
            yield SystemCommand("Jump to a minute or a module", "g: stops before the next deadline unless told",
                                self._fac(self.action_jump_to))
            yield SystemCommand("Facilitator's code", "asked when a role console hands the screen back",
                                lambda: self.notify(self.facilitator_code, title="Facilitator's code", timeout=10))
            yield SystemCommand("Ad-hoc inject", "x (facilitator console)", self._fac(self.action_adhoc))
            yield SystemCommand("Observer note", "o (facilitator console)", self._fac(self.action_note))
            yield SystemCommand("Reassign a seat", "t: a person or simulated staff", self._fac(self.action_seats))
            yield SystemCommand("Live statement check on or off", "l: off for an assessed exercise",
                                self._fac(self.action_live_check))
        for r in self.humans:
            n = self.seat_key(r)
            yield SystemCommand(f"Console: {self.pack.roles[r].title}", f"{n}", lambda r=r: self.action_console(r))
            yield SystemCommand(f"Briefing of {self.pack.roles[r].title}", "b", self._as(r, self.action_briefing))
            yield SystemCommand(f"Actions of {self.pack.roles[r].title}", "a", self._as(r, self.action_actions))
            yield SystemCommand(f"Statement by {self.pack.roles[r].title}", "s", self._as(r, self.action_compose))

    def _fac(self, fn):
        return lambda: (self.action_console("facilitator"), fn())

    def _as(self, role: str, fn):
        return lambda: (self.action_console(role), fn())

    def _screen_resized(self, size) -> None:
        # Textual lays out the screen under a dialog again whenever the dialog gets a resize
        # event, which every dialog does once when it opens: a whole layout of the consoles for
        # nothing. Under a dialog, lay out again only if the terminal size really changed.
        # (A private Screen method: Textual is pinned exactly, and the dialog tests cover it.)
        if self.app.screen is not self and size == self._compositor.size:
            return
        super()._screen_resized(size)

    def on_unmount(self) -> None:
        self.bridge.take()
        for name in self.kept_screens:  # this exercise's kept dialogs go with it
            if self.app.is_screen_installed(name) and self.app.get_screen(name) not in self.app.screen_stack:
                self.app.uninstall_screen(name)

    # ---- inbox -----------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "Inbox")
    def _inbox_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        inbox = event.option_list
        assert isinstance(inbox, Inbox)
        self.open_item(inbox.role, event.option_index)
