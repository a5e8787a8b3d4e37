"""An in-process HTTP transport that records what the generated clients put on the wire."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

W50_BASE_URL = "https://app.which50.com/Which50API"
CHECKMARKET_BASE_URL = "https://api.checkmarket.com"


@dataclass
class Recorder:
    """Answers every request with `status` and `json_body`, keeping the requests it saw."""

    status: int = 200
    json_body: Any = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(self.status, json=self.json_body)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    @property
    def only(self) -> httpx.Request:
        """The one request sent (fails when there were none or several)."""
        assert len(self.requests) == 1, f"expected one request, saw {len(self.requests)}"
        return self.requests[0]


def raw_target(request: httpx.Request) -> str:
    """The request target exactly as sent: path and query, still percent-encoded."""
    return request.url.raw_path.decode("ascii")


def raw_query(request: httpx.Request) -> str:
    return request.url.query.decode("ascii")


def json_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


Handler = Callable[[httpx.Request], httpx.Response]


def spec_example(api: str, operation_id: str, status: str = "200") -> Any:
    """The first application/json example of an operation's response in the shipped spec."""
    from contactimport.generated.spec import document

    doc = document(api)  # type: ignore[arg-type]

    def resolve(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = doc
            for part in node["$ref"][2:].split("/"):
                target = target[part]
            node = target
        return node

    for item in doc["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                media = resolve(operation["responses"][status])["content"]["application/json"]
                if "example" in media:
                    return media["example"]
                first = next(iter(media["examples"].values()))
                return resolve(first)["value"]
    raise KeyError(operation_id)
