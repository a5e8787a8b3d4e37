"""Fault injection for resilience tests: off by default, seeded, per route.

A rule applies to an operationId (or ``*``) and gives probabilities of a dropped connection, a
500/503 answer (with Retry-After), a 429 answer (with Retry-After), and a fixed added latency:
each of these before the request is processed (it changes nothing). ``lost_answer_rate`` is the
probability that the request IS processed and then its answer lost (the connection dropped,
after ``answer_latency_ms``): what a client cannot tell from a dropped connection before
processing, and the case a write that is not idempotent must be careful about.
Settings come from ``--faults`` (a JSON file or JSON text) or ``PUT /_sandbox/faults`` (with the
fixtures' admin key in ``X-Sandbox-Admin-Key``).
"""

from __future__ import annotations

import json
import random
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class FaultRule:
    route: str = "*"
    error_rate: float = 0.0
    error_statuses: tuple[int, ...] = (500, 503)
    rate_limit_rate: float = 0.0
    drop_rate: float = 0.0
    latency_ms: int = 0
    retry_after: int = 1
    lost_answer_rate: float = 0.0
    answer_latency_ms: int = 0

    def __post_init__(self) -> None:
        for name in ("error_rate", "rate_limit_rate", "drop_rate", "lost_answer_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}")
        if self.error_rate + self.rate_limit_rate + self.drop_rate + self.lost_answer_rate > 1.0:
            raise ValueError(
                "error_rate + rate_limit_rate + drop_rate + lost_answer_rate must not exceed 1"
            )
        if not self.error_statuses or any(s not in (500, 503) for s in self.error_statuses):
            raise ValueError("error_statuses must be a non-empty list of 500 and/or 503")
        if min(self.latency_ms, self.answer_latency_ms, self.retry_after) < 0:
            raise ValueError("latency_ms, answer_latency_ms and retry_after must not be negative")


@dataclass(frozen=True)
class FaultSettings:
    seed: int | None = None
    rules: tuple[FaultRule, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {"seed": self.seed, "rules": [asdict(rule) for rule in self.rules]}

    @classmethod
    def from_json(cls, raw: Any) -> FaultSettings:
        if not isinstance(raw, dict):
            raise ValueError("fault settings must be a JSON object with 'seed' and 'rules'")
        unknown = set(raw) - {"seed", "rules"}
        if unknown:
            raise ValueError(f"unknown fault setting(s): {', '.join(sorted(unknown))}")
        seed = raw.get("seed")
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
            raise ValueError("seed must be an integer or null")
        raw_rules = raw.get("rules", [])
        if not isinstance(raw_rules, list):
            raise ValueError("rules must be a list of objects")
        rules = []
        for index, item in enumerate(raw_rules):
            if not isinstance(item, dict):
                raise ValueError(f"rules[{index}] must be an object")
            known = set(FaultRule.__dataclass_fields__)
            extra = set(item) - known
            if extra:
                raise ValueError(f"rules[{index}]: unknown key(s) {', '.join(sorted(extra))}")
            try:
                rule_args = dict(item)
                if "error_statuses" in rule_args:
                    rule_args["error_statuses"] = tuple(int(s) for s in rule_args["error_statuses"])
                rules.append(FaultRule(**rule_args))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"rules[{index}]: {exc}") from None
        return cls(seed, tuple(rules))

    @classmethod
    def parse(cls, source: str) -> FaultSettings:
        """From JSON text, or from the path of a JSON file."""
        text = source if source.lstrip().startswith("{") else Path(source).read_text("utf-8")
        return cls.from_json(json.loads(text))


@dataclass(frozen=True)
class Fault:
    kind: str  # "drop", "error", "rate_limit", "lost_answer"
    status: int = 0
    retry_after: int = 0


class Faults:
    """Draws faults from a seeded generator; thread-safe; replaceable at run time."""

    def __init__(self, settings: FaultSettings | None = None) -> None:
        self._lock = threading.Lock()
        self.configure(settings or FaultSettings())

    def configure(self, settings: FaultSettings) -> None:
        with self._lock:
            self.settings = settings
            self._random = random.Random(settings.seed)

    def rule_for(self, route: str) -> FaultRule | None:
        chosen = None
        for rule in self.settings.rules:
            if rule.route == route:
                return rule
            if rule.route == "*" and chosen is None:
                chosen = rule
        return chosen

    def answer_latency(self, route: str) -> float:
        """Seconds to wait, after a request was processed, before its answer is sent (or lost)."""
        rule = self.rule_for(route)
        return 0.0 if rule is None else rule.answer_latency_ms / 1000.0

    def draw(self, route: str) -> tuple[float, Fault | None]:
        """(added latency in seconds, the fault to inject or None) for one request."""
        rule = self.rule_for(route)
        if rule is None:
            return 0.0, None
        with self._lock:
            roll = self._random.random()
            status = self._random.choice(rule.error_statuses)
        latency = rule.latency_ms / 1000.0
        if roll < rule.drop_rate:
            return latency, Fault("drop")
        roll -= rule.drop_rate
        if roll < rule.error_rate:
            return latency, Fault("error", status, rule.retry_after)
        roll -= rule.error_rate
        if roll < rule.rate_limit_rate:
            return latency, Fault("rate_limit", 429, rule.retry_after)
        roll -= rule.rate_limit_rate
        if roll < rule.lost_answer_rate:
            return latency, Fault("lost_answer")
        return latency, None
