"""Reproducible training of the crisis classifier (offline only; needs scikit-learn and data)."""

from __future__ import annotations

import csv
import hashlib
import math
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from empathy.crisis.model import analyze, analyze_chars
from empathy.crisis.normalize import normalize
from empathy.crisis.rules import classifier_applies, rule_hits

SEED = 20260
HELD_OUT_PERCENT = 30
CONCERN_RECALL_TARGET = 0.99
CRISIS_FALSE_ALARM_TARGET = 0.005
CONCERN_FALSE_ALARM_BUDGET = 0.03
MAX_FEATURES = 20000
# Character 2-5-grams inside words: they generalise to misspellings and unseen word forms.
CHAR_MAX_FEATURES = 30000
CHAR_SCALE = 1.0
MIN_DF = 2
C_REG = 4.0
# Severity-0 posts are distress without suicidality: a weak negative, so that mild severity-1
# posts near them are not pushed under the concern threshold.
SEVERITY0_WEIGHT = 1.0
CSSRS_FILE = "cssrs_reddit_posts.tsv"


@dataclass(frozen=True, slots=True)
class Post:
    """One C-SSRS labelled post."""

    index: int
    severity: int
    text: str


@dataclass
class TrainingReport:
    """What training saw and decided, for the command's printout."""

    counts: dict[str, int] = field(default_factory=dict)
    oof: dict[str, float] = field(default_factory=dict)


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


def support_negatives(rng: random.Random, n: int = 3000) -> list[str]:
    """Generated support requests and idioms: the product's everyday traffic, all negative."""
    texts = []
    for _ in range(n):
        if rng.random() < 0.2:
            texts.append(rng.choice(_REMARKS) + rng.choice(_TAILS))
        else:
            texts.append(f"{rng.choice(_ASK)} {rng.choice(_TASKS)}{rng.choice(_TAILS)}")
    return texts


def _lexicon(texts: Iterable[str]) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(re.findall(r"[a-z']+", text.casefold()))
    return frozenset(word for word, n in counts.items() if n >= 3)


def _threshold_for_recall(scores: list[float], recall: float) -> float:
    if not scores:
        # Nothing left for the classifier to catch: only the false-alarm budget sets the bar.
        return 1.0
    ordered = sorted(scores, reverse=True)
    k = min(len(ordered) - 1, max(0, round(recall * len(ordered)) - 1))
    return ordered[k]


def _threshold_for_false_alarm(scores: list[float], rate: float) -> float:
    ordered = sorted(scores, reverse=True)
    k = min(len(ordered) - 1, int(rate * len(ordered)))
    return ordered[k] + 1e-9


@dataclass(frozen=True)
class _Corpus:
    """Normalised texts with labels, threshold groups, sample weights and raw n-gram counts."""

    texts: list[str]
    labels: Any
    groups: Any
    weights: Any
    owners: Any
    word_counts: Any
    char_counts: Any
    word_terms: list[str]
    char_terms: list[str]


def _corpus(posts: list[Post], general_texts: list[str]) -> _Corpus:
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    raw_texts = [p.text for p in posts] + general_texts
    known = _lexicon(raw_texts)
    texts = [normalize(t, known=known) for t in raw_texts]
    labels = np.array([1 if p.severity >= 1 else 0 for p in posts] + [0] * len(general_texts))
    # Groups for thresholds: 1 = at-risk post, 2 = general negative, 0 = severity-0 post.
    groups = np.array([1 if p.severity >= 1 else 0 for p in posts] + [2] * len(general_texts))
    weights = np.where(groups == 0, SEVERITY0_WEIGHT, 1.0)
    owners = np.array([p.index for p in posts] + [-1] * len(general_texts))
    # Counted once over every text; each fit takes its own vocabulary and idf from its rows.
    words = CountVectorizer(analyzer=analyze)
    word_counts = words.fit_transform(texts).tocsc()
    chars = CountVectorizer(analyzer=analyze_chars)
    char_counts = chars.fit_transform(texts).tocsc()
    return _Corpus(
        texts=texts,
        labels=labels,
        groups=groups,
        weights=weights,
        owners=owners,
        word_counts=word_counts,
        char_counts=char_counts,
        word_terms=words.get_feature_names_out().tolist(),
        char_terms=chars.get_feature_names_out().tolist(),
    )


@dataclass(frozen=True)
class _Block:
    """Columns kept from a count matrix and their idf, as scikit-learn's TfidfVectorizer would
    with min_df=2, max_features and smooth idf (ties broken by term order, so reproducible)."""

    columns: Any
    idf: Any
    scale: float

    def transform(self, counts: Any, rows: Any) -> Any:
        import numpy as np
        import scipy.sparse as sp

        x = counts[:, self.columns][rows].tocsr().astype(np.float64)
        x.data = 1.0 + np.log(x.data)
        x = x @ sp.diags(self.idf)
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.diags(self.scale / norms) @ x


