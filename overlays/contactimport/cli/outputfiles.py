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

import contextlib
import os
import secrets
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

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
        shown = f"{self.path} (the default)" if self.default else str(self.path)
        return click.BadParameter(f"{shown} {problem}", param_hint=self.option)


def check_outputs(source: Path, outputs: Sequence[OutputOption]) -> None:
    """Refuse (:class:`click.BadParameter`, exit 2) an output that is ``source``, the same file
    as an earlier output, or a place that cannot be written; reads nothing but file metadata."""
    source_identity = _identity(Path(os.path.realpath(source)))
    seen: list[tuple[OutputOption, tuple[object, ...]]] = []
    for output in outputs:
        resolved = Path(os.path.realpath(output.path))
        identity = _identity(resolved)
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


def _identity(resolved: Path) -> tuple[object, ...]:
    """(device, inode) of an existing file, else its resolved path."""
    try:
        status = os.stat(resolved)
    except OSError:
        return ("path", str(resolved))
    return ("inode", status.st_dev, status.st_ino)


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


class AtomicFile:
    """A file written under a temporary name beside ``target`` (after resolving links), and
    renamed onto it by :meth:`commit` once complete; :meth:`discard` drops it.

    The temporary file is created at once (empty; with the mode of an existing target) at
    ``temporary``; whoever writes it may close it and open it again.
    """

    def __init__(self, target: Path) -> None:
        self.target = Path(os.path.realpath(target))
        self.temporary = self._create()

    def _create(self) -> Path:
        folder, name = self.target.parent, self.target.name[:80]
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        while True:
            path = folder / f".{name}.{secrets.token_hex(4)}.tmp"
            try:
                descriptor = os.open(path, flags, 0o666)
            except FileExistsError:
                continue
            try:
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(descriptor, stat.S_IMODE(os.stat(self.target).st_mode))
            finally:
                os.close(descriptor)
            return path

    def commit(self) -> None:
        """Put the temporary file's content in place of the target (the target is never seen
        half written), flushed to disk first."""
        descriptor = os.open(self.temporary, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(self.temporary, self.target)
        _sync_folder(self.target.parent)

    def discard(self) -> None:
        """Remove the temporary file (if it is still there); the target stays as it was."""
        self.temporary.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Flush a rename in ``folder`` to disk, where the platform allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` (after resolving links) with ``text`` (UTF-8) in one step."""
    pending = AtomicFile(path)
    try:
        with open(pending.temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        pending.commit()
    except BaseException:
        pending.discard()
        raise
