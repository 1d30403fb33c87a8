"""The app under test: production-like settings, gunicorn on a socket bound here, and a
throwaway PostgreSQL when none is given."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Two cores: pre-fork workers that each hold one request and one database connection; a
# few more than cores, so one worker's wait on PostgreSQL does not leave a core idle.
WORKERS = 2 * (os.cpu_count() or 1) + 1


def rerun_under_postgres(script: str) -> int:
    """No database given: run `script` again inside a throwaway PostgreSQL."""
    wrapper = ROOT / "scripts" / "with-postgres.sh"
    bash = shutil.which("bash") or "/bin/bash"
    return subprocess.call([bash, str(wrapper), sys.executable, script, *sys.argv[1:]])  # noqa: S603


def environment(var_dir: str) -> dict:
    """Settings shared by the benchmark process and gunicorn: production-like (DEBUG off),
    and the per-device rate limit out of the way (a simulated till asks far more than
    600/min)."""
    return {
        "DJANGO_SETTINGS_MODULE": "zaansepas.settings",
        "ZP_DEBUG": "0",
        "ZP_SECRET_KEY": os.environ.get("ZP_SECRET_KEY") or secrets.token_urlsafe(40),
        "ZP_TILL_API_RATE": "1000000/s",
        "ZP_VAR_DIR": var_dir,
        "ZP_ALLOWED_HOSTS": "127.0.0.1",
        "ZP_LOG_LEVEL": "WARNING",
    }


def start_gunicorn(env: dict, log_path: Path):
    """gunicorn on a socket bound here (a free 127.0.0.1 port, no race for it)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(2048)
    port = listener.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "zaansepas.wsgi:application",
        "--bind",
        f"fd://{listener.fileno()}",
        "--workers",
        str(WORKERS),
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
        "--error-logfile",
        str(log_path),
        "--graceful-timeout",
        "5",
    ]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command,
            env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            pass_fds=[listener.fileno()],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    listener.close()  # gunicorn holds its own copy
    return process, port
