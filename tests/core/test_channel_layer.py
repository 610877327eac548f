"""The Redis channel layer survives idle waits longer than its blocking pop."""

from __future__ import annotations

import asyncio

import pytest
from channels.layers import get_channel_layer
from django.conf import settings


@pytest.mark.redis
async def test_an_idle_receive_outlasts_the_blocking_pop_and_still_gets_the_message() -> None:
    layer = get_channel_layer()
    channel = await layer.new_channel()

    async def send_late() -> None:
        await asyncio.sleep(layer.brpop_timeout + 1.5)  # two blocking pops, no traffic
        await layer.send(channel, {"type": "late.hello"})

    sender = asyncio.create_task(send_late())
    message = await asyncio.wait_for(layer.receive(channel), timeout=layer.brpop_timeout + 10)
    await sender
    assert message == {"type": "late.hello"}


@pytest.mark.redis
def test_read_timeout_is_longer_than_the_blocking_pop() -> None:
    (host,) = settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"]
    assert host["socket_timeout"] > get_channel_layer().brpop_timeout
