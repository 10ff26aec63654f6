"""The words the harm rules and the general readings look for (the credited elements' turns of
phrase are in credited_words.py).

Why here and not in every pack: how people deny, hedge or blame does not change from city to
city. A pack adds its own words in a rule's `match` (and its people and places in the playbook's
`vocabulary`). Written in the phrase syntax of phrases.py: words are compared by lemma, 'a|b' are alternatives, '*' is up to three words,
'x~' is a stem, '_' joins two words into one alternative.
"""

from __future__ import annotations

CORRECTION = [
    "no link", "no connection", "not connect~", "not link~", "no evidence", "nothing to suggest", "nothing suggest~", "no indication",
    "no reason to believe|think|suspect", "false", "untrue", "not true", "incorrect", "wrong", "baseless", "unfounded",
    "misinformation", "disinformation", "fake", "not genuine", "doctored", "fabricat~", "no truth", "deny", "denied",
    "not responsible", "not involved", "nothing to do with", "not * involved", "not * connect~", "not * link~",
    "ignore", "do not share", "not share", "claim~ * be wrong|false|untrue", "not the case", "not happen~",
    "no * part", "not turn~ away", "not refus~", "no shortage", "not run~ out", "plenty of", "no one * involve~",
    "nobody * involve~", "no one from", "nobody from", "not from", "not * behind", "not * responsible", "not * to blame",
    "no record~", "no such", "no report~ of", "never happen~", "did not happen", "not real", "manipulat~", "edited", "altered",
    "old footage", "another|different country", "out of context", "misleading", "made up", "invented", "not genuine", "forged",
    "forgery", "no truth", "not what", "is not|isn't * here", "filmed in|abroad|elsewhere",
    "nothing * connect~|link~|tie~", "found nothing", "no one|nobody at|in * responsible|involved|to_blame",
    "no part in", "had nothing to do",
    # a report set aside by the fact that answers it ('whatever was said on the night, the position is clear: ...')
    "whatever be|was * said|claimed|posted|suggested", "the position be clear",
]
"""Turns of phrase that deny a rumour; with the rumour's `about` words, a correction."""

ASSERT_LINK = [
    "link~", "connect~", "come|came from", "responsible", "involve~", "behind", "tie~", "associat~", "belong~ to",
    "live|living|lives at|in", "stay~ at|in", "member of", "part of", "based", "known to", "turn~ away", "refus~", "shortage", "run out",
    "run~ out",
]
"""Turns of phrase that assert a rumour's link (said without a denial, a confirmation)."""

NEGATORS = frozenset({"no", "not", "never", "nothing", "none", "nobody", "neither", "nor", "without", "deny", "false",
                      "untrue", "baseless", "unfounded", "refuse", "reject", "against", "stop", "avoid", "condemn"})
"""Lemmas that put what follows them in their clause out of the statement's claims."""
VERB_NEGATORS = frozenset({"refuse", "reject", "against", "stop", "avoid", "condemn"})
"""Negators that are verbs or a preposition: they deny their own object, a few words on, not all
that follows in the clause (Reading.negated, VERB_REACH)."""

NEGATION_SCOPE = ["no evidence", "no * evidence", "nothing to suggest|indicate|show", "nothing suggest~", "no indication",
                  "no suggestion", "no sign", "no reason to believe|think|suspect|say", "no basis", "no truth", "not true that",
                  "not the case that", "untrue that", "false that", "not aware of", "have not found", "found no", "find no"]
"""Denials that reach to the end of their clause, however long ('there is no evidence that the
man arrested this morning had any connection with the families at Northgate')."""

NEGATED_AFTER = frozenset({"not", "unknown", "unclear", "unconfirmed", "false", "untrue", "unfounded", "baseless"})
"""Lemmas that undo what shortly precedes them ('his motive is not known')."""

NOT_CLAIMS = frozenset({"speculate", "speculation", "guess", "assume", "assumption", "rumour", "conclusion",
                        "question", "claim", "allegation"})
OPEN_QUESTION = frozenset({"if", "whether"})
DENIALS = frozenset({"no", "not", "never", "nothing", "none", "nobody", "neither", "nor"})
UNKNOWING = frozenset({"unknown", "unclear", "unsure", "know", "sure", "establish", "confirm", "say", "tell", "comment"})
"""'whether' and 'if' make a clause talk about a claim only with a denial or a word of not
knowing beside them ('we will not say whether', 'we do not know if'): 'police are looking into
whether he had links to Northgate' floats the link in public."""
"""Lemmas that make a clause talk about a claim rather than make it ('we will not speculate on
his faith', 'posts claiming he was a refugee are false')."""

DISAVOW = frozenset({"wrong", "unfair", "unjust", "shameful", "disgraceful", "unacceptable", "mistake", "dangerous",
                     "irresponsible", "hateful", "cruel"})
"""Lemmas by which a clause judges what it reports as wrong ('blaming refugees would be wrong')."""

