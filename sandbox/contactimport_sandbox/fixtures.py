"""Accounts, credentials, contact lists with their fields, survey ids: the sandbox's fixed world.

The default (``fixtures/default.json`` inside this package) is documented in that file; pass another
file with the same shape to ``create_app(fixtures=...)`` or ``--fixtures``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


class FixturesError(ValueError):
    """The fixtures file is not shaped as documented."""


@dataclass(frozen=True)
class W50Token:
    token: str
    permissions: frozenset[str]

    def __repr__(self) -> str:  # never show the secret
        return f"W50Token(permissions={sorted(self.permissions)!r})"


@dataclass(frozen=True)
class ContactList:
    id: int
    name: str
    account_id: str
    fields: tuple[dict[str, Any], ...]

    @property
    def field_names(self) -> frozenset[str]:
        return frozenset(str(f["Name"]) for f in self.fields)

    def field_by_map_type(self, map_type: str) -> frozenset[str]:
        return frozenset(
            str(f["Name"]) for f in self.fields if str(f.get("MapType", "")).lower() == map_type
        )


@dataclass(frozen=True)
class W50Account:
    id: str
    name: str
    tokens: tuple[W50Token, ...]
    lists: tuple[ContactList, ...]


@dataclass(frozen=True)
class CheckMarketKey:
    key: str
    roles: frozenset[str]

    def __repr__(self) -> str:
        return f"CheckMarketKey(roles={sorted(self.roles)!r})"


@dataclass(frozen=True)
class CheckMarketAccount:
    id: str
    name: str
    master_key: str = field(repr=False)
    keys: tuple[CheckMarketKey, ...]
    contact_list_ids: frozenset[int]
    survey_ids: frozenset[int]
    date_format: str = "yyyy-MM-dd"


@dataclass(frozen=True)
class Fixtures:
    w50_accounts: tuple[W50Account, ...]
    checkmarket_accounts: tuple[CheckMarketAccount, ...]
    language_codes: frozenset[str]
    country_codes: frozenset[str] = frozenset()
    state_codes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    admin_key: str = field(default="", repr=False)
    """``sandbox.adminKey``: the credential of the control endpoints (empty: they refuse all)."""

    def is_admin_key(self, given: str) -> bool:
        return bool(self.admin_key) and _same(self.admin_key, given)

    def w50_token(self, token: str) -> tuple[W50Account, W50Token] | None:
        for account in self.w50_accounts:
            for candidate in account.tokens:
                if _same(candidate.token, token):
                    return account, candidate
        return None

    def contact_list(self, account_id: str, list_id: int) -> ContactList | None:
        for account in self.w50_accounts:
            if account.id == account_id:
                for contact_list in account.lists:
                    if contact_list.id == list_id:
                        return contact_list
        return None

    def checkmarket_key(
        self, master_key: str, key: str
    ) -> tuple[CheckMarketAccount, CheckMarketKey] | None:
        for account in self.checkmarket_accounts:
            if _same(account.master_key, master_key):
                for candidate in account.keys:
                    if _same(candidate.key, key):
                        return account, candidate
        return None

    def client_environment(self, origin: str, which50_prefix: str) -> dict[str, str]:
        """The variables that point both clients (and the CLI) at a sandbox served at ``origin``,
        with the first account's credentials that hold the most permissions (roles)."""
        environment: dict[str, str] = {}
        if self.w50_accounts:
            token = max(self.w50_accounts[0].tokens, key=lambda item: len(item.permissions))
            environment["WHICH50_BASE_URL"] = origin + which50_prefix
            environment["WHICH50_API_TOKEN"] = token.token
        if self.checkmarket_accounts:
            account = self.checkmarket_accounts[0]
            key = max(account.keys, key=lambda item: len(item.roles))
            environment["CHECKMARKET_BASE_URL"] = origin
            environment["CHECKMARKET_MASTER_KEY"] = account.master_key
            environment["CHECKMARKET_KEY"] = key.key
        return environment


def _same(expected: str, given: str) -> bool:
    import hmac

    return hmac.compare_digest(expected.encode(), given.encode())


