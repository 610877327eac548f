"""Training is reproducible: the same data and seed give the shipped artifact byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from empathy.crisis.model import MODEL_PATH, checksum_path, sha256_of
from empathy.crisis.training import cssrs_load, cssrs_split

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
needs_data = pytest.mark.skipif(
    not (DATA / "crisis" / "cssrs_reddit_posts.tsv").is_file(),
    reason=f"crisis data not found at {DATA / 'crisis'}",
)


@needs_data
def test_split_is_fixed_and_disjoint() -> None:
    posts = cssrs_load(DATA / "crisis")
    train, held_out = cssrs_split(posts)
    _, again_held_out = cssrs_split(list(reversed(posts)))
    assert {p.index for p in held_out} == {p.index for p in again_held_out}
    assert not {p.text for p in train} & {p.text for p in held_out}
    assert 0.25 < len(held_out) / len(posts) < 0.35


@pytest.mark.slow
@needs_data
def test_retraining_reproduces_the_shipped_model(tmp_path: Path) -> None:
    output = tmp_path / MODEL_PATH.name
    call_command(
        "train_crisis_model",
        data=str(DATA / "crisis"),
        goemotions=str(DATA / "goemotions" / "train.tsv"),
        output=str(output),
    )
    assert sha256_of(output) == sha256_of(MODEL_PATH)
    assert checksum_path(output).read_text().split()[0] == sha256_of(MODEL_PATH)
