"""Schemathesis in process: every operation of both specs against the sandbox's ASGI app.

One fresh sandbox per (API, Accept) pair. For each: the examples, coverage and fuzzing phases per
operation (`test_<api>_<accept>_operations`) and stateful testing along the spec's links
(`Test<Api><Accept>Workflows`), all checks on. Settings come from schemathesis.toml and the profile
(harness.py).

Each stateful run writes which workflow steps it completed (2xx) to
reports/conformance/workflows-<api>-<accept>.json. The full profile also requires every step of
each API's workflows (harness.WORKFLOW_STEPS) to have succeeded at least once: with 1,000
scenarios, a step never reached means the spec's links do not lead there.
"""

from __future__ import annotations

import json
from typing import Any

import harness
import hypothesis
import schemathesis
from schemathesis import Case

PROFILE = harness.active_profile()


def load_schema(api: harness.Api, accept: str | None) -> Any:
    config = schemathesis.Config.from_dict(harness.config_data(PROFILE, accept))
    schema = schemathesis.openapi.from_path(harness.SPEC_FILES[api], config=config)
    schema.app = harness.ResettableSandbox()  # in memory, the packaged fixtures (two accounts)
    return schema


def run_name(api: harness.Api, accept: str | None) -> str:
    return f"in-process {api} {harness.accept_label(accept)}"


def operations_test(schema: Any, run: str) -> Any:
    def test(case: Case[Any]) -> None:
        harness.count_cases(run, "operation cases")
        case.call_and_validate()

    return schema.parametrize()(test)


def workflows_test(schema: Any, api: harness.Api, accept: str | None) -> Any:
    project = schema.config
    steps = project.phases_for(operation=None).stateful.max_steps
    examples = project.generation_for(operation=None, phase="stateful").max_examples
    succeeded: set[str] = set()
    run = run_name(api, accept)
    in_workflows = False

    def after_call(context: schemathesis.HookContext, case: Case[Any], response: Any) -> None:
        if not in_workflows:
            return  # a call of the operations test, which uses the same schema
        harness.count_cases(run, "stateful calls")
        if 200 <= response.status_code < 300:
            succeeded.add(str(case.operation.definition.raw.get("operationId")))

    schema.hook(after_call)

    machine: Any = schema.as_state_machine()

    class FreshSandboxWorkflow(machine):  # type: ignore[misc]
        def setup(self) -> None:
            super().setup()
            schema.app.reset()
            harness.count_cases(run, "stateful scenarios")

    class WorkflowsTest(FreshSandboxWorkflow.TestCase):  # type: ignore[misc, name-defined]
        def runTest(self) -> None:
            nonlocal in_workflows
            succeeded.clear()
            in_workflows = True
            try:
                super().runTest()
            finally:
                in_workflows = False
            report = harness.REPORTS_DIR / f"workflows-{api}-{harness.accept_label(accept)}.json"
            report.parent.mkdir(parents=True, exist_ok=True)
            missing = sorted(set(harness.WORKFLOW_STEPS[api]) - succeeded)
            report.write_text(json.dumps({"succeeded": sorted(succeeded), "missing": missing}))
            if PROFILE.require_whole_workflows:
                assert not missing, f"stateful testing never completed these steps: {missing}"

    test_case: Any = WorkflowsTest
    test_case.settings = hypothesis.settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        database=None,
    )
    return test_case


def _register() -> None:
    for api in harness.APIS:
        for accept in harness.ACCEPTS:
            schema = load_schema(api, accept)
            label = harness.accept_label(accept).replace("-", "_")
            globals()[f"test_{api}_{label}_operations"] = operations_test(
                schema, run_name(api, accept)
            )
            camel = "".join(part.capitalize() for part in (api, *label.split("_")))
            workflows = workflows_test(schema, api, accept)
            workflows.__name__ = workflows.__qualname__ = f"Test{camel}Workflows"
            globals()[f"Test{camel}Workflows"] = workflows


_register()
