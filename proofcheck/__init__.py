"""proofcheck: check gradient derivations line by line (SymPy, cross-checked by autodiff)."""

__version__ = "0.1.0"
