"""Request validation against the spec's schemas, with messages that name the field and the rule,
and the checks both domains make of contact values (blank, e-mail address, phone number).

``SchemaValidator`` compiles each ``components/schemas`` entry of the document into nested closures
once, so validating 10,000 contacts costs milliseconds. It reads only the document: the spec stays
the single source of truth for what a request may carry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .spec import resolve

Check = Callable[[Any, str], None]

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)

EMAIL_PATTERN = re.compile(
    r"^[^@\s\"(),:;<>\[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$"
)
# E.164: an optional "+", a non-zero country code digit, 8 to 15 digits in all; spaces, dashes,
# dots and parentheses are tolerated as separators.
PHONE_PATTERN = re.compile(r"^(\+?)[1-9]\d{7,14}$")
PHONE_SEPARATORS = re.compile(r"[\s\-.()]")


def is_blank(value: Any) -> bool:
    """No value: null, or a string of nothing but whitespace."""
    return value is None or (isinstance(value, str) and value.strip() == "")


def is_valid_email(value: str) -> bool:
    return len(value) <= 254 and EMAIL_PATTERN.match(value) is not None


def is_phone_number(value: str, plus_required: bool = False) -> bool:
    """An E.164 number once separators are dropped; ``plus_required``: written with its "+"."""
    found = PHONE_PATTERN.match(PHONE_SEPARATORS.sub("", value))
    return found is not None and (found.group(1) == "+" or not plus_required)


class ValidationFailed(ValueError):
    """A value breaks the schema; ``path`` names the field (``$`` is the body itself)."""

    def __init__(self, path: str, rule: str) -> None:
        super().__init__(f"{path}: {rule}")
        self.path = path
        self.rule = rule


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return key if path == "$" else f"{path}.{key}"


class SchemaValidator:
    """Validates JSON-shaped values against the named schemas of one OpenAPI document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._compiled: dict[str, Check] = {}

    def validate(self, schema_name: str, value: Any) -> None:
        check = self._compiled.get(schema_name)
        if check is None:
            check = self._compile({"$ref": f"#/components/schemas/{schema_name}"}, set())
            self._compiled[schema_name] = check
        check(value, "$")

    # -- compiler ------------------------------------------------------------------------
    def _compile(self, node: dict[str, Any], seen: set[str]) -> Check:
        if "$ref" in node:
            ref = str(node["$ref"])
            if ref in seen:  # recursive schema: resolve lazily
                return lambda value, path: self._compile(node, set())(value, path)
            return self._compile(resolve(self.document, node), seen | {ref})
        checks: list[Check] = []
        nullable = bool(node.get("nullable", False))
        for part in node.get("allOf", []):
            checks.append(self._compile(part, seen))
        if "anyOf" in node or "oneOf" in node:
            options = [self._compile(o, seen) for o in node.get("anyOf", node.get("oneOf", []))]
            checks.append(self._any_of(options))
        kind = node.get("type")
        if kind is not None:
            checks.append(self._type_check(str(kind), node))
        if "enum" in node:
            allowed = list(node["enum"])

            def enum_check(value: Any, path: str) -> None:
                if value not in allowed or isinstance(value, bool) != any(
                    isinstance(a, bool) for a in allowed
                ):
                    raise ValidationFailed(path, f"must be one of {allowed}")

            checks.append(enum_check)
        if kind == "object" or "properties" in node:
            checks.append(self._object_check(node, seen))
        if kind == "array":
            checks.append(self._array_check(node, seen))
        if kind == "string":
            checks.append(self._string_check(node))
        if kind in ("integer", "number"):
            checks.append(self._number_check(node))

        def check(value: Any, path: str) -> None:
            if value is None:
                if nullable or (kind is None and not checks):
                    return
                if kind is not None:
                    raise ValidationFailed(path, f"must be {kind}, not null")
            for item in checks:
                item(value, path)

        return check

    @staticmethod
    def _any_of(options: list[Check]) -> Check:
        def check(value: Any, path: str) -> None:
            errors = []
            for option in options:
                try:
                    option(value, path)
                    return
                except ValidationFailed as exc:
                    errors.append(exc.rule)
            raise ValidationFailed(
                path, "matches none of the allowed forms (" + "; ".join(errors) + ")"
            )

        return check

    @staticmethod
    def _type_check(kind: str, node: dict[str, Any]) -> Check:
        nullable = bool(node.get("nullable", False))
        fmt = node.get("format")
        bounds = INT32 if fmt == "int32" else INT64

        def check(value: Any, path: str) -> None:
            if value is None and nullable:
                return
            actual = _type_name(value)
            if kind == "number" and actual in ("integer", "number"):
                return
            if actual != kind:
                raise ValidationFailed(path, f"must be {kind}, not {actual}")
            if kind == "integer" and not bounds[0] <= value <= bounds[1]:
                raise ValidationFailed(path, f"is out of the {fmt or 'int64'} range")

        return check

    def _object_check(self, node: dict[str, Any], seen: set[str]) -> Check:
        properties = {
            str(name): self._compile(prop, seen)
            for name, prop in node.get("properties", {}).items()
        }
        read_only = {
            str(name)
            for name, prop in node.get("properties", {}).items()
            if isinstance(prop, dict) and prop.get("readOnly")
        }
        required = [str(r) for r in node.get("required", []) if r not in read_only]
        extra = node.get("additionalProperties", True)
        extra_check: Check | None = None
        if isinstance(extra, dict):
            extra_check = self._compile(extra, seen)

        def check(value: Any, path: str) -> None:
            if not isinstance(value, dict):
                return  # the type check reports it
            for name in required:
                if name not in value:
                    raise ValidationFailed(_child(path, name), "is required")
            for name, item in value.items():
                sub = properties.get(name)
                if sub is not None:
                    sub(item, _child(path, name))
                elif extra_check is not None:
                    extra_check(item, _child(path, name))
                elif extra is False:
                    raise ValidationFailed(_child(path, name), "is not a known property")

        return check

    def _array_check(self, node: dict[str, Any], seen: set[str]) -> Check:
        items = self._compile(node["items"], seen) if "items" in node else None
        low = node.get("minItems")
        high = node.get("maxItems")

        def check(value: Any, path: str) -> None:
            if not isinstance(value, list):
                return
            if low is not None and len(value) < low:
                raise ValidationFailed(path, f"must hold at least {low} items, not {len(value)}")
            if high is not None and len(value) > high:
                raise ValidationFailed(path, f"must hold at most {high} items, not {len(value)}")
            if items is not None:
                for index, item in enumerate(value):
                    items(item, _child(path, index))

        return check

    @staticmethod
    def _string_check(node: dict[str, Any]) -> Check:
        low = node.get("minLength")
        high = node.get("maxLength")
        pattern = re.compile(node["pattern"]) if "pattern" in node else None
        fmt = node.get("format")
        date_time = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

        def check(value: Any, path: str) -> None:
            if not isinstance(value, str):
                return
            if low is not None and len(value) < low:
                raise ValidationFailed(path, f"must be at least {low} characters long")
            if high is not None and len(value) > high:
                raise ValidationFailed(path, f"must be at most {high} characters long")
            if pattern is not None and pattern.search(value) is None:
                raise ValidationFailed(path, f"must match the pattern {pattern.pattern}")
            if fmt == "date-time" and date_time.match(value) is None:
                raise ValidationFailed(path, "must be an ISO 8601 date-time")

        return check

    @staticmethod
    def _number_check(node: dict[str, Any]) -> Check:
        low = node.get("minimum")
        high = node.get("maximum")

        def check(value: Any, path: str) -> None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                return
            if low is not None and value < low:
                raise ValidationFailed(path, f"must be at least {low}")
            if high is not None and value > high:
                raise ValidationFailed(path, f"must be at most {high}")

        return check


