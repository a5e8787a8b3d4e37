"""The state file of an interrupted CLI import: the workflow's continuation token, saved after
every confirmed batch so ``--resume`` continues where the last run stopped, with the command's
options that the token does not hold (``--delimiter``, ``--keep-empty``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from .outputfiles import write_atomically

__all__ = ["SavedState", "StateFile", "StateFileError"]


class StateFileError(Exception):
    """The state file is missing, unreadable or belongs to another import."""


class SavedState(NamedTuple):
    """What a state file holds: the continuation token and the options it does not hold."""

    token: str
    options: dict[str, Any]
    """Command-line options of the interrupted import by flag (``{"--delimiter": ","}``)."""


class StateFile:
    """``{"api", "file", "fingerprint", "token", "options"}`` as JSON, written atomically (a
    temporary file beside it, flushed to disk, renamed onto it: see :func:`write_atomically`).

    ``options`` (flag → value) is saved with every token: set it before the import starts.
    """

    def __init__(self, path: Path, *, api: str, source: Path, fingerprint: str) -> None:
        self.path = path
        self.api = api
        self.source = source
        self.fingerprint = fingerprint
        self.options: dict[str, Any] = {}

    @staticmethod
    def default_path(source: Path, api: str) -> Path:
        return source.with_name(f"{source.name}.{api}-import-state.json")

    def exists(self) -> bool:
        return self.path.exists()

    def save(self, token: str) -> None:
        document = {
            "api": self.api,
            "file": str(self.source),
            "fingerprint": self.fingerprint,
            "token": token,
            "options": self.options,
        }
        write_atomically(self.path, json.dumps(document, indent=2) + "\n")

    def load(self) -> SavedState:
        try:
            document: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise StateFileError(
                f"there is no interrupted import to resume ({self.path} does not exist)"
            ) from None
        except (OSError, ValueError) as error:
            raise StateFileError(f"cannot read the state file {self.path}: {error}") from None
        if not isinstance(document, dict) or document.get("api") != self.api:
            raise StateFileError(f"{self.path} is not the state of a {self.api} import")
        if document.get("fingerprint") != self.fingerprint:
            raise StateFileError(
                f"{self.source} changed since the interrupted import (its SHA-256 differs); "
                f"resuming would upload the wrong contacts. Delete {self.path} to start over."
            )
        token = document.get("token")
        if not isinstance(token, str):
            raise StateFileError(f"{self.path} holds no continuation token")
        options = document.get("options", {})  # absent in the state files of older versions
        if not isinstance(options, dict):
            raise StateFileError(f"the state file {self.path} is damaged: 'options' is no object")
        return SavedState(token, options)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
