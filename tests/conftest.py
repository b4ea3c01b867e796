"""Test-wide setup: the decision cache of every `proofcheck` the tests run lives in a throwaway folder.

The command line caches decisions under `$XDG_CACHE_HOME/proofcheck` by default; pointing
XDG_CACHE_HOME at a session folder keeps the tests from writing into the developer's home and from
reading entries an earlier session left there. Tests about the cache itself use their own folders.
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def _session_cache_home(tmp_path_factory):
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="module")
def warm_workers():
    """One pool of sandbox workers for a whole test module, as `proofcheck check` keeps one for a whole
    run (a fresh pool per checked text costs each worker its cold start). For modules that check many
    texts and patch nothing that the workers, forked once, would then not see."""
    from proofcheck.sandbox import session

    with session(2, 2048):
        yield
