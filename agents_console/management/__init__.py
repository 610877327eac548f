"""Management commands of the agent console."""
