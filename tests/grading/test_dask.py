"""`--executor dask://HOST:PORT` on a local Dask cluster started by the test: the same grades as local."""

from __future__ import annotations

import os
import shutil

import pytest

from proofcheck.cli import main

HERE = os.path.dirname(os.path.abspath(__file__))
CLASS = os.path.join(HERE, "class")
KEY = os.path.join(HERE, "key.proof")
STUDENTS = ("s000", "s004", "s007", "x_binary")  # correct; a carried slip; a wrong lemma; a binary file

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_cluster_grades_like_local(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    for entry in os.listdir(CLASS):
        if entry.split(".")[0] in STUDENTS:
            src = os.path.join(CLASS, entry)
            (shutil.copytree if os.path.isdir(src) else shutil.copyfile)(src, subs / entry)
    local = tmp_path / "local"
    assert main(["grade", KEY, str(subs), "--out", str(local), "--jobs", "1"]) == 0
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address.removeprefix("tcp://")
        remote = tmp_path / "remote"
        assert main(["grade", KEY, str(subs), "--out", str(remote), "--executor", f"dask://{address}"]) == 0
    for rel in ("grades.csv", "results.json", "feedback/s004.html"):
        assert (local / rel).read_bytes() == (remote / rel).read_bytes(), rel


def test_executor_must_be_local_or_dask(tmp_path, capsys):
    assert main(["grade", KEY, CLASS, "--out", str(tmp_path), "--executor", "spark://x:1"]) == 2
    assert "dask://HOST:PORT" in capsys.readouterr().err
