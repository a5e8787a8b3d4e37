"""Environment variables read by the clients (credentials, base URLs, debug logging).

Arguments passed to a client always win over the environment; the environment wins over defaults.

- ``WHICH50_API_TOKEN``: W50API bearer token
- ``WHICH50_BASE_URL``: W50API base URL (default: the spec's first server)
- ``CHECKMARKET_MASTER_KEY``: CheckMarket ``X-Master-Key``
- ``CHECKMARKET_KEY``: CheckMarket ``X-Key``
- ``CHECKMARKET_REGION``: CheckMarket region name (see ``contactimport.checkmarket.regions()``)
- ``CHECKMARKET_BASE_URL``: CheckMarket base URL (wins over the region)
- ``CONTACTIMPORT_WIRE_FORMAT``: ``json`` (default) or ``xml``
- ``CONTACTIMPORT_DEBUG``: ``1``/``true``: log every request and response (redacted) to stderr
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import Final, Literal

from .errors import InvalidParameterError

__all__ = [
    "CHECKMARKET_BASE_URL_ENV",
    "CHECKMARKET_KEY_ENV",
    "CHECKMARKET_MASTER_KEY_ENV",
    "CHECKMARKET_REGION_ENV",
    "DEBUG_ENV",
    "WHICH50_BASE_URL_ENV",
    "WHICH50_TOKEN_ENV",
    "WIRE_FORMAT_ENV",
    "WireFormat",
    "configure_debug_logging",
    "debug_enabled",
    "env_value",
    "wire_format_from",
]

WHICH50_TOKEN_ENV: Final = "WHICH50_API_TOKEN"
WHICH50_BASE_URL_ENV: Final = "WHICH50_BASE_URL"
CHECKMARKET_MASTER_KEY_ENV: Final = "CHECKMARKET_MASTER_KEY"
CHECKMARKET_KEY_ENV: Final = "CHECKMARKET_KEY"
CHECKMARKET_REGION_ENV: Final = "CHECKMARKET_REGION"
CHECKMARKET_BASE_URL_ENV: Final = "CHECKMARKET_BASE_URL"
WIRE_FORMAT_ENV: Final = "CONTACTIMPORT_WIRE_FORMAT"
DEBUG_ENV: Final = "CONTACTIMPORT_DEBUG"

WireFormat = Literal["json", "xml"]

_TRUE = {"1", "true", "yes", "on", "debug"}


def env_value(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The variable's value with surrounding blanks removed, or None when unset or blank."""
    value = (os.environ if environ is None else environ).get(name)
    if value is None or not value.strip():
        return None
    return value.strip()


def wire_format_from(value: str | None, *, source: str = "wire_format") -> WireFormat:
    """Validate a wire format name (`json` or `xml`, any case); None means `json`."""
    if value is None:
        return "json"
    lowered = value.strip().lower()
    if lowered == "json":
        return "json"
    if lowered == "xml":
        return "xml"
    raise InvalidParameterError(f"{source} must be 'json' or 'xml', got {value!r}")


def debug_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """True when CONTACTIMPORT_DEBUG asks for debug output."""
    value = env_value(DEBUG_ENV, environ)
    return value is not None and value.lower() in _TRUE


_DEBUG_HANDLER_ATTRIBUTE = "_contactimport_debug_handler"


def configure_debug_logging(environ: Mapping[str, str] | None = None) -> bool:
    """When CONTACTIMPORT_DEBUG is set, send the `contactimport` logger's DEBUG records to stderr.

    Idempotent: at most one handler is ever added. Returns whether debug output is on. Without
    the variable nothing is configured and the application's own logging setup applies.
    """
    if not debug_enabled(environ):
        return False
    logger = logging.getLogger("contactimport")
    logger.setLevel(logging.DEBUG)
    if not any(getattr(h, _DEBUG_HANDLER_ATTRIBUTE, False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        setattr(handler, _DEBUG_HANDLER_ATTRIBUTE, True)
        logger.addHandler(handler)
    return True
