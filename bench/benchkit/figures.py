"""Summing up what was measured."""

import os
import re
from pathlib import Path


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def machine_load() -> str:
    """Figures from a shared machine mean little without how busy it was."""
    load = "load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    try:
        pressure = Path("/proc/pressure/cpu").read_text().split("\n", 1)[0]
    except OSError:
        return f"machine: {os.cpu_count()} cores, {load}"
    avg60 = re.search(r"avg60=([0-9.]+)", pressure)
    waiting = f", tasks waited for a CPU {avg60.group(1)}% of the last minute" if avg60 else ""
    return f"machine: {os.cpu_count()} cores, {load}{waiting}"
