"""Golden values of timm's PlateauLRScheduler for lrkit's timm.PlateauLRScheduler.

Runs the real timm (timm/scheduler/plateau_lr.py, which wraps torch's ReduceLROnPlateau) on random
options and metric sequences, and writes plateau.json: for each case the options, the calls
`scheduler.step(epoch, metric)` in order, the param group's lr after construction and after each
call. Run by hand (never by the tests), from this folder, then format the output:

    python generate_plateau.py && npx prettier --write plateau.json

See README.md for the libraries and how to install them offline.
"""

import importlib.metadata
import importlib.util
import json
import math
import pathlib
import random
import sys
import types

import torch

SEED = 20261208


def load_timm_module(name):
    """A module of timm.scheduler, without timm/__init__.py (which needs torchvision)."""
    root = pathlib.Path(importlib.util.find_spec("timm").submodule_search_locations[0])
    for package, path in (("timm", root), ("timm.scheduler", root / "scheduler")):
        if package not in sys.modules:
            module = types.ModuleType(package)
            module.__path__ = [str(path)]
            sys.modules[package] = module
    spec = importlib.util.spec_from_file_location(f"timm.scheduler.{name}", root / "scheduler" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


PlateauLRScheduler = load_timm_module("plateau_lr").PlateauLRScheduler


def encode(x):
    """JSON has no NaN or infinities: they are written as strings."""
    if x is None or math.isfinite(x):
        return x
    return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")


def metrics(rng, n, mode):
    """A metric sequence that improves, stalls and wanders, with repeats, for `mode`."""
    kind = rng.choice(["walk", "plateau", "improve-then-stall", "noisy"])
    sign = 1 if mode == "max" else -1
    value = rng.uniform(0.2, 2.0)
    out = []
    for i in range(n):
        if kind == "walk":
            value += rng.choice([-1, 0, 0, 1]) * rng.choice([1e-5, 1e-3, 0.05])
        elif kind == "plateau":
            value = value if rng.random() < 0.7 else value + sign * rng.choice([1e-6, 1e-3, 0.1])
        elif kind == "improve-then-stall":
            value = value + sign * 0.05 if i < n // 3 else value - sign * rng.choice([0, 0.01])
        else:
            value = rng.uniform(0.5, 0.6)
        out.append(round(value, 6))
    return out


def draw_options(rng):
    options = {"lr": rng.choice([0.1, 0.05, 3e-4, 1.0])}
    if rng.random() < 0.8:
        options["decay_rate"] = rng.choice([0.1, 0.5, 0.3, 0.9])
    if rng.random() < 0.8:
        options["patience_t"] = rng.choice([0, 1, 2, 3])
    if rng.random() < 0.5:
        options["threshold"] = rng.choice([0.0, 1e-4, 0.01, 0.05])
    if rng.random() < 0.5:
        options["cooldown_t"] = rng.choice([0, 1, 2])
    if rng.random() < 0.6:
        options["warmup_t"] = rng.choice([0, 1, 3, 5])
        if rng.random() < 0.8:
            options["warmup_lr_init"] = rng.choice([0.0, 1e-5, options["lr"] / 10])
    if rng.random() < 0.5:
        options["lr_min"] = rng.choice([0.0, options["lr"] / 100, options["lr"] / 3])
    if rng.random() < 0.7:
        options["mode"] = rng.choice(["min", "max"])
    return options


def run(options, calls):
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=options["lr"])
    kwargs = {k: v for k, v in options.items() if k != "lr"}
    scheduler = PlateauLRScheduler(optimizer, **kwargs)
    initial = optimizer.param_groups[0]["lr"]
    values = []
    for epoch, metric in calls:
        scheduler.step(epoch, metric)
        values.append(optimizer.param_groups[0]["lr"])
    return initial, values


def main():
    rng = random.Random(SEED)
    cases = []
    for i in range(60):
        options = draw_options(rng)
        n = rng.randint(8, 40)
        ms = metrics(rng, n, options.get("mode", "max"))
        first = 0 if i % 5 == 0 else 1  # train.py steps epoch + 1, from 1; some cases step from 0
        calls = [[first + k, m if rng.random() > 0.05 else None] for k, m in enumerate(ms)]
        if i % 10 == 3:  # non-finite metrics
            calls[rng.randrange(n)][1] = float("nan")
            calls[rng.randrange(n)][1] = float("inf") if options.get("mode", "max") == "max" else -float("inf")
        if i % 10 == 7 and options.get("warmup_t", 0) > 0:  # a warmup step after cuts (resuming)
            calls.insert(n // 2, [1, ms[0]])
        initial, values = run(options, calls)
        cases.append(
            {
                "id": f"plateau#{i}",
                "options": options,
                "calls": [[epoch, encode(metric)] for epoch, metric in calls],
                "initial": initial,
                "values": values,
            }
        )
    timm_version = importlib.metadata.version("timm")
    out = {
        "generator": "packages/lrkit/src/presets/timm/golden/generate_plateau.py",
        "seed": SEED,
        "library_versions": {"timm": timm_version, "torch": torch.__version__, "python": sys.version.split()[0]},
        "notes": "values[k] is optimizer.param_groups[0]['lr'] after scheduler.step(*calls[k]); initial after construction.",
        "cases": cases,
    }
    pathlib.Path(__file__).with_name("plateau.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
