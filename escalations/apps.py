"""App configuration."""

from django.apps import AppConfig


class EscalationsConfig(AppConfig):
    name = "escalations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from conversations.privacy.sources import personal_data_source_register
        from core.metrics import closed_labels_register, metrics_refresher_register
        from escalations import services, signals
        from escalations.models import Escalation
        from escalations.privacy import EscalationPersonalData, FollowUpPersonalData

        metrics_refresher_register(services.metrics_queue_refresh)
        closed_labels_register(
            escalation_reason=Escalation.Reason.values, urgency=Escalation.Urgency.values
        )
        personal_data_source_register(EscalationPersonalData())
        personal_data_source_register(FollowUpPersonalData())
        signals.connect()