class ModelValidator:
    """Validates request bodies with the generated pydantic models (``<api>_models``).

    The models are generated from the same spec by datamodel-code-generator; values are checked in
    strict JSON mode, so a string is never taken for a number. They enforce what the spec says of
    a request body, nullability and the int32/int64 ranges included (scripts/generate.py), with one
    exception: pydantic matches an enum member by Python equality even in strict mode, so it takes
    `true` or `1.0` for the integer member 1. A schema that reaches an enum of non-string values
    (CheckMarket's ImportConfig, through UpdateType) therefore still gets the compiled
    ``SchemaValidator`` pass after the models; every other schema (the W50 contacts and batches,
    the hot path) gets the models alone. tests/sandbox/test_validation_parity.py pins that the
    result refuses exactly the bodies the spec's schema refuses. ``SchemaValidator`` also does the
    whole job for a schema without a model, and where the generated package is not importable (a
    source checkout before ``scripts/generate.py`` ran).
    """

    def __init__(self, module: Any, fallback: SchemaValidator) -> None:
        self.module = module
        self.fallback = fallback
        self._schema_pass: dict[str, bool] = {}

    def needs_schema_pass(self, schema_name: str) -> bool:
        """Whether the models alone would let through a body the spec refuses (see the class)."""
        needed = self._schema_pass.get(schema_name)
        if needed is None:
            node = {"$ref": f"#/components/schemas/{schema_name}"}
            needed = _reaches_non_string_enum(self.fallback.document, node, set())
            self._schema_pass[schema_name] = needed
        return needed

    @classmethod
    def for_api(cls, api: str, document: dict[str, Any]) -> ModelValidator | SchemaValidator:
        import importlib

        fallback = SchemaValidator(document)
        try:
            module = importlib.import_module(f"contactimport.generated.{api}_models")
        except ImportError:
            return fallback
        return cls(module, fallback)

    def validate(
        self, schema_name: str, value: Any, raw_json: bytes | bytearray | None = None
    ) -> None:
        from pydantic import ValidationError

        model = getattr(self.module, schema_name, None)
        if model is None:
            self.fallback.validate(schema_name, value)
            return
        data = raw_json if raw_json is not None else json.dumps(value).encode("utf-8")
        try:
            model.model_validate_json(data, strict=True)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            path = _pydantic_path(value, errors[0])
            # A union reports one error per member: name them all for the same field.
            rules = []
            for error in errors:
                rule = str(error["msg"])
                if _pydantic_path(value, error) == path and rule not in rules:
                    rules.append(rule)
            raise ValidationFailed(path, " or ".join(rules)) from None
        if self.needs_schema_pass(schema_name):
            self.fallback.validate(schema_name, value)


def _reaches_non_string_enum(document: dict[str, Any], node: Any, seen: set[str]) -> bool:
    """Whether `node`, or a schema it reaches, has an `enum` with a member that is no string."""
    if isinstance(node, list):
        return any(_reaches_non_string_enum(document, item, seen) for item in node)
    if not isinstance(node, dict):
        return False
    if "$ref" in node:
        ref = str(node["$ref"])
        if ref in seen:
            return False
        return _reaches_non_string_enum(document, resolve(document, node), seen | {ref})
    if any(not isinstance(member, str) for member in node.get("enum", [])):
        return True
    return any(
        _reaches_non_string_enum(document, value, seen)
        for key, value in node.items()
        if key not in ("enum", "example", "examples", "default") and isinstance(value, dict | list)
    )


def _pydantic_path(value: Any, error: Any) -> str:
    """The error's location as a field path; pydantic's union/type tags are left out."""
    loc = list(error.get("loc", ()))
    if loc and loc[0] == "root":  # RootModel
        loc = loc[1:]
    path = "$"
    current = value
    for index, part in enumerate(loc):
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
        elif error.get("type") == "missing" and index == len(loc) - 1:
            pass
        else:
            break
        path = _child(path, part)
    return path
