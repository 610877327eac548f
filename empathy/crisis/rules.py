"""Crisis rule catalogue: context-aware patterns over normalised text, with negation and hedges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from empathy.types import CrisisLevel

CRISIS_RULES: dict[str, str] = {
    "explicit_intent": "States a wish, intent or attempt to kill oneself or end one's life.",
    "self_harm": "Describes harming oneself on purpose (cutting, burning, self-harm urges).",
    "passive_ideation": "Wishes to be dead or not wake up, or that others would be better off.",
    "coded_language": "Coded or slang wording for suicide (kms, unalive, sewer slide, ...).",
    "method_means": "Mentions a method or means at hand (pills in front of me, rope, bridge).",
    "preparatory": "Preparation or goodbye behaviour (goodbye letters, giving things away).",
    "danger_from_others": "The person is being hurt, threatened or is afraid of someone.",
    "hopelessness": "Hopelessness or feeling trapped or a burden, without explicit intent.",
    "third_party_risk": "Someone else is described as suicidal or at risk.",
    "negated_or_hedged": "A risk statement that is negated or hedged; capped at concern.",
    "classifier": "The trained text classifier scored the message at or above a threshold.",
    "history_buildup": "Several concerning messages in a row: risk building up over the chat.",
    "assessment_error": "The assessment itself failed; treated as crisis (fail closed).",
}

_ME = r"(?:my ?self|me ?self)"
_I = r"(?:i|i'm|im|i am|i've|ive|i'd|id|i'll|ill)"
_THEM_SELF = r"(?:him|her|them)sel(?:f|ves)"
_PERSON = (
    r"(?:he|she|they|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|"
    r"stepdad|step ?father|mom|mum|mother|stepmom|step ?mother|brother|sister|uncle|"
    r"parents?|son|daughter|roommate|flatmate|landlord|neighbou?r|fianc[eé]e?))"
)
_KILL_SELF = r"(?:kill " + _ME + r"|end (?:my (?:own )?life|it all))"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern of a rule, with the level it implies when not negated."""

    rule: str
    level: CrisisLevel
    regex: re.Pattern[str]
    is_negated_form: bool = False
    # Spanish/French/German/Portuguese/Italian patterns, negated by those languages' words.
    multilingual: bool = False


def _p(rule: str, level: CrisisLevel, *sources: str) -> list[Pattern]:
    return [Pattern(rule, level, re.compile(r"\b" + src + r"\b")) for src in sources]


def _ml(rule: str, level: CrisisLevel, *sources: str) -> list[Pattern]:
    return [
        Pattern(rule, level, re.compile(r"\b" + src + r"\b"), multilingual=True) for src in sources
    ]


def _negated(rule: str, *sources: str) -> list[Pattern]:
    """Statements that carry their own negation ("I'm not suicidal"): always capped at concern."""
    return [Pattern(rule, "crisis", re.compile(r"\b" + src + r"\b"), True) for src in sources]


