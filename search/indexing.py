"""Making index entries from content, and writing them.

An item is indexed in Bulgarian, and in every other language in which it has a title
of its own; each entry holds only that language's text. Only published items are
indexed; a scheduled one is stored with its publication time and found from then on.
"""

import datetime
import functools
import zlib

from django.conf import settings
from django.db import connection, transaction
from django.db.models import ForeignKey, Prefetch
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from publishing.models import Publishable, Status

from . import extraction, text
from .models import IndexedWord, IndexEntry, IndexText
from .registry import ModelSource, sources

REBUILD_BATCH = 500
# Sent once the index has been written: what a search answers has changed (kept search
# pages are not served again).
index_changed = Signal()
# Pages without a publication time of their own have always been public.
ALWAYS = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
FIRST_DAY = datetime.date(2000, 1, 1)


def item_key(source_name, object_id):
    """One number for all the entries of an item, the same on every database and run."""
    return (zlib.crc32(source_name.encode()) >> 1) * 2**31 + int(object_id or 0) % 2**31


def _entry(source_name, object_id, language, *, title, url, date, published_at, projects, texts):
    """An unsaved entry with its unsaved text (`entry.pending_text`) and words."""
    headings, body, file_name, file_text = texts
    words = {}
    sort_date = date or timezone.localdate(published_at)
    entry = IndexEntry(
        source=source_name,
        object_id=object_id,
        item=item_key(source_name, object_id),
        language=language,
        title=title[:500],
        url=url,
        date=date,
        year=date.year if date else None,
        day=max((sort_date - FIRST_DAY).days, 0),
        published_at=published_at,
        projects=projects,
        title_size=len({text.term(word) for word in text.words(title)}),
    )
    entry.pending_text = IndexText(
        body="\n".join(headings + body),
        file_name=file_name[:300],
        file_text=file_text,
        title_terms=" ".join(text.terms(title, words)),
        heading_terms=" ".join(text.terms("\n".join(headings), words)),
        body_terms=" ".join(text.terms("\n".join([*body, file_text]), words)),
    )
    entry.words = words
    return entry


def _is_public(obj):
    return not isinstance(obj, Publishable) or obj.status == Status.PUBLISHED


@functools.cache
def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def _objects(obj, part):
    """The objects one step along a path: a related row, the rows of a relation, or none."""
    value = getattr(obj, part, None)
    if value is None:
        return []
    if hasattr(value, "all") and callable(value.all):
        return [row for row in value.all() if _is_public(row)]
    return [value] if _is_public(value) else []


def values(obj, path, language):
    """The values at the end of a path, in a language where the field is translated."""
    *steps, last = path.split("__")
    current = [obj]
    for part in steps:
        current = [row for item in current for row in _objects(item, part)]
    found = []
    for item in current:
        translated = f"{last}_{language}"
        name = translated if _has_field(type(item), translated) else last
        field = type(item)._meta.get_field(name)
        if field.is_relation:
            found += [row.pk for row in _objects(item, name)]
        else:
            value = getattr(item, field.attname)
            if value not in (None, ""):
                found.append(value)
    return found


def _texts(obj, paths, language):
    return [
        text.html_to_text(str(value)) for path in paths for value in values(obj, path, language)
    ]


def _date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value


def _languages(source, obj):
    default = settings.LANGUAGE_CODE
    translated = [
        code
        for code, _name in settings.LANGUAGES
        if code != default and _has_field(source.model, f"{source.title}_{code}")
    ]
    return [default] + [code for code in translated if values(obj, source.title, code)]


def _file_texts(source, obj, known):
    """(names, text) of the declared files, read again only when a file changed."""
    stored = [getattr(obj, name) for name in source.files]
    stored = [file for file in stored if file]
    names = " ".join(file.name for file in stored)
    if known and names in known:
        return names, known[names]
    texts = (extraction.extract_text(file) for file in stored)
    return names, "\n".join(part for part in texts if part)


def model_entries(source, obj, known=None):
    """The unsaved entries of one row, one per language; none when it is not public.

    `known` maps stored file names to their text, read before; without it the row's
    current entry is asked.
    """
    if not _is_public(obj):
        return []
    if known is None and source.files:
        known = dict(
            IndexText.objects.filter(entry__source=source.name, entry__object_id=str(obj.pk))
            .exclude(file_name="")
            .values_list("file_name", "file_text")[:1]
        )
    file_name, file_text = _file_texts(source, obj, known)
    published_at = getattr(obj, "published_at", None) or ALWAYS
    project_ids = sorted(set(values(obj, source.projects, ""))) if source.projects else []
    dates = values(obj, source.date, "") if source.date else []
    date = _date(dates[0]) if dates else None
    entries = []
    for code in _languages(source, obj):
        with translation.override(code):
            url = obj.get_absolute_url()
        texts = (
            _texts(obj, source.headings, code),
            _texts(obj, source.body, code),
            file_name,
            file_text,
        )
        entries.append(
            _entry(
                source.name,
                str(obj.pk),
                code,
                title=" ".join(_texts(obj, [source.title], code)),
                url=url,
                date=date,
                published_at=published_at,
                projects=project_ids,
                texts=texts,
            )
        )
    return entries


