"""Linked content for the API tests: one published item of each kind, or thirty."""

import datetime

from django.utils import timezone

from projects.models import Role
from publishing.models import Status
from tests import factories

LISTS = {
    "news": "/api/v1/news/",
    "meetings": "/api/v1/meetings/",
    "partners": "/api/v1/partners/",
    "projects": "/api/v1/projects/",
    "documents": "/api/v1/documents/",
}


def linked_items(count=1):
    """`count` items of every kind, each linked to the others as editors link them."""
    project = factories.make_project()
    host = factories.make_partner()
    for n in range(count):
        partner = factories.make_partner(name_bg=f"Град {n}", latitude="41.5", longitude="24.7")
        partner.twin_towns.add(host)
        factories.make_participation(project=project, partner=partner, role=Role.FOLLOWER)
        meeting = factories.make_meeting(project=project, host=host)
        meeting.participants.add(partner, host)
        session = factories.make_session(meeting=meeting)
        session.led_by.add(partner)
        factories.make_site_visit(meeting=meeting, image=factories.make_image_file())
        article = factories.make_article(
            meeting=meeting, cover_image=factories.make_image_file(), cover_image_decorative=True
        )
        article.projects.add(project)
        article.partners.add(partner)
        article.gallery.create(image=factories.make_image_file(), image_decorative=True)
        factories.make_document(project=project, meeting=meeting, session=session)
    if count:
        # The extra project of the lists, so that each list holds `count` projects too.
        for _n in range(count - 1):
            factories.make_participation(project=factories.make_project(), partner=host)
    return project


def draft(**overrides):
    return {"status": Status.DRAFT, **overrides}


def scheduled(**overrides):
    return {
        "status": Status.PUBLISHED,
        "published_at": timezone.now() + datetime.timedelta(days=2),
        **overrides,
    }