PERPETRATOR_STRONG = ["gunman", "attacker", "shooter", "suspect", "perpetrator", "killer", "assailant", "culprit", "murderer",
                      "terrorist", "man arrest~", "person arrest~", "person responsible", "those responsible", "whoever",
                      "man who", "person who", "man|woman|person they|police * arrest~", "man|woman|person * have been arrest~", "the sender", "author~ of the", "the person behind"]
PERPETRATOR_DOERS = ["man who did this|that|it", "men who did this|that|it", "people who did this|that|it",
                     "those who did this|that|it", "person who did this|that|it", "whoever did this|that|it",
                     "man responsible", "men responsible", "people responsible", "those behind this|it", "the people behind",
                     # named by the deed itself: 'the people who smashed up the office'
                     "man|men|people|person|those|whoever|lads|youths|group who|that smashed|attacked|stabbed|shot|threw|sent|wrote|posted|daubed|sprayed|vandalised|torched|burned|assaulted|beat|targeted|threatened|started|filmed|made|planted|set"]
"""Who did it, named by the deed ('the men who did this'): the perpetrator, as people speak of him."""
PERPETRATOR_STRONG += PERPETRATOR_DOERS
PERPETRATOR_WEAK = ["man", "he", "him", "his", "woman", "she", "her", "person", "individual", "they", "them"]
"""The perpetrator: named as such, or a pronoun (then only with an attributing verb or hedge)."""

PERPETRATOR_ACT = ["attack", "shooting", "killing", "threat", "threats", "email", "letter", "incident", "violence"]
"""What the perpetrator did: a motive may be attributed to it ('a racially motivated attack')."""

IDENTITY = [
    "muslim", "islam~", "sikh~", "hindu~", "christian~", "jew~", "buddhist~", "catholic~", "protestant~", "religio~", "faith",
    "migrant", "immigrant", "refugee", "asylum_seeker", "asylum", "foreign~", "foreign national", "newcomer", "outsider",
    "illegal", "undocumented", "ethnic~", "nationality", "national", "nationals", "citizen", "origin", "background", "descent",
    "pakistan~", "afghan~", "syria~", "iraq~", "iran~", "somali~", "eritrea~", "sudan~", "arab~", "african~", "asian",
    "polish", "romanian~", "albania~", "ukrain~", "russia~", "turk~", "kurd~", "indian", "bangladesh~", "nigeria~", "libya~",
    "moroccan~", "algeria~", "chechen~", "eastern european", "roma", "gypsy", "traveller~", "black", "white", "punjabi",
    "urdu", "arabic", "pashto", "dari", "farsi", "somali", "tigrinya",
    # a language spoken, not speaking itself ('they speak first'): speaks Arabic, spoke little English, with an accent
    "speak~|spoke|spoken arabic|urdu|pashto|dari|farsi|somali|tigrinya|punjabi|kurdish|polish|romanian|little|broken|no|poor|with",
    "accent", "abroad", "overseas", "passport",
    "not originally from", "not from this|our country|area|city|town", "not from here|round_here|around_here", "not british|english|local",
    "born abroad|overseas|elsewhere", "foreign-born", "came to this country", "arrive~ in the|this country|uk", "on a visa",
    "overstay~", "recently arrived", "arrive~ recently", "came over", "convert~", "immigration status", "papers",
    "known to * police|security_service~|authorities|mi5|counter-terror~|prevent", "on a watch list|watchlist", "watch-list~",
    "previous conviction~", "criminal record", "history of * violence|mental|illness",
    "part of a * network|cell", "a cell", "recently returned|travelled", "returned from", "travel~ to syria|iraq|afghanistan|pakistan",
]
MOTIVE = ["motive", "motivate~", "radicali~", "radicaliz~", "extremis~", "ideolog~", "jihad~", "islamis~", "far-right",
          "far right", "white supremac~", "neo-nazi", "terror~", "revenge", "grudge", "hatred", "hate", "mental~", "mentally ill",
          "unstable", "inspired by", "sympathis~", "sympathiz~", "isis", "al-qaeda", "because he", "because they", "religious",
          "political~", "sectarian", "racially", "racist", "in retaliation", "homophob~", "transphob~", "biphob~",
          "antisemit~", "islamophob~", "anti-muslim", "anti-sikh", "anti-gay", "anti-trans", "anti-semitic", "xenophob~",
          "bigot~", "misogyn~", "incel~", "payback", "tit-for-tat", "tit for tat", "hate-filled", "grievance~",
          "obsess~", "anti-migrant", "anti-immigrant", "anti-refugee", "anti-lgbt", "anti-hindu", "anti-jewish", "vendetta"]
CLASSIFIED = ["treat~ * as", "investigat~ * as", "record~ * as", "classif~ * as", "regard~ * as", "deal~ with * as"]
"""How a statement reports the police's own classification ('police are treating this as a hate
crime'): a fact the police have given, not a motive guessed."""
GENERIC_ACT = frozenset({"report", "any", "all", "every", "no", "more", "other", "tackle", "prevent", "against",
                         "national", "level", "alert", "on", "about", "tackling", "combat", "combating", "counter",
                         "countering", "challenge", "challenging", "preventing", "online"})
