# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from enum import IntEnum


class UpdateType(IntEnum):
    UPDATE_EXISTING = 1
    ALWAYS_CREATE = 2

    def __str__(self) -> str:
        return str(self.value)
