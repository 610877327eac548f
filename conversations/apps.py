"""App configuration: registers the CSAT refresher and the emotion label sets for /metrics."""

from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "conversations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from typing import get_args

        from conversations.models import CrisisLevel
        from conversations.satisfaction.metrics import user_satisfaction_refresh
        from core.metrics import closed_labels_register, metrics_refresher_register
        from empathy.replies import STRATEGIES
        from empathy.taxonomy import LABELS, Category

        metrics_refresher_register(user_satisfaction_refresh)
        closed_labels_register(
            emotion_type=LABELS,
            emotion_category=get_args(Category),
            response_strategy=STRATEGIES,
            crisis_level=CrisisLevel.values,
        )
