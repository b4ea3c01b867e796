"""Grading a class against an instructor's key: `proofcheck grade` (docs/grading.md).

One module per step: `rubric` (the `% grade:` directives), `key` (the key's headers and goals),
`submissions` (who submitted what), `apply` (a student's file split into problems, checked with the
key's header in force), `carry` (each step's grade, error carried forward), `score` (points per
problem), `student` (one submission), `workers` and `run` (budgeted workers, Dask, resume),
`outputs`, `html` and `bundle` (what is written), `cli`. Records are plain data (`model`).
"""

# what a student's page shows (docs/grading.md, "Feedback"); here, not in `rubric`, so that building the
# command line's parsers (`proofcheck check` too) loads no grading module
FEEDBACK_LEVELS = ("full", "steps", "score")
