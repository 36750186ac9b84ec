"""What `load_demo` puts on the site, read from one load shared by this module's tests."""

import datetime
import io
import re
import zipfile
import zoneinfo
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from modeltranslation.translator import translator
from PIL import Image

from documents.models import Document, DocumentKind, FileLanguage
from documents.validators import validate_document_file
from events.models import Meeting, SessionKind, SiteVisit
from news.models import Article, ArticleImage
from partners.models import Partner, PartnerKind
from projects.models import Project, Role

pytestmark = pytest.mark.django_db

JUNE_6, JUNE_7 = datetime.date(2023, 6, 6), datetime.date(2023, 6, 7)


def test_the_meeting_and_its_programme(demo):
    meeting = Meeting.objects.get()
    assert (meeting.start_date, meeting.end_date) == (JUNE_6, JUNE_7)
    assert meeting.is_published
    assert meeting.project.acronym == "+CityxChange"
    assert meeting.host.name_en == "Smolyan"
    assert "Sky Hub Smolyan" in meeting.venue_bg
    assert "Sky Hub Smolyan" in meeting.venue_en
    assert "PED cookbook" in meeting.outcomes_bg
    assert "PED cookbook" in meeting.outcomes_en
    participants = set(meeting.participants.values_list("slug_bg", flat=True))
    assert {"ntnu", "institut-isocarp", "ov-group", "smolyan", "varu", "pisek"} <= participants
    assert "trondhaym" not in participants

    sessions = list(meeting.sessions.order_by("order"))
    assert [(s.order, s.date, s.kind) for s in sessions] == [
        (1, JUNE_6, SessionKind.OPENING),
        (2, JUNE_6, SessionKind.DISCUSSION),
        (3, JUNE_6, SessionKind.SEMINAR),
        (4, JUNE_6, SessionKind.DISCUSSION),
        (5, JUNE_7, SessionKind.PRESENTATION),
        (6, JUNE_7, SessionKind.PANEL),
    ]
    # The source gives no clock times, so none are invented.
    assert all(s.start_time is None and s.end_time is None for s in sessions)
    # The deputy mayor who opened it is a recorded person; the team stays a line of text.
    assert [person.name_en for person in sessions[0].speaker_people.all()] == ["Marin Zahariev"]
    assert sessions[0].speakers_en == "The team of the Municipality of Smolyan"
    led_by = {s.order: {p.name_en for p in s.led_by.all()} for s in sessions}
    assert led_by[2] == {"OV Group"}
    assert led_by[3] == {"ISOCARP Institute"}
    assert led_by[5] == {"Scalable Cities"}
    assert "Sky Hub Smolyan" in sessions[3].venue_en

    visits = list(meeting.site_visits.order_by("order"))
    assert [(v.date, v.place_en) for v in visits] == [
        (JUNE_6, "City swimming pool and sports hall, Smolyan"),
        (JUNE_6, "Shiroka Laka village, municipality of Smolyan"),
        (JUNE_7, "Arexim, Smolyan"),
    ]
    assert "Владимир Рилски" in visits[1].title_bg
    assert all(v.latitude is not None and v.longitude is not None for v in visits)
    assert "panel" in visits[2].description_en


def test_partners_roles_and_twin_towns(demo):
    cityxchange = Project.objects.get(acronym="+CityxChange")
    roles = {
        p.partner.name_en: p.role
        for p in cityxchange.participations.select_related("partner")
        if p.partner.kind == PartnerKind.CITY
    }
    assert roles == {
        "Trondheim": Role.LIGHTHOUSE,
        "Limerick": Role.LIGHTHOUSE,
        "Alba Iulia": Role.FOLLOWER,
        "Písek": Role.FOLLOWER,
        "Sestao": Role.FOLLOWER,
        "Smolyan": Role.FOLLOWER,
        "Võru": Role.FOLLOWER,
    }
    coordinator = cityxchange.participations.get(role=Role.COORDINATOR).partner
    assert coordinator.slug_bg == "ntnu"
    cities = cityxchange.participations.filter(role__in=[Role.LIGHTHOUSE, Role.FOLLOWER])
    assert cities.count() == 7

    countries = dict(Partner.objects.values_list("name_en", "country"))
    assert countries["Trondheim"] == "NO"
    assert countries["Võru"] == "EE"
    assert countries["OV Group"] == "IT"
    assert countries["Pleiades Bulgaria Ltd"] == "BG"
    smolyan = Partner.objects.get(slug_bg="smolyan")
    assert (round(smolyan.latitude, 2), round(smolyan.longitude, 2)) == (
        Decimal("41.58"),
        Decimal("24.70"),
    )
    trondheim = Partner.objects.get(slug_bg="trondhaym")
    assert (round(trondheim.latitude), round(trondheim.longitude)) == (63, 10)
    on_map = Partner.objects.filter(kind=PartnerKind.CITY, latitude__isnull=False)
    assert on_map.count() == 10

    voru = Partner.objects.get(slug_en="voru")
    assert list(smolyan.twin_towns.all()) == [voru]
    assert list(voru.twin_towns.all()) == [smolyan]

    climate = Project.objects.get(title_en="Partnership for Adaptation to Climate Change")
    assert {p.slug_bg for p in climate.partners.all()} == {
        "smolyan",
        "obshtina-asenovgrad",
        "obshtina-svilengrad",
        "obshtina-krushari",
        "pleyades-bulgaria",
    }
    assert Project.objects.get(acronym="EUCF").partners.get() == smolyan


