"""The checks of each row before sending: their rules come from the specs' ``x-value-check`` and
``x-missing``, agree with what the sandbox flags, and a misspelt column is recognised."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from contactimport.cli.rowchecks import (
    ValueCheck,
    _strptime_format,
    checkmarket_rules,
    close_names,
    which50_rules,
)
from contactimport.generated.spec import document
from contactimport_sandbox import validation


def value_check(api: Literal["which50", "checkmarket"], schema: str, member: str) -> dict[str, Any]:
    node: dict[str, Any] = document(api)["components"]["schemas"][schema]["properties"][member]
    return dict(node["x-value-check"])


def test_the_specs_rules_are_the_ones_the_sandbox_applies() -> None:
    email = value_check("which50", "ImportJob", "InvalidEmailCount")
    sms = value_check("which50", "ImportJob", "InvalidSmsCount")
    assert email["pattern"] == validation.EMAIL_PATTERN.pattern
    assert email == {k: v for k, v in value_check("checkmarket", "ImportContact", "Email").items()
                     if k != "resultCode"} | {"mapTypes": ["Email"]}  # fmt: skip
    assert sms["ignore"] == validation.PHONE_SEPARATORS.pattern
    phone = value_check("checkmarket", "ImportContact", "Phone")
    samples = [
        "+32 470 12 34 56",
        "32470123456",
        "0470123456",
        "+0123456789",
        "12",
        "+1 (555) 123-4567",
    ]
    for sample in samples:
        assert ValueCheck.from_spec(sms).accepts(sample) == validation.is_phone_number(sample)
        assert ValueCheck.from_spec(phone).accepts(sample) == validation.is_phone_number(
            sample, plus_required=True
        )
    for sample in ["a@b.co", "a@b", "a b@c.de", "x@" + "d" * 250 + ".com", "ann@ex-ample.org"]:
        assert ValueCheck.from_spec(email).accepts(sample) == validation.is_valid_email(sample)


@pytest.mark.parametrize(
    ("name", "close"),
    [
        ("LanguageCode", ["LangCode"]),
        ("E-mail", ["Email"]),
        ("email", ["Email"]),
        ("first_name", ["FirstName"]),
        ("Email", []),  # a member itself
        ("Tier", []),
        ("Note", []),
    ],
)
def test_a_column_named_almost_like_a_member_is_recognised(name: str, close: list[str]) -> None:
    members = ["FirstName", "LastName", "Email", "LangCode", "CountryCode", "StateCode", "Phone"]
    assert close_names(name, members)[:1] == close  # the closest one, or none


@pytest.mark.parametrize(
    ("date_format", "expected"),
    [("dd/MM/yyyy", "%d/%m/%Y"), ("yyyy-MM-dd", "%Y-%m-%d"), ("d-M-yy", "%d-%m-%y")],
)
def test_a_date_format_becomes_a_strptime_format(date_format: str, expected: str) -> None:
    assert _strptime_format(date_format) == expected


def test_a_w50_row_gets_every_reason_with_its_column() -> None:
    fields: list[dict[str, Any]] = [
        {"Name": "Email", "MapType": "email", "ContactSchemaFieldValues": []},
        {"Name": "Phone", "MapType": "SMS", "ContactSchemaFieldValues": []},
        {"Name": "Tier", "MapType": "Text", "ContactSchemaFieldValues": [{"Value": "A"}]},
    ]
    rules = which50_rules(fields, document("which50"))
    row = {"Email": "x", "Phone": "1", "Tier": "B"}
    reasons = [reason for rule in rules for reason in rule(row)]
    assert [reason.split(": column ")[1] for reason in reasons] == [
        "'Email' holds 'x'", "'Phone' holds '1'", "'Tier' holds 'B'",
    ]  # fmt: skip
    assert [r for rule in rules for r in rule({"Email": " ", "Phone": "", "Tier": "A"})] == []


def test_a_checkmarket_date_of_birth_is_checked_against_the_configurations_format() -> None:
    labels = {"R0302": "R0302 Invalid date of birth"}
    rules = checkmarket_rules(
        {"DateFormat": "dd/MM/yyyy", "DefaultLanguageCode": "en"},
        ["Email", "DateOfBirth"],
        document("checkmarket"),
        labels,
    )
    good = {"Email": "a@b.co", "DateOfBirth": "31/12/1990"}
    bad = {"Email": "a@b.co", "DateOfBirth": "1990-12-31"}
    assert [r for rule in rules for r in rule(good)] == []
    assert [r for rule in rules for r in rule(bad)] == [
        "R0302 Invalid date of birth, the server will not import it: column 'DateOfBirth' holds "
        "'1990-12-31', not a date written dd/MM/yyyy"
    ]
