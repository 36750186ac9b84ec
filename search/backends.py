"""The database's part of a search, in one statement: match, rank, page and count.

Both backends run the same SQL around a few fragments of their own (how a set of terms
is looked up), so they rank and count alike. An entry's score is one integer, built from,
in order of weight:

1. the quoted phrases occurring as typed;
2. how many of the words are in the title, then whether the title is made of them alone;
3. whether every word is in the title or the headings rather than the body;
4. being in the language of the page;
5. its day, recent first.

An item (an article, a meeting…) ranks by its best entry; ties go by a fixed item key.
Facets count items, each with the other facets' filters applied.

`words()` answers the other question, in one query: which indexed words have the
query's terms, and which are spelt like a query word (pg_trgm's similarity ≥ 0.3, the
same measure on both databases; SQLite gets it as a function from search.text).
Terms are letters and digits only (search.text), so they are quoted safely as they are.
"""

import itertools
import json
import math
from dataclasses import dataclass, field

from django.db import connection

from .text import similarity, trigrams

SIMILARITY = 0.3
DAY_SPAN = 131072  # more days than 2000 to 2300: the day never spills into the rank above


@dataclass
class Filters:
    type: str = ""
    project: int | None = None
    year: int | None = None


@dataclass
class Found:
    page: list = field(default_factory=list)  # item keys, best first
    total: int = 0
    facets: dict = field(default_factory=lambda: {"type": {}, "project": {}, "year": {}})


class _Backend:
    def _ids(self, kind, expression):
        """SQL for the ids of the entries whose `kind` terms match, and its parameter."""
        raise NotImplementedError

    def _any(self, groups, kind):
        raise NotImplementedError

    def _phrase(self, phrases):
        raise NotImplementedError

    def _has_project(self, alias):
        raise NotImplementedError

    def _project_values(self, alias):
        """(FROM item, column) listing each project id of an entry."""
        raise NotImplementedError

    def _flag(self, sql):
        return f"CASE WHEN {sql} THEN 1 ELSE 0 END"

    def _matched(self, groups, phrases, language, now):
        params = []

        def ids(kind, expression):
            sql, param = self._ids(kind, expression)
            params.append(param)
            return f"e.id IN ({sql})"

        in_title = " + ".join(self._flag(ids("title", self._any([group]))) for group in groups)
        upper = self._flag(ids("upper", self._any(groups)))
        phrase = self._flag(ids("phrase", self._phrase(phrases))) if phrases else "0"
        params.append(language)
        everything = ids("all", self._any(groups))
        params.append(connection.ops.adapt_datetimefield_value(now))
        whole = "CASE WHEN m.title_size > 0 AND m.in_title >= m.title_size THEN 1 ELSE 0 END"
        sql = (
            "SELECT m.id, m.item, m.source, m.year, m.projects, "
            f"((((m.phrase * 16 + m.in_title) * 2 + {whole}) * 2 + m.upper) * 2 + m.lang) "
            f"* {DAY_SPAN} + m.day AS score "
            "FROM (SELECT e.id, e.item, e.source, e.year, e.projects, e.title_size, e.day, "
            f"{in_title} AS in_title, {upper} AS upper, {phrase} AS phrase, "
            "CASE WHEN e.language = %s THEN 1 ELSE 0 END AS lang "
            f"FROM search_indexentry e WHERE {everything} AND e.published_at <= %s) m"
        )
        return sql, params

    def _where(self, filters, without=""):
        conditions, params = ["1 = 1"], []
        if filters.type and without != "type":
            conditions.append("source = %s")
            params.append(filters.type)
        if filters.year is not None and without != "year":
            conditions.append("year = %s")
            params.append(filters.year)
        if filters.project is not None and without != "project":
            sql, param = self._has_project("matched")
            conditions.append(sql)
            params.append(param(filters.project))
        return " AND ".join(conditions), params

    def search(self, groups, phrases, language, now, filters, offset, limit):
        """One page of items, best first, with the total and the facets' counts."""
        matched, params = self._matched(groups, phrases, language, now)
        every, every_params = self._where(filters)
        by_type, type_params = self._where(filters, "type")
        by_year, year_params = self._where(filters, "year")
        by_project, project_params = self._where(filters, "project")
        values_from, value = self._project_values("matched")
        sql = (
            f"WITH matched AS MATERIALIZED ({matched}) "
            "SELECT * FROM (SELECT 'hit', CAST(item AS TEXT) AS item_key, MAX(score) AS best "
            "FROM matched "
            f"WHERE {every} GROUP BY item ORDER BY best DESC, item LIMIT %s OFFSET %s) page "
            "UNION ALL SELECT 'type', source, COUNT(DISTINCT item) FROM matched "
            f"WHERE {by_type} GROUP BY source "
            "UNION ALL SELECT 'year', CAST(year AS TEXT), COUNT(DISTINCT item) FROM matched "
            f"WHERE {by_year} AND year IS NOT NULL GROUP BY year "
            f"UNION ALL SELECT 'project', CAST({value} AS TEXT), COUNT(DISTINCT item) "
            f"FROM matched, {values_from} WHERE {by_project} GROUP BY {value} "
            f"UNION ALL SELECT 'total', '', COUNT(DISTINCT item) FROM matched WHERE {every}"
        )
        all_params = [
            *params,
            *every_params,
            limit,
            offset,
            *type_params,
            *year_params,
            *project_params,
            *every_params,
        ]
        found = Found()
        with connection.cursor() as cursor:
            cursor.execute(sql, all_params)
            rows = cursor.fetchall()
        for kind, value, number in rows:
            if kind == "hit":
                found.page.append(int(value))
            elif kind == "total":
                found.total = number
            else:
                found.facets[kind][value if kind == "type" else int(value)] = number
        return found

    def exists(self, groups, now):
        """Whether any public entry holds every group of terms."""
        sql, param = self._ids("all", self._any(groups))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM search_indexentry e WHERE e.id IN ({sql}) "
                "AND e.published_at <= %s LIMIT 1",
                [param, connection.ops.adapt_datetimefield_value(now)],
            )
            return cursor.fetchone() is not None


