"""Role intents on the exercise screen: read the inbox, decide, approve, act, speak, reach others.

A mixin of ExerciseScreen. Every intent ends in one command through exercise control, which
logs it (fsync'd) before the engine applies it; only then does the screen say it was done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import get_args

from rich.text import Text
from textual import on
from textual.screen import Screen
from textual.command import SimpleCommand
from textual.widgets import OptionList

from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.models import Channel

from simulator.draft_check import DraftCheck, check_draft
from simulator.story_clock import story_time

from ..render import SEVERITY_STYLE, countdown
from .composer import ComposerDialog
from .contact import ContactDialog
from .dialogs import ChoiceDialog
from .waiting_dialogs import ApprovalDialog, DecisionDialog, OverruleDialog

ROLE_ACTIONS = {"actions", "compose", "role_tab", "next_unread", "briefing", "overrule"}
ALL_CHANNELS = list(get_args(Channel))


class RoleIntents(Screen):
    """Mixed into ExerciseScreen; a Screen only so Textual registers its @on handlers (uses self.view, self.control, self.pack, self.console, self.current)."""

    kept_screens: list[str]
    """Names of dialogs installed for reuse (composers, the approval and code dialogs); the
    exercise screen uninstalls them."""

    def kept(self, name: str, make: Callable[[], Screen]) -> Screen:
        """The dialog installed as `name`, made (and installed) on first use. Why keep dialogs:
        composing and mounting their widgets, and removing them again on close (which lays out
        the screen under them once more), was most of the time a dialog took to open and close."""
        if not self.app.is_screen_installed(name):
            self.app.install_screen(make(), name)
            self.kept_screens.append(name)
        return self.app.get_screen(name)

    def send(self, cmd: C.CommandBase, done: str | None = None) -> list[E.Event]:
        events = self.control.submit(cmd)
        if events is None:  # the log refused the write: nothing was done (the app has said why)
            return []
        if done and not any(isinstance(e, E.CommandRejected) for e in events):
            self.notify(done, timeout=3)
        return events

    # ---- inbox and detail -----------------------------------------------------------------------

    def open_item(self, role: str, index: int | None) -> None:
        con = self.console(role)
        if index is None or index >= len(con.inbox.items):
            return
        item = con.inbox.items[index]
        if item.key not in self.view.read[role]:
            # Logged, so a resumed or second console shows the same unread marks; the mark
            # clears when the inbox_read event comes back through the view.
            self.send(C.MarkRead(by=role, items=[item.key]))
        t = Text()
        t.append(f"{item.title}\n", style="bold " + SEVERITY_STYLE.get(item.severity, ""))
        t.append(f"{story_time(self.pack.scenario, item.t)} · {item.channel} · {item.severity} · from {item.sender or '-'}\n\n",
                 style="dim")
        t.append(item.body.strip() + "\n")
        waiting = {p.ref: p for p in self.view.pending_for(role)}
        if item.ref in waiting:
            p = waiting[item.ref]
            what = countdown(p.due, self.view.now) if p.due is not None else {"approve": "your approval",
                                                                               "denied": "denied: edit and ask again"}.get(p.kind, "to use")
            t.append(f"\n▶ Waiting on you ({what}): press Enter to answer.\n", style="bold magenta")
        elif item.kind == "lapsed":
            t.append("\nThis decision is closed: nobody took it before its deadline.\n", style="bold red")
        over = next((o for o in self.view.overrulable(role, self.control.session.now) if o.inject == item.ref), None)
        taken = self.view.taken.get(item.ref or "")
        if over is not None:
            t.append(f"\n▶ The {self.view.role_title(over.decider)} decided: {over.label}. You may overrule it until "
                     f"{story_time(self.pack.scenario, over.until)}: press o.\n", style="bold magenta")
        elif taken is not None and taken.overruled_by is not None and item.kind != "overruled":
            t.append(f"\nOverruled by the {self.view.role_title(taken.overruled_by)} at "
                     f"{story_time(self.pack.scenario, taken.overruled_at or 0.0)}: "
                     f"{self.view.option_label(taken.inject, taken.option)}.\n", style="bold")
        con.detail.update(t)

    @on(OptionList.OptionSelected, "Inbox")
    def _inbox_selected(self, event: OptionList.OptionSelected) -> None:
        role = event.option_list.role
        item = event.option_list.items[event.option_index]
        p = next((p for p in self.view.pending_for(role) if p.ref == item.ref), None)
        if p is not None:
            self.open_pending(role, p.key)
        else:
            self.console(role).tabs.active = f"detail-{role}"

    def action_next_unread(self) -> None:
        role = self.current
        con = self.console(role)
        for n, item in enumerate(con.inbox.items):
            if item.key not in self.view.read[role]:
                con.inbox.highlighted = n
                con.inbox.focus()
                return
        self.notify("No unread items.")

    def action_role_tab(self, tab: str) -> None:
        role = self.current
        con = self.console(role)
        with self.app.batch_update():  # one frame for the tab, its pane and the focus
            con.tabs.active = f"{tab}-{role}"
            target = {"waiting": con.pending, "check": con.checklist, "contacts": con.contacts}.get(tab, con.inbox)
            target.focus()

    # ---- decisions and approvals ----------------------------------------------------------------

    @on(OptionList.OptionSelected, "PendingList")
    def _pending_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_pending(event.option_list.role, event.option_id)

    def open_pending(self, role: str, key: str) -> None:
        kind, ref = key.split(":", 1)
        now = lambda: self.control.session.now  # noqa: E731  (the dialogs' live countdown reads it)
        if kind == "d":
            inj = self.pack.injects[ref]
            due = self.view.decisions.get(ref, (None, None))[1]
            body = f"{inj.title}\n{inj.body.strip()}"
            options = [(o.id, o.label) for o in inj.decision.options]
            labels = dict(options)
            dialog = DecisionDialog(inj.decision.prompt, body, options, due, now, lambda: ref in self.view.decisions)
            self.app.push_screen(dialog, lambda option: option and self.send(
                C.MakeDecision(by=role, inject=ref, option=option), f"Decision logged: {labels.get(option, option)}"))
        elif kind == "a":
            req = self.view.requests[ref]
            what = self.view.request_what(req)
            check = None if req["action"] else self.draft_check(req["text"] or "")
            title = f"{self.view.role_title(req['by'])} asks you to approve " + (
                "an action" if req["action"] else "a statement")
            args = (title, req, what, check, req.get("due"), now, lambda: self.view.requests[ref]["status"] == "pending")
            dialog = self.kept("approval", lambda: ApprovalDialog(*args))
            assert isinstance(dialog, ApprovalDialog)
            if dialog in self.app.screen_stack:  # open already, under another dialog: this one stands alone
                dialog = ApprovalDialog(*args)
            else:
                dialog.show(*args)
            self.app.push_screen(dialog, lambda answer: answer and self.answer(role, ref, answer))
        elif kind == "g":
            self.use_approval(role, ref)
        elif kind == "x":
            self.revise(role, ref)

    # ---- overruling a decision taken below --------------------------------------------------------

    def action_overrule(self) -> None:
        """Overrule the decision the highlighted inbox item is about; with none, choose among those
        this seat may still overrule."""
        role = self.current
        found = self.view.overrulable(role, self.control.session.now)
        if not found:
            self.notify("Nothing to overrule: no decision taken below you is still open to it.", severity="warning")
            return
        con = self.console(role)
        index = con.inbox.highlighted
        ref = con.inbox.items[index].ref if index is not None and index < len(con.inbox.items) else None
        chosen = next((o for o in found if o.inject == ref), None)
        if chosen is not None or len(found) == 1:
            self.open_overrule(role, (chosen or found[0]).inject)
            return
        options = [(o.inject, f"{self.view.role_title(o.decider)}: {o.prompt} ({o.label})") for o in found]
        self.app.push_screen(ChoiceDialog("Which decision do you overrule?", "", options),
                             lambda inject: inject and self.open_overrule(role, inject))

    def open_overrule(self, role: str, inject: str) -> None:
        now = lambda: self.control.session.now  # noqa: E731  (the dialog's live countdown reads it)
        over = next((o for o in self.view.overrulable(role, now()) if o.inject == inject), None)
        if over is None:
            self.notify("That decision can no longer be overruled.", severity="warning")
            return
        inj = self.pack.injects[inject]
        assert inj.decision is not None  # only a decision is overruled
        who = self.view.role_title(over.decider)
        body = (f"Their call at {story_time(self.pack.scenario, over.decided_at)}: {over.label}\n"
                "What it set in motion stands; what you choose applies from now.\n\n"
                f"{over.prompt}\n\n{inj.title}\n{inj.body.strip()}")
        options = [(o.id, o.label) for o in inj.decision.options if o.id != over.option]
        labels = dict(options)
        dialog = OverruleDialog(f"Overrule the {who}'s decision", body, options, over.until, now,
                                lambda: any(o.inject == inject for o in self.view.overrulable(role, now())))

        def done(r: dict | None) -> None:
            if not r:
                return
            self.send(C.Overrule(by=role, inject=inject, option=r["option"], reason=r["reason"]),
                      f"Overruled the {who}: {labels.get(r['option'], r['option'])}")
            self.call_later(self._reopen, role, inject)  # after the screen has folded the overrule in

        self.app.push_screen(dialog, done)

    def _reopen(self, role: str, ref: str) -> None:
        """Show the highlighted inbox item again when it is about `ref`: its detail no longer offers
        what was just done."""
        con = self.console(role)
        shown = con.inbox.highlighted
        if shown is not None and shown < len(con.inbox.items) and con.inbox.items[shown].ref == ref:
            self.open_item(role, shown)

    def draft_check(self, text: str) -> DraftCheck:
        """The playbook check of a draft as if said now: the one check the CLI gives too."""
        record = replace(self.control.session.engine.history, now=self.control.session.now)
        return check_draft(self.pack, text, record)

    def answer(self, role: str, ref: str, answer: dict) -> None:
        note = answer["note"] or None
        what = self.view.request_what(self.view.requests[ref])
        if answer["op"] == "grant":
            self.send(C.AnswerApproval(by=role, request=ref, granted=True, note=note), f"Approved: {what}")
        elif answer["op"] == "deny":
            self.send(C.AnswerApproval(by=role, request=ref, granted=False, note=note), f"Denied: {what}")
        elif answer["op"] == "changes":
            req = self.view.requests[ref]
            dialog = self._composer(req["by"], f"Change the draft, then approve it ({self.view.role_title(req['by'])} "
                                    "publishes it as you leave it)", mode="changes", draft=req, approver=None)
            self.app.push_screen(dialog, lambda r: r and self.send(
                C.AnswerApproval(by=role, request=ref, granted=True, note=note, text=r["text"], channel=r["channel"],
                                 languages=r["languages"]), f"Approved with changes: {what}"))

    def revise(self, role: str, ref: str) -> None:
        """Edit a denied draft and ask again (the new request names the one it revises)."""
        req = self.view.requests[ref]
        to = self.approver_for(role) or req["to"]
        dialog = self._composer(role, f"Revise the draft {self.view.role_title(req['answered_by'] or req['to'])} denied"
                                + (f": {req['note']}" if req.get("note") else ""), mode="revise", draft=req,
                                approver=to)
        self.app.push_screen(dialog, lambda r: r and self.send(
            C.RequestApproval(by=role, to=to, text=r["text"], channel=r["channel"], languages=r["languages"],
                              audience=req.get("audience"), revises=ref),
            f"Revised draft sent to {self.view.role_title(to)}"))

    def use_approval(self, role: str, ref: str) -> None:
        req = self.view.requests[ref]
        if req["action"]:
            self.send(C.TakeAction(by=role, action=req["action"], approval=ref),
                      f"Done: {self.view.action_label(req['action'])}")
            return
        # The engine publishes the draft as it was approved. Only a draft logged without a channel
        # or languages (before requests kept them) takes the composer's defaults here.
        channel = None if req["channel"] else self._channels(role)[0]
        langs = None if req["languages"] is not None else self.pack.scenario.city.languages[:1]
        self.send(C.IssueStatement(by=role, channel=channel, languages=langs, approval=ref),
                  f"Statement published on {req['channel'] or channel}")

    # ---- actions (a palette searchable like the command palette) -----------------------------------------

    def action_actions(self) -> None:
        role = self.current
        items = []
        for action in self.pack.roles[role].actions:
            items.append(SimpleCommand(action.label, lambda a=action.id: self.take_action(role, a), action.description))
            approver = self.view.approver_for(role, action.id)
            if approver is not None:
                title = self.view.role_title(approver)
                items.append(SimpleCommand(f"{action.label} (ask the {title} to approve first)",
                                           lambda a=action.id, to=approver: self.ask_approval(role, to, a),
                                           f"Send an approval request to the {title}"))
        self.app.search_commands(items, placeholder=f"Search {self.pack.roles[role].title} actions…")

    def take_action(self, role: str, action: str) -> None:
        self.send(C.TakeAction(by=role, action=action), f"Done: {self.view.action_label(action)}")

    def ask_approval(self, role: str, to: str, action: str) -> None:
        self.send(C.RequestApproval(by=role, to=to, action=action), f"Approval requested from the {self.view.role_title(to)}")

    # ---- statements ----------------------------------------------------------------------------

    def _channels(self, role: str) -> list[str]:
        return list(self.pack.roles[role].channels) or ALL_CHANNELS

    def approver_for(self, role: str) -> str | None:
        """Whom `role` asks to approve a statement now: the view model asks the judge."""
        return self.view.approver_for(role)

    def _composer(self, role: str, title: str, mode: str = "new", draft: dict | None = None,
                  approver: str | None = None) -> ComposerDialog:
        templates = [t for t in self.pack.playbook.templates if t.role == role]
        return ComposerDialog(title, templates, self._channels(role), list(self.pack.scenario.city.languages), approver,
                              check=self.draft_check, live=self.view.live_check, mode=mode, draft=draft,
                              approver_title=self.view.role_title(approver) if approver else None)

    def action_compose(self) -> None:
        role = self.current
        approver = self.approver_for(role)
        title = f"Public statement by the {self.view.role_title(role)}" + (
            f" (approval from the {self.view.role_title(approver)})" if approver else "")
        # One composer per role, kept between statements: it opens without composing its widgets again.
        name = f"composer-{role}"
        dialog = self.kept(name, lambda: self._composer(role, title, approver=approver))
        assert isinstance(dialog, ComposerDialog)
        dialog.reopen(approver, self.view.role_title(approver) if approver else None, self.view.live_check)
        dialog.set_title(title)
        self.app.push_screen(name, lambda result: result and self.statement(role, result))

    def statement(self, role: str, r: dict) -> None:
        if r["op"] == "publish":
            self.send(C.IssueStatement(by=role, channel=r["channel"], languages=r["languages"], text=r["text"]),
                      f"Statement published on {r['channel']}")
            return
        to = self.approver_for(role)
        self.send(C.RequestApproval(by=role, to=to, text=r["text"], channel=r["channel"], languages=r["languages"]),
                  f"Draft sent to the {self.view.role_title(to)} for approval")

    # ---- contacts and the chain of command --------------------------------------------------------

    @on(OptionList.OptionSelected, "ContactList")
    def _contact_selected(self, event: OptionList.OptionSelected) -> None:
        role, contact = event.option_list.role, event.option_id
        dialog = ContactDialog(role, contact, self.pack.roles[contact].title, list(self.pack.roles[role].delegable))
        self.app.push_screen(dialog, lambda r: r and self.reach(role, contact, r))

    def reach(self, role: str, contact: str, r: dict) -> None:
        if r["op"] == "delegate":
            self.send(C.Delegate(by=role, to=contact, authority=r["authority"]), f"Delegated {r['authority']} to the {self.view.role_title(contact)}")
        else:
            self.send(C.SendMessage(by=role, to=contact, intent=r["intent"], text=r["text"]),
                      f"{r['intent'].capitalize()} sent to the {self.view.role_title(contact)}")
