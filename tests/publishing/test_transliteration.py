import pytest

from publishing.transliteration import slugify_bg, transliterate_bg


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Смолян", "smolyan"),
        ("Широка лъка", "shiroka-laka"),
        ("Въру", "varu"),
        ("Щастие", "shtastie"),
        ("Юни", "yuni"),
        ("Цар", "tsar"),
        ("България", "bulgaria"),
        ("София", "sofia"),
        (
            "Смолян посрещна партньорите си по проект +CityxChange",
            "smolyan-posreshtna-partnyorite-si-po-proekt-cityxchange",
        ),
        ("Písek", "pisek"),
        ("", ""),
        ("!!!", ""),
    ],
)
def test_slugify_bg(text, slug):
    assert slugify_bg(text) == slug


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("абвгдежзийклмнопрстуфхцчшщъьюя", "abvgdezhziyklmnoprstufhtschshshtayyuya"),
        ("Щастие", "Shtastie"),
        ("ЩИТ", "SHTIT"),
        ("Щ", "Sht"),
        ("Юлия и Мария", "Yulia i Maria"),
        ("ИСТОРИЯ", "ISTORIA"),
        # "ия" inside a word keeps the table's "iya".
        ("Ияница", "Iyanitsa"),
        ("БЪЛГАРИЯ", "BULGARIA"),
        ("Република България", "Republika Bulgaria"),
        ("Ден 2: Písek, Чехия!", "Den 2: Písek, Chehia!"),
        ("Smart City – Смолян", "Smart City – Smolyan"),
    ],
)
def test_transliterate_bg(text, latin):
    assert transliterate_bg(text) == latin


def test_a_sentence():
    assert (
        transliterate_bg("Общината посрещна гости от Тронхайм, Лимерик и Сестао през юни.")
        == "Obshtinata posreshtna gosti ot Tronhaym, Limerik i Sestao prez yuni."
    )


def test_slug_is_cut_between_words():
    text = "Смолян посрещна партньорите си по проект +CityxChange"
    assert slugify_bg(text, max_length=20) == "smolyan-posreshtna"
    assert slugify_bg(text, max_length=18) == "smolyan-posreshtna"
    assert slugify_bg(text, max_length=7) == "smolyan"


def test_slug_without_a_break_is_cut_hard():
    assert slugify_bg("Щастие", max_length=4) == "shta"


def test_slug_never_ends_in_a_hyphen():
    for length in range(1, 60):
        slug = slugify_bg("Смолян посрещна партньорите си по проект +CityxChange", length)
        assert len(slug) <= length
        assert not slug.endswith("-")
