"""Retries against the sandbox's fault injection over real HTTP: recovery from injected 503, 429
and dropped connections; the typed error once retries run out; no blind replay of uploads."""

from __future__ import annotations

import asyncio
import logging

import pytest
from contactimport.errors import (
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    ServerError,
)
from contactimport.transport import RetryPolicy
from contactimport.which50 import AsyncWhich50, Which50, contact

from .overlay_support import CUSTOMERS_LIST, W50_TOKEN, LiveSandbox

PATIENT = RetryPolicy(max_retries=10, initial_backoff=0.001, max_backoff=0.005, jitter=0.5)
BRIEF = RetryPolicy(max_retries=2, initial_backoff=0.001, max_backoff=0.005, jitter=0.0)
FORMATS = ["json", "xml"]


def _retries(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if r.getMessage().startswith("retrying "))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "fault",
    [
        {"error_rate": 0.5, "error_statuses": [503], "retry_after": 0},
        {"error_rate": 0.5, "error_statuses": [500]},
        {"rate_limit_rate": 0.5, "retry_after": 0},
        {"drop_rate": 0.5},
    ],
    ids=["503", "500", "429", "dropped"],
)
def test_reads_recover_from_injected_faults(
    live: LiveSandbox, caplog: pytest.LogCaptureFixture, fault: dict[str, object], fmt: str
) -> None:
    caplog.set_level(logging.WARNING, logger="contactimport")
    live.set_faults({"route": "listContactListFields", **fault})
    with Which50(W50_TOKEN, base_url=live.w50_url, retry_policy=PATIENT, wire_format=fmt) as w:
        for _ in range(12):
            fields = w.list_contact_list_fields(CUSTOMERS_LIST)
            assert fields[0].name == "Email"
    assert _retries(caplog) >= 3  # faults were injected, and retried


def test_upload_is_retried_only_when_the_server_says_it_was_not_processed(
    live: LiveSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="contactimport")
    with Which50(W50_TOKEN, base_url=live.w50_url, retry_policy=PATIENT) as w50:
        job = w50.create_import_job(CUSTOMERS_LIST, ["Email"])
        live.set_faults(
            {
                "route": "uploadImportBatch",
                "error_rate": 0.3,
                "error_statuses": [503],
                "rate_limit_rate": 0.3,
                "retry_after": 0,
            }
        )
        for batch in range(6):
            w50.upload_import_batch(
                CUSTOMERS_LIST,
                job.id,
                [contact({"Email": f"retry-{job.id}-{batch}-{n}@example.com"}) for n in range(10)],
            )
        live.clear_faults()
        assert w50.get_import_job(CUSTOMERS_LIST, job.id).total_contacts == 60  # none twice
    assert _retries(caplog) >= 2


def test_upload_is_not_replayed_after_a_dropped_connection(live: LiveSandbox) -> None:
    with Which50(W50_TOKEN, base_url=live.w50_url, retry_policy=PATIENT) as w50:
        job = w50.create_import_job(CUSTOMERS_LIST, ["Email"])
        live.set_faults({"route": "uploadImportBatch", "drop_rate": 1.0})
        with pytest.raises(APIConnectionError) as caught:
            w50.upload_import_batch(CUSTOMERS_LIST, job.id, [contact({"Email": "d@example.com"})])
        message = str(caught.value)
        assert "uploadImportBatch is not replayed automatically" in message
        assert "after" not in message.split(":")[0]  # one attempt only
        assert caught.value.method == "POST"
        live.clear_faults()
        assert w50.get_import_job(CUSTOMERS_LIST, job.id).total_contacts == 0


def test_post_is_not_retried_on_500(live: LiveSandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="contactimport")
    live.set_faults({"route": "createImportJob", "error_rate": 1.0, "error_statuses": [500]})
    with (
        Which50(W50_TOKEN, base_url=live.w50_url, retry_policy=PATIENT) as w50,
        pytest.raises(ServerError) as caught,
    ):
        w50.create_import_job(CUSTOMERS_LIST, ["Email"])
    assert caught.value.status_code == 500
    assert _retries(caplog) == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_exhausted_retries_raise_the_typed_error(
    live: LiveSandbox, caplog: pytest.LogCaptureFixture, fmt: str
) -> None:
    caplog.set_level(logging.WARNING, logger="contactimport")
    with Which50(W50_TOKEN, base_url=live.w50_url, retry_policy=BRIEF, wire_format=fmt) as w50:
        live.set_faults(
            {
                "route": "listContactLists",
                "error_rate": 1.0,
                "error_statuses": [503],
                "retry_after": 0,
            }
        )
        with pytest.raises(ServerError) as server_error:
            w50.list_contact_lists()
        assert server_error.value.status_code == 503
        assert server_error.value.retry_after == 0.0
        assert "unavailable" in (server_error.value.message or "").lower()

        live.set_faults({"route": "listContactLists", "rate_limit_rate": 1.0, "retry_after": 0})
        with pytest.raises(RateLimitError) as rate_limited:
            w50.list_contact_lists()
        assert rate_limited.value.status_code == 429

        live.set_faults({"route": "listContactLists", "drop_rate": 1.0})
        with pytest.raises(APIConnectionError) as dropped:
            w50.list_contact_lists()
        assert "after 3 attempts" in str(dropped.value)
    assert _retries(caplog) == 6  # two retries for each of the three faults


def test_timeouts_raise_api_timeout_error(live: LiveSandbox) -> None:
    live.set_faults({"route": "listContactLists", "latency_ms": 400})
    with (
        Which50(W50_TOKEN, base_url=live.w50_url, retry_policy=BRIEF, timeout=0.1) as w50,
        pytest.raises(APITimeoutError) as caught,
    ):
        w50.list_contact_lists()
    assert "after 3 attempts" in str(caught.value)
    assert isinstance(caught.value, APIConnectionError)


def test_connection_refused_is_retried_then_raised() -> None:
    policy = RetryPolicy(max_retries=2, initial_backoff=0.001, jitter=0.0)
    with (
        Which50("t", base_url="http://127.0.0.1:9/Which50API", retry_policy=policy) as w50,
        pytest.raises(APIConnectionError) as caught,
    ):
        w50.create_import_job(1, ["Email"])  # not sent at all: safe to retry even a POST
    assert "ConnectError" in str(caught.value)
    assert "after 3 attempts" in str(caught.value)
    assert "not replayed" not in str(caught.value)


def test_async_client_recovers_and_gives_up_like_the_sync_one(
    live: LiveSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="contactimport")

    async def main() -> None:
        async with AsyncWhich50(
            W50_TOKEN, base_url=live.w50_url, retry_policy=PATIENT, wire_format="xml"
        ) as w50:
            live.set_faults({"route": "listContactLists", "drop_rate": 0.5})
            for _ in range(8):
                assert len(await w50.list_contact_lists()) >= 2
            job = await w50.create_import_job(CUSTOMERS_LIST, ["Email"])
            live.set_faults({"route": "uploadImportBatch", "drop_rate": 1.0})
            with pytest.raises(APIConnectionError, match="not replayed automatically"):
                await w50.upload_import_batch(
                    CUSTOMERS_LIST, job.id, [contact({"Email": "async-drop@example.com"})]
                )

    asyncio.run(main())
    assert _retries(caplog) >= 2
