"""config.settings with the knowledge app installed, until config/settings.py lists it."""

from config.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "knowledge"]  # noqa: F405
