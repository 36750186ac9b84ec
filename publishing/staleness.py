"""When each language's text of each translated field last changed, and whether it is stale.

A language's text is stale when another language's text of the same field changed after
it: its row's `basis` (the digests of the other languages' texts it was written or
reviewed against) no longer matches them. Rows are kept on every save of a translated
model, through its signals, so the admin, the demo loader and a reverted version all keep
them. Only a save in which a text's value changed touches its row. A raw save (a fixture,
a reverted version) updates the rows a row already has and creates none, so loading a
dump that carries the table leaves the table as it was dumped.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal
from django.utils import timezone

from publishing.models import FieldTranslation
from publishing.translations import column, has_text, language_codes, parent_of, text_fields

# Sent when texts are marked as reviewed: their rows change, the content itself does not.
translations_reviewed = Signal()

# Earlier texts and bases a row remembers: enough for a few edits and a revert or two.
KEEP = 5
ROW_FIELDS = [
    "item_type",
    "item_id",
    "digest",
    "changed_at",
    "reviewed_at",
    "basis",
    "texts",
    "bases",
    "stale",
]


def digest(value):
    """A short fingerprint of a text; "" for no text."""
    if not has_text(value):
        return ""
    return hashlib.sha256(str(value).encode()).hexdigest()[:40]


def _remember(mapping, key, value):
    mapping.pop(key, None)
    mapping[key] = value
    while len(mapping) > KEEP:
        mapping.pop(next(iter(mapping)))


def _texts(obj, fields):
    return {
        (field, code): str(getattr(obj, column(field, code), None) or "")
        for field in fields
        for code in language_codes()
    }


def _columns(fields):
    return {column(field, code) for field in fields for code in language_codes()}


def _item_of(obj):
    found = parent_of(type(obj))
    if found is None:
        return type(obj), obj.pk
    item_model, fk_name = found
    return item_model, getattr(obj, type(obj)._meta.get_field(fk_name).attname)


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    fields = text_fields(sender)
    if not fields:
        return
    if update_fields is not None and not (_columns(fields) & set(update_fields)):
        return
    rows = {}
    if instance.pk is not None:
        content_type = ContentType.objects.get_for_model(sender)
        rows = {
            (row.field, row.language): row
            for row in FieldTranslation.objects.filter(
                content_type=content_type, object_id=instance.pk
            )
        }
    if raw and not rows:
        return
    before = None
    if not rows and instance.pk is not None:
        # An item saved before its texts were tracked: what it held is the baseline.
        before = sender._base_manager.filter(pk=instance.pk).values(*_columns(fields)).first()
    instance.translation_rows_before_save = (rows, before)


def _after_save(sender, instance, raw=False, **kwargs):
    state = instance.__dict__.pop("translation_rows_before_save", None)
    if state is None:
        return
    rows, before = state
    fields = text_fields(sender)
    content_type = ContentType.objects.get_for_model(sender)
    item_model, item_id = _item_of(instance)
    item_type = ContentType.objects.get_for_model(item_model)
    now = timezone.now()
    if before is not None:
        old = {
            (field, code): str(before[column(field, code)] or "") for field, code in _keys(fields)
        }
        rows = _baseline(content_type, instance.pk, old)
    texts = _texts(instance, fields)
    new_rows, changed_rows = [], []
    for field in fields:
        current = {code: digest(texts[field, code]) for code in language_codes()}
        field_rows = {}
        for code in language_codes():
            row = rows.get((field, code))
            if row is None:
                row = FieldTranslation(
                    content_type=content_type, object_id=instance.pk, field=field, language=code
                )
            if row.pk is None:
                new_rows.append(row)
            field_rows[code] = row
        touched = _apply(field_rows, current, {code: texts[field, code] for code in current}, now)
        for code, row in field_rows.items():
            if (row.item_type_id, row.item_id) != (item_type.pk, item_id):
                row.item_type, row.item_id = item_type, item_id
                touched.add(code)
            if row.pk is not None and code in touched:
                changed_rows.append(row)
    if new_rows:
        FieldTranslation.objects.bulk_create(new_rows)
    if changed_rows:
        FieldTranslation.objects.bulk_update(changed_rows, ROW_FIELDS)


def _keys(fields):
    return [(field, code) for field in fields for code in language_codes()]


def _baseline(content_type, object_id, old):
    """Rows for texts saved before tracking began: none stale, change times unknown."""
    rows = {}
    for (field, code), text in old.items():
        own = digest(text)
        basis = {
            other: digest(old[field, other])
            for other in language_codes()
            if other != code and own and old[field, other]
        }
        row = FieldTranslation(
            content_type=content_type,
            object_id=object_id,
            field=field,
            language=code,
            digest=own,
            basis=basis,
        )
        if own:
            row.texts = {own: text}
            row.bases = {own: basis}
        rows[field, code] = row
    return rows


def _apply(field_rows, current, texts, now):
    """Bring one field's rows up to the texts just saved; the languages whose row changed."""
    before = {code: row.digest for code, row in field_rows.items()}
    # Which language each one was written against before this save.
    bases_before = {code: dict(row.basis) for code, row in field_rows.items()}
    changed = {code for code, row in field_rows.items() if row.digest != current[code]}
    touched = set(changed)
    for code in changed:
        row = field_rows[code]
        if current[code] in row.bases:
            # A text that comes back (a revert) was written against what it was then.
            basis = dict(row.bases[current[code]])
        else:
            basis = {other: current[other] for other in current if other != code and current[other]}
        row.digest, row.changed_at, row.reviewed_at, row.basis = current[code], now, None, basis
        if current[code]:
            _remember(row.texts, current[code], texts[code])
            _remember(row.bases, current[code], basis)
    for code, row in field_rows.items():
        if code in changed or not row.digest:
            continue
        for other in changed:
            # A text that was behind this one (missing, or written against an earlier
            # version of it) and changes now is catching up with it: it is made from this
            # text, so it does not make this one stale. So is a text that is behind it
            # after the change (an older text brought back). A text that was up to date
            # and changes is news this one must follow.
            behind = (
                not before[other]
                or bases_before[other].get(code) != row.digest
                or field_rows[other].basis.get(code) != row.digest
            )
            if behind and current[other] and row.basis.get(other) != current[other]:
                row.basis = {**row.basis, other: current[other]}
                _remember(row.bases, row.digest, row.basis)
                touched.add(code)
    for code, row in field_rows.items():
        stale = bool(row.digest) and any(
            current[other] and row.basis.get(other) != current[other]
            for other in current
            if other != code
        )
        if stale != row.stale:
            row.stale = stale
            touched.add(code)
    return touched


