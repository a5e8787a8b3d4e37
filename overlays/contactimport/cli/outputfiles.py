"""The files an import command writes (``--rejects``, ``--state-file``): checked before anything
is read or sent, and written atomically.

:func:`check_outputs` refuses (click usage error, exit 2, naming the option) an output that is
the CSV file being imported or another output — the same file after resolving links: compared by
device and inode when it exists, by its resolved path when it does not — and one that cannot be
written (its folder is missing or no folder, it is a directory or no regular file, the folder
refuses a new file: ``/proc``, no permission). Writing a file, even once, in such a place
would destroy the CSV while it is read, or fail after contacts were sent.

:class:`AtomicFile` writes under a temporary name beside the target (after resolving links) and
renames it onto the target once complete (``os.replace``, after ``fsync``), so an interrupted
run never leaves half a file and an existing file keeps its content until the new one is whole.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from .._files import AtomicFile, file_identity, write_atomically

__all__ = ["AtomicFile", "OutputOption", "check_outputs", "write_atomically"]


@dataclass(frozen=True)
class OutputOption:
    """A file a command writes, as the option that names it; ``what`` says what it holds.

    ``default``: the path is the option's default (the option was not given).
    """

    option: str
    path: Path
    what: str
    default: bool = False

    def __str__(self) -> str:
        if self.default:
            return f"{self.what} {self.path} (the default of {self.option})"
        return f"{self.option} {self.path}"

    def refuse(self, problem: str) -> click.BadParameter:
        shown = f"{self.path} ({self.what}, by default)" if self.default else str(self.path)
        return click.BadParameter(f"{shown} {problem}", param_hint=self.option)


def check_outputs(source: Path, outputs: Sequence[OutputOption]) -> None:
    """Refuse (:class:`click.BadParameter`, exit 2) an output that is ``source``, the same file
    as an earlier output, or a place that cannot be written; reads nothing but file metadata."""
    source_identity = file_identity(source)
    seen: list[tuple[OutputOption, tuple[object, ...]]] = []
    for output in outputs:
        resolved = Path(os.path.realpath(output.path))
        identity = file_identity(output.path)
        if identity == source_identity:
            named = "" if output.path == source else f" ({source})"
            raise output.refuse(
                f"is the CSV file being imported{named}: writing it would destroy the "
                "contacts while they are read; give another path"
            )
        for earlier, earlier_identity in seen:
            if identity == earlier_identity:
                raise output.refuse(
                    f"is the same file as {earlier}: each output needs a file of its own"
                )
        _check_writable(output, resolved)
        seen.append((output, identity))


def _check_writable(output: OutputOption, resolved: Path) -> None:
    folder = resolved.parent
    try:
        status: os.stat_result | None = os.stat(resolved)
    except FileNotFoundError:
        status = None
    except OSError as error:  # below a regular file (ENOTDIR), a link loop, ...
        status = None
        if not isinstance(error, NotADirectoryError):
            raise output.refuse(f"cannot be written: {error.strerror}") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise output.refuse("is a directory")
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise output.refuse("is not a regular file; give the path of a file")
    try:
        folder_status = os.stat(folder)
    except FileNotFoundError:
        raise output.refuse(f"cannot be written: the folder {folder} does not exist") from None
    except NotADirectoryError:
        raise output.refuse(f"cannot be written: {_first_file(folder)} is not a folder") from None
    except OSError as error:
        raise output.refuse(f"cannot be written: {folder}: {error.strerror}") from None
    if not stat.S_ISDIR(folder_status.st_mode):
        raise output.refuse(f"cannot be written: {folder} is not a folder")
    if status is not None and not os.access(resolved, os.W_OK):
        raise output.refuse("cannot be written: the file is read-only")
    try:  # the folder must take the temporary file the output is written to
        AtomicFile(resolved).discard()
    except OSError as error:
        raise output.refuse(
            f"cannot be written: no file can be created in {folder} ({error.strerror})"
        ) from None


def _first_file(folder: Path) -> Path:
    """The first part of ``folder`` that exists and is no folder (``a.csv`` of ``a.csv/b``)."""
    for part in reversed(folder.parents):
        if part.exists() and not part.is_dir():
            return part
    return folder
