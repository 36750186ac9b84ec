"""The database in a backup: a consistent copy out, and back in.

PostgreSQL: pg_dump's custom format, taken in a snapshot that the manifest's row counts
and migrations are read in too, so they describe exactly what was dumped. SQLite: the
online-backup API, which copies one consistent state while the site goes on writing; the
counts are read from that copy.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass

from django.apps import apps
from django.db import connections, transaction

from smolyan_portal.backup import BackupError

ALIAS = "default"
# How long a client tool may run before the backup gives up on it (a hung server).
TOOL_SECONDS = 6 * 3600


@dataclass(frozen=True)
class Tool:
    path: str
    version: str
    major: int


def engine():
    """ "postgresql" or "sqlite": the two databases a backup knows how to copy."""
    vendor = connections[ALIAS].vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def client_tool(name, server_major):
    """The PostgreSQL client tool `name` on PATH, with its version."""
    path = shutil.which(name)
    hint = (
        f"Install the client tools of PostgreSQL {server_major} "
        f"(Debian: apt install postgresql-client-{server_major})"
    )
    if path is None:
        raise BackupError(f"{name} was not found on PATH. {hint}.")
    try:
        answer = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as error:
        raise BackupError(f"{name} ({path}) could not be run: {error}. {hint}.") from error
    found = re.search(r"\(PostgreSQL\)\s+((\d+)(?:\.\d+)*)", answer.stdout)
    if answer.returncode != 0 or found is None:
        raise BackupError(f"{path} --version did not name a PostgreSQL version. {hint}.")
    return Tool(path, found.group(1), int(found.group(2)))


def server_version():
    """The PostgreSQL server's version, e.g. ("15.20", 15)."""
    number = connections[ALIAS].pg_version  # e.g. 150020
    major, minor = divmod(number, 10000)
    return f"{major}.{minor}", major


def model_tables():
    """{"app_label.model": table} of every model with a table of its own."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.proxy and model._meta.managed:
            tables[model._meta.label_lower] = model._meta.db_table
    return dict(sorted(tables.items()))


def _count_rows(cursor, quote, existing):
    counts = {}
    for label, table in model_tables().items():
        if table in existing:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[label] = cursor.fetchone()[0]
    return counts


def _applied_migrations(cursor, existing):
    if "django_migrations" not in existing:
        return {}
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    applied = {}
    for app_label, name in cursor.fetchall():
        applied.setdefault(app_label, []).append(name)
    return applied


def current_state():
    """(row counts per model, applied migrations) of the site's database as it is now."""
    connection = connections[ALIAS]
    with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Counting a large table may take longer than a page's query is allowed.
            cursor.execute("SET LOCAL statement_timeout = 0")
        existing = set(connection.introspection.table_names(cursor))
        rows = _count_rows(cursor, connection.ops.quote_name, existing)
        return rows, _applied_migrations(cursor, existing)


def dump(path):
    """Copy the database to `path`; return (what the copy is, its rows, its migrations)."""
    if engine() == "sqlite":
        return _dump_sqlite(path)
    return _dump_postgresql(path)


def _dump_sqlite(path):
    connection = connections[ALIAS]
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        # One step: the source is read in one transaction, so the copy is consistent.
        connection.connection.backup(copy)
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        existing = {name for (name,) in cursor.fetchall()}
        rows = _count_rows(cursor, connection.ops.quote_name, existing)
        migrations = _applied_migrations(cursor, existing)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not copy the database: {error}.") from error
    finally:
        copy.close()
    return {"engine": "sqlite", "sqlite_version": sqlite3.sqlite_version}, rows, migrations


def _dump_postgresql(path):
    connection = connections[ALIAS]
    version, major = server_version()
    tool = client_tool("pg_dump", major)
    # A pg_dump older than the server refuses it; a newer one can dump any older server.
    if tool.major < major:
        raise BackupError(
            f"pg_dump {tool.version} ({tool.path}) is older than the PostgreSQL server "
            f"({version}) and cannot dump it. Install pg_dump {major} (Debian: apt install "
            f"postgresql-client-{major}) and put it first on PATH."
        )
    with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SET LOCAL statement_timeout = 0")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        existing = set(connection.introspection.table_names(cursor))
        rows = _count_rows(cursor, connection.ops.quote_name, existing)
        migrations = _applied_migrations(cursor, existing)
        # pg_dump reads the snapshot this transaction holds open: the counts above match it.
        _run(
            [
                tool.path,
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot}",
                f"--file={path}",
            ],
            "pg_dump",
        )
    info = {
        "engine": "postgresql",
        "server_version": version,
        "tool": f"pg_dump {tool.version}",
        "tool_major": tool.major,
    }
    return info, rows, migrations


