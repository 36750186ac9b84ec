"""Instructions the CPU runs for one request of each page type, counted by Valgrind.

Times on a shared 2-core machine move by a fifth from one run to the next; the number of
instructions a request runs moved by up to 3 % between runs of the same code here (the
collector and the hash seed differ), and it says the same on a busy machine. So it can
weigh a change of a tenth that no clock here sees. Its figures are instructions, not time:
what a page waits for (the database, the cache) costs time it does not count.

The demo content (and `--bulk N` generated articles) is loaded once, on a throwaway SQLite
database as bench/pages.py builds it. Each page is then asked for in a process of its own
under Valgrind's cachegrind, once with `FIRST` requests and once with `FIRST + ROUNDS`:
the difference over `ROUNDS` is what one request runs, without Python's start and
Django's set-up. Cold: the page cache off. Cached: the file cache, stored by the first
request. Needs Valgrind (`apt-get install valgrind`); a page takes about a minute. Run:
`.venv/bin/python bench/instructions.py [--bulk N] [--cached] [page ...]`.
"""

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST, ROUNDS = 2, 4


def start_django():
    """bench/request_cpu.py, which sets the environment and starts Django, on the database in
    BENCH_WORK."""
    sys.path.insert(0, str(HERE))
    import request_cpu

    logging.disable(logging.WARNING)
    return request_cpu


def requests_in_child(page, count, cached):
    """Inside Valgrind: ask for the page `count` times."""
    request_cpu = start_django()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler

    settings.PAGE_CACHE_SECONDS = 600 if cached else 0
    app = WSGIHandler()
    path = request_cpu.pages.pages()["bg"][page]
    for _ in range(count):
        request_cpu.request(app, path)


def instructions(page, count, cached, work):
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        page,
        str(count),
    ]
    if cached:
        command.append("--cached")
    done = subprocess.run(
        command,
        env={**os.environ, "BENCH_WORK": work},
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    return int(found.group(1).replace(",", ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="page types (default: bench/request_cpu.py's)")
    parser.add_argument("--bulk", type=int, default=0, help="generated articles to add")
    parser.add_argument("--cached", action="store_true", help="the page cache on")
    parser.add_argument("--child", nargs=2, metavar=("PAGE", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        requests_in_child(args.child[0], int(args.child[1]), args.cached)
        return
    work = tempfile.mkdtemp(prefix="bench-instructions-")
    os.environ["BENCH_WORK"] = work
    request_cpu = start_django()
    request_cpu.load_content(args.bulk)

    size = f"demo content and {args.bulk} generated articles" if args.bulk else "demo content"
    print(f"Instructions per request, millions ({'cached' if args.cached else 'cold'}; {size})")
    try:
        for page in args.pages or request_cpu.PAGES:
            before = instructions(page, FIRST, args.cached, work)
            after = instructions(page, FIRST + ROUNDS, args.cached, work)
            print(f"{page:<16}{(after - before) / ROUNDS / 1e6:>10.1f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
