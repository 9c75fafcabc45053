"""Grading learners' notebooks so that nothing in a notebook can change its own or another's score.

Each submission runs in a fresh kernel, in a separate worker process, inside a sandbox (see
:mod:`.sandbox`): its own folder with a copy of that notebook only, its own home and Jupyter
folders, a clean environment, resource limits, no network and, as root, the user ``nobody``.
The worker reads the ``answer_qN`` variables out as plain data after every cell (see
:mod:`.extract`); this process rebuilds the values and judges them with the question bank
it imported before any submission ran. Every file gets a row, whatever it does.

Statuses per question: ``correct``, ``wrong``, ``invalid`` (not an answer of the right kind,
or a value that cannot be graded), ``missing`` (no answer variable, or still ``...``),
``error`` (the course could not check it).

Example: ``rows = grade(["submissions/anna.ipynb"], html="report.html")``.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from crossroads.grading import extract

__all__ = ["Grade", "grade", "grade_notebook", "judge", "isolation_plan", "STATUSES"]

STATUSES = ("correct", "wrong", "invalid", "missing", "error")
MAX_FILE = 50_000_000  # bytes; larger files are not graded
LIMITS = {"as": 4 << 30, "fsize": 100 << 20, "nproc": 256, "core": 0, "nofile": 1024}
_FEEDBACK = {"correct": "correct", "wrong": "wrong", "invalid": "invalid", "unanswered": "missing",
             "error": "error"}


@dataclass
class Grade:
    """One graded notebook. ``statuses`` maps each question id to one of :data:`STATUSES`.

    >>> Grade("a.ipynb", "00", {"q1": "correct", "q2": "wrong"}).score
    1
    """

    notebook: str
    lesson: str | None = None
    statuses: dict[str, str] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)    # qid -> the answer in words (when not correct)
    details: dict[str, str] = field(default_factory=dict)    # qid -> the check's message
    errors: list[int] = field(default_factory=list)          # 1-based cells that raised an error
    hints: dict[str, int] = field(default_factory=dict)      # qid -> highest hint number shown
    solutions: list[str] = field(default_factory=list)       # qids whose solution the notebook shows or reads
    note: str = ""
    complete: bool = False                                   # every cell ran within the limits
    protections: list[str] = field(default_factory=list)
    briefs: dict[str, str] = field(default_factory=dict)    # variable -> the brief's form checks (lesson 05)

    @property
    def score(self) -> int:
        return sum(status == "correct" for status in self.statuses.values())

    @property
    def total(self) -> int:
        return len(self.statuses)

    def record(self) -> dict:
        """A JSON-ready dict of the row (with score and total)."""
        return {**asdict(self), "score": self.score, "total": self.total}


# ---------------------------------------------------------------------------
# Judging, in this process
# ---------------------------------------------------------------------------


def judge(lesson, values: dict) -> Grade:
    """Judge decoded answer values against a lesson's questions (iterates the lesson's registry).

    >>> from crossroads.exercises import get_lesson
    >>> lesson = get_lesson("00")
    >>> sorted(set(judge(lesson, {}).statuses.values()))
    ['missing']
    """
    from crossroads.exercises.core import describe

    row = Grade("", lesson.number)
    for q in lesson:
        if q.variable not in values or values[q.variable] is Ellipsis:
            row.statuses[q.qid] = "missing"
            continue
        value = values[q.variable]
        if isinstance(value, extract.CannotGrade):
            row.statuses[q.qid], row.answers[q.qid] = "invalid", f"cannot be graded: {value.why}"
            row.details[q.qid] = row.answers[q.qid]
            continue
        try:
            feedback = q.check(value)
            status, message = _FEEDBACK.get(feedback.status, "error"), str(feedback.message)
        except Exception as err:
            status, message = "error", f"the check failed: {type(err).__name__}"
        row.statuses[q.qid], row.details[q.qid] = status, message
        if status != "correct":
            row.answers[q.qid] = describe(value)
    return row


def judge_briefs(values: dict) -> dict[str, str]:
    """The form checks of each ``Brief`` read out of a notebook, judged here with the course's own checks.

    >>> judge_briefs({"brief:mine": extract.BriefForm({"question": "Why?"})})["mine"].split(". ")[0]
    '0/7 form checks pass: The question is 4 characters: write at least 10'
    """
    from crossroads import brief as briefs

    out = {}
    for key, form in values.items():
        if not key.startswith("brief:"):
            continue
        name = key[len("brief:"):]
        if not isinstance(form, extract.BriefForm):
            out[name] = "cannot be checked: " + (form.why if isinstance(form, extract.CannotGrade) else "unreadable")
            continue
        try:
            feedback = briefs.from_form(form).check()
        except Exception as err:  # a malformed read-out is reported, never raised
            out[name] = f"cannot be checked ({type(err).__name__})"
            continue
        done, total = feedback.score
        problems = " ".join(feedback.problems)
        out[name] = f"{done}/{total} form checks pass" + (f": {problems}" if problems else "")
    return out


# ---------------------------------------------------------------------------
# Isolation: what this computer allows, found once per process
# ---------------------------------------------------------------------------

_PLAN: dict | None = None


def isolation_plan() -> dict:
    """The strongest sandbox settings that work here: ``{"drop_privileges": …, "namespaces": …}``.

    Tries a kernel-like start (``import ipykernel, pandas, crossroads.exercises``) as
    ``nobody`` in new namespaces, then without ``nobody``, then with neither.
    """
    global _PLAN
    if _PLAN is None:
        candidates = [{"drop_privileges": True, "namespaces": True}] if os.getuid() == 0 else []
        candidates += [{"drop_privileges": False, "namespaces": True}, {"drop_privileges": False, "namespaces": False}]
        if not sys.platform.startswith("linux"):
            candidates = candidates[-1:]
        _PLAN = next((plan for plan in candidates[:-1] if _probe(plan)), candidates[-1])
    return dict(_PLAN)


def _probe(plan: dict) -> bool:
    from crossroads.grading import worker

    base = Path(tempfile.mkdtemp(prefix="crossroads-probe-"))
    try:
        (base / "work").mkdir()
        (base / "scratch").mkdir()
        uid = worker.NOBODY if plan["drop_privileges"] else None
        if uid is not None:
            for folder in (base, base / "work", base / "scratch"):
                os.chown(folder, uid, uid)
            os.chmod(base, 0o711)
        config = {"work": str(base / "work"), "scratch": str(base / "scratch"), "uid": uid, "gid": uid,
                  "env": {"PATH": os.defpath, "HOME": str(base / "work")}, "parent": os.getpid(),
                  "namespaces": plan["namespaces"], "expose": worker._needed_paths(), "limits": {},
                  "status": str(base / "status.json")}
        (base / "config.json").write_text(json.dumps(config), encoding="utf-8")
        code = "import ipykernel, pandas, crossroads.exercises, socket"
        done = subprocess.run([sys.executable, "-I", "-S", worker.SANDBOX, str(base / "config.json"), "--",
                               sys.executable, "-c", code], capture_output=True, timeout=120)
        status = json.loads((base / "status.json").read_text()) if (base / "status.json").exists() else {}
        return done.returncode == 0 and (not plan["namespaces"] or "network" in status.get("namespaces", []))
    except (OSError, subprocess.SubprocessError, ValueError):
        return False
    finally:
        shutil.rmtree(base, ignore_errors=True)


def describe_protections(status: dict, plan: dict) -> list[str]:
    """Protections in force for one submission, in words, from the sandbox's status report."""
    words = ["own temporary folder, home and Jupyter folders", "clean environment",
             "time limits", "output cap", "separate worker process"]
    spaces = status.get("namespaces", [])
    if "network" in spaces:
        words.append("no network")
    if "pid" in spaces:
        words.append("own process namespace")
    if status.get("private_tmp"):
        words.append("private temp folder")
    if status.get("user") == "nobody":
        words.append("runs as nobody")
    limits = status.get("limits", [])
    if limits:
        names = {"as": "memory", "fsize": "file size", "nproc": "processes", "cpu": "CPU time", "core": "no core files",
                 "nofile": "open files"}
        words.append("limits: " + ", ".join(names.get(k, k) for k in limits))
    return words


