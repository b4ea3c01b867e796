"""Generate the test class: a key (T1, T4 of the seed homework) and 120 submissions in every category.

    python tests/grading/make_class.py          # rewrites tests/grading/key.proof, class/, expected.csv

Every variant states by reasoning what the checker decides for each of its steps and goals (how
many steps it has, how many are credited, which goals are met, with what factor); the expected
points follow from the key's rubric by the formula in docs/grading.md, computed here, never read
from the grader. tests/grading/test_class.py grades the class and compares.

The key's rubric: T1 goals 1 point each, work 2 (max 6); T4 goal 2 points, work 1 (max 3);
min-steps 2, answer-only 0.5, attempts penalty 0.5, carried 1.
"""

from __future__ import annotations

import csv
import os
import shutil
import sys
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
CLASS = os.path.join(HERE, "class")
STUDENTS = 114  # paired T1/T4 variants; plus one student per whole-file category

KEY = r"""% The key for the test class (tests/grading/make_class.py writes this file).
% grade: assignment HW1
% grade: min-steps 2; answer-only 0.5; attempts penalty 0.5

problem T1 "Residual block"
% grade: points 1; work 2
let x_1 = \mathrm{ReLU}(x_0 w_0 + b_0)
let y_1 = x_1 w_1 + b_1
let z = \mathrm{ReLU}(y_1 + x_0)
at x_0 = 1.0, w_0 = 0.3, w_1 = -0.2, b_0 = 0.1, b_1 = -0.3
find \frac{\partial z}{\partial w_0}, \frac{\partial z}{\partial w_1}, \frac{\partial z}{\partial b_0}, \frac{\partial z}{\partial b_1}

problem T4 "Softmax cross-entropy gradient"
% grade: work 1
index i, j, k in 1..N
let o_j = \frac{\exp(h_j)}{\sum_k \exp(h_k)}
let L = -\sum_j y_j \log o_j
assume \sum_j y_j = 1
show \frac{\partial L}{\partial h_i} = o_i - y_i   % grade: points 2
"""

T1_HEADER = r"""problem T1 "Residual block"
let x_1 = \mathrm{ReLU}(x_0 w_0 + b_0)
let y_1 = x_1 w_1 + b_1
let z = \mathrm{ReLU}(y_1 + x_0)
at x_0 = 1.0, w_0 = 0.3, w_1 = -0.2, b_0 = 0.1, b_1 = -0.3
find \frac{\partial z}{\partial w_0}, \frac{\partial z}{\partial w_1}, \frac{\partial z}{\partial b_0}, \frac{\partial z}{\partial b_1}
"""

# the forward pass, one value chain per node: (node, body, numbers substituted, value); 2 steps each
FORWARD = [("u_0", "x_0 w_0", "(1.0)(0.3)", "0.3"), ("y_0", "u_0 + b_0", "0.3 + 0.1", "0.4"),
           ("x_1", r"\mathrm{ReLU}(y_0)", r"\mathrm{ReLU}(0.4)", "0.4"), ("u_1", "x_1 w_1", "(0.4)(-0.2)", "-0.08"),
           ("y_1", "u_1 + b_1", "-0.08 - 0.3", "-0.38"), ("v_1", "y_1 + x_0", "-0.38 + 1", "0.62"),
           ("z", r"\mathrm{ReLU}(v_1)", r"\mathrm{ReLU}(0.62)", "0.62")]

D = r"\frac{\partial %s}{\partial %s}"
PARTIALS_W0 = r"\frac{\partial \mathrm{ReLU}(v_1)}{\partial v_1} \frac{\partial v_1}{\partial y_1} \frac{\partial y_1}{\partial u_1} \frac{\partial u_1}{\partial x_1} \frac{\partial x_1}{\partial y_0} \frac{\partial y_0}{\partial u_0} \frac{\partial u_0}{\partial w_0}"
PARTIALS_W1 = r"\frac{\partial \mathrm{ReLU}(v_1)}{\partial v_1} \frac{\partial v_1}{\partial y_1} \frac{\partial y_1}{\partial u_1} \frac{\partial u_1}{\partial w_1}"
PARTIALS_B1 = r"\frac{\partial \mathrm{ReLU}(v_1)}{\partial v_1} \frac{\partial v_1}{\partial y_1} \frac{\partial y_1}{\partial b_1}"


