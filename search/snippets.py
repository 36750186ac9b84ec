"""The passage of a result that shows why it was found, with the matched words marked.

Made in Python from the stored text, so it is the same on every database. Everything
is escaped; only the <mark> tags around matched words are markup.
"""

import functools

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import text

WORDS_AROUND = 14
SNIPPET_WORDS = 32
# A passage is looked for this far into a text (a document's file can be long).
SCANNED_CHARACTERS = 30_000


@functools.lru_cache(maxsize=50_000)
def _terms_of(word):
    stem, latin = text.analyse(text.fold(word))
    return (stem, latin[1]) if latin else (stem,)


def _matches(word, wanted):
    return any(term in wanted for term in _terms_of(word))


def snippet(body, wanted):
    """An escaped passage of body around the densest run of wanted terms, or its start."""
    tokens = list(text.WORD.finditer(body, 0, SCANNED_CHARACTERS))
    if not tokens:
        return ""
    hits = [index for index, token in enumerate(tokens) if _matches(token.group(), wanted)]
    start = 0
    if hits:
        best = max(hits, key=lambda index: sum(1 for hit in hits if index <= hit < index + 12))
        start = max(best - WORDS_AROUND, 0)
    end = min(start + SNIPPET_WORDS, len(tokens))
    begin_at = tokens[start].start()
    finish_at = tokens[end - 1].end()
    if end == len(tokens):
        # The passage ends the text: its last full stop belongs to it.
        finish_at = len(body.rstrip()) if len(body) <= SCANNED_CHARACTERS else finish_at
    marked = set(hits)
    parts, position = [], begin_at
    for index in range(start, end):
        token = tokens[index]
        parts.append(escape(body[position : token.start()]))
        word = escape(token.group())
        parts.append(f"<mark>{word}</mark>" if index in marked else word)
        position = token.end()
    parts.append(escape(body[position:finish_at]))
    prefix = "… " if begin_at > 0 else ""
    suffix = " …" if finish_at < len(body) else ""
    return mark_safe(prefix + "".join(parts).replace("\n", " ") + suffix)
