"""The statement checker: a playbook's rules, compiled once, judging one statement at a time.

Why one checker: the engine (which rules a statement meets, for plan steps and effects), the
scorer (findings and the words that matched), `tabletop lint` (rules against their own examples)
and `tabletop playbook check` all ask it, so a statement is judged the same way everywhere.
It is pure: no conditions are evaluated here; each hit carries the condition that lifts it
(a victim's name, once the family is told) and the judge decides against the exercise record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models.playbook import MessageRule, Playbook, ProhibitedRule, Rumour
from ..patterns import compile_pattern
from . import credited
from . import credited_words as CW
from . import harm
from . import rumours
from . import lexicon as L
from . import stigma_words as S
from .analysis import Reading, read
from .phrases import Matcher, Phrase, compile_phrase
from .text import MAX_CHARS
from .verdict import Hit, Result, Verdict

Rule = MessageRule | ProhibitedRule | Rumour

_TITLES = "mr|mrs|ms|miss|dr|mx"
# Where to get help, said as a number, an address on the web or an email: '0800 555 0140', '101',
# 'caldmere.gov.uk/update', 'help@city.gov'. Bounded repetition, so linear in the text.
_CONTACT = re.compile(r"(?<![\d:.])(?:\+\d{1,3}[ ]?)?(?:0\d{2,4}[ -]?\d{3}[ -]?\d{3,4}|\b(?:101|111|999|112|911)\b)(?![\d:]|\.\d)"
                      r"|\b(?:https?://|www\.)\S{2,80}|\b[\w.-]{1,40}\.(?:gov|org|nhs|police)(?:\.[a-z]{2,3})?(?:/\S{0,60})?"
                      r"|\b[\w.+-]{1,40}@[\w-]{1,40}\.[\w.]{2,20}")
_SAID_IN_OWN_VOICE = frozenset({"speculation", "rumour_confirmation", "stigma", "early_reassurance"})
"""Harms that are the speaker's own claim: words in quotation marks, answered by a denial in the
statement, are mentioned, not claimed (amplify is the other way round: quoting him is the harm)."""
_WHY = {
    "speculation": "ties an identity, faith, origin or motive to the perpetrator before it is confirmed",
    "rumour_confirmation": "repeats the rumour's link without denying it",
    "victim_name": "names a victim before the family has been told",
    "private_details": "gives private details (an address, a ward, where a family is, how someone is protected)",
    "stigma": "blames or stigmatises a community",
    "amplify": "passes on the attacker's material or words",
    "name_calling": "calls people names, which inflames and shuts out dialogue",
    "early_reassurance": "reassures before the facts are known",
    "phrases": "uses words the playbook prohibits",
}


def _alts(words: Iterable[str]) -> str:
    """Words as one position of a phrase: alternatives, multi-word ones joined by '_'."""
    return "|".join(w.strip().lower().replace(" ", "_") for w in words if w.strip() and "|" not in w)


def _expand(template: str, slots: dict[str, str]) -> str:
    for name, value in slots.items():
        template = template.replace("{" + name + "}", value or "\u0000")
    return template


class Checker:
    """Every statement rule of a playbook, ready to judge a statement (build once per pack)."""

    def __init__(self, playbook: Playbook):
        self.playbook = playbook
        vocab = playbook.vocabulary
        self._tags: dict[int, list[str]] = {}
        self._phrases: list[Phrase] = []
        self._patterns: dict[str, list[tuple[str, object]]] = {}
        self._about: dict[str, set[str]] = {}

        def add(tag: str, texts: Iterable[str]) -> None:
            for text in texts:
                ph = compile_phrase(text) if "\u0000" not in text else None
                if ph is not None:
                    self._phrases.append(ph)
                    self._tags.setdefault(id(ph), []).append(tag)

        for kind, phrases in CW.CREDITED.items():
            add("credit:" + kind, phrases)
        for kind, phrases in CW.DECISIVE.items():
            add("decisive:" + kind, phrases)
        targeted = [w for c in vocab.communities if c.targeted for w in c.words]
        others = [w for c in vocab.communities if not c.targeted for w in c.words]
        community_places = [p for c in vocab.communities for p in c.places] + \
                           [n for p in vocab.places if p.kind == "community" for n in p.names]
        other_places = [p for c in vocab.communities if not c.targeted for p in c.places] + \
                       [n for p in vocab.places if p.kind == "community" for n in p.names]
        add("corr", L.CORRECTION)
        add("neg_scope", L.NEGATION_SCOPE)
        add("half_denial", L.HALF_DENIAL)
        add("blame_act", L.BLAME_ACT)
        add("insult", L.INSULTS)
        add("reassure", L.EARLY_REASSURANCE)
        add("lodged", [f"{_alts(L.FAMILY + ['victims', 'survivors', 'residents', 'pupils', 'guests', 'he', 'she', 'they'])} * {w}"
                       for w in L.LODGED])
        add("link", L.ASSERT_LINK)
        add("perp_s", L.PERPETRATOR_STRONG + list(vocab.perpetrator))
        add("perp_w", L.PERPETRATOR_WEAK)
        add("act", L.PERPETRATOR_ACT)
        add("ident", L.IDENTITY + others)
        add("ident_t", targeted)
        add("motive", L.MOTIVE)
        add("classified", L.CLASSIFIED)
        add("place_c", [p for p in other_places if p not in targeted])
        add("attr", L.ATTRIBUTE)
        add("hedge", L.HEDGES)
        add("insinuate", L.INSINUATE)
        add("hearsay", L.HEARSAY)
        add("origin_verb", L.ORIGIN_VERBS)
        add("slur", L.SLURS)
        named = sorted({w.lower() for w in L.GROUP_OF + targeted + others})
        groups = _alts(L.GROUPS + targeted + others + [f"{w} {n}" for w in named for n in L.GROUP_NOUNS]
                       + [f"{p} {who}" for p in community_places for who in ("families", "residents", "people", "community")])
        slots = {"g": groups, "place": _alts(community_places)}
        # Where stigma by insinuation looks for the group (stigma.py): a community's people, and
        # its places other than the scene of the incident (keeping clear of the scene is sound).
        # One phrase per length of alternative (the matcher keeps the shortest match at a place,
        # and 'refugee families' must not be read as 'refugee'): three look-ups a word, not hundreds.
        by_length: dict[int, list[str]] = {}
        for alt in (groups + "|" + _alts(S.MEN)).split("|"):
            by_length.setdefault(min(alt.count("_") + 1, 3), []).append(alt)
        add("grp", ["|".join(alts) for alts in by_length.values()])
        incident = {n for p in vocab.places if p.kind == "incident" for n in p.names}
        add("cplace", [p for p in community_places if p not in incident] + _spoken_places(vocab, community_places, incident))
        for tag, words in (("stig:attr", S.ATTRIBUTES), ("stig:nominal", S.NOMINAL), ("stig:demand", S.DEMANDS), ("stig:debt", S.DEBTS), ("stig:legit", S.LEGITIMISE),
                           ("stig:expected", S.EXPECTED), ("stig:arrival", S.ARRIVAL), ("stig:warned", S.WARNED),
                           ("stig:review", S.REVIEW),
                           ("stig:question", S.QUESTIONS), ("stig:advice", S.ADVICE), ("stig:exclude", S.EXCLUDE),
                           ("stig:burden", S.BURDEN), ("stig:victim", S.VICTIM_BLAME), ("stig:noblame", S.NO_BLAME),
                           ("stig:burden_alone", S.BURDEN_ALONE)):
            add(tag, words)
        # Two tags, so the blame rule can tell where the group is: last ('by * {g}') or first.
        add("blame", [_expand(t, slots) for t in L.BLAME if not t.endswith("{g}")])
        add("blame_end", [_expand(t, slots) for t in L.BLAME if t.endswith("{g}")])
        perps = _alts(["gunman", "attacker", "shooter", "suspect", "perpetrator", "killer", "assailant", "culprit", "sender"]
                      + list(vocab.perpetrator))
        owners = ["his", "her", "their"] + [f"{p} 's" for p in perps.split("|")]
        material = _alts(L.MATERIAL + list(vocab.material) + [f"{o} {m}" for o in owners for m in L.OWNED_MATERIAL])
        add("amplify", [_expand(t, {"m": material, "p": perps, "platform": _alts(L.PLATFORMS)}) for t in L.AMPLIFY])
        add("material", [material])
        add("amp_where", [_expand(t, {"m": material}) for t in L.AMPLIFY_WHERE])
        add("amp_he", L.AMPLIFY_HE)
        # Who did it named by the deed ('the men who did this were heard shouting...'): his words
        # passed on; one phrase, not one per owner of every kind of material (the {p} slot).
        doers = _alts(a for d in L.PERPETRATOR_DOERS for a in _doers(d))
        add("amplify", [_expand(t, {"d": doers}) for t in L.AMPLIFY_DOERS])
        family = f"{_alts(L.POSSESSIVES)} {_alts(L.FAMILY)}"
        add("private", [_expand(t, {"f": family}) for t in L.PRIVATE])
        for person in vocab.people:
            for k, fact in enumerate(person.private):
                add(f"fact:{person.id}:{k}", fact.phrases)
            if person.role == "victim":
                add(f"name:{person.id}", [v for n in person.names for v in _name_forms(n)])
                # A first name alone names the victim too, where the clause speaks of the harm
                # ('we are thinking of Manjit's family tonight; she died doing what she loved').
                add(f"first:{person.id}", [n.split()[0] for n in person.names if len(n.split()) >= 2])
        for rule in self._rules():
            m = rule.match
            add("rule:" + rule.id, [*m.phrases, *(w.strip() + "~" for w in m.words)])
            self._patterns[rule.id] = [(p, compile_pattern(p)) for p in m.patterns]
            if isinstance(rule, Rumour):
                add("topic:" + rule.id, list(rule.about) + _community_of(vocab, rule.about, community_places, incident))
        self._matcher = Matcher(self._phrases)

    def _rules(self) -> list[Rule]:
        pb = self.playbook
        return [*pb.first_message, *pb.key_messages, *pb.prohibited, *pb.rumours, *pb.audiences]

    # ---- judging ------------------------------------------------------------------------------

    def read(self, text: str) -> Reading:
        return read(text, self._matcher, self._tags)

    def check(self, text: str) -> Result:
        """Every rule the statement meets or breaks, with the words that did it."""
        r = self.read(text)
        out: dict[str, Verdict] = {}
        for rule in self._rules():
            v = self.judge(rule, r)
            if v is not None:
                out[rule.id] = v
        return Result(out, max(0, len(text) - MAX_CHARS))

    def judge(self, rule: Rule, r: Reading) -> Verdict | None:
        own = self._own_hits(rule, r)
        if isinstance(rule, ProhibitedRule):
            return self._prohibited(rule, r, own)
        if isinstance(rule, Rumour) and rule.about:
            return self._correction(rule, r, own)
        kind = getattr(rule, "kind", None)
        hits = [h for h, s in zip(own, _spans_for(r, own)) if s is None or self._delivers(kind, r, *s, h.cue)]
        decisive_spans: list = []
        if kind is not None:
            # an element's clearest words are its cues too (a decisive phrase alone delivers it)
            decisive_spans = [s for s in r.spans.get("decisive:" + kind, []) if self._delivers(kind, r, s[0], s[1], s[2].text)]
            hits += [r.hit(s) for s in r.spans.get("credit:" + kind, []) if self._delivers(kind, r, s[0], s[1], s[2].text)]
            hits += [r.hit(s) for s in decisive_spans]
            if kind == "help":
                limit = min(len(r.text), MAX_CHARS)
                hits += [Hit(m.start(), m.end(), m.group(0), "a number or address to contact") for m in _CONTACT.finditer(r.text, 0, limit)]
            if kind == "solidarity":  # naming the community one stands with is part of standing with it
                hits += [r.hit(s) for s in r.spans.get("ident_t", [])]
        hits = _distinct(hits)
        decisive = kind is not None and (bool(decisive_spans) or any(h.cue == "a number or address to contact" for h in hits))
        if len(hits) < rule.match.min_hits and not (decisive and hits):
            return None
        text = getattr(rule, "label", None) or f"corrects the rumour {rule.id}"
        label = text[0].lower() + text[1:]
        return Verdict(rule.id, kind or "phrases", False, tuple(hits), f"{label}: says {_quote(hits)}")

    @staticmethod
    def _delivers(kind: str | None, r: Reading, i: int, j: int, phrase: str) -> bool:
        """Whether a credited cue found at tokens i..j delivers its element: not taken back by a
        denial ('officers were not deployed'), not a look-alike ('the crowd was calm')."""
        if kind is None:
            return True
        if kind not in credited.UNDENIABLE and credited.taken_back(r, i, j, phrase):
            return False
        return not credited.not_a_call(r, kind, i, j, phrase)

    def _own_hits(self, rule: Rule, r: Reading) -> list[Hit]:
        hits = [r.hit(s) for s in r.spans.get("rule:" + rule.id, [])]
        limit = min(len(r.text), MAX_CHARS)
        for label, rx in self._patterns.get(rule.id, []):
            m = rx.search(r.text[:limit])  # type: ignore[attr-defined]
            if m:
                hits.append(Hit(m.start(), m.end(), m.group(0), label))
        return hits

    def _prohibited(self, rule: ProhibitedRule, r: Reading, own: list[Hit]) -> Verdict | None:
        kind = rule.kind
        if kind in ("speculation", "stigma", "rumour_confirmation", "amplify", "early_reassurance"):
            # The pack's phrases are read like the built-in ones: 'we will not speculate about his
            # religion' or 'do not share the video' says the words and breaks nothing.
            own = [h for h, s in zip(own, _spans_for(r, own)) if s is None or not r.negated(*s)]
        if kind == "speculation":
            own = [h for h, s in zip(own, _spans_for(r, own)) if s is None or not harm.asks_who(r, s[0])]
        if kind in _SAID_IN_OWN_VOICE:  # a transcript's question is the questioner's words, not the speaker's
            asked = r.put_by_others()
            own = [h for h, s in zip(own, _spans_for(r, own)) if s is None or r.toks[s[0]].clause not in asked]
        if kind == "name_calling":
            own = [h for h, s in zip(own, _spans_for(r, own)) if s is None or not harm.denied_before(r, s[0])]
        if kind == "early_reassurance":
            own = [h for h, s in zip(own, _spans_for(r, own)) if s is None or not harm.reported_by_others(r, r.toks[s[0]].clause)]
        if kind == "amplify":  # 'after seeing the video, many of you...' reports; 'see the video' invites
            own = [h for h, s in zip(own, _spans_for(r, own)) if s is None or harm.invites(r, s[0])]
        found: list[Hit] = []
        if kind == "speculation":
            found = harm.speculation(r)
        elif kind == "stigma":
            found = harm.stigma(r)
        elif kind == "amplify":
            found = harm.amplify(r)
        elif kind == "name_calling":
            found = harm.name_calling(r)
        elif kind == "early_reassurance":
            found = harm.early_reassurance(r)
        elif kind == "private_details":
            found = harm.private_details(r)
            for person in self.playbook.vocabulary.people:
                for k, fact in enumerate(person.private):
                    found += [_with(r.hit(s), fact.until) for s in r.spans.get(f"fact:{person.id}:{k}", [])
                              if not r.negated(s[0], s[1]) and not r.claims_about(r.toks[s[0]].clause)]
        elif kind == "victim_name":
            for person in self.playbook.vocabulary.people:
                found += [_with(r.hit(s), person.name_private_until) for s in r.spans.get(f"name:{person.id}", [])]
                found += [_with(r.hit(s), person.name_private_until) for s in r.spans.get(f"first:{person.id}", [])
                          if harm.speaks_of_harm(r, r.toks[s[0]].clause)]
        elif kind == "rumour_confirmation" and rule.rumour is not None:
            found = rumours.rumour_confirmation(r, "topic:" + rule.rumour)
        hits = _distinct(found)
        if not hits and len(_distinct(own)) < rule.match.min_hits:
            return None
        hits = _distinct(hits + own)
        if kind in _SAID_IN_OWN_VOICE and r.quoted_and_answered(hits):
            return None  # 'the post says "he came from Northgate". That is false.': quoted to answer it
        why = _WHY[kind or "phrases"]
        return Verdict(rule.id, kind or "phrases", True, tuple(hits), f"{rule.label}: the statement {why} ({_quote(hits)})")

    def _correction(self, rule: Rumour, r: Reading, own: list[Hit]) -> Verdict | None:
        topics = r.spans.get("topic:" + rule.id, [])
        if not topics or rumours.rumour_confirmation(r, "topic:" + rule.id):
            return None
        near = {r.toks[t[0]].clause + d for t in topics for d in (-1, 0, 1)}
        about = self._about.get(rule.id)
        if about is None:  # the rumour's own words, worked out once (not on every keystroke)
            about = self._about[rule.id] = {ph.text.lower() for ph in map(compile_phrase, rule.about) if ph}
        cues = [r.hit(s) for s in r.spans.get("corr", []) if r.toks[s[0]].clause in near]
        cues += [h for h in own if h.cue.lower() not in about]
        if not cues:
            return None
        hits = _distinct([r.hit(topics[0]), *cues])
        return Verdict(rule.id, "rumour_correction", False, tuple(hits),
                       f"corrects the rumour ({rule.id}): mentions {topics and r.hit(topics[0]).words!r} and denies it ({_quote(cues)})")


def _community_of(vocab, about: Iterable[str], places: list[str], incident: set[str]) -> list[str]:
    """The other names of the community a rumour is about: where its `about` words name a
    community or its place ('Northgate'), its people and places as statements name them too
    ('the refugees', 'the welcome centre', 'the hotel'), so 'the gunman was one of the refugees'
    speaks of the rumour. Not a targeted community's (the rumour is about the one it blames)."""
    said = {a.lower() for a in about}
    out: list[str] = []
    for c in vocab.communities:
        names = {w.lower() for w in c.words} | {p.lower() for p in c.places}
        if c.targeted or not names & said:
            continue
        out += [w for w in c.words if len(w) > 3] + [f"{w}s" for w in c.words if len(w) > 3 and not w.endswith("s")]
        out += [p for p in c.places if p not in incident]
        out += _spoken_places(vocab, [p for p in c.places], incident)
    return [w for w in out if w.lower() not in said]


