"""Text as the index sees it: folded, cut into words, stemmed, with Cyrillic also in Latin.

The same Python code prepares what is indexed and what is searched for, whatever the
database, so SQLite and PostgreSQL compare identical terms:

- case and accents go ("Písek" → "pisek", "СМОЛЯН" → "смолян"); the Cyrillic "й" keeps its
  breve, being a letter of its own;
- a Cyrillic word is stemmed by the Bulgarian rules (search.bulgarian), a Latin word by
  Snowball's English stemmer;
- each Cyrillic word is also written in Latin letters by the official transliteration
  (publishing.transliteration), so "Zahariev" finds "Захариев".
"""

import functools
import html
import re
import threading
import unicodedata
from html.parser import HTMLParser

import snowballstemmer

from publishing.transliteration import transliterate_bg

from . import bulgarian

WORD = re.compile(r"[^\W_]+")
# Longer runs are not words (hashes, encoded data in a PDF) and would bloat the index.
MAX_WORD_LENGTH = 40
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Combining marks, except the breve that makes "и" into "й".
ACCENTS = re.compile(r"(?<!и)\u0306|[\u0300-\u0305\u0307-\u036f\u1ab0-\u1aff\u1dc0-\u1dff]")
# Latin letters that are not a base letter with an accent, so decomposing leaves them.
LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ı": "i"})
# Text without these (plain Bulgarian and English) folds by casefold() alone.
NEEDS_MORE = re.compile(
    r"[\u00c0-\u024f\u0300-\u036f\u0400-\u040f\u0450-\u045f\u1ab0-\u1aff\u1dc0-\u1eff]"
)

_stemmers = threading.local()


def fold(text):
    """Lower case without accents, for comparing: "Písek" → "pisek"."""
    text = text.casefold()
    if text.isascii() or not NEEDS_MORE.search(text):
        return text
    text = ACCENTS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", text).translate(LETTERS)


def words(text):
    """The folded words of a text, in order."""
    return [word for word in WORD.findall(fold(text)) if len(word) <= MAX_WORD_LENGTH]


@functools.lru_cache(maxsize=100_000)
def _english(word):
    # Snowball's stemmer objects keep state while they work: one per thread.
    stemmer = getattr(_stemmers, "english", None)
    if stemmer is None:
        stemmer = _stemmers.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


@functools.lru_cache(maxsize=100_000)
def analyse(word):
    """(term, latin): a folded word's index term, and for Cyrillic its Latin (word, term)."""
    if CYRILLIC.search(word):
        latin = fold(transliterate_bg(word))
        return bulgarian.stem(word), (latin, _english(latin))
    if word.isascii() and word.isalpha():
        return _english(word), None
    return word, None


def term(word):
    """The index term of one folded word."""
    return analyse(word)[0]


def terms(text, vocabulary=None):
    """The terms of a text in order, then, if it has Cyrillic, all of them again in Latin.

    The Latin copy keeps the order too, so a phrase in Latin letters ("Shiroka Laka")
    matches the transliterated words next to each other. A `vocabulary` dict given is
    filled with {word: term} along the way.
    """
    found_words = words(text)
    analysed = [analyse(word) for word in found_words]
    if vocabulary is not None:
        _collect(vocabulary, found_words, analysed)
    main = [found for found, _latin in analysed]
    if not any(latin for _found, latin in analysed):
        return main
    latin = [pair[1] if pair else found for found, pair in analysed]
    return main + latin


def vocabulary(text):
    """{word: term} for every word of a text and every Latin spelling of its Cyrillic words."""
    found_words = words(text)
    found = {}
    _collect(found, found_words, [analyse(word) for word in found_words])
    return found


def _collect(found, found_words, analysed):
    for word, (stem, latin) in zip(found_words, analysed, strict=True):
        if word.isdigit():
            continue
        found[word] = stem
        if latin:
            found[latin[0]] = latin[1]


class _TextParser(HTMLParser):
    BLOCKS = {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "td",
        "th",
        "section",
        "blockquote",
        "dt",
        "dd",
        "figcaption",
        "table",
        "main",
        "article",
    }
    SKIPPED = {"script", "style", "form", "template", "noscript", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup):
    """The readable text of HTML: tags gone, blocks on lines of their own, spaces tidied."""
    if not markup:
        return ""
    if "<" not in markup:
        return clean(html.unescape(markup))
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return clean("".join(parser.parts))


def clean(text):
    """NFC text with runs of spaces made one and blank lines dropped."""
    text = unicodedata.normalize("NFC", text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def trigrams(word):
    """The trigrams PostgreSQL's pg_trgm makes of one word, so both databases agree."""
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def similarity(first, second):
    """pg_trgm's similarity() of two single words: shared trigrams over all trigrams."""
    if first is None or second is None:
        return None
    a, b = trigrams(first), trigrams(second)
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def edit_distance(first, second):
    """Damerau–Levenshtein distance (with adjacent swaps), for telling typos from words."""
    previous_previous = None
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = 0 if a == b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                value = min(value, previous_previous[j - 2] + 1)
            current.append(value)
        previous_previous, previous = previous, current
    return previous[-1]
