"""proofcheck: check gradient derivations line by line (SymPy, cross-checked by autodiff)."""

import os

__version__ = "0.1.0"

# SymPy's cache of constructed expressions holds 1000 by default, fewer than the entries of one
# matrix step at its sampled sizes: the terms of every sigmoid's argument (each an `exp` whose
# evaluation looks at every term) were then built again in every step of a chain (issue 11). A
# larger cache only ever saves rebuilding the same expression; it is read when SymPy is first
# imported, so it is set here, before any module imports SymPy, and a value the user set is kept.
SYMPY_CACHE_ENTRIES = 5000
os.environ.setdefault("SYMPY_CACHE_SIZE", str(SYMPY_CACHE_ENTRIES))


def load_ipython_extension(ipython) -> None:
    """`%load_ext proofcheck` in Jupyter: `%%proof` cells are checked when they run (docs/documents.md)."""
    from .documents.notebook import register_magic  # noqa: PLC0415

    register_magic(ipython)
