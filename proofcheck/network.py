"""Network facts: output sizes and parameter counts of dense networks (seed T2 and T3).

A `network NAME` block (an `input D` line, then `dense NAME WIDTH [activation] [nobias]` layers in
order) and a `batch B` line give exact integers that any expression may use:

  \\mathrm{width}(L)    units of layer L (the input's width is D)
  \\mathrm{size}(L)     elements of L's output for the batch: width x B
  \\mathrm{weights}(L)  fan-in x width (the fan-in is the previous layer's width, or D)
  \\mathrm{biases}(L)   width, or 0 for a `nobias` layer
  \\mathrm{params}(L)   weights + biases; `\\mathrm{params}(NAME)` sums the network's layers

`L` may be `input` (no parameters) or the network's own name (the output layer for width/size, the sums
for weights/biases/params); `\\mathrm{size}(NAME, L)` picks a layer of a named network when several
networks share layer names (otherwise the network declared last wins, like a later `let`).

Three things live here: validation of a network (located E500 diagnostics, called by `elaborate`),
`network_call` (the figures, as SymPy integers, for `translate`), and the cross-check that builds the
same network with the autodiff backend (autograd/numpy, or `torch.nn.Linear` with `--ad torch`), counts
its parameters and reads each layer's output shape from a forward pass on a batch; a disagreement is a
checker fault (E304). `breakdown_notes` explains a refuted count term by term.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from . import nodes as n
from .diagnostics import Diagnostic, ProofError

if TYPE_CHECKING:  # elaborate imports this module lazily; keep the import graph acyclic
    from .elaborate import Context, Network
    from .source import Span

QUANTITIES = ("size", "width", "weights", "biases", "params")
ACTIVATIONS = frozenset({
    "relu", "sigmoid", "tanh", "softmax", "linear", "identity", "none", "gelu", "elu", "selu", "softplus",
    "leakyrelu", "leaky_relu",
})
BIAS_OPTIONS = {"bias": True, "nobias": False, "no_bias": False}
INPUT = "input"
MAX_WIDTH = 10 ** 9  # widths and batch sizes past this are surely typos; counts stay exact anyway
# the cross-check builds real arrays only up to these sizes (the seed's network has 557,057 parameters)
REAL_PARAMS_LIMIT = 5_000_000
REAL_ACTIVATIONS_LIMIT = 5_000_000


# ------------------------------------------------------------------ the facts


@dataclass(frozen=True)
class Layer:
    name: str
    fan_in: int
    width: int
    bias: bool
    activation: str
    line: int

    @property
    def weights(self) -> int:
        return self.fan_in * self.width

    @property
    def biases(self) -> int:
        return self.width if self.bias else 0

    @property
    def params(self) -> int:
        return self.weights + self.biases


def layers(net: "Network") -> list[Layer]:
    """The layers of a valid network with their fan-in (call only when `network_errors` is empty)."""
    out: list[Layer] = []
    fan_in = net.input or 0
    for d in net.layers:
        opts = [o.lower() for o in d.options]
        bias = not any(o in BIAS_OPTIONS and not BIAS_OPTIONS[o] for o in opts)
        act = next((o for o in opts if o in ACTIVATIONS), "linear")
        out.append(Layer(d.name, fan_in, d.width, bias, act, d.span.line))
        fan_in = d.width
    return out


def network_errors(net: "Network") -> list[Diagnostic]:
    """Everything wrong with a network block, located; empty when its figures can be used."""
    out: list[Diagnostic] = []
    broken = getattr(net, "broken", ())
    if net.input is None and not broken:
        out.append(Diagnostic.make("E500", f"network `{net.name}` has no `input D` line: the first layer's weights need the input width", net.span))
    elif net.input is not None and net.input > MAX_WIDTH:
        out.append(Diagnostic.make("E206", f"the input width {net.input:,} is past the limit of {MAX_WIDTH:,}", net.span))
    if not net.layers and not broken:
        out.append(Diagnostic.make("E500", f"network `{net.name}` has no `dense` layers", net.span))
    seen: dict[str, int] = {}
    for d in net.layers:
        if d.width < 1:
            out.append(Diagnostic.make("E500", f"layer `{d.name}` has width {d.width}; a width is a whole number of at least 1", d.span))
        elif d.width > MAX_WIDTH:
            out.append(Diagnostic.make("E206", f"layer `{d.name}` has width {d.width:,}, past the limit of {MAX_WIDTH:,}", d.span))
        if d.name == INPUT:
            out.append(Diagnostic.make("E500", "`input` names the network's input; give this layer another name", d.span))
        elif d.name == net.name:
            out.append(Diagnostic.make("E500", f"layer `{d.name}` has the network's own name; give it another name", d.span))
        elif d.name in seen:
            out.append(Diagnostic.make("E500", f"layer `{d.name}` is already declared at line {seen[d.name]} of this network", d.span))
        else:
            seen[d.name] = d.span.line
        acts = [o for o in d.options if o.lower() in ACTIVATIONS]
        biases = [o for o in d.options if o.lower() in BIAS_OPTIONS]
        for o in d.options:
            if o.lower() not in ACTIVATIONS and o.lower() not in BIAS_OPTIONS:
                out.append(Diagnostic.make(
                    "E500", f"unknown layer option `{o}`: expected an activation ({', '.join(sorted(ACTIVATIONS - {'leaky_relu'}))}) or `nobias`", d.span))
        if len(acts) > 1:
            out.append(Diagnostic.make("E500", f"layer `{d.name}` names {len(acts)} activations; give at most one", d.span))
        if len({BIAS_OPTIONS[o.lower()] for o in biases}) > 1:
            out.append(Diagnostic.make("E500", f"layer `{d.name}` says both `bias` and `nobias`", d.span))
    return out


def batch_errors(size: int, span: "Span") -> list[Diagnostic]:
    if size < 1:
        return [Diagnostic.make("E500", f"a batch of {size} examples: the batch size is a whole number of at least 1", span)]
    if size > MAX_WIDTH:
        return [Diagnostic.make("E206", f"the batch size {size:,} is past the limit of {MAX_WIDTH:,}", span)]
    return []


# ------------------------------------------------------------------ resolving `size(h_1)` and friends


def _layer_word(e: n.Expr) -> str | None:
    """`h_1`, `h_{1}`, `out`, `\\mathrm{out}` -> the layer name as a `dense` line writes it."""
    while isinstance(e, n.Group) and len(e.items) == 1:
        e = e.items[0]
    if not isinstance(e, n.Name):
        return None
    if e.raw_sub is None:
        return e.base
    sub = e.raw_sub.replace(" ", "")
    if sub.startswith("{") and sub.endswith("}"):
        sub = sub[1:-1]
    return f"{e.base}_{sub}"


@dataclass(frozen=True)
class Figure:
    """One quantity's value and how it is made up (for notes on refuted steps)."""

    value: int
    lines: tuple[str, ...]


