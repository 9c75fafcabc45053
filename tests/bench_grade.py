"""Benchmark (not a test): grading N submissions of lesson 02 against executing the lesson once.

    python tests/bench_grade.py            # 20 submissions, one at a time
    python tests/bench_grade.py -n 4 -j 2  # fewer, two at a time

Prints seconds per submission (grading, with every protection this machine allows) and the
seconds of one plain ``crossroads execute`` of the lesson in a fresh kernel, measured in the
same run (before and after grading, the mean is used), and their ratio. Goal: at most 1.5.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from crossroads import notebooks
from crossroads.exercises.instructor import solve
from crossroads.grading import grade, isolation_plan

LESSON = Path(__file__).resolve().parents[1] / "lessons" / "02_multi_vector.ipynb"


def plain_execution(folder: Path) -> float:
    copy = folder / "plain" / LESSON.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(LESSON, copy)
    start = time.monotonic()
    notebooks.execute(copy, timeout=600)
    return time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="submissions (default 20)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="graded at the same time (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        solved = solve(LESSON, folder / "solved", execute=False).path
        subs = []
        for index in range(args.n):  # half solved copies, half untouched ones
            target = folder / "subs" / f"{index:02d}_{LESSON.name}"
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(solved if index % 2 == 0 else LESSON, target)
            subs.append(target)
        start = time.monotonic()
        plan = isolation_plan()
        probe = time.monotonic() - start
        before = plain_execution(folder)
        start = time.monotonic()
        rows = grade(subs, timeout=600, cell_timeout=300, jobs=args.jobs)
        graded = time.monotonic() - start
        after = plain_execution(folder)
    plain = statistics.mean([before, after])
    per = graded / args.n * args.jobs
    scores = sorted({f"{r.score}/{r.total}" for r in rows})
    print(f"isolation: {plan} (found in {probe:.1f} s, once per batch)")
    print(f"protections: {'; '.join(rows[0].protections)}")
    print(f"scores seen: {', '.join(scores)}; notes: {sorted({r.note for r in rows if r.note}) or 'none'}")
    print(f"plain execution of lesson 02: {before:.1f} s before, {after:.1f} s after grading (mean {plain:.1f} s)")
    print(f"grading {args.n} submissions, {args.jobs} at a time: {graded:.1f} s, "
          f"{per:.1f} s per submission per job slot")
    print(f"ratio: {per / plain:.2f} x plain execution (goal: at most 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