"""Words before a motive that make it a category, not this attack ('report hate incidents')."""
ATTRIBUTE = ["be", "appear~", "seem~", "believe~", "think", "thought", "understand", "understood", "suspect~", "report~",
             "say", "describe~", "identif~", "known", "probabl~", "likely", "possibl~", "perhaps", "maybe", "allegedly",
             "apparently", "may", "might", "could", "from", "of", "originally", "with", "come", "came", "arrive~",
             "source~", "look~ like", "sound~ like", "suggest~", "indicat~", "presum~", "rumour~ to", "said to", "an", "a", "as",
             "told", "have been", "had been",
             # certainty said in the speaker's voice ties as firmly as 'is': 'whoever did this clearly hates...'
             "clearly", "obviously", "evidently", "plainly", "definitely", "certainly", "undoubtedly"]
"""What ties an identity or motive to the perpetrator ('is', 'appears to be', 'probably', 'sources say')."""

HEDGES = ["probabl~", "likely", "possibl~", "perhaps", "maybe", "allegedly", "apparently", "reportedly", "appear~", "seem~",
          "believe~", "thought to", "understood to", "sources say|said|suggest|tell", "we understand", "we hear", "rumour~",
          "suspected to|of", "be suspected", "may have", "might have", "could have", "looks like", "sounds like", "said to", "suggest~",
          "indicat~", "early indication~", "initial report~", "first report~", "it look~ like|as if", "could be", "might be",
          "may be", "can not rule out", "cannot rule out", "not rule * out", "everyone know~", "we all know", "no doubt",
          "almost certainly", "most likely", "hallmark~", "consistent with", "bear~ * mark~", "smack~ of",
          "fit~ * pattern|profile", "in keeping with", "all the sign~", "i * be told", "i hear", "source~ close to", "little doubt",
          "not surprise anyone", "would not surprise", "no surprise", "no secret", "entitled to know", "deserve to know",
          "i gather", "we gather", "i suspect", "we suspect", "my understanding", "in my mind", "i bet", "presumably",
          "in all likelihood", "odds are", "chance~ be|are", "the chance~ be", "i bet", "bet~ it|that|you", "put money on",
          # Belief in the speaker's own voice: a guess said as a guess is still a guess in public.
          "i|we think", "i|we reckon", "i|we be sure|convinced|certain|fairly_sure|pretty_sure", "my guess", "my money be on",
          "would not be surprised|amazed|astonished|shocked", "would be surprised|amazed|astonished|shocked if * not", "must have been", "must be", "have to be", "can only be",
          "surely", "smell~ like|of", "stink~ of", "reek~ of", "typical of", "who else", "read~ like|as_if|as_though", "i|we fear", "i|we expect",
          "from what i|we * hear~|hearing|told|understand|gather", "what i be hearing", "i be hearing", "word be that",
          "the word on the street", "people be saying", "early indication~ be"]

HEARSAY = ["i * be told", "i|we have be told", "i|we hear", "i|we be hearing", "we|i understand", "my|our understanding",
           "i|we gather", "source~", "from what i|we * hear~|hearing|told|understand|gather", "word be that", "word be he", "apparently", "reportedly", "allegedly", "said to", "rumoured to", "early indication~",
           "initial report~", "first report~", "according to * people|someone|neighbour~|friend~|relative~|colleague~|those|source~",
           "people who know|knew him|her", "i|we be led to believe", "on good authority", "off the record",
           "i|we have learn~", "i|we be given to understand", "talk be that", "the story be that", "i|we be hearing that"]
HEARSAY += ["i|we suspect", "i|we think", "i|we reckon", "my|our guess", "i bet", "i|we fear", "i|we expect",
            "would not be surprised", "would be surprised if", "chance~ be|are", "i would say"]
"""... and a guess in the speaker's own voice ('I suspect whoever sent it knows the school'): the
same passing on, with the speaker as the source."""
"""The speaker's own unofficial source ('I'm told', 'sources close to', 'we understand', 'early
indications'): with the perpetrator in the clause, a guess about him (hearsay.py)."""

ATTRIBUTION = frozenset({"hallmark~", "bear~ * mark~", "smack~ of", "fit~ * pattern|profile", "consistent with", "in keeping with",
                         "typical of", "smell~ like|of", "stink~ of", "reek~ of", "looks like", "it look~ like|as if"})
"""Hedges that say whose work a deed looks like: with a group word after them, a guess at who
(speculation._hallmarks)."""

INSINUATE = ["draw * own conclusion~", "make of that|it|this what you will|like|want", "no secret which|who|where|what",
             "read between the line~", "join the dot~", "put two and two together",
             "you can guess|imagine|work_out who|which|what|where", "let you|people|others|voter~|resident~ draw|judge",
             "not hard to guess|see|tell|work_out who|which|what", "ask yourself|yourselves who|why|which",
             "who stand~ to gain", "obvious who|which|where", "we all know who|what|where|which",
             "everyone know~ who|what|where|which", "judge for themselves|yourself|yourselves",
             "clear who|which|where", "plain who|which", "they know who they be", "everyone|everybody * know~ who|which|what", "i be not saying * but",
             "not saying it be|was", "hard to argue with", "you do the math~|maths", "draw~ conclusion~", "i leave it to you",
             "which|what * stand~ to gain|benefit"]
