"""Stigma by insinuation: a community given an attribute, a debt, a hostility or a warning.

lexicon.BLAME catches blame said outright ('refugees are to blame'). What officials say is more
often sideways (see stigma_words): 'the young men from the centre have been a problem', 'the
community must root out its extremists', 'people's anger at the new arrivals is understandable',
'keep your children away from the hotel', 'the centre should be closed'. Each move is read the
same general way: a group (a community's people, or a community's place other than the one
attacked) and the move's words in one clause, the group standing where the words are said of it
(not where it is the one harmed, protected or speaking), and no denial, disavowal or question.
"""

from __future__ import annotations

from .analysis import Reading, Span
from .lexicon import GROUP_NOUNS, NEGATORS, NOT_CLAIMS
from .phrases import Phrase
from .stigma_groups import _LINKS, NEAR, _groups
from .stigma_words import (APPEALS, DEBTS, FEELINGS, FOR_ONE_MAN, HARMED_WORDS, LINKING, OBJECT_FIRST, OBJECT_OF, OBLIGED,
                           OBLIGED_WITH, PROTECTIVE, VICTIM_SIDE, WITNESS)
from .verdict import Hit

def _said_of(r: Reading, group: Span, cue: Span) -> bool:
    """Whether the cue's words are said of the group: the group before them with nothing that
    makes it the one harmed or speaking ('the families have faced threats'), or the group just
    after them, linked as source or place ('crime among refugees', 'radical young men at the mosque')."""
    gi, gj, _ = group
    ci, cj, _ = cue
    if gj <= ci <= gj + NEAR:
        between = r.toks[gj:ci]
        return not any(t.lemma in VICTIM_SIDE or t.low in VICTIM_SIDE or t.lemma in FOR_ONE_MAN for t in between)
    if cj <= gi <= cj + 4:
        return all(t.low in _LINKS or t.lemma in _LINKS for t in r.toks[cj:gi])
    return gi <= ci < gj  # the cue inside the group's own words ('young men from the centre')


def _both(r: Reading, a: Span, b: Span) -> list[Hit]:
    """One hit from the first of two spans to the end of the other: the words as a reader quotes
    them ('Stay away from Northgate', 'the young men from the centre have been a problem')."""
    i, j = min(a[0], b[0]), max(a[1], b[1])
    start, end = r.toks[i].start, r.toks[j - 1].end
    return [Hit(start, end, r.text[start:end], f"{a[2].text} / {b[2].text}")]


def _open(r: Reading, clause: int) -> bool:
    """Whether a clause makes claims in its own voice: not a question, a denial of a claim, or a
    judgement that what it reports is wrong ('blaming the families would be wrong')."""
    return not r.claims_about(clause) and not r.disavows(clause)


def _asserted(r: Reading, clause: int) -> bool:
    """Whether a clause says what it says, not asking it or calling it wrong: for moves whose own
    words would make the clause 'about a claim' ('questions to answer', 'no surprise to anyone
    who...'), where _open would set every one of them aside."""
    return clause not in r.questions() and not r.disavows(clause)


def _obliged(r: Reading, clause: int, before: int) -> bool:
    """Whether a word of obligation stands before token `before` in the clause ('must', 'has to')."""
    for k in r.clause_toks(clause):
        if k >= before:
            break
        t = r.toks[k]
        if t.lemma in OBLIGED:
            return True
        follow = OBLIGED_WITH.get(t.lemma)
        if follow and k + 1 < len(r.toks) and r.toks[k + 1].lemma in (follow, "upon" if follow == "on" else follow):
            return True
    return False


def _negated_after(r: Reading, cue: Span, group: Span) -> bool:
    """Whether a denial stands between the cue and the group ('no wonder people are not afraid of
    the refugees'); the cue's own 'no' ('no wonder people are wary of...') denies nothing."""
    return any(t.lemma in NEGATORS for t in r.toks[cue[1]:group[0]]) or any(
        cue[1] <= s[0] < group[0] for s in r.spans.get("neg_scope", ()))


def _protective(r: Reading, clause: int, group: Span) -> bool:
    """Whether the clause gives a protective or operational reason (a word of the group's own name,
    'the Northgate Welcome Centre', is not one)."""
    return any(r.toks[k].lemma in PROTECTIVE and not group[0] <= k < group[1]
               and not (k > 0 and r.toks[k - 1].low in ("your", "own", "yourself"))  # 'for your own safety' warns of them
               for k in r.clause_toks(clause))


