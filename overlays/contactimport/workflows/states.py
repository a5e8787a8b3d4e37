"""The states of a job or queue item as the spec's ``x-status-values`` stage them.

Each item of ``x-status-values`` names a state (``value``), its ``meaning``, its ``stage`` and, on
a final state, its ``outcome`` (docs/spec-conventions.md):

- ``open``: not started; the resource still takes input (W50: batches may be uploaded) and can be
  started;
- ``in-progress``: started (queued or running): wait;
- ``final``: it will not change again; ``outcome`` says whether it ``succeeded`` or ``failed``.

A state the spec does not list has no stage: it is in none of the sets below, so a client keeps
waiting while a server reports it and sends it no input. Nothing here names a vendor state; the
workflows decide by these sets alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

__all__ = ["OUTCOMES", "STAGES", "Outcome", "Stage", "StatusValue", "StatusValues", "status_values"]

Stage = Literal["open", "in-progress", "final"]
Outcome = Literal["succeeded", "failed"]
STAGES: Final[tuple[Stage, ...]] = ("open", "in-progress", "final")
OUTCOMES: Final[tuple[Outcome, ...]] = ("succeeded", "failed")


@dataclass(frozen=True)
class StatusValue:
    """One ``x-status-values`` item."""

    value: str | int
    meaning: str
    stage: Stage
    outcome: Outcome | None = None


@dataclass(frozen=True)
class StatusValues:
    """A property's ``x-status-values`` in spec order, with the sets a client decides by."""

    items: tuple[StatusValue, ...]

    def _where(self, stage: Stage, outcome: Outcome | None = None) -> frozenset[str | int]:
        return frozenset(
            item.value
            for item in self.items
            if item.stage == stage and (outcome is None or item.outcome == outcome)
        )

    @property
    def open(self) -> frozenset[str | int]:
        """Not started: takes input and can be started."""
        return self._where("open")

    @property
    def in_progress(self) -> frozenset[str | int]:
        """The values of an import still in progress."""
        return self._where("in-progress")

    @property
    def final(self) -> frozenset[str | int]:
        """The values that end an import (succeeded or failed)."""
        return self._where("final")

    @property
    def started(self) -> frozenset[str | int]:
        """In progress or final: the start (W50: the run request) has taken effect."""
        return self.in_progress | self.final

    @property
    def succeeded(self) -> frozenset[str | int]:
        """The values that end an import as succeeded."""
        return self._where("final", "succeeded")

    @property
    def failed(self) -> frozenset[str | int]:
        """The values that end an import as failed."""
        return self._where("final", "failed")

    def meanings(self) -> dict[str | int, str]:
        """``{value: meaning}`` in spec order."""
        return {item.value: item.meaning for item in self.items}


def status_values(
    document: Mapping[str, Any], schema_name: str, property_name: str
) -> StatusValues:
    """The checked ``x-status-values`` of ``components/schemas/<schema_name>.<property_name>``.

    A missing or malformed list raises ``ValueError`` naming the item and the rule, so a broken
    spec fails when a workflow starts, never halfway through an import.
    """
    where = f"components/schemas/{schema_name}/properties/{property_name}/x-status-values"
    try:
        raw = document["components"]["schemas"][schema_name]["properties"][property_name]
        listed = raw["x-status-values"]
    except (KeyError, TypeError):
        raise ValueError(f"{where}: the spec does not list the states") from None
    if not isinstance(listed, list) or not listed:
        raise ValueError(f"{where}: must be a non-empty list")
    items: list[StatusValue] = []
    for index, entry in enumerate(listed):
        items.append(_item(entry, f"{where}[{index}]"))
    values = [item.value for item in items]
    if len(set(values)) != len(values):
        raise ValueError(f"{where}: a value is listed twice")
    return StatusValues(tuple(items))


def _item(entry: Any, where: str) -> StatusValue:
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where}: must be a {{value, meaning, stage, outcome}} map")
    value = entry.get("value")
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ValueError(f"{where}: value must be a string or an integer, not {value!r}")
    stage = entry.get("stage")
    if stage not in STAGES:
        raise ValueError(f"{where}: stage must be one of {', '.join(STAGES)}, not {stage!r}")
    outcome = entry.get("outcome")
    if stage == "final" and outcome not in OUTCOMES:
        raise ValueError(
            f"{where}: a final state needs outcome {' or '.join(OUTCOMES)}, not {outcome!r}"
        )
    if stage != "final" and outcome is not None:
        raise ValueError(f"{where}: outcome is only for final states (stage {stage!r})")
    return StatusValue(value, str(entry.get("meaning", "")), stage, outcome)
