#!/usr/bin/env bash
# `make test`: the whole suite on SQLite, its database tests again on a throwaway PostgreSQL,
# then the browser tests (SQLite only). Every part runs even when an earlier one fails; a summary
# follows and the exit status is non-zero if any part failed. Extra arguments go to every pytest run.
set -uo pipefail
cd "$(dirname "$0")/.."

export VENV=${VENV:-.venv}
bash scripts/setup-venv.sh || exit 1
pytest="$(cd "$VENV" && pwd)/bin/pytest"

# Tests never touch the dev database or media: everything goes to a temp dir, removed after.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
unset DATABASE_URL ZP_SQLITE_PATH ZP_MEDIA_ROOT
export ZP_VAR_DIR="$scratch/var"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# The .po files are the source; compile them so the tests see what is written there.
(cd zaansepas && "$(cd .. && cd "$VENV" && pwd)/bin/python" ../manage.py compilemessages -v0) || exit 1

names=()
results=()
failed=0

part() {  # part NAME COMMAND... : run one part, remember how it went
    local name=$1 start status
    shift
    printf '\n==> %s\n' "$name"
    start=$SECONDS
    "$@"
    status=$?
    names+=("$name")
    if [ "$status" = 0 ]; then
        results+=("ok        $((SECONDS - start))s")
    elif [ "$status" = 5 ]; then
        results+=("FAILED    no tests collected (pytest exit 5)")
        failed=1
    else
        results+=("FAILED    exit $status, $((SECONDS - start))s")
        failed=1
    fi
}

part "unit tests on SQLite" "$pytest" -q --junitxml="$scratch/sqlite.xml" "$@"
# The PostgreSQL part is there for what the database does (locks under concurrency, money,
# constraints, JSON queries). So it skips the tests that cannot touch the database at all
# (--db-tests-only, see conftest.py; they ran on SQLite just now), and the random ledger
# histories run ZP_LEDGER_EXAMPLES of them instead of the 1,000 that SQLite ran: the same
# rules and invariants against the PostgreSQL ledger, in under half the time.
part "unit tests on PostgreSQL" \
    env ZP_LEDGER_EXAMPLES="${ZP_LEDGER_EXAMPLES_POSTGRES:-300}" \
    bash scripts/with-postgres.sh "$pytest" -q --db-tests-only \
    --junitxml="$scratch/postgres.xml" "$@"
part "browser tests (Chromium, SQLite)" \
    bash -c 'bash scripts/ensure-chromium.sh && "$0" -q browser_tests "$@"' \
    "$pytest" --junitxml="$scratch/browser.xml" "$@"

printf '\n==> make test summary\n'
for i in "${!names[@]}"; do
    printf '    %-34s %s\n' "${names[$i]}" "${results[$i]}"
done
if [ "$failed" = 0 ]; then
    echo "==> all parts passed"
else
    echo "==> SOME PARTS FAILED (see above)"
fi
# One closing line over all parts, from pytest's own JUnit reports.
"$VENV/bin/python" - "$scratch"/*.xml <<'PY'
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        continue
    for suite in root.iter("testsuite"):
        tests, skip = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        passed += tests - skip - bad
        failed += bad
        skipped += skip
print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$failed"
