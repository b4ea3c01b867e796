"""The decision cache (proofcheck/cache.py): a warm run gives the same bytes as a cold one, entries are
shared by identical steps wherever they stand, and nothing on disk is trusted blindly: damaged,
foreign or out-of-budget entries are decided again, never a crash."""

from __future__ import annotations

import json
from fractions import Fraction
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from proofcheck import cache as cache_mod
from proofcheck.cache import Cache, default_dir, plain, same
from proofcheck.check.jobs import _Job, _cache_key, _cached_decision, _storable
from proofcheck.elaborate import elaborate
from proofcheck.options import Options
from proofcheck.parse import parse_source
from proofcheck.pipeline import check_text
from proofcheck.report import to_json
from proofcheck.source import split_lines

REPO = Path(__file__).resolve().parents[1]

SOFTMAX = r"""problem S
index i, j, k in 1..N
let o_j = \frac{\exp(h_j)}{\sum_k \exp(h_k)}
\frac{\partial o_j}{\partial h_i} = o_j ((i = j) - o_i)
\sum_j o_j = 1
\sum_j o_j = 2
"""

# the same steps as SOFTMAX, moved down, in another problem
SOFTMAX_MOVED = "problem Other\n\n% a comment\n" + SOFTMAX.split("\n", 1)[1]

AT_POINT = r"""problem P
let y = \tanh(w x + b)
at w = 0.5, x = 2, b = -1
\frac{\partial y}{\partial w} = x (1 - y^2)
  = 2 (1 - \tanh(0)^2)
  = 2
"""

SLOW_STEP = "\\sum_{j=1}^{400} \\frac{x}{j + x^2} = \\sum_{j=1}^{400} \\frac{x}{x^2 + j}\n"


def _opts(tmp_path: Path, seed: int = 0, timeout: float = 30) -> Options:
    return Options(seed=seed, timeout=timeout, workers=2, cache_dir=str(tmp_path / "cache"))


def _doc(result) -> str:
    return json.dumps(to_json([result], 0), ensure_ascii=False, indent=1)


def _steps(result):
    return [s for p in result.problems for s in p.steps]


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.json") if not p.name.startswith(".tmp-"))


def test_warm_run_is_byte_identical_and_decides_nothing(tmp_path):
    opts = _opts(tmp_path)
    for text in (SOFTMAX, AT_POINT):
        uncached = check_text(text, "f.proof", Options(seed=0, timeout=30, workers=2))
        cold = check_text(text, "f.proof", opts)
        warm = check_text(text, "f.proof", opts)
        assert _doc(cold) == _doc(uncached) == _doc(warm)
        assert all(s.cached for s in _steps(warm)) and not any(s.cached for s in _steps(uncached))
        assert all(s.seconds == 0 for s in _steps(warm))


def test_identical_steps_share_entries_wherever_they_stand(tmp_path):
    opts = _opts(tmp_path)
    check_text(SOFTMAX, "a.proof", opts)
    moved = check_text(SOFTMAX_MOVED, "b.proof", opts)
    assert all(s.cached for s in _steps(moved))
    fresh = check_text(SOFTMAX_MOVED, "b.proof", Options(seed=0, timeout=30, workers=2))
    assert _doc(moved) == _doc(fresh)  # same seeds, same evidence, lines of the new place


def test_at_point_autodiff_values_follow_the_derivative_to_its_new_line(tmp_path):
    opts = _opts(tmp_path)
    check_text(AT_POINT, "a.proof", opts)
    moved_text = AT_POINT.replace("problem P\n", "problem Q\n\n\n")
    moved = check_text(moved_text, "b.proof", opts)
    assert all(s.cached for s in _steps(moved))
    values = [v for s in _steps(moved) for v in (s.autodiff or {}).get("values", [])]
    assert values and all(v["line"] == 6 for v in values), values
    assert _doc(moved) == _doc(check_text(moved_text, "b.proof", Options(seed=0, timeout=30, workers=2)))


