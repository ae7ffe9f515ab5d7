# dragoman: `make demo` on a fresh machine sets everything up, codes the examples into
# ./dragoman.duckdb and prints the events table.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
EXAMPLE := examples/security-guarantees.txt
DB      := dragoman.duckdb

.PHONY: install demo test eval lint clean lock bench

install: $(STAMP)

# Pinned, hash-checked dependencies (requirements.lock, made by `make lock`), then the
# package itself in editable mode.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# build the place gazetteer into the cache once (about 15 s), not on the first command
	$(BIN)/python -c "from dragoman.layers.places.gazetteer import gazetteer; gazetteer()"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dragoman ingest examples --db $(DB) --date 2022-02-17
	$(BIN)/dragoman export --db $(DB) --format table

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# The shared scorers on the development sets (slow; not part of `make test`).
eval: $(STAMP)
	@if [ ! -d "$(SHARED)/eval" ]; then \
		echo "make eval: $(SHARED)/eval not found; the scorers and development sets live beside the project"; \
		exit 0; \
	fi; \
	set -e; \
	python3 $(SHARED)/eval/seed.py --dragoman $(BIN)/dragoman | tail -n 1; \
	python3 $(SHARED)/eval/actors.py --data $(SHARED)/data/actors/ngec-actors-dev.jsonl --dragoman $(BIN)/dragoman | tail -n 1; \
	python3 $(SHARED)/eval/plover.py --data $(SHARED)/data/plover/PLV_train.tsv --task both --dragoman $(BIN)/dragoman | tail -n 1; \
	python3 $(SHARED)/eval/timex.py --data $(SHARED)/data/timebank --dragoman $(BIN)/dragoman | tail -n 1; \
	python3 $(SHARED)/eval/places.py --data $(SHARED)/data/geo/GWN.xml --dragoman $(BIN)/dragoman | tail -n 1; \
	python3 $(SHARED)/eval/quotes.py --data $(SHARED)/data/polnear/dev --dragoman $(BIN)/dragoman | tail -n 1; \
	python3 $(SHARED)/eval/throughput.py --dragoman $(BIN)/dragoman --python $(BIN)/python | tail -n 1

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Re-pin dependencies after editing pyproject.toml (needs pip-tools and the network).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra dev -o requirements.lock pyproject.toml
	sed -i "/^--extra-index-url/d; /^--find-links/d" requirements.lock

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
