"""The full-text structures over the index, in the dialect of each database.

Both databases get the same four sets of terms of each entry: its title, its title and
headings ("upper"), all of it, and all of it with word positions for phrases. The first
three answer "does the entry hold this term" from small indexes; only a phrase reads
positions. The terms are folded and stemmed in Python already, so the tokenizers only
split on spaces and change nothing else.

SQLite: FTS5 tables without content of their own, filled by triggers on search_indextext;
a trigram FTS5 table of the words, padded as pg_trgm pads them, for spelling.
PostgreSQL: generated tsvector columns ('simple' configuration) with GIN indexes; a
trigram index (pg_trgm) on the words.

Django rebuilds a SQLite table to alter it, and the triggers go with it: a later
migration that alters search_indextext or search_indexedword must create them again.
"""

import sqlite3

from django.db import migrations

TOKENS = "tokenize='unicode61 remove_diacritics 0'"
# table -> what of search_indextext it holds, and whether it keeps positions
SQLITE_TERM_TABLES = {
    "search_title_fts": ("new.title_terms", "none"),
    "search_upper_fts": ("new.title_terms || ' ' || new.heading_terms", "none"),
    "search_all_fts": (
        "new.title_terms || ' ' || new.heading_terms || ' ' || new.body_terms",
        "none",
    ),
    "search_phrase_fts": (
        "new.title_terms || ' ' || new.heading_terms || ' ' || new.body_terms",
        "full",
    ),
}


def _sqlite():
    statements, inserts, deletes = [], [], []
    for table, (value, detail) in SQLITE_TERM_TABLES.items():
        statements.append(
            f"CREATE VIRTUAL TABLE {table} USING fts5(terms, content='', detail={detail}, {TOKENS})"
        )
        inserts.append(f"INSERT INTO {table}(rowid, terms) VALUES (new.entry_id, {value});")
        old = value.replace("new.", "old.")
        deletes.append(
            f"INSERT INTO {table}({table}, rowid, terms) VALUES ('delete', old.entry_id, {old});"
        )
    # Entries already there (a migration back and forth) go into the new tables too: a
    # contentless table told to delete what it never held is corrupt from then on.
    for table, (value, _detail) in SQLITE_TERM_TABLES.items():
        existing = value.replace("new.", "")
        statements.append(
            f"INSERT INTO {table}(rowid, terms) SELECT entry_id, {existing} FROM search_indextext"
        )
    insert, delete = " ".join(inserts), " ".join(deletes)
    statements += [
        f"CREATE TRIGGER search_indextext_insert AFTER INSERT ON search_indextext BEGIN {insert} "
        "END",
        f"CREATE TRIGGER search_indextext_delete AFTER DELETE ON search_indextext BEGIN {delete} "
        "END",
        "CREATE TRIGGER search_indextext_update AFTER UPDATE ON search_indextext BEGIN "
        f"{delete} {insert} END",
        "CREATE VIRTUAL TABLE search_word_fts USING fts5(word, content='', tokenize='trigram')",
        "INSERT INTO search_word_fts(rowid, word) "
        "SELECT id, '  ' || word || ' ' FROM search_indexedword",
        "CREATE TRIGGER search_indexedword_insert AFTER INSERT ON search_indexedword BEGIN "
        "INSERT INTO search_word_fts(rowid, word) VALUES (new.id, '  ' || new.word || ' '); END",
        "CREATE TRIGGER search_indexedword_delete AFTER DELETE ON search_indexedword BEGIN "
        "INSERT INTO search_word_fts(search_word_fts, rowid, word) "
        "VALUES ('delete', old.id, '  ' || old.word || ' '); END",
    ]
    return statements


SQLITE_REVERSE = [
    "DROP TRIGGER search_indexedword_delete",
    "DROP TRIGGER search_indexedword_insert",
    "DROP TABLE search_word_fts",
    "DROP TRIGGER search_indextext_update",
    "DROP TRIGGER search_indextext_delete",
    "DROP TRIGGER search_indextext_insert",
    *[f"DROP TABLE {table}" for table in reversed(SQLITE_TERM_TABLES)],
]


def _vector(*columns):
    joined = " || ' ' || ".join(columns)
    return f"tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {joined})) STORED"


POSTGRESQL_VECTORS = {
    "title_vector": _vector("title_terms"),
    "upper_vector": _vector("title_terms", "heading_terms"),
    "search_vector": _vector("title_terms", "heading_terms", "body_terms"),
}
POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *[
        f"ALTER TABLE search_indextext ADD COLUMN {column} {definition}"
        for column, definition in POSTGRESQL_VECTORS.items()
    ],
    *[
        f"CREATE INDEX search_indextext_{column} ON search_indextext USING gin ({column})"
        for column in POSTGRESQL_VECTORS
    ],
    "CREATE INDEX search_indexedword_trigram ON search_indexedword USING gin (word gin_trgm_ops)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX search_indexedword_trigram",
    *[f"ALTER TABLE search_indextext DROP COLUMN {column}" for column in POSTGRESQL_VECTORS],
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 34, 0):
            raise RuntimeError("Search needs SQLite 3.34 or later (FTS5's trigram tokenizer).")
        for statement in statements_by_vendor.get(vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": _sqlite(), "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
