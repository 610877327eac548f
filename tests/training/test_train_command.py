"""`manage.py train_emotion_model` explains what is missing instead of crashing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_missing_data_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="training failed with exit code 2"):
        call_command("train_emotion_model", "--data", str(tmp_path), "--base-model", str(tmp_path))


def test_missing_training_packages_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for split in ("train", "dev", "test"):
        (tmp_path / f"{split}.tsv").write_text("I love it\t17\tid1\nso sad\t25\tid2\n")
    monkeypatch.setitem(sys.modules, "torch", None)  # as on a machine without the extras
    monkeypatch.delitem(sys.modules, "training.transformer", raising=False)
    with pytest.raises(SystemExit, match="training needs torch: pip install -r requirements-train"):
        call_command(
            "train_emotion_model",
            "--data",
            str(tmp_path),
            "--base-model",
            str(tmp_path),
            "--out",
            str(tmp_path / "out"),
        )
