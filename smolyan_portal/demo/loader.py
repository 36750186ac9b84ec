"""Create the demo content from the data modules, skipping whatever is already there."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models

from documents.models import Document
from events.models import Meeting, Session, SiteVisit
from media.renditions import delete_renditions
from news.models import Article, ArticleImage
from partners.models import Partner
from projects.models import Participation, Project
from publishing.models import Status

from . import drawing
from .article import ARTICLE, GALLERY, PUBLISHED_AT
from .documents import DOCUMENTS
from .knowledge_steps import KnowledgeSteps
from .meeting import MEETING, PARTICIPANTS, SESSIONS, SITE_VISITS
from .partners import PARTNERS, TWIN_TOWNS
from .projects import PARTICIPATIONS, PROJECTS

PUBLISHED = {"status": Status.PUBLISHED, "published_at": PUBLISHED_AT}


class DemoDataError(Exception):
    """A demo row failed validation or could not be saved."""


class DemoLoader(KnowledgeSteps):
    """Loads the demo content; each step reports how many rows it created or found."""

    def __init__(self, report):
        # report(label, created, present) is called once per kind of row.
        self.report = report
        self.stored_files = []
        self.partners = {}
        self.projects = {}

    def run(self):
        self.load_partners()
        self.load_twin_towns()
        self.load_projects()
        self.load_participations()
        meeting = self.load_meeting()
        self.load_sessions(meeting)
        self.load_site_visits(meeting)
        article = self.load_article(meeting)
        self.load_gallery(article)
        self.load_documents(meeting)
        self.load_knowledge(meeting, article, PUBLISHED)

    def discard_stored_files(self):
        """Delete the files this run wrote, and any renditions made of them, after a rollback."""
        for name in self.stored_files:
            default_storage.delete(name)
            delete_renditions(name, default_storage)
        self.stored_files = []

    # Saving

    def _save(self, obj):
        """Validate like a form would, so bad demo data reads as the editor's message, then save."""
        names_before = _file_names(obj)
        try:
            obj.full_clean()
            obj.save()
        except ValidationError as error:
            raise DemoDataError(f"{obj._meta.verbose_name} “{obj}”: {_messages(error)}") from error
        finally:
            # save() writes each new file and gives it its stored name; note the files it
            # wrote even if the row itself failed.
            self.stored_files.extend(
                name
                for attname, name in _file_names(obj).items()
                if name and name != names_before[attname]
            )
        return obj

    def _ensure(self, model, lookup, build):
        """The row matching lookup, or a new one from build(); and whether it was created."""
        existing = model._default_manager.filter(**lookup).first()
        if existing is not None:
            return existing, False
        return self._save(build()), True

    def _count(self, label, results):
        created = sum(1 for _obj, was_created in results if was_created)
        self.report(label, created, len(results) - created)
        return [obj for obj, _was_created in results]

    # Steps

    def load_partners(self):
        results = [
            self._ensure(
                Partner,
                {"slug_bg": data["slug_bg"]},
                lambda data=data: Partner(**data, **PUBLISHED),
            )
            for data in PARTNERS
        ]
        self.partners = {partner.slug_bg: partner for partner in self._count("Partners", results)}

    def load_twin_towns(self):
        results = []
        for first, second in TWIN_TOWNS:
            town, twin = self.partners[first], self.partners[second]
            present = town.twin_towns.filter(pk=twin.pk).exists()
            if not present:
                town.twin_towns.add(twin)  # symmetrical: twin lists town as well
            results.append(((town, twin), not present))
        self._count("Twin-town pairs", results)

    def load_projects(self):
        results = [
            self._ensure(
                Project,
                {"slug_bg": data["slug_bg"]},
                lambda data=data: Project(**data, **PUBLISHED),
            )
            for data in PROJECTS
        ]
        self.projects = {project.slug_bg: project for project in self._count("Projects", results)}

    def load_participations(self):
        results = [
            self._ensure(
                Participation,
                {"project": self.projects[project], "partner": self.partners[partner]},
                lambda project=project, partner=partner, role=role: Participation(
                    project=self.projects[project], partner=self.partners[partner], role=role
                ),
            )
            for project, partner, role in PARTICIPATIONS
        ]
        self._count("Participations", results)

    def load_meeting(self):
        def build():
            meeting = Meeting(
                **MEETING,
                **PUBLISHED,
                project=self.projects[PROJECTS[0]["slug_bg"]],
                host=self.partners["smolyan"],
            )
            meeting.cover_image = ContentFile(drawing.mountain_town(), name="meeting-cover.png")
            return meeting

        meeting, created = self._ensure(Meeting, {"slug_bg": MEETING["slug_bg"]}, build)
        if created:
            meeting.participants.set([self.partners[slug] for slug in PARTICIPANTS])
        self._count("Meetings", [(meeting, created)])
        return meeting

    def load_sessions(self, meeting):
        results = []
        for data in SESSIONS:
            fields = {key: value for key, value in data.items() if key != "led_by"}
            session, created = self._ensure(
                Session,
                {"meeting": meeting, "order": data["order"]},
                lambda fields=fields: Session(meeting=meeting, **fields),
            )
            if created:
                session.led_by.set([self.partners[slug] for slug in data["led_by"]])
            results.append((session, created))
        self._count("Sessions", results)

    def load_site_visits(self, meeting):
        def build(data):
            fields = {key: value for key, value in data.items() if key != "drawing"}
            visit = SiteVisit(meeting=meeting, **fields)
            picture = getattr(drawing, data["drawing"])()
            visit.image = ContentFile(picture, name=f"visit-{data['order']}.png")
            return visit

        results = [
            self._ensure(
                SiteVisit,
                {"meeting": meeting, "order": data["order"]},
                lambda data=data: build(data),
            )
            for data in SITE_VISITS
        ]
        self._count("Site visits", results)

    def load_article(self, meeting):
        article, created = self._ensure(
            Article,
            {"slug_bg": ARTICLE["slug_bg"]},
            lambda: Article(**ARTICLE, **PUBLISHED, meeting=meeting),
        )
        if created:
            article.projects.set(self.projects.values())
            article.partners.set(self.partners.values())
        self._count("Articles", [(article, created)])
        return article

    def load_gallery(self, article):
        def build(data):
            fields = {key: value for key, value in data.items() if key != "drawing"}
            image = ArticleImage(article=article, **fields)
            picture = getattr(drawing, data["drawing"])()
            image.image = ContentFile(picture, name=f"gallery-{data['order']}.png")
            return image

        results = [
            self._ensure(
                ArticleImage,
                {"article": article, "order": data["order"]},
                lambda data=data: build(data),
            )
            for data in GALLERY
        ]
        self._count("Gallery images", results)

    def load_documents(self, meeting):
        def build(data):
            links = {"project", "meeting", "session", "build", "filename"}
            document = Document(
                **{key: value for key, value in data.items() if key not in links},
                **PUBLISHED,
                project=self.projects[data["project"]],
                meeting=meeting if data.get("meeting") else None,
                session=meeting.sessions.get(order=data["session"]) if "session" in data else None,
            )
            document.file = ContentFile(data["build"](), name=data["filename"])
            return document

        results = [
            self._ensure(Document, {"title_bg": data["title_bg"]}, lambda data=data: build(data))
            for data in DOCUMENTS
        ]
        self._count("Documents", results)


def _file_names(obj):
    return {
        field.attname: getattr(obj, field.attname).name
        for field in obj._meta.concrete_fields
        if isinstance(field, models.FileField)
    }


def _messages(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
