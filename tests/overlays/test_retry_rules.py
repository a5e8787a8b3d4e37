"""One set of transient/replay rules and one backoff formula: the transport's, used by the
workflows too (issue 19)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import httpx
import pytest
from contactimport.errors import APIStatusError, ErrorDetails
from contactimport.transport import RetryPolicy, RetryTransport
from contactimport.transport.retry import (
    CONFLICT_STATUSES,
    TRANSIENT_STATUSES,
    backoff_delay,
    rejected_before_processing,
)
from contactimport.workflows import RetrySettings, is_transient
from contactimport.workflows.retrying import is_conflict

ROOT = Path(__file__).resolve().parents[2]


def _error(status: int, retry_after: str | None = None) -> APIStatusError:
    headers = {} if retry_after is None else {"retry-after": retry_after}
    return APIStatusError(
        status_code=status, method="GET", url="https://x/", details=ErrorDetails(), headers=headers
    )


def _retried_by_the_transport(status: int) -> bool:
    answers = iter([httpx.Response(status), httpx.Response(200)])
    transport = RetryTransport(
        httpx.MockTransport(lambda request: next(answers)),
        policy=RetryPolicy(max_retries=1),
        sleep=lambda seconds: None,
    )
    with httpx.Client(transport=transport) as client:
        return client.get("https://api.example/x").status_code == 200


@pytest.mark.parametrize("status", [400, 404, 408, 409, 422, 425, 429, 500, 501, 502, 503, 504])
def test_the_workflows_and_the_transport_call_the_same_answers_transient(status: int) -> None:
    assert is_transient(_error(status)) is (status in TRANSIENT_STATUSES)
    assert _retried_by_the_transport(status) is (status in TRANSIENT_STATUSES)


def test_a_conflict_is_never_resent_and_the_workflow_reads_it_as_one() -> None:
    assert {409} == CONFLICT_STATUSES
    assert is_conflict(_error(409)) and not is_conflict(_error(503))
    assert not _retried_by_the_transport(409)


def test_only_429_and_503_with_retry_after_were_rejected_before_processing() -> None:
    assert rejected_before_processing(429, 1.0) and rejected_before_processing(503, 0.0)
    assert not rejected_before_processing(503, None)
    assert not rejected_before_processing(502, 1.0)


@pytest.mark.parametrize("attempt", [1, 2, 3, 5, 9])
def test_the_workflow_waits_by_the_transports_backoff_formula(attempt: int) -> None:
    random.seed(attempt)
    workflow = RetrySettings().delay(attempt)
    transport = RetryPolicy().backoff(attempt - 1, random.Random(attempt))
    assert workflow == transport
    assert backoff_delay(attempt - 1, 0.5, 8.0, jitter=0.0) == min(8.0, 0.5 * 2 ** (attempt - 1))


def test_the_docs_state_the_worst_case_number_of_sends_per_call() -> None:
    sends = (RetryPolicy().max_retries + 1) * RetrySettings().max_attempts
    text = (ROOT / "docs" / "retries.md").read_text(encoding="utf-8")
    assert sends == 24
    assert re.search(rf"\b{sends} sends\b", text)
