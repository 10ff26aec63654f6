"""The communication playbook: timing, content, messengers, channels, languages, consistency,
rumour correction, cadence and audiences. Every check is a transparent rule from the playbook."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..patterns import compile_pattern
from .facts import Facts, Said
from .model import Finding, Rating

CAPABILITY = "Public Information and Warning"


def _f(rule: str, target: str, title: str, source: str, verdict: str, rating: Rating, evidence: list[int],
       explanation: str, roles: list[str], matched: list[str] | None = None) -> Finding:
    return Finding(id=f"{rule}:{target}", rule=rule, category="playbook", title=title, source=source, roles=sorted(set(roles)),
                   verdict=verdict, rating=rating, suggested=rating, evidence=sorted(set(evidence)),
                   explanation=explanation, matched=matched or [], capability=CAPABILITY)


def _quote(words: list[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def _matched(words: list[str]) -> str:
    """' (matched ...)' after a verdict a statement's words triggered; nothing when none are known."""
    return f" (matched {_quote(words)})" if words else ""


def playbook_findings(facts: Facts, final: bool) -> Iterator[Finding]:
    pb = facts.pack.playbook
    said = facts.statements
    messengers = {m.role: m for m in pb.messengers}
    incident = min((v[0] for v in facts.deliveries.values()), default=0.0)
    official = [s for s in said if s.by in messengers]
    first = official[0] if official else None

    # First statement: how soon, and with which elements.
    due = incident + pb.first_statement.within
    if first is not None:
        ok = first.t <= due
        yield _f("playbook.first_statement", "timing", "First statement in time", pb.first_statement.source,
                 "on_time" if ok else "late", "P" if ok else "M", [first.line],
                 f"The first public statement came at minute {first.t:g} from {first.by}; the playbook asks for one by minute {due:g}.",
                 [first.by])
        present = [r for r in pb.first_message if r.id in first.rules]
        missing = [r for r in pb.first_message if r.id not in first.rules]
        if pb.first_message:
            rating: Rating = "P" if not missing else ("S" if len(present) * 2 >= len(pb.first_message) else "M")
            words = [w for r in present for w in first.words.get(r.id, [])]
            text = f"The first statement had {len(present)} of {len(pb.first_message)} required elements"
            if present:  # each element with the words of the statement that carried it
                text += ": " + "; ".join(f"{r.label} ({_quote(first.words.get(r.id, []))})" for r in present)
            text += f"; missing: {', '.join(r.label for r in missing)}." if missing else "."
            yield _f("playbook.first_message", "elements", "First message complete",
                     "; ".join(sorted({r.source for r in pb.first_message})), "complete" if not missing else "incomplete",
                     rating, [first.line], text, [first.by], words)
    elif final or facts.now > due:
        yield _f("playbook.first_statement", "timing", "First statement in time", pb.first_statement.source, "missing", "U",
                 [], f"No approved messenger made a public statement; the playbook asks for one by minute {due:g}.", list(messengers))

    # Key messages and audiences: each must be said at least once.
    for group, rule_name, title in ((pb.key_messages, "playbook.key_message", "Key message said"),
                                    (pb.audiences, "playbook.audience", "Audience addressed")):
        for r in group:
            hit = next((s for s in said if r.id in s.rules), None)
            if hit is not None:
                yield _f(rule_name, r.id, title, r.source, "said", "P", [hit.line],
                         f"'{r.label}' was said by {hit.by} at minute {hit.t:g} (matched {_quote(hit.words.get(r.id, []))}).",
                         [hit.by], hit.words.get(r.id, []))
            elif final and said:
                yield _f(rule_name, r.id, title, r.source, "not_said", "S", [s.line for s in said],
                         f"No statement carried '{r.label}'.", [s.by for s in said])

    # Prohibited content: every breach is a finding, with the words that matched.
    breaches = 0
    for s in said:
        for banned in pb.prohibited:
            if banned.id in s.rules:
                breaches += 1
                words = s.words.get(banned.id, [])
                yield _f("playbook.prohibited", f"{banned.id}@{s.line}", "No prohibited content", banned.source, "breach", "M",
                         [s.line], f"{s.by}'s statement at minute {s.t:g} contains {banned.label.lower()} (matched {_quote(words)}).",
                         [s.by], words)
    if pb.prohibited and said and not breaches and final:
        yield _f("playbook.prohibited", "none", "No prohibited content", "; ".join(sorted({r.source for r in pb.prohibited})),
                 "clean", "P", [s.line for s in said], f"None of the {len(said)} statements broke a prohibition.", [s.by for s in said])

    yield from _messengers(facts, said, messengers)
    yield from _coverage(facts, said, final)
    yield from _consistency(facts, said)
    yield from _rumours(facts, said, messengers, final)
    yield from _cadence(facts, official, final)


def _messengers(facts: Facts, said: list[Said], messengers: dict) -> Iterator[Finding]:
    source = "; ".join(sorted({m.source for m in messengers.values()}))
    wrong = [s for s in said if s.by not in messengers]
    for s in wrong:
        yield _f("playbook.messenger", f"{s.by}@{s.line}", "Approved messenger", source, "unapproved_messenger", "M", [s.line],
                 f"{s.by} spoke publicly at minute {s.t:g} but is not an approved messenger in the playbook.", [s.by])
    if said and not wrong:
        yield _f("playbook.messenger", "all", "Approved messenger", source, "approved_messengers", "P", [s.line for s in said],
                 f"All {len(said)} statements came from approved messengers.", [s.by for s in said])


