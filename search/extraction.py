"""The text inside an uploaded document, read once when it is indexed.

PDF through pypdf; DOCX through python-docx (both maintained). The OpenDocument formats
(ODT, ODS, ODP) are read with the standard library: the ISO standard puts all their text
in one XML part, content.xml, and its only maintained Python reader (odfpy) had its last
release in 2020. Other types (XLSX, PPTX) are indexed by their title and description.

A file that cannot be read gives no text, and the document is indexed by its metadata:
an upload is never refused because of its search text.
"""

import logging
import posixpath
import zipfile
from xml.etree import ElementTree

from .text import clean

logger = logging.getLogger(__name__)

# Enough for any report; a longer text would only slow the index down.
MAX_TEXT_LENGTH = 100_000
MAX_PDF_PAGES = 300
# content.xml of a 25 MB upload can unpack far larger; it is not read past this size.
MAX_XML_BYTES = 50 * 1024 * 1024
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_BLOCKS = {f"{{{ODF_TEXT}}}{tag}" for tag in ("p", "h")}
# Elements that stand for white space between the words around them.
ODF_SPACES = {f"{{{ODF_TEXT}}}{tag}" for tag in ("s", "tab", "line-break")}


def _pdf_text(file):
    from pypdf import PdfReader

    reader = PdfReader(file)
    parts, length = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length > MAX_TEXT_LENGTH:
            break
    return "\n".join(parts)


def _docx_text(file):
    import docx

    document = docx.Document(file)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _odf_text(file):
    with zipfile.ZipFile(file) as archive:
        if archive.getinfo("content.xml").file_size > MAX_XML_BYTES:
            raise ValueError("content.xml is too large to read")
        root = ElementTree.fromstring(archive.read("content.xml"))
    parts = []
    _odf_collect(root, parts)
    return "".join(parts)


def _odf_collect(element, parts):
    if element.tag in ODF_SPACES:
        parts.append(" ")
    parts.append(element.text or "")
    for child in element:
        _odf_collect(child, parts)
        parts.append(child.tail or "")
    if element.tag in ODF_BLOCKS:
        parts.append("\n")


READERS = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "odt": _odf_text,
    "ods": _odf_text,
    "odp": _odf_text,
}


def extract_text(field_file):
    """The text of a stored file, or "" when its type has no reader or it cannot be read."""
    extension = posixpath.splitext(field_file.name or "")[1].lower().lstrip(".")
    reader = READERS.get(extension)
    if reader is None:
        return ""
    try:
        with field_file.open("rb") as file:
            text = reader(file)
    # A parser of untrusted files fails in ways of its own (pypdf alone raises a dozen
    # kinds of error); whatever it is, the document stays searchable by its metadata.
    except Exception:
        logger.warning("Could not read the text of %s", field_file.name, exc_info=True)
        return ""
    return clean(text)[:MAX_TEXT_LENGTH]
