"""The words of stigma by insinuation: what officials say of a community when they do not say "blame".

Why a second list beside lexicon.BLAME: collective blame is rarely said outright in an official's
statement. It slips in as an attribute given to a group ('the young men from the centre are a
problem'), a demand that a community answer for one man ('the community must root out...'), a
hostility called understandable ('people's anger at the new arrivals is natural'), advice to avoid
or watch a community's people or place, a call to remove them, a burden laid on them, or a
silence they are said to keep. Each list is one of those moves; stigma.py reads where the group
stands (the one the words are said of, not the one harmed) and whether the clause denies it.
Written in the phrase syntax of phrases.py.
"""

from __future__ import annotations

NOMINAL = [
    "threat", "danger", "dangerous", "menace", "problem", "problems", "problematic", "trouble", "troublemaker~",
    "troublesome", "unsafe", "lawless", "no-go", "no_go area", "a risk", "risky", "liability",
    "criminal~", "criminality", "crime wave", "offender~", "gang~", "grooming", "groomer~", "drug~", "dealer~", "antisocial",
    "anti-social", "violent", "violence", "aggressive", "intimidating", "predator~", "predatory",
    "extremis~", "radical", "radicals", "radicalis~", "radicaliz~", "fundamentalis~", "hotbed", "breeding ground",
    "hate preacher~", "incompatible", "insular", "closed community", "unvetted", "un-vetted", "not vetted",
]
"""What a group is said to be ('the men at the centre are a danger', 'Northgate has become a
hotbed'): said of it only through a verb of being or causing (LINKING), or right beside it
('migrant crime', 'radicalised youths'), never when it is what the group has suffered or faces."""
LINKING = frozenset({"be", "become", "remain", "cause", "pose", "bring", "create", "make", "seem", "look", "appear",
                     "get", "turn", "prove", "always", "just", "all", "really", "nothing", "but"})