# ---------------------------------------------------------------------------
# Grading a batch
# ---------------------------------------------------------------------------


@dataclass
class _Submission:
    path: Path
    name: str
    data: bytes = b""
    digest: str = ""
    lesson: str | None = None
    problem: str = ""
    nb: object = None


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _read(path: Path) -> _Submission:
    """Read a submission once, at the start of the batch (so later changes on disk do not count)."""
    import nbformat

    from crossroads import notebooks

    sub = _Submission(path, str(path))
    try:
        if path.stat().st_size > MAX_FILE:
            sub.problem = f"could not read: larger than {MAX_FILE // 1_000_000} MB"
            return sub
        sub.data = path.read_bytes()
        sub.digest = hashlib.sha256(sub.data).hexdigest()
        sub.nb = nbformat.reads(sub.data.decode("utf-8"), as_version=4)
        nbformat.validate(sub.nb)
    except Exception as err:
        sub.problem = f"could not read: {_short(err)}"
        return sub
    sub.lesson = notebooks.lesson_of(sub.nb, path)
    if sub.lesson is None:
        sub.problem = ("could not tell which lesson this is (no crossroads lesson metadata, "
                       "no lesson number in the name)")
    return sub


def _load_lessons(subs: list[_Submission]) -> dict:
    """Import each lesson's questions and compute their answers before any submission runs."""
    from crossroads.exercises import get_lesson

    lessons = {}
    for sub in subs:
        if sub.lesson and sub.lesson not in lessons and not sub.problem:
            try:
                lessons[sub.lesson] = get_lesson(sub.lesson)
            except LookupError as err:
                lessons[sub.lesson] = err
                continue
            for q in lessons[sub.lesson]:
                try:
                    q.expected
                except Exception:
                    pass  # check() reports "error" for this question
    return lessons


