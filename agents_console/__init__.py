"""The agent console: dashboard views and the agent websocket."""