def _denied(r: Reading, span: Span, reach: int = 3) -> bool:
    """Whether a denial stands just before these words, within `reach` words of its clause ('nobody
    from Northgate', 'are not a threat'), or scopes over them ('no evidence that the families...').
    A 'not' further back or after belongs to other words: 'would not want hundreds of single men
    here' says it of the men, 'haven't always made it easy for themselves by keeping to their own'
    still says they keep to their own."""
    clause = r.toks[span[0]].clause
    if any(s[0] < span[0] and r.toks[s[0]].clause == clause for s in r.spans.get("neg_scope", ())):
        return True
    return any(t.clause == clause and t.lemma in NEGATORS for t in r.toks[max(0, span[0] - reach):span[0]])


def _cue_denied(r: Reading, cue: Span) -> bool:
    """A denial just before what is said of the group ('are not a threat', 'no danger')."""
    return _denied(r, cue, reach=4)


def _named(r: Reading, cue: Span) -> bool:
    """Whether the cue's first word is part of a name: capitalised inside its sentence ('the
    Harbour View hotel' harbours nobody)."""
    t = r.toks[cue[0]]
    starts = cue[0] == 0 or r.text[max(0, t.start - 3):t.start].strip()[-1:] in (".", "!", "?", ":", "")
    return r.text[t.start:t.start + 1].isupper() and not starts


def _attributes(r: Reading) -> list[Hit]:
    out = []
    for tag in ("stig:attr", "stig:nominal"):
        for cue in r.spans.get(tag, []):
            clause = r.toks[cue[0]].clause
            if _cue_denied(r, cue) or not _open(r, clause) or _named(r, cue):
                continue
            for group, _place in _groups(r, clause):
                if _denied(r, group) or not _said_of(r, group, cue):
                    continue
                if tag == "stig:nominal" and not _linked(r, group, cue):
                    continue
                if cue[2].text in _HOW_MANY and _feels(r, group, clause):
                    continue  # 'so many Eastgate parents are anxious': their own fear, not their number
                out += _both(r, group, cue)
                break
    return out


_ITS_PEOPLE = frozenset({"parents", "mums", "dads", "pupils", "worshippers", "neighbours", "shopkeepers", "students"})
_HOW_MANY = frozenset({"so many", "this many", "too many", "sheer number~"})


def _feels(r: Reading, group: Span, clause: int) -> bool:
    """Whether the group is the subject of its own feeling or harm ('parents are anxious', 'the
    families feel unsafe', 'the families have been threatened'): a be or feel, then such a word."""
    after = [r.toks[k] for k in range(group[1], min(len(r.toks), group[1] + 5)) if r.toks[k].clause == clause]
    if after and (after[0].low in GROUP_NOUNS or after[0].low in _ITS_PEOPLE):
        after = after[1:]  # 'Eastgate parents are anxious': the place's people
    return bool(after) and after[0].lemma in ("be", "feel", "have", "remain", "seem") and any(
        t.lemma in FEELINGS or t.low in FEELINGS or t.low in HARMED_WORDS or t.lemma in VICTIM_SIDE for t in after[1:])


def _linked(r: Reading, group: Span, cue: Span) -> bool:
    """Whether a word of what the group is ('a danger', 'a problem') is said of it: right beside it
    ('migrant crime', 'radical young men'), after it through a verb of being or causing ('the
    men there have become a problem'), or before it as its source ('crime among the refugees'),
    never 'the families' problems with housing'."""
    gi, gj, _ = group
    ci, cj, _ = cue
    if cj <= gi:
        return True  # before the group, already read by _said_of as source or place
    between = r.toks[gj:ci]
    return not between or any(t.lemma in LINKING for t in between)


def _demands(r: Reading) -> list[Hit]:
    """A community told it owes an answer: the group, then a word of obligation, then the demand,
    in one clause ('the Muslim community must do more', 'we call on the mosque to explain')."""
    out = []
    # A debt ('has questions to answer') says its own obligation; a demand needs a word of it.
    for cue in r.spans.get("stig:demand", []) + r.spans.get("stig:debt", []):
        clause = r.toks[cue[0]].clause
        debt = cue[2].text in DEBTS
        # a demand whose own words are of claims ('answer some hard questions') is not about a claim
        own_about = any(r.toks[k].lemma in NOT_CLAIMS for k in range(cue[0], cue[1]))
        if r.negated(cue[0], cue[1]) or not (_asserted(r, clause) if debt or own_about else _open(r, clause)):
            continue
        for group, _place in _groups(r, clause):
            if group[1] > cue[0] or cue[0] - group[1] > NEAR or _denied(r, group):
                continue
            if not debt and not _obliged(r, clause, cue[0]):
                continue
            if cue[2].text in APPEALS and any(r.toks[k].lemma in WITNESS or r.toks[k].low in HARMED_WORDS for k in r.clause_toks(clause)):
                continue  # 'we ask the congregation to come forward with what they saw': a witness appeal, not a debt
            between = r.toks[group[1]:cue[0]]
            if any(t.lemma in ("protect", "support", "help", "with", "for", "reassure") for t in between):
                continue
            out += _both(r, group, cue)
            break
    return out