def forward(values: dict[str, tuple[str, str]] | None = None) -> str:
    out = []
    for node, body, nums, value in FORWARD:
        nums, value = (values or {}).get(node, (nums, value))
        out.append(f"let {node} = {body} = {nums} = {value}")
    return "\n".join(out) + "\n"


def grads(w0: str = "-0.2", w1: str = "0.4", w0_gates: str = "(v_1 > 0)(1)(1)(w_1)(y_0 > 0)(1)(x_0)") -> str:
    """The four gradient chains of the seed solution: 3 + 3 + 2 + 3 = 11 steps."""
    return "\n".join([
        D % ("z", "w_0"), f"  = {PARTIALS_W0}", f"  = {w0_gates}", f"  = {w0}",
        f"{D % ('z', 'w_1')} = {PARTIALS_W1} = (v_1 > 0)(1)(1)(x_1) = {w1}",
        f"{D % ('z', 'b_0')} = (v_1 > 0)(1)(1)(w_1)(y_0 > 0)(1) = -0.2",
        f"{D % ('z', 'b_1')} = {PARTIALS_B1} = (v_1 > 0)(1)(1) = 1",
    ]) + "\n"


T4_HEADER = r"""problem T4 "Softmax cross-entropy gradient"
index i, j, k in 1..N
let o_j = \frac{\exp(h_j)}{\sum_k \exp(h_k)}
let L = -\sum_j y_j \log o_j
assume \sum_j y_j = 1
show \frac{\partial L}{\partial h_i} = o_i - y_i
"""

T4_LEMMAS = r"""lemma diag:
\frac{\partial o_i}{\partial h_i} = \frac{\partial}{\partial h_i} \frac{\exp(h_i)}{\sum_k \exp(h_k)}
  = o_i (1 - o_i)

case j \neq i
lemma offdiag:
\frac{\partial o_j}{\partial h_i} = -o_i o_j
"""

SUM = r"\sum_{i \neq j}"
T4_MAIN = [  # the main chain's members after its start: 8 steps
    SUM + r" \frac{\partial L}{\partial o_j} \frac{\partial o_j}{\partial h_i} + \frac{\partial L}{\partial o_i} \frac{\partial o_i}{\partial h_i}   \because \text{chain rule}",
    SUM + r" \frac{\partial L}{\partial o_j} \frac{\partial o_j}{\partial h_i} + \frac{\partial (-y_i \log o_i)}{\partial o_i} \frac{\partial o_i}{\partial h_i}",
    SUM + r" \frac{\partial L}{\partial o_j} \frac{\partial o_j}{\partial h_i} - \frac{y_i}{o_i} o_i (1 - o_i)   by diag",
    SUM + r" \left(-\frac{y_j}{o_j}\right)(-o_i o_j) - y_i (1 - o_i)   by offdiag",
    SUM + r" y_j o_i - y_i + y_i o_i",
    r"\sum_j y_j o_i - y_i",
    r"o_i \sum_j y_j - y_i",
    r"o_i - y_i   \because \sum_j y_j = 1",
]


def t4_main(members: list[str] | None = None, start: str = r"\frac{\partial L}{\partial h_i}") -> str:
    return start + "\n" + "\n".join(f"  = {m}" for m in (members or T4_MAIN)) + "\n"


def t4_solution(lemmas: str = T4_LEMMAS, main: str | None = None) -> str:
    return lemmas + "\n" + (main or t4_main()) + "\n"