ATTRIBUTES = [
    "pose~ * risk", "indoctrinat~", "sympathis~ with * attack~|extrem~|violence|terror~", "support~ for * terror~|violence",
    "harbour~|harbor~|shelter~|shield~|protect~|hid~|hide * him|them|extremist~|criminal~|people_like_him|their_own",
    "cover~ for", "close~ rank~", "keep~|stay~ quiet|silent", "wall of silence", "code of silence",
    "know~ * who|more_than|something", "keep themselves to themselves", "keep to themselves",
    "parallel live~|societ~|communit~", "ghetto~", "refus~|fail~|unwilling~|not_want * to integrate|mix|fit_in|learn",
    "not integrat~", "never integrat~", "do not integrate", "not|never fit in", "not share our value~", "different value~",
    "not like us", "our way of life", "loyalt~", "allegiance", "not one of us",
    "take~ over", "taking over", "overrun", "swamp~", "flood~", "pour~ in", "too many", "sheer number~",
    "changing the character", "so many", "this many",
    "chang~|transform~ * beyond_recognition|for_the_worse", "unrecognisable", "unrecognizable", "no idea who they are", "know nothing about them",
    "fighting age", "fighting-age", "military age", "military-age", "keep~ to their own", "stick~ to their own",
    "made it easy|hard for themselves", "show~ * who|what they * be", "tell~ you * about them", "typical of them",
    "dump~ on|in|here", "foist~ on", "impos~ on", "on * doorstep", "in * backyard", "attract~ * attention|trouble",
    # Character words: how a group is run down in a word, whatever the city.
    "ungrateful", "lazy", "dirty", "filthy", "noisy", "rowdy", "unruly", "feral", "primitive", "backward", "uncivilis~",
    "uncivili~", "fanatic~", "intolerant", "sinister", "shady", "dodgy", "untrustworthy", "dishonest", "deceitful",
    "freeload~", "sponger~", "scrounger~", "benefit cheat~", "leech~", "disloyal", "brainwash~", "bogus", "sponging",
    "up to no good", "not to be trusted", "can not be trusted", "cannot be trusted", "sneaky", "devious",
    "homophobic|misogynist~|sexist|racist|antisemitic|anti-semitic|bigoted attitude~|view~|culture|problem",
    "a culture of", "mentality", "their culture|religion|attitude~|way~|values * be|is|are|teach~|allow~",
    "not understand|follow|know|get how * work~ here", "how we do thing~ here", "where they come from",
    "have|has|got a * problem", "have|has|got a problem with",
    # What a group is said to hold or hide ('views that have no place here', 'hiding behind excuses').
    "attitude~|view~|belief~|idea~ * no place", "kind|sort of attitude~|view~|people|resident~|behaviour", "certain kind|type|sort",
    "hid~|hide|hiding behind", "excuse~ for", "who they shelter|harbour|protect|hide", "not like us|the|other",
    "never * vetted|checked", "not * vetted|checked", "hardly any|without * check~|vetting",
    "effort to fit_in|integrate|mix|learn|belong", "no|more|any effort", "keep~ itself to itself", "not|never mix",
    "kept|keep~ their|its distance", "bring~|brought shame", "a small minority", "a minority who|of",
    "never * properly|really run|managed|supervised",
    # Where they come from made their character: 'grew up in countries where being gay is a crime'.
    "from|in countries|places|cultures|societies where",
    # difference stressed as the point: 'from very different cultures'
    "from|of very|completely|totally|so|wholly different|differing culture~|background~|value~|way~", "attitude~|view~|idea~ like that|those * not disappear|not_vanish|not_change",
    # A community said to vote as one, on orders ('voted as a bloc, told who to back').
    "vote~|voted|voting * as a bloc|block|one", "bloc vote~|voting", "told who to vote_for|back|support",
    # A vice owned as the group's past or name ('a long history of racism', 'a reputation for trouble').
    "history|record|reputation|track_record|tradition|culture of|for racism|violence|crime|extremism|trouble|hate|hatred|bigotry|homophobia|antisemitism|disorder|drugs|gangs|intolerance|radicalism|radicalisation|abuse",
]
MEN = ["young men", "single men", "lone men", "men of fighting age", "unaccompanied men", "these men", "those men",
       "the men there", "hundreds of men", "the men living there", "these lads", "those lads"]
"""Men spoken of as a class ('hundreds of single men', 'the men living there'): a group, named by
what it is feared for."""
PLACE_NOUNS = frozenset({"mosque", "gurdwara", "temple", "synagogue", "church", "centre", "center", "hotel", "hostel",
                         "estate", "camp", "madrasa", "madrassa", "school", "site", "accommodation", "shelter", "lodge",
                         "barracks", "flats"})
"""A community place's last word: 'the hotel' is how people speak of the Harbour View hotel."""
"""What a group is said to be, do or have ('the centre's young men are a danger', 'radicalised
youths from the estate', 'the community is shielding him'): stigma when the group is the one it
is said of."""

