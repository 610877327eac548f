"""A widget visitor for the fresh-clone smoke check: create, open the socket, send, await the reply.

Runs on the venv that `make run` built (requirements.txt only): httpx and websockets are there
because the product itself needs them.
"""

from __future__ import annotations

import json
import sys
import time
import uuid

import httpx
from websockets.sync.client import connect

TIMEOUT = 30.0


def main(base_url: str) -> int:
    ws_url = base_url.replace("http://", "ws://", 1)
    with httpx.Client(base_url=base_url, timeout=10) as http:
        created = http.post("/api/v1/widget/conversations", json={"site_key": "demo"})
        if created.status_code != 201:
            print(f"create conversation: {created.status_code} {created.text}")
            return 1
        conversation_id, token = created.json()["id"], created.json()["token"]
        path = f"/ws/widget/conversations/{conversation_id}/"
        with connect(ws_url + path, origin=base_url) as ws:  # type: ignore[arg-type]
            ws.send(json.dumps({"type": "auth", "token": token, "after": 0}))
            sent = http.post(
                f"/api/v1/widget/conversations/{conversation_id}/messages",
                headers={"Authorization": f"Bearer {token}"},
                json={"client_message_id": str(uuid.uuid4()), "text": "Hi, where is my order?"},
            )
            if sent.status_code != 201:
                print(f"send message: {sent.status_code} {sent.text}")
                return 1
            message_id = sent.json()["id"]
            deadline = time.monotonic() + TIMEOUT
            while (remaining := deadline - time.monotonic()) > 0:
                event = json.loads(ws.recv(timeout=remaining))
                message = event.get("message") or {}
                if message.get("reply_to") == message_id and message.get("sender") == "bot":
                    if not message.get("text"):
                        print("the bot reply is empty")
                        return 1
                    print(f"smoke: bot replied over the websocket (seq {event['seq']})")
                    return 0
    print(f"no bot reply over the websocket within {TIMEOUT:.0f} s")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
