# The two commands of the README: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast test-search-package lint setup setup-test migrate demo serve clean

run: setup migrate demo serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall only when the requirements change.
$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

setup: $(VENV)/.installed-run

setup-test: $(VENV)/.installed-test

migrate: setup
	$(BIN)/python manage.py migrate --noinput -v0

# HOST and PORT reach the demo's site record (full addresses in feeds, sitemap, e-mails) and what it prints.
demo: migrate
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py load_demo

# The scheduler publishes pages scheduled for later (定时发布) while the site runs; it stops with the server.
serve:
	@echo "网站：http://$(HOST):$(PORT)/   管理后台：http://$(HOST):$(PORT)/admin/"
	@export HOST=$(HOST) PORT=$(PORT); $(BIN)/python manage.py run_scheduler & SCHEDULER=$$!; trap 'kill $$SCHEDULER 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# axe-core and the Nu HTML Checker for the browser checks; without npm those checks are skipped (CI requires them).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm 不可用：跳过浏览器中的无障碍和 HTML 检查"; fi

# Lint (ruff) and the one-way dependencies between apps (import-linter, contracts in pyproject.toml) first:
# a new import cycle fails the build before any test runs.
lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

test: lint node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(MAKE) test-search-package

# The Chinese search's own tests (packages/wagtail-chinese-search, a separate distribution) on its minimal test app,
# on the database DATABASE_URL names (SQLite without it).
test-search-package: setup-test
	cd packages/wagtail-chinese-search && ../../$(BIN)/python -m pytest -q

# A developer's quick run (under two minutes): no browser, no demo loads, no fuzzing, no subprocess deployments.
test-fast: setup-test
	$(BIN)/python -m pytest -m "not slow and not browser and not postgres" $(PYTEST_ARGS)
	$(MAKE) test-search-package

clean:
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-* media .test-media static var
