"""The search index: one entry per item and language, and the words it knows.

The term columns hold text already folded and stemmed in Python (search.text); the
database only looks the terms up. On SQLite an FTS5 table over them, on PostgreSQL a
tsvector column with a GIN index, both made by the migrations, are kept in step with
these rows by the database itself (triggers, a generated column).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexEntry(models.Model):
    """One searchable item in one language: what is matched, ranked and shown."""

    source = models.CharField(_("source"), max_length=100)
    object_id = models.CharField(_("object ID"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    # Entries of scheduled items are stored already and shown from this moment on.
    published_at = models.DateTimeField(_("publication time"), db_index=True)
    # " 3 7 ": the ids of the projects the item belongs to, for the project facet.
    projects = models.CharField(_("projects"), max_length=500, blank=True)
    title_terms = models.TextField(blank=True)
    heading_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # The text read from an attached file, kept so that it is read once per upload.
    file_name = models.CharField(max_length=300, blank=True)
    file_text = models.TextField(blank=True)

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

    def project_ids(self):
        return [int(value) for value in self.projects.split()]


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