def _block_fit(counts: Any, rows: Any, max_features: int, scale: float) -> _Block:
    import numpy as np

    sub = counts[rows]
    df = np.asarray((sub > 0).sum(axis=0)).ravel()
    tf = np.asarray(sub.sum(axis=0)).ravel()
    columns = np.flatnonzero(df >= MIN_DF)
    if len(columns) > max_features:
        order = np.lexsort((columns, -tf[columns]))[:max_features]
        columns = np.sort(columns[order])
    idf = np.log((1 + len(rows)) / (1 + df[columns])) + 1.0
    return _Block(columns=columns, idf=idf, scale=scale)


@dataclass(frozen=True)
class _Fitted:
    word: _Block
    char: _Block
    coef: Any
    intercept: float

    def scores(self, corpus: _Corpus, rows: Any) -> Any:
        import numpy as np
        import scipy.sparse as sp

        x = sp.hstack(
            [
                self.word.transform(corpus.word_counts, rows),
                self.char.transform(corpus.char_counts, rows),
            ]
        ).tocsr()
        z = x @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


def _fit(corpus: _Corpus, rows: Any, seed: int) -> _Fitted:
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    word = _block_fit(corpus.word_counts, rows, MAX_FEATURES, 1.0)
    char = _block_fit(corpus.char_counts, rows, CHAR_MAX_FEATURES, CHAR_SCALE)
    x = sp.hstack(
        [word.transform(corpus.word_counts, rows), char.transform(corpus.char_counts, rows)]
    ).tocsr()
    clf = LogisticRegression(C=C_REG, class_weight="balanced", max_iter=3000, random_state=seed)
    clf.fit(x, corpus.labels[rows], sample_weight=corpus.weights[rows])
    return _Fitted(word=word, char=char, coef=clf.coef_[0], intercept=float(clf.intercept_[0]))


