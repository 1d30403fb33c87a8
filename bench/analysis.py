"""How fast is the survey analysis on a big wave? insights/ (raking, weighted frequencies,
crosstabs with the Rao–Scott test) on 1,000,000 synthetic responses × 30 questions, against
DuckDB computing the same unweighted counts on the same data, in the same run.

    .venv/bin/python bench/analysis.py

What it does: draws (seeded numpy) 1,000,000 respondents over 15 wijken × 4 age bands ×
2 sexes, skewed against the population, with some wijk and sex values missing, and 30
categorical questions of 2–11 options (5% no answer). Then, timed end to end: raking to
the population margins (with trimming), weighted frequencies with Wilson intervals of all
30 questions, and five crosstabs (by wijk, age band, sex, income situation and pass tier)
with the Rao–Scott test. DuckDB gets the same arrays (a pandas frame registered in memory,
no files) and runs the unweighted GROUP BY counts of the same 30 frequencies and 5
crosstabs. Both are run twice and the faster run counts.

Bounded: about half a minute. Goal: under 10 s, and within 3× DuckDB. Last line:
    analysis seconds=<n> duckdb_seconds=<n> ratio=<n>
"""

import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
RESPONSES = 1_000_000
QUESTIONS = 30
CROSSTABS = ("district", "age_band", "sex", "q01", "q02")  # q01 = income, q02 = pass tier
GOAL_SECONDS, GOAL_RATIO = 10.0, 3.0
AGE_BANDS = ["15-24", "25-44", "45-64", "65+"]


def synthetic(seed: int = 2026) -> tuple[pd.DataFrame, dict]:
    rng = np.random.default_rng(seed)
    n = RESPONSES
    districts = [f"WK0479{d:02d}" for d in range(1, 16)]
    population = rng.integers(4_000, 18_000, len(districts)).astype(float)
    age_share = np.array([0.14, 0.32, 0.32, 0.22])
    total = population.sum()
    margins = {
        "district": dict(zip(districts, population, strict=True)),
        "age_band": dict(zip(AGE_BANDS, age_share * total, strict=True)),
        "sex": {"m": 0.49 * total, "v": 0.51 * total},
    }
    # Response skewed: big wijken under-respond, the young and men too.
    response_rate = rng.uniform(0.5, 1.5, len(districts))
    p_district = population * response_rate / (population * response_rate).sum()
    frame = pd.DataFrame(
        {
            "district": pd.Categorical.from_codes(rng.choice(15, n, p=p_district), districts),
            "age_band": pd.Categorical.from_codes(
                rng.choice(4, n, p=[0.06, 0.30, 0.36, 0.28]), AGE_BANDS
            ),
            "sex": pd.Categorical.from_codes(rng.choice(2, n, p=[0.42, 0.58]), ["m", "v"]),
        }
    )
    frame.loc[rng.random(n) < 0.05, "district"] = None  # no postcode
    frame.loc[rng.random(n) < 0.03, "sex"] = None  # "x" or not said
    for q in range(1, QUESTIONS + 1):
        options = int(rng.integers(2, 12))
        codes = rng.integers(0, options, n)
        codes[rng.random(n) < 0.05] = -1  # no answer
        frame[f"q{q:02d}"] = pd.Categorical.from_codes(codes, [f"o{k}" for k in range(options)])
    return frame, margins


def run_analysis(frame: pd.DataFrame, margins: dict) -> dict:
    from zaansepas.insights.estimates import crosstab, frequencies
    from zaansepas.insights.weighting import rake

    timings = {}
    started = time.perf_counter()
    weighting = rake({name: frame[name].array for name in ("district", "age_band", "sex")}, margins)
    timings["raking"] = time.perf_counter() - started
    weights = weighting.weights
    step = time.perf_counter()
    results = [frequencies(frame[f"q{q:02d}"].array, weights) for q in range(1, QUESTIONS + 1)]
    timings["frequencies"] = time.perf_counter() - step
    step = time.perf_counter()
    tables = [crosstab(frame["q03"].array, frame[by].array, weights) for by in CROSSTABS]
    timings["crosstabs"] = time.perf_counter() - step
    timings["total"] = time.perf_counter() - started
    return {"timings": timings, "weighting": weighting, "frequencies": results, "tables": tables}