"""Insinuation: inviting the listener to guess who did it ('people can draw their own conclusions',
'it is no secret which side gains'): a guess at the perpetrator, made by the reader at the
speaker's invitation."""

ORIGIN_VERBS = ["come|came from", "sent by|from", "written by", "the work of", "behind", "link~ to", "connect~ to|with",
                "responsible", "organis~|organiz~ by", "carried out by", "part of", "tied to", "inspired by",
                "made|posted|done|produced|created|filmed|edited|spread|started|planned|orchestrated|coordinated|ordered|paid_for|put_out|put_together by",
                "inside job", "from inside|within", "an insider", "someone|somebody|one from|inside|within|close_to|connected_to|linked_to|at|who"]
"""What ties a deed to who did it ('the threat came from the same circle'): with a hedge, a guess."""

GROUPS = ["migrants", "immigrants", "refugees", "asylum_seekers", "foreigners", "muslims", "sikhs", "hindus", "jews",
          "christians", "newcomers", "outsiders", "these people", "those people", "people like that", "people like them",
          "that community", "their community", "these communities", "the newcomers", "arrivals", "illegals", "incomers",
          "imams", "mosques", "madrasas", "madrassas", "gurdwaras", "synagogues", "faith schools",
          "their sort", "their kind", "the likes of them", "certain people", "certain groups", "certain families", "certain elements", "certain sections", "that lot",
          "their lot", "such people", "people like these", "people who come here", "foreign nationals", "new arrivals",
          # Newcomers named without an identity word: by their arrival, by 'those' (plain words:
          # a group position holds alternatives, not patterns).
          *(f"{a} {n}" for a in ("new", "newly arrived", "recently arrived", "foreign", "overseas", "those", "these")
            for n in ("families", "children", "pupils", "kids", "residents", "arrivals", "newcomers", "youngsters")),
          *(f"{n} from {w}" for n in ("people", "families", "children", "men") for w in ("abroad", "overseas", "outside")),
          "people from outside the area", "people from outside the town", "people from outside the city",
          # people named by their difference: 'persons of differing cultural backgrounds'
          *(f"{n} {p} {d}" for n in ("people", "persons", "men", "families", "youths") for p in ("of", "from")
            for d in ("different", "differing", "other", "foreign")),
          ]
"""Collective nouns for a group (a pack's community words are added in the plural and as 'the X community')."""

GROUP_OF = ["migrant", "immigrant", "refugee", "asylum seeker", "foreign", "muslim", "sikh", "hindu", "jewish", "christian",
            "polish", "romanian", "afghan", "syrian", "iraqi", "eritrean", "somali", "sudanese", "pakistani", "ukrainian",
            "turkish", "kurdish", "arab", "african", "asian", "black", "roma", "traveller", "eastern european", "newcomer"]
GROUP_NOUNS = ["families", "family", "people", "men", "women", "youths", "youth", "lads", "boys", "girls", "kids", "children",
               "residents", "community", "communities", "workers", "gangs", "population", "lot", "supporters", "voters",
               "members", "activists", "followers", "leaders", "elders"]
"""A group named by an identity word and a collective noun ('the migrant families', 'Polish
workers'): one of the forms collective blame takes; a pack's community words are added too."""

BLAME = [
    "blame * {g}", "{g} * be * to blame", "{g} * be * responsible", "{g} * be behind", "come|came from * {g}",
    "carry~|carried|commit~|do|done|cause~|caused|start~|started|organis~|organiz~|plan~|send|sent|write|written * by * {g}",
    "attack~|threat~|violence|crime~|assault~|riot~|trouble by * {g}",
    "{g} * be * threat|danger|problem|menace|burden|reason|cause",
    "influx of * {g}", "{g} * put~|putting|place~|placing * pressure|strain|burden", "pressure|strain|burden * {g} * put~|putting|place~|placing|cause~",
    "not all of them share", "not share our value~",
    "identify|find|name|track_down * in|from * {g}", "{place} * help * identify|find|name",
    "{g} * must|should|need * condemn|do_more|root_out|speak_out|take_responsibility|integrate|police_themselves|explain",
    "ask~|call~_on|urge~ * {g} * to condemn|explain|answer|do_more|root_out|speak_out", "certain communities",
    "some communities * need|must|should", "those communities",
    "{g} crime|criminality|gang~|offender~|grooming", "crime * among * {g}", "{g} * disease~|infect~|outbreak|illness~|tuberculosis|scabies",
    "ask~ for it", "brought it on", "provok~ * attack~|assault~|violence", "should not have been * walk~|out|there|dress~",
    "flaunt~", "shov~ * in * face~", "{g} * be dangerous|criminal~|violent", "because of * {g}", "{g} * should leave|go",
    "{g} * be not welcome", "{g} do not belong", "keep {g} out", "fault of * {g}", "{g} * cannot be trust~", "{g} bring~|brought",
    "{g} cause~|caused", "{g} did this", "{g} do this", "send {g} back|home", "deport * {g}", "{g} go home",
    "{place} * be * dangerous|unsafe",
]
"""(Advice to avoid or watch a community's place is read in stigma.py, which knows a protective or
operational reason when the clause gives one.)"""
"""Collective blame: '{g}' is a group, '{place}' a community's place (the pack's vocabulary)."""

