"""Settings that shape the process rather than Django: numpy's BLAS gets one thread."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

COUNT_THREADS = """
import os
import django
django.setup()
import numpy as np
a = np.random.rand(400, 400)
a @ a
print(len(os.listdir("/proc/self/task")))
"""


def test_numpy_runs_on_one_blas_thread_once_the_settings_are_loaded():
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["DJANGO_SETTINGS_MODULE"] = "zaansepas.settings"
    done = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", COUNT_THREADS], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