@dataclass(frozen=True)
class Variant:
    """One way of writing one problem, with what the checker must decide for it."""

    name: str
    category: str
    text: str  # the problem's section ('' when missing)
    goals: tuple[float, ...]  # per key goal: the fraction of its points earned (after every factor)
    steps: int  # steps whose sides differ
    credited: int  # of which accepted or carried
    carried: int = 0  # steps accepted only given the student's earlier mistake
    review: bool = False  # a finding the instructor must see
    notes: str = ""


@dataclass(frozen=True)
class Rubric:
    goal_points: tuple[float, ...]
    work: float
    min_steps: int = 2

    def points(self, v: Variant) -> float:
        goals = sum(p * f for p, f in zip(self.goal_points, v.goals))
        if not v.text:
            return 0.0
        floor = max(v.steps, self.min_steps * len(self.goal_points), 1)
        return round(goals + self.work * min(1.0, v.credited / floor), 4)


T1_RUBRIC = Rubric((1.0, 1.0, 1.0, 1.0), 2.0)
T4_RUBRIC = Rubric((2.0,), 1.0)
SEED_T1 = T1_HEADER + "\n" + forward() + "\n" + grads()  # 14 + 11 = 25 steps

T1_VARIANTS = [
    Variant("t1_correct", "correct", SEED_T1, (1, 1, 1, 1), 25, 25),
    Variant("t1_cdot", "correct in another notation", T1_HEADER + "\n" + forward().replace("x_0 w_0", r"x_0 \cdot w_0")
            .replace("(1.0)(0.3)", r"1.0 \cdot 0.3") + "\n" + grads(w0=r"-\frac{1}{5}", w1=r"\frac{2}{5}"),
            (1, 1, 1, 1), 25, 25, notes="\\cdot products and fractions for the answers"),
    Variant("t1_no_header", "correct without restating the header", 'problem T1\n\n' + forward() + "\n" + grads(),
            (1, 1, 1, 1), 25, 25),
    Variant("t1_dropped_factor", "dropped factor", T1_HEADER + "\n" + forward() + "\n"
            + grads(w0="1", w0_gates="(v_1 > 0)(1)(1)(y_0 > 0)(1)(x_0)"), (0, 1, 1, 1), 25, 24,
            notes="w_1 dropped from dz/dw_0: refuted once, `= 1` follows from it; the goal is not met"),
    Variant("t1_forward_slip", "forward-pass slip carried forward", T1_HEADER + "\n" + forward({
        "y_0": ("0.3 + 0.1", "0.5"), "x_1": (r"\mathrm{ReLU}(0.5)", "0.5"), "u_1": ("(0.5)(-0.2)", "-0.1"),
        "y_1": ("-0.1 - 0.3", "-0.4"), "v_1": ("-0.4 + 1", "0.6"), "z": (r"\mathrm{ReLU}(0.6)", "0.6")}) + "\n"
            + grads(w1="0.5"), (1, 1, 1, 1), 25, 24, carried=6,
            notes="0.3 + 0.1 = 0.5 costs its step; x_1, u_1, y_1, v_1, z and dz/dw_1 = 0.5 are carried"),
    Variant("t1_seed_typo", "wrong step then the right answer", open(os.path.join(HERE, "..", "..", "examples", "T1_seed.proof"),
                                                                   encoding="utf-8").read(),
            (0, 1, 1, 1), 25, 23, notes="line 18 refuted, line 19 jumps back to the right value: dz/dw_0 not met"),
    Variant("t1_answer_only", "answer only", 'problem T1\n' + "".join(
        f"{D % ('z', v)} = {a}\n" for v, a in (("w_0", "-0.2"), ("w_1", "0.4"), ("b_0", "-0.2"), ("b_1", "1"))),
            (0.5, 0.5, 0.5, 0.5), 4, 4, notes="each goal met by one step: answer-only; work 4 of at least 8"),
    Variant("t1_shotgun_two", "shotgun attempts", T1_HEADER + "\n" + f"{D % ('z', 'w_0')} = 0.2\n\n{D % ('z', 'w_0')} = 0\n\n"
            + forward() + "\n" + grads(), (0, 1, 1, 1), 27, 25, notes="two refuted attempts: penalty 2 x 0.5"),
    Variant("t1_shotgun_one", "shotgun attempts", T1_HEADER + "\n" + f"{D % ('z', 'w_0')} = 0.2\n\n"
            + forward() + "\n" + grads(), (0.5, 1, 1, 1), 26, 25, notes="one refuted attempt: penalty 0.5"),
    Variant("t1_tamper_at", "header tampering", T1_HEADER.replace("x_0 = 1.0", "x_0 = 2.0") + "\n" + forward({
        "u_0": ("(2.0)(0.3)", "0.6"), "y_0": ("0.6 + 0.1", "0.7"), "x_1": (r"\mathrm{ReLU}(0.7)", "0.7"),
        "u_1": ("(0.7)(-0.2)", "-0.14"), "y_1": ("-0.14 - 0.3", "-0.44"), "v_1": ("-0.44 + 2", "1.56"),
        "z": (r"\mathrm{ReLU}(1.56)", "1.56")}) + "\n" + grads(w0="-0.4", w1="0.7"), (0, 0, 1, 1), 25, 16, review=True,
            notes="the changed `at` is ignored; nothing carries in a changed problem"),
    Variant("t1_case", "extra case", T1_HEADER + "\n" + forward() + "\n" + grads().replace(
        D % ("z", "w_0") + "\n", "case w_1 < 0\n" + D % ("z", "w_0") + "\n", 1), (1, 1, 1, 1), 25, 25,
            notes="dz/dw_0 under `case w_1 < 0`, which holds at the given point (w_1 = -0.2): met by cases"),
    Variant("t1_missing", "missing problem", "", (0, 0, 0, 0), 0, 0),
]

