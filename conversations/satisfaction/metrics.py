"""The CSAT refresher behind user_satisfaction_by_emotion (registered in the app's ready)."""

from __future__ import annotations

from core import metrics


def user_satisfaction_refresh() -> None:
    """Average score per label cell over the rolling window; cells gone from it are dropped."""
    from conversations.satisfaction.selectors import satisfaction_averages

    cells = satisfaction_averages()
    metrics.user_satisfaction_clear()
    for cell in cells:
        metrics.user_satisfaction_set(
            primary_emotion=cell["primary_emotion"],
            response_strategy=cell["response_strategy"],
            resolution_achieved=cell["resolution_achieved"],
            average=cell["average"],
        )