_TOLD = Phrase("told what it must do", ())
_FUTURE = frozenset({"will", "would", "shall", "'ll"})
_ITSELF = frozenset({"itself", "themselves", "own"})
"""A demand's object that is the group itself ('its own', 'themselves'): collective answerability."""


def _on_itself(r: Reading, clause: int, after: int) -> bool:
    """Whether the words after token `after` in the clause turn the demand on the group itself."""
    return any(r.toks[k].low in _ITSELF for k in range(after, min(len(r.toks), after + 6)) if r.toks[k].clause == clause)
_MODALS = frozenset({"must", "should", "ought", "need", "needs", "have", "has", "better"})
_THEIR_DUE = frozenset({"know", "feel", "be", "get", "receive", "have", "hear", "stay", "contact", "call", "report", "come",
                        "go", "keep", "take", "ask", "tell", "rest", "grieve", "mourn", "worship", "pray", "live", "continue",
                        "expect", "look", "return", "send", "reach", "speak", "talk", "vote", "attend", "use", "visit"})
"""After 'the families should...', what is owed to them or theirs to do safely ('should know
they are safe', 'should feel able to worship', 'should call 101'), not a debt laid on them."""


_MORE = frozenset({"more", "less", "far", "much", "a", "lot", "bit", "little", "rather"})
_ANSWERABLE = frozenset({"open", "transparent", "honest", "careful", "responsible", "vigilant", "forthcoming", "cooperative",
                         "co-operative", "accountable", "discreet", "respectful", "grateful", "proactive", "vocal", "active",
                         "willing", "secretive", "closed", "insular", "visible", "outspoken", "forthright"})
"""The virtues a community is told to show more of, as if it lacked them ('be more open about who
preaches there'); 'be more patient' or 'be better protected' lays no fault on it."""


def _more_of_itself(r: Reading, start: int, clause: int) -> bool:
    """After 'must be', a comparative of the group's own conduct ('more open', 'less secretive'):
    not a participle of what is done for it ('be better protected', 'be more supported')."""
    words = [r.toks[k] for k in range(start, min(len(r.toks), start + 4)) if r.toks[k].clause == clause]
    if not words or words[0].low not in _MORE:
        return False
    adj = next((t for t in words if t.low not in _MORE), None)
    return adj is not None and adj.lemma in _ANSWERABLE


def _told_to(r: Reading) -> list[Hit]:
    """A group told what it must do ('the refugee community must make clear...', 'the mosque
    needs to rein in its young men'): the group as subject, a modal, then a verb that is not
    what is owed to it or its own safety (_THEIR_DUE)."""
    out = []
    for clause in {r.toks[s[0]].clause for s in r.spans.get("grp", []) + r.spans.get("cplace", [])}:
        if not _open(r, clause):
            continue
        for group, _place in _groups(r, clause):
            at = [k for k in range(group[1], min(len(r.toks), group[1] + 5)) if r.toks[k].clause == clause]
            if at and r.toks[at[0]].lemma in _FUTURE and len(at) > 1 and r.toks[at[1]].lemma in ("have", "need"):
                at = at[1:]  # 'will have to', 'will need to': the same obligation, in the future
            if len(at) < 2 or r.toks[at[0]].lemma not in _MODALS or _denied(r, group):
                continue
            # A group told to act on itself ('must police its own', 'has to sort itself out') is
            # held answerable as a whole, whatever protective word the demand uses; otherwise
            # '...needs to understand that we stand with them' is said for them.
            if not _on_itself(r, clause, at[-1]) and _protective(r, clause, group):
                continue
            rest = at[1:]
            if r.toks[at[0]].lemma in ("have", "has", "need", "needs", "ought"):
                if not (rest and r.toks[rest[0]].low == "to"):
                    continue  # 'the families have...' owns something; 'need' without 'to' needs something
                rest = rest[1:]
            verb = r.toks[rest[0]] if rest else None
            if verb is not None and verb.lemma == "be" and _more_of_itself(r, rest[0] + 1, clause):
                pass  # 'needs to be much more open', 'should be more careful': a fault it must mend
            elif verb is not None and verb.lemma == "take" and any(
                    r.toks[k].lemma in ("look", "responsibility", "stock") for k in range(rest[0] + 1, min(len(r.toks), rest[0] + 4))):
                pass  # 'needs to take a long look at itself': a demand, not 'should take care'
            elif verb is None or verb.lemma in _THEIR_DUE or verb.lemma in NEGATORS or verb.low in ("not", "never"):
                continue
            out += _both(r, group, (rest[0], rest[0] + 1, _TOLD))
            break
    return out


