"""The full-text structures over the index, in the dialect of each database.

SQLite: FTS5 tables kept in step with the index by triggers: one of the terms (already
folded and stemmed in Python, so the tokenizer only splits on spaces and changes nothing
else), one of the words by trigrams, padded as pg_trgm pads them, for spelling.
PostgreSQL: a tsvector generated from the terms, weighted A/B/C, with a GIN index; a
trigram index (pg_trgm) on the words.
"""

import sqlite3

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_indexentry_fts USING fts5("
    "title_terms, heading_terms, body_terms, content='', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_indexentry_fts_insert AFTER INSERT ON search_indexentry BEGIN "
    "INSERT INTO search_indexentry_fts(rowid, title_terms, heading_terms, body_terms) "
    "VALUES (new.id, new.title_terms, new.heading_terms, new.body_terms); END",
    "CREATE TRIGGER search_indexentry_fts_delete AFTER DELETE ON search_indexentry BEGIN "
    "INSERT INTO search_indexentry_fts(search_indexentry_fts, rowid, title_terms, "
    "heading_terms, body_terms) VALUES "
    "('delete', old.id, old.title_terms, old.heading_terms, old.body_terms); END",
    "CREATE TRIGGER search_indexentry_fts_update AFTER UPDATE ON search_indexentry BEGIN "
    "INSERT INTO search_indexentry_fts(search_indexentry_fts, rowid, title_terms, "
    "heading_terms, body_terms) VALUES "
    "('delete', old.id, old.title_terms, old.heading_terms, old.body_terms); "
    "INSERT INTO search_indexentry_fts(rowid, title_terms, heading_terms, body_terms) "
    "VALUES (new.id, new.title_terms, new.heading_terms, new.body_terms); END",
    "CREATE VIRTUAL TABLE search_indexedword_fts USING fts5(word, content='', "
    "tokenize='trigram')",
    "CREATE TRIGGER search_indexedword_fts_insert AFTER INSERT ON search_indexedword BEGIN "
    "INSERT INTO search_indexedword_fts(rowid, word) VALUES (new.id, '  ' || new.word || ' '); "
    "END",
    "CREATE TRIGGER search_indexedword_fts_delete AFTER DELETE ON search_indexedword BEGIN "
    "INSERT INTO search_indexedword_fts(search_indexedword_fts, rowid, word) "
    "VALUES ('delete', old.id, '  ' || old.word || ' '); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER search_indexedword_fts_delete",
    "DROP TRIGGER search_indexedword_fts_insert",
    "DROP TABLE search_indexedword_fts",
    "DROP TRIGGER search_indexentry_fts_update",
    "DROP TRIGGER search_indexentry_fts_delete",
    "DROP TRIGGER search_indexentry_fts_insert",
    "DROP TABLE search_indexentry_fts",
]

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title_terms), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, heading_terms), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, body_terms), 'C')) STORED",
    "CREATE INDEX search_indexentry_vector ON search_indexentry USING gin (search_vector)",
    "CREATE INDEX search_indexedword_trigram ON search_indexedword "
    "USING gin (word gin_trgm_ops)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX search_indexedword_trigram",
    "DROP INDEX search_indexentry_vector",
    "ALTER TABLE search_indexentry DROP COLUMN search_vector",
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
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
