import posixpath
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from documents.validators import DOCUMENT_TYPES, extension_of, validate_document_file
from events.models import Meeting, Session
from media.cleanup import is_new_upload
from projects.models import Project
from publishing.addresses import address
from publishing.models import Publishable, Status, language_codes, publication_constraints
from publishing.transliteration import slugify_bg
from publishing.usage import rich_text_links


def document_upload_to(instance, filename):
    """A generated name; the title, not the uploader's file name, names the download."""
    return f"documents/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension_of(filename)}"


class DocumentKind(models.TextChoices):
    SLIDES = "slides", _("Slides")
    REPORT = "report", _("Report")
    DELIVERABLE = "deliverable", _("Project deliverable")
    OTHER = "other", _("Other")


class FileLanguage(models.TextChoices):
    BULGARIAN = "bg", _("Bulgarian")
    ENGLISH = "en", _("English")
    BOTH = "mul", _("Bulgarian and English")
    OTHER = "other", _("Other language")


class Document(Publishable):
    """A file the portal offers for download: slides, a report, a deliverable."""

    title = models.CharField(_("title"), max_length=250)
    file = models.FileField(
        _("file"),
        upload_to=document_upload_to,
        validators=[validate_document_file],
        help_text=_(
            "PDF, ODT, ODS, ODP, DOCX, XLSX or PPTX, at most 25 MB. Publish PDFs that are "
            "accessible: tagged, with real text rather than scanned pages."
        ),
    )
    file_language = models.CharField(
        _("language of the file"),
        max_length=5,
        choices=FileLanguage,
        default=FileLanguage.BULGARIAN,
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind, default=DocumentKind.OTHER
    )
    description = models.TextField(_("description"), blank=True)
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name=_("project"),
        null=True,
        blank=True,
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name=_("session"),
        null=True,
        blank=True,
        help_text=_("The programme item the document belongs to, if any."),
    )
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    file_type = models.CharField(_("file type"), max_length=10, blank=True, editable=False)

    class Meta(Publishable.Meta):
        ordering = [F("published_at").desc(nulls_first=True), "title"]
        permissions = [("publish_document", "Can publish document")]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [*publication_constraints("document")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address("documents:document-download", pk=self.pk)

    @property
    def mime_type(self):
        return DOCUMENT_TYPES.get(self.file_type, ("application/octet-stream",))[0]

    @property
    def download_name(self):
        """A readable file name for the download, made from the title."""
        stem = slugify_bg(self.title_bg or self.title or "document", max_length=60) or "document"
        return f"{stem}.{self.file_type or posixpath.splitext(self.file.name)[1].lstrip('.')}"

    def usages(self):
        """What shows the document on the site; while anything does, it cannot be deleted.

        A published document is in use on the published meeting, session or project it
        belongs to; any document is in use where rich text links to it. Unlink it (or
        unpublish it) first, then delete.
        """
        found = []
        if self.status == Status.PUBLISHED:
            owners = [self.project, self.meeting, self.session and self.session.meeting]
            found += [o for o in dict.fromkeys(owners) if o and o.status == Status.PUBLISHED]
        # The stored name, whichever host or media address a link gives in front of it.
        needles = [self.file.name if self.file else ""]
        for code in language_codes():
            with translation.override(code):
                url = address("documents:document-download", pk=self.pk)
            # Without the language prefix, so "/bg/…" and "https://host/bg/…" both match.
            needles.append("/" + url.split("/", 2)[2])
        return found + [row for row in rich_text_links(needles) if row not in found]

    def clean(self):
        super().clean()
        if self.session_id and self.meeting_id and self.session.meeting_id != self.meeting_id:
            raise ValidationError(
                {"session": _("The session belongs to another meeting than the one chosen.")}
            )

    def save(self, *args, **kwargs):
        if self.file:
            self.file_type = extension_of(self.file.name)
            # Only a new file's size is read: the stored one's was recorded when it arrived.
            if is_new_upload(self.file):
                try:
                    self.file_size = self.file.size
                except (OSError, ValueError):
                    self.file_size = 0
        if self.session_id and not self.meeting_id:
            self.meeting_id = self.session.meeting_id
        super().save(*args, **kwargs)