def _legitimised(r: Reading) -> list[Hit]:
    """Hostility to a group called understandable ('anger at the new arrivals is natural', 'no
    wonder people are wary of the centre'), or questions said to be owed about it."""
    out = []
    for tag in ("stig:legit", "stig:question"):
        for cue in r.spans.get(tag, []):
            clause = r.toks[cue[0]].clause
            # 'questions will be asked' is itself about a question: only a real one ('?') asks
            # 'who can blame them?' asks nothing: a question that excuses is said all the same
            rhetorical = tag == "stig:legit" and cue[2].text in _RHETORICAL and not r.disavows(clause)
            said = _asserted(r, clause) if tag == "stig:question" else _open(r, clause) or rhetorical
            if r.negated(cue[0], cue[1]) or not said:
                continue
            for group, _place in _groups(r, clause):
                # the cue's own object ('local parents have a point about how many newcomers...')
                if tag == "stig:legit" and cue[1] < group[0] <= cue[1] + 5 and r.toks[cue[1]].low in _ABOUT \
                        and not _negated_after(r, cue, group) and not _denied(r, group):
                    out += _both(r, cue, group)
                    break
                # The feeling held against the group stands before it ('anger at the centre'); after
                # it, it is the group's own ('families at Northgate are understandably worried').
                if tag != "stig:question" and not any(r.toks[k].lemma in FEELINGS or r.toks[k].low in FEELINGS
                                                      for k in r.clause_toks(clause) if k < group[0]):
                    continue
                before = r.toks[max(0, group[0] - 3):group[0]]
                asked = tag == "stig:question" and any(t.lemma in ("ask", "put", "question") and t.clause == clause for t in before)
                if (asked or any(t.low in OBJECT_OF and t.clause == clause for t in before) or _feeling_about(r, clause, group)) \
                        and not _negated_after(r, cue, group):
                    out += _both(r, cue, group)
                    break
    return out


def _feeling_about(r: Reading, clause: int, group: Span) -> bool:
    """A feeling whose object, after 'about', 'at' or 'over', runs on to the group ('fears about
    who has been housed up there', 'anger at the numbers arriving'): the feeling is held against it."""
    for k in r.clause_toks(clause):
        if k >= group[0]:
            return False
        t = r.toks[k]
        if (t.lemma in FEELINGS or t.low in FEELINGS) and k + 1 < group[0] and r.toks[k + 1].low in OBJECT_OF \
                and group[0] - k <= 9 and not any(r.toks[m].lemma in VICTIM_SIDE and r.toks[m].low not in OBJECT_OF
                                                   for m in range(k + 2, group[0])):
            return True
    return False


_RHETORICAL = frozenset({"who can blame", "who could blame", "any wonder", "be it any surprise"})
_ABOUT = frozenset({"about", "over", "regarding", "on"})


def _advice(r: Reading) -> list[Hit]:
    """Advice to keep clear of or watch a community's people or place ('stay away from Northgate',
    'be careful around the men at the hotel'); not protective watching, nor keeping clear of a
    police operation ('avoid Eastbank while police work at the scene'), nor the scene itself."""
    out = []
    for cue in r.spans.get("stig:advice", []):
        clause = r.toks[cue[0]].clause
        if r.negated(cue[0], cue[1]) or not _open(r, clause):
            continue
        if any(t.low == "going" for t in r.toks[cue[0]:cue[1]]):
            continue  # 'we are not going to let...' is a future, not 'do not go to...'

        first = cue[2].text in OBJECT_FIRST  # 'give the centre a wide berth': the place before the words
        for group, place in _groups(r, clause):
            if _protective(r, clause, group):
                continue
            if first and not (group[1] <= cue[0] and cue[0] - group[1] <= 3) or not first and (
                    group[0] < cue[0] or group[0] - cue[1] > NEAR):
                continue
            out += _both(r, cue, group)
            break
    return out


