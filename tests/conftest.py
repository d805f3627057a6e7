import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RECORDINGS = REPO / "data" / "recordings" / "officielebekendmakingen"
PLOOI = RECORDINGS / "byte-exact"  # verbatim copies of the real KOOP fixtures (see PROVENANCE.txt there)


# Every source with bundled recordings, in the order `make crawl` crawls them (a test checks the
# Makefile says the same).
DEMO_SOURCES = ("officielebekendmakingen", "tweedekamer", "dekamer", "vlaamsparlement", "senaat", "brussels")


def crawl_recordings(data_dir, sources=DEMO_SOURCES, env=None):
    """Crawl the bundled recordings of ``sources`` into ``data_dir``, as `make crawl` does."""
    for source in sources:
        run_cli(["crawl", source, "--replay", str(REPO / "data" / "recordings" / source)], data_dir, env=env)


# What changes between two crawls of the same bytes (fetch time, WARC file and offset).
VOLATILE = frozenset({"fetched_at", "warc_file", "warc_offset"})


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def stored_records(data_dir) -> dict:
    """The records in ``data_dir``'s store, by id, without what changes from one crawl of the
    same bytes to the next: two crawls (or a crawl and a reparse) compare equal."""
    import json
    import sqlite3

    db = sqlite3.connect(Path(data_dir) / "kamerwacht.sqlite")
    try:
        rows = db.execute("SELECT id, json FROM records ORDER BY id").fetchall()
    finally:
        db.close()
    return {rid: _strip(json.loads(j)) for rid, j in rows}


def run_cli(args, data_dir, env=None, check=True, timeout=180):
    """Run the kamerwacht command in a subprocess: a Scrapy crawl owns the Twisted reactor, which
    cannot be restarted inside one test process."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KAMERWACHT_")}
    full_env["KAMERWACHT_DATA_DIR"] = str(data_dir)
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "kamerwacht.cli", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"kamerwacht {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture
def cli():
    return run_cli
