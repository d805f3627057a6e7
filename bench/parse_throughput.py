"""Parser throughput on the bundled recordings: documents per second on one core, for the
whole parse path a crawl runs per document (XML/HTML parse, validate, normalise, tool tagging,
minister resolution). Prints its figures; the README quotes them. Target: >= 500 documents/s.

    .venv/bin/python bench/parse_throughput.py [--rounds 7] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.ministers import default_registry  # noqa: E402
from archive.vocabulary import default_vocabulary  # noqa: E402
from crawler import processing  # noqa: E402
from crawler.parsers.koop import KoopParseError, parse_document_html, parse_document_xml  # noqa: E402


REC = REPO / "data" / "recordings" / "officielebekendmakingen"


def corpora() -> dict[str, list[tuple[str, bytes]]]:
    """All bundled documents (constructed ones are short), and the real byte-exact document
    alone (9 KB of XML, 13 KB of HTML: the size of a typical answer)."""
    files = sorted((REC / "docs").glob("*.xml")) + sorted((REC / "docs").glob("*.html"))
    real = [REC / "byte-exact" / "ah-tk-20202021-3235.xml", REC / "byte-exact" / "ah-tk-20202021-3235.html"]
    return {"all recordings": [(f.suffix, f.read_bytes()) for f in files + real],
            "real ah-tk-20202021-3235 (xml+html)": [(f.suffix, f.read_bytes()) for f in real]}


def one_pass(docs, vocabulary, registry) -> int:
    n = 0
    for suffix, body in docs:
        parse = parse_document_xml if suffix == ".xml" else parse_document_html
        try:
            doc = parse(body, None, "bench" + suffix)
        except KoopParseError:
            continue
        processing.validate(doc)
        processing.normalise(doc)
        processing.tag(doc, vocabulary)
        processing.resolve_ministers(doc, registry)
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=20, help="passes over the corpus per round")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    t0 = time.perf_counter()
    vocabulary, registry = default_vocabulary(), default_registry()
    load_s = time.perf_counter() - t0
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}, "
          f"{os.cpu_count()} cores (pinned to 1)")
    print(f"vocabulary + registry load: {load_s * 1000:.0f} ms")
    for name, docs in corpora().items():
        size = sum(len(b) for _, b in docs)
        one_pass(docs, vocabulary, registry)  # warm-up
        rates = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            n = sum(one_pass(docs, vocabulary, registry) for _ in range(args.repeat))
            rates.append(n / (time.perf_counter() - start))
        print(f"{name}: {len(docs)} documents, {size / 1024:.0f} KiB, {args.rounds} rounds x {args.repeat} passes: "
              f"median {statistics.median(rates):.0f} documents/s (min {min(rates):.0f}, max {max(rates):.0f});"
              f" target 500 -> {statistics.median(rates) / 500:.1f}x")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
