"""Test set-up shared by the unit tests (zaansepas/) and the browser tests (browser_tests/).

The ledger's append-only triggers (zaansepas/wallet/triggers.py) refuse DELETE on SQLite,
and Django empties tables with DELETE after every transactional test (browser tests, the
concurrency tests). So in tests only, the SQLite flush drops those triggers, empties the
tables and puts the triggers back. Production code never drops them; on PostgreSQL the
flush is a TRUNCATE, which row triggers do not see.
"""

import pytest
from django.db.backends.sqlite3 import base as sqlite_base  # imports its operations module

DatabaseOperations = sqlite_base.DatabaseOperations
_sqlite_flush = DatabaseOperations.sql_flush


def _flush_around_ledger_triggers(self, style, tables, **kwargs):
    from zaansepas.wallet.triggers import create_statements, drop_statements

    statements = _sqlite_flush(self, style, tables, **kwargs)
    if not statements:
        return statements
    return drop_statements("sqlite") + statements + create_statements("sqlite")


DatabaseOperations.sql_flush = _flush_around_ledger_triggers


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: the public report keeps what it made there
    for minutes, which must not carry from one test into the next."""
    from django.core.cache import cache

    cache.clear()


# --- `--db-tests-only`: the PostgreSQL part of `make test` runs only what can reach the database.
#
# pytest-django refuses every query from a test that has no `django_db` marker, no database
# fixture in its fixture closure and is no Django TestCase ("Database access not allowed"), so
# such a test behaves the same on SQLite and PostgreSQL: running it a second time proves
# nothing new. scripts/test.sh passes this option to the PostgreSQL part only; the SQLite part
# still runs every test. (`django_db_blocker` is not in the list: pytest-django's own autouse
# fixture asks for it in every test. A fixture that unblocks the database by hand with it
# must also ask for `django_db_setup`, as pytest-django's docs show, and so is counted.)
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
        "django_db_setup",
    }
)


def pytest_addoption(parser):
    parser.addoption(
        "--db-tests-only",
        action="store_true",
        help="deselect tests that cannot touch the database (no django_db marker, no db fixture)",
    )


def uses_database(item) -> bool:
    from django.test import TransactionTestCase

    if item.get_closest_marker("django_db") is not None:
        return True
    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return True
    return not DATABASE_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--db-tests-only"):
        return
    kept = [item for item in items if uses_database(item)]
    dropped = [item for item in items if not uses_database(item)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"--db-tests-only: {len(kept)} tests use the database, "
            f"{len(dropped)} that cannot were deselected (they run on SQLite)"
        )