class SQLiteBackend(_Backend):
    """FTS5 tables of terms; a trigram FTS5 table of the words for spelling."""

    TABLES = {
        "title": "search_title_fts",
        "upper": "search_upper_fts",
        "all": "search_all_fts",
        "phrase": "search_phrase_fts",
    }

    def _ids(self, kind, expression):
        table = self.TABLES[kind]
        return f"SELECT rowid FROM {table} WHERE {table} MATCH %s", expression

    def _any(self, groups):
        return " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in terms) + ")" for terms in groups
        )

    def _phrase(self, phrases):
        return " AND ".join('"' + " ".join(phrase) + '"' for phrase in phrases)

    def _has_project(self, alias):
        return f"EXISTS (SELECT 1 FROM json_each({alias}.projects) WHERE value = %s)", int

    def _project_values(self, alias):
        return f"json_each({alias}.projects) AS p", "p.value"

    def _spelling(self, word):
        """Words sharing enough trigrams with this one to reach the similarity threshold.

        Similarity ≥ 0.3 needs at least 0.3 × (the word's trigrams) in common: asking
        for that many (three at most, to keep the expression small) lets FTS5 leave
        out most words before the exact measure is taken.
        """
        grams = sorted(trigrams(word))
        needed = min(math.ceil(SIMILARITY * len(grams)), 3)
        return " OR ".join(
            "(" + " AND ".join(f'"{gram}"' for gram in chosen) + ")"
            for chosen in itertools.combinations(grams, needed)
        )

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
                "(SELECT rowid FROM search_word_fts WHERE search_word_fts MATCH %s) "
                "AND similarity(w.word, %s) >= %s"
            )
            params += [self._spelling(word), word, SIMILARITY]
        if not parts:
            return []
        with connection.cursor() as cursor:
            cursor.execute(" UNION ".join(parts), params)
            return cursor.fetchall()


class PostgreSQLBackend(_Backend):
    """tsvector columns with GIN indexes; pg_trgm for spelling."""

    COLUMNS = {
        "title": "title_vector",
        "upper": "upper_vector",
        "all": "search_vector",
        "phrase": "search_vector",
    }

    def _ids(self, kind, expression):
        column = self.COLUMNS[kind]
        return f"SELECT entry_id FROM search_indextext WHERE {column} @@ %s::tsquery", expression

    def _any(self, groups):
        return " & ".join("(" + " | ".join(f"'{term}'" for term in terms) + ")" for terms in groups)

    def _phrase(self, phrases):
        return " & ".join(
            "(" + " <-> ".join(f"'{term}'" for term in phrase) + ")" for phrase in phrases
        )

    def _has_project(self, alias):
        return f"{alias}.projects @> %s::jsonb", lambda pk: json.dumps([pk])

    def _project_values(self, alias):
        return f"jsonb_array_elements_text({alias}.projects) AS p(value)", "p.value"

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