def _find_net(ctx: "Context", name: str) -> "Network | None":
    return next((net for net in reversed(ctx.networks) if net.name == name), None)


def _usable(net: "Network", span) -> list[Layer]:
    if getattr(net, "broken", ()):
        lines = ", ".join(str(x) for x in net.broken)
        raise ProofError("E500", f"network `{net.name}` could not be read completely (line {lines} has an error), so its figures are not used", span)
    if network_errors(net):
        raise ProofError("E500", f"network `{net.name}` (line {net.span.line}) has errors, so its figures are not used", span)
    if any(k[0] == net for k in _FAULTS):  # a fault at any batch: the checker's figures are in doubt
        raise ProofError("E304", f"the autodiff cross-check of network `{net.name}` disagrees with the symbolic figures (a checker fault), so they are not used", span)
    return layers(net)


def resolve(ctx: "Context", func: str, args: tuple, span) -> Figure:
    """The value of `func(args)` under the context, or a located ProofError."""
    if not ctx.networks:
        raise ProofError("E501", f"`{func}(...)` refers to a network, but no `network` block comes before this line", span)
    words = [_layer_word(a) for a in args]
    if not args or len(args) > 2 or any(w is None for w in words):
        raise ProofError("E501", f"`{func}(...)` takes a layer name, as in `{func}(h_1)`, or a network and a layer, as in `{func}(mlp, h_1)`", span)
    where = args[-1].span
    if len(words) == 2:
        net = _find_net(ctx, words[0])
        if net is None:
            known = ", ".join(f"`{x.name}`" for x in ctx.networks)
            raise ProofError("E501", f"`{words[0]}` is not a network (declared: {known})", args[0].span)
        target = words[1]
    else:
        target = words[0]
        net = _find_net(ctx, target)
        if net is None:
            net = next((x for x in reversed(ctx.networks) if target == INPUT or any(d.name == target for d in x.layers)), None)
        if net is None:
            known = "; ".join(f"network `{x.name}`: {', '.join([INPUT] + [d.name for d in x.layers])}" for x in ctx.networks)
            raise ProofError("E501", f"`{target}` is not a layer of any network ({known})", where)
        if net.name == target:
            target = None  # the whole network
    ls = _usable(net, span)
    batch = ctx.batch
    if target is None:
        return _network_figure(func, net.name, ls, batch, span)
    if target == INPUT:
        return _input_figure(func, net.input, batch, span)
    layer = next((x for x in ls if x.name == target), None)
    if layer is None:
        names = ", ".join([INPUT] + [x.name for x in ls])
        raise ProofError("E501", f"`{target}` is not a layer of network `{net.name}` (its layers: {names})", where)
    return _layer_figure(func, layer, batch, span)


