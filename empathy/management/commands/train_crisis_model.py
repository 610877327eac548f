"""Train the crisis classifier reproducibly and write the checksummed JSON artifact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from empathy.crisis.model import MODEL_PATH, model_save
from empathy.crisis.training import SEED, train


class Command(BaseCommand):
    help = (
        "Train the crisis TF-IDF + logistic regression on the C-SSRS training split and "
        "GoEmotions (XSTest is never used), and write empathy/models/crisis/crisis_model.json."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--data", default="../shared/data/crisis", help="crisis data folder")
        parser.add_argument(
            "--goemotions",
            default="../shared/data/goemotions/train.tsv",
            help="GoEmotions train.tsv, used as negatives",
        )
        parser.add_argument("--seed", type=int, default=SEED)
        parser.add_argument("--output", default=str(MODEL_PATH))

    def handle(self, *args: Any, **options: Any) -> None:
        crisis_dir = Path(options["data"])
        goemotions = Path(options["goemotions"])
        for path in (crisis_dir / "cssrs_reddit_posts.tsv", goemotions):
            if not path.is_file():
                raise CommandError(f"training data not found: {path}")
        payload, report = train(
            crisis_dir=crisis_dir, goemotions_path=goemotions, seed=options["seed"]
        )
        digest = model_save(path=Path(options["output"]), payload=payload)
        for key, value in {**report.counts, **report.oof}.items():
            self.stdout.write(
                f"{key}: {value:.4f}" if isinstance(value, float) else f"{key}: {value}"
            )
        self.stdout.write(self.style.SUCCESS(f"wrote {options['output']} sha256={digest}"))
