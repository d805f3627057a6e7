# Two commands for a fresh machine: `make run` (the main job) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install crawl status bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Main job: crawl the bundled recordings of the real sources through Scrapy (replay download
# handler: no network), store the records and print a summary. Indexing and the site come with
# the search issue.
run: $(STAMP)
	$(BIN)/kamerwacht crawl officielebekendmakingen --replay data/recordings/officielebekendmakingen
	$(BIN)/kamerwacht status

test: $(STAMP)
	$(BIN)/pytest -q

crawl: run

status: $(STAMP)
	$(BIN)/kamerwacht status

bench: $(STAMP)
	$(BIN)/python bench/parse_throughput.py

clean:
	rm -rf $(VENV) var