def test_a_different_seed_or_context_is_another_entry(tmp_path):
    opts = _opts(tmp_path)
    check_text(SOFTMAX, "a.proof", opts)
    other_seed = check_text(SOFTMAX, "a.proof", _opts(tmp_path, seed=1))
    assert not any(s.cached for s in _steps(other_seed))
    narrowed = check_text(SOFTMAX.replace("1..N", "1..N\nassume h_1 > 0"), "a.proof", opts)
    assert not any(s.cached for s in _steps(narrowed))


def test_damaged_entries_are_decided_again_and_rewritten(tmp_path):
    opts = _opts(tmp_path)
    cold = check_text(SOFTMAX, "a.proof", opts)
    entries = _entries(tmp_path / "cache")
    assert entries
    damage = [b"", b"{", b"\xff\xfe", b"[]", b'{"format": 1}', b"[" * 100_000, b"x" * 2_000_000]
    for i, path in enumerate(entries):
        path.write_bytes(damage[i % len(damage)])
    again = check_text(SOFTMAX, "a.proof", opts)
    assert _doc(again) == _doc(cold)
    assert not any(s.cached for s in _steps(again))
    assert all(s.cached for s in _steps(check_text(SOFTMAX, "a.proof", opts)))  # rewritten whole


def test_an_edited_value_is_refused(tmp_path):
    """A bit flip in a stored decision (the checksum no longer matches) is a miss, not a verdict."""
    opts = _opts(tmp_path)
    check_text("x + x = 3 x\n", "a.proof", opts)  # refuted
    [path] = _entries(tmp_path / "cache")
    entry = json.loads(path.read_text())
    assert entry["value"]["decision"]["verdict"] == "refuted"
    entry["value"]["decision"]["verdict"] = "proved"
    path.write_text(json.dumps(entry))
    [step] = _steps(check_text("x + x = 3 x\n", "a.proof", opts))
    assert step.verdict == "refuted" and not step.cached


def _job(text: str) -> _Job:
    statements, _ = parse_source(split_lines("<t>", text))
    chain = elaborate(statements)[0][0].chains[0]
    return _Job("step", chain, 1, 0, chain.context, chain.members[0].expr, chain.members[1].expr, "=", 0, ad="autograd")


@pytest.mark.parametrize("bad", [
    {"verdict": "maybe"}, {"points": "3"}, {"points": True}, {"instances": {}}, {"diagnostics": [{"code": "E300"}]},
    {"counterexample": []}, {"surprise": 1},
], ids=lambda b: next(iter(b)))
def test_entries_that_fail_validation_are_misses(tmp_path, bad):
    """Even with a checksum that matches (written through Cache.put), a malformed decision is not used."""
    opts = _opts(tmp_path)
    job = _job("x + x = 2 x\n")
    key = _cache_key(job, opts)
    cache = Cache(opts.cache_dir)
    good = _storable(job, job())  # a real decision, in the form it is stored
    assert good is not None and good["verdict"] == "proved"
    assert cache.put(key, {"cpu_seconds": 0.1, "decision": good})
    assert _cached_decision(cache, job, key, opts) is not None  # the well-formed entry is used
    assert cache.put(key, {"cpu_seconds": 0.1, "decision": {**good, **bad}})
    assert _cached_decision(cache, job, key, opts) is None


def test_a_decision_slower_than_this_runs_budget_is_decided_again(tmp_path):
    """An entry reached in more CPU time than the current --timeout would be `unknown` here: not used."""
    slow = check_text(SLOW_STEP, "a.proof", _opts(tmp_path, timeout=60))
    [step] = _steps(slow)
    assert step.verdict == "proved" and step.seconds > 0.02
    [tight] = _steps(check_text(SLOW_STEP, "a.proof", _opts(tmp_path, timeout=0.01)))
    assert tight.verdict == "unknown" and not tight.cached


def test_time_budget_exceeded_is_not_stored(tmp_path):
    [tight] = _steps(check_text(SLOW_STEP, "a.proof", _opts(tmp_path, timeout=0.01)))
    assert tight.verdict == "unknown" and "time budget" in tight.message
    [roomy] = _steps(check_text(SLOW_STEP, "a.proof", _opts(tmp_path, timeout=60)))
    assert roomy.verdict == "proved" and not roomy.cached


