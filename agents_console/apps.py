"""App configuration."""

from django.apps import AppConfig


class AgentsConsoleConfig(AppConfig):
    name = "agents_console"
    default_auto_field = "django.db.models.BigAutoField"
