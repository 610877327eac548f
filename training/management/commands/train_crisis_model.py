"""Train the semantic crisis detector reproducibly and write the checksummed JSON artifact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from empathy.crisis.model import MODEL_PATH, model_save


class Command(BaseCommand):
    help = (
        "Train the crisis detector (sentence embedding + TF-IDF, logistic heads) on the C-SSRS "
        "training split, the curated multilingual corpus, GoEmotions train and generated "
        "support traffic (XSTest and benchmarks/data are never used), and write "
        "empathy/models/crisis/crisis_model.json."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--data", default="../shared/data/crisis", help="crisis data folder")
        parser.add_argument(
            "--goemotions",
            default="../shared/data/goemotions/train.tsv",
            help="GoEmotions train.tsv, used as negatives",
        )
        parser.add_argument("--seed", type=int, default=20260)
        parser.add_argument("--epochs", type=int, default=None, help="encoder epochs")
        parser.add_argument(
            "--thresholds-only",
            action="store_true",
            help="keep the trained model in --output and re-select its thresholds on the same "
            "validation rows (after a change to the threshold rule)",
        )
        parser.add_argument(
            "--base", choices=("e5", "minilm"), default="minilm", help="encoder to fine-tune"
        )
        parser.add_argument(
            "--output",
            default=str(MODEL_PATH),
            help="model JSON; the fine-tuned encoder files are written beside it",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        crisis_dir = Path(options["data"])
        goemotions = Path(options["goemotions"])
        for path in (crisis_dir / "cssrs_reddit_posts.tsv", goemotions):
            if not path.is_file():
                raise CommandError(f"training data not found: {path}")
        # Training needs scikit-learn's fitting code and the corpora: imported only here.
        from training.crisis import train

        output = Path(options["output"])
        if options["thresholds_only"]:
            from training.crisis import thresholds_refresh

            payload, oof = thresholds_refresh(
                crisis_dir=crisis_dir,
                goemotions_path=goemotions,
                model_path=output,
                seed=options["seed"],
            )
            digest = model_save(path=output, payload=payload)
            for key, value in {**payload["thresholds"], **oof}.items():
                self.stdout.write(f"{key}: {value:.4f}")
            self.stdout.write(self.style.SUCCESS(f"wrote {output} sha256={digest}"))
            return
        payload, report = train(
            crisis_dir=crisis_dir,
            goemotions_path=goemotions,
            out_dir=output.parent,
            seed=options["seed"],
            base=options["base"],
            epochs=options["epochs"],
            log=lambda line: self.stdout.write(line),
        )
        digest = model_save(path=output, payload=payload)
        for key, value in {**report.counts, **report.oof}.items():
            self.stdout.write(
                f"{key}: {value:.4f}" if isinstance(value, float) else f"{key}: {value}"
            )
        self.stdout.write(self.style.SUCCESS(f"wrote {options['output']} sha256={digest}"))
