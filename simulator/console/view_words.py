"""How a console says what it shows: role titles, action and option labels, story times, and what
an approval request asks for. These depend on the pack alone, so the display model
(`display.ExerciseView`) and anything else holding a pack say things one way."""

from __future__ import annotations

from simulator.loading.pack import Pack
from simulator.story_clock import story_time


class ViewWords:
    """Words for a console, from its pack (`ExerciseView` is one)."""

    pack: Pack

    def draft_text(self, req: dict) -> str:
        """What an approval request asks for, as the approver and the drafter see it: the action,
        or the whole draft statement (channel, languages, audiences and text), after why and by when
        (what an approver needs first)."""
        return self._why(req) + self._draft(req)

    def _why(self, req: dict) -> str:
        lines = []
        if req.get("reason"):
            lines.append(f"Why: {req['reason']}")
        if req.get("due") is not None:
            lines.insert(0, f"Answer by {story_time(self.pack.scenario, req['due'])}.")
        return "\n".join(lines) + "\n\n" if lines else ""

    def _draft(self, req: dict) -> str:
        if req["action"]:
            return self.action_label(req["action"])
        where = [f"on {req['channel']}"] if req.get("channel") else []
        if req.get("languages") is not None:
            where.append("in " + (", ".join(req["languages"]) or "no language chosen"))
        if req.get("audience"):
            where.append("for " + ", ".join(req["audience"]))
        return " ".join(["Statement", *where]) + f":\n\n{req['text']}"

    def answer_text(self, req: dict) -> str:
        """The drafter's copy of an answer: granted or denied, by whom, the reason or note, and the
        draft as it now stands (changed by the approver, if it was)."""
        word = {"granted": "Approved", "denied": "Denied"}.get(req["status"], req["status"])
        changed = " with changes" if req.get("changed") else ""
        lines = [f"{word}{changed} by {self.role_title(req['answered_by'] or req['to'])}."]
        if req.get("note"):
            lines.append(("Reason: " if req["status"] == "denied" else "Note: ") + req["note"])
        if req["status"] == "denied" and not req["action"]:
            lines.append("Open it from Waiting (d) to edit the draft and ask again.")
        return "\n".join(lines) + "\n\n" + self.draft_text(req)

    def role_title(self, role: str | None) -> str:
        """A role's title as people read it ('Mayor'), never its id; the facilitator and the
        exercise itself by name."""
        if not role:
            return "-"
        found = self.pack.roles.get(role)
        if found is not None:
            return found.title
        return {"facilitator": "Facilitator", "exercise": "Exercise control"}.get(role, role)

    def request_what(self, req: dict) -> str:
        """What an approval request is for, in a few words: the action's label, or the draft's start."""
        if req["action"]:
            return self.action_label(req["action"])
        text = " ".join((req["text"] or "").split())
        return "statement: " + (text if len(text) <= 60 else text[:59] + "…")

    def action_label(self, action_id: str) -> str:
        found = self.pack.actions.get(action_id)
        return found[1].label if found else action_id

    def clock(self, t: float) -> str:
        """The story time of exercise minute `t` ('09:20'), as every console shows it."""
        return story_time(self.pack.scenario, t)

    def titles(self, roles) -> str:
        return ", ".join(self.role_title(r) for r in roles)

    def option_label(self, inject: str, option: str | None) -> str:
        inj = self.pack.injects.get(inject)
        if option is None or inj is None or inj.decision is None:
            return option or "nothing"
        return next((o.label for o in inj.decision.options if o.id == option), option)
