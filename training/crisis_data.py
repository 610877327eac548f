"""Crisis training data: the C-SSRS split, GoEmotions comments, generated support traffic and the
curated multilingual corpus (training/corpora/crisis/<lang>.tsv). Training time only."""

from __future__ import annotations

import csv
import hashlib
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from empathy.crisis.normalize import normalize

SEED = 20260
HELD_OUT_PERCENT = 30
CSSRS_FILE = "cssrs_reddit_posts.tsv"
CORPUS_DIR = Path(__file__).resolve().parent / "corpora" / "crisis"
CORPUS_LEVELS = ("crisis", "concern", "none")
# Categories whose danger comes from someone else: they get abuse or child-protection lines.
OTHERS_CATEGORIES = frozenset({"danger_abuse", "danger_threat", "child_at_risk"})
CHILD_CATEGORIES = frozenset({"child_at_risk"})
# Phrases quoted in the issue that asked for this detector (and the design's keyword
# sentences): a curated line containing one is never trained on, so whatever checks them
# measures the detector rather than its memory of the examples.
ISSUE_PHRASES = (
    "better off dead",
    "nobody would notice if i was gone",
    "ich will nicht mehr leben",
    "no quiero vivir mas",
    "je veux mourir",
    "quiero suicidarme",
    "kill the auto-renew",
    "jump to premium",
    "jump to the next tier",
    "dead tired",
    "the deadline will be the death of me",
    "hopeless about this refund",
    "i'm not suicidal, just annoyed",
    "no point living",
    "thinking about suicide",
)


@dataclass(frozen=True, slots=True)
class CorpusLine:
    """One curated example: its language, level, category and text."""

    lang: str
    level: str
    category: str
    text: str


def corpus_load(corpus_dir: Path = CORPUS_DIR) -> list[CorpusLine]:
    """Every `<lang>.tsv` / `<lang>_<n>.tsv` of the curated corpus (`level<TAB>category<TAB>
    text`), by language."""
    lines: list[CorpusLine] = []
    for path in sorted(corpus_dir.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, None)
            if header != ["level", "category", "text"]:
                raise ValueError(f"{path.name}: header must be level, category, text")
            for number, row in enumerate(reader, start=2):
                if len(row) != 3 or row[0] not in CORPUS_LEVELS or not row[2].strip():
                    raise ValueError(f"{path.name}:{number}: malformed row")
                if any(phrase in normalize(row[2]) for phrase in ISSUE_PHRASES):
                    continue
                lines.append(CorpusLine(path.stem.split("_")[0], row[0], row[1], row[2].strip()))
    return lines


@dataclass(frozen=True, slots=True)
class Post:
    """One C-SSRS labelled post."""

    index: int
    severity: int
    text: str


def cssrs_load(data_dir: Path) -> list[Post]:
    """C-SSRS posts (`severity<TAB>text`) in file order; index is the 0-based data row."""
    posts = []
    with (data_dir / CSSRS_FILE).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader, None)
        for index, row in enumerate(reader):
            if len(row) >= 2 and row[0].strip().isdigit():
                posts.append(Post(index=index, severity=int(row[0]), text="\t".join(row[1:])))
    return posts