PATTERNS: tuple[Pattern, ...] = (
    *_p(
        "explicit_intent",
        "crisis",
        r"(?:kill|killing|killed|kil) " + _ME + r"(?! (?:laughing|with laughter|at work))",
        r"(?:end|ending|ended|take|taking|took) my (?:own )?life",
        r"commit(?:ting|ted)? suicide",
        r"(?:i'm|im|i am|feel|feeling|felt|been|get|getting|was|am) (?:so |very |really |pretty )?"
        r"suicidal",
        r"suicidal (?:thoughts?|ideation|feelings?|urges?|again|tonight|today|right now)",
        r"suicide (?:attempts?|plan|note|pact)",
        r"(?:attempt|attempted|attempting|tried|try|trying|plan|planning|planned|think|thinking|"
        r"thought|considering|considered|contemplating|contemplated) (?:about |of )?"
        r"(?:suicide|killing " + _ME + r"|ending (?:my (?:own )?life|it all))",
        r"(?:want|wanna|wanted|wanting|ready|deserve|wish|wishing) to (?:die|be dead)"
        r"(?! (?:of|from|laughing|for|when|if))",
        r"(?:want|wanna|wanted|wanting|going|gonna|ready|decided|deserve|need|plan|planning|"
        r"about|trying|tried|try|wish|wishing) to " + _KILL_SELF,
        r"(?:would|i'd|id) (?:rather|prefer to) (?:die|be dead)",
        r"end it all",
        r"(?:tonight|today) (?:is|will be|'s) the (?:night|day)(?= i| to|$)",
    ),
    *_negated(
        "explicit_intent",
        r"(?:i'm|im|i am|i was|i feel|feeling|i've been) (?:not|never|no longer) (?:\w+ )?"
        r"suicidal",
        r"(?:no|not having|not having any|don't have|dont have|never had) (?:any )?suicidal "
        r"(?:thoughts?|intent|plans?|feelings?)",
        r"(?:no|don't have any|dont have any|have no) (?:intention|plan|plans) (?:of|to) "
        r"(?:kill(?:ing)? " + _ME + r"|end(?:ing)? my life|suicide)",
    ),
    *_p(
        "self_harm",
        "crisis",
        r"self[ -]?harm(?:ing|ed)?",
        r"cutting " + _ME,
        r"(?:cut|cutting|slit|slitting|slice|slicing) (?:my|both) (?:wrists?|arms?|thighs?|veins?)",
        r"(?:want|wanna|going|gonna|urges?|need|started|start|keep|kept|been) (?:to )?"
        r"(?:hurt|hurting|cut|cutting|burn|burning|harm|harming|punish|punishing) " + _ME,
        r"(?:relapsed|relapse) (?:on|into)? ?(?:self[ -]?harm|cutting)",
    ),
    *_p(
        "passive_ideation",
        "crisis",
        r"wish(?:ed|ing)? (?:that )?i (?:was|were|could be|would be) dead",
        r"wish(?:ed|ing)? (?:that )?i (?:could|would|will|wouldn't) (?:just )?"
        r"(?:die|disappear forever|sleep forever|not wake up|never wake up|stop existing|"
        r"not exist)",
        r"(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up",
        r"(?:don't|dont|do not) want to wake up(?: tomorrow| again| anymore)?",
        r"hope i (?:don't|dont|never|do not) wake up",
        r"(?:better off|happier|be fine|be better) (?:without me|if i (?:was|were|wasn't|weren't) "
        r"(?:dead|gone|here|around|alive)|with me (?:dead|gone))",
        r"(?:world|everyone|everybody|they|family) (?:would|will|'d) be better (?:off )?without me",
        r"(?:i'd|id|i would|i'll|ill|i will|i'm|im|i am|i) (?:just |probably |honestly |really )?"
        r"(?:be )?better off dead",
        r"(?:no|any|what's the|whats the) (?:reason|point) (?:(?:to|in|of) )?(?:live|living|go on|"
        r"going on|being alive|staying alive|life)",
        r"nothing (?:left )?to live for",
        r"(?:don't|dont|do not|can't|cant|cannot|can not|no longer) (?:see|find|think of|have) "
        r"(?:a|any|one) (?:single )?(?:reason|point) (?:(?:to|in|of|for) )?(?:live|living|go on|"
        r"going on|being alive|staying alive|being here|life)",
        r"(?:don't|dont|do not) want to (?:live|be alive|exist|be here|go on)(?: anymore| any more|"
        r" any longer)",
        r"(?:don't|dont|do not) want to (?:be alive|exist)",
        r"(?:tired|sick) of (?:living|being alive|life|existing)",
        r"(?:want|wanna|wish i could|how (?:do|can) i|how to) (?:to )?(?:stop (?:existing|living|"
        r"being alive)|not exist|not be alive)",
        r"wish i (?:had )?(?:never|wasn't|weren't) (?:been )?(?:born|existed|alive)",
        r"life (?:isn't|is not|isnt|ain't) worth (?:living|it anymore)",
        r"want (?:it|everything|this|my life) (?:all )?to (?:end|be over)",
        r"ready to (?:leave this world|be done with life)",
    ),
    *_p(
        "coded_language",
        "crisis",
        r"(?<!\d )(?<!\d)kms",
        r"unaliv(?:e|ed|ing|es)",
        r"sewer ?slides?",
        r"(?:self[ -]?delet(?:e|ing|ed)|delet(?:e|ing) " + _ME + r")",
        r"off(?:ing)? " + _ME,
        r"yeet(?:ing)? " + _ME + r" off",
        r"commit (?:die|toaster bath|neck rope)",
        r"catch(?:ing)? the bus(?= tonight| soon| early)",
        r"ctb",
    ),
    *_p(
        "method_means",
        "crisis",
        r"(?:pills?|tablets?|meds|medication|gun|rope|noose|razor|blades?|knife)"
        r" (?:are |is )?(?:in front of me|in my hands?|lined up|counted out|ready|next to me|"
        r"on my (?:desk|table|bed|lap))",
        r"(?:bought|got|have|found|saved|saving|saved up|stockpiled|stockpiling|hoarding|"
        r"collecting|collected) (?:up )?(?:a |the |my |some |enough |all my |all the )?"
        r"(?:rope|noose|pills to|pills for|enough pills|sleeping pills|razor blades?)",
        r"enough (?:pills|tablets|meds|medication) to",
        r"how (?:many|much) (?:pills|tablets|paracetamol|tylenol|ibuprofen|insulin|[a-z]+ pills)"
        r" (?:does it take|would it take|to (?:die|overdose|kill|od|end))",
        r"(?:going to|gonna|want to|will|planning to|plan to|about to|tried to) "
        r"(?:overdose|od on|hang " + _ME + r"|drown " + _ME + r"|shoot " + _ME + r")",
        r"(?:took|take|taking|swallowed|swallow) (?:a |an )?(?:overdose|all (?:of )?(?:my|the) "
        r"(?:pills|meds|tablets)|a (?:whole )?bottle of (?:pills|[a-z]+))",
        r"(?:hang|hanging|drown|drowning|shoot|shooting|poison|poisoning|hung) " + _ME,
        r"(?:tie|tied|tying) a noose",
        r"(?:lethal|fatal|deadly|overdose) (?:dose|amount|quantity)",
        r"(?:suicide|exit) (?:kits?|bags?|methods?|drugs?)",
        r"(?:cyanide|sodium nitrite|nembutal|pentobarbital|helium hood)",
        r"painless(?:ly)? (?:way|ways|death|to die|method|suicide)",
        r"(?:how (?:painful|long|quick|fast)|is it painful|does it hurt) (?:would it be |is it |"
        r"does it take )?to (?:die|bleed out|overdose|drown|hang)",
        r"(?:slit|slitting|cut|cutting) (?:your|one's|the|my) (?:wrists?|throat)",
        r"overdos(?:e|ing) on [a-z]+(?: [+&and]+ [a-z]+)? (?:kill|be fatal|be lethal|enough)",
        r"(?:can|will|would|could) (?:an overdose of |overdosing on )?[a-z]+ (?:pills )?"
        r"(?:kill (?:you|me|someone)|be (?:fatal|lethal))",
        r"how many (?:stories|storeys|floors|meters|metres|feet) (?:is|are|would be) "
        r"(?:enough|fatal|lethal)",
        r"(?:gun|knife|blade|barrel) (?:to|against) my (?:head|throat|wrists?|temple|chest)",
        r"(?:jump|jumping|leap|leaping) (?:off|from) (?:a|the|this|my) (?:bridge|building|roof|"
        r"cliff|balcony|ledge|overpass|tower)",
        r"(?:jump|jumping|step|stepping|walk|walking|throw " + _ME + r") (?:in front of|into) "
        r"(?:a |the )?(?:train|bus|traffic|truck|car)",
        r"(?:standing|stood|sitting|sat) on (?:the |a |this )?(?:edge of (?:the |a )?)?(?:bridge|"
        r"ledge|roof(?:top)?|railing|train tracks|tracks|balcony railing)",
        r"(?:on|at) the (?:edge|railing|ledge) of (?:the |a )?(?:bridge|roof|building|cliff)",
    ),
    *_p(
        "preparatory",
        "crisis",
        r"(?:wrote|written|writing|write|left|leaving|finished) (?:my |a |the |some )?"
        r"(?:goodbye|farewell|suicide|last) (?:letters?|notes?|messages?)",
        r"(?:goodbye|farewell) (?:letters|notes)",
        r"giv(?:e|ing|en) away (?:all )?(?:of )?my (?:things|stuff|belongings|possessions|pets?|"
        r"cats?|dogs?|stuff)",
        r"(?:put|putting|getting) my affairs in order",
        r"(?:made|making|wrote|writing|updated|updating) (?:out )?my will(?! power)",
        r"(?:saying|said|say) (?:my )?(?:goodbyes?|goodbye to (?:everyone|everybody|you all|"
        r"my family|my friends|the world))",
        r"this is (?:my )?(?:goodbye|farewell|final goodbye)",
        r"this is my (?:last|final) (?:message|post|night|day|goodbye)",
        r"(?:won't|wont|will not) be (?:here|around|alive) (?:much longer|tomorrow|anymore|"
        r"for long)",
        r"by the time (?:you|anyone|someone) (?:read|reads|see|sees|find|finds) this",
        r"(?:after|when|once) i'm (?:gone|dead)",
        r"(?:set|picked|chose|chosen) (?:a|the) date",
        r"(?:last|final) time you(?:'ll| will) (?:hear from|see) me",
    ),
    *_p(
        "danger_from_others",
        "crisis",
        _PERSON + r" (?:keeps |always |has been |is |started |just )?(?:hits?|hitting|beats?|"
        r"beating|beat|hurts?|hurting|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|chok(?:es|ed|ing)|"
        r"strangl(?:es|ed|ing)|slap(?:s|ped|ping)?|abus(?:es|ed|ing)|rap(?:es|ed)|attack(?:s|ed)|"
        r"threaten(?:s|ed|ing)|stalk(?:s|ed|ing)|grabbed|pushed|shoved|burned) me",
        r"(?:scared|afraid|terrified|frightened) (?:to go|of going) (?:back )?home",
        r"(?:scared|afraid|terrified|frightened) (?:of|that) " + _PERSON + r"(?: will| is going to|"
        r" might| would)? (?:kill|hurt|hit|beat|find) me",
        r"(?:threatened|threatening|threatens|going|gonna|wants|trying|tried|said he'd|"
        r"said she'd|said they'd|said he would|said she would) (?:to )?(?:kill|hurt|shoot|stab|"
        r"strangle|beat) me",
        r"(?:i'm|im|i am) (?:being|getting) (?:abused|beaten|hit|hurt|stalked|threatened|raped|"
        r"trafficked)",
        r"(?:locked me in|won't let me leave|wont let me leave|not safe at home|unsafe at home)",
        r"(?:someone|somebody|a man|a guy) is (?:in my house|trying to (?:get in|break in)|"
        r"following me|outside my door)",
    ),
    # Spanish, French, German, Portuguese and Italian: the unmistakable first-person forms only
    # (normalised text has no accents); everything subtler is the model's. Idioms built on the
    # same verbs ("me muero de risa", "morrer de rir", "ammazzarsi di lavoro") are excluded by
    # the "de/di" look-aheads.
    *_ml(
        "explicit_intent",
        "crisis",
        # es
        r"(?:suicidarme|quitarme la vida|acabar con mi (?:propia )?vida)",
        r"(?:me voy a|me quiero|quiero|voy a|pienso|decidi|he decidido) "
        r"(?:matar(?:me)?|suicidar(?:me)?)(?! de )",
        r"(?:me quiero|quiero|quisiera) morir(?:me)?(?! de )",
        # fr
        r"(?:me suicider|mettre fin a (?:mes jours|ma vie)|en finir avec (?:la vie|ma vie))",
        r"je (?:veux|voudrais|vais|pense a) (?:me tuer|mourir|en finir)(?! (?:de|avec (?:ce|cet|"
        r"cette|votre|vos|ton|ta|tes|le|la|les|mon|ma|mes)\b))",
        r"(?:envie|envi) de (?:mourir|me tuer|crever)(?! de )",
        # de
        r"(?:mich|mir) (?:selbst )?(?:umbringen|umzubringen|toten|das leben (?:zu )?nehmen)",
        r"bringe? mich (?:heute |morgen |bald |jetzt )?um\b",
        r"(?:selbstmord|suizid) (?:begehen|machen)",
        r"(?:ich will|ich mochte|ich werde) (?:sterben|tot sein)",
        r"schluss machen mit (?:allem|dem leben|meinem leben)",
        # pt
        r"(?:me matar|me suicidar|suicidar-me|matar-me|tirar (?:a )?minha (?:propria )?vida|"
        r"acabar com (?:a )?minha vida)(?! de )",
        r"(?:quero|vou|queria) morrer(?! de )",
        # it
        r"(?:uccidermi|ammazzarmi|suicidarmi|togliermi la vita|farla finita)(?! di )",
        r"(?:voglio|vorrei) morire(?! di )",
    ),
    *_ml(
        "passive_ideation",
        "crisis",
        r"no quiero (?:seguir )?vivir",
        r"(?:ojala|quisiera) (?:estar muert[oa]|no despertar(?:me)?|morir(?:me)?)",
        r"(?:estaria(?:n)?|estarian) mejor (?:muert[oa]|sin mi)",
        r"(?:no tengo|no hay|sin) (?:ninguna )?razon para (?:vivir|seguir)",
        r"je ne veux plus vivre",
        r"(?:plus|aucune) (?:envie|raison) de vivre",
        r"(?:serais|seraient) mieux (?:mort|morte|sans moi)",
        r"(?:will|mochte) nicht mehr (?:leben|aufwachen|da sein)",
        r"(?:ware|waren) (?:lieber |besser )?(?:tot|ohne mich besser dran)",
        r"(?:nao quero mais viver|nao quero viver mais)",
        r"(?:nao tenho|sem) (?:nenhum )?(?:motivo|razao) para viver",
        r"(?:seria|estaria|estariam) melhor (?:mort[oa]|sem mim)",
        r"non voglio piu vivere",
        r"(?:sarei|starei|starebbero) meglio (?:mort[oa]|senza di me)",
    ),
    *_ml(
        "self_harm",
        "crisis",
        r"autolesion(?:arme|es)?",
        r"(?:me corto|cortarme) (?:los brazos|las munecas|las piernas|las venas|otra vez)",
        r"(?:me scarifie|me scarifier|me mutiler|automutilation)",
        r"(?:ich ritze mich|mich (?:selbst )?(?:ritzen|verletzen))",
        r"(?:me cortar|me cortei) (?:os bracos|os pulsos|as pernas|de novo)",
        r"automutila(?:cao|r|ndo)",
        r"(?:mi taglio|tagliarmi) (?:le braccia|i polsi|le gambe|di nuovo)",
        r"(?:autolesionismo|farmi del male)",
    ),
    *_p(
        "hopelessness",
        "concern",
        r"(?:can't|cant|cannot|can not) (?:go on|take (?:it|this|much more)(?: anymore| any more)?|"
        r"do this anymore|do this any more|keep going|cope|handle (?:it|this|life) anymore|"
        r"live like this)",
        r"no (?:way|escape) out",
        r"(?:feel|feeling|i'm|im|i am|so|completely|totally) (?:so |completely |totally )?"
        r"(?:hopeless|worthless|empty inside|trapped)",
        r"(?:i'm|im|i am|feel like|i feel like) (?:just )?a burden",
        r"(?:no one|nobody|noone) (?:would|will|even|really)? ?(?:cares?|notices?|miss me)"
        r"(?= if i| about me| when i|$)",
        r"(?:no one|nobody|noone) (?:would|will)? ?miss me",
        r"hate (?:my life|myself|being alive)",
        r"want to (?:disappear|vanish)",
        r"give up on (?:life|everything|living)",
        r"(?:done|finished) with (?:life|living|everything)",
        r"(?:what's|whats|what is) the point(?: of (?:anything|it all|trying))?$",
        r"(?:want|need) (?:the|this) pain to (?:stop|end)",
        r"(?:alone|empty|numb) all the time",
        r"(?:my life|everything) (?:is|feels) (?:pointless|meaningless|falling apart)",
        r"(?:feel|feeling) like dying",
    ),
    *_p(
        "third_party_risk",
        "concern",
        r"(?:wants?|going|gonna|threaten(?:s|ed|ing)|tried|trying|talk(?:s|ed|ing) about|plans?|"
        r"planning) (?:to )?(?:kill(?:ing)? " + _THEM_SELF + r"|end(?:ing)? (?:his|her|their) "
        r"(?:own )?life|commit(?:ting)? suicide)",
        r"(?:he|she|they|friend|brother|sister|son|daughter|partner|husband|wife|boyfriend|"
        r"girlfriend|mom|dad|kid|child) (?:is|are|'s|'re|has been|seems|seem) "
        r"(?:really |very |so )?suicidal",
    ),
)

