"""What both conformance runners share: the profiles, the config, the specs and the sandbox.

The pytest runner (test_in_process.py) drives the sandbox's ASGI app in process; the CLI runner
(test_over_http.py) starts the sandbox under uvicorn and runs `st` against it over real HTTP. Both
read tests/conformance/schemathesis.toml and load hooks.py through it.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Api = Literal["which50", "checkmarket"]

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
CONFIG_FILE = HERE / "schemathesis.toml"
REPORTS_DIR = REPO_ROOT / "reports" / "conformance"
APIS: tuple[Api, ...] = ("which50", "checkmarket")
SPEC_FILES: dict[Api, Path] = {
    "which50": REPO_ROOT / "spec" / "which50.openapi.yaml",
    "checkmarket": REPO_ROOT / "spec" / "checkmarket.openapi.yaml",
}
# Where the sandbox mounts each API (paths in the CheckMarket spec already start with /3).
MOUNTS: dict[Api, str] = {"which50": "/Which50API", "checkmarket": ""}
# No Accept header (the service's default, JSON), then each media type the specs offer.
ACCEPTS: tuple[str | None, ...] = (None, "text/json", "application/xml", "text/xml")

PROFILE_ENV = "CONTACTIMPORT_CONFORMANCE_PROFILE"


@dataclass(frozen=True)
class Profile:
    """How hard to test: examples per operation and phase, and stateful scenario length."""

    name: str
    max_examples: int | None  # None: what schemathesis.toml says
    stateful_max_steps: int | None
    require_whole_workflows: bool  # every step of WORKFLOW_STEPS must succeed in stateful runs


def http_runs(profile: Profile) -> list[tuple[Api, str | None]]:
    """The (API, Accept) pairs the st CLI runs over real HTTP.

    The in-process runs cover every pair; over HTTP the full profile runs each API with JSON and
    with XML responses, the fast one each API once (one JSON, one XML) to keep CI in its budget.
    """
    if profile.name == "full":
        return [(api, accept) for api in APIS for accept in (None, "application/xml")]
    return [("which50", "application/xml"), ("checkmarket", None)]


PROFILES = {
    # CI: the numbers in schemathesis.toml; workflow reach is reported, not required (too few
    # scenarios to be sure of it on every run).
    "fast": Profile("fast", None, None, require_whole_workflows=False),
    # Before a release: `nox -s conformance -- --full`.
    "full": Profile("full", 1000, 20, require_whole_workflows=True),
}

# The steps of each API's workflows, in order, that stateful testing must complete (2xx) by
# following the spec's links: create job -> upload -> run (POST, PUT, PATCH) -> status, upsert ->
# read contact, PATCH the contacts; create configuration -> bulk import -> result. The PATCH steps
# need `match` values no link can carry: hooks.py steers them (flatmap_case).
WORKFLOW_STEPS: dict[Api, tuple[str, ...]] = {
    "which50": (
        "listContactLists",
        "createImportJob",
        "uploadImportBatch",
        "runImportJob",
        "runImportJobPut",
        "runImportJobPatch",
        "getImportJob",
        "upsertContact",
        "getContact",
        "patchContacts",
    ),
    "checkmarket": ("createImportConfig", "bulkImportContacts", "getImportResult"),
}


# -- how many test cases a session ran ---------------------------------------------------------
CASE_COUNTS: dict[str, dict[str, int]] = {}
"""The test cases this pytest session ran, by run ("in-process which50 default", "st which50
application-xml") and kind; conftest writes them to reports/conformance/cases.json at the end."""
CASES_REPORT = REPORTS_DIR / "cases.json"
_ST_GENERATED = re.compile(r"Test cases:\s+(\d+) generated")


def count_cases(run: str, kind: str, number: int = 1) -> None:
    counts = CASE_COUNTS.setdefault(run, {})
    counts[kind] = counts.get(kind, 0) + number


def st_generated_cases(report: str) -> int:
    """The "Test cases: N generated" of an st CLI report."""
    found = _ST_GENERATED.search(report)
    if found is None:
        raise ValueError("the st report says no 'Test cases: N generated'")
    return int(found.group(1))


def write_case_counts(profile: Profile) -> dict[str, Any] | None:
    """Write this session's case counts (with their total) to CASES_REPORT; None if none ran."""
    if not CASE_COUNTS:
        return None
    # Stateful calls are the requests of the scenarios, not cases of their own.
    total = sum(
        number
        for kinds in CASE_COUNTS.values()
        for kind, number in kinds.items()
        if kind != "stateful calls"
    )
    report = {"profile": profile.name, "runs": CASE_COUNTS, "total": total}
    CASES_REPORT.parent.mkdir(parents=True, exist_ok=True)
    CASES_REPORT.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


def active_profile() -> Profile:
    name = os.environ.get(PROFILE_ENV, "fast")
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"{PROFILE_ENV}={name!r}: expected one of {sorted(PROFILES)}") from None


def accept_label(accept: str | None) -> str:
    return "default" if accept is None else accept.replace("/", "-")


def config_data(profile: Profile, accept: str | None = None) -> dict[str, Any]:
    """schemathesis.toml as a dict, its paths made absolute, the profile and Accept applied."""
    data = tomllib.loads(CONFIG_FILE.read_text(encoding="utf-8"))
    data["hooks"] = str(REPO_ROOT / data["hooks"])
    for project in data.get("project", []):
        wfc = project.get("auth", {}).get("wfc")
        if wfc is not None:
            wfc["path"] = str(REPO_ROOT / wfc["path"])
    if profile.max_examples is not None:
        data.setdefault("generation", {})["max-examples"] = profile.max_examples
    if profile.stateful_max_steps is not None:
        stateful = data.setdefault("phases", {}).setdefault("stateful", {})
        stateful["max-steps"] = profile.stateful_max_steps
    if accept is not None:
        data.setdefault("headers", {})["Accept"] = accept
    return data


class ResettableSandbox:
    """The sandbox's ASGI app behind one stable object, so a test can start over with a fresh one.

    Stateful testing resets it before each scenario: the same choices then meet the same server
    state, which Hypothesis needs to replay and shrink, and scenarios cannot disturb each other.
    """

    def __init__(self) -> None:
        from contactimport_sandbox import create_app

        self._create = create_app
        self.target: Any = create_app()  # in-memory SQLite, the packaged fixtures

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.target(scope, receive, send)

    def reset(self) -> None:
        previous, self.target = self.target, self._create()
        previous.state.sandbox.close()


def spec_title(api: Api) -> str:
    """info.title of a spec (schemathesis picks the `[[project]]` of schemathesis.toml by it)."""
    import yaml

    with SPEC_FILES[api].open(encoding="utf-8") as handle:
        title: str = yaml.safe_load(handle)["info"]["title"]
    return title
