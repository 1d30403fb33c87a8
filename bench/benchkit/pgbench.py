"""The raw limit: pgbench running a benchmark's SQL on the same PostgreSQL."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK"}


def run_pgbench(
    url: str, script: str, seconds: float, workdir: Path, clients: int = 16
) -> tuple[float, str]:
    """pgbench with `clients` clients on the database at url; returns (tps, its summary)."""
    path = workdir / "pgbench.sql"
    path.write_text(script)
    parts = urlsplit(url)
    command = [
        str(PG_BIN / "pgbench"),
        "--no-vacuum",
        f"--client={clients}",
        f"--jobs={min(clients, os.cpu_count() or 1)}",
        f"--time={seconds:.0f}",
        "--define=n=0",
        f"--file={path}",
        f"--host={parts.hostname}",
        f"--port={parts.port or 5432}",
        f"--username={parts.username}",
        parts.path.lstrip("/"),
    ]
    env = {**os.environ, "PGPASSWORD": parts.password or ""}
    done = subprocess.run(command, capture_output=True, text=True, env=env)  # noqa: S603
    tps = re.search(r"^tps = ([0-9.]+)", done.stdout, re.MULTILINE)
    failed = re.search(r"^number of failed transactions: (\d+)", done.stdout, re.MULTILINE)
    if done.returncode != 0 or tps is None or (failed and failed.group(1) != "0"):
        sys.exit(f"pgbench failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    latency = re.search(r"^latency average = ([0-9.]+) ms", done.stdout, re.MULTILINE)
    summary = f"latency average {latency.group(1) if latency else '?'} ms"
    return float(tps.group(1)), summary


def database_url_for(name: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + name))