# A class of people named by contempt ('their sort', 'the likes of them'): a slur where something is
# said of it; 'these people' is only a group (GROUPS), so 'these people need our help' is sound.
SLURS = ["their kind who|that|of|be|bring~|always|never|do|cause~|will", "their sort|type who|that|be|bring~|always|never|do|cause~|will|want~|come~|think~|get~|take~",
         "of their kind|sort", "people like their kind", "likes of them|those|these", "people of that|their sort|kind",
         "these|those people always|never|bring~|brought|cause~|come_here|do_not_belong|do_not_want|will_never", "send them back", "influx", "swamp~", "overrun", "go back to where", "go back where they came from", "illegals", "invaders", "invasion",
         "brought this on themselves", "vermin", "swarm of", "flood of", "infestation", "parasite~", "animals", "savages",
         "bogus asylum", "scroungers", "breed~", "plague of", "cockroach~", "enemy within", "fifth column"]

MATERIAL = ["manifesto", "livestream", "live stream", "screed", "rant"]
"""What is the attacker's material whoever's it is said to be."""
OWNED_MATERIAL = ["video", "footage", "recording", "word", "words", "message", "post", "posts", "letter", "writing",
                  "document", "channel", "stream", "fundraiser", "fundraising page", "page", "account", "email", "note"]
"""What is the attacker's material only when it is said to be his ('his video', 'the gunman's post')."""
AMPLIFY = [
    "watch~ * {m}", "read~ * {m}", "look at * {m}", "listen to * {m}", "link to * {m}", "link~ * {m}", "share~ * {m}", "download~ * {m}", "view * {m}", "see * {m}",
    "follow~ * {m}", "subscribe~", "donat~ to", "visit * {m}", "{m} * here", "{m} * below", "{m} say~|said|read~|stat~|claim~",
    "according to * {m}", "quote~ * {m}", "in his|her|their own word~", "full text", "{p} wrote|write~|writes|said|say~|claim~|post~|shout~",
    "{p} * wrote|write~|writes|claim~|post~|shout~", "{m} of * {p}", "{p} 's {m}", "words of", "in the word~ of",
    "{m} in full", "{m} * available",
    "watch~|view|see * video|clip|footage|recording * below|here|above", "here be * {m}",
    "{p} * demand~|threaten~|warn~ * that|to", "your|the|his|their demand~ that", "demanded that", "threaten~ to * bomb|kill|burn|attack|hurt|shoot|set", "{m} * still up|online|live", "{m} be|is * running|live|up|online|on", "still up on",
    "link~ in * bio|post|comment~|description", "find * {m} * on|at", "encourage * to watch|view|read|listen",
    "where it * still", "it be still up|online|live|there|active|available", "it * still up|online|live|active",
    # what it says or shows, however long the material's own description runs before the verb
    "{m} * * say~|said|says|stat~|read~ that|the|he|she|they|we|it", "{m} * * show~|shows|showed him|her|them|how|the_moment",
    "{m} * blame~|praise~|urge~|demand~", "{m} * call~ for|on",
    "if you|anyone want~ to read|watch|see|view|listen_to|judge it|this|them|for_yourself", "read|watch|see|view it yourself|for_yourself",
    "judge for yourself|yourselves|themselves", "anyone who watch~|view~|read~ it",
    "it be on {platform}", "{m} * on {platform}", "the passage|part|line|bit where he|she|they",
    "told|urged|asked|called_on|calling_on|telling * his|her|their follower~|viewer~|subscriber~|supporter~ to",
    "here be|'s * {m}",
]
AMPLIFY_WHERE = [
    # Where it is, said so people can go and find it ('it's on the Quay Street Watch page', 'the
    # clip is still up on the noticeboard group', 'easy to find on the gaming platform').
    "it|{m} be|'s * on|up_on * * page|group|channel|server|site|forum|account|feed|noticeboard|platform|post|thread",
    "it|{m} be|'s still up|online|there|available", "easy to find", "you can find it|them|this on|at|in",
    # The invitation itself: go and look, watch it properly, see for yourselves.
    "go and have a look|look|watch|see|read", "have|take a look at what|it|this|them|for_yourself|for_yourselves",
    "watch|view|see|read it|this|them properly|closely|carefully|yourself|yourselves|in_full|all_the_way_through",
    "see|judge|decide for yourself|yourselves",
]
"""Pointing people to material, or inviting them to look: amplifying only where the statement
speaks of material (harm.amplify), so 'support is easy to find on our website' points to none."""
MATERIAL_WORDS = frozenset({"video", "clip", "footage", "post", "posts", "recording", "server", "stream", "livestream", "page",
                            "email", "letter", "meme", "manifesto", "channel", "fake", "deepfake", "message", "thread"})
