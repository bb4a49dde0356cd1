# Repertorio: `make run` serves the app, `make test` runs the whole suite.
# Both set up everything they need on a fresh machine (Debian, Python 3.11, Java 17).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

export DJANGO_SETTINGS_MODULE ?= kb.settings.dev

.PHONY: run test test-checks test-fast bench relevance finder-eval finder-bench benchmark screenshots maps install opensearch opensearch-stop opensearch-status migrate demo index dumps check lint format browsers apertium clean

# Served with DEBUG off, so visitors meet the site's own 404 and 500 pages (WhiteNoise
# serves the static files); `make run DEBUG=1` for Django's debug pages.
DEBUG ?= 0
# Beside the server run the two task workers (docs/architecture.md, "Task path"): the
# index drain with its sentence vectors (deploy/systemd/repertorio-index-queue.service
# in production), and machine translation, the desk's duplicate search and the open
# data dumps (repertorio-tasks.service); both stop with it.
WORKER_SECONDS ?= 5
run: install apertium opensearch migrate demo index dumps
	$(MANAGE) ensure_admin
	$(MANAGE) db_worker --backend index --queue-name index --interval $(WORKER_SECONDS) & drain=$$!; \
	$(MANAGE) db_worker --backend background --queue-name '*' --interval $(WORKER_SECONDS) & tasks=$$!; \
	trap 'kill $$drain $$tasks 2>/dev/null' EXIT INT TERM; \
	DEBUG=$(DEBUG) $(MANAGE) runserver $(HOST):$(PORT)

# The checks, then the tiers in this order: pure logic in tests/unit/ (no database, no
# search node); the integration tier on the real node and database, in TEST_WORKERS
# processes (pytest-xdist: each its own copy of a test database migrated once for
# both tiers, and its own index prefix); the browser tests last, in as many processes, a file per process
# (each its own live server), in the order tests/conftest.py gives them: the files
# with a slow test first, so that no process is left running one alone at the end.
TEST_WORKERS ?= 2
test: install apertium opensearch browsers
	$(MAKE) --no-print-directory -j 2 --output-sync=target test-checks test-fast
	run=$$(mktemp -d) && export DJANGO_SETTINGS_MODULE=kb.settings.test TEST_DATABASE_RUN_FOLDER=$$run && \
	trap '$(BIN)/python -m tests.database_template drop $$run' EXIT && \
	$(BIN)/pytest --ignore=tests/unit -m "not browser" \
	  -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS) && \
	$(BIN)/pytest --ignore=tests/unit -m browser \
	  -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# The checks before the tests (beside the fast tier in `make test`, each on a core):
# lint, the import layers, Django's checks, no missing migration, and the production
# settings' deploy check.
test-checks: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=kb.settings.test $(BIN)/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=kb.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=kb.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=kb.settings.production SECRET_KEY=deploy-check-only-0123456789-abcdefghijklmnopqrstuvwxyz \
	  ALLOWED_HOSTS=kb.example.org CONTACT_EMAIL=deploy-check@example.org $(MANAGE) check --deploy --fail-level WARNING

# The fast tier alone.
test-fast: install
	DJANGO_SETTINGS_MODULE=kb.settings.test $(BIN)/pytest tests/unit -q $(PYTEST_ARGS)

# Load test (bench/): SIZE practices on its own OpenSearch node (port 9260), served by
# gunicorn, driven at 1, 8 and 16 clients in the default mode (hybrid) and in text
# mode; prints one table. `make bench SIZE=10000` takes a few minutes. Extra options:
# BENCH_ARGS="--heap 2g --workers 3 --mixes uniform,zipf --modes hybrid,hybrid+cache".
SIZE ?= 100000
bench: install
	$(BIN)/python -m bench --size $(SIZE) $(BENCH_ARGS)

# Relevance by query kind on the real OGP export in ../shared/data (skips without it).
relevance: install apertium opensearch
	$(MANAGE) search evaluate

# The practice finder on its judged contexts (finder/evaluation/): nDCG@5 of the finder
# and of plain search on the problem's words, tuning and held-out halves, on a fresh
# copy of the demo repertory (its own database and index prefix).
finder-eval: install opensearch
	$(MANAGE) finder evaluate

# The finder API's latency for one client at SIZE practices (default 10,000) on the
# benchmark's own node: prints size, machine and p50/p95/p99.
FINDER_SIZE ?= 10000
finder-bench: install
	$(BIN)/python -m bench.finder --size $(FINDER_SIZE) $(BENCH_ARGS)

# Server time and query counts of the public pages on the demo data.
benchmark: index
	$(BIN)/python scripts/benchmark_pages.py --rounds 5

# Screenshots into docs/screenshots/: the home, search and practice pages (desktop and phone) and the editors' desk.
screenshots: index browsers
	$(BIN)/python scripts/screenshots.py

# Rebuild pages/maps/*.json from the @svg-maps npm packages.
maps: node_modules/.installed install
	$(BIN)/python scripts/build_maps.py

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is missing: apt-get install -y python3.11 python3.11-venv"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e ".[test]"
	touch $(STAMP)

opensearch:
	scripts/opensearch.sh start

opensearch-stop:
	scripts/opensearch.sh stop

opensearch-status:
	scripts/opensearch.sh status

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

index: demo
	$(MANAGE) search rebuild

# The open data page links the latest dated dumps: the first is written here (the
# weekly job writes the next ones; docs/operations.md).
dumps: index
	$(MANAGE) export_practices --dump

# Browser tests drive Debian's Chromium; Playwright never downloads its own.
# axe-core (accessibility rules) comes from the npm registry, pinned in package-lock.json.
browsers: node_modules/.installed
	@test -x /usr/bin/chromium || scripts/install-chromium.sh

# Machine translation (Debian apertium, apertium-en-es); installed when missing.
apertium:
	@scripts/install-apertium.sh

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install -y nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: opensearch-stop
	rm -rf $(VENV) data static_collected node_modules
