"""The message path's tests use the conversation app's factories and fixtures."""

from tests.conversations.conftest import (  # noqa: F401
    _in_memory_channel_layer,
    _isolated_cache,
    api,
    authed,
    conversation,
    detector,
    site,
)
