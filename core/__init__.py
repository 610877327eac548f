"""Platform code every app may use: errors, metrics plumbing, logging, health, limits.

Importing `core` starts nothing (no Celery app, no signal handlers): `config` is the
composition root that wires these pieces together.
"""
