"""End users, conversations, messages, the message pipeline and the widget API."""
