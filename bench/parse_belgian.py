"""Parse throughput of the Belgian sources on their bundled recordings: documents per second on
one core for the whole path a reparse runs per question (the source's own parse functions over
its archived responses: JSON, HTML pages in two languages, answer PDFs; then validate,
normalise, tool tagging, minister resolution by office and date). The archived responses are
read into memory first, so the figure is the parsers', not the disk's. Prints its figures.

    .venv/bin/python bench/parse_belgian.py [--rounds 7] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.ministers import default_registry  # noqa: E402
from archive.sources import BY_NAME  # noqa: E402
from archive.vocabulary import default_vocabulary  # noqa: E402
from crawler import processing  # noqa: E402
from crawler.items import DocumentItem  # noqa: E402
from crawler.warc import iter_responses  # noqa: E402

SOURCES = ("dekamer", "vlaamsparlement", "senaat", "brussels")


def spider_class(source: str):
    module, name = BY_NAME[source].spider.split(":")
    return getattr(__import__(module, fromlist=[name]), name)


def archived(source: str, data_dir: Path) -> list:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAMERWACHT_")}
    env["KAMERWACHT_DATA_DIR"] = str(data_dir)
    subprocess.run([sys.executable, "-m", "kamerwacht.cli", "crawl", source, "--replay",
                    str(REPO / "data" / "recordings" / source)], cwd=REPO, env=env, check=True, capture_output=True)
    return list(iter_responses(data_dir / "raw", source))


def one_pass(spidercls, responses, vocabulary, registry) -> int:
    n = 0
    for item in spidercls.reparse(lambda: iter(responses)):
        if isinstance(item, DocumentItem):
            try:
                processing.process(item.document, vocabulary, registry)
            except processing.ValidationError:
                continue
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=20, help="passes over the recordings per round")
    args = ap.parse_args()
    vocabulary, registry = default_vocabulary(), default_registry()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        for source in SOURCES:
            responses = archived(source, Path(tmp) / source)
            spidercls = spider_class(source)
            per_pass = one_pass(spidercls, responses, vocabulary, registry)  # warm-up, and the count
            rates = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                for _ in range(args.repeat):
                    one_pass(spidercls, responses, vocabulary, registry)
                rates.append(per_pass * args.repeat / (time.perf_counter() - start))
            size = sum(len(r.body) for r in responses)
            print(f"{source:16s} {per_pass:3d} documents from {len(responses):3d} responses ({size / 1024:.0f} KiB): "
                  f"median {statistics.median(rates):,.0f} documents/s (min {min(rates):,.0f}, max {max(rates):,.0f})")


if __name__ == "__main__":
    main()
