"""How the portal looks: its typeface, its header, project colours and marks, cards without
photos, folding filters, pictures that open large, the meeting page's summary."""

import datetime
import io
import re

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from fontTools.ttLib import TTFont

from news.models import ArticleImage
from projects.models import Colour
from tests.factories import (
    make_article,
    make_document,
    make_image_file,
    make_meeting,
    make_partner,
    make_project,
    make_session,
)

pytestmark = pytest.mark.django_db


def read_static(name):
    path = finders.find(name)
    assert path, f"{name} is not found"
    with open(path, "rb") as stream:
        return stream.read()


# The typeface


@pytest.mark.parametrize("name", ["fonts/source-sans-3.woff2", "fonts/source-sans-3-italic.woff2"])
def test_the_font_is_a_small_woff2_with_latin_and_cyrillic(name):
    data = read_static(name)
    assert data[:4] == b"wOF2"
    assert len(data) < 60_000
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    for letter in "AzÅßĂăȘșȚțŁłČ" + "АаЖжЩщЪъЮюЯя" + "„“–€№":
        assert ord(letter) in cmap, letter
    # Greek and Vietnamese are cut away.
    assert ord("Ω") not in cmap and ord("ừ") not in cmap


def test_the_font_keeps_the_common_cyrillic_letter_forms():
    font = TTFont(io.BytesIO(read_static("fonts/source-sans-3.woff2")))
    features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    assert "locl" not in features


def test_every_page_preloads_the_font_and_the_stylesheet_swaps_it_in(client):
    html = client.get("/bg/").text
    assert (
        '<link rel="preload" href="/static/fonts/source-sans-3.woff2" as="font" '
        'type="font/woff2" crossorigin>'
    ) in html
    css = read_static("css/site.css").decode()
    faces = re.findall(r"@font-face \{(.*?)\}", css, re.S)
    assert len(faces) == 2
    for face in faces:
        assert "font-display: swap;" in face
        assert 'url("../fonts/source-sans-3' in face
    assert re.search(r'--font-body: "Source Sans 3",', css)


# The header


@pytest.mark.parametrize(
    ("url", "publisher", "portal", "menu"),
    [
        ("/bg/", "Община Смолян", "Европейски проекти", "Меню"),
        ("/en/", "Municipality of Smolyan", "EU projects", "Menu"),
    ],
)
def test_header_names_the_publisher_and_the_portal(client, url, publisher, portal, menu):
    header = client.get(url).text.split("<header")[1].split("</header>")[0]
    assert f'<span class="site-brand__publisher">{publisher}</span>' in header
    assert f'<span class="site-brand__portal">{portal}</span>' in header
    assert '<img class="site-brand__emblem" src="/static/img/emblem.svg" alt=""' in header
    # The menu is a disclosure inside the main navigation: no script needed.
    nav = header.split('<nav class="site-nav"')[1].split("</nav>")[0]
    assert '<details class="site-nav__menu">' in nav
    assert f"</svg>{menu}</summary>" in nav


def test_the_emblem_can_be_replaced_in_the_settings(client, settings):
    settings.PORTAL_EMBLEM = "img/favicon.svg"
    html = client.get("/en/").text
    assert '<img class="site-brand__emblem" src="/static/img/favicon.svg" alt=""' in html


# Project colours and marks


