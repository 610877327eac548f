"""Management commands of the emotion engine."""