AMPLIFY_HE = ["in the|his|this|that video|clip|post|letter|note|message|recording|footage|document|email|stream|broadcast he say~|says|said|claim~|call~|urge~|rant~|explain~|boast~|declare~|threaten~",
              "he|she say~|said|urge~|demand~|insist~ that", "he|she write~|wrote|writes|claim~|declare~|rant~|boast~|brag~",
              "he|she call~ on|for", "he|she tell~|told|urge~ * reader~|follower~|viewer~|others|people to", "in it he|she",
              "he|she describe~ * as", "according to him|her"]
"""His message told in substance ('in the document he writes that...', 'he calls on others to
follow him'): passed on where the statement speaks of his material (see harm.amplify)."""
AMPLIFY_DOERS = ["{d} * wrote|write~|writes|said|say~|claim~|post~|shout~|chant~|yell~|scream~ that|:"]
"""The attacker's words passed on, he named by what he did ('{d}': 'the men who did this')."""
PLATFORMS = ["telegram", "tiktok", "youtube", "rumble", "gab", "facebook", "instagram", "twitter", "x", "4chan", "8kun",
             "bitchute", "odysee", "whatsapp", "discord", "reddit", "kick", "twitch", "parallax", "truth social", "snapchat"]
"""Where material is found: naming the platform with the material points people to it."""
"""Amplifying the attacker: '{m}' is his material, '{p}' the perpetrator."""

LOOK_VERBS = frozenset({"watch", "see", "view", "read", "follow", "visit", "download", "subscribe", "look", "listen"})
INVITE = frozenset({"please", "can", "should", "must", "go", "to", "and", "you", "now", "could", "may", "a", "take", "have",
                    "will", "'ll", "'s", "so"})
"""A verb of looking amplifies when it invites ('watch the video here', 'you can read his
manifesto'); said of oneself it reports ('after seeing the video, many of you...')."""

PRIVATE = [
    "he|she|they|mayor|family live~ at|on", "know~|tell|show~|find|found|reveal~|post~|share~ where he|she|they * live~",
    "her|his|my home in|on|at",
    "her|his|my house in|on|at", "the mayor 's home|house in|on|at",
    "room number", "bed number", "under police guard", "close protection", "bodyguard~", "security detail",
    "armed officer~ at|outside", "hiding at|in", "safe house", "stay~ with * at|on", "moved to * at",
    "{f} * be|is|are|were * stay~|living|sleeping|hiding|kept|moved|taken|held|at|with|in",
    "{f} * stay~|live~|sleep~|hid~|hide", "{f} 's school", "stay~|staying|gone|go|went * at|with|to {f}",
    "ground-floor|first-floor|second-floor|top-floor|upstairs|downstairs room~|flat~", "school * {f} attend~", "intensive care unit at",
    "armed protection|guard~|escort~", "police protection", "protection officer~", "guarding * at * house|home|flat",
    "at * her|his|their house|home on|in", "family 's home on|in|at",
    # Where one person is now, or will be: a whereabouts said of him or her is a way to find them.
    "he|she * be|have_been|is_now * stay~|staying|sleeping|hiding|recovering|living|kept|moved|relocated|taken * with|at|to|in",
    "he|she * have * move~|relocat~|gone * to|in_with|out_of_town",
    "her|his|their * route to|from work|school|home", "her|his|their daily * routine", "her|his shift~ at|end~|start~|pattern~",
    "walk~ * dog * every", "drop~ * off at * school|nursery", "pick~ * up from * school|nursery",
    "her|his|their car * be * parked|outside", "where he|she * work~|park~|shop~|pray~",
    # Where a family is, said of the family itself: moved in with someone, at a relative's house, at work.
    "{f} * have|has * move~|relocat~|gone * to|in_with|out_of", "be|is|are|was * at|with {f} 's house|home|flat|place",
    "at {f} 's house|home|flat|place", "{f} go_to|goes_to|went_to|attend|attends|attended * primary|academy|college|nursery|high_school",
    "{f} * who work~|live~|stay~ at|in|on", "{f} work~|works * at|in|on|for",
    "driven|taken|escorted * to|from * by police|officers", "police * driv~|escort~ * to school|work|home",
]
"""Private details: '{f}' is a family member named with a possessive ('my children', 'her son')."""

FAMILY = ["child", "children", "kid~", "son", "daughter", "wife", "husband", "partner", "mother", "father", "parent~",
          "boyfriend", "girlfriend", "fiance~", "fiancé~",
          "family", "families", "grandchild~", "grandmother", "grandfather", "sister", "brother", "relative~", "mum", "dad"]
POSSESSIVES = ["my", "her", "his", "their", "our", "'s", "victim", "survivor"]
"""Whose family: a possessive, or a plural possessive whose apostrophe the tokeniser drops ('the
victims' children' reads 'the victims children')."""


