"""Crisis detection engine: deterministic rules plus a calibrated classifier, failing closed."""

from empathy.crisis.assess import assess_crisis
from empathy.crisis.rules import CRISIS_RULES

__all__ = ["CRISIS_RULES", "assess_crisis"]