def _need_batch(batch, span, what: str) -> int:
    if batch is None:
        raise ProofError("E500", f"`size({what})` counts a batch of outputs: add a `batch B` line (or use `width({what})`)", span)
    return batch


def _layer_figure(func: str, x: Layer, batch, span) -> Figure:
    nm = x.name
    if func == "width":
        return Figure(x.width, (f"width({nm}) = {x.width}",))
    if func == "size":
        b = _need_batch(batch, span, nm)
        return Figure(x.width * b, (f"size({nm}) = width {x.width} x batch {b} = {x.width * b}",))
    if func == "weights":
        return Figure(x.weights, (f"weights({nm}) = {x.fan_in} inputs x {x.width} units = {x.weights}",))
    if func == "biases":
        why = "one per unit" if x.bias else "the layer is declared nobias"
        return Figure(x.biases, (f"biases({nm}) = {x.biases} ({why})",))
    if x.bias:
        line = f"params({nm}) = weights {x.fan_in} x {x.width} = {x.weights} + biases {x.biases} = {x.params}"
    else:
        line = f"params({nm}) = weights {x.fan_in} x {x.width} = {x.weights} + biases 0 (nobias) = {x.params}"
    return Figure(x.params, (line,))


def _input_figure(func: str, width: int, batch, span) -> Figure:
    if func == "width":
        return Figure(width, (f"width(input) = {width}",))
    if func == "size":
        b = _need_batch(batch, span, INPUT)
        return Figure(width * b, (f"size(input) = width {width} x batch {b} = {width * b}",))
    return Figure(0, (f"{func}(input) = 0 (the input has no parameters)",))


def _network_figure(func: str, name: str, ls: list[Layer], batch, span) -> Figure:
    last = ls[-1]
    if func in ("width", "size"):
        f = _layer_figure(func, last, batch, span)
        return Figure(f.value, (f"{func}({name}) = {func}({last.name}), its output layer",) + f.lines)
    parts = [getattr(x, func) for x in ls]
    total = sum(parts)
    head = f"{func}({name}) = " + " + ".join(f"{func}({x.name}) {v}" for x, v in zip(ls, parts)) + f" = {total}"
    return Figure(total, (head,) + tuple(_layer_figure(func, x, batch, span).lines[0] for x in ls))


def network_call(ctx: "Context") -> Callable:
    """For `Translator.network_call`: (base, args, scope, span) -> sympy.Integer."""
    import sympy as sp  # noqa: PLC0415

    def call(base: str, args, scope, span):
        return sp.Integer(resolve(ctx, base, tuple(args), span).value)

    return call


# ------------------------------------------------------------------ notes on refuted steps


def _uses(exprs: Iterable, ctx: "Context") -> list[tuple[str, tuple]]:
    """Network quantities an expression mentions, also through `let` definitions, in order of appearance."""
    found: list[tuple[str, tuple]] = []
    seen_defs: set = set()
    defs = [d for d in ctx.definitions if d.params is None]

    def walk(x):
        if isinstance(x, n.Product):
            fs = x.factors
            for i, f in enumerate(fs):
                if (isinstance(f, n.Name) and f.sub is None and f.base in QUANTITIES and i + 1 < len(fs)
                        and x.ops[i] == "juxt" and isinstance(fs[i + 1], n.Group)):
                    item = (f.base, fs[i + 1].items)
                    if item not in found:
                        found.append(item)
            for f in fs:
                walk(f)
            return
        if isinstance(x, n.Name):
            for d in reversed(defs):
                if d.target.base == x.base and d.target.sub == x.sub:
                    if id(d) not in seen_defs:
                        seen_defs.add(id(d))
                        walk(d.body)
                    break
            return
        for y in n.children(x):
            walk(y)

    walk(list(exprs))
    return found