def page_entries(source):
    """The entries of a page, as its template renders it in each language."""
    entries = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            # Rendered without a request; the token only fills a form, which is not text.
            html = render_to_string(source.template, {"csrf_token": "-", **source.context()})
            title, url = str(source.title), reverse(source.url_name)
        entries.append(
            _entry(
                source.name,
                "",
                code,
                title=title,
                url=url,
                date=_date(source.date() if source.date else None),
                published_at=ALWAYS,
                projects=[],
                texts=([], [text.html_to_text(html)], "", ""),
            )
        )
    return entries


def entry_words(entries):
    """The vocabulary of some new entries: {word: term}."""
    found = {}
    for entry in entries:
        found.update(entry.words)
    return found


def add_words(found):
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=word, term=term) for word, term in found.items()],
        ignore_conflicts=True,
        batch_size=500,
    )


def write(source_name, object_id, entries):
    """Replace an item's entries with these (none: the item leaves the index)."""
    with transaction.atomic():
        IndexEntry.objects.filter(source=source_name, object_id=object_id).exclude(
            language__in=[entry.language for entry in entries]
        ).delete()
        for entry in entries:
            fields = {
                field.attname: getattr(entry, field.attname)
                for field in IndexEntry._meta.concrete_fields
                if field.attname not in ("id", "source", "object_id", "language")
            }
            saved, _created = IndexEntry.objects.update_or_create(
                source=source_name, object_id=object_id, language=entry.language, defaults=fields
            )
            pending = entry.pending_text
            IndexText.objects.update_or_create(
                entry=saved,
                defaults={
                    field.attname: getattr(pending, field.attname)
                    for field in IndexText._meta.concrete_fields
                    if field.attname != "entry_id"
                },
            )
        add_words(entry_words(entries))
        index_changed.send(sender=IndexEntry)


def _save_all(entries):
    """Insert new entries and their texts: two queries for a whole batch."""
    IndexEntry.objects.bulk_create(entries)
    for entry in entries:
        entry.pending_text.entry = entry
    IndexText.objects.bulk_create([entry.pending_text for entry in entries])


def public_queryset(source):
    """All rows of a model source, with what its paths need fetched in a few queries."""
    model = source.model
    queryset = model._default_manager.all()
    if issubclass(model, Publishable):
        queryset = queryset.filter(status=Status.PUBLISHED)
    prefetches, selects = set(), set()
    for path in source.paths():
        parts = path.split("__")
        current = model
        for index, part in enumerate(parts[:-1] if len(parts) > 1 else parts):
            field = current._meta.get_field(part)
            if not field.is_relation:
                break
            prefix = "__".join(parts[: index + 1])
            if isinstance(field, ForeignKey) and index == 0:
                selects.add(prefix)
            else:
                prefetches.add(prefix)
            current = field.related_model
    queryset = queryset.select_related(*selects) if selects else queryset
    return queryset.prefetch_related(*[Prefetch(path) for path in sorted(prefetches)])


def index_object(source, obj):
    write(source.name, str(obj.pk), model_entries(source, obj))


def index_pk(source, pk):
    """Index one row of a model source again, or remove it if it is gone or a draft."""
    obj = public_queryset(source).filter(pk=pk).first()
    if obj is None:
        write(source.name, str(pk), [])
    else:
        index_object(source, obj)


def index_page(source):
    write(source.name, "", page_entries(source))


def rebuild(progress=None):
    """Empty the index and fill it again from every source; returns the number of items.

    The text of files is read again only for files not read before. `progress(label)` is
    called once per item.
    """
    known = dict(IndexText.objects.exclude(file_name="").values_list("file_name", "file_text"))
    count, batch, found = 0, [], {}
    with transaction.atomic():
        IndexEntry.objects.all().delete()
        IndexedWord.objects.all().delete()
        for source in sources():
            if isinstance(source, ModelSource):
                rows = public_queryset(source).iterator(chunk_size=REBUILD_BATCH)
                made = ((str(obj), model_entries(source, obj, known)) for obj in rows)
            else:
                made = [(str(source.title), page_entries(source))]
            for label, entries in made:
                batch += entries
                found.update(entry_words(entries))
                count += 1
                if progress:
                    progress(label)
                if len(batch) >= REBUILD_BATCH:
                    _save_all(batch)
                    batch = []
        _save_all(batch)
        add_words(found)
        index_changed.send(sender=IndexEntry)
    return count


def settle():
    """After much of the index was written at once: fresh statistics for the query planner
    and, on PostgreSQL, a vacuum, which moves the new entries out of the pending lists of the
    full-text indexes (GIN) into the indexes themselves. Until then every search reads those
    lists: at 10,000 generated articles, a search took twice as long. Autovacuum would do
    it in its own time; this does it now. A vacuum cannot run inside a transaction: there
    it is left to whoever commits it (`load_demo --bulk` vacuums after its commit)."""
    if connection.in_atomic_block:
        return
    tables = [
        connection.ops.quote_name(model._meta.db_table)
        for model in (IndexEntry, IndexText, IndexedWord)
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")


def item_count():
    """How many items a rebuild goes through, for its progress bar."""
    return sum(
        public_queryset(source).count() if isinstance(source, ModelSource) else 1
        for source in sources()
    )
