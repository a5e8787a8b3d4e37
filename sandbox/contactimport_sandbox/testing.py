"""``SandboxHandle``: a test's hold on a running sandbox, over its control endpoints.

It resets the sandbox, injects faults, seeds lists, fields, contacts and import configurations,
reads the contacts stored and the custom events fired, and drives the clock. It talks HTTP only
(the ``/_sandbox/...`` endpoints with the admin key), so it works for a sandbox in this process
(``running_sandbox``, the pytest plugin) or anywhere else. It needs only httpx.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from .fixtures import Fixtures
from .paths import W50_PREFIX, ClientUrls

ADMIN_HEADER = "X-Sandbox-Admin-Key"


class SandboxControlError(RuntimeError):
    """A control endpoint refused a request (the message is the sandbox's)."""


@dataclass
class SandboxHandle(ClientUrls):
    """A running sandbox at ``url`` and the credentials of the fixtures it was started with.

    ``clock`` and ``step_seconds`` are what ``reset`` brings the clock back to.
    """

    url: str
    which50_token: str = field(repr=False)
    checkmarket_master_key: str = field(repr=False)
    checkmarket_key: str = field(repr=False)
    admin_key: str = field(repr=False)
    which50_account: str = "acme"
    checkmarket_account: str = "acme"
    clock: str = "real"
    step_seconds: float = 1.0
    _http: httpx.Client = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.url = self.url.rstrip("/")
        self._http = httpx.Client(base_url=self.url, timeout=60.0, trust_env=False)

    @classmethod
    def for_fixtures(
        cls, url: str, fixtures: Fixtures, clock: str = "real", step_seconds: float = 1.0
    ) -> SandboxHandle:
        """A handle with the credentials of the fixtures' first account of each API (its token
        and key with the most permissions), as ``contactimport sandbox`` prints them."""
        environment = fixtures.client_environment(url, W50_PREFIX)
        return cls(
            url,
            which50_token=environment["WHICH50_API_TOKEN"],
            checkmarket_master_key=environment["CHECKMARKET_MASTER_KEY"],
            checkmarket_key=environment["CHECKMARKET_KEY"],
            admin_key=fixtures.admin_key,
            which50_account=fixtures.w50_accounts[0].id,
            checkmarket_account=fixtures.checkmarket_accounts[0].id,
            clock=clock,
            step_seconds=step_seconds,
        )

    def close(self) -> None:
        self._http.close()

    # -- where the clients go (``which50_url``, ``checkmarket_url``: ClientUrls) ---------------
    def environment(self) -> dict[str, str]:
        """The variables that point the clients and the ``contactimport`` CLI at this sandbox."""
        return {
            "WHICH50_BASE_URL": self.which50_url,
            "WHICH50_API_TOKEN": self.which50_token,
            "CHECKMARKET_BASE_URL": self.checkmarket_url,
            "CHECKMARKET_MASTER_KEY": self.checkmarket_master_key,
            "CHECKMARKET_KEY": self.checkmarket_key,
        }

    # -- plumbing ----------------------------------------------------------------------------
    def _control(self, method: str, path: str, body: Any = None, **params: str) -> Any:
        answer = self._http.request(
            method,
            path,
            json=body,
            params=params or None,
            headers={ADMIN_HEADER: self.admin_key},
        )
        return self._checked(answer)

    @staticmethod
    def _checked(answer: httpx.Response) -> Any:
        if answer.status_code >= 400:
            try:
                message = answer.json().get("Message", answer.text)
            except ValueError:
                message = answer.text
            raise SandboxControlError(
                f"{answer.request.method} {answer.request.url.path}: {answer.status_code} {message}"
            )
        return answer.json()

    def _w50_get(self, path: str, **params: str) -> Any:
        answer = self._http.get(
            path, params=params, headers={"Authorization": f"Bearer {self.which50_token}"}
        )
        return self._checked(answer)

    # -- state -------------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the start: no contacts, jobs, configurations or events, the fixtures the
        sandbox started with, no faults, and the clock it started with (a manual one stopped at
        the present moment)."""
        self._control("POST", "/_sandbox/reset")
        self._control("DELETE", "/_sandbox/faults")
        clock: dict[str, Any] = {"mode": self.clock, "stepSeconds": self.step_seconds}
        if self.clock == "manual":
            clock["now"] = datetime.now(UTC).isoformat()
        self._control("PUT", "/_sandbox/clock", clock)

    # -- faults ------------------------------------------------------------------------------
    def inject_fault(self, route: str = "*", *, seed: int | None = 0, **rule: Any) -> None:
        """Answer the operation ``route`` (an operationId, or ``*``) with faults from now on:
        ``error_rate``, ``error_statuses``, ``rate_limit_rate``, ``drop_rate``, ``latency_ms``,
        ``retry_after``, ``lost_answer_rate``, ``answer_latency_ms`` (see the sandbox's faults).
        Replaces the faults set before; ``reset`` or ``clear_faults`` ends them."""
        self.set_faults({"seed": seed, "rules": [{"route": route, **rule}]})

    def set_faults(self, settings: Mapping[str, Any]) -> None:
        """All fault settings at once: ``{"seed": n, "rules": [{"route": ..., ...}]}``."""
        self._control("PUT", "/_sandbox/faults", dict(settings))

    def clear_faults(self) -> None:
        self._control("DELETE", "/_sandbox/faults")

    # -- the fixed world: lists and fields (W50), linked ids (CheckMarket) --------------------
    def fixtures_document(self) -> dict[str, Any]:
        """The fixtures in use, as their JSON document (credentials included)."""
        document: dict[str, Any] = self._control("GET", "/_sandbox/fixtures")
        return document

    def set_fixtures_document(self, document: Mapping[str, Any]) -> None:
        """Replace the fixtures in use (until ``reset``)."""
        self._control("PUT", "/_sandbox/fixtures", dict(document))

    def _w50_account(self, document: dict[str, Any], account: str | None) -> dict[str, Any]:
        wanted = account or self.which50_account
        for item in document["which50"]["accounts"]:
            if item["id"] == wanted:
                found: dict[str, Any] = item
                return found
        raise SandboxControlError(f"no W50 account {wanted!r} in the fixtures")

    @staticmethod
    def _lists(document: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            lst for account in document["which50"]["accounts"] for lst in account["contactLists"]
        ]

    def add_contact_list(
        self,
        name: str,
        fields: Sequence[str | Mapping[str, Any]] = ("Email",),
        *,
        list_id: int | None = None,
        account: str | None = None,
    ) -> int:
        """Add a W50 contact list to an account (default: the handle's) and return its id.

        ``fields`` are names (a Text field; ``Email`` an Email field, ``Mobile`` a Mobile one)
        or field objects as ``listContactListFields`` answers them (``Name``, ``MapType``,
        ``DefaultValue``, ``ContactSchemaFieldValues``; ``Id`` and ``Position`` optional).
        """
        document = copy.deepcopy(self.fixtures_document())
        lists = self._lists(document)
        new_id = (
            list_id if list_id is not None else max((lst["Id"] for lst in lists), default=0) + 1
        )
        next_field = max((f["Id"] for lst in lists for f in lst["Fields"]), default=0) + 1
        built = []
        for position, item in enumerate(fields, start=1):
            built.append(_field(item, next_field, position))
            next_field += 1
        self._w50_account(document, account)["contactLists"].append(
            {"Id": new_id, "Name": name, "Fields": built}
        )
        self.set_fixtures_document(document)
        return new_id

    def add_field(
        self,
        list_id: int,
        name: str,
        map_type: str = "Text",
        *,
        default_value: str | None = "",
        values: Sequence[str] = (),
    ) -> int:
        """Add a field to a W50 contact list and return its id (``values``: the fixed values of
        a SelectList field)."""
        document = copy.deepcopy(self.fixtures_document())
        lists = self._lists(document)
        target = next((lst for lst in lists if lst["Id"] == list_id), None)
        if target is None:
            raise SandboxControlError(f"no W50 contact list {list_id} in the fixtures")
        field_id = max((f["Id"] for lst in lists for f in lst["Fields"]), default=0) + 1
        spec: dict[str, Any] = {"Name": name, "MapType": map_type, "DefaultValue": default_value}
        if values:
            spec["ContactSchemaFieldValues"] = [
                {"Id": index, "Value": value, "Order": index, "InUse": True}
                for index, value in enumerate(values, start=1)
            ]
        position = max((f.get("Position", 0) for f in target["Fields"]), default=0) + 1
        target["Fields"].append(_field(spec, field_id, position))
        self.set_fixtures_document(document)
        return field_id

    def link_checkmarket_ids(
        self,
        contact_list_ids: Iterable[int] = (),
        survey_ids: Iterable[int] = (),
        *,
        account: str | None = None,
    ) -> None:
        """Let CheckMarket import configurations of an account (default: the handle's) link to
        more contact lists and surveys."""
        document = copy.deepcopy(self.fixtures_document())
        wanted = account or self.checkmarket_account
        found = [a for a in document["checkmarket"]["accounts"] if a["id"] == wanted]
        if not found:
            raise SandboxControlError(f"no CheckMarket account {wanted!r} in the fixtures")
        target = found[0]
        target["contactListIds"] = sorted({*target.get("contactListIds", []), *contact_list_ids})
        target["surveyIds"] = sorted({*target.get("surveyIds", []), *survey_ids})
        self.set_fixtures_document(document)

    # -- W50 contacts and custom events --------------------------------------------------------
    def add_contacts(
        self, list_id: int, contacts: Iterable[Mapping[str, Any]]
    ) -> list[dict[str, Any]]:
        """Store contacts (their values, ``{"Email": ...}`` each) in a W50 list as they are, no
        import job and no custom events; returns them stored (``EncContactId``, ``Values``...)."""
        body = {"Contacts": [{"Values": dict(values)} for values in contacts]}
        path = f"/_sandbox/which50/contact-lists/{list_id}/contacts"
        stored: list[dict[str, Any]] = self._control("POST", path, body)["Contacts"]
        return stored

    def contact_records(self, list_id: int) -> list[dict[str, Any]]:
        """Every contact of a W50 list (``EncContactId``, ``Values``, ``ValidationWarnings``),
        in insertion order."""
        records: list[dict[str, Any]] = []
        params = {"limit": "10000"}
        while True:
            page = self._w50_get(f"/_sandbox/which50/contact-lists/{list_id}/contacts", **params)
            records += page["Contacts"]
            if page["Next"] is None:
                return records
            params["after"] = str(page["Next"])

    def contacts(self, list_id: int) -> list[dict[str, Any]]:
        """The values of every contact of a W50 list, in insertion order."""
        return [record["Values"] for record in self.contact_records(list_id)]

    def custom_events(self) -> list[dict[str, Any]]:
        """The custom events fired for the handle's W50 account, oldest first (``Event``,
        ``Action`` inserted/updated, ``EncContactId``, ``ContactListId``, ``ImportJobId``)."""
        events: list[dict[str, Any]] = []
        after = 0
        while True:
            page = self._w50_get(
                "/_sandbox/which50/custom-events", after=str(after), limit="10000"
            )["Events"]
            if not page:
                return events
            events += page
            after = page[-1]["Sequence"]

    # -- CheckMarket configurations and contacts ------------------------------------------------
    def add_import_config(self, config: Mapping[str, Any]) -> int:
        """Create a CheckMarket import configuration (the ``createImportConfig`` body, JSON)
        with the handle's key, and return its ImportConfigId."""
        answer = self._http.post(
            "/3/contacts/import/configs",
            json=dict(config),
            headers={
                "X-Master-Key": self.checkmarket_master_key,
                "X-Key": self.checkmarket_key,
                "Accept": "application/json",
            },
        )
        data = self._checked(answer)["Data"]
        if not data.get("Succeeded"):
            raise SandboxControlError(
                f"the configuration was refused: {data.get('FailureMessage')}"
            )
        return int(data["ImportConfigId"])

    def add_checkmarket_contacts(
        self,
        contacts: Iterable[Mapping[str, Any]],
        *,
        contact_list_id: int | None = None,
        survey_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """Store CheckMarket contacts (``{"Email": ..., "LangCode": ...}`` each) as a bulk import
        into that list or survey would have, for the handle's account; returns them stored."""
        body = {
            "Contacts": [
                {"ContactListId": contact_list_id, "SurveyId": survey_id, "Values": dict(values)}
                for values in contacts
            ]
        }
        stored: list[dict[str, Any]] = self._control(
            "POST", "/_sandbox/checkmarket/contacts", body, account=self.checkmarket_account
        )["Contacts"]
        return stored

    def checkmarket_contacts(self) -> list[dict[str, Any]]:
        """Every CheckMarket contact stored for the handle's account (``Email``, ``LangCode``,
        ``ContactListId``, ``SurveyId``, ``Values``), in insertion order."""
        stored: list[dict[str, Any]] = self._control(
            "GET", "/_sandbox/checkmarket/contacts", account=self.checkmarket_account
        )["Contacts"]
        return stored

    # -- the clock -----------------------------------------------------------------------------
    def use_manual_clock(self, now: datetime | None = None) -> None:
        """Stop the clock (at ``now``, an aware datetime, or the present): from here on import
        jobs and bulk imports move only by ``advance`` and ``run_to_completion``."""
        body: dict[str, Any] = {"mode": "manual"}
        if now is not None:
            body["now"] = now.isoformat()
        self._control("PUT", "/_sandbox/clock", body)

    def use_real_clock(self) -> None:
        """Real time again: the background worker runs on its own."""
        self._control("PUT", "/_sandbox/clock", {"mode": "real"})

    def set_step_seconds(self, seconds: float) -> None:
        """Clock time one background step takes under the manual clock (until ``reset``)."""
        self._control("PUT", "/_sandbox/clock", {"stepSeconds": seconds})

    def advance(self, seconds: float) -> int:
        """Move the manual clock forward; the background work due in that time is done before
        this returns (one step each ``step_seconds``). Returns the steps taken."""
        steps: int = self._control("POST", "/_sandbox/clock/advance", {"seconds": seconds})["steps"]
        return steps

    def run_to_completion(self) -> int:
        """Step the manual clock until every running import job and queued bulk import is
        done; returns the steps taken."""
        answer = self._control("POST", "/_sandbox/clock/run-to-completion")
        steps: int = answer["steps"]
        return steps

    def now(self) -> datetime:
        """The sandbox's time (stopped under the manual clock)."""
        return datetime.fromisoformat(self._control("GET", "/_sandbox/clock")["now"])

    @property
    def clock_mode(self) -> str:
        mode: str = self._control("GET", "/_sandbox/clock")["mode"]
        return mode


def _field(item: str | Mapping[str, Any], field_id: int, position: int) -> dict[str, Any]:
    if isinstance(item, str):
        map_type = {"email": "Email", "mobile": "Mobile"}.get(item.lower(), "Text")
        item = {"Name": item, "MapType": map_type}
    return {
        "Id": item.get("Id", field_id),
        "Name": item["Name"],
        "DefaultValue": item.get("DefaultValue", ""),
        "MapType": item.get("MapType", "Text"),
        "Position": item.get("Position", position),
        "ContactSchemaFieldValues": list(item.get("ContactSchemaFieldValues", [])),
    }