DEMANDS = [
    "do more", "condemn~", "apologis~|apologiz~", "explain themselves|itself|this", "answer for", "account for",
    "answer~ * question~", "take * responsibility", "accept * responsibility", "root out", "weed out", "drive out",
    "speak out", "speak up", "come forward", "hand * over", "turn * in", "distance themselves|itself", "look at themselves|itself",
    "look hard at", "look in the mirror", "look inward~", "soul-search~", "soul search~", "search * conscience~", "reflect",
    "prove", "show * loyalt~|where_they_stand", "own up", "police themselves|itself|their_own", "clean up", "sort * out",
    "get * house in order", "put * house in order", "step up", "face up to", "rein in", "keep * in check", "control * young",
    "deal with * extrem~|radical~|their_own", "tackle * extrem~|radical~", "confront * extrem~|radical~", "cooperate", "co-operate",
    "tell * police * what they know", "what they know",
    # Told to earn their place: to adapt, respect, be grateful (said to a group, after a word of obligation).
    "respect our|the * way~|law~|rule~|value~|custom~|culture", "adapt", "assimilat~", "integrate", "fit in",
    "learn * language|english|way~|rule~|custom~", "abide by", "play by * rule~", "be grateful", "show * gratitude",
    "know * place", "behave", "earn * place|right|welcome",
    # Told to declare itself, as if its silence were in doubt ('tell us where they stand').
    "keep * under control", "keep * in line", "under control", "tell * where they stand",
    "where * stand~ on|with", "understand that * patience|people|this", "patience * run~ out|thin|wear~", "accept that|the_consequence~",
    "decide|choose|pick whose|which side", "whose side * on", "think hard about", "earn it|acceptance|respect|trust",
    "stop~ hiding|making_excuses", "ask itself|themselves|yourselves", "question itself|themselves", "be more careful",
    "more careful about|with", "say where they stand", "make * clear where", "clear the air", "sign up to * value~",
    "look hard at themselves|itself", "take * hard look", "hard look at themselves|itself",
]
DEBTS = [
    "question~ to answer", "a|the responsibility to|for", "a duty to", "a lot|much|plenty|something to answer for", "some explaining to do", "a lot of explaining",
    "owe~ * explanation|answer~|apology", "not innocent", "not blameless", "hardly innocent", "not without blame|fault",
    "could|might * do more|a_lot_more|much_more", "bear~ * responsibility", "share~ * responsibility|blame", "some responsibility", "their share of|the blame",
]
"""A debt said to be owed without a word of obligation ('the centre has questions to answer',
'the mosque owes us an explanation', 'they are not blameless'): the group is the one said to owe."""
"""What a community is told it owes ('the community must root out', 'we call on the mosque to
explain'): collective responsibility laid on a group for one person's act."""

HARMED_WORDS = frozenset({"threatened", "abused", "harassed", "targeted", "attacked", "hurt", "victim", "victims", "affected",
                          "frightened", "scared", "intimidated"})
"""Words of a victim appeal ('we ask anyone from the centre who has been threatened to come forward')."""
WITNESS = frozenset({"see", "saw", "seen", "witness", "information", "footage", "film", "photo", "photograph", "video",
                     "picture", "notice", "noticed", "hear", "heard", "anything", "dashcam", "phone"})
"""Words of a witness appeal ('come forward with anything you saw'): an appeal, not a debt."""
APPEALS = frozenset({"cooperate", "co-operate", "come forward", "speak up", "speak out", "tell * police * what they know",
                     "what they know"})
"""Demands that are a fair appeal with a witness's words ('we ask the congregation to come forward
with what they saw'), and stigma without them ('the families at the centre must tell police what
they know')."""

OBLIGED = frozenset({"must", "should", "need", "ought", "expect", "urge", "demand", "require", "duty", "owe", "incumbent",
                     "want", "ask", "insist", "better", "time"})
OBLIGED_WITH = {"have": "to", "got": "to", "call": "on", "time": "for", "up": "to", "like": "to"}
"""Words that make a demand of someone ('must', 'we call on', 'it is time for', 'it is up to'):
alone, or with the word after them ('has to', not 'has condemned')."""

LEGITIMISE = [
    "understandable", "understandably", "legitimate", "justified", "justifiable", "natural", "naturally", "reasonable",
    "fair", "valid", "no wonder", "not surprising", "not surprised", "unsurprising", "of course", "can not blame|blame_people",
    "cannot blame", "do not blame", "who can blame", "right to be", "right to feel", "entitled to", "rightly", "quite right",
    "understand why * not want", "understand why", "can see why", "i get why", "see where * come from",
    "who could blame", "hard to blame", "any wonder", "be it any surprise", "fair enough", "for a reason", "with good reason", "not without reason",
    "got their reason~", "have their reason~", "not hard|difficult to understand|see", "hardly surprising",
    "have * point", "every right to", "within their|his|her|your right~", "a right to be|feel|ask|want|expect", "understand that|this|it", "can understand|see that", "not come|came out of|from nowhere", "not from nowhere", "i would feel the same", "i'd feel the same", "feel the same", "i understand the frustration",
]
NO_BLAME = ["blame~ * people|parents|anyone|residents|locals|them|you|mums|dads|families|neighbours|parent|mother|father for",
            "be blamed for"]
