"""Kill ``crossroads grade`` at random moments and count the temporary folders it leaves behind.

Usage: ``python tests/stress_killed_grader.py [RUNS]`` (default 20; about 1 s per run when clean,
30 s per leak). Each run grades a quick and a slow lesson-00 notebook, kills the grader 0-250 ms
after it writes its first row, then waits up to 30 s for ``/tmp/crossroads-*-<pid>-*`` to go.
"""
from __future__ import annotations

import glob
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_grading import submission  # noqa: E402


def main(runs: int) -> int:
    folder = Path(tempfile.mkdtemp(prefix="stress-"))
    quick = submission(folder, "quick.ipynb", [])
    slow = submission(folder, "slow.ipynb", ["import time\ntime.sleep(60)"])
    leaks = 0
    for run in range(runs):
        rows = folder / f"rows{run}.jsonl"
        grader = subprocess.Popen([sys.executable, "-m", "crossroads", "grade", str(quick), str(slow), "--jsonl", str(rows)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not (rows.exists() and rows.read_text().count("\n") >= 1):
            time.sleep(0.01)
        time.sleep(random.uniform(0, 0.25))
        grader.kill()
        grader.wait()
        pattern = f"{tempfile.gettempdir()}/crossroads-*-{grader.pid}-*"
        start = time.monotonic()
        while time.monotonic() - start < 30 and glob.glob(pattern):
            time.sleep(0.2)
        left = glob.glob(pattern)
        leaks += bool(left)
        print(f"run {run + 1}: {'left ' + ', '.join(left) if left else 'clean'} after {time.monotonic() - start:.1f} s",
              flush=True)
    print(f"{leaks} of {runs} killed graders left folders behind")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
