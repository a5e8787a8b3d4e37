"""The built wheel, used the way a project that depends on contactimport uses it.

The wheel is installed (not editable) into a fresh virtual environment outside the source tree;
every package is imported from there, and a small user script that calls the generated client is
type-checked with mypy --strict and run. `nox -s package` passes the wheel it built in
CONTACTIMPORT_WHEEL; without it the test builds one with `uv build` (sdist, then wheel from sdist).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from contactimport_sandbox import spawn_sandbox

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = [
    "contactimport",
    "contactimport_sandbox",
    "contactimport.generated.spec",
    "contactimport.generated.which50_client",
    "contactimport.generated.checkmarket_client",
    "contactimport.generated.which50_models",
    "contactimport.generated.checkmarket_models",
]
MYPY = "mypy>=2.4,<3"
PYTEST = "pytest>=9"
CLI_VARIABLES = (
    "WHICH50_API_TOKEN",
    "WHICH50_BASE_URL",
    "CHECKMARKET_MASTER_KEY",
    "CHECKMARKET_KEY",
    "CHECKMARKET_REGION",
    "CHECKMARKET_BASE_URL",
    "CONTACTIMPORT_WIRE_FORMAT",
)


def uv() -> str:
    found = shutil.which("uv")
    if found is None:
        pytest.fail("uv is needed to build and install the wheel (pip install uv)")
    return found


def user_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This environment without what would point Python or the CLI at the source tree or an
    account (PYTHONPATH, VIRTUAL_ENV, the CLI's credential variables), plus ``extra``."""
    dropped = {"PYTHONPATH", "VIRTUAL_ENV", *CLI_VARIABLES}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    return {**env, **(extra or {})}


