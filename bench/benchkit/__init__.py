"""What the HTTP benchmarks share (bench/till.py, bench/wallet.py, bench/survey_ingest.py):
the app under gunicorn, pgbench for the raw limit, and how figures are summed up. A package
in a folder of its own, because `make bench` runs every bench/*.py as a benchmark; the
scripts import it as `benchkit` (their folder is on sys.path)."""
