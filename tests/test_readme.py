"""README.md tells the truth: its commands exist and match CI, its assumptions are current."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_demo_then_the_ci_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    commands = [line for line in blocks[0].splitlines() if line and not line.startswith("#")]
    assert commands[0].endswith("python3 -m nox -s demo")
    assert commands[1].endswith("python3 -m nox -t ci")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last = [line.strip() for line in ci.splitlines() if "nox" in line and "pip" not in line][-1]
    assert last == "python3 -m nox -t ci"
    assert last in README


def test_every_nox_session_the_readme_names_exists() -> None:
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    defined = set(re.findall(r'@nox\.session\(name="([a-z_-]+)"', noxfile))
    defined |= set(re.findall(r"@nox\.session(?:\([^)]*\))?\ndef ([a-z_]+)\(", noxfile))
    named = set(re.findall(r"nox -s ([a-z_-]+)", README))
    assert named, "the README names no nox session"
    assert named <= defined, f"README names sessions that do not exist: {sorted(named - defined)}"


def test_assumptions_section_is_rendered_from_the_current_specs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render_assumptions.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_readme_calls_to_the_sandbox_control_endpoints_send_the_default_admin_key() -> None:
    import json

    fixtures = ROOT / "sandbox" / "contactimport_sandbox" / "fixtures" / "default.json"
    key = json.loads(fixtures.read_text(encoding="utf-8"))["sandbox"]["adminKey"]
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    calls = [
        line
        for block in blocks
        for line in block.splitlines()
        if re.search(r"/_sandbox/(reset|faults)", line)
    ]
    assert calls, "the README shows no call to a sandbox control endpoint"
    for line in calls:
        assert f"X-Sandbox-Admin-Key: {key}" in line, line
    assert f"`{key}`" in README and "`X-Sandbox-Admin-Key`" in README


def test_every_cli_option_the_readme_names_exists() -> None:
    import click
    from contactimport.cli import cli

    def options(command: click.Command) -> set[str]:
        found = {"--help"}
        found |= {
            opt
            for param in command.params
            if isinstance(param, click.Option)
            for opt in (*param.opts, *param.secondary_opts)
        }
        if isinstance(command, click.Group):
            for child in command.commands.values():
                found |= options(child)
        return found

    section = README.split("## Import from the command line", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*[a-z])", section))
    assert {"--encoding", "--dry-run", "--warnings", "--default-language"} <= named
    assert named <= options(cli), sorted(named - options(cli))