def in_question_order(qids: Iterable[str]) -> list[str]:
    """Question ids sorted q1, q2, … q10 (not q1, q10, q2).

    >>> in_question_order({"q10", "q2", "q1"})
    ['q1', 'q2', 'q10']
    """
    return sorted(set(qids), key=lambda qid: (len(qid), qid))


def question_columns(lessons: Iterable) -> list[str]:
    """Question ids of the lessons, in the order q1, q2, … q10."""
    return in_question_order(q.qid for les in lessons if not isinstance(les, Exception) for q in les)


def _grade_submission(sub: _Submission, lesson, settings: dict) -> Grade:
    row = Grade(sub.name, sub.lesson)
    if sub.problem:
        row.note = sub.problem
        return row
    if isinstance(lesson, Exception):
        row.note = _short(lesson)
        return row
    hints, solutions = extract.help_seen(sub.nb.cells)
    keyed, reads_key = extract.key_use(sub.nb.cells)
    solutions += [qid for qid in keyed if qid not in solutions]
    # The worker creates (and removes) both folders: a grader killed at any moment leaves nothing behind.
    tag = f"{os.getpid()}-{secrets.token_hex(6)}"
    staging = Path(tempfile.gettempdir()) / f"crossroads-sub-{tag}"  # the worker's own files
    base = Path(tempfile.gettempdir()) / f"crossroads-grade-{tag}"  # the kernel's folders
    events = {"answers": None, "cells": [], "help": {}, "done": None}
    try:
        job = {"notebook": base64.b64encode(sub.data).decode("ascii"), "name": "submission.ipynb",
               "variables": [q.variable for q in lesson],
               "timeout": settings["timeout"], "cell_timeout": settings["cell_timeout"],
               "kernel": settings["kernel_name"], "isolation": settings["plan"], "output_cap": settings["output_cap"],
               "limits": {**LIMITS, "cpu": int(settings["timeout"]) + 10, "nproc": _process_limit(settings["plan"])},
               "parent": os.getpid(), "base": str(base), "private": str(staging)}
        proc = subprocess.Popen([sys.executable, "-m", "crossroads.grading.worker"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir(),
                                start_new_session=True)
        reader = threading.Thread(target=_read_events, args=(proc, events), daemon=True)
        reader.start()
        try:
            proc.stdin.write(json.dumps(job).encode("utf-8"))
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=settings["timeout"] + 60)
        except subprocess.TimeoutExpired:
            pass
        _kill_group(proc)
        reader.join(10)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(base, ignore_errors=True)
    values = {}
    if events["answers"] is not None:
        try:
            values = extract.decode(events["answers"])
        except ValueError:
            values = {}
    judged = judge(lesson, values)
    row.statuses, row.answers, row.details = judged.statuses, judged.answers, judged.details
    row.briefs = judge_briefs(values)
    notes = []
    for cell in events["cells"]:
        if cell.get("error"):
            row.errors.append(int(cell["cell"]) + 1)
        if cell.get("interrupted"):
            notes.append(f"cell {int(cell['cell']) + 1} interrupted after {settings['cell_timeout']:g} s")
    help_run = events["help"]
    for qid, number in dict(help_run.get("hints", {})).items():
        hints[qid] = max(hints.get(qid, 0), int(number))
    solutions += [qid for qid in help_run.get("solutions", []) if qid not in solutions]
    row.hints, row.solutions = hints, solutions
    if help_run.get("capped"):
        notes.append("output over the cap was dropped")
    if reads_key:
        notes.append("the code reads the answer key (solution code or expected values)")
    done = events["done"]
    if done is None:
        last = events["cells"][-1]["cell"] + 2 if events["cells"] else 1
        notes.append(f"the grading process was killed at cell {last} (answers read up to then are kept)")
    else:
        if done.get("problem"):
            notes.append(str(done["problem"]) + (" (answers read up to then are kept)"
                                                 if "timed out" in done["problem"] or "died" in done["problem"] else ""))
        else:
            row.complete = True
        row.protections = describe_protections(done.get("protections") or {}, settings["plan"])
        if done.get("leftovers"):
            notes.append(f"{int(done['leftovers'])} leftover processes were killed")
    row.note = "; ".join(notes)
    return row


