"""The pytest plugin (contactimport_sandbox.pytest_plugin), used here as a user's suite uses it:
through its fixtures, against the session's sandbox on real HTTP, reset before each test."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

pytest.importorskip("uvicorn")

from contactimport import (
    AsyncWhich50,
    CheckMarket,
    ServerError,
    Which50,
    contact,
)
from contactimport_sandbox import SandboxHandle
from contactimport_sandbox.testing import SandboxControlError

CUSTOMERS = 1  # the packaged fixtures' first list (Email, Mobile, FirstName, ...)


def run_job(which50: Which50, list_id: int, emails: list[str]) -> int:
    """Create, load and run an import job of these e-mail addresses; its id."""
    job = which50.create_import_job(list_id, ["Email"])
    which50.upload_import_batch(list_id, job.id, [contact({"Email": e}) for e in emails])
    return which50.run_import_job(list_id, job.id).id


# -- the fixtures ------------------------------------------------------------------------------
def test_the_client_fixtures_point_at_the_sandbox_with_working_credentials(
    contactimport_sandbox: SandboxHandle, which50: Which50, checkmarket: CheckMarket
) -> None:
    assert contactimport_sandbox.url.startswith("http://127.0.0.1:")
    assert which50.base_url == contactimport_sandbox.which50_url
    assert [item.name for item in which50.list_contact_lists()][:1] == ["Customers"]
    assert checkmarket.base_url == contactimport_sandbox.checkmarket_url
    assert checkmarket.list_import_configs() == []


def test_the_handle_never_shows_its_credentials(contactimport_sandbox: SandboxHandle) -> None:
    shown = repr(contactimport_sandbox)
    for secret in (
        contactimport_sandbox.which50_token,
        contactimport_sandbox.checkmarket_master_key,
        contactimport_sandbox.checkmarket_key,
        contactimport_sandbox.admin_key,
    ):
        assert secret not in shown


def test_a_test_that_leaves_state_behind(
    contactimport_sandbox: SandboxHandle, which50: Which50
) -> None:
    """With the next test: the sandbox is reset between tests (not restarted)."""
    contactimport_sandbox.add_contacts(CUSTOMERS, [{"Email": "left@example.com"}])
    contactimport_sandbox.add_contact_list("Left behind", ["Email"])
    contactimport_sandbox.inject_fault("listContactLists", error_rate=1.0)
    contactimport_sandbox.use_manual_clock()
    LEFT_BEHIND.append(contactimport_sandbox.url)


LEFT_BEHIND: list[str] = []


def test_the_next_test_finds_the_sandbox_reset(
    contactimport_sandbox: SandboxHandle, which50: Which50
) -> None:
    assert [contactimport_sandbox.url] == LEFT_BEHIND, "same server, in file order"
    assert contactimport_sandbox.contacts(CUSTOMERS) == []
    assert "Left behind" not in [item.name for item in which50.list_contact_lists()]
    assert contactimport_sandbox.clock_mode == "real"


def test_reset_takes_milliseconds(contactimport_sandbox: SandboxHandle) -> None:
    import time

    started = time.perf_counter()
    for _ in range(10):
        contactimport_sandbox.reset()
    assert (time.perf_counter() - started) / 10 < 0.1


# -- seeding and reading ---------------------------------------------------------------------------
def test_a_seeded_list_with_fields_is_served_by_the_w50_api(
    contactimport_sandbox: SandboxHandle, which50: Which50
) -> None:
    list_id = contactimport_sandbox.add_contact_list(
        "Trial users", ["Email", {"Name": "Plan", "MapType": "Text", "DefaultValue": "Free"}]
    )
    field_id = contactimport_sandbox.add_field(list_id, "Tier", "SelectList", values=["A", "B"])
    fields = which50.list_contact_list_fields(list_id)
    assert [(f.name, f.map_type) for f in fields] == [
        ("Email", "Email"),
        ("Plan", "Text"),
        ("Tier", "SelectList"),
    ]
    assert which50.get_contact_list_field(list_id, field_id).name == "Tier"
    stored = contactimport_sandbox.add_contacts(list_id, [{"Email": "a@example.com"}])
    assert stored[0]["Values"] == {"Email": "a@example.com", "Plan": "Free"}  # the default
    fetched = which50.get_contact(stored[0]["EncContactId"])
    assert fetched.values.to_dict() == {"Email": "a@example.com", "Plan": "Free"}
    assert contactimport_sandbox.contacts(list_id) == [{"Email": "a@example.com", "Plan": "Free"}]
    assert contactimport_sandbox.custom_events() == []  # seeding fires none


def test_seeded_contacts_are_matched_by_an_import(
    contactimport_sandbox: SandboxHandle, which50: Which50
) -> None:
    contactimport_sandbox.add_contacts(CUSTOMERS, [{"Email": "ann@example.com", "FirstName": "A"}])
    job = which50.create_import_job(CUSTOMERS, ["Email", "FirstName"])
    which50.upload_import_batch(
        CUSTOMERS, job.id, [contact({"Email": "ann@example.com", "FirstName": "Ann"})]
    )
    which50.run_import_job(CUSTOMERS, job.id, match=["Email"], custom_events=["Welcome"])
    contactimport_sandbox.use_manual_clock()  # the run may have been stepped already: no matter
    contactimport_sandbox.run_to_completion()
    contactimport_sandbox.use_real_clock()
    finished = which50.get_import_job(CUSTOMERS, job.id)
    assert (finished.current_status, finished.updated_contacts) == ("Finished", 1)
    assert [c["FirstName"] for c in contactimport_sandbox.contacts(CUSTOMERS)] == ["Ann"]
    events = contactimport_sandbox.custom_events()
    assert [(e["Event"], e["Action"], e["ImportJobId"]) for e in events] == [
        ("Welcome", "updated", job.id)
    ]


def test_seeding_an_unknown_field_or_list_is_refused(contactimport_sandbox: SandboxHandle) -> None:
    with pytest.raises(SandboxControlError, match="Unknown properties"):
        contactimport_sandbox.add_contacts(CUSTOMERS, [{"Nope": 1}])
    with pytest.raises(SandboxControlError, match="404"):
        contactimport_sandbox.add_contacts(999, [{"Email": "a@example.com"}])


def test_checkmarket_configurations_links_and_contacts_are_seeded_and_read(
    contactimport_sandbox: SandboxHandle, checkmarket: CheckMarket
) -> None:
    with pytest.raises(SandboxControlError, match="does not exist"):
        contactimport_sandbox.add_import_config({"Name": "x", "ContactListId": 77})
    contactimport_sandbox.link_checkmarket_ids(contact_list_ids=[77], survey_ids=[707])
    config_id = contactimport_sandbox.add_import_config(
        {"Name": "Panel", "ContactListId": 77, "DefaultLanguageCode": "en"}
    )
    assert checkmarket.get_import_config(config_id).name == "Panel"
    contactimport_sandbox.add_checkmarket_contacts(
        [{"Email": "Old@Example.com", "LangCode": "nl"}], contact_list_id=77
    )
    stored = contactimport_sandbox.checkmarket_contacts()
    assert [(c["Email"], c["LangCode"], c["ContactListId"]) for c in stored] == [
        ("old@example.com", "nl", 77)
    ]


# -- faults --------------------------------------------------------------------------------------
def test_an_injected_fault_reaches_the_client_until_cleared(
    contactimport_sandbox: SandboxHandle,
) -> None:
    contactimport_sandbox.inject_fault("listContactLists", error_rate=1.0, error_statuses=[503])
    client = Which50(
        token=contactimport_sandbox.which50_token,
        base_url=contactimport_sandbox.which50_url,
        max_retries=0,
    )
    with client:
        with pytest.raises(ServerError) as raised:
            client.list_contact_lists()
        assert raised.value.status_code == 503
        assert client.list_contact_list_fields(CUSTOMERS)  # other operations are untouched
        contactimport_sandbox.clear_faults()
        assert client.list_contact_lists()


# -- the clock -------------------------------------------------------------------------------------
def test_under_the_manual_clock_a_job_is_running_until_the_clock_moves(
    contactimport_sandbox: SandboxHandle, which50: Which50
) -> None:
    start = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    contactimport_sandbox.use_manual_clock(start)
    job_id = run_job(which50, CUSTOMERS, ["a@example.com", "b@example.com"])
    running = which50.get_import_job(CUSTOMERS, job_id)
    assert (running.current_status, running.progress_percent) == ("Running", 0)
    assert running.start_date == start
    assert contactimport_sandbox.advance(0.5) == 0  # less than one step's time
    assert which50.get_import_job(CUSTOMERS, job_id).current_status == "Running"
    assert contactimport_sandbox.advance(0.5) == 1
    finished = which50.get_import_job(CUSTOMERS, job_id)
    assert (finished.current_status, finished.inserted_contacts) == ("Finished", 2)
    assert finished.finish_date == start + timedelta(seconds=1)
    assert contactimport_sandbox.now() == start + timedelta(seconds=1)
    assert contactimport_sandbox.advance(3600) == 0  # nothing left to do: the time just passes
    assert contactimport_sandbox.now() == start + timedelta(seconds=3601)


def test_under_the_manual_clock_a_bulk_import_is_queued_processing_then_completed(
    contactimport_sandbox: SandboxHandle, checkmarket: CheckMarket
) -> None:
    contactimport_sandbox.use_manual_clock()
    config_id = contactimport_sandbox.add_import_config({"Name": "n", "DefaultLanguageCode": "en"})
    queued = checkmarket.bulk_import_contacts(config_id, [{"Email": "c@example.com"}])
    seen = []
    for _ in range(3):
        seen.append(checkmarket.get_import_result(queued.queue_item_id).status_id)
        contactimport_sandbox.advance(1)
    assert seen == [1, 2, 4]  # Queued, Processing, Completed
    assert [c["Email"] for c in contactimport_sandbox.checkmarket_contacts()] == ["c@example.com"]


def test_run_to_completion_finishes_every_job_in_steps_of_the_clock(
    contactimport_sandbox: SandboxHandle, which50: Which50
) -> None:
    contactimport_sandbox.use_manual_clock()
    contactimport_sandbox.set_step_seconds(30)
    before = contactimport_sandbox.now()
    first = run_job(which50, CUSTOMERS, ["a@example.com"])
    second = run_job(which50, CUSTOMERS, ["b@example.com"])
    assert contactimport_sandbox.run_to_completion() == 2  # one step each
    assert contactimport_sandbox.now() == before + timedelta(seconds=60)
    for job_id in (first, second):
        assert which50.get_import_job(CUSTOMERS, job_id).current_status == "Finished"
    assert contactimport_sandbox.run_to_completion() == 0


def test_the_real_clock_cannot_be_advanced(contactimport_sandbox: SandboxHandle) -> None:
    assert contactimport_sandbox.clock_mode == "real"
    with pytest.raises(SandboxControlError, match="409"):
        contactimport_sandbox.advance(1)
    with pytest.raises(SandboxControlError, match="409"):
        contactimport_sandbox.run_to_completion()


def test_back_on_the_real_clock_the_worker_finishes_a_job_by_itself(
    contactimport_sandbox: SandboxHandle, which50: Which50
) -> None:
    contactimport_sandbox.use_manual_clock()
    job_id = run_job(which50, CUSTOMERS, ["a@example.com"])
    contactimport_sandbox.use_real_clock()
    poller_deadline = datetime.now(UTC) + timedelta(seconds=10)
    while which50.get_import_job(CUSTOMERS, job_id).current_status != "Finished":
        assert datetime.now(UTC) < poller_deadline
        threading.Event().wait(0.01)


@pytest.mark.anyio
async def test_the_async_client_fixture(
    contactimport_sandbox: SandboxHandle, async_which50: AsyncWhich50
) -> None:
    contactimport_sandbox.add_contacts(CUSTOMERS, [{"Email": "a@example.com"}])
    lists = await async_which50.list_contact_lists()
    assert (lists[0].id, lists[0].count) == (CUSTOMERS, 1)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# -- the plugin's own behaviour in a separate pytest run ---------------------------------------
def pytest_run(tmp_path: Path, test_source: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_user.py").write_text(textwrap.dedent(test_source), encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args, "test_user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_installed_the_plugin_starts_nothing_until_a_fixture_is_asked_for(tmp_path: Path) -> None:
    result = pytest_run(
        tmp_path,
        """
        import threading

        def test_no_server(request):
            assert request.config.pluginmanager.has_plugin("contactimport_sandbox.pytest_plugin")
            names = [thread.name for thread in threading.enumerate()]
            assert not [name for name in names if name.startswith("contactimport-sandbox")]
            import sys
            assert "uvicorn" not in sys.modules and "starlette" not in sys.modules
        """,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_enabled_with_p_it_is_the_same_plugin_and_its_fixtures_work(tmp_path: Path) -> None:
    """``-p contactimport_sandbox.pytest_plugin`` beside the entry point: loaded once."""
    source = """
        def test_fixture(contactimport_sandbox, which50):
            assert which50.list_contact_lists()
            assert contactimport_sandbox.contacts(1) == []
        """
    result = pytest_run(tmp_path, source, "-p", "contactimport_sandbox.pytest_plugin")
    assert result.returncode == 0, result.stdout + result.stderr
    blocked = pytest_run(tmp_path, source, "-p", "no:contactimport_sandbox.pytest_plugin")
    assert blocked.returncode == 1 and "fixture 'contactimport_sandbox' not found" in blocked.stdout


def test_under_xdist_each_worker_has_a_sandbox_of_its_own(tmp_path: Path) -> None:
    pytest.importorskip("xdist")
    seen = tmp_path / "seen"
    seen.mkdir()
    source = f"""
        import os
        from pathlib import Path

        import pytest

        @pytest.mark.parametrize("n", range(8))
        def test_seed_and_see_only_mine(contactimport_sandbox, which50, n):
            assert contactimport_sandbox.contacts(1) == []
            contactimport_sandbox.add_contacts(1, [{{"Email": f"p{{n}}@example.com"}}])
            assert which50.list_contact_lists()[0].count == 1
            worker = os.environ["PYTEST_XDIST_WORKER"]
            (Path({str(seen)!r}) / f"{{worker}}-{{n}}").write_text(contactimport_sandbox.url)
        """
    result = pytest_run(tmp_path, source, "-n", "2", "-p", "xdist")
    assert result.returncode == 0, result.stdout + result.stderr
    by_worker: dict[str, set[str]] = {}
    for found in seen.iterdir():
        by_worker.setdefault(found.name.split("-")[0], set()).add(found.read_text())
    assert len(by_worker) == 2 and all(len(urls) == 1 for urls in by_worker.values())
    first, second = by_worker.values()
    assert first != second  # one server per worker


def test_the_ini_options_choose_the_fixtures_and_the_clock(tmp_path: Path) -> None:
    from contactimport_sandbox.fixtures import default_fixtures_text

    (tmp_path / "team.json").write_text(
        default_fixtures_text().replace("sandbox-admin-local", "team-admin-key"), "utf-8"
    )
    (tmp_path / "test_user.py").write_text(
        textwrap.dedent(
            """
            def test_manual_by_default(contactimport_sandbox):
                assert contactimport_sandbox.clock_mode == "manual"
                assert contactimport_sandbox.admin_key == "team-admin-key"
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\ncontactimport_sandbox_fixtures = team.json\n"
        "contactimport_sandbox_clock = manual\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_control_endpoints_refuse_a_request_without_the_admin_key(
    contactimport_sandbox: SandboxHandle,
) -> None:
    for method, path in (
        ("POST", "/_sandbox/clock/advance"),
        ("POST", "/_sandbox/clock/run-to-completion"),
        ("PUT", "/_sandbox/fixtures"),
    ):
        answer = httpx.request(method, contactimport_sandbox.url + path, json={})
        assert answer.status_code == 401, (path, answer.text)