def default_fixtures_text() -> str:
    return resources.files(__package__).joinpath("fixtures/default.json").read_text("utf-8")


def fixtures_document(source: str | Path | None = None) -> dict[str, Any]:
    """The JSON document of a fixtures file (the packaged default when ``source`` is None)."""
    text = default_fixtures_text() if source is None else Path(source).read_text("utf-8")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FixturesError(f"fixtures are not valid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise FixturesError("fixtures must be a JSON object")
    return raw


def parse_fixtures(raw: Any) -> Fixtures:
    """Fixtures from their JSON document (FixturesError when it is not shaped as documented)."""
    try:
        return _parse(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FixturesError(f"fixtures are not shaped as documented: {exc!r}") from None


def load_fixtures(source: str | Path | None = None) -> Fixtures:
    """Read a fixtures file (the packaged default when ``source`` is None)."""
    return parse_fixtures(fixtures_document(source))


def _parse(raw: dict[str, Any]) -> Fixtures:
    w50_accounts = []
    seen_lists: set[int] = set()
    for account in raw["which50"]["accounts"]:
        lists = []
        for item in account["contactLists"]:
            list_id = int(item["Id"])
            if list_id in seen_lists:
                raise ValueError(f"contact list {list_id} is defined twice")
            seen_lists.add(list_id)
            fields = tuple(
                {
                    "Id": int(f["Id"]),
                    "Name": str(f["Name"]),
                    "DefaultValue": f.get("DefaultValue"),
                    "MapType": f.get("MapType"),
                    "Position": int(f.get("Position", 0)),
                    "ContactSchemaFieldValues": [
                        {
                            "Id": int(v["Id"]),
                            "Value": str(v["Value"]),
                            "Order": int(v.get("Order", 0)),
                            "InUse": bool(v.get("InUse", True)),
                        }
                        for v in f.get("ContactSchemaFieldValues", [])
                    ],
                }
                for f in item["Fields"]
            )
            lists.append(ContactList(list_id, str(item["Name"]), str(account["id"]), fields))
        tokens = tuple(
            W50Token(str(t["token"]), frozenset(str(p) for p in t["permissions"]))
            for t in account["tokens"]
        )
        w50_accounts.append(
            W50Account(str(account["id"]), str(account.get("name", "")), tokens, tuple(lists))
        )
    section = raw.get("sandbox")
    admin_key = section.get("adminKey") if isinstance(section, dict) else None
    if not isinstance(admin_key, str) or not admin_key.strip() or admin_key != admin_key.strip():
        raise ValueError(
            "sandbox.adminKey must be a non-empty string without surrounding blanks (the admin "
            "key of /_sandbox/faults and /_sandbox/reset, sent in X-Sandbox-Admin-Key)"
        )
    if any(ord(ch) < 0x20 or ord(ch) > 0x7E for ch in admin_key):
        raise ValueError("sandbox.adminKey must be printable ASCII (it is sent in a header)")
    cm = raw["checkmarket"]
    cm_accounts = tuple(
        CheckMarketAccount(
            id=str(account["id"]),
            name=str(account.get("name", "")),
            master_key=str(account["masterKey"]),
            keys=tuple(
                CheckMarketKey(str(k["key"]), frozenset(str(r) for r in k["roles"]))
                for k in account["keys"]
            ),
            contact_list_ids=frozenset(int(i) for i in account.get("contactListIds", [])),
            survey_ids=frozenset(int(i) for i in account.get("surveyIds", [])),
            date_format=str(account.get("dateFormat", "yyyy-MM-dd")),
        )
        for account in cm["accounts"]
    )
    return Fixtures(
        tuple(w50_accounts),
        cm_accounts,
        frozenset(str(c).lower() for c in cm.get("languageCodes", [])),
        frozenset(str(c).upper() for c in cm.get("countryCodes", [])),
        {
            str(country).upper(): frozenset(str(s).upper() for s in states)
            for country, states in cm.get("stateCodes", {}).items()
        },
        admin_key,
    )
