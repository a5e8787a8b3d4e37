"""The installed version of contactimport and the User-Agent our clients send."""

from __future__ import annotations

import platform
from importlib import metadata

import httpx

__all__ = ["USER_AGENT", "VERSION", "user_agent"]


def _installed_version() -> str:
    try:
        return metadata.version("contactimport")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


VERSION: str = _installed_version()


def user_agent(extra: str | None = None) -> str:
    """`contactimport/<version> httpx/<version> Python/<version>`, plus `extra` (e.g. "my-app/1.2").

    Vendors can tell our traffic apart and correlate problems with a release of ours.
    """
    agent = f"contactimport/{VERSION} httpx/{httpx.__version__} Python/{platform.python_version()}"
    return f"{agent} {extra}" if extra else agent


USER_AGENT: str = user_agent()
