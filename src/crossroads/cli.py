"""The ``crossroads`` command (also ``python -m crossroads``): instructor and contributor tools.

    crossroads solutions 01 [--markdown]             print every solution of a lesson
    crossroads solve lessons/01_silk_road.ipynb -o solved/   write and execute a solved copy
    crossroads grade submissions/*.ipynb [--csv] [--html report.html]   score learners' notebooks
    crossroads execute lessons/*.ipynb               refresh stored outputs, deterministically
    crossroads site _site/                           build the course website from the stored lessons

>>> main(["solutions", "00"])  # doctest: +ELLIPSIS
Lesson 00 — Start here: ... questions
...
0
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence


def _lesson_arg(value: str) -> str:
    """A lesson number, or a notebook path whose metadata or name gives it."""
    if value.endswith(".ipynb"):
        from crossroads import notebooks

        lesson = notebooks.lesson_of(notebooks.read(value), value)
        if lesson is None:
            raise LookupError(f"{value}: cannot tell which lesson this notebook is")
        return lesson
    return value


def _solutions(args: argparse.Namespace) -> int:
    from crossroads.exercises.instructor import solutions_text

    sys.stdout.write(solutions_text(_lesson_arg(args.lesson), markdown=args.markdown))
    return 0


def _solve(args: argparse.Namespace) -> int:
    from crossroads.exercises.instructor import solve

    status = 0
    for path in args.notebooks:
        try:
            done = solve(path, args.output, execute=not args.no_execute, timeout=args.timeout)
        except Exception as err:  # report and go on with the next notebook
            print(f"{path}: could not solve: {type(err).__name__}: {err}", file=sys.stderr)
            status = 1
            continue
        ran = f", executed in {done.seconds:.1f} s" if done.seconds is not None else ""
        print(f"wrote {done.path} ({len(done.filled)} answer cells filled{ran})")
        if done.without_cell:
            print(f"  note: no answer cell for {', '.join(done.without_cell)}")
    return status


def _grade(args: argparse.Namespace) -> int:
    import csv
    import json

    from crossroads.grading import grade
    from crossroads.grading.report import Table, csv_header, csv_row, write_html

    done, state = [], {}
    writer = csv.writer(sys.stdout, lineterminator="\n")
    jsonl = open(args.jsonl, "a", encoding="utf-8") if args.jsonl else None

    def start(qcols: list[str]) -> None:
        state["table"] = Table([str(p) for p in args.notebooks], qcols)
        if args.csv:
            writer.writerow(csv_header(qcols))
        else:
            print(state["table"].header())
        sys.stdout.flush()

    def finished(row) -> None:  # written as each notebook finishes: a killed grader keeps them
        done.append(row)
        if args.csv:
            writer.writerow(csv_row(row, state["table"].qcols))
        else:
            print(state["table"].row(row))
        sys.stdout.flush()
        if jsonl:
            jsonl.write(json.dumps(row.record(), ensure_ascii=False) + "\n")
            jsonl.flush()
        if args.html:
            write_html(done, args.html)

    try:
        rows = grade(args.notebooks, timeout=args.timeout, cell_timeout=args.cell_timeout, kernel_name=args.kernel,
                     jobs=args.jobs, on_start=start, on_row=finished)
    finally:
        if jsonl:
            jsonl.close()
    if not args.csv:
        print(state["table"].footer(rows))
    if args.html:
        write_html(rows, args.html)
        print(f"wrote {args.html}", file=sys.stderr)
    return 1 if args.strict and not all(row.complete for row in rows) else 0


def _execute(args: argparse.Namespace) -> int:
    from crossroads import notebooks

    status = 0
    for path in args.notebooks:
        start = time.monotonic()
        try:
            notebooks.execute(path, timeout=args.timeout, kernel_name=args.kernel)
        except Exception as err:
            print(f"{path}: FAILED ({type(err).__name__}): {str(err).strip()[-2000:]}", file=sys.stderr)
            status = 1
            continue
        print(f"executed {path} in {time.monotonic() - start:.1f} s")
    return status


def _site(args: argparse.Namespace) -> int:
    from crossroads import site

    try:
        report = site.build(args.outdir, root=args.root, hub=args.hub)
    except (FileNotFoundError, RuntimeError) as err:
        print(f"crossroads site: {err}", file=sys.stderr)
        return 1
    print(report)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``crossroads`` command."""
    parser = argparse.ArgumentParser(prog="crossroads", description="Crossroads course tools.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("solutions", help="print every solution of a lesson")
    p.add_argument("lesson", help="lesson number (01) or a lesson notebook")
    p.add_argument("--markdown", action="store_true", help="Markdown, e.g. for INSTRUCTORS.md")
    p.set_defaults(func=_solutions)

    p = sub.add_parser("solve", help="write a solved copy of lesson notebooks and execute it")
    p.add_argument("notebooks", nargs="+", type=Path)
    p.add_argument("-o", "--output", type=Path, default=Path("solved"), help="folder (default: solved/)")
    p.add_argument("--no-execute", action="store_true", help="fill the answer cells only")
    p.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    p.set_defaults(func=_solve)

    p = sub.add_parser("grade", help="execute learners' notebooks and print a score table")
    p.add_argument("notebooks", nargs="+", type=Path)
    p.add_argument("--csv", action="store_true", help="CSV instead of a text table")
    p.add_argument("--html", type=Path, help="also write a class report (HTML, opens without a server)")
    p.add_argument("--jsonl", type=Path, help="also append one JSON line per notebook, with details")
    p.add_argument("--timeout", type=float, default=120, help="seconds per notebook (default 120)")
    p.add_argument("--cell-timeout", type=float, default=30,
                   help="seconds per cell before it is interrupted (default 30)")
    p.add_argument("--kernel", default="python3", help="kernel name (default python3)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="notebooks graded at the same time (default 1)")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 if a notebook could not be read, timed out or lost its kernel")
    p.epilog = ("Each notebook runs in its own sandboxed kernel; answers are judged outside it. "
                "See lessons/INSTRUCTORS.md, section Grading.")
    p.set_defaults(func=_grade)

    p = sub.add_parser("execute", help="re-execute notebooks in place, deterministically")
    p.add_argument("notebooks", nargs="+", type=Path)
    p.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    p.add_argument("--kernel", default="python3", help="kernel name (default python3)")
    p.set_defaults(func=_execute)

    p = sub.add_parser("site", help="build the course website from the stored lessons (no re-execution)")
    p.add_argument("outdir", type=Path, help="folder for the site's files (replaced if it exists)")
    p.add_argument("--hub", help="class JupyterHub address for nbgitpuller buttons (default: lessons/site.toml)")
    p.add_argument("--root", type=Path, help="course folder holding lessons/ and data/ (default: this folder)")
    p.set_defaults(func=_site)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``crossroads`` command; returns the exit code. Example: ``main(["solutions", "00"])``."""
    from crossroads import startup  # noqa: F401  (importing it skips a slow import in this process)

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except LookupError as err:
        print(f"crossroads {args.command}: {err.args[0] if err.args else err}", file=sys.stderr)
        return 2
