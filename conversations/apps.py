"""App configuration: registers the CSAT refresher for /metrics."""

from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "conversations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from conversations.satisfaction.metrics import user_satisfaction_refresh
        from core.metrics import metrics_refresher_register

        metrics_refresher_register(user_satisfaction_refresh)