"""Not blaming people for a hostile act ('no parent could be blamed for keeping their child away
from the centre'): said with a denial, it excuses the act."""
BURDEN_ALONE = ["while local people|families|residents * wait~|struggle~|go_without", "local people * wait~ years",
                "handed to them", "on a plate", "get~ * for free", "get~ everything", "handed everything",
                "local people|residents|families * come|put first",
                # the place no longer ours, or its own put at risk: said of whoever came
                "not feel~|felt like our|my town|city|country|home|area|street", "not our town|city|country * anymore|any_more",
                "risk|danger|threat|cost to our own", "worth the risk", "at the expense of our own",
                "while our own * wait~|struggle~|go_without|suffer~", "pour~|pump~|throw~ money into|at"]
"""A burden said by the contrast itself ('they get a great deal handed to them while local
people wait years'), whoever 'they' are."""
FEELINGS = frozenset({"anger", "angry", "fear", "fears", "afraid", "frightened", "scared", "concern", "concerned", "worry",
                      "worried", "frustration", "frustrated", "suspicion", "suspicious", "unease", "uneasy", "distrust",
                      "mistrust", "resentment", "resent", "hostility", "wary", "nervous", "fed", "question", "questions",
                      "doubt", "doubts", "feeling", "feelings", "outrage", "fury", "furious", "upset"})
OBJECT_OF = frozenset({"about", "at", "towards", "toward", "over", "with", "regarding", "around", "near", "against", "by",
                       "concerning", "of"})
"""A feeling's object ('anger at the new arrivals', 'concerns about the centre'): the group it is
held against. 'Fears in the community' or 'the families' worries' are the group's own feelings."""

QUESTIONS = [
    "question~ * be|will_be|must_be|need_to_be|should_be|have_to_be|have_been * ask~|raise~|answer~",
    "serious|hard|difficult|legitimate|real|searching|uncomfortable|fair|awkward|tough question~",
    "what go~ on|happen~|be_going_on|be_taught|be_preached|be_said * at|in|inside|behind",
    "what * be * taught|preached|said|teach|preach", "who * be * living|staying|housed at|in",
]
"""Insinuation by question ('questions must be asked about what is taught at the centre')."""

ADVICE = [
    "avoid", "stay|keep|steer away|clear", "keep * away", "do not go near|to|into", "not go near|to|into", "think twice",
    "be|stay|remain careful|wary|cautious|vigilant|alert|watchful|suspicious|on_guard|on_your_guard",
    "keep an eye on", "keep * eye~ on", "keep * watch on", "keep tabs on", "watch out for", "look out for suspicious",
    "monitor~", "surveil~", "keep * child~|kid~|daughter~|son~|family|families|teenager~ * away|indoors|inside|home|close|in",
    "report anyone|anything * suspicious|unusual", "lock * door~", "travel in pairs|groups", "not walk alone",
    "keep * child~|kid~|daughter~|son~ apart|separate", "off the street~", "not to go out",
    "wide berth", "keep * distance", "eye~ on", "not let * child~|kid~|daughter~|son~|teenager~|family * near|go|walk|play",
    "closer|close eye", "wise to", "sensible to * avoid|stay",
    "need~|want~|will_need|will_want watching|monitoring|watched|monitored|keeping_an_eye_on|a_close_eye_on",
]
EXPECTED = [
    "no surprise", "not surprise~", "surprise no one|nobody|few|anyone", "unsurprising~", "not surprising",
    "typical of", "what * expect from|of", "tell~ you * something|everything|all_you_need_to_know|a_lot about",
    "say~ * something|everything|a_lot|plenty|it_all about", "speak~ volumes", "no coincidence", "not a coincidence",
    "any surprise", "none of this|it|that * surprise~|surprising", "only have|need to look at", "bound to happen", "surprised|shocked", "what they be like", "what * be like", "open secret",
]
ARRIVAL = ["since|once|until|after|when * arrive~|came|come|moved_in|turn~_up|open~|got_here|were_housed|were_put",
           # the same turning point, said by how they came: placed, enrolled, settled, bussed in
           "since|once|until|after|when * fill~|filled up with|full_of",
           "since|once|until|after|when * enrol~|enroll~|were_enrolled|were_placed|were_moved|settled|were_settled|were_brought|were_bussed|were_sent|start~_arriving|began_arriving|joined"]
