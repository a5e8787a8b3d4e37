"""pytest fixtures for testing code that uses contactimport against the sandbox.

Installed with ``pip install 'contactimport[sandbox]'`` (the ``pytest11`` entry point
``contactimport_sandbox.pytest_plugin``). Nothing runs until a test asks for one of its fixtures:
then one sandbox starts for the session (per pytest-xdist worker), in a thread on a free port,
and stops at the end. Each test gets it reset to the fixtures' state (a few milliseconds).

Fixtures: ``contactimport_sandbox`` (a ``SandboxHandle``: base URLs, credentials, reset, faults,
seeding, stored contacts and custom events, the clock), ``which50``, ``checkmarket``,
``async_which50``, ``async_checkmarket`` (clients pointed at it with the fixtures' credentials),
``contactimport_replay`` (serves a folder of recorded cassettes).

ini options: ``contactimport_sandbox_fixtures`` (a fixtures JSON file; default the packaged one),
``contactimport_sandbox_clock`` (``real``, the default, or ``manual``). ``-p
no:contactimport_sandbox.pytest_plugin`` turns the plugin off.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from contactimport import AsyncCheckMarket, AsyncWhich50, CheckMarket, Which50

    from .running import RunningSandbox
    from .testing import SandboxHandle

FIXTURES_INI = "contactimport_sandbox_fixtures"
CLOCK_INI = "contactimport_sandbox_clock"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        FIXTURES_INI,
        "contactimport sandbox: fixtures JSON file (accounts, credentials, lists); default: "
        "the packaged one",
        default="",
    )
    parser.addini(
        CLOCK_INI,
        "contactimport sandbox: 'real' (default) or 'manual' (import jobs move only when a "
        "test advances the clock)",
        default="real",
    )


@pytest.fixture(scope="session")
def contactimport_sandbox_server(request: pytest.FixtureRequest) -> Iterator[SandboxHandle]:
    """The session's sandbox (started on first use, in memory), not reset between tests: use
    ``contactimport_sandbox`` in tests."""
    try:
        from .fixtures import load_fixtures
        from .running import running_sandbox
        from .testing import SandboxHandle
    except ImportError as error:  # the extra is missing
        pytest.fail(
            f"the contactimport sandbox needs its extra: pip install 'contactimport[sandbox]' "
            f"({error})",
            pytrace=False,
        )
    from .app import SandboxOptions

    config = request.config
    fixtures_file = str(config.getini(FIXTURES_INI)).strip()
    base = config.inipath.parent if config.inipath is not None else config.rootpath
    fixtures_path = (Path(base) / fixtures_file) if fixtures_file else None
    clock = str(config.getini(CLOCK_INI)).strip() or "real"
    if clock not in ("real", "manual"):
        raise pytest.UsageError(f"{CLOCK_INI} must be 'real' or 'manual', not {clock!r}")
    fixtures = load_fixtures(fixtures_path)
    options = SandboxOptions(clock=clock)
    with running_sandbox(db=":memory:", fixtures=fixtures_path, options=options) as server:
        handle = SandboxHandle.for_fixtures(server.url, fixtures, clock=clock)
        try:
            yield handle
        finally:
            handle.close()


@pytest.fixture
def contactimport_sandbox(contactimport_sandbox_server: SandboxHandle) -> SandboxHandle:
    """The sandbox, reset for this test: no contacts, jobs or configurations, the fixtures'
    lists and credentials, no faults, the configured clock."""
    contactimport_sandbox_server.reset()
    return contactimport_sandbox_server


@pytest.fixture
def which50(contactimport_sandbox: SandboxHandle) -> Iterator[Which50]:
    """A W50API client pointed at the sandbox with the fixtures' full token."""
    from contactimport import Which50

    client = Which50(
        token=contactimport_sandbox.which50_token, base_url=_w50(contactimport_sandbox)
    )
    with client:
        yield client


@pytest.fixture
def checkmarket(contactimport_sandbox: SandboxHandle) -> Iterator[CheckMarket]:
    """A CheckMarket client pointed at the sandbox with the fixtures' master key and key."""
    from contactimport import CheckMarket

    client = CheckMarket(
        master_key=contactimport_sandbox.checkmarket_master_key,
        key=contactimport_sandbox.checkmarket_key,
        base_url=contactimport_sandbox.checkmarket_url,
    )
    with client:
        yield client


@pytest.fixture
def async_which50(contactimport_sandbox: SandboxHandle) -> Iterator[AsyncWhich50]:
    """The async W50API client (the fixture itself is synchronous: it suits any async runner,
    anyio's or pytest-asyncio's)."""
    from contactimport import AsyncWhich50

    client = AsyncWhich50(
        token=contactimport_sandbox.which50_token, base_url=_w50(contactimport_sandbox)
    )
    yield client
    _close_async(client)


@pytest.fixture
def async_checkmarket(contactimport_sandbox: SandboxHandle) -> Iterator[AsyncCheckMarket]:
    """The async CheckMarket client (a synchronous fixture, like ``async_which50``)."""
    from contactimport import AsyncCheckMarket

    client = AsyncCheckMarket(
        master_key=contactimport_sandbox.checkmarket_master_key,
        key=contactimport_sandbox.checkmarket_key,
        base_url=contactimport_sandbox.checkmarket_url,
    )
    yield client
    _close_async(client)


@pytest.fixture
def contactimport_replay() -> Iterator[Callable[[str | Path], RunningSandbox]]:
    """Start a replay of a cassette folder (``contactimport sandbox --proxy-to ... --record
    DIR``): ``contactimport_replay(DIR).which50_url`` / ``.checkmarket_url`` answer as the
    vendor did when it was recorded. Stopped at the end of the test."""
    from .replay import create_replay_app
    from .running import RunningSandbox, serving

    with contextlib.ExitStack() as stack:

        def start(folder: str | Path) -> RunningSandbox:
            app = create_replay_app(folder)
            return RunningSandbox(stack.enter_context(serving(app)), app)

        yield start


def _w50(handle: SandboxHandle) -> str:
    return handle.which50_url


def _close_async(client: Any) -> None:
    """Close an async client after its test's event loop has ended: its connections belonged
    to that loop, so what cannot be closed cleanly now is dropped."""
    with contextlib.suppress(Exception):
        asyncio.run(client.aclose())
