import pytest
from django_prose_editor.config import allowlist_from_extensions

from publishing.fields import RichTextField
from publishing.sanitize import (
    ALLOWED_TAGS,
    RICH_TEXT_EXTENSIONS,
    URL_SCHEMES,
    sanitize_html,
)


@pytest.mark.parametrize(
    ("html", "clean"),
    [
        ("<p>Здравей</p><script>alert(1)</script>", "<p>Здравей</p>"),
        ('<p onclick="steal()">a</p><img src="x" onerror="alert(1)">', "<p>a</p>"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,hi">x</a>', "<a>x</a>"),
        ("<h1>Заглавие</h1>", "Заглавие"),
        ("<style>p { color: red }</style><p>x</p>", "<p>x</p>"),
        ('<iframe src="https://example.com"></iframe><p>x</p>', "<p>x</p>"),
        ('<p class="big" id="top" style="color: red">x</p>', "<p>x</p>"),
        ("<!-- note --><p>x<br>y</p>", "<p>x<br>y</p>"),
        (
            '<a href="https://e.eu" target="_blank" rel="opener">e</a>',
            '<a href="https://e.eu">e</a>',
        ),
        ('<ol type="disc"><li>x</li></ol>', "<ol><li>x</li></ol>"),
    ],
)
def test_dangerous_or_foreign_markup_is_removed(html, clean):
    assert sanitize_html(html) == clean


def test_the_editors_markup_is_kept():
    html = (
        "<h2>Програма</h2><h3>Ден 1</h3><h4>Сутрин</h4>"
        "<p><strong>a</strong> <em>b</em> <u>c</u> <s>d</s> H<sub>2</sub>O m<sup>2</sup></p>"
        '<p><a href="https://smolyan.bg/" title="Община">сайт</a> '
        '<a href="/bg/novini/">новини</a> <a href="mailto:eu@smolyan.bg">поща</a> '
        '<a href="tel:+35930162000">телефон</a></p>'
        "<blockquote><p>цитат</p></blockquote><hr>"
        '<ul><li>едно</li></ul><ol start="3" type="i"><li>три</li></ol>'
        '<table><thead><tr><th scope="col" colspan="2">Град</th></tr></thead>'
        '<tbody><tr><td rowspan="2">Смолян</td><td>BG</td></tr></tbody></table>'
    )
    assert sanitize_html(html) == html


@pytest.mark.parametrize("empty", [None, "", "   ", "<p></p>", "<script>x</script>"])
def test_empty_input_gives_empty_text(empty):
    assert sanitize_html(empty) == ""


def test_editor_offers_exactly_the_allowed_tags():
    editor = allowlist_from_extensions(RICH_TEXT_EXTENSIONS)
    assert editor["tags"] == set(ALLOWED_TAGS)
    assert editor["url_schemes"] == set(URL_SCHEMES)
    # The editor must not offer links that open a new window.
    assert "target" not in editor["attributes"]["a"]


def test_rich_text_field_deconstructs_to_itself_without_its_configuration():
    field = RichTextField("body", blank=True, help_text="Text")
    name, path, args, kwargs = field.deconstruct()
    assert path == "publishing.fields.RichTextField"
    assert args == []
    assert kwargs == {"blank": True, "help_text": "Text", "verbose_name": "body"}
    rebuilt = RichTextField(*args, **kwargs)
    assert rebuilt.deconstruct()[3] == kwargs


def test_rich_text_field_uses_the_site_sanitiser():
    field = RichTextField(blank=True)
    assert field.sanitize is sanitize_html
    assert field.config["extensions"] == RICH_TEXT_EXTENSIONS
    assert field.config["extensions"] is not RICH_TEXT_EXTENSIONS
    dirty = '<p onmouseover="x()">a</p><script>b</script>'
    assert field.clean(dirty, None) == "<p>a</p>"
    form_field = field.formfield()
    assert form_field.clean(dirty) == "<p>a</p>"
