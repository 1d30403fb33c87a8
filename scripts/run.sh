#!/usr/bin/env bash
# `make run`: set up the venv, prepare the database and demo data, start the site in demo mode.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export VENV=${VENV:-.venv}
bash scripts/setup-venv.sh
py="$(cd "$VENV" && pwd)/bin/python"

# Demo mode: login links are shown on the page, so the demo needs no mailbox.
export ZP_DEMO=1

"$py" manage.py migrate --noinput

# Translations: compile only our own package (compilemessages otherwise walks .venv too).
if [ -n "$(find zaansepas -name '*.po' -print -quit)" ]; then
    (cd zaansepas && "$py" "$root/manage.py" compilemessages)
else
    echo "==> no translations (.po files) yet, skipping compilemessages"
fi

if "$py" manage.py help demo >/dev/null 2>&1; then
    "$py" manage.py demo
else
    echo "==> WARNING: there is no 'manage.py demo' command yet, so no demo data" >&2
fi

host=127.0.0.1
port=${ZP_PORT:-8000}
# Links in the (console) emails point at this demo, whatever port it runs on.
export ZP_PUBLIC_BASE_URL=${ZP_PUBLIC_BASE_URL:-http://127.0.0.1:$port}
echo
echo "==> Zaanse Pas (demo mode) at http://$host:$port/   (stop with Ctrl-C)"
echo
# Django's development server: fine for a local demo, not for production (use a WSGI server).
exec "$py" manage.py runserver "$host:$port"
