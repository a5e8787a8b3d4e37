"""Freed memory given back to the system after a large request body (issue 20).

Handling a large body frees everything it allocated (no Python object outlives the request:
measured with ``gc.get_objects()``), yet the process kept most of it resident: glibc's allocator
keeps freed heap memory, in the main heap and in the per-thread arenas the thread pool uses, for
reuse. ``malloc_trim(0)`` hands it back. It is called once after each request whose body took a
large-body slot; elsewhere (another C library, another system) it is a no-op.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(None)
    except OSError:  # pragma: no cover - no dynamic loader
        return None
    trim = getattr(libc, "malloc_trim", None)
    if trim is None:  # pragma: no cover - not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    function: Callable[[int], int] = trim
    return function


def release_free_memory() -> bool:
    """Give the allocator's free memory back to the system; whether any was released."""
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False
