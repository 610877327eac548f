"""Satisfaction ratings (CSAT) of resolved conversations: offer, record, summarise."""