def breakdown_notes(ctx: "Context", exprs: Iterable) -> list[str]:
    """For a refuted step: how each network quantity it uses is made up (weights in x out, biases)."""
    if not ctx.networks:
        return []
    out: list[str] = []
    from .source import Span  # noqa: PLC0415  (as above: the import graph stays acyclic)

    for func, args in _uses(exprs, ctx):
        try:
            fig = resolve(ctx, func, args, args[0].span if args else Span.at(1, 1))  # an error here is dropped
        except ProofError:
            continue
        for line in fig.lines:
            if line not in out:
                out.append(line)
    return out[:12]


# ------------------------------------------------------------------ the autodiff cross-check

_RESULTS: dict = {}  # (network, batch, backend) -> list of disagreements ([] = agreed), or None = skipped
_FAULTS: set = set()  # (network, batch) whose cross-check disagreed: `network_call` refuses them


def _symbolic(net: "Network", batch: int) -> list[tuple[str, int, int, int, tuple[int, ...]]]:
    """(name, weights, biases, params, output shape) per layer, from the symbolic figures."""
    return [(x.name, x.weights, x.biases, x.params, (batch, x.width)) for x in layers(net)]


def _activation(name: str, xp):
    if name == "relu":
        return lambda h: xp.maximum(h, 0.0)
    if name == "sigmoid":
        return lambda h: 1.0 / (1.0 + xp.exp(-h))
    if name == "softmax":
        return lambda h: xp.exp(h - xp.max(h, axis=1, keepdims=True)) / xp.sum(xp.exp(h - xp.max(h, axis=1, keepdims=True)), axis=1, keepdims=True)
    if name in ("linear", "identity", "none"):
        return lambda h: h
    return xp.tanh  # tanh, and a shape-preserving stand-in for the rest (only shapes are compared)


def _autograd_facts(ls: list[Layer], d_in: int, batch: int):
    """Build the network with numpy arrays, run it forward under autograd, count parameters by their gradients."""
    import autograd.numpy as anp  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415
    from autograd import grad  # noqa: PLC0415

    rng = np.random.default_rng(0)
    params = []  # per layer [w] or [w, b]: autograd differentiates with respect to arrays only
    for x in ls:
        w = rng.standard_normal((x.fan_in, x.width)) / np.sqrt(x.fan_in)
        params.append([w, np.zeros(x.width)] if x.bias else [w])
    shapes: list[tuple[int, ...]] = []

    def loss(ps):
        h = rng_input
        for x, p in zip(ls, ps):
            h = anp.dot(h, p[0])
            if len(p) > 1:
                h = h + p[1]
            h = _activation(x.activation, anp)(h)
            shapes.append(tuple(int(s) for s in anp.shape(h)))
        return anp.sum(h)

    rng_input = rng.standard_normal((batch, d_in))
    grads = grad(loss)(params)
    out = []
    for x, shape, g in zip(ls, shapes[: len(ls)], grads):
        nw = int(np.size(g[0]))
        nb = int(np.size(g[1])) if len(g) > 1 else 0
        out.append((x.name, nw, nb, nw + nb, shape))
    return out


def _torch_facts(ls: list[Layer], d_in: int, batch: int, real: bool):
    import torch  # noqa: PLC0415  (optional: pip install 'proofcheck[torch]')

    device = "cpu" if real else "meta"
    gen = torch.Generator().manual_seed(0)
    acts = {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh,
            "softmax": lambda h: torch.softmax(h, dim=1)}
    mods = []
    for x in ls:
        torch.manual_seed(0)
        mods.append(torch.nn.Linear(x.fan_in, x.width, bias=x.bias, device=device, dtype=torch.float64))
    if real:
        h = torch.randn(batch, d_in, generator=gen, dtype=torch.float64)
    else:
        h = torch.empty(batch, d_in, device="meta", dtype=torch.float64)
    shapes = []
    for x, m in zip(ls, mods):
        h = m(h)
        h = acts.get(x.activation, lambda t: t if x.activation in ("linear", "identity", "none") else torch.tanh(t))(h)
        shapes.append(tuple(int(s) for s in h.shape))
    if real:
        h.sum().backward()
    out = []
    for x, m, shape in zip(ls, mods, shapes):
        if real:  # count what autodiff produced a gradient for
            nw = int(m.weight.grad.numel())
            nb = int(m.bias.grad.numel()) if m.bias is not None else 0
        else:
            nw = int(m.weight.numel())
            nb = int(m.bias.numel()) if m.bias is not None else 0
        if sum(int(p.numel()) for p in m.parameters()) != nw + nb:
            nw = -1  # parameters() and weight/bias disagree: surface it as a disagreement
        out.append((x.name, nw, nb, nw + nb, shape))
    return out