def run_duckdb(frame: pd.DataFrame) -> tuple[float, list]:
    import duckdb

    connection = duckdb.connect()
    connection.register("responses", frame)
    started = time.perf_counter()
    results = []
    for q in range(1, QUESTIONS + 1):
        column = f"q{q:02d}"
        results.append(
            connection.execute(
                f"SELECT {column}, count(*) FROM responses WHERE {column} IS NOT NULL "  # noqa: S608
                f"GROUP BY {column}"
            ).fetchall()
        )
    for by in CROSSTABS:
        results.append(
            connection.execute(
                f"SELECT q03, {by}, count(*) FROM responses "  # noqa: S608
                f"WHERE q03 IS NOT NULL AND {by} IS NOT NULL GROUP BY q03, {by}"
            ).fetchall()
        )
    seconds = time.perf_counter() - started
    connection.close()
    return seconds, results


def same_counts(analysis: dict, duckdb_results: list, frame: pd.DataFrame) -> bool:
    """The unweighted n of our tables equals DuckDB's counts (for respondents with a
    weight: with missing="per_variable" that is everyone)."""
    for q, result in enumerate(analysis["frequencies"]):
        theirs = {str(k): v for k, v in duckdb_results[q]}
        ours = {str(k): int(n) for k, n in zip(result.categories, result.n, strict=True) if n}
        if ours != theirs:
            return False
    for t, table in enumerate(analysis["tables"]):
        theirs = {(str(a), str(b)): v for a, b, v in duckdb_results[QUESTIONS + t]}
        ours = {
            (str(a), str(b)): int(table.n[i, j])
            for i, a in enumerate(table.row_categories)
            for j, b in enumerate(table.column_categories)
            if table.n[i, j]
        }
        if ours != theirs:
            return False
    return True


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zaansepas.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import duckdb

    began = time.perf_counter()
    frame, margins = synthetic()
    generated = time.perf_counter() - began
    runs = [run_analysis(frame, margins) for _ in range(2)]
    analysis = min(runs, key=lambda run: run["timings"]["total"])
    duck = [run_duckdb(frame) for _ in range(2)]
    duck_seconds, duck_results = min(duck, key=lambda run: run[0])
    matches = same_counts(analysis, duck_results, frame)

    weighting = analysis["weighting"]
    timings = analysis["timings"]
    seconds = timings["total"]
    ratio = seconds / duck_seconds
    print(
        f"data: {RESPONSES:,} responses × {QUESTIONS} questions, 15 wijken × 4 age bands × "
        f"2 sexes (generated in {generated:.1f} s)"
    )
    print(
        f"raking: {timings['raking']:.2f} s, {weighting.iterations} rounds, "
        f"efficiency {weighting.efficiency:.3f}, n_eff {weighting.n_effective:,.0f}, "
        f"{weighting.trimmed:,} weights trimmed, largest margin error "
        f"{weighting.max_relative_error:.1e}"
    )
    print(f"frequencies of {QUESTIONS} questions (Wilson on n_eff): {timings['frequencies']:.2f} s")
    tests = ", ".join(
        f"{by} p={table.test.p_value:.2f} deff={table.test.design_effect:.2f}"
        for by, table in zip(CROSSTABS, analysis["tables"], strict=True)
    )
    print(f"{len(CROSSTABS)} crosstabs with Rao–Scott: {timings['crosstabs']:.2f} s ({tests})")
    print(
        f"duckdb {duckdb.__version__}: the same unweighted counts in {duck_seconds:.2f} s; "
        f"counts {'identical' if matches else 'DIFFERENT'}"
    )
    load = "load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, {load}")
    met = seconds < GOAL_SECONDS and ratio <= GOAL_RATIO
    print(
        f"goal < {GOAL_SECONDS:.0f} s and within {GOAL_RATIO:.0f}× DuckDB: "
        f"{'met' if met else 'NOT met'}; the whole run took {time.perf_counter() - began:.0f} s"
    )
    print(f"analysis seconds={seconds:.2f} duckdb_seconds={duck_seconds:.2f} ratio={ratio:.2f}")
    return 0 if matches else 1


if __name__ == "__main__":
    sys.exit(main())