def test_decisions_with_located_diagnostics_are_not_stored(tmp_path):
    opts = _opts(tmp_path)
    [step] = _steps(check_text("x = \\sum_j y_j\n", "a.proof", opts))  # E205 located at the sum
    assert step.verdict == "unknown"
    assert not _entries(tmp_path / "cache")


def test_an_unusable_cache_folder_is_no_crash(tmp_path):
    uncached = check_text(SOFTMAX, "a.proof", Options(seed=0, timeout=30))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    r = check_text(SOFTMAX, "a.proof", Options(seed=0, timeout=30, cache_dir=str(blocker / "cache")))
    assert _doc(r) == _doc(uncached)
    assert not any(s.cached for s in _steps(r))


def test_cache_folder_is_tagged_and_ignored_by_git(tmp_path):
    check_text(SOFTMAX, "a.proof", _opts(tmp_path))
    root = tmp_path / "cache"
    assert (root / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (root / ".gitignore").read_text().splitlines()[-1] == "*"


def test_default_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_dir() == str(tmp_path / "proofcheck")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec: relative values are ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_dir() == str(tmp_path / "home" / ".cache" / "proofcheck")


def test_keys_ignore_positions_but_not_content():
    def chain_line(text):
        return next(st for st in parse_source(split_lines("<t>", text))[0] if st.__class__.__name__ == "ChainLine")
    a, b, c = chain_line("x + y = y + x\n"), chain_line("\n\n   x + y = y + x\n"), chain_line("x + y = y + z\n")
    assert a.members[0].span != b.members[0].span
    assert plain(a.members) == plain(b.members) != plain(c.members)
    assert plain((1,)) != plain([1]) and plain(1) != plain(True) and plain(1) != plain(1.0)


def test_same_is_strict_about_types_and_key_order():
    assert same({"a": [1, 2.5, None]}, {"a": [1, 2.5, None]})
    assert not same([1], (1,)) and not same(1, True) and not same(1, 1.0)
    assert not same({"a": 1, "b": 2}, {"b": 2, "a": 1})


def test_values_that_would_not_read_back_the_same_are_not_stored(tmp_path):
    c = Cache(str(tmp_path))
    for value in ({"t": (1, 2)}, {1: "a"}, {"x": float("nan")}, {"o": object()}):
        assert not c.put("ab" * 32, value)
    assert c.put("ab" * 32, {"ok": [1, "two", 3.5, None, True]})
    assert c.get("ab" * 32) == {"ok": [1, "two", 3.5, None, True]}
    assert c.get("cd" * 32) is None


def _fingerprint_of(package_root: Path) -> str:
    code = "from proofcheck.cache import fingerprint; print(fingerprint())"
    env = dict(os.environ, PYTHONPATH=str(package_root))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=package_root,
                          check=True).stdout.strip()


