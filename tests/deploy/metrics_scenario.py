"""One support story through the real entry points, in a fresh process, then a scrape.

Run as ``python -m tests.deploy.metrics_scenario DB_PATH [REDIS_URL]``: a visitor writes
(read, answered; the primary LLM is down so the chain fails over), asks for a person, an
agent claims, marks a reading, answers and resolves, the visitor rates, the readiness probe
runs; then GET /metrics.
Prints the exported sample names, one per line. A fresh process means every sample in that
scrape came from the code path it describes, never from a test calling a helper by hand.
"""

from __future__ import annotations

import os
import sys
import uuid


def main(db_path: str, redis_url: str = "") -> None:
    # With Redis (as in production) the cache, the channel layer and the broker's queue-length
    # gauge are real; tasks still run in this process, so the story needs no worker.
    os.environ["REDIS_URL"] = redis_url
    if redis_url:
        os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": "",
            "SQLITE_PATH": db_path,
            # A primary provider nobody answers on: the chain fails over to the offline one.
            "OPENAI_API_KEY": "k",
            "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
            "REPLY_TIMEOUT_SECONDS": "0.5",
            "REPLY_BUDGET_SECONDS": "1.0",
        }
    )
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.test import Client

    from conversations.models import Message, Site
    from escalations.models import AgentProfile, Escalation
    from knowledge.services import kb_demo_import

    call_command("migrate", verbosity=0)
    site = Site.objects.create(site_key="story", name="Story", locale="en")
    kb_demo_import(site=site)
    widget = Client()
    created = widget.post(
        "/api/v1/widget/conversations", {"site_key": "story"}, content_type="application/json"
    ).json()
    conversation_id, auth = created["id"], f"Bearer {created['token']}"

    def say(text: str) -> None:
        response = widget.post(
            f"/api/v1/widget/conversations/{conversation_id}/messages",
            {"client_message_id": str(uuid.uuid4()), "text": text},
            content_type="application/json",
            HTTP_AUTHORIZATION=auth,
        )
        assert response.status_code == 201, response.content

    say("My order is late again and I'm really annoyed about it.")
    say("How do I change my delivery address?")
    agent = User.objects.create_user(username="agent", password="pw-agent-1")
    agent.groups.add(Group.objects.get_or_create(name="agents")[0])
    AgentProfile.objects.create(user=agent, status="away", capacity=3)
    human = widget.post(
        f"/api/v1/widget/conversations/{conversation_id}/request-human", HTTP_AUTHORIZATION=auth
    )
    assert human.status_code == 200, human.content
    console = Client()
    console.force_login(agent)
    escalation = Escalation.objects.get(conversation_id=conversation_id)
    assert console.post(f"/api/v1/agent/escalations/{escalation.pk}/claim").status_code == 200
    reading = Message.objects.filter(conversation_id=conversation_id, sender="visitor").first()
    assert reading is not None
    marked = console.post(
        f"/console/api/messages/{reading.pk}/emotion",
        {"emotion": "annoyance"},
        content_type="application/json",
    )
    assert marked.status_code in (200, 201), marked.content
    answered = console.post(
        f"/api/v1/agent/conversations/{conversation_id}/messages",
        {"text": "I'm sorry, I've found your parcel."},
        content_type="application/json",
    )
    assert answered.status_code == 201, answered.content
    resolved = console.post(f"/api/v1/agent/conversations/{conversation_id}/resolve")
    assert resolved.status_code == 200, resolved.content
    rated = widget.post(
        f"/api/v1/widget/conversations/{conversation_id}/csat",
        {"score": 4},
        content_type="application/json",
        HTTP_AUTHORIZATION=auth,
    )
    assert rated.status_code == 201, rated.content
    widget.get("/health/ready")
    scrape = Client().get("/metrics")
    assert scrape.status_code == 200
    from prometheus_client.parser import text_string_to_metric_families

    # Sample names only: a family with no sample (declared, never fed) does not count.
    names: set[str] = set()
    for family in text_string_to_metric_families(scrape.content.decode()):
        names.update(sample.name for sample in family.samples)
    print("\n".join(sorted(names)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
