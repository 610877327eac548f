"""App configuration: registers the detection-accuracy refresher for /metrics."""

from django.apps import AppConfig


class AgentsConsoleConfig(AppConfig):
    name = "agents_console"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from agents_console.metrics import emotion_detection_accuracy_refresh
        from core.metrics import metrics_refresher_register

        metrics_refresher_register(emotion_detection_accuracy_refresh)
