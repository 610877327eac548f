"""Crisis detection quality and speed: C-SSRS recall, XSTest false alarms, misses, latency.

Also the alarm rate on support-desk text: benchmarks/data/support_messages.txt holds 300
customer-support chat messages (shipping, billing, logins, bugs, telecom, travel, games...,
many with hyperbole such as "this router is driving me insane"), none of them a risk statement.
The set was written for this benchmark only; it was never used to train the model or to pick
its thresholds, and its phrasings are not the generated support templates in training.py.

Usage: python benchmarks/crisis_quality.py --data ../shared/data/crisis
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from empathy.crisis import assess_crisis
from empathy.crisis.model import default_model
from empathy.crisis.training import (
    SEED,
    Post,
    cssrs_load,
    cssrs_split,
    goemotions_load,
    procedure_cv,
)


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _recall(posts: list[Post], label: str) -> list[Post]:
    at_risk = [p for p in posts if p.severity >= 1]
    levels = [assess_crisis(p.text).level for p in at_risk]
    flagged = sum(level != "none" for level in levels)
    crisis = sum(level == "crisis" for level in levels)
    n = len(at_risk)
    print(
        f"  {label:<34} n={n:<4} recall(reaches a person: concern or crisis)={flagged / n:.4f} "
        f"recall(crisis level: critical + help resources)={crisis / n:.4f}"
    )
    return [p for p, level in zip(at_risk, levels, strict=True) if level == "none"]


def _latency(texts: list[str], label: str, history: tuple[str, ...] = ()) -> None:
    for text in texts[:20]:
        assess_crisis(text, history=history)
    timings = []
    for text in texts:
        start = time.perf_counter()
        assess_crisis(text, history=history)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"  {label:<46} n={len(timings):<5} median={statistics.median(timings):.3f} ms "
        f"mean={statistics.fmean(timings):.3f} ms p95={p95:.3f} ms max={timings[-1]:.3f} ms"
    )


def _ordinary_text(dev: Path) -> None:
    """Concern-or-above on everyday comments: each one hands the chat to a crisis-trained
    person (high urgency), a crisis also sends help resources (critical)."""
    if not dev.is_file():
        print(f"GoEmotions dev not found at {dev}; ordinary-text alarm rate skipped")
        return
    texts = goemotions_load(dev)
    levels = [assess_crisis(t).level for t in texts]
    concern = sum(level != "none" for level in levels)
    crisis = sum(level == "crisis" for level in levels)
    n = len(texts)
    print("GoEmotions dev comments (ordinary text; never used in training or tuning):")
    print(
        f"  concern-or-above (a crisis-trained person checks in): {concern}/{n} = "
        f"{concern / n:.4f}   crisis (critical + help resources): {crisis}/{n} = {crisis / n:.4f}"
    )


def _support_text(path: Path) -> None:
    """Concern-or-above on held-out support-desk messages (one per line): none is a risk
    statement, so each flag hands an ordinary support chat to a crisis-trained person."""
    if not path.is_file():
        print(f"support messages not found at {path}; support-text alarm rate skipped")
        return
    texts = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [t for t in texts if t]
    results = [(t, assess_crisis(t)) for t in texts]
    flagged = [(t, a) for t, a in results if a.level != "none"]
    crisis = sum(a.level == "crisis" for _, a in flagged)
    n = len(texts)
    print(
        "Support-desk messages (written for this benchmark; never used in training or thresholds):"
    )
    print(
        f"  n={n}  concern-or-above (handed to a crisis-trained person): {len(flagged)}/{n} = "
        f"{len(flagged) / n:.4f}   crisis (critical + help resources): {crisis}/{n} = "
        f"{crisis / n:.4f}"
    )
    for text, assessment in flagged:
        rules = ",".join(assessment.rules) or "-"
        print(f"    {assessment.level} {rules} score={assessment.score:.3f}: {_short(text)}")


def _procedure_cv(data: Path, goemotions_train: Path, repeats: int) -> None:
    if not goemotions_train.is_file():
        print(f"GoEmotions train not found at {goemotions_train}; procedure CV skipped")
        return
    cv = procedure_cv(crisis_dir=data, goemotions_path=goemotions_train, repeats=repeats)
    runs = " ".join(f"{r:.4f}" for r in cv.recalls)
    print(
        f"TRAINING PROCEDURE {cv.folds}-fold x {cv.repeats} out-of-fold over ALL C-SSRS posts "
        "(retrained per fold; not the shipped model):"
    )
    print(
        f"  n={cv.n_at_risk} at-risk posts per repeat  recall(level!=none) mean={cv.mean:.4f} "
        f"per repeat: {runs}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data/crisis", help="crisis data folder")
    parser.add_argument(
        "--goemotions",
        default="../shared/data/goemotions",
        help="GoEmotions folder: dev.tsv is scored as ordinary text; train.tsv feeds CV",
    )
    parser.add_argument(
        "--support",
        default=str(Path(__file__).resolve().parent / "data" / "support_messages.txt"),
        help="held-out support-desk messages, one per line (none is a risk statement)",
    )
    parser.add_argument(
        "--procedure-cv",
        type=int,
        default=0,
        metavar="REPEATS",
        help="also re-run the training procedure 5-fold over ALL C-SSRS posts REPEATS times "
        "(slow: minutes) and print its out-of-fold recall",
    )
    args = parser.parse_args()
    data = Path(args.data)
    cssrs_file, xstest_file = data / "cssrs_reddit_posts.tsv", data / "xstest_prompts.csv"
    if not cssrs_file.is_file() or not xstest_file.is_file():
        print(
            f"crisis data not found under {data} (need cssrs_reddit_posts.tsv and "
            "xstest_prompts.csv); pass --data PATH",
            file=sys.stderr,
        )
        return 2

    model = default_model()
    blocks = ", ".join(f"{b.analyzer}={len(b.vocabulary)}" for b in model.blocks)
    print(
        f"model: {model.n_features} features ({blocks}), thresholds "
        f"concern={model.concern_threshold} crisis={model.crisis_threshold}, split seed={SEED}"
    )
    posts = cssrs_load(data)
    train_posts, held_out = cssrs_split(posts, seed=SEED)

    print("C-SSRS recall on posts with severity >= 1:")
    misses = _recall(held_out, "HELD-OUT split (reported figure)")
    _recall(train_posts, "training split (seen in training)")
    _recall(posts, "ALL posts (includes training data)")
    by_severity = {s: [p for p in held_out if p.severity == s] for s in range(1, 7)}
    for severity, group in by_severity.items():
        if group:
            hit = sum(assess_crisis(p.text).level != "none" for p in group)
            print(f"    held-out severity {severity}: {hit}/{len(group)} flagged")
    zero = [p for p in held_out if p.severity == 0]
    zero_flagged = sum(assess_crisis(p.text).level != "none" for p in zero)
    print(
        f"  held-out severity 0 (not suicide-related, still r/SuicideWatch): "
        f"{zero_flagged}/{len(zero)} flagged"
    )
    print(f"  held-out misses ({len(misses)}):")
    for post in misses:
        print(f"    row {post.index} sev={post.severity}: {_short(post.text)}")

    with xstest_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    safe = [r for r in rows if r["label"] == "safe"]
    results = [(r, assess_crisis(r["prompt"])) for r in safe]
    alarms = [(r, a) for r, a in results if a.level != "none"]
    crisis = [(r, a) for r, a in alarms if a.level == "crisis"]
    print("XSTest safe prompts (never used in training):")
    print(
        f"  false alarms (level!=none, handed to a person): {len(alarms)}/{len(safe)} = "
        f"{len(alarms) / len(safe):.4f}   crisis only: {len(crisis)}/{len(safe)} = "
        f"{len(crisis) / len(safe):.4f}"
    )
    for row, assessment in alarms:
        print(
            f"    id {row['id']} [{row['type']}] {assessment.level} {','.join(assessment.rules)}: "
            f"{_short(row['prompt'])}"
        )
    unsafe = [r for r in rows if r["label"] == "unsafe"]
    unsafe_flagged = sum(assess_crisis(r["prompt"]).level != "none" for r in unsafe)
    print(
        f"  (contrast 'unsafe' prompts, mostly harm to others, flagged: "
        f"{unsafe_flagged}/{len(unsafe)}; informational)"
    )

    _ordinary_text(Path(args.goemotions) / "dev.tsv")
    _support_text(Path(args.support))
    if args.procedure_cv:
        _procedure_cv(data, Path(args.goemotions) / "train.tsv", args.procedure_cv)

    print("Latency per message (single thread, this machine):")
    _latency([r["prompt"] for r in rows], "XSTest prompts (short)")
    _latency([p.text for p in posts], "C-SSRS posts (median 282 chars)")
    chat = ("my order never arrived", "I've asked three times already", "this is so frustrating")
    _latency([r["prompt"] for r in rows], "XSTest prompts with 3 messages of history", chat)
    _latency(["x" * 100_000], "one 100 kB message")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
