"""Commands: seed_console_demo."""
