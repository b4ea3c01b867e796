"""CI annotations: `--format github` (GitHub Actions workflow commands) and `--format sarif` (SARIF 2.1.0).

The GitHub lines follow the documented workflow-command syntax, `::error file=F,line=L,...::MESSAGE`, with
the documented escapes (`%25 %0D %0A` everywhere, and `%3A %2C` in property values); decoding them gives
back the path and message. The SARIF log validates against the official 2.1.0 schema (vendored in
tests/data, since tests never use the network).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from nbformat.v4 import new_markdown_cell, new_raw_cell

from proofcheck.annotations import escape_data, escape_property, github_command, to_sarif
from proofcheck.cli import main
from proofcheck.diagnostics import CODES, Diagnostic
from proofcheck.source import Span, split_lines

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
COMMAND = re.compile(r"^::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    """The runner's decoding (the inverse of the documented escapes)."""
    for code, ch in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group("props").split(","))
    return m.group("kind"), {k: unescape(v) for k, v in props.items()}, unescape(m.group("message"))


def test_escapes_are_the_documented_ones() -> None:
    assert escape_data("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad"
    assert escape_property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad"
    assert escape_property("%3A") == "%253A"  # a literal escape sequence survives the round trip
    for text in ("50%", "a:b", "x,y", "two\nlines", "%0A", "a%2Cb:,\r"):
        assert unescape(escape_property(text)) == text and unescape(escape_data(text)) == text


def test_a_command_round_trips_a_hostile_path_and_message() -> None:
    path = "course, week 1/T4: softmax%.proof"
    d = Diagnostic.make("E300", "this step does not follow: 100% sure", Span(3, 5, 3, 9), ["counterexample: x = 1, y = 2"])
    line = github_command(path, d, None)
    assert "\n" not in line
    kind, props, message = parse_command(line)
    assert kind == "error"
    assert props == {"file": path, "line": "3", "endLine": "3", "col": "5", "endColumn": "8", "title": "proofcheck E300 (refuted)"}
    assert message == "this step does not follow: 100% sure\ncounterexample: x = 1, y = 2"


def test_columns_only_on_one_line_and_severities_map() -> None:
    multi = Diagnostic.make("W310", "holds only at the point", Span(2, 4, 5, 1))
    kind, props, _ = parse_command(github_command("a.proof", multi, None))
    assert kind == "warning" and "col" not in props and (props["line"], props["endLine"]) == ("2", "5")
    assert {c.severity for c in CODES.values()} <= {"error", "warning", "note"}


def test_cli_github_format_on_a_wrong_step(capsys) -> None:
    path = "examples/softmax_sign_error.proof"
    assert main(["check", str(ROOT / path), "--format", "github", "--ad", "off"]) == 1
    out = capsys.readouterr().out.splitlines()
    commands = [parse_command(line) for line in out if line.startswith("::")]
    assert [(k, p["line"], p["col"], p["endColumn"]) for k, p, _ in commands] == [("error", "9", "37", "43")]
    assert "counterexample: N = 2" in commands[0][2]
    assert out[-1].startswith("proofcheck: 1 file(s)")


def test_github_notebook_annotations_are_file_level(tmp_path: Path, capsys) -> None:
    from test_documents import PROBLEM_MD, notebook

    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(new_markdown_cell(PROBLEM_MD), new_raw_cell("%%proof\nx + x = 3 x")), encoding="utf-8")
    main(["check", str(path), "--format", "github", "--ad", "off"])
    (kind, props, message), = [parse_command(line) for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert "line" not in props and props["file"] == str(path)
    assert message.startswith("cell 2, line 2, column 9: ")


# ------------------------------------------------------------------ SARIF


def sarif_of(args: list[str], capsys) -> dict:
    main(["check", *args, "--format", "sarif", "--ad", "off"])
    return json.loads(capsys.readouterr().out)


def test_sarif_validates_and_locates(tmp_path: Path, capsys) -> None:
    from test_documents import PROBLEM_MD, notebook

    nb = tmp_path / "nb.ipynb"
    nb.write_text(notebook(new_markdown_cell(PROBLEM_MD), new_raw_cell("%%proof\nx + x = 3 x")), encoding="utf-8")
    warn = tmp_path / "w.md"
    warn.write_text("# no proof here\n", encoding="utf-8")
    hint = tmp_path / "h.proof"
    hint.write_text("x + = 1\n", encoding="utf-8")
    log = sarif_of([str(ROOT / "examples/softmax_sign_error.proof"), str(nb), str(warn), str(hint),
                    str(tmp_path / "missing.proof")], capsys)
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(CODES)
    by_rule = {}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        by_rule.setdefault(res["ruleId"], []).append(res)
    refuted = [r for r in by_rule["E300"] if "region" in r["locations"][0]["physicalLocation"]]
    assert [(r["locations"][0]["physicalLocation"]["region"]["startLine"], r["locations"][0]["physicalLocation"]["region"]["startColumn"])
            for r in refuted] == [(9, 37)]
    (cell,) = [r for r in by_rule["E300"] if "properties" in r]
    assert cell["properties"] == {"cell": 2, "cellLine": 2, "cellColumn": 9}
    assert by_rule["W408"][0]["level"] == "warning" and by_rule["E400"][0]["level"] == "error"
    assert by_rule["E100"][0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "x + = 1"


def test_sarif_is_deterministic_and_relative_paths_stay_relative(capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    first = sarif_of(["examples/softmax_sign_error.proof"], capsys)
    again = sarif_of(["examples/softmax_sign_error.proof"], capsys)
    assert first == again
    uri = first["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "examples/softmax_sign_error.proof"


def test_sarif_uri_of_a_path_with_spaces_and_an_absolute_path() -> None:
    from proofcheck.annotations import artifact_uri

    assert artifact_uri("week 1/a%b.proof") == "week%201/a%25b.proof"
    assert artifact_uri("/tmp/x y.md") == "file:///tmp/x%20y.md"


def test_sarif_of_no_results_validates() -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(to_sarif([], {}, 0))
    source = split_lines("a.proof", "x = x\n")
    jsonschema.Draft4Validator(SCHEMA).validate(to_sarif([], {"a.proof": source}, 3))