def _doers(phrase: str) -> list[str]:
    """A perpetrator phrase with alternatives ('men who did this|that') as plain phrases, one per
    alternative, to stand in a slot of another phrase."""
    *head, last = phrase.split()
    return [" ".join(head + [alt]) for alt in last.split("|")]


def _spoken_places(vocab, places: list[str], incident: set[str]) -> list[str]:
    """A community place as people speak of it: 'the hotel' for the Harbour View hotel, 'the mosque'
    for the Saltmarsh Mosque; never a noun another named place also ends in (in a pack with a
    'family assistance centre', 'the centre' could be either)."""
    def last(name: str) -> str:
        return name.lower().split()[-1] if name.split() else ""
    others = {last(n) for p in vocab.places if p.kind != "community" for n in p.names} | {last(n) for n in incident}
    nouns = {last(n) for n in places} | {w.lower() for c in vocab.communities for w in c.words if w.lower() in S.PLACE_NOUNS}
    return [f"{d} {noun}" for noun in sorted(nouns & S.PLACE_NOUNS - others) for d in ("the", "that", "this")]


def _name_forms(name: str) -> list[str]:
    """A person's name as statements may say it: in full, first and last, and title with surname."""
    parts = name.split()
    forms = [name]
    if len(parts) >= 2:
        forms += [f"{parts[0]} {parts[-1]}", f"{_TITLES} {parts[-1]}"]
    return forms


def _with(hit: Hit, until) -> Hit:
    return Hit(hit.start, hit.end, hit.words, hit.cue, until)


def _spans_for(r: Reading, hits: list[Hit]) -> list[tuple[int, int] | None]:
    """Token spans of hits found by phrase (None for a pattern's, which has no token span)."""
    if not hits:
        return []
    starts = {t.start: k for k, t in enumerate(r.toks)}
    ends = {t.end: k for k, t in enumerate(r.toks)}
    return [(starts[h.start], ends[h.end] + 1) if h.start in starts and h.end in ends else None for h in hits]


def _distinct(hits: list[Hit]) -> list[Hit]:
    """Hits in text order, each stretch of text counted once (so 'stay calm' is one cue, not two)."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if out and h.start < out[-1].end:
            continue
        if any(o.words.lower() == h.words.lower() for o in out):
            continue
        out.append(h)
    return out


def _quote(hits: list[Hit]) -> str:
    return ", ".join(f"'{h.words}'" for h in hits[:8]) + (" ..." if len(hits) > 8 else "")
