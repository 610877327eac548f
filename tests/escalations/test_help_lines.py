"""The help notice: the visitor's country lines for who is in danger, in the visitor's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings

from escalations import help_lines

ROOT = Path(__file__).resolve().parents[2]


def _notice(locale: str, language: str, topics: tuple[str, ...] = ("self",)) -> str:
    return help_lines.help_notice_text(
        resources=settings.CRISIS_RESOURCES, locale=locale, language=language, topics=topics
    )


@pytest.mark.parametrize(
    ("locale", "language", "expected"),
    [
        ("en-US", "en", ["call 911", "988 Suicide & Crisis Lifeline: call 988"]),
        ("es-ES", "es", ["llama al 112", "llama al 024"]),
        ("es-MX", "es", ["llama al 911", "llama al 800 911 2000"]),
        ("fr-FR", "fr", ["appelez le 112", "appelez le 3114"]),
        ("de-DE", "de", ["ruf die 112 an", "Telefon 0800 111 0 111"]),
        ("pt-BR", "pt", ["ligue para o 190", "ligue 188"]),
        ("it-IT", "it", ["chiama il 112", "chiama il 02 2327 2327"]),
        ("en-GB", "en", ["call 999", "Samaritans: call 116 123"]),
    ],
)
def test_suicide_lines_for_the_country_in_the_language(
    locale: str, language: str, expected: list[str]
) -> None:
    text = _notice(locale, language)
    for fragment in expected:
        assert fragment in text
    assert text.splitlines()[0] == help_lines._TEXT[language]["intro_self"]


def test_danger_from_others_gets_abuse_lines_not_suicide_lines() -> None:
    text = _notice("en-US", "en", topics=("others",))
    assert "National Domestic Violence Hotline: call 1-800-799-7233" in text
    assert "988" not in text
    assert text.splitlines()[0] == help_lines._TEXT["en"]["intro_others"]


def test_a_child_in_danger_gets_child_protection_lines() -> None:
    text = _notice("fr-FR", "fr", topics=("others", "child"))
    assert "3919 Violences Femmes Info : appelez le 3919" in text
    assert "119 \u2013 Allô Enfance en Danger : appelez le 119" in text
    assert "3114" not in text


def test_a_country_without_a_kind_of_line_falls_back_to_the_directory() -> None:
    # Canada has no national domestic-violence line in the researched list.
    text = _notice("en-CA", "en", topics=("others",))
    assert "call 911" in text
    assert "findahelpline.com" in text


def test_unknown_country_names_the_emergency_numbers_and_the_directory() -> None:
    text = _notice("es", "es")
    assert "112 en Europa, 911 en América del Norte" in text
    assert "findahelpline.com" in text


def test_language_comes_from_the_message_then_the_locale() -> None:
    assert help_lines.notice_language(message_language="de", locale="en-US") == "de"
    assert help_lines.notice_language(message_language="pl", locale="it-IT") == "it"
    assert help_lines.notice_language(message_language="und", locale="") == "en"


def test_every_country_entry_has_the_shape_the_notice_reads() -> None:
    data = json.loads((ROOT / "config" / "help_resources.json").read_text(encoding="utf-8"))
    assert len(data["countries"]) == 18
    for country, entry in data["countries"].items():
        assert entry["emergency"], country
        for kind in ("crisis", "abuse", "child"):
            for service in entry[kind]:
                assert service["name"], country
                assert service["source"].startswith("http"), country
                assert service["phone"] or service["sms"] or service["chat"], country


def test_resources_file_setting_replaces_the_shipped_lines(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "lines.json"
    path.write_text(json.dumps({"countries": {"NZ": {"emergency": "111"}}, "default": {}}))
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(sorted(settings.CRISIS_RESOURCES['countries']))"
    )
    env = {"CRISIS_RESOURCES_FILE": str(path), "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.stdout.strip() == "['NZ']", done.stderr
    path.write_text(json.dumps({"NZ": ["Call 1737."]}))
    broken = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert broken.returncode != 0
    assert "CRISIS_RESOURCES_FILE must hold" in broken.stderr
