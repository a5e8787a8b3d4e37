"""A date-time the vendor sends with seven fraction digits (.NET ticks) reaches the user and goes
back unchanged (issue 17): the generated models parse `format: date-time` as `ExactDateTime`,
which keeps the wire text (templates/openapi-python-client)."""

from __future__ import annotations

import datetime

from contactimport.generated.checkmarket_client.models import ImportResultPayload
from contactimport.generated.which50_client.models import ImportJob
from contactimport.generated.which50_client.types import ExactDateTime

from .test_spec_examples_roundtrip import spec_import_job

TICKS = "2025-11-14T16:20:52.4841747+00:00"


def test_a_seven_digit_timestamp_round_trips_through_a_w50_model() -> None:
    job = ImportJob.from_dict({**spec_import_job(), "StartDate": TICKS, "FinishDate": None})
    assert isinstance(job.start_date, datetime.datetime)
    assert job.start_date == datetime.datetime(2025, 11, 14, 16, 20, 52, 484174, datetime.UTC)
    assert job.to_dict()["StartDate"] == TICKS
    assert job.to_dict()["FinishDate"] is None


def test_a_seven_digit_timestamp_round_trips_through_a_checkmarket_payload() -> None:
    stamp = "2025-01-22T05:05:51.4493182Z"
    payload = ImportResultPayload.from_dict(
        {"Meta": {"Status": 200, "Timestamp": stamp}, "Data": {"QueueItemId": 1, "StatusId": 1}}
    )
    assert payload.to_dict()["Meta"]["Timestamp"] == stamp


def test_a_value_derived_from_a_wire_date_time_is_written_in_the_standard_form() -> None:
    value = ExactDateTime.parse(TICKS)
    assert value.wire_text == TICKS
    assert value.isoformat(timespec="seconds") == "2025-11-14T16:20:52+00:00"
    later = value + datetime.timedelta(seconds=1)
    assert later.isoformat() == "2025-11-14T16:20:53.484174+00:00"
    assert value.replace(microsecond=0).isoformat() == "2025-11-14T16:20:52+00:00"