def _coverage(facts: Facts, said: list[Said], final: bool) -> Iterator[Finding]:
    pb = facts.pack.playbook
    if not final or not said:
        return
    for req, rule, title, used in ((pb.channels, "playbook.channels", "Channels used", {s.channel for s in said}),
                                   (pb.languages, "playbook.languages", "Languages used",
                                    {lang.lower() for s in said for lang in s.languages})):
        if req is None:
            continue
        missing = [x for x in req.required if (x.lower() if rule.endswith("languages") else x) not in used]
        rating: Rating = "P" if not missing else "S"
        text = f"Statements used {', '.join(sorted(used)) or 'nothing'}"
        text += f"; never {', '.join(missing)}." if missing else f", covering every required one ({', '.join(req.required)})."
        yield _f(rule, "required", title, req.source, "covered" if not missing else "gaps", rating,
                 [s.line for s in said], text, [s.by for s in said])


_UPDATE = re.compile(r"\b(update|updated|now|latest|revised|correction|corrected)\b", re.IGNORECASE)


def _consistency(facts: Facts, said: list[Said]) -> Iterator[Finding]:
    for fact in facts.pack.playbook.facts:
        rx = compile_pattern(fact.pattern)
        seen: list[tuple[str, Said]] = []
        for s in said:
            m = rx.search(s.text)
            if m:
                seen.append((m.group(1).strip().lower(), s))
        clashes = []
        for i, (value, s) in enumerate(seen):
            for prior_value, prior in seen[:i]:
                # A later statement may correct an earlier one if it says it is an update.
                if value != prior_value and not (s.by == prior.by and _UPDATE.search(s.text)):
                    clashes.append((prior, prior_value, s, value))
        if clashes:
            for prior, pv, s, v in clashes:
                yield _f("playbook.consistency", f"{fact.id}@{s.line}", "Facts consistent", fact.source, "contradiction", "M",
                         [prior.line, s.line], f"{fact.label}: {prior.by} said '{pv}' at minute {prior.t:g}, "
                         f"{s.by} said '{v}' at minute {s.t:g}, with no update marked.", [prior.by, s.by], [pv, v])
        elif len(seen) > 1:
            yield _f("playbook.consistency", fact.id, "Facts consistent", fact.source, "consistent", "P",
                     [s.line for _v, s in seen], f"{fact.label} was stated the same way in {len(seen)} statements.",
                     [s.by for _v, s in seen])


def _rumours(facts: Facts, said: list[Said], messengers: dict, final: bool) -> Iterator[Finding]:
    for r in facts.pack.playbook.rumours:
        spread = facts.deliveries.get(r.inject)
        if spread is None:
            continue
        t0, line0 = spread[0], spread[1]
        due = t0 + r.correct_within
        fix = next((s for s in said if r.id in s.rules and s.t >= t0 and s.by in messengers), None)
        if fix is not None:
            ok = fix.t <= due
            yield _f("playbook.rumour", r.id, "Rumour corrected", r.source, "corrected" if ok else "corrected_late",
                     "P" if ok else "M", [line0, fix.line],
                     f"The rumour from {r.inject} (minute {t0:g}) was corrected by {fix.by} at minute {fix.t:g}; target: by minute {due:g}"
                     f"{_matched(fix.words.get(r.id, []))}.",
                     [fix.by], fix.words.get(r.id, []))
        elif final or facts.now > due:
            yield _f("playbook.rumour", r.id, "Rumour corrected", r.source, "not_corrected", "U", [line0],
                     f"The rumour spread by {r.inject} at minute {t0:g} was never corrected by an approved messenger (target: by minute {due:g}).",
                     list(messengers))


def _cadence(facts: Facts, official: list[Said], final: bool) -> Iterator[Finding]:
    cadence = facts.pack.playbook.cadence
    if cadence is None or not official:
        return
    end = facts.ended[0] if facts.ended else facts.now
    times = [s.t for s in official] + ([end] if final else [])
    # A module with an in-story time label jumps the story ahead (Day 1 -> Day 3): the public
    # did not wait those exercise minutes for news, so a gap is measured up to and from the jump.
    jumps = [m.starts_at for m in facts.pack.scenario.modules if m.time and times[0] < m.starts_at < times[-1]]
    points = sorted(times + jumps)
    gaps = [b - a for a, b in zip(points, points[1:])]
    worst_gap = max(gaps, default=0.0)
    rating: Rating = "P" if worst_gap <= cadence.every else ("S" if worst_gap <= 2 * cadence.every else "M")
    yield _f("playbook.cadence", "updates", "Regular updates", cadence.source,
             "kept" if rating == "P" else "gaps", rating, [s.line for s in official],
             f"{len(official)} official statements; the longest gap without an update was {worst_gap:.0f} min "
             f"(the playbook asks for one every {cadence.every:g} min" + (", counted afresh from each jump in story time)."
                                                             if jumps else ")."), [s.by for s in official])
