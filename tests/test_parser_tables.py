"""The parser's shipped tables (grammar/proof.tables): current, equal to a parser built from the
grammar, and refused when damaged or when they are not plain data.

They save building the LALR tables (about 0.3 s of CPU) on every run, without lark's `cache=True`,
which unpickles a file from the shared temp folder. After changing grammar/proof.lark, run
`python -m proofcheck.parse --tables` (a stale file is only slower: the parser is then built).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import pytest
from lark import Lark
from lark.exceptions import UnexpectedInput

from proofcheck import parse as P

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_tables_are_for_this_grammar():
    head = (ROOT / "grammar" / P.TABLES_FILE).read_bytes().partition(b"\n")[0].decode("ascii")
    assert head.split(" ")[0] == P.tables_key(P.grammar_text()), \
        "grammar/proof.tables is stale: run `python -m proofcheck.parse --tables`"
    assert P._load_tables(P.grammar_text()) is not None


def _lines() -> list[str]:
    out = []
    for folder in ("proofs", "examples", "tests/corpus"):
        for path in sorted((ROOT / folder).glob("*.proof")):
            out.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return out


def test_the_tables_parse_as_the_grammar_does():
    """Every line of proofs/, examples/ and tests/corpus/, under every start rule: the same tree, or the
    same error at the same place."""
    loaded = P._load_tables(P.grammar_text())
    built = Lark(P.grammar_text(), **P.PARSER_OPTIONS)

    def outcome(parser: Lark, line: str, start: str):
        try:
            return parser.parse(line, start=start)
        except UnexpectedInput as exc:
            return (type(exc).__name__, exc.line, exc.column)

    lines = _lines()
    assert len(lines) > 1000
    for line in lines:
        for start in P.PARSER_OPTIONS["start"]:
            assert outcome(loaded, line, start) == outcome(built, line, start), (line, start)


def _with_tables(monkeypatch, raw: bytes) -> None:
    real = P._grammar_file
    monkeypatch.setattr(P, "_grammar_file", lambda name: raw if name == P.TABLES_FILE else real(name))


def test_damaged_tables_are_not_used(monkeypatch):
    raw = (ROOT / "grammar" / P.TABLES_FILE).read_bytes()
    middle = len(raw) // 2
    for damaged in (raw[:middle], raw[:middle] + bytes([raw[middle] ^ 1]) + raw[middle + 1:], b"", b"\n", b"x y\nz"):
        _with_tables(monkeypatch, damaged)
        assert P._load_tables(P.grammar_text()) is None


def test_tables_for_another_grammar_are_not_used(monkeypatch):
    _with_tables(monkeypatch, (ROOT / "grammar" / P.TABLES_FILE).read_bytes())
    assert P._load_tables(P.grammar_text() + "\n// changed\n") is None


class _Planted:
    def __reduce__(self):
        return (os.system, ("echo planted > /dev/null",))


@pytest.mark.parametrize("payload", [_Planted(), {"data": print, "memo": {}}])
def test_a_pickle_that_names_anything_is_refused_unread(monkeypatch, payload):
    """Even with a correct key and digest (a file written by someone who can write the package), only
    plain data is unpickled: nothing is looked up, so nothing runs."""
    body = pickle.dumps(payload)
    calls = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a))
    head = f"{P.tables_key(P.grammar_text())} {hashlib.sha256(body).hexdigest()}\n".encode("ascii")
    _with_tables(monkeypatch, head + body)
    assert P._load_tables(P.grammar_text()) is None
    assert calls == []
