# The one place the project's commands live; README and .ci/run call these targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
# The suite runs in one process; TEST_WORKERS=auto spreads it over every core, up to four
# (each worker has its own test database, cache folder, Redis database and browser). On a
# two-core CI machine one process finished first: the workers repeat the module fixtures and
# share the cores with their browsers.
TEST_WORKERS ?= 0
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --maxprocesses 4 --dist load
HOST ?= 127.0.0.1:8000

.PHONY: run worker install dev test test-postgres lint format messages bench screenshots clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed node_modules/.package-lock.json

# The Nu HTML Checker (npm vnu-jar) for the HTML-validity tests; its postinstall script
# would fetch a Java runtime, so scripts are off and Java comes from the system.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

## Start the portal with demo content on SQLite, debug on, at http://$(HOST)/, with the
## background worker that makes image renditions beside it (stopped with the server).
run: install
	DJANGO_DEBUG=true $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=true $(PY) manage.py load_demo
	DJANGO_DEBUG=true $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker' EXIT INT TERM; \
	DJANGO_DEBUG=true $(PY) manage.py runserver $(HOST)

## The background worker alone: image renditions and other queued work.
worker: install
	$(PY) manage.py db_worker

## Run the whole suite (on PostgreSQL when DATABASE_URL is set).
test: dev
	$(PYTEST) $(PYTEST_ARGS)

test-postgres: dev
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/smolyan} $(PYTEST) --create-db $(PYTEST_ARGS)

lint: dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Update the interface translations: extract, then compile (needs GNU gettext).
messages: dev
	DJANGO_DEBUG=true $(PY) manage.py makemessages --all --no-location --no-obsolete --ignore=.venv --ignore=tests --ignore=bench --ignore=node_modules --ignore=staticfiles
	DJANGO_DEBUG=true $(PY) manage.py compilemessages --ignore=.venv

## Requests per second of every page against a bare Django page (needs wrk; see bench/run).
bench: dev
	$(PY) bench/run

## Screenshots of every page type, 390 and 1366 px, both languages, in docs/screenshots/.
screenshots: dev
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
