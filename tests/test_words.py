"""Words as Bulgarian and English write them: counts, sizes, sentence ends, copy."""

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from partners.models import PartnerKind
from projects.models import Role
from smolyan_portal.mail import wait_for_mail
from smolyan_portal.models import AccessibilityStatement
from tests.factories import (
    make_document,
    make_meeting,
    make_participation,
    make_partner,
    make_project,
    make_site_visit,
)

pytestmark = pytest.mark.django_db


def test_one_partner_from_one_country_in_the_singular(client):
    make_partner(country="BG")
    assert "1 партньор от 1 държава." in client.get("/bg/").text
    assert "1 partner from 1 country." in client.get("/en/").text
    assert "1 партньор от 1 държава работи със Смолян" in client.get("/bg/partnyori/").text
    assert "1 partner from 1 country works with Smolyan" in client.get("/en/partners/").text


def test_many_partners_from_many_countries_in_the_plural(client):
    make_partner(country="BG")
    make_partner(country="NO")
    make_partner(country="NO")
    assert "3 партньори от 2 държави." in client.get("/bg/").text
    assert "3 partners from 2 countries." in client.get("/en/").text


def test_a_project_counts_its_consortium_apart_from_the_partners_on_the_portal(client):
    project = make_project(consortium_size=32, title_en="Positive cities")
    for country in ("NO", "IE", "BG"):
        make_participation(project, make_partner(country=country), Role.FOLLOWER)
    with translation.override("en"):
        page = client.get(project.get_absolute_url()).text
    assert "32 partners in the consortium, 3 on this portal" in page
    assert "3 partners from 3 countries" not in page
    with translation.override("bg"):
        with_bulgarian = client.get(project.get_absolute_url()).text
    assert "32 партньори в консорциума, 3 от тях в този портал" in with_bulgarian
    # The list of projects says the same.
    assert "32 partners in the consortium, 3 on this portal" in client.get("/en/projects/").text


def test_without_a_consortium_size_a_project_counts_its_partners_and_their_countries(client):
    project = make_project()
    make_participation(project, make_partner(country="NO"))
    with translation.override("bg"):
        page = client.get(project.get_absolute_url()).text
    assert "1 партньор от 1 държава" in page


def test_one_partner_of_a_kind_is_headed_in_the_singular(client):
    make_partner(kind=PartnerKind.UNIVERSITY)
    make_partner(kind=PartnerKind.COMPANY)
    make_partner(kind=PartnerKind.COMPANY)
    page = client.get("/en/partners/").text
    assert 'id="kind-university">University <span class="count">(1)</span>' in page
    assert 'id="kind-company">Companies <span class="count">(2)</span>' in page


def test_file_sizes_are_written_in_the_units_of_the_language(client):
    make_document(title_bg="Доклад", title_en="Report", file_language="")
    bulgarian = client.get("/bg/dokumenti/").text
    english = client.get("/en/documents/").text
    # 2 KiB and more would be "КБ"; the test PDF is a few hundred bytes.
    assert "байта" in bulgarian
    assert "bytes" in english
    assert "KБ" not in bulgarian


def test_kilobytes_in_bulgarian_have_a_cyrillic_k():
    with translation.override("bg"):
        assert filesizeformat(2150) == "2,1\u00a0КБ"
        assert filesizeformat(5 * 1024 * 1024) == "5,0\u00a0МБ"
        assert filesizeformat(1) == "1\u00a0байт"
    with translation.override("en"):
        assert filesizeformat(2150) == "2.1\u00a0KB"


def test_a_sentence_ending_in_a_date_has_one_full_stop(client):
    page = client.get("/bg/dostapnost/").text
    statement = AccessibilityStatement.current()
    assert statement.prepared_on is not None
    assert "г.." not in page
    assert "г.</time> Използван метод" in page


def test_the_feedback_mail_has_one_full_stop_after_the_time(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.FEEDBACK_NOTIFY_EMAILS = ["accessibility@smolyan.bg"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/bg/dostapnost/",
            {"message": "Картата няма текстова алтернатива.", "page_url": "", "name": ""},
        )
    wait_for_mail()
    [mail] = mailoutbox
    first_line = mail.body.splitlines()[0]
    assert first_line.endswith("\xa0ч.")
    assert "г.." not in mail.body
    assert "ч.." not in mail.body


def test_english_copy_says_external_site(client):
    meeting = make_meeting(title_en="Meeting")
    make_site_visit(meeting, latitude="41.570000", longitude="24.700000")
    with translation.override("en"):
        page = client.get(meeting.get_absolute_url()).text
    assert "(external site)" in page
    assert "another site" not in page
    assert "no social-media buttons" in client.get("/en/privacy/").text


def test_the_footer_claims_funding_only_where_a_project_page_shows_it(client):
    page = client.get("/en/").text
    assert "Where a project on this portal is funded by the European Union" in page
    assert "Each project page states its funding programme and grant" not in page