def _process_limit(plan: dict) -> int:
    """RLIMIT_NPROC counts every process of the user: allow 256 more than that user runs now."""
    uid = 65534 if plan.get("drop_privileges") and os.getuid() == 0 else os.getuid()
    running = 0
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        try:
            if entry.isdigit() and os.stat(f"/proc/{entry}").st_uid == uid:
                running += len(os.listdir(f"/proc/{entry}/task"))
        except OSError:
            continue
    return running + LIMITS["nproc"]


def _read_events(proc: subprocess.Popen, events: dict) -> None:
    """Read the worker's JSON lines; keep the latest answers and everything else."""
    while True:
        line = proc.stdout.readline(extract.MAX_PAYLOAD + 1000)
        if not line:
            return
        try:
            event = json.loads(line)
        except ValueError:
            continue
        kind = event.get("event") if isinstance(event, dict) else None
        if kind == "answers" and isinstance(event.get("payload"), str):
            events["answers"] = event["payload"]
        elif kind == "cell":
            events["cells"].append(event)
        elif kind == "help":
            events["help"] = event
        elif kind == "done":
            events["done"] = event


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        pass


def grade(paths: Iterable[str | Path], timeout: float = 120, cell_timeout: float = 30,
          kernel_name: str = "python3", jobs: int = 1, on_row: Callable[[Grade], None] | None = None,
          output_cap: int = 2_000_000, isolation: dict | None = None,
          on_start: Callable[[list[str]], None] | None = None) -> list[Grade]:
    """Grade notebooks, ``jobs`` at a time; returns rows in the order of ``paths``.

    Every file is read once at the start; ``on_start(question_columns)`` is called then, and
    ``on_row(row)`` as each notebook finishes (one thread at a time), so results can be
    written as they come.
    Example: ``grade(["a.ipynb", "b.ipynb"], jobs=2, on_row=print)``.
    """
    subs = [_read(Path(p)) for p in paths]
    lessons = _load_lessons(subs)
    if on_start is not None:
        on_start(question_columns(lessons.values()))
    settings = {"timeout": float(timeout), "cell_timeout": float(cell_timeout), "kernel_name": kernel_name,
                "output_cap": int(output_cap), "plan": isolation or isolation_plan()}
    lock = threading.Lock()

    def one(sub: _Submission) -> Grade:
        try:
            row = _grade_submission(sub, lessons.get(sub.lesson), settings)
        except Exception as err:  # never lose a row
            row = Grade(sub.name, sub.lesson, note=f"could not grade: {type(err).__name__}: {_short(err)}")
        if sub.digest:
            try:
                if hashlib.sha256(sub.path.read_bytes()).hexdigest() != sub.digest:
                    row.note = "; ".join(filter(None, [row.note, "the file changed on disk during grading "
                                                       "(the copy read at the start was graded)"]))
            except OSError:
                pass
        if on_row is not None:
            with lock:
                on_row(row)
        return row

    if jobs <= 1 or len(subs) <= 1:
        return [one(sub) for sub in subs]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, subs))


def grade_notebook(path: str | Path, timeout: float = 120, cell_timeout: float = 30,
                   kernel_name: str = "python3") -> Grade:
    """Grade one notebook; never raises for a bad notebook. Example: ``grade_notebook("anna.ipynb").score``."""
    return grade([path], timeout=timeout, cell_timeout=cell_timeout, kernel_name=kernel_name)[0]
