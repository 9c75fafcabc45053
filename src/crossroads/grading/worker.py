"""Grade one submission in a separate process: ``python -m crossroads.grading.worker < job.json``.

The grader starts one worker per submission, so a notebook that kills its parent kills only
this worker. The worker runs the notebook cell by cell in a sandboxed kernel (see
:mod:`crossroads.grading.sandbox`), reads the answer variables after every cell and reports
as JSON lines on its standard output (nothing else may write there; the kernel gets
``/dev/null``):

``{"event": "answers", "cell": 7, "payload": "..."}``  tagged JSON, see :mod:`.extract`
``{"event": "cell", "cell": 7, "error": false, "interrupted": false}``
``{"event": "done", "problem": "", "protections": {...}, "help": [...], "leftovers": 0}``

At the end every process the submission started is killed (process namespace, subreaper,
marker variable) and its temporary folders are deleted.
"""
from __future__ import annotations

import asyncio
import base64
import ctypes
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PR_SET_CHILD_SUBREAPER, PR_SET_PDEATHSIG = 36, 1
_STOPPED: list[bool] = []

if __name__ == "__main__" and sys.platform.startswith("linux"):  # before the slow imports below
    signal.signal(signal.SIGTERM, lambda *_: _STOPPED.append(True))
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)  # the grader died: clean up, stop

from crossroads import startup  # noqa: E402,F401  (before nbformat: skips a slow import)
from jupyter_client.manager import AsyncKernelManager  # noqa: E402

from crossroads.grading import extract

SANDBOX = str(Path(__file__).with_name("sandbox.py"))
MARKER_VAR = "CROSSROADS_GRADING_RUN"
NOBODY = 65534


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel through the sandbox launcher."""

    sandbox_config = ""

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        return [sys.executable, "-I", "-S", SANDBOX, self.sandbox_config, "--", *cmd]


def _emit(out, **event: Any) -> None:
    out.write(json.dumps(event) + "\n")
    out.flush()


def kernel_env(base: Path, token: str) -> dict[str, str]:
    """The kernel's whole environment: a search path, a language, its own folders, a marker."""
    venv_bin = str(Path(sys.executable).parent)
    env = {
        "PATH": os.pathsep.join([venv_bin, "/usr/local/bin", "/usr/bin", "/bin"]),
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "HOME": str(base / "home"), "TMPDIR": str(base / "tmp"),
        "IPYTHONDIR": str(base / "ipython"), "JUPYTER_CONFIG_DIR": str(base / "jupyter" / "config"),
        "JUPYTER_DATA_DIR": str(base / "jupyter" / "data"), "JUPYTER_RUNTIME_DIR": str(base / "jupyter" / "runtime"),
        "MPLCONFIGDIR": str(base / "tmp"), "MPLBACKEND": "agg", "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
        MARKER_VAR: token,
    }
    if sys.prefix != sys.base_prefix:
        env["VIRTUAL_ENV"] = sys.prefix
    if os.environ.get("CROSSROADS_DATA"):  # the course's own data folder, if the instructor set one
        env["CROSSROADS_DATA"] = os.environ["CROSSROADS_DATA"]
    return env


def _needed_paths() -> list[str]:
    """Folders the kernel's Python must be able to read (interpreter, packages, course)."""
    import crossroads

    paths = {sys.prefix, sys.base_prefix, os.path.realpath(sys.executable), str(Path(crossroads.__file__).parent)}
    paths |= {p for p in sys.path if p and os.path.isdir(p)}
    if os.environ.get("CROSSROADS_DATA"):
        paths.add(os.environ["CROSSROADS_DATA"])
    try:
        from crossroads import data

        paths.add(str(data.data_dir()))  # an editable install reads the repository's data/
    except Exception:
        pass
    return sorted(paths)


def _descendants(root: int) -> list[int]:
    """Every process below ``root`` (Linux /proc), deepest last."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _marked(token: str) -> list[int]:
    """Processes whose environment carries this run's marker (those that escaped the tree)."""
    needle = f"{MARKER_VAR}={token}".encode()
    found = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                if needle in Path(f"/proc/{entry}/environ").read_bytes().split(b"\0"):
                    found.append(int(entry))
            except OSError:
                continue
    return found


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def _is_launcher(pid: int) -> bool:
    try:
        return SANDBOX.encode() in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False


