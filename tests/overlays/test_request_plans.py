"""Issue 21: the bulk path plans once per schema and sends mappings as they are; what it checks
(bounds at any depth, off-wire members, value types) is the same as before."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import contactimport.generated.spec
import pytest
from contactimport import InvalidParameterError, _parameters, contact
from contactimport._arraybounds import ArrayBounds, TooManyItems
from contactimport._operations import JsonBody
from contactimport._parameters import contacts
from contactimport._wireformats import OffWireMembers

DOCUMENT = contactimport.generated.spec.document("which50")
WARNINGS_LIMIT = DOCUMENT["components"]["schemas"]["Contact"]["properties"]["ValidationWarnings"][
    "maxItems"
]


class Frozen(Mapping[str, Any]):
    """A mapping that is not a dict: the checks must not depend on the fast path's dicts."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def batch(size: int = 5) -> list[Any]:
    return [{"Values": {"Email": f"{n}@example.com"}} for n in range(size)]


@pytest.mark.parametrize("wrap", [dict, Frozen])
def test_a_bound_deep_in_a_batch_names_the_item_and_member(wrap: Any) -> None:
    items = batch()
    items[3] = wrap({"Values": {}, "ValidationWarnings": ["w"] * (WARNINGS_LIMIT + 1)})
    with pytest.raises(TooManyItems) as caught:
        ArrayBounds(DOCUMENT).check("ArrayOfContact", items)
    assert caught.value.where == "$[3].ValidationWarnings"
    assert (caught.value.count, caught.value.limit) == (WARNINGS_LIMIT + 1, WARNINGS_LIMIT)
    items[3] = wrap({"Values": {}, "ValidationWarnings": ["w"] * WARNINGS_LIMIT})
    ArrayBounds(DOCUMENT).check("ArrayOfContact", items)  # at the bound: fine


def test_the_batch_bound_itself() -> None:
    limit = DOCUMENT["components"]["schemas"]["ArrayOfContact"]["maxItems"]
    with pytest.raises(TooManyItems) as caught:
        ArrayBounds(DOCUMENT).check("ArrayOfContact", batch(limit + 1))
    assert caught.value.where == "$" and caught.value.count == limit + 1


def test_off_wire_members_leave_untouched_items_as_they_are() -> None:
    items = batch(3)
    items[1] = {"Values": {"Email": "x@example.com"}, "Id": 5}
    stripped = OffWireMembers(DOCUMENT, "json").strip("ArrayOfContact", items)
    assert stripped[1] == {"Values": {"Email": "x@example.com"}}  # Id is xml-only
    assert items[1]["Id"] == 5  # the caller's dict is not changed
    assert stripped[0] is items[0] and stripped[2] is items[2]  # nothing to drop: no copy
    frozen = OffWireMembers(DOCUMENT, "json").strip("ArrayOfContact", [Frozen(items[1])])
    assert frozen == [{"Values": {"Email": "x@example.com"}}]


def test_contacts_given_as_mappings_go_to_the_wire_as_they_are() -> None:
    items = batch(3)
    shaped = contacts([*items, contact({"Email": "m@example.com"})])
    assert isinstance(shaped, JsonBody)
    assert all(a is b for a, b in zip(shaped.value, items, strict=False))
    assert shaped.value[3] == {"Values": {"Email": "m@example.com"}}


def test_a_body_checked_ahead_is_not_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """An import checks a batch in its reader, ahead of the batch's turn; the client's
    adapters then send that very body (no second pass over 10,000 contacts)."""
    checked = contacts(batch(3))
    cm_checked = _parameters.import_contacts([{"Email": "a@example.com", "LangCode": "en"}])

    def fail(*args: object) -> bool:
        raise AssertionError("checked twice")

    monkeypatch.setattr(_parameters, "_is_plain", fail)
    monkeypatch.setattr(_parameters, "to_contact", fail)
    assert contacts(checked) is checked
    assert _parameters.import_contacts(cm_checked) is cm_checked


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"Values": {"Email": {"nested": 1}}}, r"contact #2: Values\['Email'\] must be a string"),
        ({"Values": {"": "x"}}, "contact #2: value names must be non-empty strings"),
        ({"Values": "x"}, "contact #2 needs a 'Values' mapping"),
        ("x", "contact #2 must be a Contact or a mapping"),
    ],
)
def test_a_bad_contact_in_a_batch_is_named(bad: Any, message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        contacts([batch(1)[0], bad])
