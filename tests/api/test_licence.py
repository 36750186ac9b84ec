"""The content licence in the footer, the API and the exports; each image's credit and licence."""

import json
import re

import pytest
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db

OTHER = ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")


def test_the_footer_states_the_content_licence_in_both_languages(client):
    english = client.get("/en/").content.decode()
    assert (
        'under the <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">'
        "CC BY 4.0</a> licence" in english
    )
    bulgarian = client.get("/bg/").content.decode()
    assert 'под лиценз <a href="https://creativecommons.org/licenses/by/4.0/"' in bulgarian


def test_the_licence_is_configurable(client, settings):
    settings.CONTENT_LICENCE = OTHER
    project = factories.make_project()
    assert "CC BY-SA 4.0</a> licence" in client.get("/en/").content.decode()
    root = client.get("/api/v1/")
    assert root.json()["licence"] == {"name": OTHER[0], "url": OTHER[1]}
    assert root["Link"] == f'<{OTHER[1]}>; rel="license"'
    schema = client.get("/api/v1/schema/").json()
    assert schema["info"]["license"] == {"name": OTHER[0], "url": OTHER[1]}
    exported = json.loads(client.get(f"/api/v1/projects/{project.pk}/export.json").content)
    assert exported["licence"]["name"] == OTHER[0]


def test_every_api_answer_names_the_licence(client):
    article = factories.make_article()
    for url in ("/api/v1/news/", f"/api/v1/news/{article.pk}/", "/api/v1/news/?page=5"):
        assert "creativecommons.org/licenses/by/4.0/" in client.get(url)["Link"]


def credited_article():
    article = factories.make_article(
        cover_image=factories.make_image_file(),
        cover_image_alt_bg="Партньорите пред общината",
        cover_image_alt_en="The partners outside the town hall",
        cover_image_credit_bg="Иван Петров",
        cover_image_credit_en="Ivan Petrov",
        cover_image_licence="cc-by-sa-4.0",
    )
    article.gallery.create(
        image=factories.make_image_file(),
        image_decorative=True,
        caption_bg="Езерото",
        image_credit_bg="Мария Иванова",
    )
    return article


def test_an_image_shows_its_credit_and_licence_under_it(client):
    article = credited_article()
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    cover = html.split('class="cover"')[1].split("</figure>")[0]
    assert "<figcaption>" in cover
    assert "Image: <span>Ivan Petrov</span>" in cover
    assert f'<a href="{OTHER[1]}" rel="license">CC BY-SA 4.0</a>' in cover
    gallery = html.split('id="gallery-heading"')[1].split("</section>")[0]
    # Not translated: the Bulgarian credit, marked as such.
    assert 'Image: <span lang="bg">Мария Иванова</span>' in gallery
    with translation.override("bg"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert "Снимка: <span>Иван Петров</span>" in html


def test_an_image_under_the_sites_licence_and_without_credit_needs_no_caption(client):
    article = factories.make_article(
        cover_image=factories.make_image_file(), cover_image_decorative=True
    )
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert "<figcaption" not in html.split('class="cover"')[1].split("</figure>")[0]


def test_a_site_visit_shows_its_image_credit(client):
    meeting = factories.make_meeting()
    factories.make_site_visit(
        meeting=meeting,
        image=factories.make_image_file(),
        image_decorative=True,
        image_credit_en="Smolyan Municipality",
        image_licence="permission",
    )
    with translation.override("en"):
        html = client.get(meeting.get_absolute_url()).content.decode()
    visits = html.split('id="visits-heading"')[1].split("</section>")[0]
    assert "Smolyan Municipality" in visits
    assert "Used with permission, all rights reserved" in visits


def test_the_credit_and_licence_are_in_the_json_ld_and_the_api(client):
    article = credited_article()
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    images = [
        image
        for block in blocks
        for item in (
            json.loads(block) if isinstance(json.loads(block), list) else [json.loads(block)]
        )
        for image in item.get("image", [])
    ]
    assert {"creditText": "Ivan Petrov", "license": OTHER[1]}.items() <= images[0].items()
    record = client.get(f"/api/v1/news/{article.pk}/").json()
    assert record["cover_image"]["credit"] == {"bg": "Иван Петров", "en": "Ivan Petrov"}
    assert record["cover_image"]["licence"] == {"name": OTHER[0], "url": OTHER[1]}
    assert record["gallery"][0]["image"]["licence"]["name"] == "CC BY 4.0"
    assert record["gallery"][0]["image"]["alt"] == {"bg": None, "en": None}
