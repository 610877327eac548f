"""Support-domain reading on held-out sets written apart from the training corpus.

- benchmarks/data/support_reading.tsv (`lang, category, kind, text`): category accuracy and
  macro-F1 per language, errors by kind;
- benchmarks/data/support_intensity_pairs.tsv (`lang, milder, stronger`): share of pairs whose
  stronger message reads more intense;
- the reply strategy each message gets, and how often a non-positive message is celebrated.

Usage: python benchmarks/support_reading.py [--show-errors]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from empathy.detection import get_detector  # noqa: E402
from empathy.replies import strategy_select  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
CATEGORIES = ("positive", "negative", "anxious", "neutral")


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _macro_f1(gold: list[str], got: list[str]) -> float:
    scores = []
    for category in CATEGORIES:
        tp = sum(g == category and p == category for g, p in zip(gold, got, strict=True))
        fp = sum(g != category and p == category for g, p in zip(gold, got, strict=True))
        fn = sum(g == category and p != category for g, p in zip(gold, got, strict=True))
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    detector = get_detector()
    print(f"detector: {detector.name}")
    rows = _rows("support_reading.tsv")
    readings = detector.detect_batch([r["text"] for r in rows])
    print("Category on support_reading.tsv (held out; never trained or tuned on):")
    for lang in ("en", "es", "fr", "de", "pt", "it"):
        mine = [(r, x) for r, x in zip(rows, readings, strict=True) if r["lang"] == lang]
        gold = [r["category"] for r, _ in mine]
        got = [x.category for _, x in mine]
        accuracy = sum(g == p for g, p in zip(gold, got, strict=True)) / len(mine)
        print(
            f"  {lang}: n={len(mine):<4} accuracy={accuracy:.4f} "
            f"macro-F1={_macro_f1(gold, got):.4f}"
        )
    errors = Counter(
        f"{r['kind']}:{r['category']}->{x.category}"
        for r, x in zip(rows, readings, strict=True)
        if r["lang"] == "en" and r["category"] != x.category
    )
    print(f"  en errors by kind: {dict(errors.most_common(15))}")
    celebrated = [
        (r, x)
        for r, x in zip(rows, readings, strict=True)
        if r["category"] != "positive" and strategy_select(reading=x) == "celebrate"
    ]
    positive_celebrated = sum(
        r["category"] == "positive" and strategy_select(reading=x) == "celebrate"
        for r, x in zip(rows, readings, strict=True)
    )
    print(
        f"  non-positive messages given the celebrate strategy: {len(celebrated)}/"
        f"{sum(r['category'] != 'positive' for r in rows)}; positive messages celebrated: "
        f"{positive_celebrated}/{sum(r['category'] == 'positive' for r in rows)} (the rest "
        "are answered plainly)"
    )
    if args.show_errors:
        for r, x in zip(rows, readings, strict=True):
            if r["category"] != x.category:
                print(f"    {r['lang']} {r['kind']} {r['category']}->{x.category}: {r['text']}")

    pairs = _rows("support_intensity_pairs.tsv")
    milder = detector.detect_batch([p["milder"] for p in pairs])
    stronger = detector.detect_batch([p["stronger"] for p in pairs])
    ordered = [s.intensity > m.intensity for m, s in zip(milder, stronger, strict=True)]
    print(
        f"Intensity pairs ordered (stronger reads more intense): {sum(ordered)}/{len(pairs)} = "
        f"{sum(ordered) / len(pairs):.4f}"
    )
    by_lang = Counter(p["lang"] for p, ok in zip(pairs, ordered, strict=True) if ok)
    total = Counter(p["lang"] for p in pairs)
    print("  per language: " + ", ".join(f"{k} {by_lang[k]}/{v}" for k, v in total.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
