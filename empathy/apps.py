"""App configuration."""

from django.apps import AppConfig


class EmpathyConfig(AppConfig):
    name = "empathy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from empathy.conf import connect_reload

        connect_reload()
