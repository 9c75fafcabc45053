"""Kernel launcher that isolates one submission's kernel (standard library only, Linux first).

The grader starts the kernel through this file instead of directly::

    python -I -S sandbox.py CONFIG.json -- python -m ipykernel_launcher -f conn.json

It applies, in order and as far as the operating system allows, then ``exec``'s the kernel:

1. dies with its parent (``PR_SET_PDEATHSIG``), so a killed grader worker leaves no kernel;
2. new namespaces: network (no network at all), mount, PID (every process the kernel starts
   dies with it) -- as root directly, otherwise inside a user namespace;
3. a private ``/proc``, a private system temp folder holding only the submission's own folders,
   and, when dropping privileges, the folders the Python environment needs made reachable for
   ``nobody`` (a tmpfs over a closed parent such as ``/root``);
4. ``resource`` limits (memory, file size, processes, CPU seconds, no core files);
5. as root: the user ``nobody`` with no supplementary groups and ``no_new_privs``;
6. the submission's own folder as working directory and a clean environment.

What was in force is written, as JSON, to the config's ``status`` file before the kernel starts.
Example (dry run of the checks only): ``python sandbox.py config.json -- true``.
"""
from __future__ import annotations

import ctypes
import json
import os
try:
    import resource
except ImportError:  # Windows: no resource limits
    resource = None
import shutil
import signal
import sys

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_BIND, MS_REC, MS_PRIVATE = 4096, 16384, 1 << 18
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38
LIMITS = {"as": "RLIMIT_AS", "fsize": "RLIMIT_FSIZE", "nproc": "RLIMIT_NPROC", "cpu": "RLIMIT_CPU",
          "core": "RLIMIT_CORE", "nofile": "RLIMIT_NOFILE"}

_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _call(name: str, *args) -> None:
    if _libc is None:
        raise OSError(f"{name} is only available on Linux")
    if getattr(_libc, name)(*args) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{name}: {os.strerror(errno)}")


def _mount(source, target, fstype, flags: int, data=None) -> None:
    enc = (lambda s: s.encode() if isinstance(s, str) else s)
    _call("mount", enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data))


def _unshare(uid: int | None, pidns: bool) -> list[str]:
    """Enter new namespaces; returns the names of those in force ([] if none could be made)."""
    base = CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | (CLONE_NEWPID if pidns else 0)
    real_uid, real_gid = os.getuid(), os.getgid()
    for flags in ([base] if real_uid == 0 else [base | CLONE_NEWUSER]):
        try:
            _call("unshare", ctypes.c_int(flags))
        except OSError:
            continue
        if flags & CLONE_NEWUSER:  # map our own uid so files keep their owner
            try:
                for name, text in (("setgroups", "deny"), ("uid_map", f"{real_uid} {real_uid} 1"),
                                   ("gid_map", f"{real_gid} {real_gid} 1")):
                    with open(f"/proc/self/{name}", "w") as f:
                        f.write(text)
            except OSError:
                pass  # unmapped: files still belong to us, mounts will fail and be skipped
        names = ["network", "mount"] + (["pid"] if flags & CLONE_NEWPID else [])
        return names + (["user"] if flags & CLONE_NEWUSER else [])
    return []


def _closed_parents(paths: list[str]) -> dict[str, set[str]]:
    """Folders others cannot enter (no o+x) on the way to ``paths``, with the child needed in each."""
    closed: dict[str, set[str]] = {}
    for path in paths:
        parts = os.path.realpath(path).strip("/").split("/")
        for depth in range(1, len(parts)):
            folder = "/" + "/".join(parts[:depth])
            try:
                if not os.stat(folder).st_mode & 0o001:
                    closed.setdefault(folder, set()).add(parts[depth])
            except OSError:
                break
    return closed


def _expose(paths: list[str], scratch: str) -> None:
    """Make ``paths`` reachable for other users: a tmpfs over each closed parent, needed children bound back."""
    closed = _closed_parents(paths)
    for number, folder in enumerate(sorted(closed, key=lambda f: f.count("/"))):
        keep = []
        for index, child in enumerate(sorted(closed[folder])):
            spot = os.path.join(scratch, f"{number}-{index}")
            os.makedirs(spot, exist_ok=True)
            _mount(os.path.join(folder, child), spot, None, MS_BIND | MS_REC)
            keep.append((child, spot))
        _mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0711")
        for child, spot in keep:
            os.makedirs(os.path.join(folder, child), exist_ok=True)
            _mount(spot, os.path.join(folder, child), None, MS_BIND | MS_REC)
            _call("umount2", spot.encode(), ctypes.c_int(MNT_DETACH))


