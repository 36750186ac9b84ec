"""Bulgarian transliteration as the Transliteration Act (2009) prescribes it."""

import re

from django.utils.text import slugify

BG_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
}

_WORD = re.compile(r"\w+")


def _transliterate_word(word: str) -> str:
    # The Act writes the country's own name as "Bulgaria", not by the table ("Balgaria").
    if word.lower() == "българия":
        if len(word) > 1 and word.isupper():
            return "BULGARIA"
        return "Bulgaria" if word[0].isupper() else "bulgaria"
    # A multi-letter Latin value is written in capitals only inside an all-capitals word
    # ("ЩИТ" -> "SHTIT"); otherwise only its first letter is ("Щит" -> "Shtit").
    shouting = len(word) > 1 and word.isupper()
    # The Act's one exception: "ия" ending a word is written "ia" (България -> Bulgaria).
    ends_in_ia = len(word) >= 2 and word[-2:].lower() == "ия"
    out = []
    for index, char in enumerate(word):
        lower = char.lower()
        latin = BG_TO_LATIN.get(lower)
        if latin is None:
            out.append(char)
            continue
        if ends_in_ia and index == len(word) - 1:
            latin = "a"
        if char != lower:
            latin = latin.upper() if shouting else latin.capitalize()
        out.append(latin)
    return "".join(out)


def transliterate_bg(text: str) -> str:
    """Write Bulgarian Cyrillic in Latin letters; other characters pass through."""
    return _WORD.sub(lambda match: _transliterate_word(match.group()), text)


def slugify_bg(text: str, max_length: int = 80) -> str:
    """Make an ASCII slug of at most max_length characters, cut between words if possible."""
    slug = slugify(transliterate_bg(text))
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    if slug[max_length] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]
    return cut.rstrip("-")
