"""Every example in a spec agrees with the schema it illustrates, in JSON and DataContract XML."""

from __future__ import annotations

from .examplesites import example_sites, json_problems
from .specdoc import Document
from .xmlcontract import XmlContractChecker


def test_every_json_example_validates_against_its_schema(doc: Document) -> None:
    """Except vendor samples marked `x-violates-schema: <why>`: those must really fail."""
    sites = [site for site in example_sites(doc) if site.kind == "json"]
    assert sites, f"{doc.api}: the document has no JSON examples"
    problems: list[str] = []
    for site in sites:
        found = json_problems(doc, site)
        if site.violation is None:
            problems += found
        elif not site.violation.strip():
            problems.append(f"{site.where}: x-violates-schema must say why")
        elif not found:
            problems.append(f"{site.where}: marked x-violates-schema but validates; drop the mark")
    assert not problems, "\n".join(problems)


def test_every_xml_example_agrees_with_the_datacontract_description(doc: Document) -> None:
    sites = [site for site in example_sites(doc) if site.kind == "xml"]
    assert sites, f"{doc.api}: the document has no XML examples"
    checker = XmlContractChecker(doc)
    problems: list[str] = []
    for site in sites:
        if not isinstance(site.value, str):
            problems.append(f"{site.where}: an XML example must be a string")
            continue
        problems += [
            f"{site.where}: {problem}" for problem in checker.check(site.value, site.schema)
        ]
    assert not problems, "\n".join(problems)
