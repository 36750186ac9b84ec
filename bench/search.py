"""Cost of a search at scale: 10,000 articles and a proportional rest of the content.

Builds a throwaway database (SQLite by default; with BENCH_DATABASE_URL, an empty
PostgreSQL database made for it), fills it with the demo content and generated items whose
text mixes the demo's words with made-up ones (20,000 a language, Zipf frequencies),
builds the index with `rebuild_search_index`, then answers a mix of searches through the
whole page. Prints, for each search, the median
time of the page, its SQL queries and its result count, and the median of the medians.
The budget is a median under 50 ms with at most 5 queries. Run:
`.venv/bin/python bench/search.py` (or `make bench`), and
`BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search .venv/bin/python
bench/search.py` for PostgreSQL.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
WORK = tempfile.mkdtemp(prefix="bench-search-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smolyan_portal.settings")
os.environ["DJANGO_SECRET_KEY"] = "bench-only-not-secret-" + "x" * 30
os.environ["DJANGO_DEBUG"] = "false"
os.environ["DJANGO_SECURE"] = "false"
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ["DJANGO_MEDIA_ROOT"] = f"{WORK}/media"

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

ARTICLES = 10_000
# The demo has one meeting, three documents and one article; a real portal has far more
# news than meetings. Per 10,000 articles: 500 meetings (6 sessions, 3 visits each),
# 1,000 documents with a file each, 100 partners, 20 projects.
MEETINGS = ARTICLES // 20
DOCUMENTS = ARTICLES // 10
PARTNERS = 100
PROJECTS = 20
VOCABULARY = 20_000
ROUNDS = 15
QUERIES = [
    ("bg", "басейн"),
    ("bg", "Захариев"),
    ("bg", "Широка лъка"),
    ("en", "Pisek"),
    ("en", "trondhiem"),
    ("bg", "енергия"),
    ("bg", "среща"),
    ("en", "meetings"),
    ("en", "Smolyan"),
    ("en", '"positive energy district"'),
    ("en", "energy efficiency decarbonisation"),
    ("bg", "Shiroka Laka"),
    ("en", "cookbook"),
    ("en", "xylophone"),
    ("en", "smolyanskix"),
]


def demo_words():
    """Words of the demo texts in each language, the most frequent first."""
    from collections import Counter

    from search.models import IndexEntry

    counts = {"bg": Counter(), "en": Counter()}
    for entry in IndexEntry.objects.select_related("text"):
        text = f"{entry.title} {entry.text.body} {entry.text.file_text}"
        counts[entry.language].update(text.split())
    return {code: [word for word, _n in counter.most_common()] for code, counter in counts.items()}


def vocabulary(words, generator):
    """A vocabulary of VOCABULARY words per language: the demo's, spread among made-up ones.

    Word frequencies follow Zipf's law, as in real text; a demo word keeps its rank
    among the demo words, so "на" and "the" stay common and "басейн" stays rarer.
    """
    letters = {"bg": "бвгдзклмнпрстчш", "en": "bcdfgklmnprstvz"}
    vowels = {"bg": "аеиоуъ", "en": "aeiouy"}
    vocabularies = {}
    for code, demo in words.items():
        made_up = set()
        while len(made_up) < VOCABULARY - len(demo):
            syllables = generator.randint(2, 4)
            made_up.add(
                "".join(
                    generator.choice(letters[code]) + generator.choice(vowels[code])
                    for _ in range(syllables)
                )
            )
        made_up = sorted(made_up)
        generator.shuffle(made_up)
        spread = VOCABULARY // max(len(demo), 1)
        pool = []
        for rank in range(VOCABULARY):
            if rank % spread == 0 and rank // spread < len(demo):
                pool.append(demo[rank // spread])
            elif made_up:
                pool.append(made_up.pop())
        vocabularies[code] = pool
    return vocabularies


def writer(words, seed):
    generator = random.Random(seed)
    words = vocabulary(words, generator)
    # A few words are common and most are rare, as in real text.
    weights = {code: [1 / (rank + 1) for rank in range(len(pool))] for code, pool in words.items()}

    def sentence(code, length):
        return " ".join(generator.choices(words[code], weights[code], k=length)).capitalize()

    return sentence, generator


def fill(words):
    from documents.models import Document
    from events.models import Meeting, Session, SiteVisit
    from news.models import Article
    from partners.models import Partner
    from projects.models import Project
    from publishing.models import Status
    from smolyan_portal.demo import files

    sentence, generator = writer(words, 2023)
    now = timezone.now()
    published = {"status": Status.PUBLISHED}

    def when(n, total):
        return now - (now - now.replace(year=2015)) * (n / total)

    projects = Project.objects.bulk_create(
        Project(
            title_bg=sentence("bg", 4),
            title_en=sentence("en", 4),
            slug_bg=f"proekt-{n}",
            slug_en=f"project-{n}",
            summary_bg=sentence("bg", 20),
            summary_en=sentence("en", 20),
            description_bg=f"<p>{sentence('bg', 120)}</p>",
            description_en=f"<p>{sentence('en', 120)}</p>",
            published_at=when(n, PROJECTS),
            **published,
        )
        for n in range(PROJECTS)
    )
    partners = Partner.objects.bulk_create(
        Partner(
            name_bg=sentence("bg", 2),
            name_en=sentence("en", 2),
            slug_bg=f"partnyor-{n}",
            slug_en=f"partner-{n}",
            kind="city",
            country="BG",
            city_bg=sentence("bg", 1),
            city_en=sentence("en", 1),
            description_bg=f"<p>{sentence('bg', 60)}</p>",
            description_en=f"<p>{sentence('en', 60)}</p>",
            published_at=when(n, PARTNERS),
            **published,
        )
        for n in range(PARTNERS)
    )
    articles = Article.objects.bulk_create(
        (
            Article(
                title_bg=sentence("bg", 8),
                title_en=sentence("en", 8),
                slug_bg=f"novina-{n}",
                slug_en=f"news-{n}",
                summary_bg=sentence("bg", 25),
                summary_en=sentence("en", 25),
                body_bg="".join(f"<p>{sentence('bg', 60)}</p>" for _ in range(4)),
                body_en="".join(f"<p>{sentence('en', 60)}</p>" for _ in range(4)),
                published_at=when(n, ARTICLES),
                **published,
            )
            for n in range(ARTICLES)
        ),
        batch_size=500,
    )
    Article.projects.through.objects.bulk_create(
        (
            Article.projects.through(article_id=article.pk, project_id=project.pk)
            for article in articles
            for project in generator.sample(projects, 2)
        ),
        batch_size=1000,
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title_bg=sentence("bg", 6),
            title_en=sentence("en", 6),
            slug_bg=f"sreshta-{n}",
            slug_en=f"meeting-{n}",
            summary_bg=sentence("bg", 25),
            summary_en=sentence("en", 25),
            body_bg="".join(f"<p>{sentence('bg', 80)}</p>" for _ in range(3)),
            body_en="".join(f"<p>{sentence('en', 80)}</p>" for _ in range(3)),
            outcomes_bg=f"<ul><li>{sentence('bg', 30)}</li></ul>",
            outcomes_en=f"<ul><li>{sentence('en', 30)}</li></ul>",
            start_date=when(n, MEETINGS).date(),
            end_date=when(n, MEETINGS).date(),
            project=generator.choice(projects),
            published_at=when(n, MEETINGS),
            **published,
        )
        for n in range(MEETINGS)
    )
    Session.objects.bulk_create(
        (
            Session(
                meeting=meeting,
                order=order,
                date=meeting.start_date,
                title_bg=sentence("bg", 6),
                title_en=sentence("en", 6),
                summary_bg=sentence("bg", 40),
                summary_en=sentence("en", 40),
                speakers_bg=sentence("bg", 3),
                speakers_en=sentence("en", 3),
            )
            for meeting in meetings
            for order in range(1, 7)
        ),
        batch_size=1000,
    )
    SiteVisit.objects.bulk_create(
        (
            SiteVisit(
                meeting=meeting,
                order=order,
                date=meeting.start_date,
                title_bg=sentence("bg", 5),
                title_en=sentence("en", 5),
                place_bg=sentence("bg", 2),
                place_en=sentence("en", 2),
                description_bg=sentence("bg", 30),
                description_en=sentence("en", 30),
            )
            for meeting in meetings
            for order in range(1, 4)
        ),
        batch_size=1000,
    )
    documents = []
    for n in range(DOCUMENTS):
        document = Document(
            title_bg=sentence("bg", 5),
            title_en=sentence("en", 5),
            description_bg=sentence("bg", 20),
            description_en=sentence("en", 20),
            project=generator.choice(projects),
            published_at=when(n, DOCUMENTS),
            **published,
        )
        content = files.make_odt("Доклад", [("text", sentence("bg", 80)) for _ in range(10)])
        document.file.save(f"report-{n}.odt", ContentFile(content), save=False)
        document.file_type = "odt"
        documents.append(document)
    Document.objects.bulk_create(documents, batch_size=500)
    return len(articles), len(meetings), len(documents), len(partners), len(projects)


def measure(client, language, typed):
    from search import engine

    path = "/bg/tarsene/" if language == "bg" else "/en/search/"
    client.get(path, {"q": typed})  # warm
    times, cpu = [], []
    for _ in range(ROUNDS):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(path, {"q": typed})
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert response.status_code == 200, (typed, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path, {"q": typed})
    with translation.override(language):
        count = engine.run(typed, engine.Filters(), language).found.total
    return statistics.median(times), statistics.median(cpu), len(queries), count


def main():
    vendor = connection.vendor
    call_command("migrate", verbosity=0)
    # As in production: hashed, compressed static files from the manifest.
    call_command("collectstatic", interactive=False, verbosity=0)
    with translation.override("bg"):
        call_command("load_demo", stdout=open(os.devnull, "w"))
    words = demo_words()
    started = time.perf_counter()
    counts = fill(words)
    filled = time.perf_counter() - started
    started = time.perf_counter()
    call_command("rebuild_search_index", stdout=open(os.devnull, "w"))
    indexed = time.perf_counter() - started
    from search.models import IndexedWord, IndexEntry

    print(
        f"Search on {vendor}: {counts[0]} articles, {counts[1]} meetings "
        f"({counts[1] * 6} sessions, {counts[1] * 3} site visits), {counts[2]} documents, "
        f"{counts[3]} partners, {counts[4]} projects (+ the demo)"
    )
    print(
        f"content made in {filled:.0f} s; index rebuilt in {indexed:.0f} s: "
        f"{IndexEntry.objects.count()} entries, {IndexedWord.objects.count()} words"
    )
    client = Client()
    header = f"{'search':<40}{'ms':>8}{'CPU ms':>8}{'queries':>9}{'results':>9}"
    print(
        f"median of {ROUNDS} requests of the whole page: wall time, and this process's CPU "
        f"time (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    print(header)
    print("-" * len(header))
    medians, cpu_medians = [], []
    for language, typed in QUERIES:
        median, cpu, queries, count = measure(client, language, typed)
        medians.append(median)
        cpu_medians.append(cpu)
        print(
            f"{language + ' ' + typed:<40}{median * 1000:>8.1f}{cpu * 1000:>8.1f}"
            f"{queries:>9}{count:>9}"
        )
    print("-" * len(header))
    print(
        f"median of the searches: {statistics.median(medians) * 1000:.1f} ms "
        f"({statistics.median(cpu_medians) * 1000:.1f} ms CPU in this process); "
        f"load average now {os.getloadavg()[0]:.1f}"
    )
    connections.close_all()


if __name__ == "__main__":
    main()
