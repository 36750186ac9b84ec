"""The search index: one entry per item and language, its text, and the words it knows.

An entry is kept narrow (what ranking, facets and the result list need), so that a
search reading thousands of them stays quick; its text and terms are in `IndexText`.
The term columns hold text already folded and stemmed in Python (search.text); the
database only looks terms up, through structures the migrations make: FTS5 tables on
SQLite, tsvector columns with GIN indexes on PostgreSQL, both kept in step with
`IndexText` by the database itself (triggers, generated columns).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexEntry(models.Model):
    """One searchable item in one language: what is ranked, counted and listed."""

    source = models.CharField(_("source"), max_length=100)
    object_id = models.CharField(_("object ID"), max_length=40, blank=True)
    # The same for every language of one item: results are counted and shown per item.
    item = models.BigIntegerField(_("item"), db_index=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=500)
    url = models.CharField(_("address"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    # Days from 2000-01-01 to the date, or to the publication day: "recent first".
    day = models.IntegerField(_("day"), default=0)
    # Entries of scheduled items are stored already and found from this moment on.
    published_at = models.DateTimeField(_("publication time"), db_index=True)
    projects = models.JSONField(_("projects"), default=list, blank=True)
    # How many different words the title has: a title made of the query's words ranks first.
    title_size = models.PositiveSmallIntegerField(_("words in the title"), default=0)

    class Meta:
        ordering = ["source", "object_id", "language"]
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id", "language"], name="search_entry_unique_item"
            )
        ]

    def __str__(self):
        return f"{self.source}:{self.object_id} [{self.language}] {self.title}"


class IndexText(models.Model):
    """The text of an entry, for snippets, and its terms by weight, for matching."""

    entry = models.OneToOneField(
        IndexEntry, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    body = models.TextField(_("text"), blank=True)
    # The text read from an attached file, kept so that it is read once per upload.
    file_name = models.CharField(_("file"), max_length=300, blank=True)
    file_text = models.TextField(_("text of the file"), blank=True)
    title_terms = models.TextField(blank=True)
    heading_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)

    class Meta:
        verbose_name = _("text of a search index entry")
        verbose_name_plural = _("texts of search index entries")

    def __str__(self):
        return str(self.entry)


class IndexedWord(models.Model):
    """A word the index has seen, with its term: the ground for typos and “did you mean”."""

    word = models.CharField(_("word"), max_length=40, unique=True)
    term = models.CharField(_("term"), max_length=40, db_index=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self):
        return self.word
