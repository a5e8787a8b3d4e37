"""Fixtures for the spec tests: the two documents and the vendors' documentation pages (seeds)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

from .seedpages import SEEDS_ENV, SeedPage, default_seed_folder, parse_seed_file, seed_files
from .specdoc import APIS, Api, Document, load_document


def _seed_paths() -> list[Path]:
    folder = default_seed_folder()
    return seed_files(folder) if folder.is_dir() else []


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "seed_page" in metafunc.fixturenames:
        paths = _seed_paths()
        metafunc.parametrize(
            "seed_page",
            paths or [None],
            ids=[path.stem.split("_")[0] for path in paths] or ["no-seeds"],
            indirect=True,
        )
    if "api" in metafunc.fixturenames:
        metafunc.parametrize("api", APIS)


def _seeds_missing(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the seed pages are required)")
    pytest.skip(reason)


@pytest.fixture
def seed_page(request: pytest.FixtureRequest) -> SeedPage:
    path: Path | None = request.param
    if path is None:
        folder = default_seed_folder()
        _seeds_missing(
            f"vendor documentation pages not found in {folder} (no *.txt there); "
            f"set {SEEDS_ENV} to the folder holding them"
        )
    return parse_seed_file(path)


@pytest.fixture
def seed_pages() -> list[SeedPage]:
    """All the seed pages at once (skipped, or failed under CI, like `seed_page`)."""
    paths = _seed_paths()
    if not paths:
        _seeds_missing(
            f"vendor documentation pages not found in {default_seed_folder()} (no *.txt there); "
            f"set {SEEDS_ENV} to the folder holding them"
        )
    return [parse_seed_file(path) for path in paths]


@pytest.fixture
def api(request: pytest.FixtureRequest) -> Api:
    value: Api = request.param
    return value


@pytest.fixture
def doc(api: Api) -> Document:
    return load_document(api)
