"""Grading a learner cannot fool: the plain-data answer reader, the judge, the reports, and a
battery of hostile notebooks graded in one batch next to honest ones (lesson 00)."""
from __future__ import annotations

import base64
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from nbformat import v4

from crossroads import notebooks
from crossroads.exercises import get_lesson
from crossroads.grading import Grade, extract, grade, judge
from crossroads.grading.report import clean, csv_cell, format_csv, format_html, format_table

ROOT = Path(__file__).resolve().parents[1]
LESSON00 = ROOT / "lessons" / "00_start_here.ipynb"
CELL_TIMEOUT, TIMEOUT = 4, 25


def lesson00():
    return get_lesson("00")


def right_value(q):
    """The question's answer as the lesson module states it."""
    return q._answer() if callable(q._answer) else q._answer


def wrong_value(q):
    """A value of the right kind that is not the answer, found with the engine itself."""
    right = right_value(q)
    candidates = [-1, 99999, *(getattr(q, "options", None) or [])]
    if isinstance(right, (list, tuple, set, frozenset)):
        items = sorted(right, key=str)
        candidates += [list(reversed(list(right))), items[:1], set(items[:1])]
    for value in candidates:
        if q.check(value).status == "wrong":
            return value
    raise AssertionError(f"no wrong value found for {q.qid}")


def submission(folder: Path, name: str, cells: list[str], answers: dict[str, str] | None = None,
               lesson: str = "00") -> Path:
    """A lesson notebook: ``cells`` first (after the import), then every answer cell (placeholder
    unless ``answers`` gives its source)."""
    nb = notebooks.set_lesson(v4.new_notebook(), lesson)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [v4.new_code_cell(f"from crossroads.exercises import lesson{lesson} as ex")]
    nb.cells += [v4.new_code_cell(source) for source in cells]
    for q in get_lesson(lesson):
        cell = notebooks.answer_cell(lesson, q.qid)
        if answers and q.qid in answers:
            cell.source = answers[q.qid]
        nb.cells.append(cell)
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
    folder.mkdir(parents=True, exist_ok=True)
    notebooks.write(nb, folder / name)
    return folder / name


# ---------------------------------------------------------------------------
# Reading answers as plain data
# ---------------------------------------------------------------------------


def test_plain_values_survive_the_round_trip():
    frame = pd.DataFrame({"country": ["KAZ", "CHN"], "value": [1.5, float("nan")], "n": [1, 2]})
    values = {"a": 13, "b": -2.5, "c": "Astana\u00e9\x00", "d": ["x", ("y", 2)], "e": {"SCO", "EAEU"},
              "f": frozenset({1}), "g": {"k": [1]}, "h": None, "i": ..., "j": True, "k": frame,
              "l": frame.set_index("country"), "m": 10**30, "n": float("inf")}
    back = extract.decode(extract._encode_here(values))
    for key in "abcdefghijmn":
        assert back[key] == values[key] and type(back[key]) is type(values[key]), key
    pd.testing.assert_frame_equal(back["k"], frame)
    assert back["l"].index.names == ["country"] and list(back["l"].columns) == ["value", "n"]


