"""Fresh-machine check (not a test): build a brand-new venv from binder/ exactly as
Binder would (pinned requirements, then postBuild) and run lesson 00 there.

Run: python tests/fresh_binder_check.py   (needs the package registry; takes a few minutes)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str], cwd: Path) -> None:
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def main() -> int:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        repo = tmp / "repo"
        # a clean copy of what git tracks, as Binder clones it
        files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
        for name in files:
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
        venv = tmp / "venv"
        run([sys.executable, "-m", "venv", str(venv)], tmp)
        bin_ = venv / "bin"
        run([str(bin_ / "pip"), "install", "-q", "-r", "binder/requirements.txt"], repo)
        env_path = f"{bin_}:/usr/bin:/bin"
        print("$ bash binder/postBuild", flush=True)
        subprocess.run(["bash", "binder/postBuild"], cwd=repo, check=True, env={"PATH": env_path, "HOME": str(tmp)})
        run([str(bin_ / "python"), "-m", "crossroads", "execute", "lessons/00_start_here.ipynb"], repo)
        run([str(bin_ / "jupyter"), "trust", "lessons/00_start_here.ipynb"], repo)
        size = sum(p.stat().st_size for p in venv.rglob("*") if p.is_file())
        print(f"OK: Binder environment built and lesson 00 ran in {time.perf_counter() - start:.0f} s; venv {size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
