"""The states of a job or queue item as the spec's ``x-status-values`` stage them.

Each item of ``x-status-values`` names a state (``value``), its ``meaning``, its ``stage`` and, on
a final state, its ``outcome`` (docs/spec-conventions.md):

- ``open``: not started; the resource still takes input (W50: batches may be uploaded) and can be
  started;
- ``in-progress``: started (queued or running): wait;
- ``final``: it will not change again; ``outcome`` says whether it ``succeeded`` or ``failed``.

A state the spec does not list has no stage: it is in none of the sets below, so a client keeps
waiting while a server reports it and sends it no input. Nothing here names a vendor state; the
workflows decide by these sets alone. The reader lives with the spec reader
(`contactimport._spec`, which the sandbox uses too); this module names it for the workflows.
"""

from __future__ import annotations

from .._spec import OUTCOMES, STAGES, Outcome, Stage, StatusValue, StatusValues, status_values

__all__ = ["OUTCOMES", "STAGES", "Outcome", "Stage", "StatusValue", "StatusValues", "status_values"]
