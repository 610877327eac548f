"""The shipped detector: readings, intensity, malformed input, integrity checks."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from empathy.detection.onnx import ModelIntegrityError, OnnxEmotionDetector, manifest_verify
from empathy.taxonomy import CATEGORY, LABELS

MODEL_DIR = Path(__file__).resolve().parents[3] / "empathy" / "models" / "goemotions"


@pytest.fixture(scope="module")
def detector() -> OnnxEmotionDetector:
    return OnnxEmotionDetector(MODEL_DIR)


def test_reading_has_every_field_in_range(detector: OnnxEmotionDetector) -> None:
    (reading,) = detector.detect_batch(["Thank you so much, you saved my day!"])
    assert reading.emotion == "gratitude"
    assert reading.category == "positive"
    assert reading.labels[0] == "gratitude"
    assert list(reading.scores) == list(LABELS)
    assert all(0.0 <= p <= 1.0 for p in reading.scores.values())
    assert 0.0 <= reading.intensity <= 1.0
    assert 0.0 < reading.valence <= 1.0
    assert 0.0 <= reading.arousal <= 1.0
    # Confidence is the support reader's in the category it emits.
    assert 0.5 < reading.confidence <= 1.0
    assert reading.model == "goemotions-minilm-tfidf@2026.11.26"
    assert reading.truncated is False


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("This is unacceptable, I am so angry at your company", "negative"),
        ("I'm really worried my payment went through twice, what do I do?", "anxious"),
        ("I love it, this is wonderful news!", "positive"),
        ("What time does the store open on Saturday?", "neutral"),
    ],
    ids=["angry", "worried", "delighted", "question"],
)
def test_category_follows_the_feeling(
    detector: OnnxEmotionDetector, text: str, category: str
) -> None:
    (reading,) = detector.detect_batch([text])
    assert reading.category == category
    assert CATEGORY[reading.emotion] == category


@pytest.mark.parametrize(
    ("milder", "stronger"),
    [
        ("I'm a bit annoyed", "absolutely FURIOUS!!!"),
        (
            "I'm slightly disappointed with the delivery",
            "I am EXTREMELY disappointed with the delivery!!!",
        ),
        ("that's a little sad", "this is so incredibly sad, I'm devastated"),
        ("I'm kind of worried about my account", "I'm REALLY scared, my account is gone!!"),
        ("thanks", "THANK YOU SO MUCH!!! you are amazing"),
    ],
    ids=["anger", "disappointment", "sadness", "fear", "gratitude"],
)
def test_intensity_rises_with_strength(
    detector: OnnxEmotionDetector, milder: str, stronger: str
) -> None:
    mild, strong = detector.detect_batch([milder, stronger])
    assert mild.intensity < strong.intensity
    assert mild.category == strong.category


def test_arousal_higher_for_fury_than_calm_sadness(detector: OnnxEmotionDetector) -> None:
    furious, sad = detector.detect_batch(["I'm FURIOUS!!! fix it NOW", "I feel a bit sad today"])
    assert furious.arousal > sad.arousal
    assert furious.valence < 0
    assert sad.valence < 0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \t  ",
        "😡😡😡",
        "Je suis très en colère contre votre service",
        "这个服务太糟糕了",
        "\u202eevil rtl override",
        "null\x00byte",
        "a" * 100_000,
    ],
    ids=["empty", "whitespace", "emoji", "french", "chinese", "rtl", "nul", "100kB"],
)
def test_malformed_input_still_gives_a_valid_reading(
    detector: OnnxEmotionDetector, text: str
) -> None:
    (reading,) = detector.detect_batch([text])
    assert reading.emotion in LABELS
    assert 0.0 <= reading.intensity <= 1.0
    assert reading.truncated is (len(text) >= 2000)


def test_long_message_is_truncated_and_says_so(detector: OnnxEmotionDetector) -> None:
    (reading,) = detector.detect_batch(["I am so angry. " * 3000])
    assert reading.truncated is True
    assert reading.category == "negative"


def test_batch_keeps_input_order(detector: OnnxEmotionDetector) -> None:
    texts = ["thank you so much!", "I hate this, it's broken again", "what is my order status?"]
    batch = detector.detect_batch(texts)
    singles = [detector.detect_batch([t])[0] for t in texts]
    assert [r.emotion for r in batch] == [r.emotion for r in singles]


def test_empty_batch(detector: OnnxEmotionDetector) -> None:
    assert detector.detect_batch([]) == []


def test_detection_is_thread_safe(detector: OnnxEmotionDetector) -> None:
    texts = ["thanks a lot!", "this is terrible", "how do I log in?", "I'm scared"] * 8
    expected = [r.emotion for r in detector.detect_batch(texts[:4])]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda t: detector.detect_batch([t])[0].emotion, texts))
    assert results == expected * 8


def test_trigger_terms_come_from_the_text(detector: OnnxEmotionDetector) -> None:
    text = "the delivery is late again and I am furious"
    terms = detector._tfidf.top_terms(text, LABELS.index("anger"))
    assert "furious" in terms
    assert 1 <= len(terms) <= 5
    assert all(f" {term} " in f" {text.lower()} " for term in terms)


def test_trigger_words_skip_function_words(detector: OnnxEmotionDetector) -> None:
    words = detector.trigger_words("this is me and now I am so angry with this", "anger")
    assert words[0] == "angry"
    assert not {"me", "now", "this is", "this", "is", "i am"} & set(words)


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(MODEL_DIR, target)
    return target


def test_tampered_model_file_fails_with_a_clear_error(model_copy: Path) -> None:
    with (model_copy / "tfidf.npz").open("ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(ModelIntegrityError, match=r"tfidf\.npz failed its checksum"):
        OnnxEmotionDetector(model_copy)


def test_missing_model_file_fails_with_a_clear_error(model_copy: Path) -> None:
    (model_copy / "encoder.int8.onnx").unlink()
    with pytest.raises(
        ModelIntegrityError, match=r"emotion model file missing: .*encoder\.int8\.onnx"
    ):
        manifest_verify(model_copy)


def test_missing_manifest_fails_with_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelIntegrityError, match="emotion model manifest not found"):
        OnnxEmotionDetector(tmp_path)


def test_shipped_model_is_small_and_portable() -> None:
    files = [p for p in MODEL_DIR.iterdir() if p.is_file()]
    assert sum(p.stat().st_size for p in files) <= 50 * 1024 * 1024
    assert {p.suffix for p in files} <= {".onnx", ".json", ".npz"}


def test_thread_count_reaches_onnx_runtime_and_keeps_the_scores(
    detector: OnnxEmotionDetector,
) -> None:
    single = OnnxEmotionDetector(MODEL_DIR, threads=1)
    options = single._encoder._session.get_session_options()
    assert options.intra_op_num_threads == 1
    text = "I'm worried my card was charged twice."
    (one,) = single.detect_batch([text])
    (default,) = detector.detect_batch([text])
    assert one.emotion == default.emotion
    assert one.scores == pytest.approx(default.scores, abs=1e-4)


def test_settings_choose_the_thread_count(settings) -> None:  # type: ignore[no-untyped-def]
    from empathy.detection import onnx

    settings.EMOTION_MODEL_DIR = str(MODEL_DIR)
    settings.EMOTION_ONNX_THREADS = 1
    built = onnx._onnx_factory()
    assert built._encoder._session.get_session_options().intra_op_num_threads == 1
