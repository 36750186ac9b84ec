"""Texts to translate outside the admin, as PO files (polib), and their way back in.

An export holds, for one target language, each missing or out-of-date text with its
source text, the source as it was when the translation was last updated (PO's previous
msgid, for a stale text), the item and field in words, and an id in the entry's context.
An import checks the whole file first: a file that is not ours, an unknown id, a source
text that differs from the portal's while nobody changed it are each a problem, and any
problem refuses the file with nothing changed. A text changed in the portal after the
export (the source or the translation) is a conflict: that entry is left out and
reported, the others go in.
"""

import datetime
from dataclasses import dataclass, field

import polib
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from publishing.models import FieldTranslation, language_codes, language_name
from publishing.staleness import mark_reviewed
from publishing.translation_status import STALE, field_label
from publishing.translations import column, parent_of, text_fields

FORMAT_HEADER = "X-Smolyan-Translations"
FORMAT_VERSION = "1"
EXPORTED_HEADER = "X-Exported-At"


def _context(row, name, source):
    opts = row._meta
    return f"{opts.app_label}.{opts.model_name}:{row.pk}:{name}:{source}"


def _source_of(text):
    if text.sources:
        return text.sources[0].language
    for code in language_codes():
        if code != text.language and getattr(text.row, column(text.field, code), None):
            return code
    return language_codes()[0]


def export_po(entries, language, now=None):
    """A PO file of the entries' texts in `language` (publishing.translation_status.Pending)."""
    now = now or timezone.now()
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Smolyan EU projects",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        FORMAT_HEADER: FORMAT_VERSION,
        EXPORTED_HEADER: now.isoformat(),
    }
    for entry in entries:
        for text in entry.state.texts:
            source = _source_of(text)
            stale = entry.state.state == STALE
            po_entry = polib.POEntry(
                msgctxt=_context(text.row, text.field, source),
                msgid=str(getattr(text.row, column(text.field, source), "") or ""),
                msgstr=str(getattr(text.row, column(text.field, language), "") or ""),
                comment=f"{entry.item} — {text.label} ({language_name(source)} → "
                f"{language_name(language)})",
                flags=["fuzzy"] if stale else [],
            )
            if stale and text.record is not None:
                earlier = [
                    other.texts.get(text.record.basis.get(other.language, ""))
                    for other in text.sources
                    if other.language == source
                ]
                if earlier and earlier[0]:
                    po_entry.previous_msgid = earlier[0]
            po.append(po_entry)
    return po


@dataclass
class ImportReport:
    """What an import did: problems refuse the whole file; conflicts leave entries out."""

    problems: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    imported: list = field(default_factory=list)
    reviewed: list = field(default_factory=list)
    skipped: int = 0

    @property
    def refused(self):
        return bool(self.problems)


@dataclass
class _Entry:
    number: int
    row: object
    name: str
    source: str
    text: str
    records: dict


def _read(data, report):
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        report.problems.append(_("The file is not UTF-8 text."))
        return None
    if not text.strip():
        report.problems.append(_("The file is empty."))
        return None
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as error:
        report.problems.append(_("The file is not a PO file: %(error)s") % {"error": error})
        return None
    if po.metadata.get(FORMAT_HEADER) != FORMAT_VERSION:
        report.problems.append(_("The file was not exported from this portal."))
        return None
    return po


def _exported_at(po, report):
    try:
        moment = datetime.datetime.fromisoformat(po.metadata.get(EXPORTED_HEADER, ""))
    except ValueError:
        report.problems.append(_("The file does not say when it was exported."))
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _find(number, entry, language, report):
    """The row and field an entry's id names, or None with the problem reported."""
    problem = _("Entry %(number)d: unknown id “%(id)s”.") % {
        "number": number,
        "id": entry.msgctxt or "",
    }
    try:
        model_label, pk, name, source = (entry.msgctxt or "").split(":")
        app_label, model_name = model_label.split(".")
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
        row = model._base_manager.filter(pk=int(pk)).first() if model else None
    except (ValueError, ContentType.DoesNotExist):
        row = None
    if (
        row is None
        or name not in text_fields(type(row))
        or source not in language_codes()
        or source == language
    ):
        report.problems.append(problem)
        return None
    return row, name, source