T4_SOLUTION = T4_HEADER + "\n" + t4_solution()  # 2 + 1 + 8 = 11 steps
SIGN = T4_MAIN[:4] + [SUM + r" y_j o_i - y_i - y_i o_i", r"\sum_j y_j o_i - y_i - 2 y_i o_i",
                      r"o_i \sum_j y_j - y_i - 2 y_i o_i", r"o_i - y_i - 2 y_i o_i"]
WRONG_LEMMA = r"""lemma diag:
\frac{\partial o_i}{\partial h_i} = \frac{\partial}{\partial h_i} \frac{\exp(h_i)}{\sum_k \exp(h_k)}
  = o_i (1 + o_i)

case j \neq i
lemma offdiag:
\frac{\partial o_j}{\partial h_i} = -o_i o_j
"""
WRONG_LEMMA_MAIN = T4_MAIN[:2] + [
    SUM + r" \frac{\partial L}{\partial o_j} \frac{\partial o_j}{\partial h_i} - \frac{y_i}{o_i} o_i (1 + o_i)   by diag",
    SUM + r" \left(-\frac{y_j}{o_j}\right)(-o_i o_j) - y_i (1 + o_i)   by offdiag",
    SUM + r" y_j o_i - y_i - y_i o_i", r"\sum_j y_j o_i - y_i - 2 y_i o_i", r"o_i \sum_j y_j - y_i - 2 y_i o_i",
    r"o_i - y_i - 2 y_i o_i"]

