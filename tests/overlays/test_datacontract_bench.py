"""bench/bench_xml.py as CI runs it (`--quick`): it checks the codec's output before timing."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_xml.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_xml", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_xml"] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_quick_run_checks_the_output_and_prints_both_ratios(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = load_bench()
    assert bench.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("200 contacts x 8 values")
    for way in ("raw JSON", "raw XML", "model JSON", "model XML"):
        assert f"  {way}" in out
    assert "raw   ratio XML/JSON:" in out
    assert "model ratio XML/JSON:" in out


class LossyCodec:
    """The real codec, except that decoding drops the last value of every contact."""

    def __init__(self, codec: Any) -> None:
        self.codec = codec

    def encode(self, schema: str, value: Any) -> bytes:
        encoded: bytes = self.codec.encode(schema, value)
        return encoded

    def decode(self, schema: str, xml: bytes | str) -> Any:
        contacts = self.codec.decode(schema, xml)
        for contact in contacts:
            contact["Values"].popitem()
        return contacts


def test_a_codec_that_loses_data_fails_the_check_before_any_timing() -> None:
    bench = load_bench()
    bench._import_path()
    codec = LossyCodec(bench.load_codec())
    contacts = bench.batch(20)
    problems = bench.check(codec, contacts, bench.paths(codec, contacts))
    assert "raw XML: decode(encode(batch)) differs from the batch" in problems
    assert "model XML: decode(encode(batch)) differs from the batch" in problems
    assert not [problem for problem in problems if "JSON" in problem]
