"""Every job of the repository: `nox -l` lists them; `nox -t ci` is what CI runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "spec", "tests"]

REDOCLY = "@redocly/cli@2.77.0"
SPECS = ["spec/which50.openapi.yaml", "spec/checkmarket.openapi.yaml"]


def install_project(session: nox.Session, *groups: str) -> None:
    """The project in editable mode with the sandbox extra, plus the named dependency groups."""
    args = ["-e", ".[sandbox]"]
    for group in groups:
        args += ["--group", group]
    session.install(*args)


@nox.session(tags=["ci"])
def lint(session: nox.Session) -> None:
    """ruff (lint + format check) and mypy --strict over all Python code."""
    install_project(session, "lint", "conformance")  # conformance: the test group + schemathesis
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    # generated/ is checked as contactimport.generated, through the link in overlays/contactimport
    session.run("mypy", "--strict", "overlays", "sandbox", "scripts", "noxfile.py")
    session.run("mypy", "--strict", "tests", "bench", "examples")


@nox.session(tags=["ci"])
def spec(session: nox.Session) -> None:
    """Validate both OpenAPI documents (openapi-spec-validator) and lint them (Redocly CLI)."""
    install_project(session, "test")
    for document in SPECS:
        session.run("openapi-spec-validator", document)
    session.run(
        "npx",
        "--yes",
        REDOCLY,
        "lint",
        "--config",
        "redocly.yaml",
        *SPECS,
        external=True,
        env={"REDOCLY_TELEMETRY": "off"},  # as scripts/build_docs.py: lint sends nothing out
    )


@nox.session(tags=["ci"])
def tests(session: nox.Session) -> None:
    """The test suite (pytest); extra arguments go to pytest."""
    install_project(session, "test")
    session.run("pytest", *session.posargs)


@nox.session(tags=["ci"])
def conformance(session: nox.Session) -> None:
    """Schemathesis: both specs against the sandbox, in process and over HTTP (tests/conformance).

    The fast profile by default (CI); `nox -s conformance -- --full` runs the release profile
    (1,000 examples per operation). Other arguments go to pytest. Reports in reports/conformance/.
    """
    install_project(session, "conformance")
    args = [arg for arg in session.posargs if arg != "--full"]
    profile = "full" if "--full" in session.posargs else "fast"
    Path("reports/conformance").mkdir(parents=True, exist_ok=True)
    session.run(
        "pytest",
        "tests/conformance",
        "--junitxml=reports/conformance/pytest-junit.xml",
        *args,
        env={"CONTACTIMPORT_CONFORMANCE_PROFILE": profile},
    )


@nox.session
def sandbox(session: nox.Session) -> None:
    """Run the sandbox server (W50 under /Which50API, CheckMarket under /3) until Ctrl-C.

    Arguments go to `python -m contactimport_sandbox`, e.g. `nox -s sandbox -- --port 9000
    --db :memory:`; default: 127.0.0.1:8080, state in contactimport-sandbox.db.
    """
    install_project(session)
    session.run("python", "-m", "contactimport_sandbox", *session.posargs)


BENCHMARKS = {
    "xml": "bench/bench_xml.py",
    "sandbox": "bench/bench_sandbox.py",
    "csv-memory": "bench/bench_csv_memory.py",
    "kill-loop": "bench/bench_kill_loop.py",
    "sandbox-memory": "bench/bench_sandbox_memory.py",
    "client": "bench/bench_client.py",
    "import": "bench/bench_import.py",
    "bulk-import": "bench/bench_bulk_import.py",
}


@nox.session
def bench(session: nox.Session) -> None:
    """Every benchmark beside its baseline, one table: docs/benchmarks.md and
    docs/benchmarks.json (`bench/run_benchmarks.py`; `-- --quick` runs them small, `-- --only
    client xml` some of them). `-- NAME [ARGS]` runs one script as it is: xml, sandbox,
    csv-memory, kill-loop, sandbox-memory, client, import, bulk-import.
    """
    install_project(session, "generate")  # the regeneration benchmark runs the generators
    names = [arg for arg in session.posargs if arg in BENCHMARKS]
    extra = [arg for arg in session.posargs if arg not in BENCHMARKS]
    if not names:
        session.run("python", "bench/run_benchmarks.py", *extra)
        return
    if len(names) > 1 and extra:
        session.error("benchmark arguments need exactly one benchmark name")
    for name in names:
        session.run("python", BENCHMARKS[name], *extra)


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from spec/ (pinned generators); `-- --check` fails on any drift."""
    session.install("--group", "generate")
    session.run("python", "scripts/generate.py", *session.posargs)


