"""The database's part of a search: find the entries that hold the terms, and close words.

Each backend answers the same two questions with its own full-text machinery, in one
query each:

- `match()`: the public entries holding every group of terms (a group: a word and its
  close spellings), with two flags for ranking: whether the quoted phrases occur, and
  whether every group occurs in the title or headings;
- `words()`: the indexed words whose term is one of the query's, and the words spelt
  like a query word (pg_trgm's similarity ≥ 0.3, the same measure on both databases).

Terms are letters and digits only (search.text), so they are quoted safely as they are.
"""

from dataclasses import dataclass

from django.db import connection

from .text import similarity, trigrams

SIMILARITY = 0.3


@dataclass
class Hit:
    id: int
    source: str
    object_id: str
    language: str
    date: object
    published_at: object
    projects: str
    title_terms: str
    phrase: bool
    upper: bool


class SQLiteBackend:
    """FTS5: a table of terms for matching, a trigram table of the words for spelling."""

    def _group(self, terms, columns=""):
        alternatives = " OR ".join(f'"{term}"' for term in terms)
        return f"({columns}({alternatives}))" if columns else f"({alternatives})"

    def _expression(self, groups, columns=""):
        return " AND ".join(self._group(terms, columns) for terms in groups)

    def _phrases(self, phrases):
        return " AND ".join('"' + " ".join(phrase) + '"' for phrase in phrases)

    def match(self, groups, phrases, now):
        full = self._expression(groups)
        upper = self._expression(groups, "{title_terms heading_terms}: ")
        fts = "SELECT rowid FROM search_indexentry_fts WHERE search_indexentry_fts MATCH %s"
        phrase_sql, params = "0", [upper]
        if phrases:
            phrase_sql = f"e.id IN ({fts})"
            params = [self._phrases(phrases), upper]
        sql = (
            "SELECT e.id, e.source, e.object_id, e.language, e.date, e.published_at, "
            f"e.projects, e.title_terms, {phrase_sql}, e.id IN ({fts}) "
            "FROM search_indexentry e "
            f"WHERE e.id IN ({fts}) AND e.published_at <= %s"
        )
        return _run(sql, [*params, full, _moment(now)])

    def _spelling(self, word):
        grams = sorted(trigrams(word))
        pairs = [f'("{a}" AND "{b}")' for i, a in enumerate(grams) for b in grams[i + 1 :]]
        return " OR ".join(pairs)

    def words(self, terms, spelt_like):
        parts, params = [], []
        if terms:
            parts.append(
                "SELECT word, term FROM search_indexedword "
                f"WHERE term IN ({', '.join(['%s'] * len(terms))})"
            )
            params += list(terms)
        for word in spelt_like:
            parts.append(
                "SELECT w.word, w.term FROM search_indexedword w WHERE w.id IN "
                "(SELECT rowid FROM search_indexedword_fts WHERE search_indexedword_fts MATCH %s) "
                "AND similarity(w.word, %s) >= %s"
            )
            params += [self._spelling(word), word, SIMILARITY]
        if not parts:
            return []
        with connection.cursor() as cursor:
            cursor.execute(" UNION ".join(parts), params)
            return cursor.fetchall()


class PostgreSQLBackend:
    """A tsvector column weighted A (title), B (headings), C (body); pg_trgm for spelling."""

    def _query(self, groups, weights=""):
        suffix = f":{weights}" if weights else ""
        return " & ".join(
            "(" + " | ".join(f"'{term}'{suffix}" for term in terms) + ")" for terms in groups
        )

    def _phrases(self, phrases):
        return " & ".join(
            "(" + " <-> ".join(f"'{term}'" for term in phrase) + ")" for phrase in phrases
        )

    def match(self, groups, phrases, now):
        phrase_sql, params = "false", []
        if phrases:
            phrase_sql = "e.search_vector @@ %s::tsquery"
            params = [self._phrases(phrases)]
        sql = (
            "SELECT e.id, e.source, e.object_id, e.language, e.date, e.published_at, "
            f"e.projects, e.title_terms, {phrase_sql}, e.search_vector @@ %s::tsquery "
            "FROM search_indexentry e "
            "WHERE e.search_vector @@ %s::tsquery AND e.published_at <= %s"
        )
        query, upper = self._query(groups), self._query(groups, "AB")
        return _run(sql, [*params, upper, query, _moment(now)])

    def words(self, terms, spelt_like):
        conditions, params = [], []
        if terms:
            conditions.append("term = ANY(%s)")
            params.append(list(terms))
        for word in spelt_like:
            # `%` finds candidates through the trigram index; the threshold is then exact.
            conditions.append("(word %% %s AND similarity(word, %s) >= %s)")
            params += [word, word, SIMILARITY]
        if not conditions:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word, term FROM search_indexedword WHERE {' OR '.join(conditions)}",
                params,
            )
            return cursor.fetchall()


def _moment(now):
    # The way the ORM stores a time on this database (UTC text on SQLite).
    return connection.ops.adapt_datetimefield_value(now)


def _run(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Hit(*row) for row in cursor.fetchall()]


def backend():
    if connection.vendor == "postgresql":
        return PostgreSQLBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"Search has no backend for {connection.vendor}.")


def add_sqlite_functions(sender, connection, **kwargs):
    """pg_trgm's similarity() for SQLite, so both databases judge spelling alike."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("similarity", 2, similarity, deterministic=True)