def test_projects_funding(demo):
    cityxchange = Project.objects.get(acronym="+CityxChange")
    assert (cityxchange.start_date, cityxchange.end_date) == (
        datetime.date(2018, 11, 1),
        datetime.date(2023, 10, 31),
    )
    assert cityxchange.eu_funded
    assert "824260" in cityxchange.funding_statement_bg
    assert "Horizon 2020" in cityxchange.funding_statement_en
    assert "824260" in cityxchange.funding_statement_en
    assert Project.objects.get(acronym="EUCF").eu_funded
    # The source names no funder for the partnership, so no funding is claimed.
    climate = Project.objects.get(slug_en="partnership-for-adaptation-to-climate-change")
    assert not climate.eu_funded
    assert not climate.funding_statement_bg
    assert not climate.funding_statement_en


def test_the_article_of_21_june_2023(demo):
    article = Article.objects.published().get()
    sofia = zoneinfo.ZoneInfo("Europe/Sofia")
    assert article.published_at.astimezone(sofia).date() == datetime.date(2023, 6, 21)
    assert article.meeting == Meeting.objects.get()
    assert set(article.projects.all()) == set(Project.objects.all())
    assert article.partners.count() == Partner.objects.count() == 16
    assert "Марин Захариев" in article.body_bg
    assert "Marin Zahariev" in article.body_en
    assert article.gallery.count() == 2


def test_every_translated_text_has_english(demo):
    checked = 0
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).all_fields
        for obj in model._default_manager.all():
            for field in fields:
                if getattr(obj, f"{field}_bg"):
                    checked += 1
                    assert getattr(obj, f"{field}_en"), f"{model.__name__} {obj.pk}: {field}_en"
    assert checked > 100


def test_every_image_is_an_illustration_described_in_both_languages(demo, settings):
    settings.MEDIA_ROOT = demo
    images = [
        (m.cover_image, m.cover_image_alt_bg, m.cover_image_alt_en, True)
        for m in Meeting.objects.all()
    ]
    # The article has no cover: its list shows the project's mark, as most news will.
    assert not Article.objects.get().cover_image
    images += [(v.image, v.image_alt_bg, v.image_alt_en, False) for v in SiteVisit.objects.all()]
    images += [(i.image, i.image_alt_bg, i.image_alt_en, False) for i in ArticleImage.objects.all()]
    assert len(images) == 1 + 3 + 2
    for field_file, alt_bg, alt_en, is_cover in images:
        assert alt_bg.startswith("Илюстрация: ")
        assert alt_en.startswith("Illustration: ")
        with field_file.open("rb"), Image.open(field_file) as picture:
            assert picture.format in {"PNG", "JPEG"}
            assert picture.width >= (1200 if is_cover else 800)


def test_documents_are_valid_files_linked_to_the_meeting(demo, settings):
    settings.MEDIA_ROOT = demo
    for document in Document.objects.all():
        validate_document_file(document.file)
        assert document.is_published
        assert document.project.acronym == "+CityxChange"
        assert document.meeting == Meeting.objects.get()
        assert document.file_size == document.file.size > 0
    assert {(d.file_type, d.file_language, d.kind) for d in Document.objects.all()} == {
        ("pdf", FileLanguage.ENGLISH, DocumentKind.OTHER),
        ("odt", FileLanguage.BOTH, DocumentKind.REPORT),
        ("odt", FileLanguage.BULGARIAN, DocumentKind.REPORT),
    }
    assert Document.objects.get(session__isnull=False).session.order == 4


def test_the_pdf_is_well_formed(demo, settings):
    settings.MEDIA_ROOT = demo
    document = Document.objects.get(file_type="pdf")
    with document.file.open("rb"):
        data = document.file.read()
    assert data.startswith(b"%PDF-1.4\n")
    assert data.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    assert data[startxref:].startswith(b"xref\n0 8\n")
    entries = data[startxref:].split(b"\n")[3:10]
    for number, entry in enumerate(entries, start=1):
        assert len(entry) + 1 == 20
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj\n" % number)
    assert b"(1. Opening: how Smolyan engages citizens in the energy transition) Tj" in data


def test_the_odt_files_are_opendocument_packages(demo, settings):
    settings.MEDIA_ROOT = demo
    for document in Document.objects.filter(file_type="odt"):
        with document.file.open("rb"):
            archive = zipfile.ZipFile(io.BytesIO(document.file.read()))
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        manifest = ElementTree.fromstring(archive.read("META-INF/manifest.xml"))
        paths = {
            entry.get("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path")
            for entry in manifest
        }
        assert {"/", "content.xml", "styles.xml", "meta.xml"} <= paths
        content = ElementTree.fromstring(archive.read("content.xml"))
        text = "".join(content.itertext())
        assert "Sky Hub Smolyan" in text
