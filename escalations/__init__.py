"""Escalation queue, urgency, suggested approach, routing to agents and supervisor admin."""