"""The group's arrival as the turning point ('the trouble started once the refugees arrived',
'a quiet place until the centre opened'): stigma with a word of decline beside it (DECLINE)."""
DECLINE = frozenset({"trouble", "problem", "problems", "worse", "same", "changed", "change", "quiet", "crime", "fear", "unsafe",
                     "tension", "tensions", "nothing", "only", "downhill", "different", "anymore", "decline", "safe",
                     "pressure", "strain", "worse", "suffer", "suffered", "nervous", "uneasy", "afraid", "scared",
                     "unsettle", "unsettled", "worried", "wary"})
"""Words that say things went wrong or are not what they were ('has not been the same since')."""
WARNED = ["warn~ about|of", "told you so", "people|residents * have_been warning"]
"""People said to have warned about a group ('residents who warned about the centre'): the
suspicion given a history, said of a group right after the words (stigma.py)."""
REVIEW = ["review~|reconsider~|revisit~|reassess~", "look~ at * again", "suitability", "whether * right place|suitable|appropriate|sensible"]
"""A community's place put under review ('the suitability of the Northgate site will be reviewed'):
stigma when the clause gives hostility or feeling as the reason (REVIEW_CAUSE), not safety work."""
REVIEW_CAUSE = frozenset({"concern", "concerns", "feeling", "feelings", "tension", "tensions", "anger", "fear", "fears",
                          "unease", "complaint", "complaints", "worry", "worries", "opposition", "strength"})
SURPRISED = frozenset({"surprised|shocked"})
"""Said with a denial before it in the clause ('nobody there will be surprised'), and only then."""
OBJECT_FIRST = frozenset({"wide berth",
                          "need~|want~|will_need|will_want watching|monitoring|watched|monitored|keeping_an_eye_on|a_close_eye_on"})
"""Advice whose place stands before its words ('give the centre a wide berth')."""
"""What happened said to be what one would expect of a group ('it will surprise nobody who knows
Northgate', 'which tells you something about the estate'): the deed made the group's character."""
"""Advice to keep clear of or watch a community's people or place ('stay away from Northgate',
'keep your children away from the centre', 'be careful around the men at the hotel')."""

EXCLUDE = [
    "leave the|our|this|here|now|town|britain|england|altogether", "should|must|better|ought_to leave", "go back", "go home", "be sent back|home|away", "sent back|home|away", "be deport~", "deport~", "be removed",
    "be moved", "be relocat~", "relocat~", "move~ out|on|elsewhere", "get out", "kick~ out", "thrown out", "throw * out",
    "send * back|home|away|packing", "not welcome", "unwelcome", "do not belong", "not belong", "close|shut * down",
    "be closed", "be shut", "close|shut the|that|this|it", "ban~", "curfew~", "no more", "stop * arriv~|com~|sending|housing",
    "pause * arrival~", "fewer", "somewhere else", "elsewhere", "not here", "not in our", "out of our",
    "not want * here|near|next_door|on|in", "stay on site", "stay * on site|indoors|inside|in * evening~|night",
    "think about whether", "whether * wise|sensible|a_good_idea",
]
"""Calls to remove a community or close its place ('the centre should be closed', 'they should go
back'): only with a word of wanting or needing (see OBLIGED), so a closure for safety is not one."""

