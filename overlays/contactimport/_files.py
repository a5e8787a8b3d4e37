"""Files written atomically: under a temporary name beside the target, renamed onto it once
complete, so an interrupted writer never leaves half a file and an existing file keeps its
content until the new one is whole. Used by the CSV source's rejects file and the CLI's outputs.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

__all__ = ["AtomicFile", "file_identity", "write_atomically"]


def file_identity(path: Path) -> tuple[object, ...]:
    """What makes two paths the same file: (device, inode) of an existing file after resolving
    links, else its resolved path."""
    resolved = os.path.realpath(path)
    try:
        status = os.stat(resolved)
    except OSError:
        return ("path", resolved)
    return ("inode", status.st_dev, status.st_ino)


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
