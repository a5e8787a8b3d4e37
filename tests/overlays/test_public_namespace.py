"""`import contactimport` gives the clients, the error classes and the workflows by name."""

from __future__ import annotations

import contactimport
from contactimport import checkmarket, errors, which50, workflows


def test_the_clients_are_importable_from_the_package() -> None:
    from contactimport import AsyncCheckMarket, AsyncWhich50, CheckMarket, Which50

    assert (Which50, AsyncWhich50) == (which50.Which50, which50.AsyncWhich50)
    assert (CheckMarket, AsyncCheckMarket) == (
        checkmarket.CheckMarket,
        checkmarket.AsyncCheckMarket,
    )


def test_every_error_class_is_importable_from_the_package() -> None:
    classes = [
        name
        for name in errors.__all__
        if isinstance(getattr(errors, name), type)
        and issubclass(getattr(errors, name), errors.ContactImportError)
    ]
    assert len(classes) >= 10
    for name in classes:
        assert getattr(contactimport, name) is getattr(errors, name), name
        assert name in contactimport.__all__


def test_the_package_names_exist_and_the_workflow_entry_points_are_the_workflows() -> None:
    for name in contactimport.__all__:
        assert hasattr(contactimport, name), name
    for name in (
        "begin_import",
        "begin_import_async",
        "begin_bulk_import",
        "begin_bulk_import_async",
    ):
        assert getattr(contactimport, name) is getattr(workflows, name)
