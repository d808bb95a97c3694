# The two README commands are `make run` and `make test`; everything else supports them.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: install run test lint bench serve demo clean system-deps frontend

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip uv

# Python packages from the lock file, then the project itself (editable). Bytecode is compiled at install, so
# a fresh process (the CLI, a new gunicorn worker) never compiles pandas or Django from source on its cold path,
# even where PYTHONDONTWRITEBYTECODE is set.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/uv pip sync --python $(BIN)/python -q --compile-bytecode requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python -q --no-deps -e .
	$(BIN)/python -m compileall -q -j 0 src >/dev/null
	touch $(STAMP)

# Front-end packages from npm, copied into static/vendor (nothing is fetched at run time).
frontend: node_modules/.stamp
node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	node scripts/copy-vendor.mjs
	touch $@

# Debian packages the PDF renderer and the browser tests need.
system-deps:
	@bash scripts/system-deps.sh

install: $(STAMP) frontend system-deps

# The public data folder is used when complete, else fetched from the publishers (`sectorhub data ensure`).
demo: install
	$(BIN)/sectorhub data ensure
	$(BIN)/sectorhub demo load

serve:
	$(BIN)/sectorhub web serve

run: demo serve

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

test: install
	bash scripts/test.sh

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules var src/sectorhub/static/vendor
