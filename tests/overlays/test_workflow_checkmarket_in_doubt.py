"""CheckMarket chunks in doubt (docs/adr/0004): a chunk whose outcome is unknown is sent again
only where the spec's ``x-repeat-harmless`` says a repeat stores nothing twice, else held back.

The fake's tests simulate a process killed after a chunk reached the server but before its
queue item was recorded (the checkpoint saved last before that is what a kill -9 leaves); the
sandbox's tests count the contacts stored, under a simulated kill and under injected faults.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, cast

import pytest
from contactimport.checkmarket import CheckMarket
from contactimport.errors import APIConnectionError, ErrorDetails, NotFoundError, ServerError
from contactimport.generated.checkmarket_client.models import BulkImportResult
from contactimport.workflows import ImportInterrupted, RetrySettings
from contactimport.workflows.checkmarket import (
    BulkImportOutcome,
    begin_bulk_import,
    repeat_is_harmless,
)

from .fake_servers import checkmarket_over
from .overlay_support import CM_KEY, CM_MASTER, FAST_RETRIES, LiveSandbox
from .test_workflow_checkmarket import SPEC, URL, FakeCheckMarket, rows, run

ALWAYS_CREATE = {"Name": "Always create", "UpdateTypeId": 2}
UPDATE_BY_EMAIL = {"Name": "Update by email", "UpdateTypeId": 1}


class Killed(BaseException):
    """Stands for the process dying: raised after the server got the chunk (a BaseException,
    so the workflow cannot handle it: the run ends there, as a killed process does)."""


class KilledAfterSend:
    """Wraps a CheckMarket client: the ``kill_at``-th bulk import reaches the server, then the
    process "dies".

    ``token`` is the checkpoint saved last before the answer came back (what a kill -9 leaves
    in the state file); the run itself is abandoned.
    """

    def __init__(self, api: CheckMarket, kill_at: int) -> None:
        self.api = api
        self.kill_at = kill_at
        self.bulks = 0
        self.checkpoints: list[str] = []
        self.token: str | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.api, name)

    def bulk_import_contacts(
        self, import_config_id: int, contacts: Sequence[Mapping[str, Any]]
    ) -> BulkImportResult:
        self.bulks += 1
        answer: BulkImportResult = self.api.bulk_import_contacts(import_config_id, contacts)
        if self.bulks == self.kill_at:
            self.token = self.checkpoints[-1]
            raise Killed("kill -9")
        return answer


def killed_token(
    api: CheckMarket | FakeCheckMarket, source: Any, kill_at: int = 2, **kwargs: Any
) -> str:
    """Run an import whose process dies after the ``kill_at``-th chunk was sent; its token
    (``api``: a client, or a fake served to one)."""
    client = api if isinstance(api, CheckMarket) else checkmarket_over(api)
    killer = KilledAfterSend(client, kill_at)
    options: dict[str, Any] = {
        "poll_interval": 0.001,
        "retry": RetrySettings(max_attempts=4, initial_backoff=0.001, max_backoff=0.002),
        "spec_document": SPEC,
        "on_checkpoint": killer.checkpoints.append,
    }
    # The wrapper stands for the client (it hands every other call to it).
    poller = begin_bulk_import(cast(CheckMarket, killer), source, **options, **kwargs)
    with pytest.raises(Killed):
        poller.result(timeout=30)
    assert killer.token is not None
    return killer.token


def sent_emails(fake: FakeCheckMarket) -> list[str]:
    return [str(contact["Email"]) for chunk in fake.sent for contact in chunk]


def test_a_kill_after_sending_holds_the_chunk_back_with_an_always_create_configuration() -> None:
    fake = FakeCheckMarket()
    token = killed_token(fake, rows(300), config=ALWAYS_CREATE, chunk_size=100)
    assert len(fake.sent) == 2
    checkpoints: list[str] = []
    outcome = run(fake, rows(300), continuation_token=token, on_checkpoint=checkpoints.append)
    emails = sent_emails(fake)
    assert sorted(emails) == sorted(f"c{n}@example.com" for n in range(300))  # each once
    assert outcome.in_doubt == 100
    assert outcome.imported == 200  # the queue items known; the chunk in doubt is not counted
    [held] = outcome.held_back
    assert (held.first, held.last) == (101, 200)
    assert list(held.rows) == list(rows(300))[100:200]
    assert outcome.as_json()["InDoubt"] == 100
    assert outcome.as_json()["InDoubtRanges"] == [[101, 200]]
    # Resuming again without the option keeps it held back, and sends nothing.
    again = run(fake, rows(300), continuation_token=checkpoints[-1])
    assert again.in_doubt == 100
    assert len(sent_emails(fake)) == 300
    # Only the explicit option sends it (again).
    forced = run(fake, rows(300), continuation_token=checkpoints[-1], send_in_doubt=True)
    assert forced.in_doubt == 0
    assert forced.imported == 300
    assert [len(chunk) for chunk in fake.sent] == [100, 100, 100, 100]


def test_kills_in_a_row_never_send_a_chunk_twice_with_an_always_create_configuration() -> None:
    # Killed after chunk 1 was sent (in doubt), then the resume is killed after it sent chunk 3:
    # settling chunk 1 (held back) must not forget that chunk 3 is in flight.
    fake = FakeCheckMarket()
    token = killed_token(fake, rows(500), config=ALWAYS_CREATE, chunk_size=100, kill_at=2)
    token = killed_token(fake, rows(500), continuation_token=token, kill_at=1)
    outcome = run(fake, rows(500), continuation_token=token)
    emails = sent_emails(fake)
    assert len(emails) == len(set(emails)) == 500  # every contact sent exactly once
    assert outcome.in_doubt == 200
    assert [(chunk.first, chunk.last) for chunk in outcome.held_back] == [(101, 200), (201, 300)]
    assert outcome.imported + outcome.in_doubt == 500


def test_a_chunk_in_flight_stays_in_doubt_while_an_earlier_one_is_sent_again_on_request() -> None:
    fake = FakeCheckMarket()
    token = killed_token(fake, rows(500), config=ALWAYS_CREATE, chunk_size=100, kill_at=2)
    token = killed_token(fake, rows(500), continuation_token=token, kill_at=1)  # chunk 3 sent
    # --send-in-doubt sends chunk 2 again and is killed right after: chunk 3 is still in doubt.
    token = killed_token(fake, rows(500), continuation_token=token, kill_at=1, send_in_doubt=True)
    outcome = run(fake, rows(500), continuation_token=token)
    emails = sent_emails(fake)
    assert emails.count("c250@example.com") == 1  # chunk 3: sent once, then held back
    assert emails.count("c150@example.com") == 2  # chunk 2: sent again, as asked
    assert [(chunk.first, chunk.last) for chunk in outcome.held_back] == [(101, 200), (201, 300)]


def test_a_kill_after_sending_resends_the_chunk_when_a_repeat_updates_by_email() -> None:
    fake = FakeCheckMarket()
    token = killed_token(fake, rows(300), config=UPDATE_BY_EMAIL, chunk_size=100)
    outcome = run(fake, rows(300), continuation_token=token)
    assert outcome.in_doubt == 0
    assert [len(chunk) for chunk in fake.sent] == [100, 100, 100, 100]
    assert outcome.imported == 300


def test_a_chunk_with_a_contact_without_email_is_held_back_even_when_updating_by_email() -> None:
    source = list(rows(300))
    source[150] = {**source[150], "Email": ""}
    fake = FakeCheckMarket()
    token = killed_token(fake, iter(source), config=UPDATE_BY_EMAIL, chunk_size=100)
    outcome = run(fake, iter(source), continuation_token=token)
    assert outcome.in_doubt == 100
    assert [len(chunk) for chunk in fake.sent] == [100, 100, 100]


@pytest.mark.parametrize(("update_type", "in_doubt", "sent"), [(1, 0, 4), (2, 100, 3)])
def test_a_configuration_given_by_id_is_read_and_judged_by_its_settings_on_the_server(
    update_type: int, in_doubt: int, sent: int
) -> None:
    fake = FakeCheckMarket()
    fake.configs.append({"ImportConfigId": 8, "Name": "By id", "UpdateTypeId": update_type})
    token = killed_token(fake, rows(300), import_config_id=8, chunk_size=100)
    assert fake.calls["read"] == 1  # read before anything was sent
    outcome = run(fake, rows(300), continuation_token=token)
    assert outcome.in_doubt == in_doubt
    assert len(fake.sent) == sent  # chunk 2 sent twice (updates, stores nothing twice) or not


def test_an_unknown_configuration_id_fails_before_anything_is_sent() -> None:
    fake = FakeCheckMarket()
    fake.faults[("read", 1)] = NotFoundError(
        status_code=404, method="GET", url=URL, details=ErrorDetails(message="no such config")
    )
    with pytest.raises(ImportInterrupted, match="reading import configuration 999"):
        run(fake, rows(10), import_config_id=999)
    assert fake.sent == []


def test_a_reused_configuration_is_judged_by_its_own_settings_not_the_ones_given() -> None:
    fake = FakeCheckMarket()
    fake.configs.append({"ImportConfigId": 9, "Name": "Shared", "UpdateTypeId": 2})
    given = {"Name": "Shared", "UpdateTypeId": 1}
    token = killed_token(fake, rows(300), config=given, chunk_size=100)
    outcome = run(fake, rows(300), continuation_token=token)
    assert outcome.import_config_id == 9
    assert outcome.in_doubt == 100
    assert len(fake.sent) == 3


def test_an_unknown_outcome_in_the_run_holds_the_chunk_back_and_goes_on() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = APIConnectionError("dropped", method="POST", url=URL)
    outcome = run(fake, rows(300), config=ALWAYS_CREATE, chunk_size=100)
    assert fake.calls["bulk"] == 2 + 1  # the chunk in doubt was not sent again
    assert outcome.in_doubt == 100
    assert [(c.first, c.last) for c in outcome.held_back] == [(101, 200)]
    assert outcome.imported == 200


def test_an_unknown_outcome_in_the_run_is_sent_again_where_a_repeat_is_harmless() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = ServerError(
        status_code=500, method="POST", url=URL, details=ErrorDetails(message="boom")
    )
    fake.faults[("bulk", 3)] = APIConnectionError("dropped", method="POST", url=URL)
    outcome = run(fake, rows(300), config=UPDATE_BY_EMAIL, chunk_size=100)
    assert outcome.in_doubt == 0
    assert outcome.imported == 300
    assert fake.calls["bulk"] == 5


def test_a_503_with_retry_after_was_not_processed_so_any_chunk_is_sent_again() -> None:
    fake = FakeCheckMarket()
    fake.faults[("bulk", 2)] = ServerError(
        status_code=503,
        method="POST",
        url=URL,
        details=ErrorDetails(message="busy"),
        headers={"retry-after": "0"},
    )
    outcome = run(fake, rows(300), config=ALWAYS_CREATE, chunk_size=100)
    assert outcome.in_doubt == 0
    assert outcome.imported == 300


def test_the_repeat_rule_is_the_spec_s() -> None:
    with_email = [{"Email": "a@example.com"}]
    assert repeat_is_harmless({"Name": "x"}, with_email, SPEC)  # UpdateTypeId default 1
    assert repeat_is_harmless(UPDATE_BY_EMAIL, with_email, SPEC)
    assert not repeat_is_harmless(ALWAYS_CREATE, with_email, SPEC)
    assert not repeat_is_harmless(UPDATE_BY_EMAIL, [{"Email": " "}], SPEC)
    assert not repeat_is_harmless(None, with_email, SPEC)
    spec = {**SPEC, "paths": {**SPEC["paths"]}}
    bulk = dict(spec["paths"]["/3/contacts/import/{id}"])
    bulk["post"] = {**bulk["post"], "x-repeat-harmless": {"UpdateTypeId": [1, 2]}}
    spec["paths"]["/3/contacts/import/{id}"] = bulk
    assert repeat_is_harmless(ALWAYS_CREATE, [{}], spec)


# -- against the sandbox -------------------------------------------------------------------


def people(prefix: str, count: int) -> Iterator[dict[str, str]]:
    for n in range(count):
        yield {"Email": f"{prefix}-{n}@example.com", "FirstName": f"P{n}", "LangCode": "en"}


def stored(live: LiveSandbox, prefix: str) -> tuple[int, int]:
    """(contacts stored, distinct e-mails) among the contacts whose e-mail has ``prefix``."""
    with live.app.state.sandbox.store.read() as conn:
        row = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT email) FROM cm_contacts WHERE email LIKE ?",
            (f"{prefix}-%",),
        ).fetchone()
    return int(row[0]), int(row[1])


def sandbox_run(client: CheckMarket, source: Any, **kwargs: Any) -> BulkImportOutcome:
    options: dict[str, Any] = {
        "poll_interval": 0.01,
        "retry": RetrySettings(max_attempts=30, initial_backoff=0.001, max_backoff=0.005),
    }
    return begin_bulk_import(client, source, **options, **kwargs).result(timeout=120)


def named(config: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    return {**config, "Name": f"{config['Name']} {prefix}"[:50]}


@pytest.mark.parametrize("config", [ALWAYS_CREATE, UPDATE_BY_EMAIL], ids=["create", "update"])
def test_a_killed_import_resumed_stores_every_contact_once(
    live: LiveSandbox, config: Mapping[str, Any]
) -> None:
    prefix = uuid.uuid4().hex[:12]
    with CheckMarket(CM_MASTER, CM_KEY, base_url=live.cm_url, retry_policy=FAST_RETRIES) as cm:
        token = killed_token(cm, people(prefix, 300), config=named(config, prefix), chunk_size=100)
        outcome = sandbox_run(cm, people(prefix, 300), continuation_token=token)
    assert stored(live, prefix) == (300, 300)
    if config is ALWAYS_CREATE:
        assert outcome.in_doubt == 100  # stored in fact, but that cannot be known: held back
        assert outcome.imported == 200
    else:
        assert outcome.in_doubt == 0
        assert outcome.imported == 300


FAULTS = (
    {"route": "bulkImportContacts", "error_rate": 0.3, "retry_after": 0, "drop_rate": 0.1},
    {"route": "*", "error_rate": 0.3, "retry_after": 0, "drop_rate": 0.1},
)


def test_under_transient_faults_a_harmless_repeat_import_finishes_in_one_run(
    live: LiveSandbox,
) -> None:
    prefix = uuid.uuid4().hex[:12]
    live.set_faults(*FAULTS, seed=20)
    with CheckMarket(CM_MASTER, CM_KEY, base_url=live.cm_url, retry_policy=FAST_RETRIES) as cm:
        config = named(UPDATE_BY_EMAIL, prefix)
        outcome = sandbox_run(cm, people(prefix, 2_000), config=config, chunk_size=100)
    live.clear_faults()
    assert outcome.in_doubt == 0
    assert outcome.imported == 2_000
    assert stored(live, prefix) == (2_000, 2_000)


def test_under_transient_faults_an_always_create_import_never_stores_a_contact_twice(
    live: LiveSandbox,
) -> None:
    prefix = uuid.uuid4().hex[:12]
    live.set_faults(*FAULTS, seed=20)
    with CheckMarket(CM_MASTER, CM_KEY, base_url=live.cm_url, retry_policy=FAST_RETRIES) as cm:
        config = named(ALWAYS_CREATE, prefix)
        outcome = sandbox_run(cm, people(prefix, 2_000), config=config, chunk_size=100)
    live.clear_faults()
    count, distinct = stored(live, prefix)
    assert count == distinct
    assert outcome.in_doubt > 0  # this seed drops some bulk imports
    assert outcome.imported + outcome.in_doubt == 2_000
    # The sandbox injects its faults before a request is processed: the held back are not stored.
    assert count == outcome.imported
