"""Small factory functions for test data: `make_article(**overrides)`."""

import datetime
import io
import itertools
import zipfile
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from documents.models import Document
from events.models import Meeting, Session, SiteVisit
from knowledge.models import (
    Basis,
    Indicator,
    IndicatorValue,
    Person,
    Replication,
    ReplicationStatus,
    Solution,
    Topic,
)
from news.models import Article
from partners.models import Partner, PartnerKind
from projects.models import Participation, Project, Role
from publishing.models import Status

_numbers = itertools.count(1)


def _next():
    return next(_numbers)


def published(**overrides):
    """Publishing fields of an item visitors can see."""
    return {
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=1),
        **overrides,
    }


def make_image_file(name="photo.png", size=(64, 48), image_format="PNG", color=(20, 90, 140)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}.get(
        image_format, "application/octet-stream"
    )
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_pdf_file(name="report.pdf"):
    content = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_odt_file(name="notes.odt"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type="application/vnd.oasis.opendocument.text"
    )


def make_partner(**overrides):
    n = _next()
    fields = {
        "name_bg": f"Партньор {n}",
        "name_en": f"Partner {n}",
        "kind": PartnerKind.CITY,
        "country": "BG",
        "city_bg": "Смолян",
        "city_en": "Smolyan",
        **published(),
        **overrides,
    }
    return Partner.objects.create(**fields)


def make_project(**overrides):
    n = _next()
    fields = {
        "title_bg": f"Проект {n}",
        "title_en": f"Project {n}",
        "acronym": f"P{n}",
        "programme_bg": "Хоризонт 2020",
        "programme_en": "Horizon 2020",
        "summary_bg": f"Резюме на проект {n}.",
        "summary_en": f"Summary of project {n}.",
        "start_date": datetime.date(2018, 11, 1),
        "end_date": datetime.date(2023, 10, 31),
        **published(),
        **overrides,
    }
    return Project.objects.create(**fields)


def make_participation(project=None, partner=None, role=Role.PARTNER):
    return Participation.objects.create(
        project=project or make_project(), partner=partner or make_partner(), role=role
    )


def make_meeting(**overrides):
    n = _next()
    fields = {
        "title_bg": f"Работна среща {n}",
        "title_en": f"Working meeting {n}",
        "summary_bg": f"Резюме на среща {n}.",
        "summary_en": f"Summary of meeting {n}.",
        "start_date": datetime.date(2023, 6, 6),
        "end_date": datetime.date(2023, 6, 7),
        **published(),
        **overrides,
    }
    return Meeting.objects.create(**fields)


def make_session(meeting=None, **overrides):
    meeting = meeting or make_meeting()
    n = _next()
    fields = {
        "meeting": meeting,
        "order": meeting.sessions.count() + 1,
        "date": meeting.start_date,
        "start_time": datetime.time(9, 30),
        "end_time": datetime.time(11, 0),
        "title_bg": f"Сесия {n}",
        "title_en": f"Session {n}",
        **overrides,
    }
    return Session.objects.create(**fields)


def make_site_visit(meeting=None, **overrides):
    meeting = meeting or make_meeting()
    n = _next()
    fields = {
        "meeting": meeting,
        "order": meeting.site_visits.count() + 1,
        "date": meeting.start_date,
        "title_bg": f"Посещение {n}",
        "title_en": f"Visit {n}",
        "place_bg": "Смолян",
        "place_en": "Smolyan",
        **overrides,
    }
    return SiteVisit.objects.create(**fields)


def make_article(**overrides):
    n = _next()
    fields = {
        "title_bg": f"Новина {n}",
        "title_en": f"News item {n}",
        "summary_bg": f"Резюме на новина {n}.",
        "summary_en": f"Summary of news item {n}.",
        "body_bg": f"<p>Текст на новина {n}.</p>",
        "body_en": f"<p>Text of news item {n}.</p>",
        **published(),
        **overrides,
    }
    return Article.objects.create(**fields)


def make_document(**overrides):
    n = _next()
    fields = {
        "title_bg": f"Документ {n}",
        "title_en": f"Document {n}",
        "file": make_pdf_file(f"document-{n}.pdf"),
        **published(),
        **overrides,
    }
    return Document.objects.create(**fields)


def make_user(*, staff=False, superuser=False, permissions=(), **overrides):
    n = _next()
    user = get_user_model().objects.create_user(
        username=overrides.pop("username", f"user{n}"),
        password=overrides.pop("password", "correct horse battery staple"),
        is_staff=staff or superuser,
        is_superuser=superuser,
        **overrides,
    )
    for codename in permissions:
        app_label, perm = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=perm)
        )
    return user