def test_hostile_values_cannot_be_graded_and_never_run_their_code():
    class AlwaysEqual(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    class Endless(list):
        def __iter__(self):
            while True:
                yield 1

    huge = "x" * 200_000
    back = extract.decode(extract._encode_here({"a": AlwaysEqual("Astana"), "b": Endless(), "c": (x for x in []),
                                                "d": huge, "e": [[[[[[[[1]]]]]]]], "f": list(range(20_000))}))
    assert all(isinstance(v, extract.CannotGrade) for v in back.values()), back
    assert back["a"].why == "AlwaysEqual" and back["d"].why == "a text of 200000 characters"


def test_only_this_runs_marked_reply_is_read():
    payload = extract._encode_here({"answer_q1": 13})
    assert extract.unwrap(repr("M1" + payload + "M1"), "M1") == payload
    assert extract.unwrap(repr("M2" + payload + "M2"), "M1") is None            # another marker
    assert extract.unwrap(repr("M1" + payload + "M1") + " ", "M1") is None      # not exactly our reply
    assert extract.unwrap(repr("M1{\"\\u00e9\"}M1"), "M1") is None             # characters we never send
    for junk in ('[1]', '{"61": ["int", "1e5"]}', '{"61": ["float", "' + "9" * 99 + '"]}', '{"61": ["list", 5]}'):
        try:
            values = extract.decode(junk)
        except ValueError:
            continue
        assert all(isinstance(v, extract.CannotGrade) for v in values.values())


def test_help_seen_matches_what_the_engine_displays():
    q = list(lesson00())[1]
    cell = v4.new_code_cell(f"ex.{q.qid}.hint()\nex.{q.qid}.solution()")
    cell.outputs = [v4.new_output("display_data", {"text/plain": repr(q.hint(2))}),
                    v4.new_output("execute_result", {"text/plain": repr(q.solution())})]
    assert extract.help_seen([cell]) == ({q.qid: 2}, [q.qid])
    assert extract.help_seen([v4.new_code_cell("print('Solution to q1')")]) == ({}, [])


# ---------------------------------------------------------------------------
# Judging and reports
# ---------------------------------------------------------------------------


def test_judge_statuses_follow_the_lesson_registry():
    lesson = lesson00()
    values = {q.variable: right_value(q) for q in lesson}
    first, second, third, *_ = list(lesson)
    values[first.variable] = wrong_value(first)
    values[second.variable] = extract.CannotGrade("generator")
    del values[third.variable]
    row = judge(lesson, values)
    assert list(row.statuses) == [q.qid for q in lesson]
    assert row.statuses[first.qid] == "wrong" and row.statuses[second.qid] == "invalid"
    assert row.statuses[third.qid] == "missing" and row.score == len(lesson) - 3
    assert row.answers[second.qid] == "cannot be graded: generator"


def test_csv_neutralises_formulas_and_control_characters():
    names = ["=HYPERLINK(\"x\").ipynb", "+cmd.ipynb", "-1.ipynb", "@SUM(1).ipynb", "\tx.ipynb", "\rx.ipynb",
             "term\x1b[2J.ipynb"]
    rows = [Grade(n, "00", {"q1": "wrong"}, note="=1+1") for n in names]
    records = list(csv.reader(io.StringIO(format_csv(rows))))[1:]
    for record in records:
        for cell in record:
            assert not cell or cell[0] not in "=+-@\t\r", record
            assert not re.search("[\x00-\x1f\x7f]", cell), record
    assert records[0][0] == "'=HYPERLINK(\"x\").ipynb" and csv_cell(3) == 3
    assert "\x1b" not in format_table(rows) and clean("a\u202eb") == "a?b"


def test_html_report_is_self_contained_and_escaped():
    lesson = lesson00()
    qids = [q.qid for q in lesson]
    rows = [Grade("<script>alert(1)</script>.ipynb", "00", {q: "correct" for q in qids}, hints={qids[0]: 2}),
            Grade("b.ipynb", "00", {q: "wrong" for q in qids}, answers={q: "the text '<b>x</b>'" for q in qids},
                  solutions=[qids[0]]),
            Grade("c.ipynb", "00", {q: "wrong" for q in qids}, answers={q: "the text '<b>x</b>'" for q in qids}),
            Grade("broken.ipynb", note="could not read: no")]
    page = format_html(rows)
    assert "<script" not in page and "&lt;b&gt;x&lt;/b&gt;&#x27; (2)" in page   # the most common wrong answer, counted
    assert page.count("<svg") == len(qids) + 3 and "1 of 3" in page and "broken.ipynb" in page
    assert not re.search(r"(src|href)=", page)  # nothing loaded from elsewhere
    assert format_html(rows) == page


# ---------------------------------------------------------------------------
# The hostile battery: one batch, honest notebooks before and after the hostile ones
# ---------------------------------------------------------------------------

SECRET = "crossroads-canary-7f3a"


def _battery(folder: Path) -> dict[str, Path]:
    lesson = lesson00()
    qs = list(lesson)
    first = qs[0]
    wrong = {q.qid: f"{q.variable} = {wrong_value(q)!r}\n{q.check_line}" for q in qs}
    only_first = {first.qid: f"{first.variable} = {first.expected!r}\n{first.check_line}"}
    secret_file = folder / "secret.txt"
    secret_file.write_text(SECRET)
    os.chmod(secret_file, 0o600)
    subs = folder / "subs"
    made = {
        "honest_first": submission(subs, "honest_first.ipynb", [], only_first),
        "honest_wrong": submission(subs, "honest_wrong.ipynb", [], wrong),
        "patch_core": submission(subs, "patch_core.ipynb", [
            "from crossroads.exercises import core\n"
            "core.Feedback.correct = property(lambda self: True)\n"
            "for kind in (core.Numeric, core.Choice, core.SetAnswer, core.Ordering):\n"
            "    kind._judge = lambda self, a, e: self._right('yes')\n"
            "import crossroads.exercises as ce\n"
            "ce.get_lesson = lambda *a: None"], wrong),
        "registry": submission(subs, "registry.ipynb", [
            "from crossroads.exercises import core\nimport crossroads.exercises as ce\n"
            "for q in ex.lesson:\n    core._record(ex.lesson.number, q.qid, True)\n"
            "ce.results = lambda: {ex.lesson.number: {q.qid: {'status': 'solved'} for q in ex.lesson}}\n"
            "from IPython.display import display\n"
            "get_ipython().events.register('pre_run_cell', lambda *a: display("
            "{'application/vnd.crossroads.results+json': ce.results()}, raw=True))"]),
        "solutions": submission(subs, "solutions.ipynb", [
            "for q in ex.lesson:\n    q.solution()\n    q.check(q.expected)\n"
            "    try:\n        exec(q.code, {'ex': ex})\n    except Exception:\n        pass",
            f"ex.{list(lesson00())[0].qid}.solution()"]),
        "startup": submission(subs, "startup.ipynb", [
            "import os\nplant = \"import crossroads.exercises as ce\\nce.results = lambda: {}\\n"
            "answer_q1 = 'planted'\\n\"\n"
            "open(os.path.join(get_ipython().profile_dir.startup_dir, '00-x.py'), 'w').write(plant)\n"
            "os.makedirs(os.path.expanduser('~/.ipython/profile_default/startup'), exist_ok=True)\n"
            "open(os.path.expanduser('~/.ipython/profile_default/startup/00-x.py'), 'w').write(plant)"]),
        "shadow": submission(subs, "shadow.ipynb", [
            "import os, sys\nos.makedirs('crossroads/exercises', exist_ok=True)\n"
            "open('crossroads/__init__.py', 'w').write('')\n"
            f"os.makedirs({str(subs / 'crossroads')!r}, exist_ok=True)\n"
            f"open({str(subs / 'crossroads' / '__init__.py')!r}, 'w').write('raise SystemExit')"]),
        "rewrite": submission(subs, "rewrite.ipynb", [
            f"import glob\nfor path in glob.glob({str(subs)!r} + '/*.ipynb'):\n"
            "    try:\n        open(path, 'w').write('{}')\n    except OSError as err:\n        print(err)"]),
        "kill_parent": submission(subs, "kill_parent.ipynb", [], {
            **only_first, qs[1].qid: "import os, signal\nos.kill(os.getppid(), 9)\nos.killpg(0, signal.SIGKILL)"}),
        "exit": submission(subs, "exit.ipynb", [], {**only_first, qs[1].qid: "import os\nos._exit(0)"}),
        "stubborn": submission(subs, "stubborn.ipynb", [], {
            **only_first, qs[1].qid: "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                                     "while True:\n    try:\n        time.sleep(0.2)\n    except BaseException:\n        pass"}),
        "flood": submission(subs, "flood.ipynb", ["import sys\nfor _ in range(100):\n    sys.stdout.write('x' * 1_000_000)"],
                            only_first),
        "daemons": submission(subs, "daemons.ipynb", [
            "import os, subprocess\nfor _ in range(3):\n"
            "    subprocess.Popen(['sleep', '4321'], start_new_session=True, stdout=subprocess.DEVNULL)\n"
            "if os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        os.execvp('sleep', ['sleep', '4321'])\n"
            "    os._exit(0)"]),
        "secrets": submission(subs, "secrets.ipynb", [
            "import os\nfound = [os.environ.get('CROSSROADS_TEST_SECRET', 'no variable')]\n"
            f"try:\n    found.append(open({str(secret_file)!r}).read())\nexcept OSError as err:\n    found.append('no file')\n"
            "try:\n    import socket\n    socket.create_connection(('192.0.2.1', 80), timeout=2)\n    found.append('network')\n"
            "except OSError:\n    found.append('no network')\n"], {qs[1].qid: f"{qs[1].variable} = ' | '.join(found)"}),
        "forge": submission(subs, "forge.ipynb", [
            "class Yes(str):\n    def __eq__(self, other):\n        return True\n    __hash__ = str.__hash__\n"
            "print('{\"616e737765725f7131\": [\"int\", \"13\"]}')"],
            {q.qid: f"{q.variable} = Yes({q.expected!r})" if isinstance(q.expected, str) else
             f"{q.variable} = Yes('13')" for q in qs}),
        "neighbours": None if not _private_tmp() else submission(subs, "neighbours.ipynb", [
            "import glob, os, time\nplant = " + repr(f"{first.variable} = {first.expected!r}\n") + "\n"
            "for _ in range(40):\n    for folder in glob.glob('/tmp/crossroads-grade-*/ipython'):\n"
            "        try:\n            os.makedirs(folder + '/profile_default/startup', exist_ok=True)\n"
            "            open(folder + '/profile_default/startup/00-x.py', 'w').write(plant)\n"
            "        except OSError:\n            pass\n    time.sleep(0.1)"]),
        "honest_first_again": submission(subs, "honest_first_again.ipynb", [], only_first),
    }
    made = {name: path for name, path in made.items() if path is not None}
    (subs / "not_json.ipynb").write_text("this is not a notebook", encoding="utf-8")
    (subs / "binary.ipynb").write_bytes(os.urandom(256))
    (subs / "other_json.ipynb").write_text('{"cells": 5}', encoding="utf-8")
    made.update(not_json=subs / "not_json.ipynb", binary=subs / "binary.ipynb", other_json=subs / "other_json.ipynb")
    return made


def _private_tmp() -> bool:
    """Whether kernels graded at the same time are hidden from each other here (namespaces as root)."""
    from crossroads.grading import isolation_plan

    plan = isolation_plan()
    return plan["namespaces"] and plan["drop_privileges"]


def _sleepers() -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if Path(f"/proc/{entry}/cmdline").read_bytes() == b"sleep\x004321\x00":
                    found.append(int(entry))
            except OSError:
                pass
    return found


@pytest.fixture(scope="module")
def battery(tmp_path_factory):
    folder = tmp_path_factory.mktemp("battery")
    made = _battery(folder)
    os.environ["CROSSROADS_TEST_SECRET"] = SECRET
    before = {p: p.read_bytes() for p in made.values()}
    streamed = []
    start = time.monotonic()
    try:
        rows = grade(list(made.values()), timeout=TIMEOUT, cell_timeout=CELL_TIMEOUT, jobs=2, on_row=streamed.append)
    finally:
        del os.environ["CROSSROADS_TEST_SECRET"]
    seconds = time.monotonic() - start
    result = {name: row for name, row in zip(made, rows)}
    return result, streamed, seconds, made, before


@pytest.mark.slow
def test_battery_every_file_gets_one_row_and_honest_scores_hold(battery):
    rows, streamed, seconds, made, _ = battery
    assert [r.notebook for r in rows.values()] == [str(p) for p in made.values()]
    assert sorted(r.notebook for r in streamed) == sorted(str(p) for p in made.values())
    total = len(lesson00())
    assert rows["honest_first"].score == rows["honest_first_again"].score == 1
    assert rows["honest_first"].complete and rows["honest_first_again"].complete
    assert rows["honest_wrong"].score == 0 and set(rows["honest_wrong"].statuses.values()) == {"wrong"}
    assert all(r.total == total for name, r in rows.items() if name not in ("not_json", "binary", "other_json"))
    assert seconds < 240


@pytest.mark.slow
@pytest.mark.parametrize("name", ["patch_core", "registry", "solutions", "startup", "shadow", "rewrite", "daemons",
                                  "secrets", "forge", "neighbours"])
def test_battery_cheats_gain_nothing(battery, name):
    if name not in battery[0]:
        pytest.skip("kernels graded at the same time share a temp folder here (no namespaces)")
    row = battery[0][name]
    assert row.score == 0, format_table([row])


@pytest.mark.slow
def test_battery_crashes_and_loops_keep_answers_already_given(battery):
    rows = battery[0]
    for name in ("exit", "stubborn", "kill_parent", "flood"):
        assert rows[name].score == 1, format_table([rows[name]])
    assert "kernel died" in rows["exit"].note and not rows["exit"].complete
    assert f"timed out after {TIMEOUT} s" in rows["stubborn"].note and "kept" in rows["stubborn"].note
    assert rows["flood"].complete and "output over the cap" in rows["flood"].note


@pytest.mark.slow
def test_battery_leaves_no_process_and_no_changed_file_behind(battery):
    rows, _, _, made, before = battery
    assert _sleepers() == []
    if "runs as nobody" in rows["shadow"].protections:
        assert not (made["shadow"].parent / "crossroads").exists()
    for name, path in made.items():
        if path.read_bytes() != before[path]:  # only possible when the kernel runs as the grader's user
            assert "changed on disk" in rows[name].note
    assert not list(Path(tempfile.gettempdir()).glob(f"crossroads-grade-{os.getpid()}-*"))


@pytest.mark.slow
def test_battery_secrets_and_network_stay_out_of_reach(battery):
    row = battery[0]["secrets"]
    seen = " ".join(row.answers.values()) + " ".join(row.details.values())
    assert "no variable" in seen and SECRET not in seen.split("|")[0]
    if "runs as nobody" in row.protections:
        assert SECRET not in seen and "no file" in seen
    if "no network" in row.protections:
        assert "| no network" in seen


@pytest.mark.slow
def test_battery_reports_solutions_and_unreadable_files(battery):
    rows = battery[0]
    assert list(lesson00())[0].qid in rows["solutions"].solutions and "answer key" in rows["solutions"].note
    for name in ("not_json", "binary", "other_json"):
        assert rows[name].note.startswith("could not read") and not rows[name].statuses


@pytest.mark.slow
def test_solved_lesson_gets_full_marks_and_untouched_none(tmp_path):
    from crossroads.exercises.instructor import solve

    done = solve(LESSON00, tmp_path / "solved", execute=False)
    solved, untouched = grade([done.path, LESSON00], timeout=300, cell_timeout=120, jobs=2)
    assert solved.score == solved.total == len(lesson00()), format_table([solved])
    assert untouched.score == 0 and set(untouched.statuses.values()) == {"missing"}, format_table([untouched])


@pytest.mark.slow
def test_same_user_mode_survives_a_notebook_that_kills_its_parent(tmp_path):
    """Without namespaces or nobody (as on a laptop without them), the worker dies, not the batch."""
    first, second, *_ = list(lesson00())
    only_first = {first.qid: f"{first.variable} = {first.expected!r}"}
    killer = submission(tmp_path, "killer.ipynb", [], {**only_first, second.qid: "import os\nos.kill(os.getppid(), 9)"})
    honest = submission(tmp_path, "honest.ipynb", [], only_first)
    rows = grade([killer, honest], timeout=TIMEOUT, cell_timeout=CELL_TIMEOUT,
                 isolation={"drop_privileges": False, "namespaces": False})
    assert rows[0].score == 1 and "killed" in rows[0].note
    assert rows[1].score == 1 and rows[1].complete
    assert "runs as nobody" not in rows[1].protections and "no network" not in rows[1].protections


@pytest.mark.slow
def test_a_killed_grader_keeps_the_rows_it_wrote(tmp_path):
    first = list(lesson00())[0]
    quick = submission(tmp_path, "quick.ipynb", [], {first.qid: f"{first.variable} = {first.expected!r}"})
    slow = submission(tmp_path, "slow.ipynb", ["import time\ntime.sleep(60)"])
    out = tmp_path / "rows.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "crossroads", "grade", str(quick), str(slow), "--jsonl", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out.exists() and out.read_text().count("\n") >= 1):
        time.sleep(0.2)
    proc.kill()
    proc.wait()
    record = json.loads(out.read_text().splitlines()[0])
    assert record["notebook"] == str(quick) and record["score"] == 1
    left = lambda: list(Path(tempfile.gettempdir()).glob(f"crossroads-*-{proc.pid}-*"))  # noqa: E731
    deadline = time.monotonic() + 30  # the orphaned worker cleans up after itself
    while time.monotonic() < deadline and left():
        time.sleep(0.2)
    assert not left()


def _worker(tmp_path, notebook: Path) -> tuple[subprocess.Popen, Path, Path]:
    """A grading worker started by this test process, as the grader starts one."""
    base, private = tmp_path / "kernel-folders", tmp_path / "worker-folders"
    job = {"notebook": base64.b64encode(notebook.read_bytes()).decode(), "name": "submission.ipynb",
           "variables": ["answer_q1"], "timeout": 60, "cell_timeout": 60, "parent": os.getpid(),
           "isolation": {"drop_privileges": False, "namespaces": False}, "base": str(base), "private": str(private)}
    proc = subprocess.Popen([sys.executable, "-m", "crossroads.grading.worker"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdin.write(json.dumps(job).encode())
    proc.stdin.close()
    return proc, base, private


@pytest.mark.slow
def test_a_worker_stopped_again_and_again_still_cleans_up(tmp_path):
    """A killed grader with many threads sends its parent-death signal once per thread."""
    slow = submission(tmp_path, "slow.ipynb", ["import time\ntime.sleep(60)"])
    proc, base, private = _worker(tmp_path, slow)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (base / "work" / "submission.ipynb").exists():
        time.sleep(0.05)
    assert proc.poll() is None
    while proc.poll() is None and time.monotonic() < deadline:
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.01)
    assert proc.wait(30) is not None
    assert not base.exists() and not private.exists()
    assert all(json.loads(line) for line in proc.stdout.read().splitlines())  # nothing but the worker's reports
    assert proc.stderr.read() == b""  # a stopped worker's shutdown noise goes to /dev/null, not to a terminal


def test_a_worker_whose_grader_died_before_sending_the_job_exits_quietly(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "crossroads.grading.worker"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(b"", timeout=60)
    assert proc.returncode == 1 and out == b"" and b"Traceback" not in err


# ---------------------------------------------------------------------------
# Briefs (lesson 05): form checks next to the scores, judged in the grader
# ---------------------------------------------------------------------------

BRIEF_CELLS = ['''
from crossroads import charts, maps
from crossroads.brief import Brief
import crossroads.brief as cb

good = Brief("Can Central Asia's gas reach China without crossing Russia?", author="test")
gas_map = maps.region_map("Gas to China", tiles=False)
maps.add_routes(gas_map, ids=["ca_china_gas_line_a"])
chart = charts.route_volumes()
good.add_claim("Lines A to C carried Turkmen gas to China from 2009 to 2014.", evidence=55, sources=["src-003"])
good.add_claim("The route crosses Uzbekistan and Kazakhstan, not Russia.", evidence=gas_map, sources=["src-000"])
good.add_claim("Planned volumes exceed what was delivered in 2022.", evidence=chart, sources=["src-002"])
good.counter_argument("Wishnick reads Russia's gas deals of 2023 as keeping it in the Central Asian market.",
                      sources=["src-004"], answers=[1])
good.recommendation("Kazakhstan should weigh gas transit to China against its own growing demand for gas.")
good.limits("The course data stop at 2023 and give no prices, so costs cannot be compared here.")

bad = Brief("Is China now Kazakhstan's most important partner?")
bad.add_claim("China's share of Kazakhstan's trade rose to 18 % by 2020.", evidence=18.0, sources=["src-999"])
cb._form_checks = lambda brief: []         # a cheat: check() in this kernel now finds nothing wrong
''']


@pytest.mark.slow
def test_grade_reports_each_briefs_form_checks_judged_outside_the_kernel(tmp_path):
    path = submission(tmp_path, "brief.ipynb", BRIEF_CELLS, lesson="05")
    (row,) = grade([path], timeout=120, cell_timeout=60)
    assert set(row.briefs) == {"good", "bad"}, (row.briefs, row.note)
    done, total = map(int, re.match(r"(\d+)/(\d+) form checks pass", row.briefs["good"]).groups())
    assert done == total >= 10 and ":" not in row.briefs["good"], row.briefs["good"]
    bad = row.briefs["bad"]  # the kernel's patched check() changes nothing: the grader checks the form itself
    assert not bad.startswith(f"{total}/") and "'src-999', which is not a source id" in bad
    assert "No counter-argument yet" in bad and "No map attached" in bad and "No chart attached" in bad
    assert "brief_form" in format_csv([row]).splitlines()[0] and "src-999" in format_csv([row])
    assert "Brief bad" in format_html([row])


def test_malformed_brief_read_outs_are_reported_not_raised():
    from crossroads.grading import judge_briefs

    rows = judge_briefs({"brief:a": extract.CannotGrade("a brief that could not be read"),
                         "brief:b": extract.BriefForm({"claims": [[1, 2]], "counter": "x", "attachments": [[1]]}),
                         "brief:c": extract.BriefForm({"question": 5, "claims": [["t", [["other list", ""]], []]]}),
                         "answer_q1": 3})
    assert set(rows) == {"a", "b", "c"}
    assert rows["a"] == "cannot be checked: a brief that could not be read"
    assert rows["b"].startswith("cannot be checked") or "form checks pass" in rows["b"]
    assert "Claim 1's evidence includes a other list" in rows["c"] and "cites no source" in rows["c"]
