"""Each language's state of an item: which texts are missing, which are out of date, since when.

Missing comes from the content itself (publishing.translations); out of date from the rows
publishing.staleness keeps. Callers that ask about many items prefetch their parts
(`publishing.translations.part_prefetches`) and pass them together: the rows of all of them
are read in one query.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.text import capfirst
from django.utils.translation import gettext

from publishing.compare import _as_text, word_diff
from publishing.models import FieldTranslation, language_name
from publishing.translations import (
    column,
    language_codes,
    missing_fields,
    missing_q,
    parent_of,
    part_prefetches,
    parts,
    text_fields,
)

MISSING, STALE, CURRENT = "missing", "stale", "current"


@dataclass
class Text:
    """One field of the item or of one of its parts, in one language."""

    row: object
    field: str
    language: str
    record: FieldTranslation | None = None
    # For a stale text: the other languages' rows whose change made it stale.
    sources: list = field(default_factory=list)

    @property
    def label(self):
        return field_label(self.row, self.field, self.item_model)

    item_model = None

    @property
    def source_changed_at(self):
        times = [source.changed_at for source in self.sources if source.changed_at]
        return max(times, default=None)

    def diffs(self):
        """[(language name, diff HTML)]: how each source changed since this text was written."""
        model_field = type(self.row)._meta.get_field(self.field)
        found = []
        for source in self.sources:
            earlier = source.texts.get(self.record.basis.get(source.language, ""), "")
            now = getattr(self.row, column(self.field, source.language), "") or ""
            found.append(
                (
                    language_name(source.language),
                    word_diff(_as_text(model_field, earlier), _as_text(model_field, now)),
                )
            )
        return found


def field_label(row, name, item_model):
    """ "Title", or "Session “Opening”: Title" for a part's field."""
    label = capfirst(str(type(row)._meta.get_field(name).verbose_name))
    if type(row) is item_model:
        return label
    return gettext("%(part)s “%(name)s”: %(field)s") % {
        "part": capfirst(str(type(row)._meta.verbose_name)),
        "name": row,
        "field": label,
    }


@dataclass
class LanguageState:
    """One language of one item."""

    language: str
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)

    @property
    def translated(self):
        return not self.missing

    @property
    def state(self):
        if self.missing:
            return MISSING
        return STALE if self.stale else CURRENT

    @property
    def texts(self):
        return self.missing or self.stale

    @property
    def changed_at(self):
        """When a source text changed that this language has not followed, if known."""
        times = [text.source_changed_at for text in self.stale if text.source_changed_at]
        return max(times, default=None)

    @property
    def source_languages(self):
        codes = {source.language for text in self.stale for source in text.sources}
        return [code for code in language_codes() if code in codes]

    @property
    def name(self):
        return language_name(self.language)

    @property
    def sources_name(self):
        return ", ".join(str(language_name(code)) for code in self.source_languages)


def rows_of(item):
    """The item and its parts by (content type id, pk)."""
    found = {(ContentType.objects.get_for_model(item).pk, item.pk): item}
    for name, model, _fk in parts(type(item)):
        content_type = ContentType.objects.get_for_model(model)
        for part in getattr(item, name).all():
            found[content_type.pk, part.pk] = part
    return found


def states_of(items):
    """{item pk: {language: LanguageState}} for items of one model."""
    items = list(items)
    if not items:
        return {}
    model = type(items[0])
    records = {}
    for record in records_of(model, [item.pk for item in items]):
        records.setdefault(record.item_id, []).append(record)
    return {item.pk: _states(item, records.get(item.pk, [])) for item in items}


def records_of(model, ids):
    """The rows of these items and their parts that tell a state: those of each text that
    is out of date in some language, every language's. A text with no stale row is current
    or missing, and the content itself says which; most pages read no row at all.

    A part model's rows stand for themselves.
    """
    outdated = FieldTranslation.objects.filter(
        content_type=OuterRef("content_type"),
        object_id=OuterRef("object_id"),
        field=OuterRef("field"),
        stale=True,
    )
    if parent_of(model) is None:
        return FieldTranslation.objects.for_items(model, ids).filter(Exists(outdated))
    own = FieldTranslation.objects.filter(
        Exists(outdated), content_type=ContentType.objects.get_for_model(model), object_id__in=ids
    )
    # Grouped by the row itself here, as it is listed on its own.
    return [_as_item(record) for record in own]


def _as_item(record):
    record.item_id = record.object_id
    return record


def states_of_item(item):
    return states_of([item])[item.pk]


def _states(item, records):
    rows = rows_of(item)
    by_text = {}
    for record in records:
        by_text.setdefault((record.content_type_id, record.object_id, record.field), {})[
            record.language
        ] = record
    states = {}
    for code in language_codes():
        state = LanguageState(code)
        missing = missing_fields(item, code)
        state.missing = [_text(item, row, name, code) for row, name in missing]
        gaps = {(id(row), name) for row, name in missing}
        for (type_id, object_id, name), languages in by_text.items():
            record = languages.get(code)
            row = rows.get((type_id, object_id))
            if record is None or not record.stale or row is None or (id(row), name) in gaps:
                continue
            text = _text(item, row, name, code, record)
            text.sources = [
                other
                for other_code, other in languages.items()
                if other_code != code and other.digest
                if record.basis.get(other_code) != other.digest
            ]
            state.stale.append(text)
        state.stale.sort(key=lambda text: _position(item, text))
        states[code] = state
    return states


def _position(item, text):
    """The item's own fields first, then its parts', each in the order of their declaration."""
    names = text_fields(type(text.row))
    own = text.row is item
    return (not own, type(text.row)._meta.label, text.row.pk, names.index(text.field))


def _text(item, row, name, code, record=None):
    text = Text(row, name, code, record)
    text.item_model = type(item)
    return text


def stale_q(model, language):
    """Items whose text in `language` is all there but out of date somewhere."""
    content_type = ContentType.objects.get_for_model(model)
    if parent_of(model) is None:
        rows = FieldTranslation.objects.filter(item_type=content_type, item_id=OuterRef("pk"))
    else:
        rows = FieldTranslation.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
    rows = rows.filter(language=language, stale=True)
    return Exists(rows) & ~missing_q(model, language)


@dataclass
class Pending:
    """An item with a language whose text is missing or out of date."""

    item: object
    state: LanguageState

    @property
    def changed_at(self):
        return self.state.changed_at or getattr(self.item, "updated_at", None)


def pending(querysets, languages, states=(MISSING, STALE)):
    """Every item of the querysets with a missing or stale language, newest change first.

    Reads each queryset once per language with its parts, and the rows of its items once.
    """
    found = []
    for queryset in querysets:
        model = queryset.model
        for code in languages:
            condition = Q(pk__in=[])
            if MISSING in states:
                condition |= missing_q(model, code)
            if STALE in states:
                condition |= stale_q(model, code)
            items = {
                item.pk: item
                for item in queryset.filter(condition).prefetch_related(*part_prefetches(model))
            }
            for pk, by_language in states_of(items.values()).items():
                state = by_language[code]
                if state.state in states:
                    found.append(Pending(items[pk], state))
    found.sort(key=lambda entry: _newest_first(entry))
    return found


def _newest_first(entry):
    changed = entry.changed_at
    return (changed is None, -(changed.timestamp() if changed else 0), str(entry.item))
