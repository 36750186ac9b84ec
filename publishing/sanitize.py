"""Rich-text cleaning: what the editor can make is what is kept, and nothing else.

The editor's configuration below is the only list. django-prose-editor derives its nh3
allow-list from it (tags, attributes, link schemes), so the toolbar and the cleaning can
never disagree. The one function built from it cleans rich text on the way in (forms,
full_clean(), every save of a RichTextField) and on the way out (publishing.fields.RichText,
whatever wrote the row).
"""

from django_prose_editor.fields import create_sanitizer

URL_SCHEMES = ("http", "https", "mailto", "tel")

# The page's <h1> is the title, so headings start at level 2. Figures are left out: the
# editor's figure needs <img>, and pictures come through the image models, which carry
# alt text in both languages.
RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    # No "open in new window": without a target, links need no rel="noopener", and a
    # rel that is kept does nothing.
    "Link": {"enableTarget": False, "protocols": list(URL_SCHEMES)},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}

_clean = create_sanitizer(RICH_TEXT_EXTENSIONS)


def sanitize_html(html: str | None) -> str:
    """Return html with everything the editor cannot make removed; "" for empty text.

    The editor saves an untouched field as one empty paragraph: that is stored as empty
    text, so that `if article.body` means what it says.
    """
    if not html:
        return ""
    return _clean(str(html).strip())