def run(
    command: list[str | Path], cwd: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=user_env(extra_env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result


def ok(command: list[str | Path], cwd: Path) -> str:
    result = run(command, cwd)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("CONTACTIMPORT_WHEEL")
    if given:
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("dist")
    ok([uv(), "build", "--out-dir", out, ROOT], cwd=ROOT)
    (built,) = out.glob("contactimport-*.whl")
    return built


@pytest.fixture(scope="module")
def user_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the source tree to run the user's commands in."""
    return tmp_path_factory.mktemp("user")


@pytest.fixture(scope="module")
def python(wheel: Path, user_dir: Path) -> Path:
    """The interpreter of a fresh venv holding the wheel (with the sandbox extra), mypy and
    pytest."""
    venv = user_dir / "venv"
    ok([uv(), "venv", "--quiet", "--python", sys.executable, venv], cwd=user_dir)
    interpreter = venv / "bin" / "python"
    requirement = f"contactimport[sandbox] @ {wheel.as_uri()}"
    install: list[str | Path] = [uv(), "pip", "install", "--quiet", "--python", interpreter]
    ok([*install, requirement, MYPY, PYTEST], user_dir)
    return interpreter


def test_every_package_is_imported_from_the_installed_wheel(python: Path, user_dir: Path) -> None:
    script = (
        "import importlib, json, sys;"
        "print(json.dumps({n: importlib.import_module(n).__file__ for n in sys.argv[1:]}))"
    )
    files = json.loads(ok([python, "-c", script, *PACKAGES], cwd=user_dir))
    for name in PACKAGES:
        path = Path(files[name]).resolve()
        assert "site-packages" in path.parts, f"{name} imported from {path}"
        assert ROOT not in path.parents, f"{name} imported from the source tree: {path}"


def test_the_wheel_installs_only_the_contactimport_namespaces(wheel: Path) -> None:
    """No generic top-level names (which50_client, contactimport_spec, ...) that could clash with
    other distributions: the generated packages are contactimport.generated.*."""
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    top_level = {
        name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")
    }
    assert top_level == {"contactimport", "contactimport_sandbox"}
    assert "contactimport/generated/which50_client/__init__.py" in names
    assert "contactimport/generated/spec/which50.openapi.json" in names


def test_the_spec_documents_ship_as_package_data(python: Path, user_dir: Path) -> None:
    script = (
        "from contactimport.generated.spec import document, MAX_BATCH_CONTACTS as limit;"
        "print(document('which50')['openapi'], document('checkmarket')['openapi'], limit)"
    )
    assert ok([python, "-c", script], cwd=user_dir).split() == ["3.0.3", "3.0.3", "10000"]


USER_SCRIPT = '''\
"""A user's script: create a W50 import job with the generated client."""

import httpx
from contactimport.generated.spec import document
from contactimport.generated.which50_client import AuthenticatedClient
from contactimport.generated.which50_client.api.import_jobs import create_import_job
from contactimport.generated.which50_client.models import ImportJob, ImportJobCreateRequest


def created_job() -> object:
    operation = document("which50")["paths"]["/contactLists/{{contactListId}}/import"]["post"]
    media = operation["responses"]["200"]["content"]["application/json"]
    return media.get("example") or next(iter(media["examples"].values()))["value"]


def answer(request: httpx.Request) -> httpx.Response:
    assert request.method == "POST", request.method
    assert request.url.raw_path == b"/Which50API/contactLists/12/import", request.url
    assert request.headers["Authorization"] == "Bearer my-token"
    return httpx.Response(200, json=created_job())


def main() -> None:
    client = AuthenticatedClient(
        base_url="https://app.which50.com/Which50API",
        token="my-token",
        httpx_args={{"transport": httpx.MockTransport(answer)}},
    )
    response = create_import_job.sync_detailed(
        12, client=client, body=ImportJobCreateRequest(field_names={field_names})
    )
    job = response.parsed
    assert isinstance(job, ImportJob)
    status: str = job.current_status
    print(response.status_code.value, status)


main()
'''


def test_a_user_script_calling_the_generated_client_passes_mypy_strict_and_runs(
    python: Path, user_dir: Path
) -> None:
    script = user_dir / "use_client.py"
    script.write_text(USER_SCRIPT.format(field_names='["Email", "Mobile"]'), encoding="utf-8")
    ok([python, "-m", "mypy", "--strict", "--no-incremental", script.name], cwd=user_dir)
    printed = ok([python, script.name], cwd=user_dir).split()
    assert printed[0] == "200"


def test_mypy_sees_the_installed_types_and_rejects_a_wrong_call(
    python: Path, user_dir: Path
) -> None:
    script = user_dir / "wrong_call.py"
    script.write_text(USER_SCRIPT.format(field_names='"Email"'), encoding="utf-8")
    result = run([python, "-m", "mypy", "--strict", "--no-incremental", script.name], cwd=user_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'Argument "field_names" to "ImportJobCreateRequest"' in result.stdout


# -- the console script, as `pip install contactimport` puts it on PATH ---------------------------
@pytest.fixture(scope="module")
def console_script(python: Path) -> Path:
    command = python.parent / "contactimport"
    assert command.is_file(), f"the wheel installed no contactimport script in {python.parent}"
    return command


def test_the_console_script_answers_version_and_help(
    console_script: Path, wheel: Path, user_dir: Path
) -> None:
    version = wheel.name.split("-")[1]  # contactimport-<version>-<tags>.whl
    shown = run([console_script, "--version"], cwd=user_dir)
    assert (shown.returncode, shown.stdout, shown.stderr) == (
        0,
        f"contactimport, version {version}\n",
        "",
    )
    helped = run([console_script, "--help"], cwd=user_dir)
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("Usage: contactimport [OPTIONS] COMMAND [ARGS]...")
    commands = helped.stdout.split("Commands:", 1)[1].split()
    assert {"which50", "checkmarket", "sandbox"} <= set(commands)


def test_the_console_script_exits_2_naming_the_missing_credential(
    console_script: Path, user_dir: Path
) -> None:
    refused = run([console_script, "which50", "lists"], cwd=user_dir)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "WHICH50_API_TOKEN" in refused.stderr and refused.stdout == ""


@pytest.fixture
def installed_sandbox(console_script: Path, user_dir: Path) -> Iterator[str]:
    """The installed `contactimport sandbox` on 127.0.0.1 (in memory), until the test ends."""
    with spawn_sandbox(
        command=[console_script, "sandbox"],
        cwd=user_dir,
        env=user_env(),
        output=user_dir / "sandbox.log",
    ) as server:
        yield server.url


def test_the_console_script_imports_a_csv_into_the_installed_sandbox(
    console_script: Path, installed_sandbox: str, user_dir: Path
) -> None:
    csv_file = user_dir / "people.csv"
    csv_file.write_text("Email,FirstName\nann@example.com,Ann\nbob@example.com,Bob\n")
    credentials = {
        "WHICH50_BASE_URL": f"{installed_sandbox}/Which50API",
        "WHICH50_API_TOKEN": "w50-acme-full",  # the packaged fixtures' token
    }
    command: list[str | Path] = [console_script, "which50", "import", csv_file.name, "--list", "1"]
    imported = run([*command, "--poll-interval", "0.05", "--json"], user_dir, credentials)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    job = json.loads(imported.stdout)["importJob"]
    assert (job["CurrentStatus"], job["TotalContacts"], job["InsertedContacts"]) == (
        "Finished",
        2,
        2,
    )


# -- the pytest plugin, as a user's test suite meets it ------------------------------------------
def test_the_guides_example_test_passes_with_plain_pytest_in_the_fresh_venv(
    python: Path, user_dir: Path
) -> None:
    """docs/guides/testing-with-the-sandbox.md's example, copied into a user's project that
    holds nothing else: the wheel's pytest11 entry point supplies the fixtures and the sandbox."""
    project = user_dir / "users_project"
    project.mkdir()
    example = ROOT / "examples" / "test_with_sandbox.py"
    shutil.copy(example, project / example.name)
    pytest_command = python.parent / "pytest"
    result = run([pytest_command, "-q", "-p", "no:cacheprovider", "-rA"], cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout, result.stdout
    plugins = run([pytest_command, "--trace-config", "--co", "-q"], cwd=project).stdout
    assert "contactimport_sandbox.pytest_plugin" in plugins
    assert str(ROOT) not in plugins  # the plugin came from the wheel, not the source tree