T4_VARIANTS = [
    Variant("t4_correct", "correct", T4_SOLUTION, (1,), 11, 11),
    Variant("t4_d_notation", "correct in another notation", (T4_HEADER + "\n" + t4_solution()).replace(
        r"\partial L}{\partial h_i}", r"d L}{d h_i}").replace(r"\partial}{\partial h_i}", r"d}{d h_i}"),
            (1,), 11, 11, notes="d instead of the partial sign for the goal's left side"),
    Variant("t4_reordered", "correct in another notation", T4_HEADER + "\n" + t4_solution(
        main=t4_main(T4_MAIN[:7] + [r"-y_i + o_i   \because \sum_j y_j = 1"])), (1,), 11, 11, notes="-y_i + o_i"),
    Variant("t4_other_letters", "correct in another notation", T4_HEADER + "\n" + t4_solution(main=t4_main(
        T4_MAIN[:5] + [r"\sum_k y_k o_i - y_i", r"o_i \sum_k y_k - y_i", r"o_i - y_i"])), (1,), 11, 11,
            notes="another bound letter; \\cdot"),
    Variant("t4_sign_error", "sign error", T4_HEADER + "\n" + t4_solution(main=t4_main(SIGN)), (0,), 11, 10,
            notes="one sign flipped, every later step consistent with it"),
    Variant("t4_dropped_factor", "dropped factor", T4_HEADER + "\n" + t4_solution(main=t4_main(
        T4_MAIN[:2] + [SUM + r" \frac{\partial L}{\partial o_j} \frac{\partial o_j}{\partial h_i} - \frac{y_i}{o_i} (1 - o_i)   by diag"]
        + T4_MAIN[3:])), (0,), 11, 9, notes="o_i dropped (refuted), the next line jumps back"),
    Variant("t4_wrong_index", "wrong index", T4_HEADER + "\n" + t4_solution(main=t4_main(
        T4_MAIN[:4] + [SUM + r" y_j o_j - y_i + y_i o_i", r"\sum_j y_j o_j - y_i"] + T4_MAIN[6:])), (0,), 11, 9,
            notes="o_j for o_i (refuted), one consistent step, then a jump back"),
    Variant("t4_wrong_lemma", "wrong lemma used correctly later", T4_HEADER + "\n" + t4_solution(
        lemmas=WRONG_LEMMA, main=t4_main(WRONG_LEMMA_MAIN)), (0,), 11, 10, carried=1,
            notes="the lemma's wrong step costs once; its `by diag` use is carried"),
    Variant("t4_answer_only", "answer only", "problem T4\n" + r"\frac{\partial L}{\partial h_i} = o_i - y_i" + "\n",
            (0.5,), 1, 1),
    Variant("t4_shotgun_two", "shotgun attempts", T4_HEADER + "\n" + r"\frac{\partial L}{\partial h_i} = o_i + y_i" + "\n\n"
            + r"\frac{\partial L}{\partial h_i} = y_i - o_i" + "\n\n" + t4_solution(), (0,), 13, 11),
    Variant("t4_shotgun_one", "shotgun attempts", T4_HEADER + "\n" + r"\frac{\partial L}{\partial h_i} = o_i + y_i" + "\n\n"
            + t4_solution(), (0.5,), 12, 11),
    Variant("t4_tamper_let", "header tampering", T4_HEADER.replace(r"let L = -\sum_j y_j \log o_j", r"let L = -\sum_j \log o_j")
            + "\n" + t4_solution(), (0,), 11, 0, review=True, notes="a changed `let L`: rejected, nothing after it credited"),
    Variant("t4_tamper_show", "header tampering", T4_HEADER.replace("= o_i - y_i", "= o_i - 1") + "assume y_i = 1\n\n"
            + r"\frac{\partial L}{\partial h_i} = o_i - y_i = o_i - 1" + "\n", (0,), 2, 1, review=True,
            notes="changed show and an added assume: both ignored; o_i - y_i = o_i - 1 is refuted"),
    Variant("t4_restated_assume", "header restated", T4_SOLUTION.replace(r"assume \sum_j y_j = 1",
                                                                       "assume \\sum_j y_j = 1\nassume \\sum_j y_j = 1"),
            (1,), 11, 11, notes="restating the key's own assumption is silent"),
    Variant("t4_extra_assume", "extra assume", T4_HEADER + "assume y_i = 0\n\n" + r"\frac{\partial L}{\partial h_i} = o_i - y_i = o_i"
            + "\n", (0,), 2, 1, review=True, notes="the assume is ignored, so the step that used it is refuted"),
    Variant("t4_case", "extra case", T4_HEADER + "\n" + T4_LEMMAS + "\ncase N = 1\n" + t4_main() + "\n", (0,), 11, 11,
            notes="the goal chain under `case N = 1`: not met, its steps still count as work"),
    Variant("t4_defined_input", "header tampering", T4_HEADER + "let y_i = 0\n\n" + r"\frac{\partial L}{\partial h_i} = o_i" + "\n",
            (0,), 1, 0, review=True, notes="`let y_i` defines a given: ignored"),
    Variant("t4_renamed", "renamed problem", T4_SOLUTION.replace("problem T4 ", "problem T4b "), (0,), 0, 0, review=True,
            notes="graded as missing, reported as renamed"),
    Variant("t4_missing", "missing problem", "", (0,), 0, 0),
]


