"""Emotion engine: detection, crisis assessment, reply strategy and generation providers."""