def _procedure(corpus: _Corpus, rows: Any, seed: int) -> tuple[_Fitted, dict[str, float]]:
    """The training procedure on `rows`: 5-fold out-of-fold thresholds, then the final fit."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    oof = np.zeros(len(rows))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    for train_idx, test_idx in folds.split(rows, corpus.groups[rows]):
        fitted = _fit(corpus, rows[train_idx], seed)
        oof[test_idx] = fitted.scores(corpus, rows[test_idx])

    texts = [corpus.texts[i] for i in rows]
    groups = corpus.groups[rows]
    # Where the classifier is not consulted at run time its score cannot count here either.
    applies = np.array([classifier_applies(t) for t in texts])
    oof = np.where(applies, oof, 0.0)
    at_risk = [float(s) for s, g in zip(oof, groups, strict=True) if g == 1]
    general = [float(s) for s, g in zip(oof, groups, strict=True) if g == 2]
    # Rules already flag part of the at-risk posts; the classifier's concern threshold is set so
    # that rules OR classifier reach the recall target out-of-fold, not the classifier alone.
    rule_flagged = [bool(rule_hits(texts[i])) for i, g in enumerate(groups) if g == 1]
    at_risk_applies = [bool(a) for a, g in zip(applies, groups, strict=True) if g == 1]
    missed_by_rules = [
        s
        for s, flagged, consulted in zip(at_risk, rule_flagged, at_risk_applies, strict=True)
        if consulted and not flagged
    ]
    needed = math.ceil(CONCERN_RECALL_TARGET * len(at_risk)) - sum(rule_flagged)
    # Never ask the classifier for more than the target share of what it is consulted on.
    share = min(CONCERN_RECALL_TARGET, needed / max(1, len(missed_by_rules)))
    # Recall first: the concern threshold may go lower still, down to what the general-text
    # false-alarm budget allows out-of-fold (concern only flags; a human reads it).
    concern = min(
        _threshold_for_recall(missed_by_rules, share),
        _threshold_for_false_alarm(general, CONCERN_FALSE_ALARM_BUDGET),
    )
    crisis = max(concern, _threshold_for_false_alarm(general, CRISIS_FALSE_ALARM_TARGET))
    oof_stats = {
        "concern_threshold": concern,
        "crisis_threshold": crisis,
        "oof_recall_at_concern": float(np.mean([s >= concern for s in at_risk])),
        "oof_recall_rules_or_classifier": float(
            np.mean([f or s >= concern for s, f in zip(at_risk, rule_flagged, strict=True)])
        ),
        "oof_rules_recall": float(np.mean(rule_flagged)),
        "oof_recall_at_crisis": float(np.mean([s >= crisis for s in at_risk])),
        "oof_general_alarm_at_concern": float(np.mean([s >= concern for s in general])),
        "oof_general_alarm_at_crisis": float(np.mean([s >= crisis for s in general])),
    }
    return _fit(corpus, rows, seed), oof_stats


def _general_texts(comments: list[str], seed: int) -> tuple[list[str], list[str], list[str]]:
    rng = random.Random(seed)
    # Long negatives so that length alone never looks like risk: glued runs of comments.
    glued = [" ".join(rng.sample(comments, rng.randint(4, 12))) for _ in range(3000)]
    return comments, glued, support_negatives(rng)


def _payload(corpus: _Corpus, fitted: _Fitted, thresholds: dict[str, float]) -> dict[str, Any]:
    n_words = len(fitted.word.columns)
    blocks = []
    for name, block, terms, coef in (
        ("word_1_2", fitted.word, corpus.word_terms, fitted.coef[:n_words]),
        ("char_wb_2_5", fitted.char, corpus.char_terms, fitted.coef[n_words:]),
    ):
        blocks.append(
            {
                "analyzer": name,
                "vocabulary": [terms[int(i)] for i in block.columns],
                "idf": [round(float(x), 6) for x in block.idf],
                "coef": [round(float(x), 6) for x in coef],
                "scale": block.scale,
            }
        )
    return {
        "blocks": blocks,
        "intercept": round(fitted.intercept, 6),
        "thresholds": {k: round(v, 6) for k, v in thresholds.items()},
    }


def train(
    *, crisis_dir: Path, goemotions_path: Path, seed: int = SEED
) -> tuple[dict[str, Any], TrainingReport]:
    """Fit word + character TF-IDF and logistic regression on the training split; pick
    thresholds out-of-fold on the training split only (XSTest is never read)."""
    import numpy as np

    posts, _held_out = cssrs_split(cssrs_load(crisis_dir), seed=seed)
    comments, glued, support = _general_texts(goemotions_load(goemotions_path), seed)
    corpus = _corpus(posts, comments + glued + support)
    fitted, oof = _procedure(corpus, np.arange(len(corpus.texts)), seed)
    report = TrainingReport(
        counts={
            "cssrs_train_posts": len(posts),
            "cssrs_train_at_risk": int(sum(1 for p in posts if p.severity >= 1)),
            "goemotions_comments": len(comments),
            "glued_negatives": len(glued),
            "support_negatives": len(support),
            "features": len(fitted.word.columns) + len(fitted.char.columns),
            "word_features": len(fitted.word.columns),
            "char_features": len(fitted.char.columns),
        },
        oof=oof,
    )
    payload = _payload(
        corpus,
        fitted,
        {"concern": oof["concern_threshold"], "crisis": oof["crisis_threshold"]},
    )
    payload["metadata"] = {
        "seed": seed,
        "held_out_percent": HELD_OUT_PERCENT,
        "trained_on": "C-SSRS train split (severity>=1 positive, 0 negative) + GoEmotions "
        "train (negative); XSTest never used",
        **report.counts,
        **{k: round(v, 6) for k, v in oof.items()},
    }
    return payload, report


@dataclass(frozen=True)
class ProcedureCV:
    """Out-of-fold recall of the whole training procedure over every C-SSRS post."""

    folds: int
    repeats: int
    recalls: tuple[float, ...]
    n_at_risk: int

    @property
    def mean(self) -> float:
        return sum(self.recalls) / len(self.recalls)


def procedure_cv(
    *, crisis_dir: Path, goemotions_path: Path, folds: int = 5, repeats: int = 2, seed: int = SEED
) -> ProcedureCV:
    """Re-run the training procedure k times per repeat, each time with one fold of ALL C-SSRS
    posts left out, and assess the left-out at-risk posts with the full runtime assessment.

    A steadier estimate of how the procedure generalises than one 30% split; it says nothing
    about the shipped model itself, whose figure is the held-out split's. The lexicon used for
    normalising is built once from all texts (it only picks "diie" vs "die" spellings).
    """
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from empathy.crisis.assess import assess_with_model
    from empathy.crisis.model import model_from_payload

    posts = cssrs_load(crisis_dir)
    comments, glued, support = _general_texts(goemotions_load(goemotions_path), seed)
    corpus = _corpus(posts, comments + glued + support)
    n_posts = len(posts)
    general_rows = np.arange(n_posts, len(corpus.texts))
    post_labels = corpus.labels[:n_posts]
    recalls = []
    for repeat in range(repeats):
        outer = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + repeat)
        flagged = 0
        for train_idx, test_idx in outer.split(np.arange(n_posts), post_labels):
            rows = np.concatenate([train_idx, general_rows])
            fitted, oof = _procedure(corpus, rows, seed)
            payload = _payload(
                corpus,
                fitted,
                {"concern": oof["concern_threshold"], "crisis": oof["crisis_threshold"]},
            )
            model = model_from_payload(payload)
            for i in test_idx:
                if post_labels[i] == 1:
                    flagged += assess_with_model(posts[i].text, model=model).level != "none"
        recalls.append(flagged / int(post_labels.sum()))
    return ProcedureCV(
        folds=folds, repeats=repeats, recalls=tuple(recalls), n_at_risk=int(post_labels.sum())
    )
