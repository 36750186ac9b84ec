"""A light Bulgarian stemmer: suffix rules that bring a word's inflected forms together.

No maintained Bulgarian stemmer exists for Python (Snowball has none; BulStem's port was
last released in 2020 and needs rule files of its own), so these few rules do the work.
They strip what inflection adds, not what derivation does, and they are meant for search:
two forms of one word must meet, a stem need not be a real word.

The rules run in order on a lower-case word; none leaves fewer than three letters.

1. The definite article. "-та" follows "а"/"я", "-то" follows "о"/"е" and "-те" follows
   "и"/"е" (срещата → среща, селото → село, градовете → градове, районите → райони);
   "-ът", "-ят", "-ият" follow a consonant (градът → град, позитивният → позитивн).
   Requiring that neighbour keeps "карта", "опита" (опит + а) and "път" whole.
2. The plural "-ове"/"-еве" after a consonant (градове → град).
3. One final vowel: the feminine and neuter endings, the plural "-и", the short article
   "-а"/"-я" (среща, срещи → срещ; басейна → басейн; енергия → енерги). A word that ended
   in "-ия" or "-ии" loses the "и" too (енергия → енерг, позитивния → позитивн).
4. The adjective suffix, where adjectives keep "-ен" in the masculine and "-н-" elsewhere:
   "-иен"/"-ийн" go (енергиен, енергийна → енерг, the stem of енергия); otherwise "-ен"
   goes, or "-н" after a consonant (позитивен, позитивна → позитив; басейн → басей).

Known limits: the consonant changes of some plurals (ученик → ученици) and verbs are not
handled; short words (three letters or fewer) are left as they are.
"""

MIN_STEM = 3
VOWELS = set("аеиоуъюя")
# article -> the letters it may follow
ARTICLES_AFTER_VOWEL = {"та": "ая", "то": "ое", "те": "ие"}
ARTICLES_AFTER_CONSONANT = ("ият", "ът", "ят")


def _cut(word, suffix):
    return word[: -len(suffix)] if len(word) - len(suffix) >= MIN_STEM else word


def _strip_article(word):
    for suffix, after in ARTICLES_AFTER_VOWEL.items():
        if word.endswith(suffix):
            rest = _cut(word, suffix)
            return rest if rest != word and rest[-1] in after else word
    for suffix in ARTICLES_AFTER_CONSONANT:
        if word.endswith(suffix):
            rest = _cut(word, suffix)
            return rest if rest != word and rest[-1] not in VOWELS else word
    return word


def _strip_plural(word):
    for suffix in ("ове", "еве"):
        if word.endswith(suffix):
            rest = _cut(word, suffix)
            if rest != word and rest[-1] not in VOWELS:
                return rest
    return word


def _strip_vowel(word):
    if word[-1] not in VOWELS:
        return word
    rest = _cut(word, word[-1])
    if rest != word and word[-2:] in ("ия", "ии") and rest.endswith("и"):
        rest = _cut(rest, "и")
    return rest


def _strip_adjective(word):
    for suffix in ("иен", "ийн"):
        if word.endswith(suffix):
            return _cut(word, suffix)
    if word.endswith("ен"):
        return _cut(word, "ен")
    if word.endswith("н") and len(word) > MIN_STEM and word[-2] not in VOWELS:
        return _cut(word, "н")
    return word


def stem(word):
    """The stem of a lower-case Bulgarian word."""
    if len(word) <= MIN_STEM:
        return word
    for rule in (_strip_article, _strip_plural, _strip_vowel, _strip_adjective):
        word = rule(word)
    return word
