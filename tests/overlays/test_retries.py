"""The retry rule of contactimport.transport.retry, pinned request by request (MockTransport)."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Callable, Iterator

import httpx
import pytest
from contactimport.errors import ServerError
from contactimport.querystring import CustomEvents, MatchOn, MatchValues
from contactimport.transport import (
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    mark_request,
)
from contactimport.transport.retry import ATTEMPTS_EXTENSION, attempts_made
from contactimport.which50 import Which50

Step = httpx.Response | Exception


class Script:
    """Answers requests from a list of responses/exceptions; records what it saw."""

    def __init__(self, *steps: Step) -> None:
        self.steps: Iterator[Step] = iter(steps)
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        step = next(self.steps)
        if isinstance(step, Exception):
            raise step
        return step


def _client(script: Script, policy: RetryPolicy | None = None) -> tuple[httpx.Client, list[float]]:
    sleeps: list[float] = []
    transport = RetryTransport(
        httpx.MockTransport(script),
        policy=policy or RetryPolicy(max_retries=3, initial_backoff=0.5, jitter=0.0),
        sleep=sleeps.append,
        rng=random.Random(1),
    )
    return httpx.Client(transport=transport, base_url="https://api.example"), sleeps


def _send(
    client: httpx.Client, method: str, *, operation: str = "op", replay_safe: bool | None = None
) -> httpx.Response:
    extensions = {} if replay_safe is None else mark_request(operation, replay_safe=replay_safe)
    return client.request(method, "/x", content=b"{}", extensions=extensions)


def status(code: int, retry_after: str | None = None) -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return httpx.Response(code, headers=headers, json={"Message": str(code)})


def test_safe_request_recovers_from_503_429_502_504_and_500() -> None:
    script = Script(status(503), status(429), status(502), status(504), status(200))
    client, sleeps = _client(script, RetryPolicy(max_retries=5, initial_backoff=0.5, jitter=0.0))
    response = _send(client, "GET")
    assert response.status_code == 200
    assert len(script.seen) == 5
    assert response.extensions[ATTEMPTS_EXTENSION] == 5
    assert sleeps == [0.5, 1.0, 2.0, 4.0]  # exponential, no jitter here


def test_backoff_is_capped_and_jittered() -> None:
    policy = RetryPolicy(max_retries=6, initial_backoff=1.0, max_backoff=4.0, jitter=0.5)
    rng = random.Random(3)
    delays = [policy.backoff(n, rng) for n in range(6)]
    for n, delay in enumerate(delays):
        ceiling = min(4.0, 2.0**n)
        assert ceiling * 0.5 <= delay <= ceiling
    assert len(set(delays)) == len(delays)  # jitter spreads them


def test_retry_after_is_honoured_and_capped() -> None:
    script = Script(status(503, "2"), status(429, "600"), status(200))
    policy = RetryPolicy(max_retries=3, initial_backoff=0.1, max_retry_after=30.0, jitter=0.0)
    client, sleeps = _client(script, policy)
    assert _send(client, "GET").status_code == 200
    assert sleeps == [2.0, 30.0]


def test_exhausted_retries_return_the_last_error_response() -> None:
    script = Script(status(503), status(503), status(503), status(503))
    client, sleeps = _client(script)
    response = _send(client, "GET")
    assert response.status_code == 503
    assert len(script.seen) == 4  # 1 + max_retries
    assert response.extensions[ATTEMPTS_EXTENSION] == 4
    assert sleeps == [0.5, 1.0, 2.0]


def test_500_is_retried_only_for_safe_methods() -> None:
    script = Script(status(500), status(200))
    client, _ = _client(script)
    assert _send(client, "GET").status_code == 200
    script = Script(status(500), status(200))
    client, _ = _client(script)
    assert _send(client, "PUT", replay_safe=True).status_code == 500
    assert len(script.seen) == 1


@pytest.mark.parametrize("code", [502, 503, 504, 429])
def test_non_replay_safe_request_is_not_retried_after_an_ambiguous_failure(code: int) -> None:
    script = Script(status(code), status(200))
    client, _ = _client(script)
    response = _send(client, "POST", operation="uploadImportBatch", replay_safe=False)
    assert response.status_code == code
    assert len(script.seen) == 1


@pytest.mark.parametrize("code", [429, 503])
def test_non_replay_safe_request_is_retried_when_the_server_says_not_processed(code: int) -> None:
    script = Script(status(code, "0"), status(200))
    client, sleeps = _client(script)
    response = _send(client, "POST", operation="runImportJob", replay_safe=False)
    assert response.status_code == 200
    assert len(script.seen) == 2
    assert sleeps == [0.0]


def test_connect_errors_are_retried_for_every_request() -> None:
    script = Script(httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), status(200))
    client, _ = _client(script)
    assert _send(client, "POST", replay_safe=False).status_code == 200
    assert len(script.seen) == 3


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadTimeout("read"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError("reset"),
    ],
)
def test_errors_after_sending_are_retried_only_when_replay_safe(error: Exception) -> None:
    script = Script(error, status(200))
    client, _ = _client(script)
    assert _send(client, "PATCH", replay_safe=True).status_code == 200

    script = Script(error, status(200))
    client, _ = _client(script)
    with pytest.raises(type(error)) as caught:
        _send(client, "POST", replay_safe=False)
    assert len(script.seen) == 1
    assert attempts_made(caught.value) == 1


def test_unmarked_requests_are_judged_by_method_and_put_is_not_replayed() -> None:
    # A W50 PUT runs an import job or upserts contacts: a blind repeat could do it twice.
    cases = (("GET", 2), ("PUT", 1), ("DELETE", 2), ("POST", 1), ("PATCH", 1))
    for method, expected_attempts in cases:
        script = Script(status(502), status(200))
        client, _ = _client(script)
        _send(client, method)
        assert len(script.seen) == expected_attempts, method


def test_exhausted_connection_errors_raise_with_the_attempt_count() -> None:
    script = Script(*(httpx.ConnectError("refused") for _ in range(4)))
    client, _ = _client(script)
    with pytest.raises(httpx.ConnectError) as caught:
        _send(client, "GET")
    assert attempts_made(caught.value) == 4


def test_zero_retries_switches_retrying_off() -> None:
    script = Script(status(503, "0"), status(200))
    client, _ = _client(script, RetryPolicy(max_retries=0))
    assert _send(client, "GET").status_code == 503


def test_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="jitter"):
        RetryPolicy(jitter=2)


def test_body_is_resent_identically_on_retry() -> None:
    script = Script(status(503, "0"), status(200))
    client, _ = _client(script)
    client.post("/x", content=b'{"a":1}', extensions=mark_request("op", replay_safe=False))
    assert [r.content for r in script.seen] == [b'{"a":1}', b'{"a":1}']


def test_async_transport_follows_the_same_rule() -> None:
    script = Script(status(503), httpx.ConnectError("refused"), status(200))
    sleeps: list[float] = []

    async def sleep(delay: float) -> None:
        sleeps.append(delay)

    async def main() -> httpx.Response:
        transport = AsyncRetryTransport(
            httpx.MockTransport(script),
            policy=RetryPolicy(max_retries=3, initial_backoff=0.25, jitter=0.0),
            sleep=sleep,
        )
        async with httpx.AsyncClient(transport=transport, base_url="https://api.example") as c:
            return await c.get("/x")

    response = asyncio.run(main())
    assert response.status_code == 200
    assert sleeps == [0.25, 0.5]

    script = Script(status(504), status(200))

    async def post() -> httpx.Response:
        transport = AsyncRetryTransport(httpx.MockTransport(script), sleep=sleep)
        async with httpx.AsyncClient(transport=transport, base_url="https://api.example") as c:
            return await c.post("/x", extensions=mark_request("op", replay_safe=False))

    assert asyncio.run(post()).status_code == 504
    assert len(script.seen) == 1


def _contact_calls_after_a_502(call: Callable[[Which50], object]) -> int:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(502, json={"Message": "bad gateway"})
        return httpx.Response(200, json={"EncContactId": "x", "ListId": 1, "Values": {}})

    policy = RetryPolicy(max_retries=2, initial_backoff=0, max_backoff=0)
    with (
        Which50(
            "t",
            base_url="https://w50.example/Which50API",
            transport=httpx.MockTransport(handler),
            retry_policy=policy,
        ) as w50,
        contextlib.suppress(ServerError),
    ):
        call(w50)
    return len(seen)


def test_a_contact_call_that_fires_custom_events_is_never_replayed() -> None:
    contact = {"Values": {"Email": "a@example.com"}}
    events = CustomEvents("SendWelcomeEmail")
    on_email = MatchOn("Email")
    assert _contact_calls_after_a_502(lambda w: w.upsert_contact(1, contact, match=on_email)) == 2
    assert (
        _contact_calls_after_a_502(
            lambda w: w.upsert_contact(1, contact, match=on_email, custom_events=events)
        )
        == 1
    )
    values = MatchValues({"Email": "a@example.com"})
    assert _contact_calls_after_a_502(lambda w: w.patch_contacts(1, contact, match=values)) == 2
    assert (
        _contact_calls_after_a_502(
            lambda w: w.patch_contacts(1, contact, match=values, custom_events=events)
        )
        == 1
    )
