"""Statement checker diagnostics: WHICH part of a reading fails, in aggregate, on any corpus set.

Why aggregates: the sealed sets (benchmarks/statements.py SEALED) must never be read, or they
become sets tuned against. Counts and shares over them still say whether a miss is one of
vocabulary (no perpetrator word, no identity word, no group word found at all), of structure (the
words are there but not tied together) or of an over-eager suppression (the words are tied but a
denial, question or refusal set them aside). No text, and no word found in a statement, is ever
printed: only the names of our own features and detectors, with counts.

For each set: for every missed harmful rule, by kind, the share of misses showing each feature;
for every sound statement wrongly flagged, which detector fired.

Usage: python benchmarks/statement_diagnostics.py [SET.yaml ...]   (default: the sealed sets)
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from statements import SEALED, load_corpus, pack  # noqa: E402

from simulator.statements import harm, rumours, speculation, stigma, stigma_groups, stigma_history  # noqa: E402
from simulator.statements.hearsay import hearsay  # noqa: E402
from simulator.statements.analysis import Reading  # noqa: E402
from simulator.statements.lexicon import DEEDS, MATERIAL, NEGATORS, OWNED_MATERIAL, PLATFORMS  # noqa: E402

_MATERIAL = {w for w in MATERIAL + OWNED_MATERIAL}
_PLATFORMS = set(PLATFORMS)


def features(r: Reading, rule, p) -> dict[str, bool]:
    """Named yes/no features of one reading (our lexicon's and the pack vocabulary's tags)."""
    s = r.spans
    clauses = lambda tag: {r.toks[x[0]].clause for x in s.get(tag, [])}  # noqa: E731
    perp = clauses("perp_s") | clauses("perp_w")
    idents = clauses("ident") | clauses("ident_t") | clauses("motive") | clauses("place_c")
    ident_spans = [x for t in ("ident", "ident_t", "motive", "place_c") for x in s.get(t, [])]
    groups = [x for x in s.get("grp", []) if stigma_groups._is_group(r, x)]
    stig_cues = [t for t in s if t.startswith("stig:") or t in ("blame", "blame_end", "slur")]
    f = {
        "perp_strong": bool(s.get("perp_s")), "perp_weak": bool(s.get("perp_w")),
        "identity_builtin": bool(s.get("ident")), "identity_pack": bool(s.get("ident_t")),
        "motive": bool(s.get("motive")), "community_place": bool(s.get("place_c")) or bool(s.get("cplace")),
        "hedge": bool(s.get("hedge")), "insinuate": bool(s.get("insinuate")),
        "perp_and_ident_same_clause": bool(perp & idents),
        "ident_negated": any(r.negated(x[0], x[1]) for x in ident_spans),
        "ident_claims_about": any(r.claims_about(r.toks[x[0]].clause) for x in ident_spans),
        "negator_word": any(t.lemma in NEGATORS for t in r.toks),
        "neg_scope": bool(s.get("neg_scope")), "correction_cue": bool(s.get("corr")), "half_denial": bool(s.get("half_denial")),
        "question": bool(r.questions()),
        "group": bool(groups), "group_word_any": bool(s.get("grp")), "stigma_cue": bool(stig_cues),
        "group_and_cue_same_clause": any(r.in_clause(t, r.toks[g[0]].clause) for g in groups for t in stig_cues),
        "material_word": any(t.lemma in _MATERIAL for t in r.toks), "platform": any(t.lemma in _PLATFORMS for t in r.toks),
        "quote_marks": any(c in r.text for c in "\"“”"), "link_word": any(t.lemma in ("link", "url", "http") for t in r.toks),
        "digits": any(c.isdigit() for c in r.text),
        "own_rule_phrase": bool(s.get("rule:" + rule.id)),
    }
    gclauses = {r.toks[g[0]].clause for g in groups} | clauses("cplace")
    cue_clauses = {r.toks[x[0]].clause for t in stig_cues for x in s[t]}
    hedge_c = clauses("hedge")
    deed_c = {t.clause for t in r.toks if t.lemma in DEEDS}
    f["group_then_cue_next_2_clauses"] = any(c - g in (1, 2) for g in gclauses for c in cue_clauses)
    f["cue_clause_plural_pronoun"] = any(t.clause in cue_clauses and t.low in ("they", "them", "their", "these", "those")
                                         for t in r.toks)
    f["hedge_and_group_same_clause"] = bool(hedge_c & (gclauses | {r.toks[x[0]].clause for x in s.get("grp", [])}))
    f["hedge_and_deed_same_clause"] = bool(hedge_c & deed_c)
    f["deed_then_by"] = any(t.lemma == "by" and t.clause in deed_c for t in r.toks)
    f["hedge_and_perp_same_clause"] = bool(hedge_c & perp)
    # Where a stigma reading could have looked (our own tags only): which move's words are there
    # at all, whether a group and a move share a sentence, and words that point back to a place.
    for t in s:
        if t.startswith("stig:"):
            f["cue_" + t[5:]] = True
    any_group = bool(groups) or bool(s.get("cplace")) or bool(s.get("place_c"))
    f["no_group_no_place"] = not any_group and not s.get("grp")
    f["singular_group_word_only"] = bool(s.get("grp")) and not groups
    f["there_after_place"] = any(t.low == "there" for t in r.toks) and any_group
    f["modal_word"] = any(t.lemma in ("must", "should", "need", "ought") for t in r.toks)
    f["feeling_word"] = any(t.lemma in stigma.FEELINGS or t.low in stigma.FEELINGS for t in r.toks)
    f["feeling_before_group_same_clause"] = any(
        any((r.toks[k].lemma in stigma.FEELINGS or r.toks[k].low in stigma.FEELINGS) and k < g[0]
            for k in r.clause_toks(r.toks[g[0]].clause)) for g in groups + s.get("cplace", []))
    f["group_and_cue_same_sentence"] = any(abs(c - g) <= 2 for g in gclauses for c in cue_clauses)
    f["quantified_group"] = any(r.toks[g[0] - 1].lemma in ("some", "many", "most", "few", "lot", "of") for g in groups
                                if g[0] > 0)
    f["plural_pronoun_any"] = any(t.low in ("they", "them", "their", "these", "those") for t in r.toks)
    f["speculation_hit"] = bool(harm.speculation(r))
    f["rumour_word_any"] = any(t.startswith("topic:") for t in s)
    if getattr(rule, "rumour", None):
        topic = "topic:" + rule.rumour
        f["rumour_topic"] = bool(s.get(topic))
        f["rumour_topic_and_link_same_clause"] = any(r.in_clause("link", r.toks[x[0]].clause) for x in s.get(topic, []))
    return f


DETECTORS = {
    "speculation": {"tie": lambda r: harm.speculation(r) and [h for h in harm.speculation(r)
                                                              if h not in speculation._guessing_who(r) + speculation._blaming_who(r)
                                                              + speculation._insinuated(r) + speculation._guessed_source(r) + hearsay(r)],
                    "guessing_who": speculation._guessing_who, "blaming_who": speculation._blaming_who,
                    "insinuated": speculation._insinuated, "guessed_source": speculation._guessed_source, "hearsay": hearsay},
    "stigma": {"blame/slur": lambda r: [h for h in harm.stigma(r) if h not in stigma.insinuation(r)],
               **{f.__name__.strip("_"): f for f in (stigma._attributes, stigma._demands, stigma._legitimised, stigma._advice,
                                                      stigma._exclusion, stigma._burden, stigma._victim_blame, stigma._excused,
                                                      stigma._burden_alone, stigma_history._expected, stigma_history._arrival,
                                                      stigma_history._warned)}},
    "private_details": {"street": lambda r: harm._regex_hits(r, harm._STREET, "", len(r.text)),
                        "phrase": lambda r: [x for x in r.spans.get("private", []) if not r.negated(x[0], x[1])],
                        "named_person": lambda r: harm._named_private_people(r, len(r.text)),
                        "lodged": harm._lodged, "outed": lambda r: harm.outed(r, len(r.text)),
                        "young": lambda r: harm.young_person_pointed_out(r, len(r.text)),
                        "lodging_or_ward": lambda r: harm._regex_hits(r, harm._LODGING, "", len(r.text))
                        + harm._regex_hits(r, harm._WARD, "", len(r.text)),
                        "pack_fact": lambda r: [t for t in r.spans if t.startswith("fact:")]},
    "rumour_confirmation": {"reported_not_corrected": lambda r: [t for t in r.spans if t.startswith("topic:")
                                                                  and rumours._reported_not_corrected(r, t)],
                            "half_denied": lambda r: r.spans.get("half_denial")},
    "early_reassurance": {"reassure": harm.early_reassurance},
}


POOLED: dict[str, list[dict[str, bool]]] = defaultdict(list)


def _summary(title: str, rows: list[dict[str, bool]]) -> None:
    """One line per kind: how many misses, then each feature present in any, as count."""
    feats = {k for row in rows for k in row}
    counts = {k: sum(row.get(k, False) for row in rows) for k in sorted(feats)}
    print(f"{title}: {len(rows)}  " + " ".join(f"{k}={n}" for k, n in counts.items() if n))


def diagnose(name: str) -> None:
    entries = load_corpus(name)
    misses: dict[str, list[dict[str, bool]]] = defaultdict(list)
    fired: Counter[str] = Counter()
    sound = wrong = 0
    for e in entries:
        p = pack(e["pack"])
        checker = p.checker
        r = checker.read(e["text"])
        want = set(e.get("breaks") or [])
        rules = {x.id: x for x in p.playbook.prohibited}
        got = {rid for rid in rules if checker.judge(rules[rid], r) is not None}
        for rid in want - got:
            if rid in rules:
                misses[rules[rid].kind or "phrases"].append(features(r, rules[rid], p))
        if not want:
            sound += 1
            wrong += bool(got)
            for rid in got:
                kind = rules[rid].kind or "phrases"
                dets = [d for d, fn in DETECTORS.get(kind, {}).items() if fn(r)]
                fired[f"{kind}:{'+'.join(dets) or 'own phrases/other'}"] += 1
    print(f"== {name}: {len(entries)} statements, {sound} sound ({wrong} wrongly flagged)")
    for kind, rows in sorted(misses.items()):
        POOLED[kind] += rows
        _summary(f"  missed {kind}", rows)
    if fired:
        print("  sound statements wrongly flagged, by kind:detector")
        for k, n in fired.most_common():
            print(f"    {k:40} {n:3}")


def main() -> None:
    names = sys.argv[1:] or list(SEALED)
    for name in names:
        diagnose(name)
    if len(names) > 1:
        print("== pooled misses")
        for kind, rows in sorted(POOLED.items()):
            _summary(f"  missed {kind}", rows)


if __name__ == "__main__":
    main()
