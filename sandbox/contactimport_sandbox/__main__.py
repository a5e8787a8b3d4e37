"""``python -m contactimport_sandbox``: run the sandbox server."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import DEFAULT_DB, SandboxOptions, serve
from .faults import FaultSettings
from .fixtures import FixturesError, load_fixtures


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="contactimport-sandbox",
        description=(
            "A stateful reference server for the Which50 W50API (under /Which50API) and the "
            "CheckMarket API v3 (under /3)."
        ),
    )
    result.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    result.add_argument("--port", type=int, default=8080, help="port to bind (default 8080)")
    result.add_argument(
        "--db",
        default=DEFAULT_DB,
        help=f"SQLite file holding the state (default {DEFAULT_DB}); ':memory:' keeps nothing",
    )
    result.add_argument(
        "--fixtures",
        default=None,
        help="JSON file of accounts, credentials, lists and surveys (default: the packaged one)",
    )
    result.add_argument(
        "--faults",
        default=None,
        help="fault injection settings: JSON text or a JSON file (default: no faults)",
    )
    result.add_argument(
        "--chunk-size",
        type=int,
        default=2000,
        help="contacts an import job processes per background step (default 2000)",
    )
    result.add_argument(
        "--step-delay",
        type=float,
        default=0.0,
        help="seconds to wait between background steps, to watch progress (default 0)",
    )
    result.add_argument(
        "--clock",
        choices=["real", "manual"],
        default="real",
        help="manual: import jobs and bulk imports move only when POST /_sandbox/clock/advance "
        "moves the clock (default real)",
    )
    result.add_argument(
        "--step-seconds",
        type=float,
        default=1.0,
        help="under the manual clock, clock seconds one background step takes (default 1)",
    )
    result.add_argument("--log-level", default="info")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.fixtures is not None:
            load_fixtures(args.fixtures)
        faults = FaultSettings.parse(args.faults) if args.faults else None
    except (FixturesError, OSError, ValueError) as exc:
        print(f"contactimport-sandbox: {exc}", file=sys.stderr)
        return 2
    options = SandboxOptions(
        chunk_size=args.chunk_size,
        step_delay=args.step_delay,
        faults=faults,
        clock=args.clock,
        step_seconds=args.step_seconds,
    )
    serve(args.host, args.port, args.db, args.fixtures, options, args.log_level)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
