"""CPU time of one request of each page type, served from the page cache and made cold.

Process time of this one process, not wall time, so the figures say what a request costs
even on a busy machine (other work on the same cores slows it, but does not count in it).
Each request goes through Django's WSGI handler and the whole middleware stack, with no
test client and no server in front. The demo content is on a throwaway SQLite database
(as bench/pages.py builds it); the page cache is the file cache in a folder of its own, or
Redis with `BENCH_REDIS_URL=redis://127.0.0.1:6379/15` (that database is emptied).
`BENCH_BULK=10000` adds that many generated articles (`load_demo --bulk`) first. Run:
`.venv/bin/python bench/request_cpu.py`.
"""

import io
import logging
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
WORK = Path(
    os.environ.get("BENCH_WORK") or __import__("tempfile").mkdtemp(prefix="bench-request-cpu-")
)
os.environ["DJANGO_CACHE_DIR"] = str(WORK / "cache")
os.environ.pop("REDIS_URL", None)
if os.environ.get("BENCH_REDIS_URL"):
    os.environ["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]

import pages  # noqa: E402  (sets the environment and starts Django)
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import translation  # noqa: E402

PAGES = [
    "home",
    "news list",
    "article",
    "meetings list",
    "meeting",
    "partners list",
    "partner",
    "project",
    "search",
]
# Requests measured per page: enough for the process clock's resolution.
CACHED_ROUNDS = int(os.environ.get("BENCH_CACHED_ROUNDS", "500"))
COLD_ROUNDS = int(os.environ.get("BENCH_COLD_ROUNDS", "40"))
BULK = int(os.environ.get("BENCH_BULK", "0"))


def request(app, address):
    path, _, query = address.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": quote(query, safe="=&"),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    statuses = []
    body = b"".join(app(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    assert statuses[0].startswith("200"), (address, statuses[0])
    return body


def cpu_per_request(app, path, rounds):
    """The median of five runs of `rounds` requests, in microseconds of CPU each."""
    runs = []
    for _ in range(5):
        started = time.process_time()
        for _ in range(rounds):
            request(app, path)
        runs.append((time.process_time() - started) / rounds * 1e6)
    return statistics.median(runs)


def load_content(bulk):
    """The demo content, and `bulk` generated articles, on the benchmark's database."""
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    with translation.override("bg"):
        call_command("load_demo", stdout=open(os.devnull, "w"))
        if bulk:
            call_command("load_demo", "--bulk", str(bulk), stdout=open(os.devnull, "w"))


def main():
    load_content(BULK)
    cache.clear()
    logging.disable(logging.WARNING)
    app = WSGIHandler()
    urls = pages.pages()
    backend = "Redis" if os.environ.get("REDIS_URL") else "files"
    size = f"demo content and {BULK} generated articles" if BULK else "demo content"
    print(f"CPU per request, µs (this process; page cache in {backend}; {size})")
    header = f"{'page (bg)':<16}{'cached':>10}{'cold':>10}{'cold/cached':>13}"
    print(header)
    print("-" * len(header))
    for name in PAGES:
        path = urls["bg"][name]
        settings.PAGE_CACHE_SECONDS = 0
        request(app, path)  # templates loaded
        cold = cpu_per_request(app, path, COLD_ROUNDS)
        settings.PAGE_CACHE_SECONDS = 600
        request(app, path)  # stored
        cached = cpu_per_request(app, path, CACHED_ROUNDS)
        print(f"{name:<16}{cached:>10.0f}{cold:>10.0f}{cold / cached:>13.0f}")
    cache.clear()


if __name__ == "__main__":
    main()
