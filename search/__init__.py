"""Search across everything the portal publishes, in both languages, on the database it runs on.

How content becomes searchable: it is declared, as plain data, with
`search.registry.register()`: a `ModelSource` names a model's fields (title, headings,
body, files, date, projects) by their paths, a `PageSource` names a page's template. The
index (`search.models.IndexEntry`) then holds one entry per item and language, kept
current on every save and delete (`search.tracking`) and rebuilt by
`manage.py rebuild_search_index`.

Who declares: the higher of the two apps, so that imports only go down. Content below
search (news, events, partners, projects, documents; later the knowledge records) is
declared in `search/sources.py`; content above it (the accessibility statement and the
privacy notice of smolyan_portal) is declared by that app in its `AppConfig.ready()`.

The rest: `search.text` folds, stems and transliterates in Python, the same for indexing
and for searching; `search.query` reads what was typed and widens typos;
`search.backends` matches, ranks, pages and counts in one SQL statement, on SQLite's
FTS5 or PostgreSQL's full-text search (with pg_trgm for spelling), alike on both;
`search.engine` runs a search; `search.views` shows it.
"""
