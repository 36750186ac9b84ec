"""The passage of a result that shows why it was found, with the matched words marked.

Made in Python from the stored text, so it is the same on every database. Everything
is escaped; only the <mark> tags around matched words are markup.
"""

import functools
from html import escape

from django.utils.safestring import mark_safe

from publishing.transliteration import BG_TO_LATIN

from . import text

WORDS_AROUND = 14
SNIPPET_WORDS = 32
# A passage is looked for at the start of a text first, then this far into it (a
# document's file can be long).
FIRST_SCAN = 3_000
SCANNED_CHARACTERS = 30_000


@functools.lru_cache(maxsize=50_000)
def _terms_of(word):
    stem, latin = text.analyse(text.fold(word))
    return (stem, latin[1]) if latin else (stem,)


def _matches(word, wanted):
    return not wanted.isdisjoint(_terms_of(word))


def _first_letters(wanted):
    """The first letters a word may have to be one of the wanted terms, in either script."""
    firsts = {term[0] for term in wanted if term}
    firsts |= {cyrillic for cyrillic, latin in BG_TO_LATIN.items() if latin[0] in firsts}
    return firsts


def snippet(body, wanted):
    """An escaped passage of body around the densest run of wanted terms, or its start."""
    firsts = _first_letters(wanted)
    for limit in (FIRST_SCAN, SCANNED_CHARACTERS):
        tokens = list(text.WORD.finditer(body, 0, limit))
        starts = "".join(body[token.start()] for token in tokens)
        # Most words are told apart by their first letter, without stemming them; the
        # letters are folded once each, not once per word.
        may_match = {letter for letter in set(starts) if text.fold(letter)[:1] in firsts}
        hits = [
            index
            for index, letter in enumerate(starts)
            if letter in may_match and _matches(tokens[index].group(), wanted)
        ]
        if hits or limit >= len(body):
            break
    if not tokens:
        return ""
    start = 0
    if hits:
        best = max(hits, key=lambda index: sum(1 for hit in hits if index <= hit < index + 12))
        start = max(best - WORDS_AROUND, 0)
    end = min(start + SNIPPET_WORDS, len(tokens))
    begin_at = tokens[start].start()
    finish_at = tokens[end - 1].end()
    if end == len(tokens) and len(body) <= limit:
        # The passage ends the text: its last full stop belongs to it.
        finish_at = len(body.rstrip())
    # The text between marked words is escaped in one piece each (the standard library's
    # escape: a passage of 32 words escaped word by word through Django's cost a search
    # page about 4 ms).
    parts, position = [], begin_at
    for index in (hit for hit in hits if start <= hit < end):  # in order, each once
        token = tokens[index]
        parts.append(escape(body[position : token.start()]))
        parts.append(f"<mark>{escape(token.group())}</mark>")
        position = token.end()
    parts.append(escape(body[position:finish_at]))
    prefix = "… " if begin_at > 0 else ""
    suffix = " …" if finish_at < len(body.rstrip()) else ""
    return mark_safe(prefix + "".join(parts).replace("\n", " ") + suffix)
