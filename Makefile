# Two commands for a fresh machine: `make run` (the main job) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install crawl status index serve bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Main job: crawl the bundled recordings of the real sources through Scrapy (replay download
# handler: no network), store the records, bring the embedded index up to date and serve the
# site at http://127.0.0.1:8000 (KAMERWACHT_PORT to change). Re-running reuses the venv, the
# store and the index (the crawl of the recordings is idempotent; indexing only catches up).
# The bundled recordings are a snapshot: their statuses (open, late) are computed for the
# snapshot's date, and the site's demo banner says so. A live install leaves this unset (today).
DEMO_AS_OF ?= 2024-11-01
run: export KAMERWACHT_STATUS_AS_OF ?= $(DEMO_AS_OF)
crawl: export KAMERWACHT_STATUS_AS_OF ?= $(DEMO_AS_OF)
run: $(STAMP) crawl
	$(BIN)/kamerwacht status
	$(BIN)/kamerwacht index
	$(BIN)/kamerwacht serve

test: $(STAMP)
	$(BIN)/pytest -q

# Every source with bundled recordings (data/recordings/<source>; a manifest's spider_args say
# what a recording was made for, e.g. the Brussels legislatures).
RECORDED_SOURCES := officielebekendmakingen tweedekamer dekamer vlaamsparlement senaat brussels

crawl: $(STAMP)
	@for source in $(RECORDED_SOURCES); do \
		$(BIN)/kamerwacht crawl $$source --replay data/recordings/$$source || exit 1; \
	done

index: $(STAMP)
	$(BIN)/kamerwacht index

serve: $(STAMP)
	$(BIN)/kamerwacht serve

status: $(STAMP)
	$(BIN)/kamerwacht status

bench: $(STAMP)
	$(BIN)/python bench/parse_throughput.py
	$(BIN)/python bench/parse_belgian.py
	$(BIN)/python bench/search_bench.py --records 100000

clean:
	rm -rf $(VENV) var
