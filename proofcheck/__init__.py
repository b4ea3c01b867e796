"""proofcheck: check gradient derivations line by line (SymPy, cross-checked by autodiff)."""

__version__ = "0.1.0"


def load_ipython_extension(ipython) -> None:
    """`%load_ext proofcheck` in Jupyter: `%%proof` cells are checked when they run (docs/documents.md)."""
    from .documents.notebook import register_magic  # noqa: PLC0415

    register_magic(ipython)