def _environment():
    """The environment of a client tool: the site's own connection settings, no others."""
    settings_dict = connections[ALIAS].settings_dict
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
        "PGCONNECT_TIMEOUT": options.get("connect_timeout"),
        "PGAPPNAME": "smolyan-backup",
    }
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    environment.update({key: str(value) for key, value in values.items() if value})
    return environment


def _run(arguments, name):
    try:
        result = subprocess.run(
            arguments, env=_environment(), capture_output=True, text=True, timeout=TOOL_SECONDS
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise BackupError(f"{name} could not be run: {error}.") from error
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip() or result.returncode}")
    return result.stdout


def contents():
    """(tables, tables that hold rows) of the site's database."""
    connection = connections[ALIAS]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        filled = []
        for table in tables:
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone() is not None:
                filled.append(table)
    return tables, filled


# Everything of the site's schema that a restore must not find already there; what an
# extension owns (pg_trgm's functions) stays with the extension.
_RELATIONS = """
    SELECT c.relkind, quote_ident(c.relname) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype = 'e')
"""
_ROUTINES = """
    SELECT p.oid::regprocedure::text FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                      AND d.objid = p.oid AND d.deptype = 'e')
"""
_DROP = {"r": "TABLE", "p": "TABLE", "f": "FOREIGN TABLE", "v": "VIEW", "m": "MATERIALIZED VIEW"}


def _clear_postgresql():
    connection = connections[ALIAS]
    with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 0")
        cursor.execute(_RELATIONS)
        relations = cursor.fetchall()
        # Tables first: CASCADE takes their views, triggers and sequences with them.
        for kind, name in sorted(relations, key=lambda row: row[0] not in "rpf"):
            cursor.execute(f"DROP {_DROP.get(kind, 'SEQUENCE')} IF EXISTS {name} CASCADE")
        cursor.execute(_ROUTINES)
        for (signature,) in cursor.fetchall():
            cursor.execute(f"DROP ROUTINE IF EXISTS {signature} CASCADE")


def restore(path, info):
    """Put the copy at `path` (described by the manifest's `info`) into the database.

    Whatever the database holds is replaced; the caller decides whether it may be.
    """
    if info.get("engine") != engine():
        raise BackupError(
            f"The archive holds a {info.get('engine')} database; this site uses {engine()}."
        )
    if engine() == "sqlite":
        _restore_sqlite(path)
    else:
        _restore_postgresql(path, info)


def _restore_sqlite(path):
    connection = connections[ALIAS]
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        # The backup API replaces the whole database, tables that the copy lacks included.
        copy.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not restore the database: {error}.") from error
    finally:
        copy.close()


def _restore_postgresql(path, info):
    version, major = server_version()
    tool = client_tool("pg_restore", major)
    made_by = info.get("tool_major") or 0
    if tool.major < made_by:
        raise BackupError(
            f"The archive was made by {info.get('tool')}; pg_restore {tool.version} cannot "
            f"read it. Install pg_restore {made_by} or newer (Debian: apt install "
            f"postgresql-client-{made_by})."
        )
    _clear_postgresql()
    connections[ALIAS].close()
    # A comment on an extension may be set only by its owner, which the site's user need
    # not be; the comment is the extension's own and comes back with it.
    listing = _run([tool.path, "--list", path], "pg_restore")
    kept = [line for line in listing.splitlines() if " COMMENT - EXTENSION " not in line]
    list_path = f"{path}.list"
    with open(list_path, "w", encoding="utf-8") as list_file:
        list_file.write("\n".join(kept) + "\n")
    _run(
        [
            tool.path,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--no-password",
            f"--use-list={list_path}",
            f"--dbname={connections[ALIAS].settings_dict['NAME']}",
            path,
        ],
        "pg_restore",
    )
