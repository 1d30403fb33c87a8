"""Test set-up shared by the unit tests (zaansepas/) and the browser tests (browser_tests/).

The ledger's append-only triggers (zaansepas/wallet/triggers.py) refuse DELETE on SQLite,
and Django empties tables with DELETE after every transactional test (browser tests, the
concurrency tests). So in tests only, the SQLite flush drops those triggers, empties the
tables and puts the triggers back. Production code never drops them; on PostgreSQL the
flush is a TRUNCATE, which row triggers do not see.
"""

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
