"""Generated content at scale, for measuring the portal with a large site (`load_demo --bulk N`).

N articles come with the rest in the proportions of a busy site: a meeting for every 20
articles (with six sessions and two site visits each), a partner for every 50, a project
for every 500 and a document for every 10. Every generated item says so in its title
and has an address starting with `bulk<N>-`, so a set is found again (a second run with
the same N adds nothing) and told apart from real content.

Rows are written with bulk_create, which calls no save() and sends no signal: the slugs,
both languages' columns and the links are filled in here, the page cache is renewed at
the end, and the search index, where one exists, is rebuilt.
"""

import datetime
from itertools import cycle

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command, get_commands
from django.utils import timezone

from documents.models import Document, DocumentKind
from events.models import Meeting, Session, SessionKind, SiteVisit
from news.models import Article
from partners.models import Partner, PartnerKind
from projects.models import Participation, Project, Role
from publishing.models import Status
from smolyan_portal import page_cache
from smolyan_portal.demo.files import make_pdf

# One real PDF, with text that search reads, stands behind every generated document.
GENERATED_REPORT = make_pdf(
    "Generated report", [("title", "Generated report"), ("text", "A report of the meeting.")]
)

BATCH = 500
ARTICLES_PER_MEETING = 20
ARTICLES_PER_PARTNER = 50
ARTICLES_PER_PROJECT = 500
ARTICLES_PER_DOCUMENT = 10
SESSIONS_PER_MEETING = 6
VISITS_PER_MEETING = 2
COUNTRIES = ["BG", "NO", "IE", "CZ", "CY", "DK", "EE", "GR", "IT", "PT", "RO", "ES"]
# The command the search app offers to index everything again (bulk_create indexes nothing).
SEARCH_REBUILD_COMMAND = "rebuild_search_index"
PARAGRAPH_BG = (
    "<p>Партньорите обсъдиха енергийно положителни квартали, обновяване на сгради и "
    "участие на гражданите в планирането на града.</p>"
)
PARAGRAPH_EN = (
    "<p>The partners discussed positive energy districts, the renovation of buildings "
    "and citizens taking part in planning their city.</p>"
)


