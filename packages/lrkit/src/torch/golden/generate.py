#!/usr/bin/env python3
"""Reference traces of torch.optim.lr_scheduler for lrkit/torch's conformance tests.

Reads a cases file of the golden schema (shared/golden/torch/README.md) and writes the trace
file: for every case the echoed input plus `initial`, `trace`, `error`, `warnings` and
`state_dict_check`, produced by the real PyTorch it runs with (1.13.1 for traces.json, 2.13.0
for traces_2.13.json). It runs unchanged under both.

Run it from the repository root with the Python that has that torch; README.md (next to this
file) says how to get each version offline:

    /usr/bin/python3 packages/lrkit/src/torch/golden/generate.py \
        packages/lrkit/src/torch/golden/cases.json packages/lrkit/src/torch/golden/traces.json
    npx prettier --write packages/lrkit/src/torch/golden/*.json

(Prettier only lays the JSON out and writes 1e-05 as 1e-5; no value or int/float changes.)

Per iteration t it records the lr of every group (the lr used by step t), calls
optimizer.step(), then scheduler.step() (step(metrics[t]) for ReduceLROnPlateau,
step(step_epochs[t]) where step_epochs[t] is not null) and records get_last_lr(), last_epoch
and, where they exist, the momentum and the scheduler's extra state. An exception ends the loop.
The tests of lrkit/torch read the JSON files only; nothing here runs at test time.
"""
import copy
import json
import math
import pickle
import platform
import re
import sys
import warnings
from collections import Counter

import torch
from torch.optim import lr_scheduler

NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
MOMENTUM_SCHEDULERS = {"CyclicLR", "OneCycleLR"}
# The formula language of the cases: the common subset of Python and JavaScript.
FORMULA_NAMES = {
    "floor": math.floor, "ceil": math.ceil, "min": min, "max": max, "abs": abs,
    "cos": math.cos, "sin": math.sin, "tanh": math.tanh, "exp": math.exp,
    "sqrt": math.sqrt, "log": math.log, "pi": math.pi,
}


def decode(value):
    """JSON of the cases -> Python values: "NaN"/"Infinity"/"-Infinity" become floats."""
    if isinstance(value, str):
        return NON_FINITE.get(value, value)
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    return value


