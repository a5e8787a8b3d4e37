"""The CheckMarket v3 domain: import configurations and the bulk import queue with ResultCodes."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from itertools import islice
from typing import Any

from . import spec
from .clock import Clock
from .errors import BadRequest, NotFound
from .fixtures import CheckMarketAccount, Fixtures
from .store import SLICE_CONTACTS, Store
from .validation import is_blank, is_phone_number, is_valid_email

# Queue item states and UpdateTypeId members, by the names the spec gives them; the states are
# checked to have the stage the server gives them, and the server decides by the stages.
_STATUS = spec.status_values(spec.document("checkmarket"), "ImportQueueItem", "StatusId")
QUEUED = int(_STATUS.by_meaning("Queued", "in-progress"))
PROCESSING = int(_STATUS.by_meaning("Processing", "in-progress"))
FAILED = int(_STATUS.by_meaning("Failed", "final", "failed"))
COMPLETED = int(_STATUS.by_meaning("Completed", "final", "succeeded"))
PENDING_STATUSES = tuple(int(value) for value in _STATUS.in_stage("in-progress"))  # work to do
FINAL_STATUSES = tuple(int(value) for value in _STATUS.in_stage("final"))  # Result is present
_PENDING_SQL = ", ".join("?" * len(PENDING_STATUSES))
ALWAYS_CREATE = int(spec.enum_members(spec.document("checkmarket"), "UpdateType")["ALWAYS_CREATE"])

UPDATED = "R0300"
INVALID_BIRTH_DATE = "R0302"
UNKNOWN_COUNTRY = "R0303"
UNKNOWN_STATE = "R0304"
CREATED = "R0301"
NO_LANGUAGE = "R0305"
INVALID_LANGUAGE = "R0306"
NO_EMAIL = "R0307"
INVALID_EMAIL = "R0308"
DUPLICATE_IN_FILE = "R0315"
DUPLICATE_IN_CONTACTS = "R0316"
DEFAULT_LANGUAGE = "R0318"
INVALID_PHONE = "R0322"

CONFIG_NOT_FOUND = "The import configuration was not found."
INSERT_CHUNK = 2000  # queued contacts inserted per executemany
QUEUE_ITEM_NOT_FOUND = "The import queue item was not found."


class CheckMarket:
    """CheckMarket's behaviour over the store; every method is one transaction."""

    def __init__(
        self,
        store: Store,
        fixtures: Fixtures,
        config_defaults: Mapping[str, Any],
        config_properties: Sequence[str] = (),
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        self.clock = clock or Clock()
        self.fixtures = fixtures
        self.config_defaults = dict(config_defaults)
        # The ImportConfig members, in the spec's order: stored configs keep only these.
        self.config_properties = tuple(config_properties)

    # -- import configurations -------------------------------------------------------------
    def _with_defaults(self, config: Mapping[str, Any]) -> dict[str, Any]:
        merged = {**self.config_defaults, **config}
        names = self.config_properties or tuple(merged)
        document = {k: merged[k] for k in names if k in merged and k != "ImportConfigId"}
        return dict(json.loads(json.dumps(document)))

    def create_config(self, account: CheckMarketAccount, config: Mapping[str, Any]) -> int:
        now = self.clock.now_iso()
        with self.store.write() as conn:
            cursor = conn.execute(
                "INSERT INTO cm_configs (account_id, document_json, created_at, updated_at) "
                "VALUES (?, ?, ?, ?)",
                (account.id, json.dumps(self._with_defaults(config)), now, now),
            )
            return int(cursor.lastrowid or 0)

    def _config_row(
        self, conn: sqlite3.Connection, account: CheckMarketAccount, config_id: int
    ) -> dict[str, Any]:
        row = conn.execute(
            "SELECT document_json FROM cm_configs WHERE id = ? AND account_id = ?",
            (config_id, account.id),
        ).fetchone()
        if row is None:
            raise NotFound(CONFIG_NOT_FOUND)
        document: dict[str, Any] = json.loads(row[0])
        return {"ImportConfigId": config_id, **document}

    def get_config(self, account: CheckMarketAccount, config_id: int) -> dict[str, Any]:
        with self.store.read() as conn:
            return self._config_row(conn, account, config_id)

    def list_configs(self, account: CheckMarketAccount) -> list[dict[str, Any]]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT id, document_json FROM cm_configs WHERE account_id = ? ORDER BY id",
                (account.id,),
            ).fetchall()
        configs = [{"ImportConfigId": int(r[0]), **json.loads(r[1])} for r in rows]
        return [c for c in configs if c.get("IsReusable") is True]

    def check_links(self, account: CheckMarketAccount, config: Mapping[str, Any]) -> str | None:
        """Why a valid configuration cannot be stored for this account, or None."""
        list_id = config.get("ContactListId")
        if list_id is not None and list_id not in account.contact_list_ids:
            return f"The contact list {list_id} does not exist in this account."
        survey = (config.get("SurveySettings") or {}).get("SurveyId")
        if survey is not None and survey not in account.survey_ids:
            return f"The survey {survey} does not exist in this account."
        return None

    def replace_config(
        self, account: CheckMarketAccount, config_id: int, config: Mapping[str, Any]
    ) -> dict[str, Any]:
        """PUT with a body: every property replaced, absent ones back to their defaults."""
        with self.store.write() as conn:
            self._config_row(conn, account, config_id)
            conn.execute(
                "UPDATE cm_configs SET document_json = ?, updated_at = ? WHERE id = ?",
                (json.dumps(self._with_defaults(config)), self.clock.now_iso(), config_id),
            )
            return self._config_row(conn, account, config_id)

    def rename_config(self, account: CheckMarketAccount, config_id: int, name: str) -> None:
        with self.store.write() as conn:
            document = self._config_row(conn, account, config_id)
            document.pop("ImportConfigId")
            document["Name"] = name
            conn.execute(
                "UPDATE cm_configs SET document_json = ?, updated_at = ? WHERE id = ?",
                (json.dumps(document), self.clock.now_iso(), config_id),
            )

    def delete_config(self, account: CheckMarketAccount, config_id: int) -> None:
        with self.store.write() as conn:
            self._config_row(conn, account, config_id)
            conn.execute("DELETE FROM cm_configs WHERE id = ?", (config_id,))

    # -- bulk import -----------------------------------------------------------------------
    def queue_import(
        self,
        account: CheckMarketAccount,
        config_id: int,
        contacts: Iterable[Mapping[str, Any]],
    ) -> int:
        """Queue the contacts, one row each, inserted a chunk at a time as they come: an
        import of any size is never held whole (nor as one JSON text)."""
        with self.store.write() as conn:
            config = self._config_row(conn, account, config_id)
            cursor = conn.execute(
                "INSERT INTO cm_queue (account_id, config_id, config_json, status_id, "
                "contacts_json, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (account.id, config_id, json.dumps(config), QUEUED, "[]", self.clock.now_iso()),
            )
            queue_id = int(cursor.lastrowid or 0)
            rows = ((queue_id, seq, json.dumps(dict(c))) for seq, c in enumerate(contacts))
            while chunk := list(islice(rows, INSERT_CHUNK)):
                conn.executemany(
                    "INSERT INTO cm_queue_contacts (queue_id, seq, values_json) VALUES (?, ?, ?)",
                    chunk,
                )
            if config.get("IsReusable") is False:
                # "If false the configuration won't be available in the API nor the Tool": it
                # serves this one import and is gone afterwards.
                conn.execute("DELETE FROM cm_configs WHERE id = ?", (config_id,))
            return queue_id

    def import_result(self, account: CheckMarketAccount, queue_item_id: int) -> dict[str, Any]:
        with self.store.read() as conn:
            row = conn.execute(
                "SELECT status_id, result_json FROM cm_queue WHERE id = ? AND account_id = ?",
                (queue_item_id, account.id),
            ).fetchone()
        if row is None:
            raise NotFound(QUEUE_ITEM_NOT_FOUND)
        status_id, result_json = int(row[0]), row[1]
        result = {"ImportResult": []} if result_json is None else json.loads(result_json)
        return {"QueueItemId": queue_item_id, "StatusId": status_id, "Result": result}

    def start_next(self) -> int | None:
        """Mark the oldest queued item Processing (its own commit, so the status is visible)."""
        with self.store.write() as conn:
            row = conn.execute(
                f"SELECT id FROM cm_queue WHERE status_id IN ({_PENDING_SQL}) ORDER BY id LIMIT 1",
                PENDING_STATUSES,
            ).fetchone()
            if row is None:
                return None
            conn.execute("UPDATE cm_queue SET status_id = ? WHERE id = ?", (PROCESSING, row[0]))
            return int(row[0])

    def fail(self, queue_item_id: int) -> None:
        with self.store.write() as conn:
            conn.execute(
                "UPDATE cm_queue SET status_id = ?, finished_at = ?, contacts_json = '[]' "
                "WHERE id = ?",
                (FAILED, self.clock.now_iso(), queue_item_id),
            )
            conn.execute("DELETE FROM cm_queue_contacts WHERE queue_id = ?", (queue_item_id,))

    def has_queued(self) -> bool:
        with self.store.read() as conn:
            row = conn.execute(
                f"SELECT 1 FROM cm_queue WHERE status_id IN ({_PENDING_SQL}) LIMIT 1",
                PENDING_STATUSES,
            ).fetchone()
            return row is not None

    def process(self, queue_item_id: int) -> None:
        """Import every contact of a queue item in one transaction and record the ResultCodes."""
        with self.store.write() as conn:
            row = conn.execute(
                "SELECT account_id, config_json, contacts_json, status_id FROM cm_queue "
                "WHERE id = ?",
                (queue_item_id,),
            ).fetchone()
            if row is None or int(row[3]) != PROCESSING:
                return
            account_id = str(row[0])
            config: dict[str, Any] = json.loads(row[1])
            codes = self._import(conn, account_id, config, _queued(conn, queue_item_id, row[2]))
            result = {
                "ImportResult": [
                    {"ResultCode": code, "ContactCount": count}
                    for code, count in sorted(codes.items())
                ]
            }
            conn.execute(
                "UPDATE cm_queue SET status_id = ?, result_json = ?, finished_at = ?, "
                "contacts_json = '[]' WHERE id = ?",
                (COMPLETED, json.dumps(result), self.clock.now_iso(), queue_item_id),
            )
            conn.execute("DELETE FROM cm_queue_contacts WHERE queue_id = ?", (queue_item_id,))

    def _import(
        self,
        conn: sqlite3.Connection,
        account_id: str,
        config: Mapping[str, Any],
        contacts: Iterable[Mapping[str, Any]],
    ) -> Counter[str]:
        codes: Counter[str] = Counter()
        account = next(a for a in self.fixtures.checkmarket_accounts if a.id == account_id)
        date_format = _strptime_format(str(config.get("DateFormat") or account.date_format))
        default_language = config.get("DefaultLanguageCode")
        survey = (config.get("SurveySettings") or {}).get("SurveyId")
        contact_list = config.get("ContactListId")
        unique_account = bool(config.get("EmailMustBeUniqueWithinAccount"))
        unique_group = bool(config.get("EmailMustBeUniqueWithinGroup"))
        unique_file = bool(config.get("EmailMustBeUniqueWithinFile"))
        always_create = config.get("UpdateTypeId") == ALWAYS_CREATE
        seen: set[str] = set()
        now = self.clock.now_iso()
        for position, contact in enumerate(contacts):
            if position and position % SLICE_CONTACTS == 0:
                self.store.wait_for_reads()  # a yield point to reads (see the store)
            rejected = self._rejection(contact, config, account, date_format)
            if rejected is not None:
                codes[rejected] += 1
                continue
            email_value = contact.get("Email")
            key = None if is_blank(email_value) else str(email_value).strip().lower()
            used_default = is_blank(contact.get("LangCode"))
            language = str(default_language if used_default else contact.get("LangCode")).strip()
            if key is not None and unique_file and key in seen:
                codes[DUPLICATE_IN_FILE] += 1
                continue
            if key is not None:
                seen.add(key)
            existing = None
            if key is not None:
                if unique_account:
                    existing = conn.execute(
                        "SELECT id FROM cm_contacts WHERE account_id = ? AND email = ? "
                        "ORDER BY id LIMIT 1",
                        (account_id, key),
                    ).fetchone()
                elif unique_group or not always_create:
                    existing = conn.execute(
                        "SELECT id FROM cm_contacts WHERE account_id = ? AND email = ? "
                        "AND contact_list_id IS ? AND survey_id IS ? ORDER BY id LIMIT 1",
                        (account_id, key, contact_list, survey),
                    ).fetchone()
            if existing is not None and always_create and (unique_account or unique_group):
                codes[DUPLICATE_IN_CONTACTS] += 1
                continue
            if used_default:
                codes[DEFAULT_LANGUAGE] += 1
            values = json.dumps(dict(contact))
            if existing is not None and not always_create:
                conn.execute(
                    "UPDATE cm_contacts SET values_json = ?, lang_code = ?, updated_at = ? "
                    "WHERE id = ?",
                    (values, language, now, existing[0]),
                )
                codes[UPDATED] += 1
                continue
            conn.execute(
                "INSERT INTO cm_contacts (account_id, contact_list_id, survey_id, email, "
                "lang_code, values_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (account_id, contact_list, survey, key, language, values, now, now),
            )
            codes[CREATED] += 1
        return codes

    def _rejection(
        self,
        contact: Mapping[str, Any],
        config: Mapping[str, Any],
        account: CheckMarketAccount,
        date_format: str,
    ) -> str | None:
        """The result code that keeps a contact out of the import, or None."""
        email = contact.get("Email")
        if is_blank(email):
            if config.get("EmailIsRequired"):
                return NO_EMAIL
        elif not is_valid_email(str(email).strip()):
            return INVALID_EMAIL
        phone = contact.get("Phone")
        # "+[country code][area code][number]"
        if not is_blank(phone) and not is_phone_number(str(phone), plus_required=True):
            return INVALID_PHONE
        language = contact.get("LangCode")
        if is_blank(language):
            language = config.get("DefaultLanguageCode")
            if is_blank(language):
                return NO_LANGUAGE
        if str(language).strip().lower() not in self.fixtures.language_codes:
            return INVALID_LANGUAGE
        country = contact.get("CountryCode")
        if not is_blank(country):
            country_code = str(country).strip().upper()
            if country_code not in self.fixtures.country_codes:
                return UNKNOWN_COUNTRY
            state = contact.get("StateCode")
            states = self.fixtures.state_codes.get(country_code)
            if (
                not is_blank(state)
                and states is not None
                and str(state).strip().upper() not in states
            ):
                return UNKNOWN_STATE
        birth = contact.get("DateOfBirth")
        if not is_blank(birth):
            try:
                datetime.strptime(str(birth).strip(), date_format)
            except ValueError:
                return INVALID_BIRTH_DATE
        return None

    # -- sandbox-only ------------------------------------------------------------------------
    def seed_contacts(
        self, account: CheckMarketAccount, contacts: Sequence[Mapping[str, Any]]
    ) -> list[dict[str, Any]]:
        """Store contacts as a bulk import would have (``{"ContactListId", "SurveyId",
        "Values"}`` each; Email and LangCode come from Values), without a queue item: a test's
        starting state, e.g. for the duplicate checks. Returns them stored."""
        now = self.clock.now_iso()
        ids = []
        with self.store.write() as conn:
            for contact in contacts:
                values = contact.get("Values") if isinstance(contact, Mapping) else None
                if not isinstance(values, Mapping):
                    raise BadRequest('Each contact is an object with "Values": {name: value}.')
                email = values.get("Email")
                key = None if is_blank(email) else str(email).strip().lower()
                language = None if is_blank(values.get("LangCode")) else str(values["LangCode"])
                cursor = conn.execute(
                    "INSERT INTO cm_contacts (account_id, contact_list_id, survey_id, email, "
                    "lang_code, values_json, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        account.id,
                        contact.get("ContactListId"),
                        contact.get("SurveyId"),
                        key,
                        language,
                        json.dumps(dict(values)),
                        now,
                        now,
                    ),
                )
                ids.append(int(cursor.lastrowid or 0))
        stored = self.stored_contacts(account)
        return [item for item in stored if item["Id"] in ids]

    def stored_contacts(self, account: CheckMarketAccount) -> list[dict[str, Any]]:
        """Every contact stored for the account, in insertion order."""
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT id, contact_list_id, survey_id, email, lang_code, values_json "
                "FROM cm_contacts WHERE account_id = ? ORDER BY id",
                (account.id,),
            ).fetchall()
        return [
            {
                "Id": row[0],
                "ContactListId": row[1],
                "SurveyId": row[2],
                "Email": row[3],
                "LangCode": row[4],
                "Values": json.loads(row[5]),
            }
            for row in rows
        ]


def _queued(
    conn: sqlite3.Connection, queue_item_id: int, legacy_json: str
) -> Iterator[dict[str, Any]]:
    """A queue item's contacts in order, read a row at a time (a file written before issue 20
    may still hold them in cm_queue.contacts_json)."""
    yield from json.loads(legacy_json)
    rows = conn.execute(
        "SELECT values_json FROM cm_queue_contacts WHERE queue_id = ? ORDER BY seq",
        (queue_item_id,),
    )
    for (values_json,) in rows:
        contact: dict[str, Any] = json.loads(values_json)
        yield contact


def _strptime_format(dotnet: str) -> str:
    """A .NET date format (y, M, d; case-sensitive) as a strptime format."""
    tokens = {"yyyy": "%Y", "yy": "%y", "MM": "%m", "M": "%m", "dd": "%d", "d": "%d"}
    result = ""
    index = 0
    while index < len(dotnet):
        for token, directive in tokens.items():
            if dotnet.startswith(token, index):
                result += directive
                index += len(token)
                break
        else:
            char = dotnet[index]
            result += "%%" if char == "%" else char
            index += 1
    return result
