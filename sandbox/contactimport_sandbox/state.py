"""The sandbox's state: its options, store, fixtures, the two domains, the background worker,
the faults, validators and wire formats of each API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from . import spec as spec_module
from .bodies import LargeBodies
from .checkmarket import CheckMarket
from .clock import MANUAL, MODES, REAL, Clock
from .errors import BadRequest
from .faults import Faults, FaultSettings
from .fixtures import Fixtures, fixtures_document, parse_fixtures
from .spec import Api, RequestLimits
from .store import MEMORY, Store
from .validation import ModelValidator
from .w50 import Which50
from .wire import Wire


@dataclass
class SandboxOptions:
    """Knobs of the reference server (all optional)."""

    chunk_size: int = 2000  # loaded contacts processed per background step (one transaction)
    step_delay: float = 0.0  # seconds between background steps, to watch progress in tests
    faults: FaultSettings | None = None
    limits: RequestLimits | None = None  # default: the spec's info.x-request-limits
    clock: str = REAL  # "manual": background work moves only as a test advances the clock
    step_seconds: float = 1.0  # manual clock: clock time one background step takes


class Sandbox:
    """The server's state: store, fixtures, domains, background worker, faults."""

    def __init__(
        self,
        db: str | Path = MEMORY,
        fixtures: str | Path | Fixtures | None = None,
        options: SandboxOptions | None = None,
    ) -> None:
        self.options = options or SandboxOptions()
        if self.options.clock not in MODES:
            raise ValueError(f"clock must be one of {', '.join(MODES)}, not {self.options.clock!r}")
        # The fixtures' JSON document (None when given as a Fixtures object): what
        # GET /_sandbox/fixtures shows and PUT replaces; a reset goes back to the original.
        self.fixtures_document: dict[str, Any] | None = None
        if not isinstance(fixtures, Fixtures):
            self.fixtures_document = fixtures_document(fixtures)
            fixtures = parse_fixtures(self.fixtures_document)
        self.fixtures = fixtures
        self.original_fixtures = (fixtures, self.fixtures_document)
        self.clock = Clock()
        self.store = Store(db)
        self.documents: dict[Api, dict[str, Any]] = {
            "which50": spec_module.document("which50"),
            "checkmarket": spec_module.document("checkmarket"),
        }
        batch_minimum, batch_limit = spec_module.batch_bounds(self.documents["which50"])
        self.which50 = Which50(
            self.store, self.fixtures, batch_limit, batch_minimum, clock=self.clock
        )
        self.checkmarket = CheckMarket(
            self.store,
            self.fixtures,
            spec_module.property_defaults(self.documents["checkmarket"], "ImportConfig"),
            tuple(spec_module.schema(self.documents["checkmarket"], "ImportConfig")["properties"]),
            clock=self.clock,
        )
        from .worker import Worker

        self.worker = Worker(
            self.which50,
            self.checkmarket,
            self.options.chunk_size,
            self.options.step_delay,
            clock=self.clock,
            step_seconds=self.options.step_seconds,
        )
        if self.options.clock == MANUAL:
            self.clock.set_manual()
        self.faults = Faults(self.options.faults)
        self.validators = {
            api: ModelValidator.for_api(api, doc) for api, doc in self.documents.items()
        }
        self.wires: dict[Api, Wire] = {api: Wire(api, doc) for api, doc in self.documents.items()}
        self.limits = self.options.limits or spec_module.shared_request_limits(self.documents)
        self.large_bodies = LargeBodies(self.limits)
        self._pruners: dict[tuple[Api, str], spec_module.Prune] = {}

    def pruner(self, api: Api, schema_name: str) -> spec_module.Prune:
        """``spec.declared_only`` for a named schema of ``api``, planned once."""
        found = self._pruners.get((api, schema_name))
        if found is None:
            document = self.documents[api]
            found = spec_module.pruner(document, spec_module.schema(document, schema_name))
            self._pruners[(api, schema_name)] = found
        return found

    def close(self) -> None:
        self.worker.stop()
        self.store.close()

    def set_fixtures(self, document: dict[str, Any]) -> None:
        """Replace the fixed world (accounts, lists, fields, ids) by a fixtures document."""
        self._use_fixtures(parse_fixtures(document), document)

    def _use_fixtures(self, fixtures: Fixtures, document: dict[str, Any] | None) -> None:
        self.fixtures = self.which50.fixtures = self.checkmarket.fixtures = fixtures
        self.fixtures_document = document

    def reset(self) -> None:
        """Delete every row and go back to the fixtures the sandbox started with."""
        self.store.reset()
        self.worker.forget_manual_work()
        self._use_fixtures(*self.original_fixtures)

    def clock_state(self, steps: int | None = None) -> dict[str, Any]:
        state: dict[str, Any] = {
            "mode": self.clock.mode,
            "now": self.clock.now_iso(),
            "stepSeconds": self.worker.step_seconds,
        }
        if steps is not None:
            state["steps"] = steps
        return state

    def set_clock(self, settings: Any) -> dict[str, Any]:
        """PUT /_sandbox/clock: ``{"mode": "manual"|"real", "now": ISO time, "stepSeconds": s}``
        (each optional; ``now`` only with the manual clock)."""
        if not isinstance(settings, dict) or set(settings) - {"mode", "now", "stepSeconds"}:
            raise BadRequest("The clock settings are an object of mode, now and stepSeconds.")
        mode = settings.get("mode", self.clock.mode)
        if mode not in MODES:
            raise BadRequest(f"mode must be one of {', '.join(MODES)}.")
        start = None
        if settings.get("now") is not None:
            try:
                start = datetime.fromisoformat(str(settings["now"]))
            except ValueError:
                raise BadRequest("now must be an ISO 8601 time with a UTC offset.") from None
            if start.tzinfo is None or mode != MANUAL:
                raise BadRequest("now needs a UTC offset and the manual clock.")
        step = settings.get("stepSeconds")
        if step is not None:
            if not isinstance(step, int | float) or isinstance(step, bool) or step <= 0:
                raise BadRequest("stepSeconds must be a number more than 0.")
            self.worker.step_seconds = float(step)
        if mode == MANUAL and (not self.clock.manual or start is not None):
            self.worker.use_manual_clock(start)
        elif mode == REAL and self.clock.manual:
            self.worker.use_real_clock()
        return self.clock_state()
