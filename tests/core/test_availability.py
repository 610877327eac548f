"""Which failures are outages (503 + Retry-After) and which stay bugs (500), on real errors
raised by the real PostgreSQL and Redis clients, through every entry point."""

from __future__ import annotations

import pytest
import redis
from django.db import DatabaseError, connection
from django.db.utils import OperationalError
from django.test import Client
from prometheus_client import REGISTRY
from rest_framework.test import APIRequestFactory

from core import availability
from core.api import api_exception_handler
from tests.fault_services import free_port


def _unavailable_count(reason: str) -> float:
    return REGISTRY.get_sample_value("http_unavailable_total", {"reason": reason}) or 0.0


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_write_in_a_read_only_transaction_is_database_read_only() -> None:
    import psycopg

    params = connection.get_connection_params()
    with psycopg.connect(**params) as raw:
        raw.read_only = True
        with pytest.raises(psycopg.Error) as caught:
            raw.execute("INSERT INTO core_heartbeat (name, beat_at) VALUES ('t', now())")
    wrapped = DatabaseError("wrapped")
    wrapped.__cause__ = caught.value  # as Django's wrap_database_errors leaves it
    assert availability.unavailability_reason(wrapped) == "database_read_only"


def test_a_refused_connection_is_database() -> None:
    import psycopg

    port = free_port()
    with pytest.raises(psycopg.OperationalError) as caught:
        psycopg.connect(f"postgres://postgres@127.0.0.1:{port}/x", connect_timeout=2)
    wrapped = OperationalError("wrapped")
    wrapped.__cause__ = caught.value  # as Django's wrap_database_errors leaves it
    assert availability.unavailability_reason(wrapped) == "database"


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_bad_statement_stays_a_bug() -> None:
    with pytest.raises(DatabaseError) as caught, connection.cursor() as cursor:
        cursor.execute("SELECT no_such_column FROM core_heartbeat")
    assert availability.unavailability_reason(caught.value) is None


def test_an_unreachable_redis_is_redis() -> None:
    client = redis.Redis(port=free_port(), socket_connect_timeout=1)
    with pytest.raises(redis.exceptions.ConnectionError) as caught:
        client.ping()
    assert availability.unavailability_reason(caught.value) == "redis"
    assert availability.unavailability_reason(ValueError("bug")) is None


def test_the_api_handler_answers_503_with_retry_after_and_counts_it() -> None:
    before = _unavailable_count("database")
    request = APIRequestFactory().get("/api/v1/widget/config")
    try:
        raise OperationalError("connection refused")
    except OperationalError as exc:
        response = api_exception_handler(exc, {"request": request})
    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    assert response.data == {
        "error": "unavailable",
        "message": "Temporarily unavailable; please retry in 2 seconds.",
        "reason": "database",
        "retry_after": 2,
    }
    assert _unavailable_count("database") == before + 1


def test_an_ordinary_error_in_the_api_is_still_a_500() -> None:
    response = api_exception_handler(ValueError("bug"), {})
    assert response.status_code == 500
    assert response.data["error"] == "server_error"


def test_refused_writes_are_remembered_for_readiness() -> None:
    availability.database_write_failures_clear()
    assert availability.database_write_failure_recent(window=30) is None
    availability.unavailable_record("database_disk_full")
    assert availability.database_write_failure_recent(window=30) == "database_disk_full"
    availability.database_write_failures_clear()


@pytest.mark.urls("tests.core.availability_urls")
def test_plain_views_and_middleware_failures_answer_503(settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    response = client.get("/outage")
    assert response.status_code == 503
    assert response.json()["error"] == "unavailable"
    assert response["Retry-After"] == "2"
    bug = client.get("/bug")
    assert bug.status_code == 500
