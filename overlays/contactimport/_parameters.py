"""The Python face of the spec parameters the spec alone cannot type well.

`scripts/generate.py` writes every operation of both specs as a method
(`contactimport.generated.<api>_operations`). A parameter or request body named in `ADAPTERS`
takes the Python name, annotation and default of the adapter function's one parameter, and the
generated method passes the user's value through the function, which checks it and returns what
the generated `_get_kwargs()` expects. Everything else is typed from the spec alone (a path
`integer` is `int`, a body `$ref: X` is `X | Mapping[str, Any]`, ...). The generator reads this
module with `ast` (never imports it), so keep `ADAPTERS` and `COMPANIONS` literal.

Keys of `ADAPTERS`: `"query NAME"` (a query parameter), `"query A+B"` (two parameters given as one
Python argument; the function returns both, by spec name), `"path NAME"`, `"body SCHEMA"` and
`"body SCHEMA[]"` (a request body that is the schema, or an array of it).
`COMPANIONS`: keyword arguments added beside a parameter (a companion's function here gives its
annotation and default; the client reads its value).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, Final, TypeVar

from contactimport.generated.checkmarket_client.models import ImportConfig, ImportContact
from contactimport.generated.checkmarket_client.types import UNSET as CHECKMARKET_UNSET
from contactimport.generated.checkmarket_client.types import Unset as CheckMarketUnset
from contactimport.generated.which50_client.models import Contact, ImportJobCreateRequest
from contactimport.generated.which50_client.types import UNSET, Unset

from . import _spec
from ._operations import JsonBody
from ._spec import ApiName
from .errors import InvalidParameterError
from .querystring import CustomEvents, MatchOn, MatchValues

__all__ = [
    "ADAPTERS",
    "COMPANIONS",
    "ContactInput",
    "CustomEventsInput",
    "FieldNamesInput",
    "ImportConfigInput",
    "ImportContactInput",
    "MatchOnInput",
    "MatchValuesInput",
    "model",
]

ADAPTERS: Final = {
    "which50": {
        "query customevents": "custom_events",
        "query match": "match_on",
        "query match+matchValues": "match_values",
        "path contactId": "contact_id",
        "body Contact": "contact",
        "body Contact[]": "contacts",
        "body ImportJobCreateRequest": "field_names",
    },
    "checkmarket": {
        "body ImportConfig": "import_config",
        "body ImportConfig?": "optional_import_config",
        "body ImportContact[]": "import_contacts",
    },
}

COMPANIONS: Final = {
    "which50": {"query match": ["check_fields"], "query match+matchValues": ["check_fields"]},
    "checkmarket": {},
}

ContactInput = Contact | Mapping[str, Any]
"""A generated `Contact`, or its JSON shape (`{"Values": {...}}`)."""
CustomEventsInput = CustomEvents | Sequence[str] | None
"""`CustomEvents("A", "B")`, a list of names, or None (no custom events)."""
MatchOnInput = MatchOn | Sequence[str] | None
"""`MatchOn("Email")` or a list of property names: match on the contact's own values."""
MatchValuesInput = MatchValues | Mapping[str, Any]
"""`MatchValues({"Email": "a@example.com"})` or a mapping: the values contacts must hold."""
FieldNamesInput = Iterable[str] | ImportJobCreateRequest
"""The names of the fields the job imports (or the generated request)."""
ImportConfigInput = ImportConfig | Mapping[str, Any]
"""A generated `ImportConfig`, or its JSON shape (`{"Name": ..., "UpdateTypeId": 1, ...}`)."""
ImportContactInput = ImportContact | Mapping[str, Any]
"""A generated `ImportContact`, or its JSON shape (`{"Email": ..., "LangCode": ...}`)."""

M = TypeVar("M")


def model(cls: type[M], item: object, where: str) -> M:
    """`item` as the generated model `cls`: the model itself, or a mapping of its JSON members."""
    if isinstance(item, cls):
        return item
    if not isinstance(item, Mapping):
        raise InvalidParameterError(
            f"{where} must be a {cls.__name__} or a mapping of its JSON members, got {item!r}"
        )
    from_dict = getattr(cls, "from_dict", None)
    if from_dict is None:  # pragma: no cover - every generated model has from_dict
        raise TypeError(f"{cls.__name__} is not a generated model")
    try:
        result: M = from_dict(dict(item))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidParameterError(f"{where} is not a valid {cls.__name__}: {error!r}") from None
    return result