def test_editing_the_checker_changes_its_fingerprint(tmp_path):
    """Entries live under the checker's fingerprint: an edited source file or grammar means new entries."""
    copy = tmp_path / "src"
    shutil.copytree(REPO / "proofcheck", copy / "proofcheck", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "grammar", copy / "proofcheck" / "_grammar")  # where the wheel puts it
    before = _fingerprint_of(copy)
    assert before == _fingerprint_of(copy)
    with open(copy / "proofcheck" / "check" / "symbolic.py", "a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    edited = _fingerprint_of(copy)
    with open(copy / "proofcheck" / "_grammar" / "proof.lark", "a", encoding="utf-8") as fh:
        fh.write("\n// an edit\n")
    assert len({before, edited, _fingerprint_of(copy)}) == 3


@pytest.mark.slow
def test_concurrent_runs_share_one_cache_safely(tmp_path):
    """Two command lines filling the same cache at once, then a third that reads it: same output, all cached."""
    folder = tmp_path / "proofs"
    folder.mkdir()
    for name in ("T1.proof", "T4.proof"):
        shutil.copy(REPO / "proofs" / name, folder / name)
    (folder / "s.proof").write_text(SOFTMAX, encoding="utf-8")
    cmd = [sys.executable, "-m", "proofcheck", "check", str(folder), "--format", "json", "--cache-dir", str(tmp_path / "c")]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    third = subprocess.run(cmd + ["--timings"], capture_output=True, env=env, timeout=300)
    assert outs[0][0] == outs[1][0] == third.stdout, (outs[0][1], outs[1][1])
    stats = third.stderr.decode()
    steps = sum(len(p["steps"]) for f in json.loads(third.stdout)["files"] for p in f["problems"])
    assert f"{steps} step(s), {steps} from the cache" in stats, stats
    assert not list((tmp_path / "c").rglob(".tmp-*"))


@pytest.mark.slow  # four CLI runs
def test_cli_no_cache_and_cache_dir(tmp_path):
    (tmp_path / "a.proof").write_text(SOFTMAX, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(tmp_path / "xdg"))
    base = [sys.executable, "-m", "proofcheck", "check", "a.proof"]
    subprocess.run(base + ["--no-cache"], cwd=tmp_path, env=env, capture_output=True, timeout=300)
    assert not (tmp_path / "xdg").exists()
    subprocess.run(base, cwd=tmp_path, env=env, capture_output=True, timeout=300)
    assert _entries(tmp_path / "xdg" / "proofcheck")
    subprocess.run(base + ["--cache-dir", "mine"], cwd=tmp_path, env=env, capture_output=True, timeout=300)
    assert _entries(tmp_path / "mine")
    both = subprocess.run(base + ["--cache-dir", "mine", "--no-cache"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    assert both.returncode == 2 and "Traceback" not in both.stderr


def test_fingerprint_names_the_libraries_that_decide():
    assert "sympy" in cache_mod.DEPENDENCIES and "torch" in cache_mod.DEPENDENCIES
    assert cache_mod._dependency_version("sympy") != "absent"
    assert cache_mod._dependency_version("no_such_module_here") == "absent"


def test_every_step_of_the_corpus_has_a_key():
    """A Context field of a type `plain` cannot key would silently turn the cache off: every job of the
    bundled proofs, examples and corpus must have a content hash and a key."""
    opts = Options(seed=0, cache_dir="unused")
    missing = []
    for folder in ("proofs", "examples", "tests/corpus"):
        for path in sorted((REPO / folder).glob("*.proof")):
            statements, _ = parse_source(split_lines(str(path), path.read_text(encoding="utf-8", errors="replace")))
            for problem in elaborate(statements)[0]:
                for chain in problem.chains:
                    for k in range(1, len(chain.members)):
                        job = _Job("step", chain, k, k - 1, chain.context, chain.members[k - 1].expr,
                                   chain.members[k].expr, chain.rels[k - 1], 0, ad="autograd")
                        if _cache_key(job, opts) is None:
                            missing.append(f"{path.name}:{chain.members[k].span.line}")
    assert not missing, missing[:10]


def test_sets_key_in_a_fixed_order():
    assert plain(frozenset({"b", "a", "c"})) == plain(frozenset({"c", "b", "a"})) != plain(frozenset({"a", "b"}))
    assert plain({2: "x", 1: "y"}) == plain({1: "y", 2: "x"})


def test_step_seed_follows_the_comparison_not_the_context():
    """A context's digest moves whenever the checker's readings gain a field; a seed that moved with it
    moved every sample point of every file. The seed is the run's and the comparison's; the key is not."""
    import dataclasses  # noqa: PLC0415

    job = _job("x + a = a + x\n")
    other = dataclasses.replace(job, context=dataclasses.replace(job.context, assumptions=(), relu_at_zero=Fraction(1, 2)))
    assert job.content != other.content
    assert job.step_seed == other.step_seed
    assert dataclasses.replace(job, seed=1).step_seed != job.step_seed
    assert _job("a + x = x + a\n").step_seed != job.step_seed
