"""Rich text: one allow-list, the editor's; cleaned on the way in and on the way out."""

import json
from pathlib import Path

import pytest
from django.core import serializers
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation
from django.utils.html import conditional_escape
from django_prose_editor.config import allowlist_from_extensions

from events.models import Meeting
from news.models import Article
from partners.models import Partner
from projects.models import Project
from publishing.fields import RichText, RichTextField
from publishing.sanitize import RICH_TEXT_EXTENSIONS, sanitize_html
from smolyan_portal.models import AccessibilityStatement
from tests.factories import make_article, make_meeting, make_partner, make_project

REPOSITORY = Path(__file__).resolve().parent.parent.parent
DIRTY = (
    '<p onclick="steal()">Здравей<script>alert(1)</script></p>'
    '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">връзка</a>'
)
DANGERS = ("alert(", "onclick=", "onerror=", "javascript:", 'src="x"')


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
        ('<a href="https://e.eu" target="_blank">e</a>', '<a href="https://e.eu">e</a>'),
        ('<th scope="col" style="x">a</th>', "a"),
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
        '<table><thead><tr><th colspan="2">Град</th></tr></thead>'
        '<tbody><tr><td rowspan="2">Смолян</td><td>BG</td></tr></tbody></table>'
    )
    assert sanitize_html(html) == html


@pytest.mark.parametrize("empty", [None, "", "   ", "<p></p>", "<script>x</script>"])
def test_empty_input_gives_empty_text(empty):
    assert sanitize_html(empty) == ""


def test_the_allow_list_is_the_one_the_editor_is_configured_with():
    allowed = allowlist_from_extensions(RICH_TEXT_EXTENSIONS)
    assert {"h2", "h3", "h4", "a", "table", "blockquote"} <= allowed["tags"]
    # The title is the page's <h1>; pictures come through the image models, with alt text.
    assert not {"h1", "h5", "img", "figure", "span", "div"} & allowed["tags"]
    assert allowed["url_schemes"] == {"http", "https", "mailto", "tel"}
    # No link opens a new window.
    assert "target" not in allowed["attributes"]["a"]


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


def test_stored_rich_text_is_shown_cleaned_and_edited_as_it_is():
    text = RichText('<p>a</p><script>alert(1)</script><a href="javascript:x()">b</a>')
    assert conditional_escape(text) == "<p>a</p><a>b</a>"
    assert Template("{{ text }}").render(Context({"text": text})) == "<p>a</p><a>b</a>"
    # The editor's textarea gets the stored text, escaped, not a cleaned copy.
    assert str(text) == text and type(str(text)) is str


# Every way a row can be written, and what a visitor then sees.


@pytest.mark.django_db
def test_a_plain_save_stores_clean_html_and_the_instance_holds_it():
    article = make_article(body_bg=DIRTY, body_en=DIRTY)
    assert article.body_bg == "<p>Здравей</p><a>връзка</a>"
    article.refresh_from_db()
    assert article.body_bg == article.body_en == "<p>Здравей</p><a>връзка</a>"
    article.body_en = '<p><a href="https://smolyan.bg/" onclick="x()">сайт</a></p>'
    with translation.override("en"):
        article.save()
    article.refresh_from_db()
    assert article.body_en == '<p><a href="https://smolyan.bg/">сайт</a></p>'
    assert article.body_bg == "<p>Здравей</p><a>връзка</a>"


def published_pages():
    """One published page of each model with rich text, and its rich-text columns."""
    meeting = make_meeting()
    return [
        (make_article(), ["body"]),
        (meeting, ["body", "outcomes"]),
        (make_partner(), ["description"]),
        (make_project(), ["description"]),
        (
            AccessibilityStatement.current(),
            ["non_accessible_content", "preparation_details", "enforcement_procedure"],
        ),
    ]


def assert_shown_clean(client, obj, language):
    with translation.override(language):
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
    url = url or {"bg": "/bg/dostapnost/", "en": "/en/accessibility/"}[language]
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert "Здравей" in html, url
    for danger in DANGERS:
        assert danger not in html, (url, danger)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_html_written_by_a_queryset_update_is_shown_clean(client, language):
    for obj, fields in published_pages():
        values = {f"{name}_{code}": DIRTY for name in fields for code in ("bg", "en")}
        type(obj).objects.filter(pk=obj.pk).update(**values)
        assert getattr(type(obj).objects.get(pk=obj.pk), f"{fields[0]}_{language}") == DIRTY
        assert_shown_clean(client, obj, language)


@pytest.mark.django_db
def test_html_loaded_from_a_fixture_is_shown_clean(client, tmp_path):
    pages = published_pages()
    rows = json.loads(serializers.serialize("json", [obj for obj, _fields in pages]))
    for row, (_obj, fields) in zip(rows, pages, strict=True):
        for name in fields:
            for column in (name, f"{name}_bg", f"{name}_en"):
                row["fields"][column] = DIRTY
    fixture = tmp_path / "dirty.json"
    fixture.write_text(json.dumps(rows), encoding="utf-8")
    call_command("loaddata", str(fixture), verbosity=0)
    assert Article.objects.get(pk=pages[0][0].pk).body_bg == DIRTY
    for obj, _fields in pages:
        for language in ("bg", "en"):
            assert_shown_clean(client, obj, language)


def test_no_template_can_print_text_unescaped():
    """`|safe` would turn rich text into a plain string and show it as it was written."""
    models = (Article, Meeting, Partner, Project, AccessibilityStatement)
    assert all(any(isinstance(f, RichTextField) for f in m._meta.fields) for m in models)
    found = []
    roots = [REPOSITORY / "templates", *REPOSITORY.glob("*/templates")]
    for template in (path for root in roots for path in root.rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        if "|safe" in text or "autoescape off" in text:
            found.append(str(template.relative_to(REPOSITORY)))
    assert found == []