def _records(row, name):
    content_type = ContentType.objects.get_for_model(row)
    return {
        record.language: record
        for record in FieldTranslation.objects.filter(
            content_type=content_type, object_id=row.pk, field=name
        )
    }


def _item_of(row):
    found = parent_of(type(row))
    return getattr(row, found[1]) if found else row


def _check(number, entry, language, exported_at, report):
    found = _find(number, entry, language, report)
    if found is None:
        return None
    row, name, source = found
    item = _item_of(row)
    where = _("Entry %(number)d (%(item)s — %(field)s)") % {
        "number": number,
        "item": item,
        "field": field_label(row, name, type(item)),
    }
    records = _records(row, name)
    current_source = str(getattr(row, column(name, source), "") or "")
    source_record = records.get(source)
    source_changed = bool(
        source_record and source_record.changed_at and source_record.changed_at > exported_at
    )
    if entry.msgid != current_source and not source_changed:
        report.problems.append(
            _("%(where)s: its source text is not the portal's %(language)s text.")
            % {"where": where, "language": language_name(source)}
        )
        return None
    if entry.obsolete or not entry.msgstr:
        report.skipped += 1
        return None
    if "fuzzy" in entry.flags:
        report.skipped += 1
        return None
    model_field = type(row)._meta.get_field(column(name, language))
    try:
        model_field.clean(entry.msgstr, row)
    except ValidationError as error:
        report.problems.append(f"{where}: {' '.join(error.messages)}")
        return None
    target = records.get(language)
    if source_changed:
        report.conflicts.append(
            _("%(where)s: the %(language)s text was changed after the export, on %(time)s.")
            % {"where": where, "language": language_name(source), "time": _when(source_record)}
        )
        return None
    if target and target.changed_at and target.changed_at > exported_at:
        current = str(getattr(row, column(name, language), "") or "")
        if current != entry.msgstr:
            report.conflicts.append(
                _("%(where)s: the %(language)s text was changed after the export, on %(time)s.")
                % {"where": where, "language": language_name(language), "time": _when(target)}
            )
            return None
    return _Entry(number, row, name, source, entry.msgstr, records)


def _when(record):
    return timezone.localtime(record.changed_at).strftime("%Y-%m-%d %H:%M")


def import_po(data, user=None, name=""):
    """Check a PO file of ours and, when nothing is wrong with it, take its translations in."""
    report = ImportReport()
    po = _read(data, report)
    if po is None:
        return report
    language = po.metadata.get("Language", "")
    if language not in language_codes():
        report.problems.append(
            _("The file's language “%(language)s” is not one of the portal's.")
            % {"language": language}
        )
        return report
    exported_at = _exported_at(po, report)
    if exported_at is None:
        return report
    entries = [
        checked
        for number, entry in enumerate(po, start=1)
        if (checked := _check(number, entry, language, exported_at, report)) is not None
    ]
    if report.problems:
        return report
    with transaction.atomic(), reversion.create_revision():
        _apply(entries, language, report)
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(
            _("Translations imported from %(file)s.") % {"file": name or _("a PO file")}
        )
    return report


def _apply(entries, language, report):
    by_row = {}
    for entry in entries:
        by_row.setdefault((type(entry.row), entry.row.pk), []).append(entry)
    for changes in by_row.values():
        row = changes[0].row
        unchanged = []
        for entry in changes:
            attname = column(entry.name, language)
            if str(getattr(row, attname, "") or "") == entry.text:
                unchanged.append(entry)
            else:
                setattr(row, attname, entry.text)
                report.imported.append(entry)
        if len(unchanged) < len(changes):
            row.save()
        item = _item_of(row)
        if unchanged:
            # Sent back as it was and no longer marked fuzzy: the translator reviewed it.
            fields = {
                (ContentType.objects.get_for_model(row).pk, row.pk, e.name) for e in unchanged
            }
            report.reviewed += mark_reviewed(item, language, only=fields)
        if hasattr(item, "updated_at"):
            # A form opened on the item before the import must not write the old texts back.
            type(item)._base_manager.filter(pk=item.pk).update(updated_at=timezone.now())
        if reversion.is_registered(type(item)):
            reversion.add_to_revision(item)
