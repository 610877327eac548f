"""App configuration."""

from django.apps import AppConfig


class EscalationsConfig(AppConfig):
    name = "escalations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.metrics import metrics_refresher_register
        from escalations import services

        metrics_refresher_register(services.metrics_queue_refresh)