# -- W50API ------------------------------------------------------------------------------------


def custom_events(custom_events: CustomEventsInput = None) -> list[str] | Unset:
    """`CustomEvents("A", "B")` or a list of names (None: none)."""
    if custom_events is None:
        return UNSET
    if not isinstance(custom_events, CustomEvents):
        if isinstance(custom_events, str):
            raise InvalidParameterError(
                f"custom_events must be CustomEvents(...) or a list of names, got the string "
                f"{custom_events!r}"
            )
        custom_events = CustomEvents(list(custom_events))
    return list(custom_events.names)


def match_on(match: MatchOnInput = None) -> list[str] | Unset:
    """`MatchOn("Email")` or a list of property names; the values come from the contacts."""
    if match is None:
        return UNSET
    if isinstance(match, MatchValues):
        raise InvalidParameterError(
            "MatchValues (names with values) is for the PATCH operations; use MatchOn(...) "
            "with POST/PUT, where the values come from the contacts"
        )
    if isinstance(match, str):
        raise InvalidParameterError(
            f"match must be MatchOn(...) or a list of names, got the string {match!r}"
        )
    names = match.names if isinstance(match, MatchOn) else MatchOn(list(match)).names
    return list(names)


def match_values(match: MatchValuesInput) -> dict[str, Any]:
    """`MatchValues({"Email": "a@example.com"})` or a mapping: the contacts holding these values
    (sent as `match` plus one query parameter per name)."""
    if isinstance(match, MatchOn):
        raise InvalidParameterError(
            "PATCH needs the values to match: use MatchValues({name: value, ...}), not MatchOn"
        )
    values = match if isinstance(match, MatchValues) else MatchValues(match)
    return {"match": list(values.names), "matchValues": dict(values.values)}


def check_fields(check_fields: bool | None = None) -> bool | None:
    """Check the match names against the list's fields before sending (fetched once per list;
    default: the client's `check_match_fields`)."""
    return check_fields


def contact_id(contact_id: str) -> str:
    """The contact's `EncContactId`."""
    if not isinstance(contact_id, str) or not contact_id:
        raise InvalidParameterError(
            f"contact_id is the contact's EncContactId, a non-empty string; got {contact_id!r}"
        )
    return contact_id


def contact(contact: ContactInput) -> Contact:
    """A `Contact` (see `contactimport.contact(...)`) or its JSON shape `{"Values": {...}}`."""
    return to_contact(contact, "contact")


_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


def contacts(contacts: Iterable[ContactInput]) -> JsonBody:
    """`Contact`s or their JSON shapes."""
    if isinstance(contacts, JsonBody):
        return contacts  # checked already (ahead of its turn, by an import)
    if isinstance(contacts, str | bytes | Mapping | Contact):
        raise InvalidParameterError(f"contacts must be a list of contacts, got {contacts!r}")
    shaped: list[Any] = []
    scalars = _SCALARS
    for n, item in enumerate(contacts):
        # The bulk path: `{"Values": {name: scalar}}` is already what goes on the wire; one
        # pass checks it (a batch of 10,000 must not go through from_dict/to_dict per item).
        if type(item) is dict and len(item) == 1:
            values = item.get("Values")
            if type(values) is dict:
                for name, value in values.items():
                    if type(value) not in scalars or type(name) is not str or not name:
                        break
                else:
                    shaped.append(item)
                    continue
        shaped.append(to_contact(item, f"contact #{n + 1}").to_dict())
    return JsonBody(shaped)


def field_names(field_names: FieldNamesInput) -> ImportJobCreateRequest:
    """The names of the list's fields the job imports (or an `ImportJobCreateRequest`)."""
    if isinstance(field_names, ImportJobCreateRequest):
        return field_names
    if isinstance(field_names, str):
        raise InvalidParameterError(
            f"field_names must be a list of names, got the string {field_names!r}"
        )
    names = list(field_names)
    bad = [n for n in names if not isinstance(n, str) or not n.strip()]
    if bad:
        raise InvalidParameterError(f"field_names holds empty or non-string names: {bad!r}")
    return ImportJobCreateRequest(field_names=names)