@nox.session
def api(session: nox.Session) -> None:
    """Rewrite api.md, the public API of contactimport (a test fails when it is stale)."""
    install_project(session)
    session.run("python", "scripts/public_api.py", "--write")


@nox.session(name="generated", tags=["ci"])
def generated_up_to_date(session: nox.Session) -> None:
    """Fail, naming the files, when generated/ differs from what spec/ generates."""
    session.install("--group", "generate")
    session.run("python", "scripts/generate.py", "--check")


def build_distributions(session: nox.Session) -> Path:
    """The sdist and the wheel, built afresh into dist/; returns the wheel."""
    shutil.rmtree("dist", ignore_errors=True)
    session.run("uv", "build", "--out-dir", "dist", external=True)
    (wheel,) = Path("dist").glob("contactimport-*.whl")
    return wheel


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and the wheel of the one distribution, contactimport, into dist/."""
    build_distributions(session)


@nox.session(tags=["ci"])
def package(session: nox.Session) -> None:
    """Build, then use the wheel as a pip dependency would: fresh venv, imports, mypy --strict."""
    wheel = build_distributions(session)
    # The test process itself uses the checkout (its sandbox launcher starts the wheel's console
    # script); everything it checks runs in a fresh venv holding only the wheel.
    install_project(session, "test")
    session.run(
        "pytest",
        "tests/distribution/test_wheel.py",
        *session.posargs,
        env={"CONTACTIMPORT_WHEEL": str(wheel)},
    )


EXAMPLES = [
    "examples/which50_quickstart.py",
    "examples/checkmarket_quickstart.py",
    "examples/async_which50.py",
    "examples/typed_usage.py",
    "examples/run_examples.py",
    "examples/test_with_sandbox.py",  # run by `nox -s tests` (pytest), the guide's example
]


@nox.session(tags=["ci"])
def examples(session: nox.Session) -> None:
    """The client examples: mypy --strict as user code, then run against a fresh sandbox."""
    install_project(session, "lint")
    session.run("mypy", "--strict", *EXAMPLES)
    session.run("python", "examples/run_examples.py")


@nox.session(tags=["ci"])
def docs(session: nox.Session) -> None:
    """Build the documentation site into site/, then check it in headless Chromium.

    scripts/build_docs.py: the API references (Redocly CLI, the pinned REDOCLY), the guides and
    the SDK and CLI references (Sphinx, warnings are errors), Markdown twins and llms.txt; no
    network but npm's. Then tests/docs opens the sandbox's /docs in Debian's `chromium`
    (screenshots in reports/docs/); arguments go to pytest. Open the site with
    `nox -s sandbox` and http://127.0.0.1:8080/docs/.
    """
    install_project(session, "docs")
    session.run("python", "scripts/build_docs.py", "--redocly", REDOCLY)
    session.run(
        "pytest",
        "tests/docs",
        *session.posargs,
        env={"CONTACTIMPORT_DOCS_BROWSER_TEST": "required"},
    )


@nox.session
def demo(session: nox.Session) -> None:
    """The guided demo: a sandbox on a free port, W50 and CheckMarket CSV imports via the CLI."""
    install_project(session)
    session.run("python", "-m", "contactimport.cli.demo", "--data", "examples/data")
