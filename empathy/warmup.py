"""Load the models when a process starts, so the first visitor after a deploy does not wait."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def models_warm_up(*, emotion: bool) -> None:
    """Load and run once the crisis model and, for workers, the emotion detector.

    A missing or tampered emotion model raises here (ModelIntegrityError), at start-up, rather
    than in the first task. The crisis check never raises: it fails closed on its own.
    """
    from empathy.crisis import assess_crisis

    assess_crisis("warm up")
    if emotion:
        from empathy.detection import get_detector

        get_detector().detect_batch(["warm up"])
    logger.info("models warmed up", extra={"emotion": emotion})
