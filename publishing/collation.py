"""Alphabetical order as a reader of the page expects it.

A Bulgarian reader looks for „Арексим“ under А: quotes and punctuation do not count, a
letter with a diacritic files with its base letter (Písek with P), and a Bulgarian list
puts Cyrillic before Latin, an English one Latin first. The lists that pages sort by name
hold a few dozen items, so they are sorted here in Python: the same order on SQLite and on
PostgreSQL, whatever collations either database was built with.
"""

import functools
import unicodedata

from django.conf import settings
from django.utils.translation import get_language

SPACE, DIGIT, FIRST_SCRIPT, SECOND_SCRIPT, OTHER = range(5)


def _script(char):
    """The script of a character: CYRILLIC, LATIN or another, from its Unicode name."""
    return unicodedata.name(char, "").split(" ", 1)[0]


def _base_letter(char):
    # Only Latin letters lose their marks: Bulgarian й is a letter of its own, not и.
    if _script(char) == "LATIN":
        return unicodedata.normalize("NFKD", char)[0]
    return char


def _weights(text, first_script):
    for char in text:
        if char.isspace():
            yield (SPACE, 0)
        elif char.isdigit():
            yield (DIGIT, int(char) if char.isdecimal() else ord(char))
        elif char.isalpha():
            base = _base_letter(char)
            script = _script(base)
            if script == first_script:
                rank = FIRST_SCRIPT
            elif script in {"LATIN", "CYRILLIC"}:
                rank = SECOND_SCRIPT
            else:
                rank = OTHER
            yield (rank, ord(base))
        # Anything else (quotes, dashes, dots, brackets) does not count.


def sort_key(text, language=None):
    """The key that puts `text` in its alphabetical place for a page in `language`."""
    return _key(str(text), _first_script(language))


def _first_script(language):
    # The page's own script first: the language of the page when none is given.
    language = language or get_language() or settings.LANGUAGE_CODE
    return "CYRILLIC" if language == "bg" else "LATIN"


# The same names are sorted on every request: each key is worked out once per process.
@functools.lru_cache(maxsize=8192)
def _key(text, first_script):
    folded = unicodedata.normalize("NFC", text).casefold()
    # Collapse runs of spaces left where punctuation stood, so "A – B" sorts as "A B".
    words = " ".join("".join(c for c in word if c.isalnum()) for word in folded.split())
    primary = tuple(_weights(" ".join(words.split()), first_script))
    # Names equal but for case or marks keep a fixed order between themselves.
    return primary, folded, str(text)


def by_name(items, attribute="name", language=None):
    """The items sorted by an attribute (a name, a title) in alphabetical order."""
    first_script = _first_script(language)
    return sorted(items, key=lambda item: _key(str(getattr(item, attribute)), first_script))


def by_text(options, language=None):
    """Options of a filter (anything with a `text`) in alphabetical order."""
    return by_name(options, "text", language)
