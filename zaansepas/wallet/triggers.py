"""The database refuses to change or remove a posted transfer or entry, on SQLite and on
PostgreSQL, whatever code or person connects: the append-only rule does not rest on our
Python alone. Corrections are reversing transfers."""

APPEND_ONLY_TABLES = ("wallet_transfer", "wallet_entry")
MESSAGE = "het grootboek is alleen-toevoegen: een boeking wijzigen of verwijderen kan niet"


def sqlite_create(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    ]


def sqlite_drop(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_update",
        f"DROP TRIGGER IF EXISTS {table}_no_delete",
    ]


POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION wallet_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- No percent-sign placeholders: this text goes through the driver's parameter parsing.
    RAISE EXCEPTION USING
        MESSAGE = '{MESSAGE} (' || TG_OP || ' op ' || TG_TABLE_NAME || ')',
        ERRCODE = 'integrity_constraint_violation';
END
$$
"""


def postgres_create(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION wallet_append_only()",
    ]


def postgres_drop(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"]


def create_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [sql for table in APPEND_ONLY_TABLES for sql in sqlite_create(table)]
    if vendor == "postgresql":
        return [POSTGRES_FUNCTION] + [
            sql for table in APPEND_ONLY_TABLES for sql in postgres_create(table)
        ]
    raise NotImplementedError(f"no append-only triggers for {vendor}")


def drop_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [sql for table in APPEND_ONLY_TABLES for sql in sqlite_drop(table)]
    if vendor == "postgresql":
        return [sql for table in APPEND_ONLY_TABLES for sql in postgres_drop(table)] + [
            "DROP FUNCTION IF EXISTS wallet_append_only()"
        ]
    raise NotImplementedError(f"no append-only triggers for {vendor}")