def _after_delete(sender, instance, **kwargs):
    if text_fields(sender):
        FieldTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
        ).delete()


def mark_reviewed(item, language, only=None):
    """Clear the stale state of the item's texts in `language`; the rows it cleared.

    `only` limits it to some texts: a set of (content type id, object id, field).
    """
    rows = list(FieldTranslation.objects.for_items(type(item), [item.pk]))
    by_text = {}
    for row in rows:
        by_text.setdefault((row.content_type_id, row.object_id, row.field), {})[row.language] = row
    now = timezone.now()
    reviewed = []
    for field_rows in by_text.values():
        row = field_rows.get(language)
        if row is None or not row.stale:
            continue
        if only is not None and (row.content_type_id, row.object_id, row.field) not in only:
            continue
        row.basis = {
            code: other.digest
            for code, other in field_rows.items()
            if code != language and other.digest
        }
        _remember(row.bases, row.digest, row.basis)
        row.stale, row.reviewed_at = False, now
        reviewed.append(row)
    FieldTranslation.objects.bulk_update(reviewed, ["basis", "bases", "stale", "reviewed_at"])
    if reviewed:
        # Pages that showed an "out of date" notice change with the review.
        translations_reviewed.send(sender=type(item), item=item, language=language)
    return reviewed


def connect():
    pre_save.connect(_before_save, dispatch_uid="publishing-translations-before")
    post_save.connect(_after_save, dispatch_uid="publishing-translations-after")
    post_delete.connect(_after_delete, dispatch_uid="publishing-translations-delete")
