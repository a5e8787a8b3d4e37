"""docs/guides/testing-with-the-sandbox.md shows the example test that CI runs
(examples/test_with_sandbox.py), whole."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_guide_holds_the_example_test_file_as_it_is() -> None:
    guide = (ROOT / "docs" / "guides" / "testing-with-the-sandbox.md").read_text(encoding="utf-8")
    example = (ROOT / "examples" / "test_with_sandbox.py").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", guide, flags=re.DOTALL)
    assert example in blocks


def test_the_readme_links_the_guide() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/guides/testing-with-the-sandbox.md)" in readme
