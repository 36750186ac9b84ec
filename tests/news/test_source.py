"""An article's source: "first published by …", with the date and, when known, the address."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from news.models import Article
from tests.admin_support import admin_url, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

JUNE_21 = datetime.date(2023, 6, 21)


@pytest.mark.parametrize(
    ("url", "text"),
    [
        (
            "/bg/novini/novina/",
            # The abbreviation's full stop ends the sentence too: never "г..".
            'Първо публикувано от <span>Община Смолян</span> на <time datetime="2023-06-21">'
            "21\u00a0юни\u00a02023\u00a0г.</time> <a ",
        ),
        (
            "/en/news/news/",
            "First published by <span>Municipality of Smolyan</span> on "
            '<time datetime="2023-06-21">21\u00a0June\u00a02023</time>.',
        ),
    ],
)
def test_the_article_names_its_source_in_the_pages_language(client, url, text):
    make_article(
        title_bg="Новина",
        title_en="News",
        source_publisher_bg="Община Смолян",
        source_publisher_en="Municipality of Smolyan",
        source_date=JUNE_21,
        source_url="https://www.smolyan.bg/bg/novini/",
    )
    html = client.get(url).content.decode()
    assert text in html
    assert '<a href="https://www.smolyan.bg/bg/novini/" rel="noopener external">' in html


def test_without_a_date_or_an_address_only_the_publisher_is_named(client):
    make_article(title_en="Reprint", source_publisher_bg="БТА", source_publisher_en="")
    html = client.get("/en/news/reprint/").content.decode()
    # The name fell back to Bulgarian, and is marked so.
    assert 'First published by <span lang="bg">БТА</span>.' in html
    assert "first publication" not in html


def test_an_article_of_its_own_names_no_source(client):
    make_article(title_en="Ours")
    assert "First published by" not in client.get("/en/news/ours/").content.decode()


def test_a_date_or_an_address_needs_the_publisher():
    article = make_article(source_date=JUNE_21)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "source_publisher_bg" in error.value.message_dict


def test_editors_give_the_source_in_the_admin(staff_client):
    article = make_article()
    url = admin_url(article, "change")
    data = form_data(staff_client.get(url)) | {
        "source_publisher_bg": "Община Смолян",
        "source_publisher_en": "Municipality of Smolyan",
        "source_date": "2023-06-21",
        "source_url": "",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.source_publisher_en, article.source_date) == (
        "Municipality of Smolyan",
        JUNE_21,
    )


def test_the_demo_article_names_the_municipalitys_article_without_an_address():
    call_command("load_demo", stdout=io.StringIO())
    article = Article.objects.get()
    assert article.source_publisher_bg == "Община Смолян"
    assert article.source_publisher_en == "Municipality of Smolyan"
    assert article.source_date == JUNE_21
    # The seed gives no address, and none is made up.
    assert article.source_url == ""
