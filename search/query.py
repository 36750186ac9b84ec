"""What a visitor typed, made into words to look up: cleaned, limited, widened for typos.

Words in quotes ("positive energy") are a phrase: each of them must occur, and items
where they stand together rank first. A word the index does not know is widened to the
known words one or two typos away; when nothing is found at all, the closest known word
is offered as "did you mean".
"""

import re
import unicodedata
from dataclasses import dataclass, field

from . import text

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
# Shorter words have too many neighbours one typo away to guess which was meant.
MIN_TYPO_LENGTH = 4
# Longer "words" are not typed by people; looking for their neighbours would only cost.
MAX_TYPO_LENGTH = 20
QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "″": '"'})
PHRASE = re.compile(r'"([^"]*)"')
# Control characters (NUL among them) and lone surrogates, which no text may hold.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class Problem:
    TOO_LONG = "too_long"
    NO_WORDS = "no_words"


@dataclass
class Word:
    text: str
    term: str
    terms: set = field(default_factory=set)
    known: bool = True
    close: list = field(default_factory=list)  # known words it was widened to
    suggestion: str = ""  # the closest known word, for "did you mean"


@dataclass
class Query:
    raw: str
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)  # lists of indexes into words
    problem: str = ""
    cut: bool = False  # more than MAX_WORDS were typed

    @property
    def groups(self):
        return [sorted(word.terms) for word in self.words]

    @property
    def all_terms(self):
        return set().union(*(word.terms for word in self.words)) if self.words else set()

    def phrase_terms(self):
        return [[self._main_term(self.words[index]) for index in phrase] for phrase in self.phrases]

    @staticmethod
    def _main_term(word):
        if word.known or not word.close:
            return word.term
        return text.term(word.close[0])

    @property
    def widened(self):
        return [word for word in self.words if word.close]


def clean(raw):
    raw = UNPRINTABLE.sub(" ", raw or "")
    return " ".join(unicodedata.normalize("NFC", raw).split())


def parse(raw):
    """The words and phrases of what was typed; `problem` says why there are none."""
    raw = clean(raw)
    query = Query(raw=raw)
    if len(raw) > MAX_QUERY_LENGTH:
        query.problem = Problem.TOO_LONG
        return query
    quoted = raw.translate(QUOTES)
    segments, last = [], 0
    for match in PHRASE.finditer(quoted):
        segments.append((quoted[last : match.start()], False))
        segments.append((match.group(1), True))
        last = match.end()
    segments.append((quoted[last:].replace('"', " "), False))
    index_of = {}
    for segment, is_phrase in segments:
        phrase = []
        for typed in text.words(segment):
            stem = text.term(typed)
            if stem not in index_of:
                if len(query.words) == MAX_WORDS:
                    query.cut = True
                    continue
                index_of[stem] = len(query.words)
                query.words.append(Word(text=typed, term=stem, terms={stem}))
            phrase.append(index_of[stem])
        if is_phrase and len(phrase) > 1:
            query.phrases.append(phrase)
    if not query.words:
        query.problem = Problem.NO_WORDS
    return query


def _may_be_a_typo(word):
    return MIN_TYPO_LENGTH <= len(word.text) <= MAX_TYPO_LENGTH and not word.text.isdigit()


def _typos_allowed(word):
    return 1 if len(word) < 8 else 2


def widen(query, backend):
    """Look the words up; unknown ones take on the known words close to them.

    One query finds which terms the index knows; a second, only when some word is
    unknown, finds the words spelt like it.
    """
    if not query.words:
        return query
    known_terms = {term for _word, term in backend.words(sorted({w.term for w in query.words}), [])}
    unknown = []
    for word in query.words:
        word.known = word.term in known_terms
        if not word.known and _may_be_a_typo(word):
            unknown.append(word)
    if not unknown:
        return query
    rows = backend.words([], sorted({word.text for word in unknown}))
    for word in unknown:
        scored = []
        for other, term in rows:
            similarity = text.similarity(word.text, other)
            if other != word.text and similarity >= 0.3:
                distance = text.edit_distance(word.text, other)
                scored.append((distance, -similarity, other, term))
        scored.sort()
        if scored:
            word.suggestion = scored[0][2]
        for distance, _similarity, other, term in scored:
            if distance <= _typos_allowed(word.text):
                word.close.append(other)
                word.terms.add(term)
    return query


def suggestion(query):
    """The query with each unknown word replaced by its closest known word, or ""."""
    if not any(word.suggestion for word in query.words):
        return ""
    return " ".join(word.suggestion or word.text for word in query.words)
