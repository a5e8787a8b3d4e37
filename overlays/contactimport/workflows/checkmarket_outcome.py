"""What a CheckMarket bulk import ends with: the counts per ResultCode (with each code's meaning
and outcome, read from the spec's ``x-result-codes``), the chunks held back in doubt, and the
progress reported on the way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from .. import _spec
from ..generated.checkmarket_client.models import ImportQueueItem

__all__ = [
    "BulkImportOutcome",
    "BulkImportProgress",
    "HeldBackChunk",
    "ResultCodeCount",
    "result_code_meanings",
    "result_code_outcomes",
]

API: Final = "checkmarket"


def result_code_meanings(document: Mapping[str, Any] | None = None) -> dict[str, str]:
    """``{code: meaning}`` from the spec's ``x-result-codes`` (R0300 → "Successfully updated")."""
    schema = _spec.document(API, document)["components"]["schemas"]["ResultCode"]
    return {str(item["code"]): str(item["meaning"]) for item in schema["x-result-codes"]}


def result_code_outcomes(document: Mapping[str, Any] | None = None) -> dict[str, str]:
    """``{code: outcome}`` from the spec's ``x-result-codes``: imported, rejected or warning."""
    schema = _spec.document(API, document)["components"]["schemas"]["ResultCode"]
    return {str(item["code"]): str(item["outcome"]) for item in schema["x-result-codes"]}


@dataclass(frozen=True)
class ResultCodeCount:
    """How many contacts got one ResultCode, and what the code means (from the spec)."""

    code: str
    meaning: str
    count: int
    outcome: str = "rejected"
    """From the spec: ``imported``, ``rejected`` or ``warning`` (unknown codes: ``rejected``)."""

    @property
    def imported(self) -> bool:
        """Whether the code says the contact was created or updated."""
        return self.outcome == "imported"

    @property
    def warning(self) -> bool:
        """Whether the code only accompanies another code of the same contact (e.g. R0318)."""
        return self.outcome == "warning"


@dataclass(frozen=True)
class HeldBackChunk:
    """A chunk in doubt that was not sent again: it may or may not have been queued."""

    first: int
    """The position (1-based) of its first contact among the contacts given."""
    rows: tuple[Mapping[str, Any], ...] = field(repr=False)
    """Its contacts as they were given (e.g. the CSV rows), to check or send them later."""

    @property
    def count(self) -> int:
        """How many contacts the chunk holds."""
        return len(self.rows)

    @property
    def last(self) -> int:
        """The number of the chunk's last row (`first` + `count` - 1)."""
        return self.first + self.count - 1


@dataclass(frozen=True)
class BulkImportOutcome:
    """The result of a whole bulk import: the queue items and the counts per ResultCode."""

    import_config_id: int
    queue_item_ids: tuple[int, ...]
    status: str
    """The spec's meaning of the final ``StatusId``: a failed queue item's if one failed."""
    results: tuple[ResultCodeCount, ...]
    queue_items: tuple[ImportQueueItem, ...] = field(repr=False, compare=False)
    """The queue items as the client returned them once final, in the order sent."""
    failed: bool = False
    """Whether a queue item ended in a ``StatusId`` whose outcome the spec says is failed."""
    held_back: tuple[HeldBackChunk, ...] = field(default=(), repr=False)
    """Chunks in doubt that were not sent again (a repeat could store contacts twice)."""

    @property
    def in_doubt(self) -> int:
        """Contacts held back: they may or may not have been imported (not in ``total``)."""
        return sum(chunk.count for chunk in self.held_back)

    @property
    def total(self) -> int:
        """Contacts sent: every code's count except warnings, which accompany another code."""
        return sum(row.count for row in self.results if not row.warning)

    @property
    def imported(self) -> int:
        """Contacts imported (created or updated)."""
        return sum(row.count for row in self.results if row.imported)

    @property
    def not_imported(self) -> int:
        """Contacts not imported: the total less those imported."""
        return self.total - self.imported

    def as_json(self) -> dict[str, Any]:
        """The outcome as JSON-ready data (the shape of the CLI's `--json`)."""
        return {
            "ImportConfigId": self.import_config_id,
            "QueueItemIds": list(self.queue_item_ids),
            "Status": self.status,
            "Results": [
                {"ResultCode": r.code, "Meaning": r.meaning, "ContactCount": r.count}
                for r in self.results
            ],
            "Total": self.total,
            "Imported": self.imported,
            "InDoubt": self.in_doubt,
            "InDoubtRanges": [[chunk.first, chunk.last] for chunk in self.held_back],
        }


@dataclass(frozen=True)
class BulkImportProgress:
    """What the progress callback receives."""

    phase: str
    """``Configuring``, ``Uploading``, ``Processing``, then the outcome's ``status`` (the spec's
    meaning of the final ``StatusId``: ``Completed`` or ``Failed`` in the spec)."""
    uploaded_contacts: int
    queue_items: int
    completed_queue_items: int
    sent: bool = False
    """Whether every chunk was sent: the queue items are being processed, or are final."""
