"""Reproducible training of the semantic crisis detector (offline; torch, scikit-learn, the data).

Two models read the normalised text and are averaged per head: all-MiniLM-L6-v2 fine-tuned with
three sigmoid heads (`training.crisis_encoder`), and word 1-2-gram + character
2-5-gram TF-IDF with one logistic regression per head. `risk` is learnt on every row; `others`
and `child` on at-risk rows only (which help lines to send). 15% of the training rows are kept
aside to pick the best epoch, the ensemble weight and the thresholds; the C-SSRS held-out split,
XSTest, GoEmotions dev/test and everything in benchmarks/data are never read here.

Usage: python manage.py train_crisis_model --data ../shared/data
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from empathy.crisis.assess import speaks_of_harm
from empathy.crisis.model import HEADS, analyze, analyze_chars, heads_mix
from empathy.crisis.normalize import normalize
from empathy.crisis.rules import rule_hits
from training.crisis_data import (
    CHILD_CATEGORIES,
    OTHERS_CATEGORIES,
    SEED,
    CorpusLine,
    Post,
    corpus_load,
    cssrs_load,
    cssrs_split,
    goemotions_load,
    support_negatives,
)

WORD_MAX_FEATURES = 20000
CHAR_MAX_FEATURES = 40000
MIN_DF = 2
C_REG = 2.0
N_GOEMOTIONS = 12000
N_GLUED = 800
N_SUPPORT = 4000
# Sample weights: the curated corpus is the product's own domain and small, so each line
# counts more than a Reddit comment.
WEIGHTS = {"cssrs": 1.0, "corpus": 3.0, "support": 2.0, "goemotions": 1.0, "glued": 1.0}
VALIDATION_SHARE = 0.15
# Log-odds averaging beat probability averaging on validation (AUC 0.9917 vs 0.9908, curated
# near-misses 0.9706 vs 0.9671, C-SSRS crisis-level recall 0.88 vs 0.83 at the same budgets).
MIX = "logit"
# Generic negatives the transformer sees per epoch (the TF-IDF half learns from all of them).
ENCODER_NEGATIVES = {"goemotions": 4000, "support": 2500, "glued": 300}
# Targets on the validation rows.
RISK_RECALL_TARGET = 0.95
# Shares of validation negatives allowed at or above each threshold, by kind of text.
CONCERN_BUDGET = {"support": 0.005, "general": 0.02}
CRISIS_BUDGET = {"support": 0.001, "general": 0.005, "curated": 0.08}
# A model-only crisis on a message without harm words: shares of such validation negatives
# allowed at or above its threshold.
UNWORDED_BUDGET = {"support": 0.001, "general": 0.001, "curated": 0.01}


@dataclass(frozen=True)
class Rows:
    """Training rows: normalised text, labels, source and (for corpus rows) category."""

    texts: list[str]
    risk: np.ndarray
    others: np.ndarray
    child: np.ndarray
    source: np.ndarray
    weights: np.ndarray
    lang: list[str]


@dataclass
class TrainingReport:
    counts: dict[str, int] = field(default_factory=dict)
    oof: dict[str, float] = field(default_factory=dict)


def _lexicon(texts: Iterable[str]) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(re.findall(r"[a-z']+", text.casefold()))
    return frozenset(word for word, n in counts.items() if n >= 3)


def _ordinary(texts: Sequence[str]) -> list[str]:
    """Comments used as negatives, minus those a crisis rule flags (Reddit has real disclosures
    among its everyday comments; as negatives they would teach the model to miss them)."""
    return [t for t in texts if not any(not h.is_negated for h in rule_hits(normalize(t)))]


def rows_build(posts: list[Post], corpus: list[CorpusLine], comments: list[str], seed: int) -> Rows:
    rng = random.Random(seed)
    comments = _ordinary(comments)
    rng.shuffle(comments)
    general = comments[:N_GOEMOTIONS]
    # Long negatives, so that length alone never looks like risk: glued runs of comments.
    glued = [
        " ".join(rng.sample(comments, min(len(comments), rng.randint(4, 10))))
        for _ in range(N_GLUED if comments else 0)
    ]
    support = support_negatives(rng, N_SUPPORT)
    raw: list[tuple[str, int, int, int, str, str]] = []
    for post in posts:
        raw.append((post.text, int(post.severity >= 1), 0, 0, "cssrs", "en"))
    for line in corpus:
        at_risk = line.level != "none"
        raw.append(
            (
                line.text,
                int(at_risk),
                int(at_risk and line.category in OTHERS_CATEGORIES),
                int(at_risk and line.category in CHILD_CATEGORIES),
                "corpus",
                line.lang,
            )
        )
    raw += [(t, 0, 0, 0, "goemotions", "en") for t in general]
    raw += [(t, 0, 0, 0, "glued", "en") for t in glued]
    raw += [(t, 0, 0, 0, "support", "en") for t in support]
    known = _lexicon(r[0] for r in raw)
    source = np.array([r[4] for r in raw])
    return Rows(
        texts=[normalize(r[0], known=known) for r in raw],
        risk=np.array([r[1] for r in raw]),
        others=np.array([r[2] for r in raw]),
        child=np.array([r[3] for r in raw]),
        source=source,
        weights=np.array([WEIGHTS[s] for s in source]),
        lang=[r[5] for r in raw],
    )


@dataclass(frozen=True)
class Fitted:
    """The TF-IDF half: two vectorizers and one logistic regression per head."""

    word: Any
    char: Any
    coef: np.ndarray  # (heads, features)
    intercepts: np.ndarray

    def features(self, texts: Sequence[str]) -> Any:
        import scipy.sparse as sp

        return sp.hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        z = self.features(texts) @ self.coef.T + self.intercepts
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


def _vectorizer(analyzer: Any, max_features: int) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=analyzer, sublinear_tf=True, min_df=MIN_DF, max_features=max_features
    )


def fit(rows: Rows, index: np.ndarray, seed: int) -> Fitted:
    from sklearn.linear_model import LogisticRegression

    texts = [rows.texts[i] for i in index]
    word = _vectorizer(analyze, WORD_MAX_FEATURES).fit(texts)
    char = _vectorizer(analyze_chars, CHAR_MAX_FEATURES).fit(texts)
    x = Fitted(word=word, char=char, coef=np.zeros((0,)), intercepts=np.zeros(0)).features(texts)
    coefs, intercepts = [], []
    for head in HEADS:
        labels = getattr(rows, head)[index]
        mask = np.ones(len(index), dtype=bool) if head == "risk" else rows.risk[index] == 1
        clf = LogisticRegression(C=C_REG, class_weight="balanced", max_iter=4000, random_state=seed)
        clf.fit(x[mask], labels[mask], sample_weight=rows.weights[index][mask])
        coefs.append(clf.coef_[0])
        intercepts.append(float(clf.intercept_[0]))
    return Fitted(word=word, char=char, coef=np.vstack(coefs), intercepts=np.array(intercepts))


def _at_least(scores: np.ndarray, share: float) -> float:
    """The highest threshold that keeps `share` of `scores` at or above it."""
    ordered = np.sort(scores)[::-1]
    k = min(len(ordered) - 1, max(0, int(np.ceil(share * len(ordered))) - 1))
    return float(ordered[k])


def _above_at_most(scores: np.ndarray, rate: float) -> float:
    """The lowest threshold with at most `rate` of `scores` at or above it."""
    if len(scores) == 0:
        return 0.0
    ordered = np.sort(scores)[::-1]
    k = min(len(ordered) - 1, int(rate * len(ordered)))
    return float(ordered[k]) + 1e-9


def thresholds_choose(rows: Rows, scores: np.ndarray) -> dict[str, float]:
    """Concern: recall first (a concern is a review by a trained person), as low as the recall
    target wants unless that breaks the false-alarm budget on ordinary text. Crisis (help lines,
    the bot stops): the lowest threshold within the stricter budgets, curated near-misses
    ("this deadline is killing me") included."""
    positives = scores[rows.risk == 1]
    negative = rows.risk == 0
    support = scores[negative & (rows.source == "support")]
    general = scores[negative & np.isin(rows.source, ["goemotions", "glued"])]
    curated = scores[negative & (rows.source == "corpus")]
    concern = max(
        _at_least(positives, RISK_RECALL_TARGET) if len(positives) else 0.5,
        _above_at_most(support, CONCERN_BUDGET["support"]),
        _above_at_most(general, CONCERN_BUDGET["general"]),
    )
    crisis = max(
        concern,
        _above_at_most(support, CRISIS_BUDGET["support"]),
        _above_at_most(general, CRISIS_BUDGET["general"]),
        _above_at_most(curated, CRISIS_BUDGET["curated"]),
    )
    # Among negatives that name no death, harm, means or violence (where a model-only crisis
    # would need this second threshold), the stricter budgets.
    unworded = negative & np.array([not speaks_of_harm(t) for t in rows.texts])
    crisis_unworded = max(
        crisis,
        _above_at_most(scores[unworded & (rows.source == "support")], UNWORDED_BUDGET["support"]),
        _above_at_most(
            scores[unworded & np.isin(rows.source, ["goemotions", "glued"])],
            UNWORDED_BUDGET["general"],
        ),
        _above_at_most(scores[unworded & (rows.source == "corpus")], UNWORDED_BUDGET["curated"]),
    )
    return {"concern": concern, "crisis": crisis, "crisis_unworded": crisis_unworded}


def oof_report(rows: Rows, oof: np.ndarray, thresholds: dict[str, float]) -> dict[str, float]:
    """Shares of validation rows at concern and at a model-only crisis (the harm-word rule
    included)."""
    worded = np.array([speaks_of_harm(t) for t in rows.texts])
    model_crisis = (oof >= thresholds["crisis"]) & (
        worded | (oof >= thresholds.get("crisis_unworded", 1.01))
    )
    report: dict[str, float] = {}
    for name, mask in (
        ("cssrs_at_risk", (rows.source == "cssrs") & (rows.risk == 1)),
        ("corpus_at_risk", (rows.source == "corpus") & (rows.risk == 1)),
        ("corpus_negative", (rows.source == "corpus") & (rows.risk == 0)),
        ("support_negative", rows.source == "support"),
        ("goemotions", rows.source == "goemotions"),
    ):
        if mask.any():
            report[f"oof_{name}_at_concern"] = float(np.mean(oof[mask] >= thresholds["concern"]))
            report[f"oof_{name}_at_crisis"] = float(np.mean(model_crisis[mask]))
    return report


def payload_build(fitted: Fitted, thresholds: dict[str, float], **extra: Any) -> dict[str, Any]:
    n_word = len(fitted.word.vocabulary_)
    blocks = []
    for name, vectorizer, coef in (
        ("word_1_2", fitted.word, fitted.coef[:, :n_word]),
        ("char_wb_2_5", fitted.char, fitted.coef[:, n_word:]),
    ):
        terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
        blocks.append(
            {
                "analyzer": name,
                "vocabulary": terms,
                "idf": [round(float(x), 5) for x in vectorizer.idf_],
                "coef": [[round(float(x), 5) for x in row] for row in coef],
                "scale": 1.0,
            }
        )
    return {
        "heads": list(HEADS),
        "blocks": blocks,
        "intercepts": [round(float(x), 6) for x in fitted.intercepts],
        "thresholds": {k: round(v, 6) for k, v in thresholds.items()},
        **extra,
    }


def thresholds_refresh(
    *, crisis_dir: Path, goemotions_path: Path, model_path: Path, seed: int = SEED
) -> tuple[dict[str, Any], dict[str, float]]:
    """Re-select the thresholds of a trained model file by `thresholds_choose`, on the same
    validation rows its training kept aside, without refitting anything. Returns the payload
    with the new thresholds and the validation report."""
    import json

    from empathy.crisis.model import model_load

    model = model_load(path=model_path)
    posts, _held_out = cssrs_split(cssrs_load(crisis_dir), seed=seed)
    rows = rows_build(posts, corpus_load(), goemotions_load(goemotions_path), seed)
    _train_idx, val_idx = _split(rows, seed)
    val_rows = Rows(
        texts=[rows.texts[i] for i in val_idx],
        risk=rows.risk[val_idx],
        others=rows.others[val_idx],
        child=rows.child[val_idx],
        source=rows.source[val_idx],
        weights=rows.weights[val_idx],
        lang=[rows.lang[i] for i in val_idx],
    )
    p_val = np.array([s.risk for s in model.scores_many(val_rows.texts)])
    thresholds = thresholds_choose(val_rows, p_val)
    report = oof_report(val_rows, p_val, thresholds)
    payload = json.loads(model_path.read_text(encoding="utf-8"))
    payload.pop("format", None)
    payload["thresholds"] = {k: round(v, 6) for k, v in thresholds.items()}
    payload["metadata"].update({k: round(v, 6) for k, v in {**thresholds, **report}.items()})
    return payload, report


def _split(rows: Rows, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.model_selection import train_test_split

    everything = np.arange(len(rows.texts))
    strata = np.array(
        [f"{s}:{r}:{lang}" for s, r, lang in zip(rows.source, rows.risk, rows.lang, strict=True)]
    )
    train_idx, val_idx = train_test_split(
        everything, test_size=VALIDATION_SHARE, random_state=seed, stratify=strata
    )
    return np.sort(train_idx), np.sort(val_idx)


def _encoder_rows(rows: Rows, index: np.ndarray, seed: int) -> np.ndarray:
    """The rows the transformer learns from: every at-risk and curated row, a sample of the
    plentiful generic negatives (a CPU epoch over all of them would take an hour)."""
    rng = np.random.default_rng(seed)
    keep = []
    for source, limit in ENCODER_NEGATIVES.items():
        pool = index[(rows.source[index] == source) & (rows.risk[index] == 0)]
        keep.append(rng.choice(pool, size=min(limit, len(pool)), replace=False))
    rest = index[~np.isin(rows.source[index], list(ENCODER_NEGATIVES)) | (rows.risk[index] == 1)]
    return np.sort(np.concatenate([rest, *keep]))


def _auc(labels: np.ndarray, scores: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def train(
    *,
    crisis_dir: Path,
    goemotions_path: Path,
    out_dir: Path,
    seed: int = SEED,
    base: str = "minilm",
    epochs: int | None = None,
    log: Any = print,
) -> tuple[dict[str, Any], TrainingReport]:
    """Fit both halves on 85% of the training rows; epoch, weight and thresholds on the rest.
    Writes the encoder files into `out_dir` and returns the JSON payload for the rest."""
    from training import crisis_encoder

    posts, _held_out = cssrs_split(cssrs_load(crisis_dir), seed=seed)
    rows = rows_build(posts, corpus_load(), goemotions_load(goemotions_path), seed)
    train_idx, val_idx = _split(rows, seed)
    log(f"rows: {len(train_idx)} train, {len(val_idx)} validation")
    fitted = fit(rows, train_idx, seed)
    val_texts = [rows.texts[i] for i in val_idx]
    p_tfidf = fitted.probabilities(val_texts)
    val_risk = rows.risk[val_idx]
    hard = rows.source[val_idx] == "corpus"
    log(
        f"tf-idf validation AUC: all {_auc(val_risk, p_tfidf[:, 0]):.4f}, "
        f"curated {_auc(val_risk[hard], p_tfidf[hard, 0]):.4f}"
    )

    def val_score(probs: np.ndarray) -> float:
        return 0.5 * (_auc(val_risk, probs[:, 0]) + _auc(val_risk[hard], probs[hard, 0]))

    enc_idx = _encoder_rows(rows, train_idx, seed)
    labels = np.stack([rows.risk, rows.others, rows.child], axis=1)[enc_idx]
    model, tokenizer, _ = crisis_encoder.fine_tune(
        texts=[rows.texts[i] for i in enc_idx],
        labels=labels,
        weights=rows.weights[enc_idx],
        val_texts=val_texts,
        val_score=val_score,
        seed=seed,
        base=base,
        epochs=epochs or crisis_encoder.EPOCHS,
        log=log,
    )
    files = crisis_encoder.export(model, tokenizer, out_dir)
    # Weight and thresholds from the exported int8 model, exactly what runs in production.
    from empathy.encoder import OnnxTextModel

    p_encoder = OnnxTextModel(out_dir, files=files, max_length=crisis_encoder.MAX_LENGTH).run(
        val_texts
    )
    weight = max(
        (w / 10 for w in range(11)),
        key=lambda w: val_score(heads_mix(p_encoder, p_tfidf, w, MIX)),
    )
    p_val = heads_mix(p_encoder, p_tfidf, weight, MIX)
    val_rows = Rows(
        texts=val_texts,
        risk=val_risk,
        others=rows.others[val_idx],
        child=rows.child[val_idx],
        source=rows.source[val_idx],
        weights=rows.weights[val_idx],
        lang=[rows.lang[i] for i in val_idx],
    )
    thresholds = thresholds_choose(val_rows, p_val[:, 0])
    quality = {
        "validation_auc_all": _auc(val_risk, p_val[:, 0]),
        "validation_auc_curated": _auc(val_risk[hard], p_val[hard, 0]),
        "encoder_weight": weight,
        **oof_report(val_rows, p_val[:, 0], thresholds),
    }
    report = TrainingReport(
        counts={
            "cssrs_train_posts": len(posts),
            "cssrs_train_at_risk": int(sum(p.severity >= 1 for p in posts)),
            "corpus_lines": int((rows.source == "corpus").sum()),
            "corpus_at_risk": int(((rows.source == "corpus") & (rows.risk == 1)).sum()),
            "goemotions_comments": int((rows.source == "goemotions").sum()),
            "glued_negatives": int((rows.source == "glued").sum()),
            "support_negatives": int((rows.source == "support").sum()),
            "encoder_rows": len(enc_idx),
            "validation_rows": len(val_idx),
            "word_features": len(fitted.word.vocabulary_),
            "char_features": len(fitted.char.vocabulary_),
        },
        oof={**thresholds, **quality},
    )
    payload = payload_build(
        fitted,
        thresholds,
        encoder={
            "weight": weight,
            "mix": MIX,
            "max_length": crisis_encoder.MAX_LENGTH,
            "files": files,
        },
    )
    payload["metadata"] = {
        "seed": seed,
        "encoder_base": crisis_encoder.BASE_NAMES[base],
        "trained_on": "C-SSRS train split + curated corpus (en es fr de pt it) + GoEmotions "
        "train + generated support traffic; XSTest and benchmarks/data never used",
        "languages": sorted(set(rows.lang)),
        **report.counts,
        **{k: round(v, 6) for k, v in report.oof.items()},
    }
    return payload, report