def to_contact(item: ContactInput, where: str) -> Contact:
    """A `Contact` from a `Contact` or its JSON shape, naming `where` in errors."""
    if isinstance(item, Contact):
        return item
    if not isinstance(item, Mapping):
        raise InvalidParameterError(f"{where} must be a Contact or a mapping, got {item!r}")
    values = item.get("Values")
    if not isinstance(values, Mapping):
        raise InvalidParameterError(f"{where} needs a 'Values' mapping (field name -> value)")
    for name, value in values.items():
        if not isinstance(name, str) or not name:
            raise InvalidParameterError(f"{where}: value names must be non-empty strings: {name!r}")
        if value is not None and not isinstance(value, str | int | float | bool):
            raise InvalidParameterError(
                f"{where}: Values[{name!r}] must be a string, number, boolean or None, "
                f"got {type(value).__name__}"
            )
    return model(Contact, dict(item), where)


# -- CheckMarket -------------------------------------------------------------------------------


def import_config(config: ImportConfigInput) -> ImportConfig:
    """An `ImportConfig` or its JSON shape (`{"Name": ..., "UpdateTypeId": 1, ...}`)."""
    return model(ImportConfig, config, "the import configuration")


def optional_import_config(
    config: ImportConfigInput | None = None,
) -> ImportConfig | CheckMarketUnset:
    """An `ImportConfig` or its JSON shape; None: no body."""
    return CHECKMARKET_UNSET if config is None else import_config(config)


def import_contacts(contacts: Iterable[ImportContactInput]) -> JsonBody:
    """`ImportContact`s or their JSON shapes (`{"Email": ..., "LangCode": ...}`)."""
    if isinstance(contacts, JsonBody):
        return contacts  # checked already (ahead of its turn, by an import)
    if isinstance(contacts, str | bytes | Mapping | ImportContact):
        raise InvalidParameterError(f"contacts must be a list of ImportContact, got {contacts!r}")
    plain = _plain_members("checkmarket", "ImportContact")
    shaped: list[Any] = []
    for n, item in enumerate(contacts):
        if type(item) is dict and _is_plain(item, plain):
            shaped.append(item)  # already what goes on the wire (the bulk path)
        else:
            shaped.append(model(ImportContact, item, f"contact #{n + 1}").to_dict())
    return JsonBody(shaped)


_JSON_TYPES: Final = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


@lru_cache(maxsize=8)
def _plain_members(api: ApiName, schema_name: str) -> dict[str, tuple[tuple[type, ...], bool]]:
    """Member -> (the Python types its JSON value may have, whether it is a string map), for
    a schema whose members are all scalars or maps of scalars (read once from the spec); an
    item holding only such members with such values is sent as it is."""
    schema = _spec.document(api)["components"]["schemas"][schema_name]
    plain: dict[str, tuple[tuple[type, ...], bool]] = {}
    for name, member in (schema.get("properties") or {}).items():
        nullable = (type(None),) if member.get("nullable") else ()
        if member.get("type") in _JSON_TYPES and not member.get("format"):
            plain[name] = ((*_JSON_TYPES[member["type"]], *nullable), False)
        elif member.get("type") == "object" and not member.get("properties"):
            extra = member.get("additionalProperties")
            if isinstance(extra, Mapping) and extra.get("type") in _JSON_TYPES:
                plain[name] = ((*_JSON_TYPES[extra["type"]], *nullable), True)
    return plain


def _is_plain(item: dict[Any, Any], plain: Mapping[str, tuple[tuple[type, ...], bool]]) -> bool:
    for name, value in item.items():
        rule = plain.get(name)
        if rule is None:
            return False
        types, is_map = rule
        if is_map:
            if value is None and type(None) in types:
                continue
            if type(value) is not dict:
                return False
            for key, inner in value.items():
                if type(key) is not str or type(inner) not in types:
                    return False
        elif type(value) not in types:
            return False
    return True
