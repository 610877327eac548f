"""The image installs the runtime requirements and nothing else (no Docker engine here to build it).

`.ci/docker_smoke.sh` builds and exercises the image where an engine exists; on machines without
one these checks hold the line: the image must be built from exactly what `make run` installs.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs with continuation lines joined and comments dropped."""
    text = (ROOT / "Dockerfile").read_text()
    text = re.sub(r"\\\n", " ", text)
    instructions = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
    return instructions


def test_the_only_pip_install_is_requirements_txt() -> None:
    installs = [
        args
        for keyword, args in dockerfile_instructions()
        if keyword == "RUN" and re.search(r"\bpip\b.*\binstall\b", args)
    ]
    assert installs == ["pip install --only-binary=:all: -r requirements.txt"]


def test_requirements_txt_is_copied_before_the_install_and_nothing_else_is() -> None:
    instructions = dockerfile_instructions()
    install = next(
        i for i, (keyword, args) in enumerate(instructions) if keyword == "RUN" and "pip" in args
    )
    copies_before = [args for keyword, args in instructions[:install] if keyword == "COPY"]
    assert copies_before == ["requirements.txt ."]


def test_requirements_txt_stands_alone_and_pins_every_package() -> None:
    lines = [
        line.split("#", 1)[0].strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
    ]
    entries = [line for line in lines if line]
    assert not [e for e in entries if e.startswith("-")], "no -r/-c includes in requirements.txt"
    unpinned = [e for e in entries if not re.fullmatch(r"[A-Za-z0-9_.\-]+(\[[a-z,]+\])?==\S+", e)]
    assert unpinned == []


def test_the_build_context_keeps_requirements_txt() -> None:
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert "requirements.txt" not in ignored
    assert "*.txt" not in ignored
