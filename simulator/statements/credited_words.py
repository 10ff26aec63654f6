"""Built-in turns of phrase for each credited element: how people say "our thoughts are with you"
or "we do not yet know", whatever the city (a pack adds its own words in a rule's `match`).

Why a module of its own: these are the credit side of the checker, read by one loop in
checker.py; the harm rules' words stay in lexicon.py. Written in the phrase syntax of phrases.py:
words are compared by lemma, 'a|b' are alternatives, '*' is up to three words, 'x~' is a stem,
'_' joins two words into one alternative.
"""

from __future__ import annotations

CREDITED: dict[str, list[str]] = {
    "empathy": [
        "word~ can_not|cannot describe", "no word~ can|for", "lost for word~",
        "can only imagine", "can_not|cannot imagine", "break~ my|our heart", "all hurting", "hurt * caused", "pain * caused", "no one|nobody should have to", "no child|family|parent should have to", "must be terrifying|frightening|awful|devastating|so_hard", "how hard * must be", "share * anger|fear|shock|sadness", "deeply|profoundly shock~", "stunned",
        # Their distress acknowledged, however the people are named ('the city knows that many people in
        # the community are frightened', 'we recognise how shaken parents are this morning').
        "know~|recognis~|recogniz~|understand~|aware|realis~|realiz~|acknowledg~ * people|many|you|famil~|resident~|everyone|parent~|communit~|neighbo~ * * frightened|afraid|scared|worried|anxious|shaken|upset|hurting|fearful|distressed|nervous|uneasy|angry|grieving",
        "how * frightened|afraid|scared|shaken|upset|anxious|worried * people|you|famil~|everyone|parent~ * be|feel|are",
        "heartbroken", "heartbreaking", "sadden", "saddened", "devastate", "devastated", "devastating", "sorrow", "grief",
        "grieve", "mourn", "mourning", "condolence~", "sympath~", "thought|heart|prayer be with", "thoughts and prayers",
        "heart go out", "heart break", "deeply sorry", "so sorry", "shock and sadden", "sorry for * loss",
        "share * pain|grief", "feel * pain", "understand how * worrying|frightening|distressing|upsetting|difficult|hard|anxious|afraid|frightened|worried",
        "know how * worrying|frightening|distressing|upsetting|difficult|hard|anxious|afraid|frightened|worried",
        "know this be * worrying|frightening|distressing|upsetting|difficult|hard",
        "understand * worry|worried|concern|fear|anxiety", "worry|worried|anxious|afraid|frightened|upset|distress~ * understandable",
        "understandably", "terrible day", "dark day", "unimaginable", "our heart", "with a heavy heart", "we be with you",
        "we feel for", "anguish", "understand why * anxious|worried|afraid|upset|angry|frightened|concerned|scared|fearful",
        "understand * people|parents|families|residents * be * anxious|worried|afraid|upset|angry|frightened|concerned|scared",
        "send * love|condolence~|sympath~|thought~|strength|prayer~", "our love", "thinking of|about * you|family|families|victim~|those|everyone",
        "thought~|heart~|prayer~ remain|go|stay|be with", "we know * many of you|how_hard|how_much|this_is",
        "share your pain|grief|sorrow", "grieve~ with", "mourn~ with", "our heart~",
        "i|we be sorry", "sorry * happen~", "know~ that * many|people|you * frightened|afraid|worried|scared|anxious|upset|angry", "right to be * fed_up|angry|worried|frustrated|upset|afraid", "heard|hear your * fear~|worry|worries|concern~|anger|frustration|pain", "worry be real", "fear be real", "your fear~|worry|worries|anger be * real|understandable|justified",
        # How grief and shock are said, not only how sympathy is offered: the city shaken, a
        # tragedy named, what the families are going through, a fear called natural.
        "reeling", "shaken", "in shock", "to the core", "numb", "gutted", "heavy heart~", "heart~ * heavy",
        "word~ fail", "hard|difficult|struggl~ to find * word~", "begin to imagine|understand|comprehend|know", "comprehend",
        "what * going_through|gone_through|been_through|went_through|go_through|suffering|enduring|facing",
        "unspeakable", "tragedy", "tragic", "unbearable", "nightmare",
        "terrible|tragic|painful|devastating|heartbreaking|huge|profound|awful|unbearable|senseless|cruel loss",
        "in our|my * thought~|prayer~|heart~", "natural|normal|okay|ok|human|understandable to feel|be_scared|be_afraid|be_angry|be_upset|be_frightened|be_worried",
        "remember~ * those|victim~|everyone|the_dead|who_died|we_lost",
        "sadness", "saddest", "sad|terrible|awful|tragic|heartbreaking|devastating news|day",
        "difficult|distressing|upsetting|painful|traumatic|frightening|worrying|anxious|terrible|dark|sad time~|day~|night~|week~|moment~|period",
        "know|understand|realise|realize how * scary|terrifying|upsetting|painful|tough|shocking", "pray~ for", "be * shocked",
        "compassion * with|for|to|go~",
        "dark|darkest hour~|time~", "hard to take in|believe|comprehend|bear", "no one|nobody should * ever|go_through|experience|suffer",
        "awful|terrible|horrible|dreadful|horrendous thing|news|day|event~", "weep~", "in tears", "deep~ regret|sadness|sorrow",
    ],
    "facts": [
        "confirm", "confirmed", "can confirm", "we know that", "what we know", "at about|around|approximately",
        "this morning|afternoon|evening", "earlier today", "shortly after|before", "were|was|have_been|has_been injure~|kill~|hurt|taken|wound~",
        "people have been", "died", "killed", "injured", "arrest~", "in custody", "opened fire",
        "accounted for", "nobody|no_one * hurt|injured", "have_been|has_been|were|was * hurt|injured|treated|taken",
        "confirmed that", "police * confirm~", "critical condition", "stable condition", "at about|around * am|pm",
        "reopen~", "closed",
        "overnight",
    ],
    "action": [
        "police", "officer~", "emergency service~", "paramedic~", "ambulance~", "firefighter~", "fire service",
        "on|at the scene", "secure~", "cordon~", "patrol~", "crisis team", "incident team", "working with", "work closely",
        "deploy~", "evacuat~", "investigat~", "search~", "bomb disposal", "specialist officers", "hospital~",
        "treat~", "we have open~", "we be open~", "set up", "we have activat~", "coordinat~", "response team", "are responding",
        "extra|additional officer~|patrol~", "in contact with", "talking to|with", "meeting with",
        "arrest~", "in custody", "detain~",
        "emergency team~|crew~|worker~|responder~", "caring for", "care for", "respond~", "remain~ on|at|in", "stay~ on|at|in",
        "will be on|at|in|outside", "have_been|be deployed", "on patrol", "tracing", "trac~ where", "looking into|in_to", "look~ into",
        "flag~ * to", "report~ * to the police|platform~", "removed", "remov~", "clean~ up", "repair~", "reopen~", "closed", "clos~",
        "divert~", "diversion~", "steward~", "route has_been|was changed", "first-aid|first_aid", "control room", "liaison team",
        "interpreter~", "passed to the police", "being supported", "support~ by police",
        "lock~ down", "lockdown", "presence",
        "doing everything|all * can|possible", "every * resource",
    ],
    "unknowns": [
        "not yet * said|say|announce~|release~|identif~",
        "depend~ on * assessment|advice|investigation|evidence|police", "for the * to decide|determine|judge|establish", "not * decid~ * yet", "have not|never * decid~", "not a decision", "nobody|no_one|neither * know~", "a matter for the", "not for me|us to say|decide", "not mine to", "no decision has", "not * identif~ * yet", "until they do|have", "not * know * who|why|how|whether|what",
        "not yet know", "not know yet", "not yet known", "not yet clear", "not clear yet", "not yet confirm", "not yet confirmed",
        "cannot|can_not yet confirm|say", "not able to confirm|say", "unable to confirm|say", "too early to", "unclear", "still establish~",
        "still working to establish|understand|confirm", "still trying to", "still check~", "still look~ into", "still investigat~",
        "we do not know", "remain|remains unknown", "not yet been confirm~|establish~|decid~|agree~", "not yet decid~|agree~|final",
        "yet to be confirm~|establish~|decid~", "we will not guess|speculate", "will not speculate", "not * speculate",
        "do not have * detail~|information|answer~", "not * all the answer~", "much we do not know", "still work~ out",
        "cannot yet", "establishing the fact~",
        "not * release~ * detail~|name~|information|identit~", "not add to * speculation|rumour~", "not * give * detail~|name~",
        "no decision * yet|taken", "yet to decide", "not * get ahead of", "once they know", "when we know more", "until we know",
        "can_not|cannot say", "not * say * until", "until * finish~|complete~|confirm~|know", "don't yet know|have",
        "not yet * know|sure|clear|confirm~", "will not be comment~", "not comment~ * until", "still unclear", "details * unclear",
        "still do not know", "do not * know * yet", "not have * name|answer~|detail~|information yet", "when they know it|more", "what they know when", "work~ * on whether", "decid~|consider~|assess~|look~_at whether", "still to be decided|established|confirmed", "police * still establish~|investigat~|work~_out",
        # Not knowing said as work still going on, a picture not yet whole, a question still open.
        "no|no_further|no_more information|detail~|confirmation|word|clarity|answer~ * yet|at_this|at_the_moment", "no confirmation",
        "still * establish~|determin~|assess~|ascertain~|verif~|piec~|gather~|count~|examin~|confirm~|find~_out|work~_out|build~|learn|understand|discover|uncover",
        "piec~ together", "full picture", "whole picture",
        "picture * incomplete|unclear|emerg~|chang~|still|develop~|evolv~|confus~|patchy|sketchy|partial",
        "developing|evolving|fast-moving|fluid|changing|moving * situation", "situation * develop~|evolv~|fluid|chang~",
        "still com~ in", "still emerg~", "not able|in_a_position|possible to say|confirm|tell|give|name|share|comment|release|disclose|discuss|go_into|speculate|answer|identify|add|know|determine|establish",
        "not yet|currently|presently|now|really able|in_a_position|possible to say|confirm|tell|give|name|share|comment|release|disclose|discuss|go_into|answer|identify|know|determine|establish",
        "too soon|early to", "pretend * know|answer~|everything",
        "unanswered", "uncertain~", "remain~ unconfirmed|uncertain|open|to_be_seen|to_be_established|to_be_confirmed|to_be_determined",
        "yet to * confirm~|establish~|determin~|identif~|find|learn|know|release~|name|decide|understand|verif~",
        "have|has not * been * release~|disclos~|confirm~|establish~|determin~|identif~|verif~|made_public|named",
        "be|remain~|still|yet|currently|presently unknown", "unknown at|for|yet|so_far", "unknown number|amount",
        "question~ remain", "can_not|cannot * answer * yet",
        "await~ * confirm~|result~|identif~|information|detail~|report~|formal", "waiting for|on * confirm~|result~|information|detail~|report~",
        "will know more", "know more * later|soon|tomorrow|when|once|in",
        "not give|tell|share|provide|put * * yet", "still under",
        "not clear * whether|why|how|what|who|if|when", "can_not|cannot tell you * yet|why|how|who|whether|what|more|much|when", "not know until", "take~ * time to",
        "limited information|detail~", "information|detail~ * * limited|scarce|sketchy|patchy", 
        "work~ to confirm|establish|understand|identify|find_out|determine|verify", "wrong to speculate|guess", "not known",
        # ... and in a formal or translated register: not possible to say, circumstances being clarified.
        "work~|seek~|try~ to clarify",
        "circumstance~ * unclear|not_yet|being_established|being_investigated|being_clarified|still|under", "be not establish~|determin~|clarif~|confirm~",
        "trying to find out|establish|understand|confirm|learn|determine|work_out", "not sure * yet|whether|why|how|who|what|if", "not yet sure",
        "can_not|cannot confirm * number|name~|identit~|cause|motive|how|whether|detail~|extent|who|why|what|casualt~|injur~",
        "more questions than answers", "number * may|could|might rise|change|increase|go_up",
    ],
    "next_update": [
        "next update", "further update", "another update", "update you|everyone|residents", "will update", "keep * inform~|update~|post~",
        "will share more", "say more", "tell you more", "share more * as soon as", "more information|detail~|news * as_soon_as|when|follow", "will be back", "give an update",
        "will publish", "will post", "further detail~ will", "update * at|by|within|later|tomorrow|this_evening|in_an_hour|through|throughout",
        "briefing at|later|tomorrow", "within the hour", "hear from us again", "speak to you again", "will hold * briefing",
        "update~ will follow", "come back to you",
        "detail~|information|news will follow",
        "next briefing", "next update~", "briefing * scheduled|will_be_held|is_at", "scheduled for", "update * again",
        "will let you know", "let * know as soon as", "we will tell you", "will be on our|the website", "again on|at|tomorrow",
        "will be publish~|post~|announc~|shar~|releas~|given|set_out|updated", "will set out|announce|report|brief", "next message|statement|bulletin|post", "will come at|on|by|tonight|tomorrow", "report on it * tonight|tomorrow|later", "at regular interval~", "we will publish|post|share", "will speak again", "speak again at|on|tomorrow|later",
        # Coming back said as the next statement, briefing or bulletin, or as a place to look again.
        "further|another|new statement|briefing|bulletin|announcement", "will issue|release|provide|put_out * statement|update|briefing|bulletin|detail~|information",
        "brief~ you|the_press|everyone|residents * again|later|tomorrow|at|this", "check back", "first thing tomorrow|in_the_morning",
        "update~|detail~|information|more * to follow", "more soon|later|shortly",
        "stay tuned", "watch this space",
    ],
    "help": [
        "if you have * question~", "every day from", "open * from|until|till|daily|every_day", "can reach", "can get * help|advice|support", "through the * form|line|centre|center|service",
        "helpline", "hotline", "information line", "support line", "call|phone|ring|contact us", "call * on",
        "go to * centre|center", "family assistance centre|center", "assistance centre|center", "find * information|update~|detail~ * on|at",
        "information * on|at * website|page", "ask * question~", "text * on", "email us", "free number",
        "if you be look~ for", "if you need help|support|information",
        "around the clock", "day and night", "24 hours", "24/7", "call|phone|ring|text us|on", "call|phone|ring the helpline|line|number|team|desk", "ask at",
        "question~ ? ask|call|phone|email|visit", "follow * for * update~|information|news", "drop in", "drop-in", "come to * centre|center|desk|hall",
        "desk at", "helpdesk", "advice line", "free phone|call", "freephone",
        "answer~ * question~", "in person at", "open day", "will be at * to answer|help|talk", "call * line", "family line",
        # Where to turn, said as who may call whom, what is on which page, what is open to anyone.
        "can|should|is_welcome_to|are_welcome_to|are_asked_to|is_asked_to|are_encouraged_to contact|call|phone|ring|email|text|message|reach|visit|get_in_touch|turn_to|drop_in|walk_in",
        "please contact|call|ring|phone|email|visit|get_in_touch", "you|anyone|everyone can|may ask",
        "contact|call|ring|phone|email|visit the|our|your|a * bureau|line|helpline|hotline|centre|center|office|desk|hub|switchboard|number|point|service",
        "can get * information|update~|answer~|news|guidance|detail~",
        "information|detail~|advice|guidance * on|at|via|through * website|page|site|account~|channel~|feed|app|facebook|twitter|instagram|social_media|noticeboard",
        "check|visit * website|page|site|account~|channel~|feed|app|facebook|twitter|instagram|social_media|noticeboard",
        "for anyone|everyone|those|people|families|residents * who|that * need~|look~|worr~|affect~", 
        "walk in", "walk-in", "pop in", "call in", "drop by", "get in touch", "reach out to",
        "if you need|want|have * advice|help|support|information|question~|concern~|someone|to_talk",
        "if you be * worried|concerned|affected|anxious|struggl~|unsure|look~_for|search~_for",
        "worried|concerned|anxious about * relative~|loved_one~|family_member~|friend~|someone",
        "casualty bureau", "rest|information|advice|help|welfare|survivor centre|center|hub|point|desk",
        "our|the_council's|the_city's|council|city|official website", "on|at our|the_council's|the_city's|the_official * website",
        "message|email|text|dm|write_to us", "information|advice|guidance be|is|are available|on_offer", "more information|advice|help|detail~ * available", "at the|our * desk|hub|counter",
        "available at|from|on|through|via * desk|centre|center|hub|office|point|line|website|page|number",
        "looking|searching for * loved_one~|relative~|family_member~|missing",
        "non-emergency number|line", "ask any|a|an * officer~|steward~|member_of_staff|volunteer", "on hand to help|answer|advise|assist",
        "text * to",
    ],
    "condemnation": [
        "condemn~", "cowardly", "coward~", "no place in", "hateful", "act of hate", "hate crime", "evil", "despicable", "abhorrent",
        "heinous", "senseless", "attack on all of us", "attack on * all", "attack on * whole city|community|everyone", "not be intimidat~",
        "unacceptable", "wicked", "vile", "outrag~", "appalling", "horrific", "shameful", "disgust~", "reprehensible", "barbaric",
        "will not * divide", "deplor~", "atrocity", "abomination", "monstrous", "inexcusable", "never be justified", "nothing can justify",
        "want~|wanted|seek~|sought|try~|tried|hope~|hoped|mean~|meant|aim~ to divide|split|frighten|scare|terrify|terrori~",
        "will fail", "will not succeed|win", "not let * win|succeed",
        # Condemnation said as the hatred named, no excuse for it, contempt, rejection.
        "pure|naked|sheer|blind|raw hatred|hate|evil|cowardice", "act~ of hatred|terror|cowardice|barbarism|savagery|pure_evil|violence_and_hate",
        "no excuse|justification", "can_not|cannot|never be excused|justified|condoned", "reject~ * hatred|hate|violence|racism|bigotry|attack~|what_happened",
        "beyond|beneath contempt", "contempt", "no home|room in|here", "repugnant", "odious", "indefensible", "unforgivable",
        "grotesque", "unjustifiable", "denounc~", "stand~ against|up_to * hate|hatred|violence|racism|bigotry|extremism|terror",
    ],
    "solidarity": [
        "we be one", "we be all one",
        "have * back~", "got * back~", "welcome here", "belong here", "you be welcome", "include~ the|those|you * famil~|people", "part of this|our * city|community|town",
        "solidarity", "stand|standing|stood with|alongside|beside|behind", "we be with you", "be with you", "by your side",
        "you be not alone", "one of us", "part of our city|community|town", "our neighbo~", "belong~", "we support you",
        "together with", "shoulder to shoulder", "embrace", "we will not abandon", "proud of", "valued member~", "welcome~",
        "not alone", "not on * own", "grieve~ with", "mourn~ with", "not stand alone", "we stand",
        "our * neighbo~", "every community", "we be with our|the|all", "with you", "with them",
        "protect you|them|everyone|our", "keep you safe",
        # Standing with said as walking beside, a home that is theirs, the city behind them.
        "walk~ with|beside|alongside", "be your home|city|town|community|neighbourhood|neighborhood", "your city|home|town * as much as", "we be here for",
        "city|town|council|everyone|we|i|nation|country be behind you|the|our|them|every", "stand~|stood by you|the|our|them|every",
        "by the side of", "at the side of", "side by side",
        "stand~|stood together", "new neighbo~", "everyone|all * invite~", "look~ after * own", "attack on * all_of_us|everyone|us_all|every_one|each_of_us",
    ],
    "calm": [
        "keep the peace", "let the police do", "police do their job|work", "not rise to", "do not gather", "not * come back into town", "step back", "cool head~", "calm head~", "not go looking for", "quiet street", "de-escalat~", "settle~ down",
        "calm", "together", "look after * each_other|one_another", "look out for * each_other|one_another|neighbo~",
        "do not panic", "no need to panic", "not panic", "come together", "peaceful~", "reassur~", "do not confront", "restraint",
        "keep * cool", "rely on official information", "stay safe", "avoid speculat~", "kindness", "compassion", "respect each other",
        "check on * neighbo~|people|each_other|one_another|friend~", "hold * close", "refuse * to hate", "leave this|it to the police",
        "keep * distance", "follow * police * advice|instruction~", "stay away from trouble", "go home safely", "do not respond to|with",
        "keep * head~", "be kind", "look after yourselves|yourself", "never been a city of", "not let * fear|hate|anger",
        "do not * divide", "not let * divide", "patience", "peace", "in peace", "go home safely", "respect * people|one_another|each_other|everyone",
        "stand together", "pull together", "keep things calm", "talk with|to each_other|one_another",
    ],
    "support": [
        "can help with", "help with * cost~|paperwork|counsel~|funeral~|bill~", "support be there", "there for you|anyone|everyone", "we will help", "full support",
        "need~ support", "who need~ * help|support", "family liaison", "waiting for you", "someone * to talk", "here for you", "look~ after the families|you|them",
        "victim support", "counsel~", "support line", "psychological support", "psychological first aid", "someone to talk to",
        "support be available", "help be available", "family assistance centre|center", "helpline", "trauma", "wellbeing",
        "emotional support", "case worker~", "support desk", "chaplain~", "bereave~", "mental health support", "listening service",
        "we will support", "support you", "support for", "support service~", "support centre|center", "liaison officer~",
        "talk to someone", "here to help", "practical help", "drop-in",
        "psycholog~", "referral~", "welfare", "confidential support", "debrief", "for any pupil|child|one|person who need~",
        "support * available", "counsel~", "someone to talk to",
        "around the clock", "day and night", "if you need help|support|someone",
        "on hand", "listener~", "trained * listener~|counsel~|staff|volunteer~|officer~", "dedicated * officer~|worker~|contact|team",
        "guide * through", "okay not to be okay|ok", "not to be okay|ok",
        "assistance|help|support * offer~|available|provid~|on_offer",
    ],
    "no_reprisals": [
        "reprisal~", "retaliat~", "revenge", "take the law into", "not tolerate", "not be tolerate~", "no tolerance", "zero tolerance",
        "full force of the law", "will be prosecut~", "will face", "will be arrest~", "take matters into", "vigilant~e", "hate crime will",
        "no excuse for", "anyone who threaten~|abuse~|attack~|target~|harass~", "not * blame", "no one * blame",
        "threat~ against", "attack~ on|against anyone", "abuse against", "will be dealt with", "act~ swiftly", "not be allow~",
        "prosecut~", "treat~ as a hate crime", "any attack~|abuse|threat~|harassment|intimidation on|against|of|toward~",
        "will not tolerate", "never acceptable", "never be acceptable", "not acceptable", "unacceptable", "wrongly blamed",
        "will arrest", "arrest anyone|those", "be a crime", "be a criminal offence", "nobody has the right to", "no one has the right to",
        "will act against", "act against anyone",
        # No reprisals said as justice left to the courts and no innocent made to pay.
        "leave * to the court~|police|law|justice_system", "let * court~|justice|law * do|take|deal|run",
        "not punish * innocent~|whole|other~|neighbo~|famil~|communit~", "no|nobody|no_one * deserve~ to pay|suffer|be_blamed|be_targeted|be_punished|be_attacked",
        "not|never pay|suffer|answer for * what|this|his|the_actions|crime~", "not have to pay|suffer|answer for",
        "will be report~ to|dealt_with|investigated|held_to_account", "held to account",
    ],
    "report": [
        "report~ * to the police|us|the_platform|platform~|101|online", "report * hate|threat~|abuse|incident~|it|them|anything",
        "call|ring|phone|dial 101|999|911|112", "on 101", "in an emergency", "anonymous~", "third-party|third_party report~", "reporting centre~|center~",
        "report~ online", "online form", "without * give~|giving * name", "in confidence", "through someone you trust",
        "crimestoppers", "report~ point~", "screenshot", "keep * evidence", "how to report", "where to report",
        "tell us|someone|police * about|what_happened|if_you|anything", "keep * record~|screenshot~|copy|copies|note~", "suffer in silence",
        "true vision|truevision", "stop hate",
    ],
    "dialogue": [
        "resident~ meeting", "bring * question~", "come and talk|ask|meet|listen", "be at * to talk|listen|answer|hear", "agree how", "independent chair", "put * question~", "your voice~",
        "dialogue", "listen~", "be heard", "hear from", "hear you", "hear your", "meet with|meeting|meetings", "sit down with",
        "talk~ with|to * resident~|communit~|you|everyone|parties|famil~", "conversation~", "forum", "round table|roundtable",
        "public meeting", "drop-in", "open door", "your concerns|question~|views", "we want to hear", "keep~ talking", "keep~ meeting",
        "bring * together", "work~ with * communit~|resident~|leader~|partie~",
        # Dialogue said as an open door, a say, a seat at the table.
        "door~ * open", "have their|your say", "seat at the table", "around|round the table", "town hall meeting", "open meeting",
        "listening event|session|exercise", "talk~ it|this|things through", "hear * both side~|all_sides|everyone|every_view",
        "meet~ * resident~|communit~|leader~|both_sides|organiser~|parties|famil~", "sit * table", "invit~ * to * talk|meet|table|discuss|join",
    ],
    "check_share": [
        "check before", "before you share|forward|repost|post", "before sharing", "think before", "not * share|forward|repost|spread",
        "do not share", "don't share", "pass * on", "official source~|channel~|account~", "trusted source~", "check * source~",
        "rely on official", "verified", "fact-check~", "fact check~", "report * to the platform", "stop * spread~",
        "before you * share|forward|repost|post|retweet|send|pass", "before * repost~|shar~|forward~|retweet~", "think * before",
        "ask yourself * where|who|whether|if",
    ],
}
"""Each credited kind: its built-in turns of phrase (a pack's `match` adds its own)."""

