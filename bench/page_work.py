"""What one cold page does: queries, columns read, model instances, URL reversals, templates.

Counts, not times, so they hold on a busy machine: one request per page type through the
whole middleware stack, the page cache off, the demo content on a throwaway SQLite
database (as bench/pages.py builds it), with cProfile counting the calls. Run:
`.venv/bin/python bench/page_work.py`.
"""

import cProfile
import logging
import os
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ["DJANGO_PAGE_CACHE_SECONDS"] = "0"

import pages  # noqa: E402  (sets the environment and starts Django)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

PAGES = ["home", "news list", "article", "meeting", "partners list", "partner", "project", "search"]
# (column, file of the function, function name)
COUNTED = [
    ("model instances", "django/db/models/base.py", "__init__"),
    ("reverse()", "django/urls/base.py", "reverse"),
    ("variable look-ups", "django/template/base.py", "_resolve_lookup"),
    ("nodes rendered", "django/template/base.py", "render_annotated"),
]


def calls(stats, filename, function):
    return sum(
        counts[1]
        for (path, _line, name), counts in stats.stats.items()
        if name == function and path.replace(os.sep, "/").endswith(filename)
    )


def columns_selected(sql):
    """How many columns the outer SELECT of a query lists (its subqueries not counted)."""
    depth, count = 0, 1
    for position in range(sql.find("SELECT ") + len("SELECT "), len(sql)):
        character = sql[position]
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif depth == 0 and character == ",":
            count += 1
        elif depth == 0 and sql.startswith(" FROM ", position):
            break
    return count


def main():
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    with translation.override("bg"):
        call_command("load_demo", stdout=open(os.devnull, "w"))
    logging.disable(logging.INFO)
    urls = pages.pages()
    client = Client()
    header = f"{'page (bg)':<16}{'queries':>8}{'columns':>9}" + "".join(
        f"{name:>19}" for name, *_ in COUNTED
    )
    print(header)
    print("-" * len(header))
    for name in PAGES:
        url = urls["bg"][name]
        client.get(url)  # templates loaded, caches warm
        profile = cProfile.Profile()
        with CaptureQueriesContext(connection) as queries:
            profile.enable()
            response = client.get(url)
            profile.disable()
        assert response.status_code == 200, (url, response.status_code)
        stats = pstats.Stats(profile)
        counts = "".join(f"{calls(stats, path, function):>19}" for _, path, function in COUNTED)
        columns = sum(columns_selected(query["sql"]) for query in queries)
        print(f"{name:<16}{len(queries):>8}{columns:>9}{counts}")


if __name__ == "__main__":
    main()
