"""Retrains the shipped emotion model from GoEmotions (needs requirements-train.txt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Reproduce the shipped emotion model: TF-IDF + logistic regression, MiniLM fine-tuning "
        "(schedule sweep, seed fixed), int8 ONNX export, ensemble and thresholds tuned on dev; "
        "prints dev and test scores. Needs `pip install -r requirements-train.txt`; about 70 "
        "minutes per epoch-sweep on 2 CPU cores, a few minutes on a GPU."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", required=True, help="GoEmotions folder (train/dev/test.tsv)")
        parser.add_argument("--out", default=settings.EMOTION_MODEL_DIR, help="output folder")
        parser.add_argument("--base-model", default=None, help="MiniLM folder (default: package)")
        parser.add_argument("--epochs", type=int, default=None, help="one schedule, not a sweep")
        parser.add_argument("--lr", type=float, default=None)
        parser.add_argument("--seed", type=int, default=13)
        parser.add_argument("--limit", type=int, default=None, help="first N examples (smoke)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            from training import pipeline
        except ImportError as exc:
            raise CommandError(
                f"training needs extra packages ({exc.name}): pip install -r requirements-train.txt"
            ) from exc
        argv = ["--data", options["data"], "--out", str(Path(options["out"]))]
        for flag in ("base_model", "epochs", "lr", "limit"):
            if options[flag] is not None:
                argv += [f"--{flag.replace('_', '-')}", str(options[flag])]
        argv += ["--seed", str(options["seed"])]
        code = pipeline.main(argv)
        if code:
            raise CommandError(f"training failed with exit code {code}")
