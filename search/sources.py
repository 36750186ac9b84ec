"""The content below search that the index holds, declared by field paths.

Headings rank between the title and the body: a word in a session's title or a site
visit's place says more about a meeting than one in its report.
"""

from documents.models import Document
from events.models import Meeting, Session, SiteVisit
from knowledge.models import Indicator, Person, Replication, Solution, Topic
from news.models import Article, ArticleImage
from partners.models import Partner
from projects.models import Participation, Project

from .registry import ModelSource, register


def register_content():
    register(
        ModelSource(
            Article,
            title="title",
            headings=("summary", "gallery__caption"),
            body=("body",),
            date="published_at",
            projects="projects",
            related={ArticleImage: "gallery"},
        )
    )
    register(
        ModelSource(
            Meeting,
            title="title",
            headings=(
                "summary",
                "sessions__title",
                "sessions__speakers",
                "sessions__speaker_people__name",
                "site_visits__title",
                "site_visits__place",
            ),
            body=(
                "venue",
                "body",
                "outcomes",
                "sessions__summary",
                "sessions__venue",
                "sessions__led_by__name",
                "sessions__leader_people__name",
                "site_visits__description",
            ),
            date="start_date",
            projects="project",
            related={
                Session: "sessions",
                SiteVisit: "site_visits",
                Partner: "sessions__led_by",
                # People's names, once they may be published (knowledge.Person).
                Person: "sessions__speaker_people",
            },
        )
    )
    register(
        ModelSource(
            Partner,
            title="name",
            headings=("city",),
            body=("description",),
            projects="projects",
            related={Participation: "participations"},
        )
    )
    register(
        ModelSource(
            Project,
            title="title",
            headings=("acronym", "summary", "programme"),
            body=("description", "funding_statement"),
            date="start_date",
            projects="id",
        )
    )
    register(
        ModelSource(
            Document,
            title="title",
            headings=("description",),
            files=("file",),
            date="published_at",
            projects="project",
        )
    )
    register_knowledge()


def register_knowledge():
    """Solutions, with their contacts' names, and topics."""
    register(
        ModelSource(
            Solution,
            title="title",
            headings=("summary", "contact_people__name", "worked", "did_not_work", "advice"),
            body=("description", "indicators__name", "replications__note"),
            date="published_at",
            projects="projects",
            related={
                Person: "contact_people",
                Replication: "replications",
                Indicator: "indicators",
            },
        )
    )
    register(ModelSource(Topic, title="name", body=("description",)))
