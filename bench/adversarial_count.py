"""Count what the adversarial suite enforces: the false claims of `tests/adversarial/*/*.proof` per family,
and the files kept as strict expected failures (a false claim still accepted, or a true one rejected).

    python bench/adversarial_count.py [--write]

Nothing is checked here: `tests/test_adversarial.py` runs every file (the default run and the slow one
that CI runs) and fails if a claim marked "not accepted" is accepted. This script reads the same inline
expectations (tests/test_corpus.parse_expectations) and counts them, so that bench/RESULTS.md states how
many false claims that test stands on. A false claim is a line whose `expect:` allows no accepting verdict,
whose `expect-goal:` allows no met goal, or that expects an error (E2xx: refused, never read); a file with
`% xfail:` on line 1 is an expected failure, named with its reason's first words. `--write` replaces the
`adversarial` section of bench/RESULTS.md.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from test_corpus import parse_expectations  # noqa: E402  (tests/ holds the one expectation reader)

ACCEPTING = {"proved", "numeric", "approx", "ok"}


def count(root: Path):
    families: dict[str, Counter] = {}
    xfails: list[tuple[str, str]] = []
    for path in sorted(root.glob("*/*.proof")):
        fam = path.parent.name
        c = families.setdefault(fam, Counter())
        exp = parse_expectations(path.read_text(encoding="utf-8", errors="replace"))
        c["files"] += 1
        before = c["false"]
        for le in exp.lines.values():
            refused = bool(le.errors)
            if le.steps is not None:
                for allowed in le.steps:
                    if not (allowed & ACCEPTING):
                        c["false"] += 1
            elif le.goals is not None:
                for allowed in le.goals:
                    if "met" not in allowed:
                        c["false"] += 1
            elif refused:
                c["false"] += 1
        if exp.xfail:
            c["xfail"] += 1
            kind = "false claims inside" if c["false"] > before else "true claims only"
            xfails.append((f"{fam}/{path.name}", f"({kind}) {exp.xfail}"))
    return families, xfails


def _first(reason: str) -> str:
    """The reason's first clause, for a one-line list."""
    head = re.split(r"(?<=[.;])\s", reason, maxsplit=1)[0]
    return head if len(head) <= 220 else head[:217] + "..."


def main() -> None:
    families, xfails = count(REPO / "tests" / "adversarial")
    total = Counter()
    rows = []
    for fam, c in sorted(families.items()):
        total.update(c)
        rows.append(f"| {fam} | {c['files']} | {c['false']} | {c['xfail']} |")
    rows.append(f"| all | {total['files']} | {total['false']} | {total['xfail']} |")
    lines = [
        "<!-- begin adversarial -->",
        "## The adversarial suite: what its test enforces",
        "",
        "Counted by `python bench/adversarial_count.py` from the files' inline expectations (nothing is checked by",
        "the script; `tests/test_adversarial.py` checks every file, the slow ones in CI's slow run). A false",
        "claim is a step expected `refuted` or `unknown`, a goal expected unmet, or a line expected to be",
        "refused with an error; each is verified by an oracle independent of proofcheck and SymPy (the",
        "files' headers, `tests/adversarial/oracle.py`, `numeric_oracle.py`). Every file without `% xfail:`",
        "passes, so none of its false claims is accepted; the strict expected failures are listed below.",
        "",
        "| family | files | false claims | strict xfail files |",
        "|---|---|---|---|",
        *rows,
        "",
        "Strict expected failures (a known wrong decision, each with the rule that would fix it in its file):",
        "",
        *[f"- `{name}`: {_first(reason)}" for name, reason in xfails],
        "<!-- end adversarial -->",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if "--write" in sys.argv:
        out = REPO / "bench" / "RESULTS.md"
        old = out.read_text(encoding="utf-8")
        pattern = re.compile(r"<!-- begin adversarial -->.*?<!-- end adversarial -->\n?", re.S)
        new = pattern.sub(lambda _: text, old) if pattern.search(old) else old.rstrip("\n") + "\n" + text
        out.write_text(new, encoding="utf-8")
        print("wrote bench/RESULTS.md")


if __name__ == "__main__":
    main()
