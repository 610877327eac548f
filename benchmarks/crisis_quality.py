"""Crisis detection quality and speed: C-SSRS recall, XSTest false alarms, misses, latency.

Also, all written for this benchmark only and never used to train the model or pick its
thresholds:
- benchmarks/data/support_messages.txt: 300 customer-support chat messages (shipping, billing,
  logins, bugs, telecom, travel, games..., many with hyperbole such as "this router is driving
  me insane"), none of them a risk statement;
- benchmarks/data/crisis_multilingual.tsv: at-risk and ordinary messages in English, Spanish,
  French, German, Portuguese and Italian (`lang, expected, category, text`), written apart
  from the training corpus;
- first-person sentences around the design's eight crisis keywords.

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
from training.crisis_data import SEED, Post, cssrs_load, cssrs_split, goemotions_load

DATA = Path(__file__).resolve().parent / "data"
# The design's eight keywords, each in a first-person sentence about one's own life.
KEYWORD_SENTENCES = tuple(
    line for line in (DATA / "crisis_keywords.txt").read_text(encoding="utf-8").splitlines() if line
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


def _multilingual(path: Path) -> None:
    """Per language: at-risk lines that reach a person, ordinary lines that raise an alarm."""
    if not path.is_file():
        print(f"multilingual set not found at {path}; skipped")
        return
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    print("Multilingual held-out set (written apart from the training corpus):")
    misses: list[tuple[dict[str, str], str]] = []
    for lang in ("en", "es", "fr", "de", "pt", "it"):
        mine = [r for r in rows if r["lang"] == lang]
        risk = [r for r in mine if r["expected"] == "risk"]
        ordinary = [r for r in mine if r["expected"] == "ordinary"]
        risk_levels = [assess_crisis(r["text"]).level for r in risk]
        ordinary_levels = [assess_crisis(r["text"]).level for r in ordinary]
        reached = sum(level != "none" for level in risk_levels)
        at_crisis = sum(level == "crisis" for level in risk_levels)
        alarms = sum(level != "none" for level in ordinary_levels)
        alarm_crisis = sum(level == "crisis" for level in ordinary_levels)
        print(
            f"  {lang}: reaches a person {reached}/{len(risk)} = {reached / len(risk):.4f} "
            f"(crisis {at_crisis / len(risk):.4f})   false alarms {alarms}/{len(ordinary)} = "
            f"{alarms / len(ordinary):.4f} (crisis {alarm_crisis})"
        )
        misses += [(r, lv) for r, lv in zip(risk, risk_levels, strict=True) if lv == "none"]
        misses += [(r, lv) for r, lv in zip(ordinary, ordinary_levels, strict=True) if lv != "none"]
    by_category: dict[str, int] = {}
    for row, _level in misses:
        key = f"{row['expected']}/{row['category']}"
        by_category[key] = by_category.get(key, 0) + 1
    print(f"  errors by category: {dict(sorted(by_category.items()))}")
    for row, level in misses:
        print(
            f"    {row['lang']} {row['expected']}/{row['category']} -> {level}: "
            f"{_short(row['text'])}"
        )


def _keywords() -> None:
    levels = [assess_crisis(text).level for text in KEYWORD_SENTENCES]
    crisis = sum(level == "crisis" for level in levels)
    print(f"Design keywords in first-person sentences: crisis {crisis}/{len(levels)}")
    for text, level in zip(KEYWORD_SENTENCES, levels, strict=True):
        if level != "crisis":
            print(f"    {level}: {text}")


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
        default=str(DATA / "support_messages.txt"),
        help="held-out support-desk messages, one per line (none is a risk statement)",
    )
    parser.add_argument(
        "--multilingual",
        default=str(DATA / "crisis_multilingual.tsv"),
        help="held-out multilingual set (lang, expected, category, text)",
    )
    parser.add_argument(
        "--model",
        default=None,
        help="a crisis_model.json to measure instead of the shipped one (its encoder beside it)",
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

    started = time.perf_counter()
    model = default_model(Path(args.model) if args.model else None)
    blocks = ", ".join(f"{b.analyzer}={len(b.vocabulary)}" for b in model.blocks)
    base = model.metadata.get("encoder_base", "MiniLM")
    print(
        f"model: fine-tuned {base} (weight {model.encoder_weight}) + TF-IDF ({blocks}), "
        f"thresholds concern={model.concern_threshold} crisis={model.crisis_threshold}, "
        f"split seed={SEED}; loaded in {time.perf_counter() - started:.2f} s"
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
    _multilingual(Path(args.multilingual))
    _keywords()

    print("Latency per message (one ONNX Runtime thread, as in the web process; this machine):")
    _latency([r["prompt"] for r in rows], "XSTest prompts (short)")
    _latency(
        [line.strip() for line in (DATA / "support_messages.txt").read_text().splitlines()],
        "support-desk messages",
    )
    _latency([p.text for p in posts], "C-SSRS posts (median 282 chars)")
    chat = ("my order never arrived", "I've asked three times already", "this is so frustrating")
    _latency([r["prompt"] for r in rows], "XSTest prompts with 3 messages of history", chat)
    _latency(["x" * 100_000], "one 100 kB message")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
