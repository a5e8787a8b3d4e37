"""`contactimport sandbox` hands its options to `contactimport_sandbox.serve`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import contactimport_sandbox
import pytest
from click.testing import CliRunner
from contactimport.cli import cli


def test_sandbox_passes_host_port_db_and_fixtures_to_serve(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(contactimport_sandbox, "serve", lambda **kwargs: calls.append(kwargs))
    fixtures = tmp_path / "fixtures.json"
    fixtures.write_text("{}")
    result = CliRunner().invoke(
        cli,
        ["sandbox", "--host", "0.0.0.0", "--port", "9000", "--db", ":memory:",
         "--fixtures", str(fixtures), "--clock", "manual"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert calls == [
        {
            "host": "0.0.0.0",
            "port": 9000,
            "db": ":memory:",
            "fixtures": fixtures,
            "options": contactimport_sandbox.SandboxOptions(clock="manual"),
            "log_level": "warning",
        }
    ]


def test_sandbox_rejects_a_missing_fixtures_file_as_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["sandbox", "--fixtures", str(tmp_path / "none.json")])
    assert result.exit_code == 2


def test_sandbox_help_names_the_admin_key_of_the_packaged_fixtures() -> None:
    from contactimport_sandbox import load_fixtures

    result = CliRunner().invoke(cli, ["sandbox", "--help"])
    assert result.exit_code == 0
    assert f"X-Sandbox-Admin-Key: {load_fixtures(None).admin_key}" in result.output


def test_proxy_to_and_record_start_the_validating_proxy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(
        contactimport_sandbox, "serve_proxy", lambda up, **kw: calls.append((up, kw))
    )
    result = CliRunner().invoke(
        cli,
        ["sandbox", "--port", "0", "--proxy-to", "which50=https://w.example/Which50API",
         "--proxy-to", "checkmarket=https://cm.example", "--record", str(tmp_path / "tapes")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert calls == [
        (
            {"which50": "https://w.example/Which50API", "checkmarket": "https://cm.example"},
            {"host": "127.0.0.1", "port": 0, "record": tmp_path / "tapes", "log_level": "warning"},
        )
    ]


def test_replay_answers_from_a_cassette_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(
        contactimport_sandbox, "serve_replay", lambda folder, **kw: calls.append((folder, kw))
    )
    result = CliRunner().invoke(cli, ["sandbox", "--replay", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert calls == [(tmp_path, {"host": "127.0.0.1", "port": 8080, "log_level": "warning"})]


@pytest.mark.parametrize(
    "arguments",
    [
        ["--proxy-to", "https://w.example"],  # which API?
        ["--proxy-to", "which50=ftp://w.example"],
        ["--proxy-to", "which50=https://a", "--proxy-to", "which50=https://b"],
        ["--record", "tapes"],  # nothing to record
        ["--replay", ".", "--proxy-to", "which50=https://a"],
    ],
)
def test_proxy_record_and_replay_refuse_what_does_not_fit(arguments: list[str]) -> None:
    result = CliRunner().invoke(cli, ["sandbox", *arguments])
    assert result.exit_code == 2, result.output
