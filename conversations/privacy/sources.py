"""Personal data other apps keep about a conversation, reached through one small interface.

Privacy (summary, export, erasure, retention, consent withdrawal) must cover every row that
quotes or describes a visitor, but this app sits below the ones that keep such rows
(escalations). Those apps register a source here in their `AppConfig.ready`; privacy calls
the sources and never imports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from django.db import models


@dataclass(frozen=True)
class RetentionCutoffs:
    """Rows older than these go (None: kept); crisis transcripts have their own TTL."""

    text: datetime | None
    crisis_text: datetime | None
    reading: datetime | None
    batch_size: int


class PersonalDataSource(Protocol):
    # Key of this source's part in the summary, the export and the erasure counts.
    name: str

    def handled_models(self) -> frozenset[type[models.Model]]:
        """Models this source handles, so the generic erasure leaves them alone."""
        ...

    def count(self, conversation_ids: Sequence[UUID]) -> int: ...

    def export(self, conversation_ids: Sequence[UUID]) -> list[dict[str, Any]]: ...

    def emotional_data_delete(self, conversation_ids: Sequence[UUID]) -> None:
        """The visitor withdrew consent: what describes how they felt goes."""
        ...

    def erase(self, conversation_ids: Sequence[UUID], now: datetime) -> int:
        """Erase what is personal, keep anonymous facts; returns the rows touched."""
        ...

    def retention_purge(self, cutoffs: RetentionCutoffs) -> int: ...


_SOURCES: dict[str, PersonalDataSource] = {}


def personal_data_source_register(source: PersonalDataSource) -> PersonalDataSource:
    """Add (or replace, by name) a source; safe to call again on app reload."""
    _SOURCES[source.name] = source
    return source


def personal_data_sources() -> list[PersonalDataSource]:
    return list(_SOURCES.values())