BURDEN = [
    "pressure", "strain", "burden", "drain", "overwhelm~", "cost~ * taxpayer~|us|council|city", "at our expense",
    "jump~ * queue", "queue-jump~", "priority over", "ahead of local", "before local", "local people first",
    "special treatment", "preferential", "handout~", "hand-out~", "freebie~", "free housing|hotel~|phone~", "luxury",
    "taking * job~|home~|house~|our_place~", "take~ * job~|home~|house~|benefit~", "take~ our|their|local * place~", "get~ everything",
    # Favoured over 'our own': the contrast itself lays the burden ('better treatment than our pensioners').
    "better|more * than our|local|british|ordinary", "treated better than", "before|over|ahead_of our own", "than our own",
]
"""A burden laid on a group ('the centre puts pressure on our surgeries', 'they jump the queue')."""

VICTIM_BLAME = [
    "ask~ for trouble", "asking for it", "ask~ for it", "ask~ for a reaction|response", "invit~ trouble", "attract~ trouble", "bring|brought * on themselves|himself|herself",
    "provocat~", "provok~", "flaunt~", "in * face~", "rub~ * in * face~", "draw~ attention to themselves|himself|herself",
    "keep~ * low profile", "keep~ * head~ down", "more discreet", "be discreet", "tone~ * down", "should have known",
    "what did they|he|she expect", "partly to blame", "partly responsible", "share * blame", "share * responsibility",
    "both side~ * blame|responsib~|fault", "their own fault", "his own fault", "her own fault", "lifestyle", "choose to be",
    "chose to be", "life choice~", "dressed like", "the way * dress~", "holding hands", "kissing in",
]
"""Blaming those attacked for the attack ('they were asking for trouble', 'more discreet'): the
same stigma, turned on the victims."""

VICTIM_SIDE = frozenset({"victim", "target", "targeted", "face", "faced", "facing", "suffer", "suffered", "experience",
                         "experienced", "endure", "subject", "subjected", "fear", "frightened", "afraid", "scared",
                         "worry", "worried", "anxious", "concerned", "protect", "protected", "protection", "safe", "safety",
                         "from", "receive", "received", "report", "reported", "threatened", "attacked", "abused",
                         "harassed", "at", "rise", "against", "towards", "toward", "on", "targeting",
                         "deserve", "need", "support", "help", "reassure", "reassurance", "defend", "condemn", "reject",
                         "stand", "with", "terrified", "shaken", "hurt", "grieving", "mourn"})
"""Words between a group and an attribute that make the group the one harmed or the one speaking
('the families have faced threats', 'refugees need protection from violence', 'the community
condemns the violence')."""

PROTECTIVE = frozenset({"protect", "protection", "safe", "safety", "reassure", "reassurance", "guard", "secure", "support",
                        "welcome", "visit", "help", "serve", "defend", "stand", "solidarity", "care", "police", "officer",
                        "scene", "cordon", "investigation", "emergency", "closure", "closed", "road", "traffic", "diversion",
                        "forensic", "ambulance", "while", "frighten", "scare", "upset", "distress", "privacy", "space",
                        "respect"})
"""Words that make watching or keeping clear of a place protective or operational ('officers will
keep watch on the centre to keep residents safe', 'avoid Eastbank while police work at the scene')."""

FOR_ONE_MAN = frozenset({"attacker", "gunman", "suspect", "man", "he", "him", "his", "perpetrator", "killer", "sender",
                         "assailant", "individual", "person", "culprit", "shooter"})
"""Words that show a clause speaks of the one perpetrator, not a group ('he was known to be violent')."""

OTHER_AGENTS = frozenset({"police", "officer", "officers", "staff", "volunteer", "volunteers", "council", "councillor",
                          "councillors", "team", "teams", "service", "services", "paramedic", "paramedics", "authority",
                          "authorities", "investigator", "investigators", "detective", "detectives", "organiser",
                          "organisers", "charity", "charities", "agency", "agencies", "partner", "partners", "leader",
                          "leaders", "school", "schools", "hospital", "hospitals", "worker", "workers", "neighbour",
                          "neighbours", "resident", "residents", "people", "everyone", "parent", "parents", "family",
                          "families", "victim", "victims", "he", "she", "man", "woman", "attacker", "suspect", "gunman"})
"""People a 'they' may stand for other than a group named before it: named between the group and
the 'they', they are its likelier antecedent ('the refugees met the police. They said...')."""
