"""What a document upload must be: an allowed type, by its name and by its content."""

import posixpath
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from media.cleanup import is_new_upload

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024

# extension -> (MIME type, how the content is recognised)
DOCUMENT_TYPES = {
    "pdf": ("application/pdf", "pdf"),
    "odt": ("application/vnd.oasis.opendocument.text", "odf"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "odf"),
    "odp": ("application/vnd.oasis.opendocument.presentation", "odf"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "word/",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/"),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "ppt/",
    ),
}


def extension_of(name):
    """The lower-case extension of a file name, without the dot."""
    return posixpath.splitext(name or "")[1].lower().lstrip(".")


def _content_matches(file, extension):
    mime_type, signature = DOCUMENT_TYPES[extension]
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    if signature == "pdf":
        return head.lstrip()[:5] == b"%PDF-"
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if signature == "odf":
                # OpenDocument files begin with an uncompressed "mimetype" entry; its size is
                # checked before it is read, so a packed bomb is never unpacked.
                return (
                    "mimetype" in names
                    and archive.getinfo("mimetype").file_size <= 100
                    and archive.read("mimetype").decode("ascii", "replace").strip() == mime_type
                )
            return "[Content_Types].xml" in names and any(n.startswith(signature) for n in names)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False
    finally:
        file.seek(0)


def validate_document_file(file):
    """Field validator: an allowed type whose content matches its name, within 25 MB.

    Only a new upload is checked; the stored file of a row was checked when it arrived.
    """
    if not file or not is_new_upload(file):
        return
    extension = extension_of(file.name)
    if extension not in DOCUMENT_TYPES:
        raise ValidationError(
            _(
                "Files of type “.%(extension)s” are not accepted. Upload a PDF, ODT, ODS, ODP, "
                "DOCX, XLSX or PPTX file."
            ),
            code="document_type",
            params={"extension": extension or "?"},
        )
    if file.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s."),
            code="document_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    if not _content_matches(file, extension):
        raise ValidationError(
            _(
                "The file's content is not a .%(extension)s document. Check that you chose the "
                "right file."
            ),
            code="document_content",
            params={"extension": extension},
        )