def _exclusion(r: Reading) -> list[Hit]:
    """A call to remove a community or close its place ('the centre should be shut', 'send them
    back'): only with a word of wanting or needing, so a closure for safety is not one."""
    out = []
    for cue in r.spans.get("stig:exclude", []):
        clause = r.toks[cue[0]].clause
        # 'whether housing single men next to a school is sensible' asks it, without a 'must'
        asks = cue[2].text.startswith("whether") or cue[2].text.startswith("think about")
        if _cue_denied(r, cue) or not (_open(r, clause) or asks and clause not in r.questions()) or not (
                asks or _obliged(r, clause, cue[1])):
            continue
        wanting = cue[2].text.startswith("not want")
        for group, _place in _groups(r, clause):
            if abs(group[0] - cue[0]) > NEAR + 4 or _denied(r, group) or _protective(r, clause, group):
                continue
            if wanting and group[0] < cue[0]:
                continue  # 'residents say they do not want the march here': the group's own wish, not its removal
            out += _both(r, group, cue)
            break
    return out


def _burden(r: Reading) -> list[Hit]:
    """A burden laid on a group: the group before the burden, as its cause ('the refugees put
    pressure on our schools'), or after it through 'because of' ('pressure because of the
    centre'); not 'the pressure the families are under'."""
    out = []
    for cue in r.spans.get("stig:burden", []):
        clause = r.toks[cue[0]].clause
        if r.negated(cue[0], cue[1]) or not _open(r, clause):
            continue
        for group, _place in _groups(r, clause):
            before = group[1] <= cue[0] and not any(t.lemma in VICTIM_SIDE or t.low in VICTIM_SIDE
                                                    for t in r.toks[group[1]:cue[0]])
            caused = cue[1] <= group[0] and any(t.lemma in ("because", "due", "from", "by") for t in r.toks[cue[1]:group[0]])
            if (before or caused) and abs(group[0] - cue[0]) <= NEAR and not _denied(r, group):
                out += _both(r, group, cue)
                break
    return out


def _excused(r: Reading) -> list[Hit]:
    """A hostile act excused ('no parent could be blamed for keeping their child away from the
    centre'): not blaming people, said with a denial, and a group or place later in the clause."""
    out = []
    for cue in r.spans.get("stig:noblame", []):
        clause = r.toks[cue[0]].clause
        if not any(t.clause == clause and t.lemma in NEGATORS for t in r.toks[max(0, cue[0] - 6):cue[0]]):
            continue
        if r.disavows(clause):
            continue
        for group, _place in _groups(r, clause):
            if group[0] > cue[1]:
                out += _both(r, cue, group)
                break
    return out


def _burden_alone(r: Reading) -> list[Hit]:
    """A burden said by the contrast itself; asked, it is said all the same ('is it really worth
    the risk to our own children?'): only a denial or a disavowal takes it back."""
    return [r.hit(s) for s in r.spans.get("stig:burden_alone", [])
            if not _cue_denied(r, s) and not r.disavows(r.toks[s[0]].clause)
            and (_open(r, r.toks[s[0]].clause) or r.toks[s[0]].clause in r.questions())]


def _victim_blame(r: Reading) -> list[Hit]:
    """Those attacked blamed for it ('they were asking for trouble', 'be more discreet')."""
    # Only a denial before the words takes them back ('nobody is asking for it'); 'more discreet,
    # this might not have happened' still says it, and 'if they had been more discreet' is its
    # usual form, so a case put is not set aside here.
    return [r.hit(s) for s in r.spans.get("stig:victim", [])
            if not any(t.lemma in NEGATORS and t.clause == r.toks[s[0]].clause for t in r.toks[max(0, s[0] - 4):s[0]])
            and r.toks[s[0]].clause not in r.questions() and not r.disavows(r.toks[s[0]].clause)]


def insinuation(r: Reading) -> list[Hit]:
    """Every sideways stigma in the statement (see the module's docstring, and stigma_history)."""
    from .stigma_history import history  # it reads groups with this module's helpers
    from .stigma_conduct import conduct
    return (_attributes(r) + _demands(r) + _legitimised(r) + _advice(r) + _exclusion(r) + _burden(r) + _victim_blame(r)
            + _excused(r) + _burden_alone(r) + history(r) + _told_to(r) + conduct(r))
