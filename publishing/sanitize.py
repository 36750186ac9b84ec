"""Rich-text cleaning: only the markup the editor itself can produce is kept."""

import re

import nh3

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "u",
        "s",
        "sub",
        "sup",
        "a",
        "ul",
        "ol",
        "li",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan", "scope"},
}
# The editor's list styles (1, a, A, i, I); any other value is dropped, not the list.
ALLOWED_ATTRIBUTE_VALUES = {"ol": {"type": {"1", "a", "A", "i", "I"}}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# The editor's configuration, kept beside the allow-list so the two are changed together.
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
    # No "open in new window": without target="_blank" links need no rel="noopener".
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}

_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    tag_attribute_values={
        tag: {name: set(values) for name, values in names.items()}
        for tag, names in ALLOWED_ATTRIBUTE_VALUES.items()
    },
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
# The editor saves an untouched field as one empty paragraph; store it as empty text so
# that `if article.body` means what it says.
_EMPTY_BLOCK = re.compile(r"^<(\w+)></\1>$")


def sanitize_html(html: str | None) -> str:
    """Return html with everything outside the editor's allow-list removed."""
    if not html:
        return ""
    cleaned = _cleaner.clean(str(html)).strip()
    if _EMPTY_BLOCK.match(cleaned):
        return ""
    return cleaned