def kill_leftovers(token: str) -> int:
    """Kill every process this worker or the submission left behind; returns how many."""
    victims = {pid for pid in set(_descendants(os.getpid())) | set(_marked(token)) if not _zombie(pid)}
    ours = {pid for pid in victims if _is_launcher(pid)}  # the sandbox itself, still on its way out
    for pid in victims:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:  # reap what was reparented to us (we are a subreaper)
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if not any(Path(f"/proc/{p}").exists() for p in victims):
                break
            time.sleep(0.02)
    return len(victims - ours)


def _prepare(job: dict, token: str) -> tuple[Path, Path, dict]:
    """The kernel's folders (owned by nobody when dropping privileges) and the launcher config."""
    base, private = Path(job["base"]), Path(job["private"])
    private.mkdir(mode=0o700)  # the worker's own files, never the kernel's
    base.mkdir(mode=0o700)
    for sub in ("work", "home", "tmp", "ipython", "jupyter/config", "jupyter/data", "jupyter/runtime", "ipc",
                "scratch"):
        (base / sub).mkdir(parents=True)
    (base / "work" / job["name"]).write_bytes(base64.b64decode(job["notebook"]))
    isolation = job.get("isolation", {})
    uid = NOBODY if isolation.get("drop_privileges") and os.getuid() == 0 else None
    if uid is not None:
        for folder, _, files in os.walk(base):
            os.chown(folder, uid, uid)
            for name in files:
                os.chown(os.path.join(folder, name), uid, uid)
    os.chmod(base, 0o711 if uid is not None else 0o700)
    config = {
        "work": str(base / "work"), "scratch": str(base / "scratch"), "base": str(base), "uid": uid, "gid": uid,
        "env": kernel_env(base, token), "parent": os.getpid(), "status": str(private / "status.json"),
        "namespaces": isolation.get("namespaces", True), "expose": _needed_paths(),
        "limits": job.get("limits", {}),
    }
    (private / "sandbox.json").write_text(json.dumps(config), encoding="utf-8")
    return base, private, config


async def _run(job: dict, out, token: str, base: Path, private: Path) -> str:
    import nbformat

    from crossroads import notebooks

    nb = nbformat.read(str(base / "work" / job["name"]), as_version=4)
    km = SandboxKernelManager(kernel_name=job.get("kernel", "python3"))
    km.sandbox_config = str(private / "sandbox.json")
    km.transport, km.ip = "ipc", str(base / "ipc" / "k")
    km.connection_file = str(private / "kernel.json")
    cell_timeout = float(job.get("cell_timeout", 30))
    client = notebooks.client(nb, base / "work", km=km, timeout=max(1, int(cell_timeout)), allow_errors=True,
                              interrupt_on_timeout=True, startup_timeout=max(5, int(job.get("timeout", 120))),
                              kernel_name=job.get("kernel", "python3"))
    _cap_outputs(client, int(job.get("output_cap", 2_000_000)))
    marker = secrets.token_hex(16)
    code, expression = extract.extraction_code(job["variables"], marker, secrets.token_hex(8))
    state = {"cell": None}

    async def read_answers(after: int) -> None:
        msg_id = client.kc.execute(code, silent=True, store_history=False, user_expressions={"r": expression})
        reply = await client.async_wait_for_reply(msg_id)
        result = ((reply or {}).get("content", {}).get("user_expressions") or {}).get("r") or {}
        text = (result.get("data") or {}).get("text/plain") if isinstance(result, dict) else None
        payload = extract.unwrap(text, marker) if isinstance(text, str) else None
        if payload is not None:
            _emit(out, event="answers", cell=after, payload=payload)

    last = max((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()), default=-1)

    async def run_cells() -> None:
        async with client.async_setup_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or not cell.source.strip():
                    continue
                state["cell"] = index
                start = time.monotonic()
                await client.async_execute_cell(cell, index)
                interrupted = time.monotonic() - start >= cell_timeout
                error = any(o.get("output_type") == "error" for o in cell.get("outputs", []))
                _emit(out, event="cell", cell=index, error=error, interrupted=interrupted)
                if "answer_" in cell.source or index == last:
                    await read_answers(index)
            state["cell"] = None

    async def watch_the_grader() -> None:  # a killed grader leaves nobody to wait for this notebook
        while not _orphan(job):
            await asyncio.sleep(0.5)

    limit, start = float(job.get("timeout", 120)), time.monotonic()
    try:
        runner, watcher = asyncio.ensure_future(run_cells()), asyncio.ensure_future(watch_the_grader())
        done, _pending = await asyncio.wait({runner, watcher}, timeout=limit, return_when=asyncio.FIRST_COMPLETED)
        watcher.cancel()
        if runner in done:
            runner.result()  # raises what running the cells raised
            problem = ""
        else:
            runner.cancel()
            try:
                await runner
            except BaseException:  # the cancellation itself, or the kernel dying with it
                pass
            if watcher not in done:
                raise asyncio.TimeoutError()
            problem = f"the grader stopped {_where(state['cell'])}"
    except Exception as err:  # nbclient turns the cancellation by wait_for into DeadKernelError
        where = _where(state["cell"])
        if isinstance(err, (asyncio.TimeoutError, TimeoutError)) or time.monotonic() - start >= limit - 0.5:
            problem = f"timed out after {limit:g} s {where}"
        elif type(err).__name__ == "DeadKernelError":
            problem = f"the kernel died {where}"
        else:
            problem = f"could not run {where}: {type(err).__name__}: {' '.join(str(err).split())[:200]}"
    finally:
        try:
            if km.has_kernel:
                await km.shutdown_kernel(now=True)
        except Exception:
            pass
    hints, solutions = extract.help_seen(nb.cells)
    _emit(out, event="help", hints=hints, solutions=solutions, capped=client.outputs_capped)
    return problem