def make_portal_content():
    """One published item of every kind, linked the way editors link them, for page tests."""
    smolyan = make_partner(
        name_bg="Община Смолян",
        name_en="Smolyan Municipality",
        country="BG",
        latitude="41.574000",
        longitude="24.701000",
    )
    trondheim = make_partner(
        name_bg="Тронхайм",
        name_en="Trondheim",
        country="NO",
        city_bg="Тронхайм",
        city_en="Trondheim",
        latitude="63.430000",
        longitude="10.395000",
    )
    university = make_partner(
        name_bg="Норвежки университет",
        name_en="Norwegian university",
        kind=PartnerKind.UNIVERSITY,
        country="NO",
    )
    smolyan.twin_towns.add(trondheim)
    project = make_project(
        title_bg="Положителни градове",
        title_en="Positive cities",
        acronym="+CityxChange",
        funding_statement_bg="Проектът е финансиран от програма „Хоризонт 2020“.",
        funding_statement_en="The project is funded by the Horizon 2020 programme.",
    )
    make_participation(project, trondheim, Role.LIGHTHOUSE)
    make_participation(project, smolyan, Role.FOLLOWER)
    make_participation(project, university, Role.PARTNER)
    meeting = make_meeting(
        title_bg="Среща в Смолян", title_en="Meeting in Smolyan", project=project, host=smolyan
    )
    meeting.participants.add(smolyan, trondheim)
    session = make_session(meeting, title_bg="Откриване", title_en="Opening")
    session.led_by.add(smolyan)
    visit = make_site_visit(meeting, latitude="41.570000", longitude="24.700000")
    article = make_article(
        title_bg="Новина за срещата", title_en="News of the meeting", meeting=meeting
    )
    article.projects.add(project)
    article.partners.add(trondheim)
    document = make_document(
        title_bg="Презентация", title_en="Slides", project=project, meeting=meeting, session=session
    )
    knowledge = make_knowledge_content(
        project=project, cities=(trondheim, smolyan), session=session, visit=visit
    )
    knowledge["solution"].documents.add(document)
    knowledge["solution"].articles.add(article)
    knowledge["topic"].articles.add(article)
    knowledge["topic"].meetings.add(meeting)
    return {
        "partner": smolyan,
        "partners": [smolyan, trondheim, university],
        "project": project,
        "meeting": meeting,
        "session": session,
        "article": article,
        "document": document,
        **knowledge,
    }


def make_knowledge_content(*, project, cities, session, visit):
    """A solution with its topic, evidence, replication, an indicator's chart and a contact."""
    lighthouse, follower = cities
    topic = make_topic(name_bg="Енергийни общности", name_en="Energy communities")
    person = make_person(organisation=follower)
    person.spoke_at.add(session)
    solution = make_solution(title_bg="Енергиен блок", title_en="Energy block")
    solution.topics.add(topic)
    solution.projects.add(project)
    solution.organisations.add(follower)
    solution.sessions.add(session)
    solution.site_visits.add(visit)
    solution.contact_people.add(person)
    make_replication(solution, lighthouse, ReplicationStatus.LIGHTHOUSE, year=2021)
    make_replication(solution, follower, ReplicationStatus.PLANNED)
    make_indicator(
        solution,
        values=[(2021, 120), (2022, "95.5")],
        baseline_value=140,
        baseline_year=2019,
        target_value=60,
        target_year=2025,
    )
    topic.projects.add(project)
    return {"topic": topic, "solution": solution, "person": person}


def make_topic(**overrides):
    n = _next()
    fields = {"name_bg": f"Тема {n}", "name_en": f"Topic {n}", "order": n, **overrides}
    return Topic.objects.create(**fields)


def make_person(**overrides):
    """A person whose name may be published: a holder of public office."""
    n = _next()
    fields = {
        "name_bg": f"Иван Петров {n}",
        "name_en": f"Ivan Petrov {n}",
        "role_bg": "заместник-кмет",
        "role_en": "Deputy Mayor",
        "basis": Basis.PUBLIC_OFFICE,
        **published(),
        **overrides,
    }
    return Person.objects.create(**fields)


def make_solution(**overrides):
    n = _next()
    fields = {
        "title_bg": f"Решение {n}",
        "title_en": f"Solution {n}",
        "summary_bg": f"Резюме на решение {n}.",
        "summary_en": f"Summary of solution {n}.",
        **published(),
        **overrides,
    }
    return Solution.objects.create(**fields)


def make_replication(solution=None, city=None, status=ReplicationStatus.PLANNED, **overrides):
    return Replication.objects.create(
        solution=solution or make_solution(),
        city=city or make_partner(),
        status=status,
        **overrides,
    )


def make_indicator(solution=None, values=(), **overrides):
    """An indicator with measured values given as (year, value) pairs."""
    n = _next()
    fields = {
        "solution": solution or make_solution(),
        "name_bg": f"Показател {n}",
        "name_en": f"Indicator {n}",
        "unit": "MWh",
        **overrides,
    }
    indicator = Indicator.objects.create(**fields)
    for year, value in values:
        IndicatorValue.objects.create(indicator=indicator, year=year, value=Decimal(str(value)))
    return indicator