HALF_DENIAL = ["can_not|cannot|unable_to|not_able_to confirm|deny|comment_on|rule_out", "keep~ an open mind", "open mind",
               "not ruling anything out", "all lines of inquiry|enquiry", "can_not|cannot be excluded|ruled_out", "not in a position to confirm|deny|comment",
               "neither confirm nor deny", "not rule * out", "not ruling * out", "would not rule out", "can_not|cannot exclude",
               "not exclude", "not * discount~", "can_not|cannot say * not", "not yet confirm~ * report~|claim~|suggestion~", "can_not|cannot rule * out",
               # Declining to deny, said other ways: every line open, the claim not dismissed, a denial refused.
               "every|any line~ of inquiry|enquiry", "not dismiss~", "not be dismiss~", "not going to dismiss|rule_out",
               "can_not|cannot tell you * not|was_not|isn't|wasn't", "not * say * definitely|certainly * not|wasn't",
               "too early to rule * out", "remain~ a possibility", "possibility remain~", "not rule anything in or out",
               "not in a position to rule * out", "not * able to rule * out", "unable to rule * out",
               "not * say * * wrong|false|untrue|fake",
               # unable to say the denial itself: 'not in a position to say he had nothing to do with it'
               "not in a position|able to say|tell * nothing|not|no|never", "unable to say|tell * nothing|not|no|never",
               "can_not|cannot honestly|really|truthfully|completely|entirely|fully|definitely|absolutely say|tell|rule|deny|exclude",
               "not in a position to say|discuss"]
"""Words that decline to deny ('we cannot confirm reports that he held extremist views', 'we are
not ruling out a link'): the claim after them is repeated in public, not taken back."""

BLAME_ACT = [
    "start~|cause~|provok~|instigat~|spark~|began|begin|trigger~|incit~ * the|this|that * violence|trouble|fight~|fighting|disorder|clash~|riot~|unrest|attack",
    "violence|trouble|fight~|fighting|disorder|clash~|riot~|unrest|damage * be * cause~|start~|provok~|instigat~|spark~|trigger~ by",
    "the work of", "to blame for * violence|trouble|fight~|fighting|disorder|clash~|riot~|unrest|damage",
    "start~|began|begin throw~|fight~|attack~|hurl~|punch~|push~|charg~|smash~|kick~",
    "bring|brought|bring~ * violence|trouble|chaos|disorder|hate|hatred * to", "who start~|began|provok~ this|it|the",
    # How one side is said to have begun it: the first blow, coming for a fight, the aggressor.
    "throw~|threw|land~|strike|struck * first|the_first punch|bottle|stone|brick|blow|missile", "first to throw|attack|strike|charge|hit",
    "look~|spoil~|itch~ for * fight|trouble|confrontation|violence", "came|come|turn~_up|arrive~ * for_a_fight|for_trouble|looking_for",
    "the aggressor~", "turn~ violent", "kick~ off", "go|went on the rampage", "came|come|arrive~|turn~_up armed|tooled_up|with weapon~",
    "brought|bring weapon~", "turn~ * ugly|nasty|violent|sour", "goad~", "bait~", "hijack~ by", "outside agitator~", "agitator~", "fault lie~ with|on",
    "responsibility lie~ with|on", "squarely with|on|at", "at fault", "started it", "start~ * trouble|fight~|violence",
    "trouble|violence|fight~|fighting|disorder|clash~ start~|began|begin|kick~_off with|when", "came|come|went|go looking for it|trouble",
    "bring|brought * violence|trouble|chaos|disorder * with them", "injur~|damage * be * cause~|inflict~ by",
]
"""Who did it, said before the police have: 'the counter-protesters started the trouble', 'the
disorder was caused by a breakaway group' (a guess at the perpetrators, whoever they are)."""

INSULTS = ["scum", "thug~", "vermin", "lunatic~", "traitor~", "rabble", "moron~", "subhuman", "fascist~", "nazi~", "yob~",
           "idiot~", "animals", "savages", "mob", "hooligan~", "louts", "lowlife", "low-life", "degenerate~", "filth", "trash",
           "extremists", "racists", "bigots", "snowflake~", "lefty", "leftie~", "loony", "loonies", "cretin~", "imbecile~",
           "knuckle-dragger~", "troublemaker~", "rent-a-mob", "zealots", "fanatics"]
"""Name-calling aimed at people (a crowd, a side): it inflames and closes the door to dialogue."""

EARLY_REASSURANCE = [
    "hoax", "hoaxes", "all clear", "all-clear", "false alarm", "no danger", "nothing to worry about", "no real threat",
    "not a real threat", "not a credible threat", "no credible threat", "no threat", "perfectly safe", "completely safe",
    "totally safe", "entirely safe", "100% safe", "no risk", "safe to return", "back to normal", "everyone be safe",
    "everybody be safe", "all safe", "all * accounted for",
    "no need to worry", "nothing to fear", "prank", "attention-seeking", "not serious", "overreact~",
    # the same said other ways: nothing to it, over already, safe to carry on
    "isolated incident", "one-off", "no cause for concern|alarm", "nothing to be concerned|alarmed|worried about",
    "messing about|around", "just a joke|wind-up", "a wind-up", "danger|threat have|has passed", "safe to send",
    "blown out of proportion", "storm in a teacup", "nothing in it",
]
"""Reassurance given before the facts are in ('it is a hoax', 'everyone is safe'): be right before
being reassuring; a pack lifts it when the facts arrive (its rule's `until`)."""