def encode(value):
    """Python values -> JSON of the traces: non-finite floats as strings, tuples as lists."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, Counter):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, torch.Tensor):
        return encode(value.tolist())
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if type(value).__name__ == "WeakMethod":
        return "<WeakMethod %s>" % value().__name__ if value() is not None else "<WeakMethod dead>"
    if callable(value):
        return "<callable %s>" % getattr(value, "__name__", type(value).__name__)
    return repr(value)


def formula(source, variable):
    if not isinstance(source, str):
        return source  # passed through as is: PyTorch decides what a non-callable does
    return eval("lambda %s: %s" % (variable, source), {"__builtins__": {}, **FORMULA_NAMES})


def lambdas(value, variable):
    if isinstance(value, list):
        return [formula(v, variable) for v in value]
    return formula(value, variable)


def make_optimizer(spec):
    spec = decode(spec)
    defaults = dict(spec.get("defaults", {}))
    if isinstance(defaults.get("betas"), list):
        defaults["betas"] = tuple(defaults["betas"])
    groups = spec.get("param_groups")
    if groups:
        params = []
        for g in groups:
            g = dict(g)
            if isinstance(g.get("betas"), list):
                g["betas"] = tuple(g["betas"])
            g["params"] = [torch.nn.Parameter(torch.zeros(1))]
            params.append(g)
    else:
        params = [torch.nn.Parameter(torch.zeros(1))]
    return getattr(torch.optim, spec["type"])(params, **defaults)


def make_scheduler(spec, optimizer):
    name = spec["scheduler"]
    kwargs = decode(dict(spec.get("kwargs") or {}))
    if "lr_lambda" in kwargs:
        kwargs["lr_lambda"] = lambdas(kwargs["lr_lambda"], "epoch")
    if "scale_fn" in kwargs:
        kwargs["scale_fn"] = formula(kwargs["scale_fn"], "x")
    cls = getattr(lr_scheduler, name)
    if name == "ChainedScheduler":
        return cls([make_scheduler(s, optimizer) for s in spec.get("schedulers", [])], **kwargs)
    if name == "SequentialLR":
        subs = [make_scheduler(s, optimizer) for s in spec.get("schedulers", [])]
        return cls(optimizer, schedulers=subs, **kwargs)
    return cls(optimizer, **kwargs)


def names_in(spec):
    yield spec["scheduler"]
    for s in spec.get("schedulers") or []:
        yield from names_in(s)


def momentum_of(group):
    value = group["betas"][0] if "betas" in group else group.get("momentum")
    return None if value is None else float(value)


def step(scheduler, case, t):
    """scheduler.step(...) of iteration t, as the README prescribes."""
    epochs = case.get("step_epochs")
    epoch = decode(epochs[t]) if epochs is not None else None
    if isinstance(scheduler, lr_scheduler.ReduceLROnPlateau):
        if case.get("metrics") is None:
            return scheduler.step()  # raises PyTorch's TypeError: metrics are required
        metric = decode(case["metrics"][t])
        return scheduler.step(metric) if epoch is None else scheduler.step(metric, epoch)
    return scheduler.step() if epoch is None else scheduler.step(epoch)


def extra_of(scheduler):
    if isinstance(scheduler, lr_scheduler.ReduceLROnPlateau):
        return {"best": float(scheduler.best), "num_bad_epochs": scheduler.num_bad_epochs,
                "cooldown_counter": scheduler.cooldown_counter}
    if isinstance(scheduler, lr_scheduler.CosineAnnealingWarmRestarts):
        return {"T_cur": float(scheduler.T_cur), "T_i": scheduler.T_i}
    return None


def run(case, optimizer, scheduler, start, on_step=None):
    """Iterations start..N-1; returns lr, last_lr, last_epoch, momentum, extra, error."""
    groups = optimizer.param_groups
    with_momentum = bool(MOMENTUM_SCHEDULERS & set(names_in(case)))
    out = {"lr": [], "last_lr": [], "last_epoch": [], "momentum": [], "extra": []}
    error = None
    for t in range(start, case["steps"]):
        out["lr"].append([g["lr"] for g in groups])
        if with_momentum:
            out["momentum"].append([momentum_of(g) for g in groups])
        optimizer.step()
        try:
            step(scheduler, case, t)
        except Exception as e:  # PyTorch's own error ends the run
            error = {"at_step": t, "type": type(e).__name__, "message": str(e)}
            break
        out["last_lr"].append(list(scheduler._last_lr))
        out["last_epoch"].append(getattr(scheduler, "last_epoch", None))
        extra = extra_of(scheduler)
        if extra is not None:
            out["extra"].append(extra)
        if on_step is not None:
            on_step(t + 1)
    return out, error


def same(a, b):
    return json.dumps(encode(a)) == json.dumps(encode(b))


def trace_case(case):
    result = dict(case)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            optimizer = make_optimizer(case["optimizer"])
            scheduler = make_scheduler(case, optimizer)
        except Exception as e:
            result.update(initial=None, trace=None, error={
                "phase": "construct", "at_step": None, "type": type(e).__name__,
                "message": str(e), "last_epoch_after_error": None})
            result["warnings"] = distinct(caught)
            result["state_dict_check"] = None
            return result
        groups = optimizer.param_groups
        names = set(names_in(case))
        initial = {
            "lr": [g["lr"] for g in groups],
            "last_lr": list(scheduler._last_lr) if hasattr(scheduler, "_last_lr") else None,
            "last_epoch": getattr(scheduler, "last_epoch", None),
            "initial_lr": [g.get("initial_lr") for g in groups],
        }
        if names & MOMENTUM_SCHEDULERS:
            initial["momentum"] = [momentum_of(g) for g in groups]

        n = case["steps"]
        k = case.get("state_dict_at", n // 2)
        saved = {}

        def snapshot(done):
            if done == k:
                try:
                    saved["scheduler"] = scheduler.state_dict()
                except Exception:  # e.g. LambdaLR with a lambda that is not callable: no check
                    return
                saved["rendered"] = encode(saved["scheduler"])  # while its weak references live
                saved["optimizer"] = copy.deepcopy(optimizer.state_dict())

        snapshot(0)
        out, error = run(case, optimizer, scheduler, 0, snapshot)
        main_warnings = distinct(caught)

    trace = {"lr": out["lr"], "last_lr": out["last_lr"], "last_epoch": out["last_epoch"]}
    if names & MOMENTUM_SCHEDULERS:
        trace["momentum"] = out["momentum"]
    if extra_of(scheduler) is not None:
        trace["extra"] = out["extra"]
    if error is not None:
        error = {"phase": "step", **error,
                 "last_epoch_after_error": getattr(scheduler, "last_epoch", None)}
    result.update(initial=initial, trace=trace, error=error, warnings=main_warnings)
    result["state_dict_check"] = resume_check(case, k, saved, out, error) if saved else None
    return result


def resume_check(case, k, saved, out, error):
    """A fresh optimizer and scheduler, both states loaded, run from k to N."""
    try:
        pickle.dumps(saved["scheduler"])
        pickled = "ok"
    except Exception as e:
        pickled = re.sub(r" at 0x[0-9a-f]+", "", "%s: %s" % (type(e).__name__, e))  # deterministic
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        optimizer = make_optimizer(case["optimizer"])
        scheduler = make_scheduler(case, optimizer)
        optimizer.load_state_dict(saved["optimizer"])
        scheduler.load_state_dict(saved["scheduler"])
        resumed, resume_error = run(case, optimizer, scheduler, k)
    main_error = None if error is None else (error["type"], error["at_step"])
    again = None if resume_error is None else (resume_error["type"], resume_error["at_step"])
    matches = (same(resumed["lr"], out["lr"][k:]) and same(resumed["last_lr"], out["last_lr"][k:])
               and main_error == again)
    return {
        "at_step": k,
        "state_dict": saved["rendered"],
        "state_dict_pickle": pickled,
        "optimizer_param_groups": saved["optimizer"]["param_groups"],
        "resumed_lr_head": resumed["lr"][:50],
        "resumed_last_lr_head": resumed["last_lr"][:50],
        "resume_error": resume_error,
        "matches": matches,
    }


def distinct(caught):
    seen = []
    for w in caught:
        text = "%s: %s" % (w.category.__name__, str(w.message)[:140])
        if text not in seen:
            seen.append(text)
    return seen


def main(cases_path, traces_path):
    with open(cases_path) as f:
        cases = json.load(f)
    traces = {
        "generator": "packages/lrkit/src/torch/golden/generate.py",
        "torch_version": torch.__version__,
        "python_version": platform.python_version(),
        "cases_file": cases_path.split("/")[-1],
        "cases": [encode(trace_case(case)) for case in cases],
    }
    with open(traces_path, "w") as f:
        json.dump(traces, f, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
