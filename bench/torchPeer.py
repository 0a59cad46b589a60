"""PyTorch's own schedulers, per step: the peer figure for lrkit/torch.

    /usr/bin/python3 bench/torchPeer.py [--rounds 5] [--steps 2000]

Prints one JSON object: {"torch": "<version>", "results": {"StepLR": <ns per step>, ...}}, each
the median over the rounds of the time of `scheduler.step()` plus reading the lr, with the
arguments bench/schedules.ts gives lrkit's classes. Run by bench/run.ts when /usr/bin/python3
can import torch; not part of the tests.
"""

import argparse
import json
import statistics
import time
import warnings

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as L


def optimizer():
    return SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)


def plateau(opt):
    s = L.ReduceLROnPlateau(opt, patience=10)
    i = [0]

    class Step:
        def step(self):
            s.step(1 / (1 + (i[0] % 50)))
            i[0] += 1

    return Step()


CASES = {
    "StepLR": lambda o: L.StepLR(o, step_size=30, gamma=0.1),
    "MultiStepLR": lambda o: L.MultiStepLR(o, milestones=[30, 60, 90], gamma=0.1),
    "ConstantLR": lambda o: L.ConstantLR(o, factor=0.5, total_iters=100),
    "LinearLR": lambda o: L.LinearLR(o, start_factor=0.1, total_iters=100),
    "ExponentialLR": lambda o: L.ExponentialLR(o, gamma=0.9999),
    "PolynomialLR": lambda o: L.PolynomialLR(o, total_iters=100, power=2),
    "CosineAnnealingLR": lambda o: L.CosineAnnealingLR(o, T_max=100, eta_min=0.001),
    "CosineAnnealingWarmRestarts": lambda o: L.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=2, eta_min=0.001),
    "CyclicLR": lambda o: L.CyclicLR(o, base_lr=0.001, max_lr=0.1, step_size_up=20),
    "OneCycleLR": lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=10**9),
    "LambdaLR": lambda o: L.LambdaLR(o, lr_lambda=lambda epoch: 0.9999**epoch),
    "MultiplicativeLR": lambda o: L.MultiplicativeLR(o, lr_lambda=lambda epoch: 0.9999),
    "SequentialLR": lambda o: L.SequentialLR(
        o,
        schedulers=[L.LinearLR(o, start_factor=0.1, total_iters=10), L.CosineAnnealingLR(o, T_max=90, eta_min=0.001)],
        milestones=[10],
    ),
    "ChainedScheduler": lambda o: L.ChainedScheduler(
        [L.ConstantLR(o, factor=0.5, total_iters=10), L.ExponentialLR(o, gamma=0.9999)]
    ),
    "ReduceLROnPlateau": plateau,
}


def measure(make, steps, rounds):
    times = []
    for _ in range(rounds):
        opt = optimizer()
        sched = make(opt)
        group = opt.param_groups[0]
        acc = 0.0
        for _ in range(steps // 10):  # warm up
            sched.step()
            acc += group["lr"]
        start = time.perf_counter_ns()
        for _ in range(steps):
            sched.step()
            acc += group["lr"]
        times.append((time.perf_counter_ns() - start) / steps)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=2000)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    results = {name: measure(make, args.steps, args.rounds) for name, make in CASES.items()}
    print(json.dumps({"torch": torch.__version__, "results": results}))


if __name__ == "__main__":
    main()