def _where(cell: int | None) -> str:
    return "while starting the kernel" if cell is None else f"at cell {cell + 1}"


def _cap_outputs(client, cap: int) -> None:
    """Keep at most ``cap`` characters of outputs in memory for the whole notebook."""
    used = [0]
    original = client.output

    def output(outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(content.get("text", "")) + sum(len(str(v)) for v in (content.get("data") or {}).values())
        used[0] += size
        if used[0] > cap:
            client.outputs_capped = True
            return None
        return original(outs, msg, display_id, cell_index)

    client.outputs_capped = False
    client.output = output


def _orphan(job: dict) -> bool:
    """Whether the grader that started us is gone (then nobody else will clean up)."""
    return bool(job.get("parent")) and os.getppid() != job["parent"]


def _remove(*folders) -> None:
    for folder in folders:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def _stop(*_) -> None:
    """Stop once, then clean up in peace: a killed multi-threaded grader sends its parent-death
    signal once per thread (the worker is handed from thread to thread as they die)."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _quiet()
    raise SystemExit(1)  # runs the clean-up in run()'s finally


def _quiet() -> None:
    """Send stderr to /dev/null: a stopped worker's shutdown noise (asyncio cancelling nbclient's
    tasks half-way) is expected, and the grader discards the worker's stderr anyway."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)


def run(job: dict, out) -> None:
    """Grade the job's notebook and report on ``out``; never raises."""
    token = secrets.token_hex(12)
    signal.signal(signal.SIGTERM, _stop)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None)
            libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if _STOPPED or _orphan(job):
        return
    problem, protections, leftovers = "", {}, 0
    try:
        base, private, _ = _prepare(job, token)
        problem = asyncio.run(_run(job, out, token, base, private))
        status = private / "status.json"
        protections = json.loads(status.read_text()) if status.exists() else {}
    except Exception as err:
        problem = problem or f"could not grade: {type(err).__name__}: {' '.join(str(err).split())[:200]}"
    finally:  # also when stopped half-way: the folders are named by the job, so nothing is left behind
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        leftovers = kill_leftovers(token)
        _remove(job["base"], job["private"])
    _emit(out, event="done", problem=problem, protections=protections, leftovers=leftovers)


if __name__ == "__main__":
    _out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    try:
        _job = json.loads(sys.stdin.read())
    except ValueError:  # the grader died before it sent the job: nothing was created, nothing to do
        sys.exit(1)
    _null = os.open(os.devnull, os.O_RDWR)
    os.dup2(_null, 1)
    run(_job, _out)
