"""Speed and memory of the shipped emotion detector on this machine.

Prints: model load time, batch throughput (messages/s), single-message latency p50/p95 after
warm-up, and the process's resident memory with the model loaded. Targets (issue #2, 2 cores):
>= 300 messages/s batched, p95 <= 20 ms single, load <= 3 s, RSS <= 1 GB.

    .venv/bin/python benchmarks/emotion_speed.py [--data ../shared/data/goemotions] [--threads N]

--threads is ONNX Runtime's intra-op thread count (EMOTION_ONNX_THREADS; 0, the shipped
default, lets ONNX Runtime use one per core).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Sample support-style messages for when the data set is absent.
FALLBACK = [
    "My order hasn't arrived and nobody answers my emails. This is ridiculous!",
    "Thanks so much, that fixed it!",
    "I'm not sure how to reset my password, can you help?",
    "I'm worried my card was charged twice.",
    "ok",
    "This is the third time I'm asking. I am absolutely FURIOUS!!!",
    "Could you tell me when the new plan starts?",
    "I love the new dashboard, great work",
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/goemotions")
    parser.add_argument("--messages", type=int, default=2000, help="messages for throughput")
    parser.add_argument("--singles", type=int, default=300, help="single-message calls timed")
    parser.add_argument(
        "--threads", type=int, default=0, help="ONNX Runtime threads (EMOTION_ONNX_THREADS)"
    )
    args = parser.parse_args()

    rss_before = rss_mb()
    started = time.perf_counter()
    from empathy.detection.onnx import OnnxEmotionDetector

    detector = OnnxEmotionDetector(ROOT / "empathy/models/goemotions", threads=args.threads)
    load_s = time.perf_counter() - started

    dev = args.data / "dev.tsv"
    if dev.is_file():
        from empathy.evaluation import goemotions_load

        texts = goemotions_load(dev)[0]
        source = f"{dev} (first {args.messages})"
    else:
        texts = FALLBACK
        source = "built-in sample messages (data set not found)"
    texts = (texts * (args.messages // len(texts) + 1))[: args.messages]

    detector.detect_batch(texts[:64])  # warm-up
    started = time.perf_counter()
    for start in range(0, len(texts), 64):
        detector.detect_batch(texts[start : start + 64])
    batch_s = time.perf_counter() - started

    for text in texts[:20]:
        detector.detect_batch([text])
    latencies = []
    for text in texts[: args.singles]:
        t0 = time.perf_counter()
        detector.detect_batch([text])
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    rss = rss_mb()

    cpu_started = time.process_time()
    for text in texts[: args.singles]:
        detector.detect_batch([text])
    cpu_ms = (time.process_time() - cpu_started) * 1000 / args.singles

    threads = args.threads or "one per core"
    print(f"emotion detector speed: {detector.name} (ONNX Runtime threads: {threads})")
    print(f"messages: {source}")
    print(f"model load                 {load_s:8.2f} s      (target <= 3 s)")
    print(f"batched throughput (64)    {len(texts) / batch_s:8.0f} msg/s  (target >= 300)")
    print(f"single message p50         {p50:8.2f} ms")
    print(f"single message p95         {p95:8.2f} ms     (target <= 20 ms)")
    print(f"single message CPU         {cpu_ms:8.2f} ms     (process time per call)")
    print(
        f"resident memory            {rss:8.0f} MB     (target <= 1024; {rss_before:.0f} MB before)"
    )
    ok = load_s <= 3 and len(texts) / batch_s >= 300 and p95 <= 20 and rss <= 1024
    print("targets: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
