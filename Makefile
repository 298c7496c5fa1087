# Broadsheet: `make demo` runs the demo site, `make test` runs every check and test.
PYTHON ?= $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000

POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/broadsheet
# One pytest process per core; a test module (and its module-wide stack or server) stays on one.
PYTEST_ARGS ?= -n auto --dist loadscope

.PHONY: demo test lint format check pytest pytest-postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# axe-core for the browser tests' accessibility checks (package.json); rerun when it changes.
node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

demo: $(VENV)/.installed
	$(BIN)/broadsheet demo $(ADDR)

# Lint, Django's checks, then the whole suite on SQLite and again on PostgreSQL.
test: lint check pytest pytest-postgres

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=broadsheet.settings.test $(BIN)/broadsheet check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=broadsheet.settings.test $(BIN)/broadsheet makemigrations --check --dry-run

pytest: $(VENV)/.installed node_modules/.installed
	$(BIN)/pytest $(PYTEST_ARGS)

pytest-postgres: $(VENV)/.installed node_modules/.installed
	BROADSHEET_DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var
