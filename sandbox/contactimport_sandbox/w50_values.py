"""A W50 contact's values: the text a value is matched by, and how a contact list checks
them (e-mail addresses, SMS numbers, fixed values) and completes them (field defaults)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .clock import iso
from .fixtures import ContactList
from .validation import is_blank, is_phone_number, is_valid_email

Scalar = str | int | float | bool | None


def now_iso() -> str:
    """The current UTC time as .NET writes a DateTime: 7 fraction digits and an offset."""
    return iso(datetime.now(UTC))


def match_key(value: Any) -> str | None:
    """The text a value is matched by: query-string text and JSON values compare equal."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if value is None:
        return None
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


@dataclass(frozen=True)
class Validation:
    """How a contact list checks and completes a contact's values: which properties are checked
    as e-mail addresses and as SMS numbers, which take only fixed values, and the defaults an
    inserted contact gets (assumption field-defaults-and-values)."""

    email_fields: frozenset[str]
    sms_fields: frozenset[str]
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(field, its fixed values) for the fields that have any."""
    defaults: tuple[tuple[str, str], ...] = ()
    """(field, DefaultValue) for the fields whose DefaultValue is neither null nor empty."""
    _email_order: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _sms_order: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _defaults_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The order warnings are written in, planned once rather than sorted for each contact.
        object.__setattr__(self, "_email_order", tuple(sorted(self.email_fields)))
        object.__setattr__(self, "_sms_order", tuple(sorted(self.sms_fields)))
        object.__setattr__(self, "_defaults_text", json.dumps(dict(self.defaults)))

    @classmethod
    def for_list(cls, contact_list: ContactList) -> Validation:
        email = contact_list.field_by_map_type("email")
        sms = contact_list.field_by_map_type("mobile") | contact_list.field_by_map_type("sms")
        choices = tuple(
            (str(f["Name"]), tuple(str(v["Value"]) for v in f["ContactSchemaFieldValues"]))
            for f in contact_list.fields
            if f.get("ContactSchemaFieldValues")
        )
        defaults = tuple(
            (str(f["Name"]), str(f["DefaultValue"]))
            for f in contact_list.fields
            if f.get("DefaultValue") not in (None, "")
        )
        return cls(email, sms, choices, defaults)

    def completed(self, values: dict[str, Any]) -> dict[str, Any]:
        """The values of a contact being inserted, with the defaults of the fields it has no
        value for (absent or null)."""
        missing = {name: value for name, value in self.defaults if values.get(name) is None}
        return {**values, **missing} if missing else values

    def completed_with_text(
        self, values: dict[str, Any], text: str
    ) -> tuple[dict[str, Any], str | None]:
        """``completed(values)`` and its ``json.dumps``, made from ``text`` (``json.dumps(values)``)
        without encoding the values again; None for the text when the defaults would not simply
        follow the values (a default replacing a null value in its place)."""
        missing = {name: value for name, value in self.defaults if values.get(name) is None}
        if not missing:
            return values, text
        completed = {**values, **missing}
        if len(completed) != len(values) + len(missing):
            return completed, None
        added = self._defaults_text if len(missing) == len(self.defaults) else json.dumps(missing)
        return completed, added if not values else text[:-1] + ", " + added[1:]

    def check(self, values: Mapping[str, Any]) -> tuple[list[str], bool, bool]:
        """(warnings, has an invalid e-mail, has an invalid SMS number) for one contact's values."""
        warnings: list[str] = []
        for name, allowed in self.choices:
            value = values.get(name)
            if not is_blank(value) and match_key(value) not in allowed:
                warnings.append(
                    f"{name}: '{value}' is not one of the field's values ({', '.join(allowed)})."
                )
        bad_email = bad_sms = False
        for name in self._email_order:
            value = values.get(name)
            if not is_blank(value) and not is_valid_email(str(value)):
                warnings.append(f"{name}: '{value}' is not a valid e-mail address.")
                bad_email = True
        for name in self._sms_order:
            value = values.get(name)
            if not is_blank(value) and not is_phone_number(str(value)):
                warnings.append(f"{name}: '{value}' is not a valid mobile (SMS) number.")
                bad_sms = True
        return warnings, bad_email, bad_sms
