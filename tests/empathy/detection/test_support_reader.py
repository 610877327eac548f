"""The support reader on support-chat phenomena, through the shipped detector.

The sentences here are written for these tests (neither the training corpus nor the held-out
benchmark sets): each class of phenomenon the reader exists for, checked on fresh wording.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from empathy.detection.onnx import ModelIntegrityError, OnnxEmotionDetector
from empathy.detection.support import ARRAYS_FILE, VOCAB_FILE, writing_signals
from empathy.replies import strategy_select

MODEL_DIR = Path(__file__).resolve().parents[3] / "empathy" / "models" / "goemotions"


@pytest.fixture(scope="module")
def detector() -> OnnxEmotionDetector:
    return OnnxEmotionDetector(MODEL_DIR)


def test_the_manifest_checksums_the_support_reader(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    with (copy / ARRAYS_FILE).open("ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(ModelIntegrityError, match=r"support\.npz failed its checksum"):
        OnnxEmotionDetector(copy)
    (copy / VOCAB_FILE).unlink()
    with pytest.raises(ModelIntegrityError, match=r"missing: .*support_vocab\.json"):
        OnnxEmotionDetector(copy)


PHENOMENA = [
    ("fantastic, the app logged me out again in the middle of paying", "negative"),
    ("wow, a whole week to answer one email, truly world class", "negative"),
    ("why does every update make the search slower?", "negative"),
    ("I'm fed up with this router", "negative"),
    ("could my parcel have been stolen from the doorstep?", "anxious"),
    ("I'm worried someone else is using my account", "anxious"),
    ("I'd like to change the billing email on my account", "neutral"),
    ("what time does the store open on sundays?", "neutral"),
    ("the replacement arrived this morning and works perfectly, thank you!", "positive"),
    ("thanks", "positive"),
]


def test_support_phenomena_get_their_category(detector: OnnxEmotionDetector) -> None:
    # ~90% on held-out text: at most two of these ten fresh sentences may be misread.
    readings = detector.detect_batch([text for text, _ in PHENOMENA])
    misses = [
        (text, expected, reading.category)
        for (text, expected), reading in zip(PHENOMENA, readings, strict=True)
        if reading.category != expected
    ]
    assert len(misses) <= 2, misses


def test_a_request_for_a_person_after_anger_is_not_positive(
    detector: OnnxEmotionDetector,
) -> None:
    reading = detector.detect_batch(["Get me a human being on this chat right now."])[0]
    assert reading.category in {"negative", "neutral"}
    assert reading.valence <= 0
    assert strategy_select(reading=reading) != "celebrate"


def test_requests_are_answered_first_never_celebrated(detector: OnnxEmotionDetector) -> None:
    for text in (
        "could you please update my delivery address to the new flat?",
        "can I get a copy of last month's invoice?",
    ):
        reading = detector.detect_batch([text])[0]
        assert reading.request is True, text
        assert strategy_select(reading=reading) == "inform", text


@pytest.mark.parametrize(
    ("milder", "stronger"),
    [
        ("the update is a bit slow", "the update wiped all my work from today, I'm devastated"),
        ("my refund is slightly late", "MY REFUND IS THREE WEEKS LATE AND RENT IS DUE!!!"),
        (
            "I'm a little worried about the charge",
            "I'm terrified, I was charged twice and I'm broke",
        ),
    ],
)
def test_intensity_follows_the_wording(
    detector: OnnxEmotionDetector, milder: str, stronger: str
) -> None:
    mild, strong = detector.detect_batch([milder, stronger])
    assert mild.intensity < strong.intensity


@pytest.mark.parametrize(
    ("text", "language", "category"),
    [
        ("estoy harto, es la tercera vez que el pedido llega tarde", "es", "negative"),
        ("j'ai peur que ma carte ait été piratée", "fr", "anxious"),
        ("vielen Dank, das Paket ist heil angekommen", "de", "positive"),
        ("gostaria de mudar o endereço de entrega", "pt", "neutral"),
    ],
)
def test_other_languages_are_read(
    detector: OnnxEmotionDetector, text: str, language: str, category: str
) -> None:
    reading = detector.detect_batch([text])[0]
    assert (reading.language, reading.category) == (language, category)


def test_an_unsupported_language_is_neutral_with_low_confidence(
    detector: OnnxEmotionDetector,
) -> None:
    reading = detector.detect_batch(["jestem bardzo zły, paczka znowu nie dotarła"])[0]
    assert reading.language == "pl"
    assert reading.category == "neutral"
    assert reading.confidence <= 0.2
    assert strategy_select(reading=reading) == "inform"


def test_writing_signals_see_hedges_and_strength_in_several_languages() -> None:
    hedge, _, strong, _, _, _, _, _ = writing_signals("un peu décevant")
    assert hedge == 1.0
    assert strong == 0.0
    _, _, strong, consequence, caps, bangs, _, _ = writing_signals(
        "INACEPTABLE, he perdido mi vuelo!!!"
    )
    assert (strong, consequence) == (pytest.approx(1 / 3), 1.0)
    assert caps > 0
    assert bangs == 0.75
