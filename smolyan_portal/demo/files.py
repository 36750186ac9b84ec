"""Small, valid documents written byte by byte: a one-page PDF and an OpenDocument text."""

import io
import textwrap
import zipfile
from xml.sax.saxutils import escape

PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT = 595, 842  # A4 in points
PDF_MARGIN = 56
ODT_MIME_TYPE = "application/vnd.oasis.opendocument.text"


def _pdf_string(text):
    """A PDF literal string in WinAnsiEncoding, the encoding of the standard fonts."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_text_operators(blocks):
    """Content-stream operators that set each (style, text) block line by line, top down."""
    styles = {"title": (b"/F2", 16, 22), "heading": (b"/F2", 12, 18), "text": (b"/F1", 10, 14)}
    out = [b"BT"]
    y = PDF_PAGE_HEIGHT - PDF_MARGIN
    for style, text in blocks:
        font, size, leading = styles[style]
        if style != "text":
            y -= leading // 2
        width = 88 if style == "text" else 56
        for line in textwrap.wrap(text, width) or [""]:
            y -= leading
            out.append(b"%s %d Tf 1 0 0 1 %d %d Tm" % (font, size, PDF_MARGIN, y))
            out.append(_pdf_string(line) + b" Tj")
    out.append(b"ET")
    if y < PDF_MARGIN:
        raise ValueError("The text does not fit on one page.")
    return b"\n".join(out) + b"\n"


def make_pdf(title, blocks, language="en-GB"):
    """A one-page PDF with real, selectable text in Helvetica.

    `blocks` is a list of (style, text) with style "title", "heading" or "text". The standard
    fonts cover Latin script only, so the text must be encodable in Windows-1252.
    """
    stream = _pdf_text_operators(blocks)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang %s /ViewerPreferences << /DisplayDocTitle true >> >>"
        % _pdf_string(language),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>"
        % (PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title %s /Producer (Smolyan portal demo content) >>" % _pdf_string(title),
    ]
    # The binary comment on line two tells file-transfer tools that the file is not text.
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_offset = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    # Each cross-reference entry is exactly 20 bytes, its end of line included.
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(out)


# Paragraph styles that mark a passage in another language than the document's, so that
# spell checkers and screen readers treat it right.
ODT_LANGUAGES = {"bg": ("bg", "BG"), "en": ("en", "GB")}


def make_odt(title, blocks, language="bg"):
    """An OpenDocument text with a title, headings and paragraphs.

    `blocks` is a list of (style, text) or (style, text, language) with style "title",
    "heading" or "text"; a block without a language is in the document's language.
    """
    body = []
    for style, text, *other in blocks:
        lang = other[0] if other else language
        attributes = f' text:style-name="lang-{lang}"' if lang != language else ""
        if style == "text":
            body.append(f"<text:p{attributes}>{escape(text)}</text:p>")
        else:
            level = 1 if style == "title" else 2
            body.append(f'<text:h{attributes} text:outline-level="{level}">{escape(text)}</text:h>')
    automatic_styles = "".join(
        f'<style:style style:name="lang-{code}" style:family="paragraph">'
        f'<style:text-properties fo:language="{lang}" fo:country="{country}"/></style:style>'
        for code, (lang, country) in ODT_LANGUAGES.items()
        if code != language
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.3">'
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        "<office:body><office:text>" + "".join(body) + "</office:text></office:body>"
        "</office:document-content>"
    )
    lang, country = ODT_LANGUAGES[language]
    styles = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.3"><office:styles>'
        '<style:default-style style:family="paragraph"><style:text-properties '
        f'fo:language="{lang}" fo:country="{country}"/></style:default-style>'
        "</office:styles></office:document-styles>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
        f"<dc:title>{escape(title)}</dc:title><dc:language>{language}</dc:language>"
        "</office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIME_TYPE}" '
        'manifest:version="1.3"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # The package format asks for "mimetype" first and stored as it is, so that a reader
        # can recognise the file from its first bytes.
        archive.writestr(
            zipfile.ZipInfo("mimetype", date_time=(2023, 6, 21, 0, 0, 0)),
            ODT_MIME_TYPE,
            compress_type=zipfile.ZIP_STORED,
        )
        for name, text in (
            ("content.xml", content),
            ("styles.xml", styles),
            ("meta.xml", meta),
            ("META-INF/manifest.xml", manifest),
        ):
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2023, 6, 21, 0, 0, 0)),
                text,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return buffer.getvalue()