def _share(count, per):
    return max(1, count // per)


class BulkLoader:
    """Creates the generated set for one N, unless it is there already."""

    def __init__(self, count, report):
        self.count = count
        self.report = report
        self.prefix = f"bulk{count}-"
        self.now = timezone.now()

    def exists(self):
        return Article.objects.filter(slug_bg__startswith=self.prefix).exists()

    def run(self):
        if self.exists():
            self.report(f"Generated set of {self.count} articles", 0, 1)
            return False
        partners = self.partners()
        projects = self.projects(partners)
        meetings = self.meetings(projects, partners)
        self.articles(projects, partners, meetings)
        self.documents(projects, meetings)
        # No save() ran: pages made before this load must not be served after it.
        page_cache.content_changed()
        if SEARCH_REBUILD_COMMAND in get_commands():
            call_command(SEARCH_REBUILD_COMMAND, verbosity=0)
        return True

    def _published(self, n, step):
        return {"status": Status.PUBLISHED, "published_at": self.now - step * (n + 1)}

    def _create(self, model, rows, label):
        created = model.objects.bulk_create(rows, batch_size=BATCH)
        self.report(label, len(created), 0)
        # SQLite and PostgreSQL both return the new keys, which the links below need.
        return created

    def partners(self):
        rows = [
            Partner(
                name_bg=f"Генериран партньор {n}",
                name_en=f"Generated partner {n}",
                slug_bg=f"{self.prefix}partnyor-{n}",
                slug_en=f"{self.prefix}partner-{n}",
                kind=PartnerKind.CITY if n % 3 else PartnerKind.UNIVERSITY,
                country=country,
                city_bg=f"Град {n}",
                city_en=f"Town {n}",
                description_bg=PARAGRAPH_BG,
                description_en=PARAGRAPH_EN,
                latitude=round(36 + (n * 7 % 300) / 10, 4),
                longitude=round(-8 + (n * 11 % 330) / 10, 4),
                **self._published(n, datetime.timedelta(days=3)),
            )
            for n, country in zip(
                range(_share(self.count, ARTICLES_PER_PARTNER)), cycle(COUNTRIES), strict=False
            )
        ]
        return self._create(Partner, rows, "Generated partners")

    def projects(self, partners):
        rows = [
            Project(
                title_bg=f"Генериран проект {n}",
                title_en=f"Generated project {n}",
                slug_bg=f"{self.prefix}proekt-{n}",
                slug_en=f"{self.prefix}project-{n}",
                acronym=f"GEN{n}",
                programme_bg="Хоризонт Европа",
                programme_en="Horizon Europe",
                summary_bg="Генериран проект за измерване.",
                summary_en="A generated project, for measuring.",
                description_bg=PARAGRAPH_BG,
                description_en=PARAGRAPH_EN,
                start_date=datetime.date(2015 + n % 10, 1, 1),
                end_date=datetime.date(2020 + n % 10, 12, 31),
                **self._published(n, datetime.timedelta(days=30)),
            )
            for n in range(_share(self.count, ARTICLES_PER_PROJECT))
        ]
        projects = self._create(Project, rows, "Generated projects")
        roles = cycle([Role.COORDINATOR, Role.LIGHTHOUSE, Role.FOLLOWER, Role.PARTNER])
        links = [
            Participation(project=projects[n % len(projects)], partner=partner, role=next(roles))
            for n, partner in enumerate(partners)
        ]
        self._create(Participation, links, "Generated participations")
        return projects

    def meetings(self, projects, partners):
        first_day = timezone.localdate() - datetime.timedelta(days=7)
        meetings = []
        for n in range(_share(self.count, ARTICLES_PER_MEETING)):
            start = first_day - datetime.timedelta(days=7 * n)
            meetings.append(
                Meeting(
                    title_bg=f"Генерирана среща {n}",
                    title_en=f"Generated meeting {n}",
                    slug_bg=f"{self.prefix}sreshta-{n}",
                    slug_en=f"{self.prefix}meeting-{n}",
                    project=projects[n % len(projects)],
                    host=partners[n % len(partners)],
                    start_date=start,
                    end_date=start + datetime.timedelta(days=1),
                    venue_bg="Зала на общината",
                    venue_en="Municipal hall",
                    summary_bg="Генерирана среща за измерване.",
                    summary_en="A generated meeting, for measuring.",
                    body_bg=PARAGRAPH_BG,
                    body_en=PARAGRAPH_EN,
                    **self._published(n, datetime.timedelta(days=7)),
                )
            )
        meetings = self._create(Meeting, meetings, "Generated meetings")
        Participants = Meeting.participants.through
        self._create(
            Participants,
            [
                Participants(meeting=meeting, partner=partners[(n + k) % len(partners)])
                for n, meeting in enumerate(meetings)
                for k in range(min(4, len(partners)))
            ],
            "Generated meeting participants",
        )
        kinds = cycle(SessionKind.values)
        self._create(
            Session,
            [
                Session(
                    meeting=meeting,
                    order=order,
                    date=meeting.start_date + datetime.timedelta(days=order % 2),
                    start_time=datetime.time(9 + order, 0),
                    end_time=datetime.time(9 + order, 45),
                    title_bg=f"Сесия {order} на среща {n}",
                    title_en=f"Session {order} of meeting {n}",
                    kind=next(kinds),
                    summary_bg="Представяне и разговор.",
                    summary_en="A presentation and a discussion.",
                )
                for n, meeting in enumerate(meetings)
                for order in range(1, SESSIONS_PER_MEETING + 1)
            ],
            "Generated sessions",
        )
        self._create(
            SiteVisit,
            [
                SiteVisit(
                    meeting=meeting,
                    order=order,
                    date=meeting.end_date,
                    title_bg=f"Посещение {order} на среща {n}",
                    title_en=f"Visit {order} of meeting {n}",
                    place_bg="Смолян",
                    place_en="Smolyan",
                    description_bg="Обиколка на обновена сграда.",
                    description_en="A tour of a renovated building.",
                    latitude=41.5748,
                    longitude=24.7124,
                )
                for n, meeting in enumerate(meetings)
                for order in range(1, VISITS_PER_MEETING + 1)
            ],
            "Generated site visits",
        )
        return meetings

    def articles(self, projects, partners, meetings):
        rows = [
            Article(
                title_bg=f"Генерирана новина {n}",
                title_en=f"Generated news item {n}",
                slug_bg=f"{self.prefix}novina-{n}",
                slug_en=f"{self.prefix}news-{n}",
                summary_bg="Кратко резюме на генерираната новина.",
                summary_en="A short summary of the generated news item.",
                body_bg=PARAGRAPH_BG * 3,
                body_en=PARAGRAPH_EN * 3,
                meeting=meetings[n // ARTICLES_PER_MEETING % len(meetings)],
                **self._published(n, datetime.timedelta(hours=8)),
            )
            for n in range(self.count)
        ]
        articles = self._create(Article, rows, "Generated articles")
        ArticleProjects = Article.projects.through
        self._create(
            ArticleProjects,
            [
                ArticleProjects(article=article, project=projects[n % len(projects)])
                for n, article in enumerate(articles)
            ],
            "Generated article projects",
        )
        ArticlePartners = Article.partners.through
        self._create(
            ArticlePartners,
            [
                ArticlePartners(article=article, partner=partners[(n + k) % len(partners)])
                for n, article in enumerate(articles)
                for k in range(min(2, len(partners)))
            ],
            "Generated article partners",
        )

    def documents(self, projects, meetings):
        # One stored file serves every generated document: the rows are what is measured.
        name = default_storage.save(
            f"documents/generated/{self.prefix}report.pdf", ContentFile(GENERATED_REPORT)
        )
        rows = [
            Document(
                title_bg=f"Генериран документ {n}",
                title_en=f"Generated document {n}",
                description_bg="Доклад от срещата.",
                description_en="A report of the meeting.",
                file=name,
                file_size=default_storage.size(name),
                file_type="pdf",
                kind=DocumentKind.REPORT,
                project=projects[n % len(projects)],
                meeting=meetings[n % len(meetings)],
                **self._published(n, datetime.timedelta(days=1)),
            )
            for n in range(_share(self.count, ARTICLES_PER_DOCUMENT))
        ]
        self._create(Document, rows, "Generated documents")