PRIVATE_PEOPLE = ["resident", "residents", "interpreter", "interpreters", "staff member", "staff members", "caseworker",
                  "case worker", "centre manager", "manager", "volunteer", "support worker", "worker", "pupil", "student",
                  "teacher", "nurse", "carer", "neighbour", "tenant", "guest", "patient", "victim", "mother", "father", "son",
                  "daughter", "wife", "husband", "sister", "brother"]
"""Private people: named in public with one of these, a person is identified ('centre manager Hana
Kovac', 'Samira Noorzai, who lives at the centre'); officials are not in it."""

LODGED = ["look~_after|housed|house|accommodat~|put_up|staying|stay~|moved|taken|placed|sheltering|shelter~|hiding|kept"]
VENUES = ["hotel", "inn", "lodge", "hostel", "guesthouse", "guest house", "b&b", "motel", "flat", "house", "home", "address",
          "apartment", "premier inn", "travelodge", "safe house", "floor", "wing", "room", "rooms"]
"""Where people are lodged: a family's word with one of LODGED, then one of VENUES, is where they
are to be found."""


# Lemma sets the harm rules read word by word (harm.py), kept with the other words.
HARMED = frozenset({"die", "died", "dead", "kill", "killed", "victim", "injure", "injured", "hurt", "death", "lose", "lost",
                    "hospital", "wound", "wounded", "murder", "murdered", "funeral", "family", "mourn", "loss", "passed"})
ASKING = frozenset({"who", "whoever", "what", "how", "why", "find", "establish", "investigate"})
OTHERS_SAY = frozenset({"call", "say", "claim", "suggest", "describe", "dismiss", "label"})
FLOATED = frozenset({"whether", "suggest", "suggesting", "allege", "alleged", "allegation", "aware", "circulate",
                     "circulating", "rumour", "claim", "claiming"})
"""Words that float a claim as an open matter ('reports that...', 'we are aware of posts saying...')."""
OTHERS = frozenset({"people", "some", "online", "others", "rumour", "post", "posts", "commentator", "troll"})
GUESSED_WHO = frozenset({"a", "an", "someone", "somebody", "one", "from", "local", "known", "connect", "link", "linked", "connected"})
HEDGE_WORDS = frozenset({"probably", "likely", "possibly", "perhaps", "maybe", "allegedly", "apparently", "reportedly",
                          "believe", "believed", "think", "thought", "to", "most", "very", "almost", "certainly", "also"})
FIRM_TIES = frozenset({"be", "from", "come", "came", "originally", "believe", "think", "suspect", "appear", "seem",
                        "probably", "likely", "possibly", "allegedly", "reportedly", "member"})
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "their"})
DEEDS = frozenset({"this", "it", "attack", "threat", "letter", "email", "video", "post", "message", "abuse", "violence",
                   "shooting", "assault", "fire", "arson", "vandalism", "graffiti", "leaflet", "campaign", "incident", "trouble",
                   # the deeds themselves, as a report names them
                   "stabbing", "stab", "killing", "murder", "bombing", "beating", "riot", "disorder", "damage", "fight", "brawl",
                   "break-in", "burglary", "hack", "leak", "clip", "footage", "recording", "note", "threats", "emails"})
"""What was done, as the subject of a guess at who did it ('this threat came from...')."""
ONE_PERSON = frozenset({"a", "an", "one", "another"})
SPOKEN = frozenset({"abuse", "slur", "insult", "chant", "chanting", "graffiti", "remark", "comment", "language", "leaflet",
                    "message", "sticker", "poster", "song", "taunt", "shout", "shouting", "word"})
"""What was said or written: a motive word before it describes what people heard or saw ('racist
graffiti', 'homophobic abuse'), which is a fact, not a motive guessed."""
REPORT_NOUNS = frozenset({"post", "claim", "rumour", "report", "story", "video", "message", "suggestion", "allegation",
                          "tweet", "clip", "image", "picture", "photo", "screenshot", "leaflet", "email", "letter", "idea",
                          "notion", "talk", "speculation", "theory"})
"""What says a claim: 'the post saying he came from the centre is false' denies what the post says."""
FALSEHOOD = frozenset({"false", "untrue", "wrong", "baseless", "unfounded", "fake", "fabricated", "nonsense", "incorrect",
                       "misleading", "lie", "lies", "rubbish", "invented"})
"""Words that call a report false, read after it in its clause (see Reading._report_denied)."""
NOT_SO = frozenset({"true", "correct", "real", "accurate", "genuine", "happen", "so"})
"""After 'not' or 'never', a report called false ('... is not true', '... never happened')."""
POLICE = frozenset({"police", "officer", "detective", "investigator", "constabulary", "met", "force"})
POLICE_SAY = frozenset({"confirm", "say", "state", "describe", "call", "class", "classify", "record", "tell", "announce",
                        "establish", "conclude", "determine"})
"""The police, and the verbs by which they give a fact ('police have confirmed it was...')."""