def contrast(hex_colour, other="#ffffff"):
    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted([luminance(hex_colour), luminance(other)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_project_colour_has_a_rule_with_white_text_readable_on_it():
    css = read_static("css/site.css").decode()
    rules = dict(re.findall(r"\.project-colour--(\w+) \{\s*--project-colour: (#[0-9a-f]{6});", css))
    for colour in [*Colour.values, "portal"]:
        assert colour in rules, colour
        assert contrast(rules[colour]) >= 7, colour


def test_a_project_shows_its_acronym_its_initial_or_its_logo(client):
    make_project(acronym="+CxC", colour=Colour.PLUM, title_en="Positive cities")
    make_project(acronym="", title_bg="партньорство", title_en="Partnership")
    make_project(acronym="LOGO", logo=make_image_file("logo.png"))
    html = client.get("/en/projects/").text
    assert '<span class="mark project-colour--plum" aria-hidden="true">+CxC</span>' in html
    # No acronym: the initial of the title in the page's language.
    assert '<span class="mark project-colour--teal" aria-hidden="true">P</span>' in html
    assert 'aria-hidden="true">П</span>' in client.get("/bg/proekti/").text
    logo = html.split('<span class="mark mark--logo project-colour--teal" aria-hidden="true">')[1]
    assert logo.startswith("<picture>")
    assert '<article class="card project-card project-colour--plum">' in html


def test_news_without_a_photo_shows_its_projects_colour_and_mark(client):
    project = make_project(acronym="EUCF", colour=Colour.GREEN)
    make_article(title_en="Without a photo").projects.add(project)
    make_article(title_en="Without a project")
    make_article(title_en="With a photo", cover_image=make_image_file("cover.png"))
    html = client.get("/en/news/").text
    stories = {
        re.search(r'class="story__title"><a [^>]+>([^<]+)<', story).group(1): story
        for story in html.split('<article class="story')[1:]
    }
    without = stories["Without a photo"]
    assert without.startswith(' project-colour--green">')
    assert '<span class="story__tile" aria-hidden="true">' in without
    assert '<span class="story__tile-mark">EUCF</span>' in without
    assert '<img src="/static/img/emblem.svg" alt=""' in stories["Without a project"]
    assert "story__tile" not in stories["With a photo"]
    assert "<picture>" in stories["With a photo"]


def test_a_meeting_in_a_list_has_a_date_block(client):
    make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    html = client.get("/bg/sreshti/").text
    assert (
        '<span class="date-block" aria-hidden="true"><span class="date-block__days">6–7</span>'
        '<span class="date-block__month">юни</span><span class="date-block__year">2023</span>'
    ) in html


# Filters and pictures


def test_filters_fold_unless_one_is_chosen(client):
    article = make_article()
    assert '<details class="filters__panel">' in client.get("/en/news/").text
    year = article.published_at.year
    html = client.get(f"/en/news/?year={year}").text
    assert '<details class="filters__panel" open>' in html


def test_gallery_pictures_link_to_their_largest_rendition(client):
    article = make_article(title_en="Pictures")
    ArticleImage.objects.create(
        article=article,
        image=make_image_file("wide.png", size=(2000, 1000)),
        image_alt_bg="Снимка",
        image_alt_en="A photo",
    )
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).text
    link = re.search(r'<a class="gallery__link" href="([^"]+)">', html).group(1)
    assert link.endswith("/1600w-q80.webp")
    assert client.get(link).status_code == 200
    assert "(full size)</span></a>" in html


# The meeting page


@pytest.fixture
def meeting():
    meeting = make_meeting(
        title_en="Working meeting",
        outcomes_en="<ul><li>A cookbook.</li></ul>",
        body_en="<p>The report.</p>",
        start_date=datetime.date(2023, 6, 6),
        end_date=datetime.date(2023, 6, 7),
        project=make_project(acronym="+CxC", colour=Colour.BLUE),
    )
    meeting.participants.add(make_partner(name_en="Trondheim"))
    session = make_session(
        meeting, date=datetime.date(2023, 6, 6), speakers_en="Mayor of Smolyan\n\nA guest\n"
    )
    make_document(title_en="Panel notes", meeting=meeting, session=session)
    make_document(title_en="Meeting report", meeting=meeting)
    return meeting


def english_page(client, item):
    with translation.override("en"):
        return client.get(item.get_absolute_url()).text


def test_meeting_page_opens_with_the_summary_and_its_contents(client, meeting):
    html = english_page(client, meeting)
    glance = html.split('id="glance-heading"')[1].split('<nav class="toc')[0]
    assert ">7\u00a0June\u00a02023</time>" in glance
    assert "<li>A cookbook.</li>" in glance
    assert "Meeting report</a>" in glance
    assert '<a href="#programme-heading">1 more document, with its session' in glance
    assert "project-colour--blue" in html.split('id="glance-heading"')[0].rsplit("<section", 1)[1]
    # The summary comes before the report and the programme, the contents link to each part.
    assert html.index('id="glance-heading"') < html.index('id="report-heading"')
    contents = html.split('id="contents-heading"')[1].split("</nav>")[0]
    for target in [
        "outcomes-heading",
        "documents-heading",
        "report-heading",
        "programme-heading",
        "day-2023-06-06",
        "participants-heading",
    ]:
        assert f'href="#{target}"' in contents
        assert f'id="{target}"' in html
    assert html.count('<a href="#contents">Back to contents</a>') == 3


def test_speakers_are_a_list_and_the_print_button_waits_for_its_script(client, meeting):
    html = english_page(client, meeting)
    assert "<li>Mayor of Smolyan</li><li>A guest</li></ul>" in html
    assert '<button type="button" class="button button--secondary" data-print hidden>' in html
    assert '<script type="module" src="/static/js/print.js"></script>' in html
    assert 'href="/static/css/meeting.css"' in html