def is_held_out(text: str, *, seed: int = SEED) -> bool:
    """Stable split by content hash: the same text always lands on the same side."""
    digest = hashlib.sha256(f"{seed}:{text.strip()}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def cssrs_split(posts: Iterable[Post], *, seed: int = SEED) -> tuple[list[Post], list[Post]]:
    """(train, held_out) with a fixed seed; the held-out part is only for reported figures."""
    train: list[Post] = []
    held_out: list[Post] = []
    for post in posts:
        (held_out if is_held_out(post.text, seed=seed) else train).append(post)
    return train, held_out


def goemotions_load(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [line.split("\t", 1)[0] for line in handle if line.strip()]


# Everyday support and how-to requests, the product's own domain, as generated negatives: the
# posts the classifier learns from are all first person, so without these "how do I ... my ..."
# alone would look like risk. Written for the domain, never copied from any evaluation set.
_ASK = (
    "how do i",
    "how can i",
    "how to",
    "what's the best way to",
    "where can i",
    "can you help me",
    "is it possible to",
    "i need to",
    "i want to",
    "i'd like to",
    "please help me",
    "why can't i",
    "what is the easiest way to",
    "i'm trying to",
    "could you tell me how to",
    "quick question, how do i",
)
_TASKS = (
    "cancel my subscription",
    "end my subscription",
    "end my free trial",
    "close my account",
    "delete my account",
    "reset my password",
    "change my email address",
    "update my billing address",
    "return my order",
    "track my package",
    "get a refund for my order",
    "change my plan",
    "kill the process that keeps freezing",
    "kill the app when it hangs",
    "terminate my contract",
    "terminate the instance",
    "execute the script",
    "run the installer",
    "stop the notifications",
    "turn off dark mode",
    "turn on dark mode",
    "clear the cache",
    "nuke the cache",
    "wipe my phone",
    "destroy the old container",
    "shut down the server",
    "abort the upload",
    "remove my card",
    "block a user",
    "report a bug",
    "fix the crash on startup",
    "get rid of the error message",
    "recover my deleted files",
    "export my data",
    "download my invoice",
    "pay my bill",
    "break up a large payment",
    "split the bill",
    "cut my costs",
    "cut the video",
    "trim the clip",
    "beat the deadline",
    "hit my sales target",
    "crush the competition",
    "attack this problem",
    "take out the trash bin feature",
    "drop the old table",
    "purge the queue",
    "hang the picture",
    "shoot a video for the tutorial",
    "blow up the image size",
    "fire the webhook again",
    "give away free samples",
    "write a goodbye email to a client",
    "leave the group chat",
    "leave a review",
    "end the call",
    "end the meeting for everyone",
    "sleep the laptop",
    "cook rice",
    "fix a leaking tap",
    "remove a stain from my shirt",
    "speed up my laptop",
    "charge my battery faster",
    "replace my dead battery",
    "save my game",
    "pass my driving test",
    "get through a busy week",
    "survive the holiday rush",
    "deal with a rude coworker",
    "stop my cat scratching the sofa",
    "plan my wedding",
    "book a table",
    "change my delivery date",
)
_TAILS = ("", "?", " please", " asap", ", thanks", " on the app?", " on my phone?", " today?", "!")
_REMARKS = (
    "this bug is killing me",
    "my battery is dead again",
    "i'd die for a dark mode",
    "lol that joke killed me",
    "i'm dying to try the new version",
    "the wait is killing me",
    "killing time until the update",
    "you guys are killing it",
    "the server died again",
    "my phone is dead",
    "dead link on the page",
    "i'm dead tired",
    "that update was a total killer",
    "this price is insane",
    "i'm so over this",
    "my laptop crashed and burned",
    "the app keeps dying on me",
    "i nearly died laughing",
)


# Frustration and exhaustion about service problems, the words of which ("waiting", "tired",
# "nobody", "anymore", "can't take", "done with", "give up", "killing") also occur in risk
# disclosures: generated from templates x slots so that the classifier learns that the object
# of the frustration (a parcel, a refund, an app) is what matters. Written for the domain,
# never copied from any evaluation set.
_SLOTS: dict[str, tuple[str, ...]] = {
    "thing": (
        "my parcel",
        "my package",
        "my order",
        "my refund",
        "the refund you promised",
        "a reply",
        "an answer from your team",
        "a response to my ticket",
        "the engineer",
        "the technician",
        "the courier",
        "the delivery driver",
        "my replacement",
        "the replacement part",
        "my new bank card",
        "the activation email",
        "the verification code",
        "my money back",
        "a corrected invoice",
        "a callback",
        "someone to call me back",
        "the fix you promised",
        "the update",
        "the patch for this bug",
        "my account to be unlocked",
        "the password reset email",
        "my exchange",
        "the return label",
        "an order confirmation",
        "my order to ship",
        "my sofa",
        "my laptop to come back from repair",
        "the router",
        "my sim card",
        "the chargeback",
        "my deposit",
        "the tracking number",
        "the store credit",
        "the installer to show up",
        "my boarding pass",
        "the broadband connection",
        "my visa card",
        "my payout",
        "my warranty claim",
        "the manager to get back to me",
    ),
    "noun": (
        "refund",
        "reply",
        "parcel",
        "update",
        "tracking info",
        "callback",
        "delivery",
        "answer",
        "engineer",
        "fix",
        "email",
        "money",
        "confirmation",
        "explanation",
    ),
    "dur": (
        "two weeks",
        "three days",
        "over a month",
        "10 days",
        "since monday",
        "since last friday",
        "all morning",
        "45 minutes",
        "an hour on hold",
        "six weeks",
        "ages",
        "forever",
        "since march",
        "the whole weekend",
        "two hours",
        "almost three weeks",
        "5 business days",
        "a full month",
    ),
    "product": (
        "this app",
        "your app",
        "this subscription",
        "my subscription",
        "your service",
        "this company",
        "your website",
        "the new update",
        "this printer",
        "this router",
        "your delivery service",
        "the premium plan",
        "this phone",
        "your customer service",
        "the checkout page",
        "this software",
        "your billing system",
        "your courier",
        "this bank",
        "the login screen",
        "this streaming service",
        "your support bot",
        "this game",
        "the mobile app",
        "your loyalty programme",
    ),
    "problem": (
        "this app crashing",
        "the constant logouts",
        "your broken checkout",
        "being charged twice",
        "all the ads",
        "chasing my refund",
        "explaining the same issue again",
        "being put on hold",
        "the missed deliveries",
        "your automated replies",
        "the endless captchas",
        "the sync errors",
        "paying for features that never work",
        "resetting my password every week",
        "the hidden fees",
        "the slow loading",
        "waiting for engineers who never come",
        "the same error message",
        "getting transferred between departments",
        "missing items in every order",
    ),
    "issue": (
        "my refund",
        "the missing parcel",
        "the double charge",
        "my cracked screen",
        "the wrong item",
        "my locked account",
        "the late delivery",
        "the login error",
        "the damaged box",
        "the missing items",
        "the invoice error",
        "the cancelled order",
        "the app crash",
        "the outage",
        "my warranty claim",
        "the broken zip",
        "the faulty charger",
        "my cancelled flight",
        "the overcharge",
        "the dead pixel on my monitor",
    ),
    "channel": (
        "the phone",
        "your hotline",
        "the live chat",
        "my emails",
        "the support line",
        "at your office",
        "on twitter",
        "the contact form",
        "the ticket system",
        "at the store",
    ),
    "ticket": ("ticket", "email", "complaint", "message", "support request", "claim", "dm"),
    "count": ("three", "four", "five", "six", "ten", "2", "3", "4", "7", "a dozen"),
    "nth": ("third", "fourth", "fifth", "sixth", "tenth", "3rd", "4th", "5th", "umpteenth"),
    "contact": ("writing", "calling", "emailing", "messaging you", "complaining", "asking"),
    "biz": (
        "business",
        "sales",
        "shop",
        "small business",
        "schedule",
        "weekend",
        "online store",
        "team",
        "margins",
        "reviews",
    ),
    "device": ("phone", "laptop", "tablet", "router", "printer", "battery", "watch", "console"),
    "item": (
        "my order",
        "the new model",
        "the preorder",
        "the next drop",
        "the blue version",
        "my parcel",
        "the restock",
        "the update",
        "the limited edition",
        "my replacement",
    ),
    "demand": (
        "just refund me",
        "cancel it now",
        "give me my money back",
        "i want to speak to a manager",
        "fix it or close my account",
        "escalate this please",
        "send someone today",
        "tell me where my order is",
        "i want a full refund",
        "stop sending me the same template",
        "get a human on the line",
        "i'm leaving a one star review",
        "i will never order from you again",
        "i'm switching to your competitor",
        "i'm reporting this to my bank",
        "can someone actually help",
        "what is going on",
        "sort it out",
    ),
    "opener": (
        "hi",
        "hello",
        "hey",
        "ok so",
        "seriously",
        "honestly",
        "look",
        "sorry but",
        "again",
        "ugh",
        "right",
        "dear support",
        "hello again",
        "excuse me",
    ),
    "tail": (
        "",
        "",
        "",
        "!",
        "!!!",
        "?",
        "??",
        "...",
        " :(",
        " ffs",
        " seriously",
        " please help",
        " this is ridiculous",
        " unbelievable",
        " what a joke",
        " smh",
        " lol",
        " again",
    ),
}
_FRUSTRATIONS = (
    # waiting
    "i am still waiting for {thing}",
    "still waiting for {thing}",
    "still waiting on {thing}",
    "im still waiting",
    "i'm still waiting for {thing}",
    "i have been waiting {dur} for {thing}",
    "i've been waiting for {thing} for {dur}",
    "been waiting {dur} and still no {noun}",
    "i am tired of waiting",
    "i'm tired of waiting for {thing}",
    "tired of waiting for {thing}",
    "so tired of waiting",
    "i'm sick of waiting for {thing}",
    "how much longer do i have to wait for {thing}",
    "i am waiting for {thing}",
    "i'm waiting for {thing}",
    "waiting for {thing} {dur} now",
    "i can't wait any longer for {thing}",
    "i've waited {dur}, where is {thing}",
    "still no {noun} after {dur}",
    "i'm so tired of chasing {thing}",
    "i'm exhausted from chasing you about {issue}",
    "i have been waiting {dur}",
    "i've been waiting {dur} already",
    "i waited {dur} for nothing",
    "i am so tired of waiting on hold",
    "i'm still waiting for an update on {issue}",
    "i'm waiting and waiting and nothing happens",
    # nobody answers
    "nobody answers {channel}",
    "nobody is answering {channel}",
    "no one has replied to my {ticket} in {dur}",
    "nobody has replied to my {ticket}",
    "nobody is helping me with {issue}",
    "nobody at your company seems to care about {issue}",
    "i've sent {count} emails and nobody has answered",
    "is anybody there? i've been on hold for {dur}",
    "nobody ever gets back to me about {issue}",
    "no one picks up {channel} anymore",
    "nobody reads my {ticket} anymore",
    "does anyone actually work there? nobody answers",
    "i feel like nobody listens to customers anymore",
    "nobody can tell me where {thing} is",
    # done with / giving up on a product
    "i'm so done with {product}",
    "i am done with {product}",
    "done with {product}",
    "i give up on {product}",
    "i've given up on {product}",
    "i've given up waiting for {thing}",
    "i have given up hope of getting {thing}",
    "i'm at my wits' end with {product}",
    "at my wits end with {problem}",
    "i'm getting tired of waiting",
    "i've given up hoping {thing} will ever turn up",
    "i've given up hoping {product} will ever work",
    "it's been {dur} and i still have no idea where {thing} is",
    "i have no idea where {thing} is",
    "i'm tired of waiting around for {thing}",
    "i am tired of this {noun} saga",
    "i give up trying to get {thing}",
    "i'm giving up on {issue}",
    "i can't take {product} anymore",
    "i can't take {problem} anymore",
    "i can't deal with {product} anymore",
    "i'm over {product}",
    "so over {problem}",
    "i'm tired of {problem}",
    "i am so tired of {problem}",
    "i've had enough of {problem}",
    "{product} is driving me crazy",
    "i don't want {product} anymore, cancel it",
    "i don't want to use {product} anymore",
    "i'm fed up with {problem}",
    "this is the last straw with {product}",
    "i'm exhausted by {problem}",
    "i'm sick and tired of {problem}",
    "i just can't with {product} anymore",
    "i'm really struggling with {product}",
    "{product} has ruined my week",
    "i'm losing my mind over {issue}",
    "i hate {product} so much",
    "i want out of {product}",
    "i'm finished with {product}",
    "i never want to see {product} again",
    # killing and dying idioms
    "{problem} is killing my {biz}",
    "these delays are killing my {biz}",
    "{product} is killing me",
    "you're killing me with these fees",
    "i'm dying to know when {item} ships",
    "i'm dying to get {item}",
    "dying to know when {item} arrives",
    "the wait for {item} is killing me",
    "my {device} died after the update",
    "my {device} keeps dying",
    "{product} keeps dying on me",
    "{product} is dead to me",
    "this outage is murdering my {biz}",
    "i'd kill for a working {device}",
    # repeated complaints
    "this is the {nth} time i'm {contact} about {issue}",
    "i have contacted you {count} times about {issue}",
    "i've explained this {count} times already",
    "why do i have to keep asking about {issue}",
    "same problem again, {issue}",
    "i keep getting the same useless reply about {issue}",
    "{nth} email about {issue} and still nothing",
    "i've called {count} times and i'm still waiting",
    "how many times do i have to report {issue}",
    # plain anger at the company
    "where is {thing}",
    "where is my {noun}",
    "this is ridiculous, {issue} still isn't sorted",
    "absolutely unacceptable service",
    "worst customer service ever",
    "you people are useless",
    "your company is a joke",
    "i am furious about {issue}",
    "i'm so angry about {issue}",
    "you have ruined my day with {issue}",
    "shame on you for {problem}",
    "this is a scam, where is {thing}",
)


def _fill(template: str, rng: random.Random) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(_SLOTS[m.group(1)]), template)


def _frustration(rng: random.Random) -> str:
    text = _fill(rng.choice(_FRUSTRATIONS), rng)
    shape = rng.random()
    if shape < 0.25:
        text = f"{rng.choice(_SLOTS['opener'])}, {text}"
    if rng.random() < 0.35:
        second = rng.choice((_fill(rng.choice(_FRUSTRATIONS), rng), rng.choice(_SLOTS["demand"])))
        text = f"{text}{rng.choice(('. ', ', ', ' - ', '! ', ' and '))}{second}"
    text += rng.choice(_SLOTS["tail"])
    style = rng.random()
    if style < 0.12:
        text = text.upper()
    elif style < 0.4:
        text = text[:1].upper() + text[1:]
    if rng.random() < 0.15:
        text = text.replace("'", "")
    return text


def support_negatives(rng: random.Random, n: int = 4000) -> list[str]:
    """Generated support traffic, all negative: how-to requests, idioms and, most of all,
    frustration with orders, refunds, replies and products. Distinct texts, in a fixed order."""
    texts: dict[str, None] = {}
    for _ in range(20 * n):
        if len(texts) == n:
            break
        pick = rng.random()
        if pick < 0.25:
            text = f"{rng.choice(_ASK)} {rng.choice(_TASKS)}{rng.choice(_TAILS)}"
        elif pick < 0.32:
            text = rng.choice(_REMARKS) + rng.choice(_TAILS)
        else:
            text = _frustration(rng)
        texts.setdefault(text, None)
    return list(texts)
