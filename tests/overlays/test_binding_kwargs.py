"""Issue 21, point 4: a call with plain arguments (ids, names) builds its request arguments once
per operation: polling a job again and again does not format and quote its URL each time. The
result is the same, and a caller changing what it got changes nothing later."""

from __future__ import annotations

from typing import Any

from contactimport._operations import Binding

UNSET = object()


def _binding(calls: list[tuple[Any, ...]]) -> Binding[Any]:
    def get_kwargs(list_id: int, job_id: int, *, match: list[str] | None = None) -> dict[str, Any]:
        calls.append((list_id, job_id, match))
        url = f"/contactLists/{list_id}/import/{job_id}"
        return {"method": "get", "url": url + (f"?match={','.join(match)}" if match else "")}

    return Binding(
        "getImportJob",
        get_kwargs,
        path=("contactListId", "importJobId"),
        keywords={"match": "match"},
        parse=lambda data: data,
        unset=UNSET,
    )


def test_plain_arguments_build_the_request_arguments_once() -> None:
    calls: list[tuple[Any, ...]] = []
    binding = _binding(calls)
    first = binding.kwargs({"contactListId": 1, "importJobId": 7})
    first["url"] = "changed by the caller"
    again = binding.kwargs({"contactListId": 1, "importJobId": 7})
    other = binding.kwargs({"contactListId": 1, "importJobId": 8})
    assert again == {"method": "get", "url": "/contactLists/1/import/7"}
    assert other["url"] == "/contactLists/1/import/8"
    assert calls == [(1, 7, None), (1, 8, None)]


def test_arguments_that_are_not_plain_are_built_each_time() -> None:
    calls: list[tuple[Any, ...]] = []
    binding = _binding(calls)
    for _ in range(2):
        made = binding.kwargs({"contactListId": 1, "importJobId": 7, "match": ["Email"]})
        assert made["url"] == "/contactLists/1/import/7?match=Email"
    assert calls == [(1, 7, ["Email"]), (1, 7, ["Email"])]


def test_the_kept_results_are_bounded() -> None:
    calls: list[tuple[Any, ...]] = []
    binding = _binding(calls)
    for job in range(1_000):
        binding.kwargs({"contactListId": 1, "importJobId": job})
    assert len(binding._made) <= 256
    assert binding.kwargs({"contactListId": 1, "importJobId": 999})["url"].endswith("/999")