@dataclass
class Student:
    name: str
    files: dict[str, bytes]
    t1: float
    t4: float
    categories: list[str] = field(default_factory=list)
    review: bool = False
    t1_variant: str = ""
    t4_variant: str = ""


def points(v: Variant, rubric: Rubric) -> float:
    if v.category == "renamed problem":
        return 0.0
    return rubric.points(v)


def students() -> list[Student]:
    out = []
    for i in range(STUDENTS):
        a, b = T1_VARIANTS[i % len(T1_VARIANTS)], T4_VARIANTS[i % len(T4_VARIANTS)]
        name = f"s{i:03d}"
        layout = i % 3
        if layout == 2 and a.text and b.text:  # a folder with one file per problem
            files = {f"{name}/T1.proof": a.text.encode(), f"{name}/T4.proof": b.text.encode()}
        else:
            text = (a.text + "\n" + b.text).encode()
            files = {f"{name}/hw.proof" if layout == 1 else f"{name}.proof": text}
        out.append(Student(name, files, points(a, T1_RUBRIC), points(b, T4_RUBRIC), [a.category, b.category],
                           a.review or b.review, a.name, b.name))
    whole = SEED_T1 + "\n" + T4_SOLUTION
    out += [
        Student("x_empty", {"x_empty.proof": b""}, 0.0, 0.0, ["empty file"]),
        Student("x_blank", {"x_blank/hw.proof": b"\n\n   \n"}, 0.0, 0.0, ["empty file"]),
        Student("x_garbage", {"x_garbage.proof": b"Dear professor, I could not do the homework.\n#$%^&*\n"}, 0.0, 0.0, ["garbage file"]),
        Student("x_binary", {"x_binary.proof": bytes(range(256))}, 0.0, 0.0, ["binary file"]),
        Student("x_wrong_name", {"x_wrong_name/homework.txt": whole.encode()}, 0.0, 0.0, ["wrong file name"]),
        Student("x_no_problem_lines", {"x_no_problem_lines.proof": (forward() + "\n" + grads()).encode()}, 0.0, 0.0,
                ["no problem lines"]),
    ]
    return out


def write() -> None:
    if os.path.isdir(CLASS):
        shutil.rmtree(CLASS)
    os.makedirs(CLASS)
    with open(os.path.join(HERE, "key.proof"), "w", encoding="utf-8") as fh:
        fh.write(KEY)
    rows = [["student", "T1", "T4", "total", "review", "t1_variant", "t4_variant", "categories"]]
    for s in students():
        for rel, data in s.files.items():
            path = os.path.join(CLASS, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        rows.append([s.name, f"{s.t1:g}", f"{s.t4:g}", f"{round(s.t1 + s.t4, 4):g}", int(s.review), s.t1_variant,
                     s.t4_variant, "; ".join(s.categories)])
    with open(os.path.join(HERE, "expected.csv"), "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    write()
    sys.exit(0)
