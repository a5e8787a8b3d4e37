"""The options every import command takes, and how a resume treats them.

:func:`import_options` adds the shared options (the command gets one :class:`ImportOptions`);
:func:`option_given` tells an option given from one left at its default; a
:class:`ResumedOption` is an option a resume takes from the interrupted import (the token or the
state file) and words a contradiction of it. :mod:`.importing` runs an import with them.
"""

from __future__ import annotations

import functools
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

import click
from click.core import ParameterSource

from .._spec import ApiName
from ..workflows import ResumeArgumentConflict, RetrySettings
from .common import CliFailure, ExitCode

__all__ = [
    "DELIMITER",
    "ENCODING",
    "MAX_POLL_INTERVAL",
    "ImportOptions",
    "ResumedOption",
    "import_options",
    "option_given",
]

R = TypeVar("R")

#: The longest pause between two checks of the import on the server.
MAX_POLL_INTERVAL: Final = 5.0


@dataclass(frozen=True)
class ImportOptions:
    """The options every import command takes (see :func:`import_options`)."""

    delimiter: str | None
    encoding: str | None
    rejects: Path | None
    warnings: Path | None
    dry_run: bool
    resume: bool
    state_file: Path | None
    poll_interval: float
    retries: int

    @property
    def retry(self) -> RetrySettings:
        return RetrySettings(max_attempts=self.retries + 1)

    @property
    def max_poll_interval(self) -> float:
        return max(self.poll_interval, MAX_POLL_INTERVAL)


def import_options(
    api: ApiName, *, poll_help: str
) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Add the shared import options; the command gets them as one ``options: ImportOptions``."""
    declarations = [
        click.option("--delimiter", default=None, help="The CSV delimiter (default: sniffed)."),
        click.option(
            "--encoding",
            default=None,
            metavar="NAME",
            help="The CSV's encoding, a Python codec name (latin-1, cp1252, utf-16, ...), or "
            "auto to detect it (default: UTF-8, with or without a byte-order mark; a file that "
            "is not valid UTF-8 is refused before anything is sent, naming the likely encoding).",
        ),
        click.option(
            "--rejects",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Write the bad CSV rows (not sent) to this file, each after its line number and "
            "the reason (columns line, reason, then the header's), replacing it once the CSV was "
            "read to its end (not the CSV itself, nor another output).",
        ),
        click.option(
            "--warnings",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Write the rows the server will flag but still receives (an invalid e-mail or "
            "SMS number, a value outside a field's values, a CheckMarket result code) to this "
            "file, each after its line number and the reasons (columns line, reason, then the "
            "header's), replacing it once the CSV was read to its end.",
        ),
        click.option(
            "--dry-run",
            is_flag=True,
            help="Read the whole file and check every row as an import would, print the same "
            "summary (--json: with dryRun true), and send nothing: no job, no configuration, no "
            "state file (only reads from the API). Exit 0: every row would be sent as it is; "
            "1: some rows are rejected or would be flagged; 2, 3: as for an import.",
        ),
        click.option(
            "--resume",
            is_flag=True,
            help="Continue the interrupted import of this file, with the options it began with.",
        ),
        click.option(
            "--state-file",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=f"Where the resume state is kept (default: FILE.{api}-import-state.json), "
            "rewritten atomically at each checkpoint.",
        ),
        click.option(
            "--poll-interval",
            type=click.FloatRange(min=0.01),
            default=1.0,
            show_default=True,
            help=poll_help,
        ),
        click.option(
            "--retries",
            type=click.IntRange(min=0),
            default=7,
            show_default=True,
            help="Retries of a step that failed transiently before the import stops (resumable).",
        ),
    ]
    names = list(ImportOptions.__dataclass_fields__)

    def decorate(command: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(command)
        def with_options(*args: Any, **kwargs: Any) -> R:
            options = ImportOptions(**{name: kwargs.pop(name) for name in names})
            return command(*args, options=options, **kwargs)

        decorated: Callable[..., R] = with_options
        for declare in reversed(declarations):
            decorated = declare(decorated)
        return decorated

    return decorate


def option_given(ctx: click.Context, name: str) -> bool:
    """Whether the option (by parameter name) was given, not left at its default.

    An option given on the command line or through its environment variable counts; its
    default, also one from a ``default_map``, does not (on a resume the token's value applies).
    """
    return ctx.get_parameter_source(name) not in (
        None,
        ParameterSource.DEFAULT,
        ParameterSource.DEFAULT_MAP,
    )


@dataclass(frozen=True)
class ResumedOption:
    """A command-line option a resume takes from the interrupted import (token or state file).

    ``words`` writes a value as it is held (a workflow argument, the token's JSON value) as the
    option on a command line; ``[]`` means the import ran without it. For an option the state
    file keeps (the token does not hold it), ``accepts`` checks the value read back, ``rule``
    says what it must be.
    """

    flag: str
    words: Callable[[Any], list[str]]
    accepts: Callable[[Any], bool] = lambda value: True
    rule: str = ""

    @classmethod
    def value(
        cls, flag: str, accepts: Callable[[Any], bool] = lambda value: True, rule: str = ""
    ) -> ResumedOption:
        """An option with one value (``--batch-size 500``); None: not given."""
        return cls(flag, lambda value: [] if value is None else [flag, str(value)], accepts, rule)

    @classmethod
    def names(cls, flag: str) -> ResumedOption:
        """Comma-separated names (``--match Email,Phone``); none: not given."""
        return cls(flag, lambda value: [flag, ",".join(value)] if value else [])

    @classmethod
    def pairs(cls, flag: str) -> ResumedOption:
        """A repeated NAME=VALUE option (``--match-value Email=a@b.c``)."""
        return cls(
            flag,
            lambda value: [w for k, v in dict(value or {}).items() for w in (flag, f"{k}={v}")],
        )

    @classmethod
    def flag_only(cls, flag: str) -> ResumedOption:
        """A flag without a value (``--keep-empty``)."""
        return cls(
            flag,
            lambda value: [flag] if value else [],
            lambda v: isinstance(v, bool),
            "true or false",
        )

    def contradiction(self, given: Any, recorded: Any) -> CliFailure:
        """The exit-2 failure for a value given on a resume that the import did not begin with."""
        shown = shlex.join(self.words(given) or [self.flag, ""])
        began = self.words(recorded)
        return CliFailure(
            ExitCode.USAGE,
            f"{shown} contradicts the resume token: the import began "
            f"{f'with {shlex.join(began)}' if began else f'without {self.flag}'}; leave "
            f"{self.flag} out to resume with that, or give the same value",
            {"option": self.flag},
            error_type=ResumeArgumentConflict.__name__,
        )


#: The state file keeps the delimiter the interrupted import read the file with.
DELIMITER: Final = ResumedOption.value(
    "--delimiter", lambda value: isinstance(value, str) and len(value) == 1, "one character"
)
#: The state file keeps the encoding the interrupted import read the file with (a codec name).
ENCODING: Final = ResumedOption.value(
    "--encoding", lambda value: isinstance(value, str) and bool(value), "a codec name"
)
