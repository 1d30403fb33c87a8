#!/usr/bin/env bash
# Create the virtualenv ($VENV, default .venv) and install the project with its dev extras.
# The install is skipped when pyproject.toml (and the checkout path, since the install is
# editable) is unchanged since the last successful install: a stamp file in the venv records it.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}
stamp="$VENV/.zp-install-stamp"

if ! [ -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pip' >/dev/null 2>&1; then
    echo "==> creating virtualenv $VENV"
    if ! "$PYTHON" -m venv "$VENV"; then
        # Debian splits venv/ensurepip into python3-venv; a fresh CI machine (root) gets it here.
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "==> installing python3-venv with apt-get"
            export DEBIAN_FRONTEND=noninteractive
            apt-get install -y -q python3-venv || { apt-get update -q && apt-get install -y -q python3-venv; }
            "$PYTHON" -m venv "$VENV"
        else
            echo "could not create $VENV with '$PYTHON -m venv' (on Debian: apt-get install python3-venv)" >&2
            exit 1
        fi
    fi
fi

want="$(sha256sum pyproject.toml | cut -d' ' -f1) $(pwd)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    exit 0
fi

echo "==> installing the project into $VENV (pip install -e '.[dev]')"
rm -f "$stamp"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip install --quiet -e '.[dev]'
echo "$want" >"$stamp"
