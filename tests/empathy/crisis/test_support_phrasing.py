"""Everyday support frustration is not a crisis; risk said in a support chat still is.

The phrases are written apart from the generated training negatives (training/
crisis_data.py) and the curated corpus (different wording, different objects), so that they
check generalisation rather than recall of training lines.
"""

from __future__ import annotations

import pytest

from empathy.crisis import assess_crisis
from training.crisis_data import support_negatives

SUPPORT_FRUSTRATION = (
    "I am tired of waiting",
    "I am still waiting for my parcel",
    "I have been waiting for two weeks",
    "I am waiting for my package",
    "My delivery still hasn't turned up after 12 days.",
    "Honestly I'm exhausted by your returns process.",
    "Fourth email this week, can someone PLEASE respond to me",
    "I rang the helpline six times today and not one person picked up",
    "I'm worn out from resubmitting the same form over and over",
    "I've given up hoping the coupon code will ever work",
    "I really can't stand this booking website any longer",
    "Your delivery firm is destroying my little bakery's reputation",
    "I'm desperate to find out when the headphones get dispatched",
    "Cancel my gym membership, I've had it with the billing",
    "WHY HAS NOBODY REFUNDED ME YET",
    "I AM SO ANGRY, MY TV ARRIVED SMASHED",
    "I've complained about the noisy fridge again and again and got nowhere",
    "I'm just done. Close my account and delete my card details.",
    "I can't keep doing this, every month the bill is wrong",
    "Nobody in your team ever reads what I write",
    "It's been a month and I still have no idea where my shoes are",
    "I'm fed up, the app logs me out every five minutes",
    "Sick to death of the spinning wheel on your login page",
    "My patience has run out with this flight rebooking",
    "Still no word about my lost luggage, I'm at my wits' end",
    "I'm over it, just send me a prepaid return label",
    "This bug is the death of my spreadsheet workflow",
    "I can't face another hour on hold with your bank",
    "I've been waiting since 8am for the plumber you booked for me",
    "I'm tired, it's late, and the checkout still rejects my card",
)

SUPPORT_CONTEXT_RISK = (
    "I'm tired of waiting, I just want to die",
    "nobody answers and honestly I don't want to be alive anymore",
    "I lost my job, my order never came, and I keep thinking about killing myself",
    "the refund doesn't matter now, I'm going to end my life tonight",
    "I've given up on everything, not just your app. I don't see a reason to live",
)


@pytest.mark.parametrize("text", SUPPORT_FRUSTRATION)
def test_support_frustration_is_not_flagged(text: str) -> None:
    assert assess_crisis(text).level == "none"


@pytest.mark.parametrize("text", SUPPORT_CONTEXT_RISK)
def test_risk_in_a_support_chat_is_still_flagged(text: str) -> None:
    assert assess_crisis(text).level in {"concern", "crisis"}


def test_test_phrases_are_not_training_templates() -> None:
    import random

    generated = {t.casefold() for t in support_negatives(random.Random(0))}
    overlap = [t for t in SUPPORT_FRUSTRATION if t.casefold() in generated]
    # The four phrases from the bug report are deliberately plain; the rest must be unseen.
    assert overlap == [] or set(overlap) <= set(SUPPORT_FRUSTRATION[:4])