# A risk phrase preceded by a negation, allowing a few harmless filler words in between:
# "I'm not going to kill myself", "I would never", "I don't want to die".
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|no longer|isn't|wasn't|aren't|don't|dont|doesn't|didn't|won't|wont|"
    r"wouldn't|wouldnt|shouldn't|couldn't)\b"
    r"(?: (?:really|actually|ever|even|seriously|truly|at all|going to|gonna|want to|wanna|"
    r"planning to|plan to|trying to|try to|intend to|intending to|think(?:ing)? (?:about|of)|"
    r"think|have|had|any|feel|feeling|be|being|that|i|i'd|i'm|i'll|would|will|to|about to|"
    r"considering|going|actually going to|ever going to|literally|that i would|that i'd))* ?$"
)
_HEDGE_AFTER = re.compile(
    r"^[ ,.!]*(?:lol |lmao |haha )?(?:jk|j/k|just kidding|kidding|joking|just joking|"
    r"not literally|not seriously|figuratively)\b"
)
_CLAUSE_START = re.compile(r"[.!?;:\n]|\bbut\b|\bbecause\b|\bcause\b|\bso\b")
# Negation words of the other supported languages, looked for among the few words before a
# multilingual phrase in the same clause ("je ne vais pas me suicider", "no voy a matarme").
_ML_NEGATORS = frozenset(
    {
        *("no", "nunca", "jamas", "ni"),  # es
        *("ne", "pas", "jamais", "aucune", "aucun"),  # fr
        *("nicht", "nie", "niemals", "kein", "keine", "keinesfalls"),  # de
        *("nao",),  # pt
        *("non", "mai", "nemmeno"),  # it
    }
)
_ML_CLAUSE = re.compile(r"[.!?;:,\n]|\b(?:pero|mais|aber|ma|mas|porque|parce|weil|perche)\b")
_ML_WINDOW = 4


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A rule that fired, where, and whether a negation or hedge softened it."""

    rule: str
    level: CrisisLevel
    start: int
    end: int
    is_negated: bool


def _is_negated_ml(text: str, start: int) -> bool:
    clause_from = 0
    for boundary in _ML_CLAUSE.finditer(text, max(0, start - 60), start):
        clause_from = boundary.end()
    words = text[max(clause_from, start - 60) : start].split()[-_ML_WINDOW:]
    # French elides "ne" ("je n'ai aucune envie de mourir"): a word starting "n'" negates.
    return any(word in _ML_NEGATORS or word.startswith("n'") for word in words)


def _is_negated(text: str, start: int, end: int) -> bool:
    clause_from = 0
    for boundary in _CLAUSE_START.finditer(text, max(0, start - 80), start):
        clause_from = boundary.end()
    before = text[max(clause_from, start - 80) : start]
    if _NEGATION_BEFORE.search(before):
        return True
    return bool(_HEDGE_AFTER.match(text[end : end + 30]))


def rule_hits(normalized: str) -> list[RuleHit]:
    """Every pattern match in already-normalised text, in order of appearance."""
    hits = []
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(normalized):
            hits.append(
                RuleHit(
                    rule=pattern.rule,
                    level=pattern.level,
                    start=match.start(),
                    end=match.end(),
                    is_negated=pattern.is_negated_form
                    or _is_negated(normalized, match.start(), match.end())
                    or (pattern.multilingual and _is_negated_ml(normalized, match.start())),
                )
            )
    negated_spans = [(h.start, h.end) for h in hits if h.is_negated]
    # A phrase inside a negated statement shares its negation: "no intention of killing myself".
    hits = [
        h
        if h.is_negated or not any(a <= h.start and h.end <= b for a, b in negated_spans)
        else RuleHit(h.rule, h.level, h.start, h.end, is_negated=True)
        for h in hits
    ]
    hits.sort(key=lambda hit: (hit.start, hit.rule))
    return hits
