import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RECORDINGS = REPO / "data" / "recordings" / "officielebekendmakingen"
PLOOI = RECORDINGS / "byte-exact"  # verbatim copies of the real KOOP fixtures (see PROVENANCE.txt there)


# --- Elasticsearch: the noida-db emulator, or a real cluster ---------------------------------
# Without ELASTICSEARCH_URL the Elasticsearch backend is tested against noida-db (an
# ES-API-compatible server from PyPI, pinned in pyproject.toml; reports 8.15.3): "emulator"
# tests. With ELASTICSEARCH_URL (and ELASTICSEARCH_PASSWORD / ELASTICSEARCH_CA_CERTS) the same
# tests run against that cluster instead ("real_es"), e.g. after `docker compose up -d elasticsearch`.
REAL_ES_URL = os.environ.get("ELASTICSEARCH_URL")
ES_MODE = "real_es" if REAL_ES_URL else "emulator"
ES_MARK = pytest.mark.real_es if REAL_ES_URL else pytest.mark.emulator


def _start_noida(data_dir: Path):
    import re
    import shutil
    import threading

    binary = shutil.which("noida-db") or str(Path(sys.executable).parent / "noida-db")
    proc = subprocess.Popen([binary, "start", "--only", "elasticsearch", "--host", "127.0.0.1",
                             "--elasticsearch-port", "0", "--data-dir", str(data_dir)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    found: list[str] = []
    seen: list[str] = []

    def read() -> None:
        for line in proc.stdout:  # keep draining, so the server never blocks on a full pipe
            seen.append(line)
            m = re.search(r"elasticsearch\s+(http://127\.0\.0\.1:\d+)", line)
            if m and not found:
                found.append(m.group(1))

    threading.Thread(target=read, daemon=True, name="noida-output").start()
    for _ in range(300):
        if found or proc.poll() is not None:
            break
        import time

        time.sleep(0.05)
    if not found:
        proc.kill()
        raise RuntimeError("noida-db did not start: " + "".join(seen[-20:]))
    return proc, found[0]


@pytest.fixture(scope="session")
def es_env(tmp_path_factory):
    """Environment for the Elasticsearch backend: ELASTICSEARCH_URL (+ credentials) of the real
    cluster when given, else of a noida-db emulator started for the session on a free loopback
    port with a temporary data directory (stopped at the end)."""
    if REAL_ES_URL:
        yield {k: v for k, v in os.environ.items() if k.startswith("ELASTICSEARCH_")}
        return
    proc, url = _start_noida(tmp_path_factory.mktemp("noida"))
    try:
        yield {"ELASTICSEARCH_URL": url}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def es_prefix(data_dir) -> str:
    """An index prefix of its own for every data directory (tests never share an index)."""
    import hashlib

    return "kwtest-" + hashlib.sha1(str(data_dir).encode()).hexdigest()[:12]


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