def _hide_siblings(base: str, needed: list[str] = ()) -> None:
    """An empty tmpfs over ``base``'s parent (the system temp folder) with only ``base`` bound back,
    so kernels graded at the same time cannot see or touch each other's folders. Folders the kernel's
    Python needs that lie in the temp folder too (a course checked out under /tmp, its venv) are bound back."""
    parent = os.path.dirname(base)
    inside = sorted({os.path.realpath(p) for p in needed if os.path.realpath(p).startswith(parent + os.sep)
                     and os.path.isdir(os.path.realpath(p))})
    inside = [p for p in inside if not any(p != q and p.startswith(q + os.sep) for q in inside)]
    keep = [(path, os.open(path, os.O_RDONLY | os.O_DIRECTORY)) for path in [base] + inside]
    try:
        _mount("tmpfs", parent, "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
        for path, fd in keep:
            os.makedirs(path, exist_ok=True)
            _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
    finally:
        for _path, fd in keep:
            os.close(fd)


def _limits(limits: dict[str, int]) -> list[str]:
    done = []
    for key, value in limits.items() if resource is not None else ():
        which = getattr(resource, LIMITS[key], None)
        if which is None or value is None:
            continue
        try:
            hard = resource.getrlimit(which)[1]
            soft = value if hard == resource.RLIM_INFINITY else min(value, hard)
            # CPU: a little room between SIGXCPU (soft) and SIGKILL (hard)
            resource.setrlimit(which, (soft, soft + 5 if key == "cpu" else soft))
            done.append(key)
        except (OSError, ValueError):
            pass
    return done


def _connection_copy(argv: list[str], work: str, uid: int | None, gid: int | None) -> list[str]:
    """Copy the kernel's connection file into its folder (readable by the kernel's user)."""
    if "-f" not in argv:
        return argv
    index = argv.index("-f") + 1
    target = os.path.join(work, ".connection.json")
    shutil.copyfile(argv[index], target)
    if uid is not None:
        os.chown(target, uid, gid)
    os.chmod(target, 0o600)
    return [*argv[:index], target, *argv[index + 1:]]


def _wait_for(child: int) -> int:
    """Relay the child's exit status; SIGINT reaches the child directly (same process group)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: os.kill(child, signal.SIGKILL))
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except ChildProcessError:
            return 1
        except InterruptedError:
            continue
    return os.waitstatus_to_exitcode(status) % 256


def main(argv: list[str]) -> int:
    config_path, rest = argv[0], argv[argv.index("--") + 1:]
    with open(config_path, encoding="utf-8") as f:
        config = json.load(f)
    work, uid, gid = config["work"], config.get("uid"), config.get("gid")
    status: dict = {"namespaces": [], "user": None, "limits": [], "exposed": False, "proc": False}
    if _libc is not None:
        _call("prctl", ctypes.c_int(PR_SET_PDEATHSIG), ctypes.c_ulong(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != config.get("parent", os.getppid()):
            return 1  # the grader worker is already gone
        if config.get("namespaces", True):
            status["namespaces"] = _unshare(uid, pidns=True)
    if "pid" in status["namespaces"]:
        child = os.fork()
        if child:
            return _wait_for(child)
        _call("prctl", ctypes.c_int(PR_SET_PDEATHSIG), ctypes.c_ulong(signal.SIGKILL), 0, 0, 0)
    rest = _connection_copy(rest, work, uid, gid)  # before the grader's folders are hidden
    report = os.open(config["status"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600) if config.get("status") else None
    if "mount" in status["namespaces"]:
        try:
            _mount(None, "/", None, MS_REC | MS_PRIVATE)
        except OSError:  # e.g. a user namespace without mount rights
            status["namespaces"].remove("mount")
    if "mount" in status["namespaces"]:
        if "pid" in status["namespaces"]:
            try:
                _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
                status["proc"] = True
            except OSError:
                pass
        if uid is not None and os.getuid() == 0:
            try:
                _expose(config.get("expose", []), config["scratch"])
                status["exposed"] = True
            except OSError as err:
                status["expose_error"] = str(err)
        if config.get("base"):
            try:
                _hide_siblings(config["base"], config.get("expose", []))
                status["private_tmp"] = True
            except OSError as err:
                status["private_tmp_error"] = str(err)
    status["limits"] = _limits(config.get("limits", {}))
    drop = uid is not None and os.getuid() == 0
    status["user"] = ("nobody" if uid == 65534 else str(uid)) if drop else "same as the grader"
    if report is not None:  # opened while the grader's private folder was still visible
        try:
            os.write(report, json.dumps(status).encode())
        finally:
            os.close(report)
    if drop:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
    if _libc is not None:
        try:
            _call("prctl", ctypes.c_int(PR_SET_NO_NEW_PRIVS), ctypes.c_ulong(1), 0, 0, 0)
        except OSError:
            pass
    os.chdir(work)
    os.umask(0o077)
    os.execve(rest[0], rest, config.get("env", {}))
    return 127  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
