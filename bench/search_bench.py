"""Search benchmark: bulk indexing, API latency through the WSGI app, RSS of the web process,
and an SQLite FTS5 bm25+snippet baseline on the same corpus (the design OpenTK uses).

    .venv/bin/python bench/search_bench.py --records 100000 [--queries 100] [--workdir DIR]

The corpus is synthetic (bench/corpus.py, constructed records) and loaded through
`kamerwacht import`, like a user loading a dump. Prints its figures; BENCHMARKS.md quotes them.
Targets (2-core machine): 100k records broad query p95 <= 30 ms and >= 3x faster than FTS5;
1M records p95 <= 150 ms; bulk index >= 3,000 records/s; web RSS <= 250 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


# --- latency probe: runs in its own process so its RSS is the web process's -------------------

def probe(data_dir: str, queries: int) -> dict:
    os.environ["KAMERWACHT_DATA_DIR"] = data_dir
    from web import create_app

    app = create_app()
    client = app.test_client()
    rng = random.Random(7)
    corpus_words = ["politie", "gegevens", "camera", "onderzoek", "minister"]  # broad: > 10k hits at 100k (as the FTS5 baseline)
    rare = ["candiru", "hansken", "briefcam", "pimeyes", "stingray", "graykey", "ennetcom", "coosto"]
    tools = ["clearview-ai", "pegasus", "anpr", "drones", "facial-recognition", "bodycams"]
    first = client.get("/api/v1/search?q=politie&per_page=1").get_json()
    ministers = [f["value"] for f in first["facets"]["minister"][:10]]
    kinds = {
        "rare term": lambda: f"/api/v1/search?q={rng.choice(rare)}",
        "broad, all facets + highlights": lambda: f"/api/v1/search?q={rng.choice(corpus_words)}&page={rng.randint(1, 5)}",
        "tool filter": lambda: f"/api/v1/search?tool={rng.choice(tools)}&sort=newest",
        "minister filter": lambda: f"/api/v1/search?minister={rng.choice(ministers)}&q=politie",
    }
    out = {}
    for name, make in kinds.items():
        client.get(make())  # warm
        times, totals = [], []
        for _ in range(queries):
            url = make()
            start = time.perf_counter()
            resp = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert resp.status_code == 200, (url, resp.status_code, resp.get_data(as_text=True)[:300])
            totals.append(resp.get_json()["total"])
        out[name] = {"p50": pct(times, 50), "p95": pct(times, 95), "median_hits": statistics.median(totals)}
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


# --- FTS5 baseline --------------------------------------------------------------------------

def fts5_baseline(corpus: Path, workdir: Path, queries: int) -> dict:
    db_path = workdir / "fts5.sqlite"
    db_path.unlink(missing_ok=True)
    db = sqlite3.connect(db_path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                     "CREATE TABLE docs(id INTEGER PRIMARY KEY, rid TEXT, status TEXT);"
                     "CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');")
    start = time.perf_counter()
    batch_docs, batch_fts = [], []
    with open(corpus, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            r = json.loads(line)
            body = " ".join([q["text"] for q in r["questions"]] + [a["text"] for a in r["answers"]])
            batch_docs.append((i, r["id"], r["status"]))
            batch_fts.append((i, r["title"], body))
            if len(batch_fts) >= 2000:
                db.executemany("INSERT INTO docs VALUES (?,?,?)", batch_docs)
                db.executemany("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)", batch_fts)
                batch_docs, batch_fts = [], []
    db.executemany("INSERT INTO docs VALUES (?,?,?)", batch_docs)
    db.executemany("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)", batch_fts)
    db.commit()
    db.execute("INSERT INTO fts(fts) VALUES('optimize')")
    db.commit()
    build_s = time.perf_counter() - start
    rng = random.Random(7)
    words = ["politie", "gegevens", "camera", "onderzoek", "minister"]
    times = []
    for _ in range(queries):
        w = rng.choice(words)
        offset = 20 * rng.randint(0, 4)
        t = time.perf_counter()
        rows = db.execute("SELECT rowid, snippet(fts, 1, '<mark>', '</mark>', '…', 12), bm25(fts) FROM fts"
                          " WHERE fts MATCH ? ORDER BY rank LIMIT 20 OFFSET ?", (w, offset)).fetchall()
        db.execute(f"SELECT rid FROM docs WHERE id IN ({','.join('?' * len(rows))})", [r[0] for r in rows]).fetchall()
        db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (w,)).fetchone()
        times.append((time.perf_counter() - t) * 1000)
    db.close()
    return {"build_s": build_s, "p50": pct(times, 50), "p95": pct(times, 95)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--workdir", type=Path)
    ap.add_argument("--probe", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe:
        print(json.dumps(probe(args.probe, args.queries)))
        return
    from bench.corpus import write

    workdir = args.workdir or Path(f"/tmp/kamerwacht-bench-{args.records}")
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / "corpus.jsonl"
    if not corpus.exists() or sum(1 for _ in open(corpus)) != args.records:
        t = time.perf_counter()
        write(corpus, args.records)
        print(f"generated {args.records} synthetic records in {time.perf_counter() - t:.0f} s "
              f"({corpus.stat().st_size / 2**20:.0f} MiB)")
    data = workdir / "data"
    subprocess.run(["rm", "-rf", str(data)], check=True)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("KAMERWACHT_")}, "KAMERWACHT_DATA_DIR": str(data)}
    kw = str(REPO / ".venv" / "bin" / "kamerwacht")
    import_s = run([kw, "import", str(corpus)], env)
    reindex_s = run([kw, "reindex"], env)
    out = subprocess.run([sys.executable, __file__, "--probe", str(data), "--queries", str(args.queries)],
                         env=env, check=True, capture_output=True, text=True, cwd=REPO)
    lat = json.loads(out.stdout.strip().splitlines()[-1])
    fts = fts5_baseline(corpus, workdir, args.queries)
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, python {platform.python_version()}")
    print(f"records: {args.records}")
    print(f"import (validate + store + index): {import_s:.1f} s = {args.records / import_s:.0f} records/s")
    print(f"reindex (store -> new embedded index, swap): {reindex_s:.1f} s = {args.records / reindex_s:.0f} records/s")
    for name in ("rare term", "broad, all facets + highlights", "tool filter", "minister filter"):
        v = lat[name]
        print(f"API {name}: p50 {v['p50']:.1f} ms, p95 {v['p95']:.1f} ms (median hits {v['median_hits']:.0f})")
    print(f"web process RSS after the queries: {lat['rss_mb']:.0f} MiB")
    broad = lat["broad, all facets + highlights"]
    print(f"FTS5 baseline (bm25 + snippet + count, no facets): build {fts['build_s']:.0f} s, "
          f"broad p50 {fts['p50']:.1f} ms, p95 {fts['p95']:.1f} ms -> embedded is {fts['p95'] / broad['p95']:.1f}x "
          f"faster at p95 (with facets and highlights, through the WSGI app)")


if __name__ == "__main__":
    main()
