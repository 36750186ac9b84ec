"""Share links on articles and meetings: plain links, no script, nothing loaded before a click."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import make_article, make_meeting

pytestmark = pytest.mark.django_db


def share_links(html):
    section = html.split('aria-labelledby="share-heading"')[1].split("</section>")[0]
    return re.findall(r'<a href="([^"]+)" rel="([^"]+)">([^<]+)</a>', section)


@pytest.mark.parametrize(
    ("url", "title", "names"),
    [
        (
            "/en/news/tom-jerry/",
            "Tom & Jerry",
            ["Share by e-mail", "Share on Facebook", "Share on LinkedIn", "Share on X"],
        ),
        (
            "/bg/novini/tom-i-dzheri/",
            "Том и Джери",
            [
                "Споделяне по имейл",
                "Споделяне във Facebook",
                "Споделяне в LinkedIn",
                "Споделяне в X",
            ],
        ),
        (
            "/en/meetings/partner-meeting/",
            "Partner meeting",
            ["Share by e-mail", "Share on Facebook", "Share on LinkedIn", "Share on X"],
        ),
    ],
)
def test_share_links_carry_the_pages_address_and_title(client, url, title, names):
    make_article(title_bg="Том и Джери", title_en="Tom & Jerry")
    make_meeting(title_bg="Партньорска среща", title_en="Partner meeting")
    html = client.get(url).content.decode()
    links = share_links(html.replace("&amp;", "&"))
    page = f"http://testserver{url}"

    assert [name for _href, _rel, name in links] == names
    assert all(rel == "noopener external" for _href, rel, _name in links)
    mail, facebook, linkedin, x = (urlsplit(href) for href, _rel, _name in links)
    assert mail.scheme == "mailto"
    assert parse_qs(mail.query) == {"subject": [title], "body": [f"{title}\n{page}"]}
    assert (facebook.netloc, parse_qs(facebook.query)) == ("www.facebook.com", {"u": [page]})
    assert (linkedin.netloc, parse_qs(linkedin.query)) == ("www.linkedin.com", {"url": [page]})
    assert (x.netloc, parse_qs(x.query)) == ("x.com", {"url": [page], "text": [title]})
    # Nothing of the networks is loaded with the page.
    assert "facebook" not in html.split('aria-labelledby="share-heading"')[0]
    for tag in re.findall(r"<(?:script|img|iframe|link)[^>]*>", html):
        assert "facebook" not in tag and "linkedin" not in tag and "x.com" not in tag, tag


def test_the_shared_address_is_the_canonical_one(client):
    make_article(title_en="Clean")
    html = client.get("/en/news/clean/?utm_source=mail&x=%22%3E").content.decode()
    [(href, _rel, _name)] = [link for link in share_links(html) if "facebook" in link[0]]
    assert parse_qs(urlsplit(href.replace("&amp;", "&")).query) == {
        "u": ["http://testserver/en/news/clean/"]
    }
