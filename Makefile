# Hart voor de Jeugd: every task goes through this file; CI calls the same targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The site's address in e-mails and printed links: load_demo gives it to the Site records.
SITE_URL ?= http://$(HOST):$(PORT)
LOCAL_SITE := SITE_URL=$(SITE_URL)

.DEFAULT_GOAL := help

.PHONY: help install run serve backup audit outdated lock loadtest migrate demo test lint format pytest e2e clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --constraint requirements.lock -e ".[dev]"
	touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the project with its test tools

# The test suite's HTML checker (vnu-jar, run with the machine's Java), pinned in
# package-lock.json. Only the tests need it: `make run` stays Python-only.
NODE_DEPS := node_modules/.installed

$(NODE_DEPS): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --ignore-scripts && touch $@; \
	else \
		echo "npm not found: the HTML checker test will be skipped (install Node.js and npm)"; \
	fi

migrate: install ## Apply database migrations
	$(LOCAL_SITE) $(MANAGE) migrate --no-input --verbosity 0

demo: migrate ## Load the demo content (idempotent) and build the search index from it
	$(LOCAL_SITE) $(MANAGE) load_demo
	$(LOCAL_SITE) $(MANAGE) update_index

run: demo ## Install, migrate, load the demo content and serve on http://127.0.0.1:8000 (or PORT=...)
	@echo ""
	@echo "  Hart voor de Jeugd: http://$(HOST):$(PORT)/"
	@echo "  Admin (redactie):   http://$(HOST):$(PORT)/admin/  e-mail 'redactie@hartvoordejeugd.local', password '$${DEMO_EDITOR_PASSWORD:-hart-voor-de-jeugd}'"
	@echo "  E-mails (the sign-up link too) are printed here, in this console."
	@echo ""
	$(LOCAL_SITE) $(MANAGE) runserver $(HOST):$(PORT)

WORKERS ?= 4
PRODUCTION := DJANGO_SETTINGS_MODULE=hartvoordejeugd.settings.production

serve: install ## Production: migrate, collect static files, run gunicorn (needs SECRET_KEY, DATABASE_URL)
	$(PRODUCTION) $(MANAGE) migrate --no-input --verbosity 0
	$(PRODUCTION) $(MANAGE) collectstatic --no-input --verbosity 0
	$(PRODUCTION) $(BIN)/gunicorn hartvoordejeugd.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT) \
		--access-logfile -  # the rest is in gunicorn.conf.py

backup: install ## Write the database and uploaded files to hartvoordejeugd-<date>-<time>.tar.gz
	$(MANAGE) backup

audit: install ## Check the pinned dependencies (requirements.lock) for known vulnerabilities (needs pypi.org)
	$(BIN)/pip-audit --strict --no-deps --disable-pip --progress-spinner off -r requirements.lock

outdated: install ## List pinned packages that have a newer release within their range (asks PyPI)
	$(BIN)/python tools/outdated.py

LOCK_VENV := .venv-lock

lock: ## Resolve pyproject.toml's version ranges anew and write the pins to requirements.lock
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/pip install --quiet -e ".[dev]"
	{ sed -n '1,/^$$/p' requirements.lock; $(LOCK_VENV)/bin/pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf $(LOCK_VENV)

loadtest: install ## Load test and soak on gunicorn (DATABASE_URL with generated content, REDIS_URL)
	$(BIN)/pip install --quiet --constraint requirements.lock -e ".[load]"
	$(BIN)/python loadtest/run.py $(LOADTEST_ARGS)

lint: install ## Check formatting and lint (ruff), the layer contracts (import-linter) and types (mypy)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	PYTHONPATH=. $(BIN)/lint-imports
	PYTHONPATH=. $(BIN)/mypy

format: install ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

pytest: install $(NODE_DEPS) ## Run the test suite only (DATABASE_URL picks PostgreSQL, default SQLite)
	$(BIN)/pytest -n 2 --create-db

test: lint pytest ## The whole suite: lint, format check, migrations check and all tests

clean: ## Remove the virtualenv, the local database and uploaded media
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-* media/images media/original_images media/documents