_AGENCY = "government|ministry|department|administration|sheriff~|deput~|trooper~|fbi|ems|authorit~|forensic~|specialist~|police|officer~|council|city|team~|staff|paramedic~|firefighter~|crew~|agency|unit|service~|responder~|detective~|investigator~"
_OPERATIONS = ("deploy~|patrol~|secur~|cordon~|investigat~|search~|trac~|assess~|respond~|evacuat~|remov~|arrest~|charg~|"
               "monitor~|review~|meet~|set_up|flag~|report~|refer~|contact~|visit~|guard~|escort~|attend~|interview~|inspect~|"
               "clean~|repair~|reopen~|increas~|step~_up|provid~|assist~|arrang~|organis~|organiz~|coordinat~|treat~|protect~|stay~|remain~|"
               "examin~|declar~|activat~|conven~|launch~|mobilis~|mobiliz~|boost~|reinforc~|tighten~|heighten~|"
               "support~|seal~|lock~|accompan~|speak~_to|speak~_with|talk~_to|talk~_with|work~_closely|working_with|work~_with|working_alongside")
"""Who acts and what they do ('the police are assessing the risks', 'staff have cleaned the wall')."""

DECISIVE: dict[str, list[str]] = {
    "calm": ["calm", "panic", "restraint", "not go looking for", "do not confront", "let the police do",
             "look out for * each_other|one_another|neighbo~", "keep * cool", "peace", "in peace", "peacefully", "leave it|this to the police",
             "not let * fear|hate|anger|divide", "do not * divide", "look after * each_other|one_another", "go home safely",
             "level|clear|cool|calm head~", "stay|remain|keep * composed|composure", "keep|stay|remain peaceful|peaceable|orderly", "keep it|things|this|everything peaceful",
             "not be|get provok~|drawn_in|goaded|baited|wound_up", "not let * provok~|goad~|bait~", "resist * provocation~",
             "refuse~ to be provok~|drawn_in|goaded", "let * police|officer~|investigator~|detective~|emergency_service~ do|get_on|work|handle",
             "stick|hold|stay|band together", "not turn on|against * each_other|one_another|neighbo~|anyone",
             "never turn on|against", "hate with * hate|hatred", "hatred with * hate|hatred", "violence with * violence",
             "anger with * anger|violence", "only make * worse", "make~ things worse", "not the answer|way|solution", "never the answer|way|solution",
             "solve~ nothing", "de-escalat~", "calm~ down", "cool~ down|off", "think|pause|breathe * before you|posting|sharing|reacting|acting",
             "take a * breath", "avoid * confrontation~|trouble|violence|conflict|escalat~",
             "not take to the street~", "stay off the street~", "not be divided", "not answer|heed|follow * call~ to", "not rise to", "do not gather", "settle~ down", "refuse * to hate", "do not respond to|with",
             "stay away from trouble", "never been a city of", "check on * neighbo~|each_other|one_another", "kindness", "patience",
             "respect * people|one_another|each_other|everyone", "talk with|to each_other|one_another", "refrain from * violence|confrontation~|retaliat~|hostil~|provocat~|revenge",
             # Unity as the call itself: getting through it together, united, love stronger than hate.
             "stronger together", "unite~", "unity", "we be united", "a united", "love|hope|unity|kindness * stronger than",
             "take * law|matters into", "stay|keep away|steer_clear from|of * march|protest|counter-protest|demonstration|crowd~|confrontation",
             "not engage", "ignore * provocation~|taunt~|insult~|them", "no place for * violence|disorder|trouble|retaliation",
             "please go home", "go home * safely|peacefully|now|quietly", "be kind", "kind to * each_other|one_another|neighbo~",
             "respect * each_other|one_another", "disagree * peacefully|respectfully|without|well", "not take it out on", "not turn|be_turned|be_set on|against * each_other|one_another|neighbo~|anyone", "keep * head~", "stand together", "come together", "pull together"],
    "solidarity": ["solidarity", "stand~|stood with|alongside|beside|behind", "not alone", "welcome here", "belong here",
                   "have|got your|their back~", "not on * own", "by your side",
                   "shoulder to shoulder", "we be with you", "grieve~ with|alongside", "mourn~ with|alongside", "not stand alone",
                   "one of us", "we stand"],
    "support": ["counsel~", "victim support", "emotional support", "psychological support", "support line", "liaison officer~",
                "liaison team", "bereave~", "case worker~", "caseworker~", "trauma", "listening service", "someone to talk to",
                "chaplain~", "mental health support", "support desk", "support service~", "family liaison"],
    "no_reprisals": ["reprisal~", "retaliat~", "revenge", "take the law into", "zero tolerance", "not be tolerate~", "not tolerate",
                     "will be arrest~", "will be prosecut~", "will arrest", "arrest anyone|those", "be a crime", "be a criminal offence",
                     "full force of the law"],
    # How to report, said as what to do if it happens to you or you see it, who to tell, what to
    # send them, or an appeal for witnesses: the element is the route to the police, in one breath.
    "report": ["if you * see|saw|hear|witness~|experienc~|notic~|receiv~|spot|target~|abuse~|threaten~|harass~|attack~|suffer~|know * * "
               "tell|report|call|contact|let|ring|phone|inform|alert|dial|come_forward|get_in_touch|text|email|flag|screenshot",
               "should|must|please|asked_to|urged_to|encouraged_to contact|call|tell|inform|get_in_touch_with|send|pass * police|officer~|detective~|investigator~|crimestoppers|101|999|incident_room",
               "should|must|asked_to|urged_to|encouraged_to report|come_forward",
               "send|pass|forward|hand|upload|submit * to|on_to|with * police|officer~|detective~|investigator~|staff|crimestoppers",
               "tell|inform|alert|notify * police|officer~|detective~|member_of_staff|teacher~ * know|straight_away|immediately|at_once|right_away",
               "tell|inform|alert|notify a|an|the|any police|officer~|detective~|member_of_staff|teacher~|steward~",
               "come forward", "anyone|whoever|those|people with * information|footage|video~|image~|photo~|pictures|dashcam|knowledge",
               "quot~ * reference|incident_number|crime_number|log_number|log", "reference number", "incident number", "crime number",
               "witness appeal", "appeal~ for * witness~|information|footage",
               "if something|anything|this|it|that|someone|anyone worr~|concern~|frighten~|scare~|bother~|upset~|threaten~ you * * tell|report|call|contact|ring|phone|let|text|email|dial",
               "please tell|inform|alert|notify|call|contact|ring|phone * police|officer~|detective~|staff|someone"],
    # An open door or a forum is the element whatever else is said ('I'll be there to listen to
    # parents and traders', 'we're setting up a forum').
    "dialogue": ["listen~ to * resident~|parent~|trader~|you|people|communit~|famil~|everyone|concern~|worr~|local~|neighbo~",
                 "forum", "resident~ meeting", "public meeting", "open meeting", "town hall meeting", "door~ * open",
                 "have their|your say", "come and talk|ask|meet|listen", "answer~ * question~|them|you * in person"],
    "empathy": [],
    "help": [],
    # An agency doing something, said in one breath ('officers are now on scene', 'the city has
    # flagged the content to the unit', 'there will be patrols all week'): the element itself.
    "action": [f"{_AGENCY} * {_OPERATIONS}", "police|officer~|patrol~|paramedic~|firefighter~|crew~ * be * at|on|in|outside|there",
               "there will be * patrol~|officer~|steward~", "we have|be|will|'ve * set_up|open~|deploy~|report~|flag~|arrang~|remov~|provid~|refer~|contact~|conven~|activat~|launch~|"
               "commission~|mobilis~|mobiliz~|declar~|increas~|step~_up|put_in_place|dispatch~|stood_up|cancel~|postpon~|lock~|seal~|"
               "support~|work~_with|work~_closely|care~_for|look~_after|guard~|patrol~|secur~|evacuat~|investigat~|search~|treat~",
               "have|has been * arrest~|charg~|detain~|remov~|taken_down|deploy~|evacuat~|report~|flag~|refer~|declar~|brought_in|"
               "mobilis~|mobiliz~|step~_up|increas~|activat~|conven~|launch~|put_in_place|stood_up|open~|clos~|examin~|seal~|lock~|shut~|"
               "cancel~|postpon~|suspend~|boost~|reinforc~|tighten~|heighten~|dispatch~|call~_in|drafted_in|provid~",
               "in custody", "under way", "underway", "visible|increased|heavy|significant|extra|additional|high-visibility|strong * presence",
 "enquir~|inquir~|investigation~ * ongoing|continu~|under_way|underway",
               "be interviewed|examined|cordoned|guarded|evacuated|escorted|mobilised|mobilized|reinforced",
               "cordon~|measure~|plan~|arrangement~|security|patrol~|officer~|staff|support|team~|diversion~|closure~|barrier~ * in place",
               "declar~ * major_incident|emergency", "major incident * declar~",
               "been * arrest~|charg~|detain~|remov~|taken_down|deploy~|evacuat~|moved|rehoused|relocat~",
               "ask~ to take * down", "take~ * down", "will be kept clear|open|closed|safe", "extra|additional officer~|patrol~|staff",
               "named * case_worker|caseworker|officer|contact"],
}
"""Turns of phrase that deliver an element on their own, whatever the rule's `min_hits` (a rule
asking for two cues, 'calm and unity', is met by a plain 'please stay calm'): the element's
clearest words, where the rest of its list is words that help only together."""

CREDIT_DEFAULT_HITS = {"facts": 2, "action": 2}
"""How many distinct cues a credited element needs when its rule does not say (`match.min_hits`)."""