def cross_check(net: "Network", batch: int | None, backend: str = "autograd") -> list[str] | None:
    """Disagreements between the symbolic figures and a built network ([] = all agree; None = not run)."""
    if backend == "off" or network_errors(net) or getattr(net, "broken", ()):
        return None
    key = (net, batch, backend)
    if key in _RESULTS:
        return _RESULTS[key]
    result = _cross_check(net, batch, backend)
    record_cross_check(net, batch, backend, result)
    return result


def _cross_check(net: "Network", batch: int | None, backend: str) -> list[str] | None:
    ls = layers(net)
    b = batch or 1
    real = sum(x.params for x in ls) <= REAL_PARAMS_LIMIT and b * (net.input + sum(x.width for x in ls)) <= REAL_ACTIVATIONS_LIMIT
    result: list[str] | None
    try:
        facts = None
        if backend == "torch":
            try:
                facts = _torch_facts(ls, net.input, b, real)
            except ImportError:
                facts = None  # torch is optional: fall back to autograd
        if facts is None and real:
            facts = _autograd_facts(ls, net.input, b)
        if facts is None:
            result = None  # too large to build with numpy arrays; use --ad torch (meta tensors) for those
        else:
            result = []
            want = _symbolic(net, b)
            if len(facts) != len(want):
                result.append(f"the built network has {len(facts)} layers, the symbolic one {len(want)}")
            for (name, w1, b1, p1, s1), (_, w2, b2, p2, s2) in zip(want, facts):
                for what, v1, v2 in (("weights", w1, w2), ("biases", b1, b2), ("params", p1, p2), ("output shape", s1, s2)):
                    if v1 != v2:
                        result.append(f"{what}({name}): symbolic {v1}, {backend} {v2}")
    except Exception as exc:  # noqa: BLE001  (a failing backend must not become a traceback)
        result = [f"the {backend} cross-check failed: {type(exc).__name__}: {exc}"[:300]]
    return result


def record_cross_check(net: "Network", batch: int | None, backend: str, result: list[str] | None) -> None:
    """Keep a cross-check's result in this process (`network_call` refuses a network that disagreed)."""
    _RESULTS[(net, batch, backend)] = result
    if result:
        _FAULTS.add((net, batch))


def known_faults(networks: Iterable["Network"]) -> tuple[tuple["Network", int | None], ...]:
    """The (network, batch) pairs among `networks` whose cross-check disagreed in this process."""
    nets = tuple(networks)
    return tuple(k for k in _FAULTS if k[0] in nets)


def adopt_faults(faults: Iterable[tuple["Network", int | None]]) -> None:
    """Faults found by the process that sent a job here (a long-lived worker did not see them happen)."""
    _FAULTS.update(faults)


def cross_check_pending(problem, backend: str) -> list[tuple["Network", int | None]]:
    """The (network, batch) pairs a problem can see whose cross-check this process has no result for."""
    return [(net, batch) for net, batch in _networks_of(problem) if (net, batch, backend) not in _RESULTS]


def _networks_of(problem) -> list[tuple["Network", int | None]]:
    seen: list = []
    contexts = [c.context for c in problem.chains] + [g.context for g in problem.goals] + [r.context for r in problem.refinements]
    for ctx in contexts:
        for net in ctx.networks:
            if (net, ctx.batch) not in seen:
                seen.append((net, ctx.batch))
    return seen


def problem_diagnostics(problem, backend: str = "autograd") -> list[Diagnostic]:
    """Cross-check every network a problem can see (once per network and batch per process): E304 on disagreement.

    Runs in the parent before steps are forked, so the sandboxed children inherit the verdicts; the
    checker runs the cross-checks first in the sandbox (`check.jobs.cross_check_networks`), under the
    step budget, so here they are only read.
    """
    out: list[Diagnostic] = []
    for net, batch in _networks_of(problem):
        problems = cross_check(net, batch, backend)
        if problems:
            out.append(Diagnostic.make("E304", f"the {backend} cross-check of network `{net.name}` does not confirm the symbolic figures (a checker fault)",
                                       net.span, problems[:8]))
    return out
