"""News list and article pages, in both languages."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from news.models import ArticleImage
from publishing.models import Status
from tests.factories import (
    make_article,
    make_image_file,
    make_meeting,
    make_partner,
    make_project,
    make_user,
    published,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="story__title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.text)


def at(days_ago, **overrides):
    return make_article(
        **published(published_at=timezone.now() - datetime.timedelta(days=days_ago), **overrides)
    )


# The list


@pytest.mark.parametrize(("url", "title"), [("/bg/novini/", "Новина"), ("/en/news/", "News")])
def test_list_shows_published_articles_in_the_pages_language(client, url, title):
    make_article(title_bg="Новина за Смолян", title_en="News of Smolyan")
    response = client.get(url)
    assert response.status_code == 200
    assert response.templates[0].name == "news/article_list.html"
    assert titles(response) == [
        f"{title} за Смолян" if url.startswith("/bg") else "News of Smolyan"
    ]


def test_list_hides_drafts_and_scheduled_articles(client):
    make_article(title_en="Visible")
    make_article(title_en="Draft", status=Status.DRAFT)
    make_article(
        title_en="Scheduled",
        **published(published_at=timezone.now() + datetime.timedelta(days=1)),
    )
    assert titles(client.get("/en/news/")) == ["Visible"]


def test_list_hides_drafts_even_from_staff(client):
    make_article(title_en="Draft", status=Status.DRAFT)
    client.force_login(make_user(superuser=True))
    assert titles(client.get("/en/news/")) == []


def test_list_shows_twelve_articles_per_page_newest_first(client):
    for n in range(14):
        at(n, title_en=f"Item {n}")
    first = client.get("/en/news/")
    assert titles(first) == [f"Item {n}" for n in range(12)]
    assert "Page 1 of 2" in first.text
    second = client.get("/en/news/?page=2")
    assert titles(second) == ["Item 12", "Item 13"]
    assert 'href="?page=1" rel="prev"' in second.text


@pytest.mark.parametrize(
    ("page", "expected"),
    [("0", 1), ("-1", 1), ("abc", 1), ("", 1), ("1.5", 1), ("9999", 2), ("9" * 5000, 1)],
)
def test_page_numbers_out_of_range_show_the_nearest_page(client, page, expected):
    for n in range(13):
        at(n, title_en=f"Item {n}")
    response = client.get("/en/news/", {"page": page})
    assert response.status_code == 200
    assert f"Page {expected} of 2" in response.text


def test_page_number_with_no_articles_shows_the_empty_state(client):
    response = client.get("/en/news/?page=9999")
    assert response.status_code == 200
    assert "No news has been published yet." in response.text


def test_empty_state_in_bulgarian(client):
    response = client.get("/bg/novini/")
    assert "Все още няма публикувани новини." in response.text


# Filters


@pytest.fixture
def filtered_news():
    energy = make_project(title_en="Energy", acronym="PED")
    climate = make_project(title_en="Climate", acronym="CLIMA")
    trondheim = make_partner(name_en="Trondheim")
    pisek = make_partner(name_en="Pisek")
    old = make_article(
        title_en="Old energy news",
        **published(published_at=timezone.make_aware(datetime.datetime(2022, 5, 1, 12))),
    )
    old.projects.add(energy)
    old.partners.add(trondheim)
    new = make_article(
        title_en="New energy news",
        **published(published_at=timezone.make_aware(datetime.datetime(2023, 5, 1, 12))),
    )
    new.projects.add(energy)
    new.partners.add(pisek)
    other = make_article(
        title_en="Climate news",
        **published(published_at=timezone.make_aware(datetime.datetime(2023, 3, 1, 12))),
    )
    other.projects.add(climate)
    other.partners.add(trondheim)
    return {"energy": energy, "climate": climate, "trondheim": trondheim, "pisek": pisek}


def test_filter_links_are_plain_links_in_the_query_string(client, filtered_news):
    html = client.get("/en/news/").text
    energy, trondheim = filtered_news["energy"], filtered_news["trondheim"]
    assert f'<a href="?project={energy.pk}">PED</a>' in html
    assert f'<a href="?partner={trondheim.pk}">Trondheim</a>' in html
    assert '<a href="?year=2023">2023</a>' in html
    assert '<a href="?year=2022">2022</a>' in html
    assert "<form" not in html.split('class="filters"')[1].split("</section>")[0]


def test_filter_choices_show_names_as_text_not_markup(client):
    partner = make_partner(name_en='Smith & Sons <"Energy">')
    make_article(title_en="Joint work", **published()).partners.add(partner)
    html = client.get("/en/news/").text
    expected = f'<a href="?partner={partner.pk}">Smith &amp; Sons &lt;&quot;Energy&quot;&gt;</a>'
    assert expected in html
    assert '<"Energy">' not in html


def test_year_filter_offers_the_years_with_published_articles_only(client):
    def on(year, **overrides):
        moment = timezone.make_aware(datetime.datetime(year, 6, 1, 12))
        return make_article(**published(published_at=moment, **overrides))

    on(2019)
    on(2023)
    on(2023)
    on(2015, status=Status.DRAFT)
    future = timezone.localtime().year + 2
    on(future)  # scheduled: not published yet
    # Half an hour into 2017 in Smolyan is still 2016 in UTC.
    make_article(
        **published(published_at=timezone.make_aware(datetime.datetime(2017, 1, 1, 0, 30)))
    )
    html = client.get("/en/news/").text
    filters = html.split('class="filters"')[1].split("</section>")[0]
    assert re.findall(r'href="\?year=(\d+)"', filters) == ["2023", "2019", "2017"]
    assert client.get("/en/news/?year=2021").status_code == 404
    assert client.get(f"/en/news/?year={future}").status_code == 404


def test_partner_filter_names_partners_in_the_pages_language_in_alphabetical_order(client):
    for names in [
        {"name_bg": "Писек", "name_en": "Písek"},
        {"name_bg": "Арексим", "name_en": "Arexim"},
        {"name_bg": "Тронхайм", "name_en": ""},  # no English name yet
    ]:
        make_article().partners.add(make_partner(**names))
    make_partner(name_bg="Без новини", name_en="No news")

    def options(path):
        filters = client.get(path).text.split('id="facet-partner"')[1].split("</ul>")[0]
        return re.findall(r'<a href="\?partner=\d+"( lang="bg")?>([^<]+)</a>', filters)

    assert options("/bg/novini/") == [("", "Арексим"), ("", "Писек"), ("", "Тронхайм")]
    # Latin first on an English page; the Bulgarian name stands in, marked as Bulgarian.
    assert options("/en/news/") == [("", "Arexim"), ("", "Písek"), (' lang="bg"', "Тронхайм")]


def test_project_filter_names_a_project_by_its_acronym_or_its_title(client):
    make_article().projects.add(make_project(acronym="PED", title_en="Positive energy"))
    make_article().projects.add(make_project(acronym="", title_bg="Зелен град", title_en=""))

    def options(path):
        filters = client.get(path).text.split('id="facet-project"')[1].split("</ul>")[0]
        return sorted(re.findall(r'<a href="\?project=\d+"( lang="bg")?>([^<]+)</a>', filters))

    assert options("/bg/novini/") == [("", "PED"), ("", "Зелен град")]
    assert options("/en/news/") == [("", "PED"), (' lang="bg"', "Зелен град")]


def test_filter_by_project(client, filtered_news):
    response = client.get(f"/en/news/?project={filtered_news['energy'].pk}")
    assert titles(response) == ["New energy news", "Old energy news"]


def test_filter_by_partner(client, filtered_news):
    response = client.get(f"/en/news/?partner={filtered_news['trondheim'].pk}")
    assert titles(response) == ["Climate news", "Old energy news"]


def test_filter_by_year(client, filtered_news):
    assert titles(client.get("/en/news/?year=2023")) == ["New energy news", "Climate news"]


def test_filters_combine(client, filtered_news):
    energy, trondheim = filtered_news["energy"], filtered_news["trondheim"]
    assert titles(client.get(f"/en/news/?project={energy.pk}&year=2023")) == ["New energy news"]
    assert titles(client.get(f"/en/news/?project={energy.pk}&partner={trondheim.pk}")) == [
        "Old energy news"
    ]
    response = client.get(f"/bg/novini/?project={energy.pk}&partner={trondheim.pk}&year=2023")
    assert titles(response) == []
    assert "Няма новини, които отговарят на тези филтри." in response.text


def test_chosen_filters_are_shown_and_each_can_be_removed(client, filtered_news):
    energy = filtered_news["energy"]
    html = client.get(f"/en/news/?project={energy.pk}&year=2023").text
    chosen = html.split('class="chosen-filters"')[1].split("</div>")[0]
    assert "Project: PED" in chosen
    assert "Year: 2023" in chosen
    assert 'href="?year=2023"' in chosen  # removes the project
    assert f'href="?project={energy.pk}"' in chosen  # removes the year
    assert 'href="/en/news/"' in chosen  # removes all
    assert f'<a href="?project={energy.pk}&amp;year=2023" aria-current="true">2023</a>' in html


def test_choosing_a_filter_keeps_the_others_and_leaves_the_page(client, filtered_news):
    energy, climate = filtered_news["energy"], filtered_news["climate"]
    html = client.get(f"/en/news/?project={energy.pk}&year=2023&page=1").text
    assert f'<a href="?project={climate.pk}&amp;year=2023">CLIMA</a>' in html


def test_pagination_keeps_the_filters(client):
    project = make_project()
    for n in range(13):
        at(n).projects.add(project)
    html = client.get(f"/en/news/?project={project.pk}").text
    assert f'href="?project={project.pk}&amp;page=2&amp;after=' in html


def links(html, rel):
    found = re.search(rf'href="\?([^"]+)" rel="{rel}"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_next_and_previous_links_seek_instead_of_counting(client):
    for n in range(40):
        at(n, title_en=f"Item {n:02}")
    seen, html, page = [], client.get("/en/news/").text, 1
    while True:
        seen += re.findall(r"Item \d\d", html)
        following = links(html, "next")
        if following is None:
            break
        page += 1
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/en/news/?{following}").text
        assert f"Page {page} of 4" in html
        # The page's articles are found from the link's position, not by counting past rows.
        assert not [q["sql"] for q in queries if "OFFSET" in q["sql"].upper()]
    assert seen == [f"Item {n:02}" for n in range(40)]
    back = client.get(f"/en/news/?{links(html, 'prev')}").text
    assert "Page 3 of 4" in back
    assert re.findall(r"Item \d\d", back) == [f"Item {n:02}" for n in range(24, 36)]


@pytest.mark.parametrize("cursor", ["abc", "1.x", "99999999999999999999.1", "-5.3", ""])
def test_a_position_no_link_gives_still_shows_the_page(client, cursor):
    for n in range(13):
        at(n, title_en=f"Item {n:02}")
    html = client.get(f"/en/news/?page=2&after={cursor}").text
    assert "Page 2 of 2" in html and "Item 12" in html


@pytest.mark.parametrize(
    "query",
    [
        "project=abc",
        "project=999999",
        "partner=-1",
        "partner=abc",
        "year=99999",
        "year=abc",
        "year=1999",
        "project=",
    ],
)
def test_unknown_filter_values_are_not_found(client, filtered_news, query):
    assert client.get(f"/en/news/?{query}").status_code == 404
    assert client.get(f"/bg/novini/?{query}").status_code == 404


def test_unpublished_project_is_no_filter(client):
    hidden = make_project(status=Status.DRAFT)
    make_article().projects.add(hidden)
    assert f"?project={hidden.pk}" not in client.get("/en/news/").text
    assert client.get(f"/en/news/?project={hidden.pk}").status_code == 404


def test_unpublished_articles_give_no_filter_options(client):
    project = make_project()
    make_article(status=Status.DRAFT).projects.add(project)
    assert f"?project={project.pk}" not in client.get("/en/news/").text


# The article page


def test_article_page_in_both_languages(client):
    meeting = make_meeting(title_bg="Среща", title_en="The meeting")
    project = make_project(acronym="PED", title_en="Energy")
    partner = make_partner(name_bg="Тронхайм", name_en="Trondheim")
    article = make_article(
        title_bg="Заглавие",
        title_en="Headline",
        body_bg="<p>Текстът.</p>",
        body_en="<p>The text.</p>",
        meeting=meeting,
        author="Press office",
        **published(published_at=timezone.make_aware(datetime.datetime(2023, 6, 21, 12))),
    )
    article.projects.add(project)
    article.partners.add(partner)

    en = client.get("/en/news/headline/")
    assert en.status_code == 200
    assert en.templates[0].name == "news/article_detail.html"
    assert "<h1>Headline</h1>" in en.text
    assert "<p>The text.</p>" in en.text
    assert '<time datetime="2023-06-21">21\u00a0June\u00a02023</time>' in en.text
    assert "Press office" in en.text
    assert f'href="{meeting.get_absolute_url()}">The meeting</a>' in en.text
    assert 'href="/en/projects/energy/">PED</a>' in en.text
    assert 'href="/en/partners/trondheim/">Trondheim</a>' in en.text

    bg = client.get("/bg/novini/zaglavie/")
    assert "<h1>Заглавие</h1>" in bg.text
    assert "21\u00a0юни\u00a02023\u00a0г." in bg.text
    assert 'href="/bg/partnyori/tronhaym/">Тронхайм</a>' in bg.text


def test_article_page_hides_unpublished_related_items(client):
    article = make_article(meeting=make_meeting(title_en="Secret meeting", status=Status.DRAFT))
    article.projects.add(make_project(title_en="Secret project", status=Status.DRAFT))
    article.partners.add(make_partner(name_en="Secret partner", status=Status.DRAFT))
    html = client.get(article.get_absolute_url().replace("/bg/", "/en/", 1)).text
    assert "Secret" not in html
    assert 'id="related-heading"' not in html


def test_unpublished_article_is_not_found(client):
    draft = make_article(title_en="Draft", status=Status.DRAFT)
    assert client.get("/en/news/draft/").status_code == 404
    assert client.get(f"/bg/novini/{draft.slug_bg}/").status_code == 404


def test_article_cover_and_gallery(client):
    article = make_article(
        title_en="Photos",
        cover_image=make_image_file("cover.png", size=(1200, 600)),
        cover_image_alt_en="Partners in the town hall",
        cover_image_alt_bg="Партньорите в общината",
    )
    ArticleImage.objects.create(
        article=article,
        image=make_image_file("one.png"),
        image_alt_en="The pool",
        image_alt_bg="Басейнът",
        caption_en="The new pool",
        caption_bg="Новият басейн",
        order=1,
    )
    html = client.get("/en/news/photos/").text
    cover = html.split('class="cover"')[1].split("</figure>")[0]
    assert 'alt="Partners in the town hall"' in cover
    assert 'loading="lazy"' not in cover
    gallery = html.split('id="gallery-heading"')[1].split("</section>")[0]
    assert 'alt="The pool"' in gallery
    assert 'loading="lazy"' in gallery
    assert "<figcaption>The new pool</figcaption>" in gallery


def test_previous_and_next_skip_unpublished_articles(client):
    at(5, title_en="Oldest")
    at(4, title_en="Hidden draft", status=Status.DRAFT)
    at(3, title_en="Middle")
    at(2, title_en="Newer")
    make_article(
        title_en="Scheduled",
        **published(published_at=timezone.now() + datetime.timedelta(days=2)),
    )
    at(1, title_en="Newest")
    html = client.get("/en/news/middle/").text
    nav = html.split('class="prev-next"')[1].split("</nav>")[0]
    assert 'href="/en/news/oldest/" rel="prev">Oldest</a>' in nav
    assert 'href="/en/news/newer/" rel="next">Newer</a>' in nav
    assert "Hidden draft" not in nav and "Scheduled" not in nav
    first = client.get("/en/news/oldest/").text.split('class="prev-next"')[1].split("</nav>")[0]
    assert 'rel="prev"' not in first
    assert 'href="/en/news/middle/" rel="next"' in first
    last = client.get("/en/news/newest/").text.split('class="prev-next"')[1].split("</nav>")[0]
    assert 'rel="next"' not in last
    assert 'href="/en/news/newer/" rel="prev"' in last


def test_articles_of_the_same_moment_follow_each_other_by_their_key(client):
    moment = timezone.now() - datetime.timedelta(days=2)
    at(3, title_en="Before")
    ties = [
        make_article(**published(published_at=moment, title_en=f"Tie {name}")) for name in "abc"
    ]
    at(1, title_en="After")

    def neighbours(article):
        with translation.override("en"):
            url = article.get_absolute_url()
        nav = client.get(url).text.split('class="prev-next"')[1]
        nav = nav.split("</nav>")[0]
        return (
            re.search(r'rel="prev">([^<]+)<', nav).group(1),
            re.search(r'rel="next">([^<]+)<', nav).group(1),
        )

    assert neighbours(ties[0]) == ("Before", "Tie b")
    assert neighbours(ties[1]) == ("Tie a", "Tie c")
    assert neighbours(ties[2]) == ("Tie b", "After")
    # The list pages through the same moment without losing or repeating one.
    for n in range(20):
        make_article(**published(published_at=moment, title_en=f"Tie {n:02}"))
    seen, html = [], client.get("/en/news/").text
    while True:
        seen += re.findall(r">(Tie \w+|Before|After)<", html)
        following = links(html, "next")
        if following is None:
            break
        html = client.get(f"/en/news/?{following}").text
    assert len(seen) == len(set(seen)) == 25


def test_language_switcher_leads_to_the_same_article(client):
    make_article(title_bg="Заглавие", title_en="Headline")
    bg = client.get("/bg/novini/zaglavie/").text
    assert '<a href="/en/news/headline/" hreflang="en" lang="en">English</a>' in bg
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/news/headline/">' in bg
    en = client.get("/en/news/headline/").text
    assert '<a href="/bg/novini/zaglavie/" hreflang="bg" lang="bg">български</a>' in en


def test_untranslated_article_shows_bulgarian_marked_as_such(client):
    make_article(
        title_bg="Само на български",
        title_en="",
        summary_en="",
        body_bg="<p>Текст.</p>",
        body_en="",
    )
    response = client.get("/en/news/samo-na-balgarski/")
    assert response.status_code == 200
    html = response.text
    assert "This item is available in Bulgarian only." in html
    assert '<h1 lang="bg">Само на български</h1>' in html
    assert '<div class="prose" lang="bg"><p>Текст.</p></div>' in html
    assert 'hreflang="en"' not in html
    # The list marks it too.
    assert 'lang="bg">Само на български</a>' in client.get("/en/news/").text


def test_staff_preview_of_a_draft(client):
    make_article(title_en="Draft", status=Status.DRAFT)
    client.force_login(make_user(staff=True, permissions=["news.change_article"]))
    response = client.get("/en/news/draft/")
    assert response.status_code == 200
    assert "Preview: this is a draft" in response.text


# Query budgets


def many_articles(count):
    project = make_project()
    partner = make_partner()
    meeting = make_meeting()
    for n in range(count):
        article = at(n, meeting=meeting)
        article.projects.add(project, make_project())
        article.partners.add(partner, make_partner())
    return project, partner


LIST_QUERIES = 7  # filter options (3, years in 2), count, page, projects of the page
FILTERED_LIST_QUERIES = 7


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_budget(client, django_assert_num_queries, count):
    many_articles(count)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get("/en/news/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_filtered_list_query_budget(client, django_assert_num_queries, count):
    project, partner = many_articles(count)
    with django_assert_num_queries(FILTERED_LIST_QUERIES):
        response = client.get(f"/bg/novini/?project={project.pk}&partner={partner.pk}")
        assert response.status_code == 200


DETAIL_QUERIES = 7  # article with meeting, projects, partners, gallery, previous, next,
# and the translation state


@pytest.mark.parametrize("count", [1, 30])
def test_detail_query_budget(client, django_assert_num_queries, count):
    article = make_article(title_en="Busy", meeting=make_meeting())
    for n in range(count):
        article.projects.add(make_project())
        article.partners.add(make_partner())
        ArticleImage.objects.create(
            article=article, image=make_image_file(f"{n}.png"), image_alt_en="x", image_alt_bg="x"
        )
        at(n + 1)
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get("/en/news/busy/").status_code == 200


def test_switcher_keeps_the_filters_on_the_list(client, filtered_news):
    energy = filtered_news["energy"]
    html = client.get(f"/bg/novini/?project={energy.pk}&year=2023").text
    assert f'<a href="/en/news/?project={energy.pk}&amp;year=2023" hreflang="en"' in html


# Old addresses


def renamed(article, language, new_slug):
    setattr(article, f"slug_{language}", new_slug)
    article.save()
    return article


@pytest.mark.parametrize("others", [1, 30])
@pytest.mark.parametrize(
    ("old_url", "new_url", "queries"),
    [
        # the page by its slug; the old slug; the article it leads to
        ("/bg/novini/star-adres/", "/bg/novini/nov-adres/", 3),
        # the page by its slug, then by the Bulgarian one; the old slug; the article
        ("/en/news/old-address/", "/en/news/new-address/", 4),
    ],
)
def test_an_old_address_redirects_reading_one_article(
    client, django_assert_num_queries, others, old_url, new_url, queries
):
    for _n in range(others):
        make_article().projects.add(make_project())
    article = make_article(title_bg="Стар адрес", title_en="Old address")
    renamed(renamed(article, "bg", "nov-adres"), "en", "new-address")
    with django_assert_num_queries(queries) as captured:
        response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == new_url
    # Each query about articles asks for one row: none loads the table, its projects or
    # its gallery.
    read = [query["sql"] for query in captured.captured_queries if "news_article" in query["sql"]]
    assert read and all("LIMIT 1" in sql for sql in read)


def test_an_old_address_of_a_draft_is_not_found_by_visitors(client):
    draft = renamed(
        make_article(title_bg="Чернова", title_en="Draft", status=Status.DRAFT), "bg", "drugo"
    )
    assert client.get("/bg/novini/chernova/").status_code == 404
    client.force_login(make_user(staff=True, permissions=["news.change_article"]))
    response = client.get("/bg/novini/chernova/")
    assert response.status_code == 301
    assert response["Location"] == draft.get_absolute_url().replace("/en/", "/bg/")
