#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
#
# Starts a throwaway PostgreSQL server, runs COMMAND with DATABASE_URL pointing at it, then
# stops the server and deletes its files (also when COMMAND fails or on Ctrl-C). Exits with
# COMMAND's exit status.
#
# - binaries: $PG_BIN (default /usr/lib/postgresql/15/bin)
# - data dir and unix socket live in a fresh temp dir under /tmp; nothing is shared between
#   runs, so running it twice in a row or in parallel is fine; servers left behind by a run
#   that was killed are stopped and removed by the next run
# - PostgreSQL refuses to run as root: when run as root the server runs as the `postgres`
#   user (or `nobody`, or a `zptest` system user created for it); otherwise as yourself
# - listens on 127.0.0.1 on a free port, trust auth, fsync off (it is thrown away anyway)
# - DATABASE_URL=postgres://zaansepas@127.0.0.1:PORT/zaansepas; the role may CREATEDB so
#   pytest-django can create test_zaansepas
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if ! [ -x "$PG_BIN/initdb" ]; then
    echo "with-postgres: no PostgreSQL binaries in $PG_BIN (set PG_BIN)" >&2
    exit 1
fi

as_server=()
if [ "$(id -u)" = 0 ]; then
    server_user=""
    for candidate in postgres nobody; do
        if id -u "$candidate" >/dev/null 2>&1; then
            server_user=$candidate
            break
        fi
    done
    if [ -z "$server_user" ]; then
        useradd --system --no-create-home --shell /usr/sbin/nologin zptest
        server_user=zptest
    fi
    as_server=(runuser -u "$server_user" --)
else
    server_user=$(id -un)
fi

# Stop and remove what a killed run left behind (its owner process is gone).
for old in /tmp/zp-pg.*; do
    [ -f "$old/owner.pid" ] || continue
    kill -0 "$(cat "$old/owner.pid")" 2>/dev/null && continue
    if [ -f "$old/data/postmaster.pid" ]; then
        (cd /tmp && "${as_server[@]}" "$PG_BIN/pg_ctl" -D "$old/data" -m immediate stop) \
            >/dev/null 2>&1 || true
    fi
    rm -rf "$old"
done

tmp=$(mktemp -d /tmp/zp-pg.XXXXXX)
echo $$ >"$tmp/owner.pid"
mkdir "$tmp/sock"

cleanup() {
    trap - EXIT INT TERM
    if [ -f "$tmp/data/postmaster.pid" ]; then
        (cd /tmp && "${as_server[@]}" "$PG_BIN/pg_ctl" -D "$tmp/data" -m fast -t 20 stop) \
            >/dev/null 2>&1 \
            || (cd /tmp && "${as_server[@]}" "$PG_BIN/pg_ctl" -D "$tmp/data" -m immediate stop) \
                >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$(id -u)" = 0 ]; then
    chown -R "$server_user" "$tmp"
fi

# Server commands run from /tmp: the server user may not be allowed into the current dir.
(cd /tmp && "${as_server[@]}" "$PG_BIN/initdb" -D "$tmp/data" --username=postgres \
    --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1) || {
    cat "$tmp/initdb.log" >&2
    echo "with-postgres: initdb failed" >&2
    exit 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Another process can grab the port between choosing and binding it: try a few times.
started=""
for _ in 1 2 3; do
    port=$(free_port)
    if (cd /tmp && "${as_server[@]}" "$PG_BIN/pg_ctl" -D "$tmp/data" -l "$tmp/data/server.log" \
        -w -t 30 -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp/sock -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off" start >/dev/null); then
        started=1
        break
    fi
done
if [ -z "$started" ]; then
    cat "$tmp/data/server.log" >&2 || true
    echo "with-postgres: could not start PostgreSQL" >&2
    exit 1
fi

for _ in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" || {
    echo "with-postgres: PostgreSQL did not become ready" >&2
    exit 1
}

"$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE zaansepas LOGIN CREATEDB" \
    -c "CREATE DATABASE zaansepas OWNER zaansepas" >/dev/null

export DATABASE_URL="postgres://zaansepas@127.0.0.1:$port/zaansepas"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (server runs as $server_user)"

set +e
"$@"
status=$?
set -e
exit "$status"
