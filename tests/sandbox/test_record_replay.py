"""Record through the proxy (``record=``), replay offline (``create_replay_app``): a recorded
conversation of both import workflows replays to the same results, and no cassette holds a
credential."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("uvicorn")

from contactimport import CheckMarket, Which50, begin_bulk_import, begin_import
from contactimport_sandbox import RunningSandbox, running_sandbox
from contactimport_sandbox.proxy import create_proxy_app
from contactimport_sandbox.replay import CassetteError, create_replay_app
from contactimport_sandbox.running import serving

W50_TOKEN = "w50-acme-full"
CM_MASTER_KEY = "cm-acme-master"
CM_KEY = "cm-acme-contacts-write"
SECRETS = (W50_TOKEN, CM_MASTER_KEY, CM_KEY)


def conversation(origin: str, wire_format: str) -> tuple[Any, Any]:
    """Both workflows, as a user's code runs them: a W50 import, a CheckMarket bulk import."""
    people = [{"Email": f"p{n}@example.com", "FirstName": f"P{n}"} for n in range(5)]
    with Which50(token=W50_TOKEN, base_url=origin + "/Which50API", wire_format=wire_format) as w50:
        imported = begin_import(w50, 1, people, match=["Email"], poll_interval=0.02).result(30)
    with CheckMarket(
        master_key=CM_MASTER_KEY, key=CM_KEY, base_url=origin, wire_format=wire_format
    ) as cm:
        rows = [{"Email": "c@example.com", "LangCode": "nl"}, {"Email": "not an address"}]
        config = {"Name": "Replayed", "DefaultLanguageCode": "en"}
        bulk = begin_bulk_import(cm, rows, config=config, poll_interval=0.02).result(30)
    return imported, bulk


@pytest.fixture
def recorded(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, Any, str]]:
    """A conversation recorded through the proxy in the wire format of the parameter."""
    cassettes = tmp_path / "cassettes"
    with running_sandbox() as upstream:
        proxy = create_proxy_app(
            {"which50": upstream.which50_url, "checkmarket": upstream.url}, record=cassettes
        )
        with serving(proxy) as url:
            results = conversation(url, request.param)
    yield cassettes, results, request.param


@pytest.mark.parametrize("recorded", ["json", "xml"], indirect=True)
def test_a_recorded_conversation_replays_offline_to_the_same_results(
    recorded: tuple[Path, Any, str],
) -> None:
    cassettes, results, wire_format = recorded
    files = sorted(cassettes.glob("*.json"))
    operations = [json.loads(path.read_text())["operation"] for path in files]
    assert operations[:3] == ["createImportJob", "uploadImportBatch", "runImportJob"]
    assert "bulkImportContacts" in operations and "getImportResult" in operations
    with serving(create_replay_app(cassettes)) as replay:
        again = conversation(replay, wire_format)
    imported, bulk = results
    assert again == results
    assert (imported.current_status, imported.inserted_contacts) == ("Finished", 5)
    assert {r.code: r.count for r in bulk.results} == {"R0301": 1, "R0308": 1}


@pytest.mark.parametrize("recorded", ["json"], indirect=True)
def test_the_plugins_replay_fixture_serves_a_recording(
    recorded: tuple[Path, Any, str],
    contactimport_replay: Callable[[Path], RunningSandbox],
) -> None:
    cassettes, results, wire_format = recorded
    replay = contactimport_replay(cassettes)
    assert replay.which50_url == replay.url + "/Which50API"
    assert conversation(replay.url, wire_format) == results


@pytest.mark.parametrize("recorded", ["json"], indirect=True)
def test_cassettes_are_readable_and_hold_no_credential(recorded: tuple[Path, Any, str]) -> None:
    cassettes = recorded[0]
    for path in cassettes.glob("*.json"):
        text = path.read_text("utf-8")
        for secret in SECRETS:
            assert secret not in text, path.name
        exchange = json.loads(text)
        assert set(exchange) == {"api", "operation", "request", "response"}
        headers = {k.lower(): v for k, v in exchange["request"]["headers"].items()}
        credential = headers.get("authorization") or headers.get("x-master-key")
        assert credential == "REDACTED", path.name


@pytest.mark.parametrize("recorded", ["json"], indirect=True)
def test_a_request_never_recorded_is_answered_404_naming_it(
    recorded: tuple[Path, Any, str],
) -> None:
    cassettes = recorded[0]
    with serving(create_replay_app(cassettes)) as replay:
        answer = httpx.get(replay + "/Which50API/contactLists/2/fields")
    assert answer.status_code == 404
    assert answer.json() == {
        "Message": "No recorded exchange for GET /Which50API/contactLists/2/fields"
    }


def test_a_folder_that_holds_no_cassettes_is_refused(tmp_path: Path) -> None:
    (tmp_path / "00001-x.json").write_text("{}")
    with pytest.raises(CassetteError, match=r"00001-x\.json is not a cassette"):
        create_replay_app(tmp_path)
    with pytest.raises(CassetteError, match="is not a folder"):
        create_replay_app(tmp_path / "missing")
