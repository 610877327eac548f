"""App configuration."""

from django.apps import AppConfig


class EscalationsConfig(AppConfig):
    name = "escalations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from conversations.privacy.sources import personal_data_source_register
        from core.metrics import metrics_refresher_register
        from escalations import services, signals
        from escalations.privacy import EscalationPersonalData, FollowUpPersonalData

        metrics_refresher_register(services.metrics_queue_refresh)
        personal_data_source_register(EscalationPersonalData())
        personal_data_source_register(FollowUpPersonalData())
        signals.connect()
