"""`kamerwacht crawl -a KEY=VALUE`: spider arguments from the command line and from a
recording's manifest (``spider_args``), and a crawl that cannot start fails loudly."""

import json
import shutil

from archive.store import Store
from tests.conftest import REPO, run_cli

BRUSSELS = REPO / "data" / "recordings" / "brussels"


def test_a_malformed_spider_argument_is_refused(tmp_path):
    proc = run_cli(["crawl", "brussels", "--replay", str(BRUSSELS), "-a", "legislature"], tmp_path, check=False)
    assert proc.returncode == 2 and "write KEY=VALUE" in proc.stderr
    proc = run_cli(["crawl", "brussels", "--replay", str(BRUSSELS), "-a", "since=2020-01-01"], tmp_path, check=False)
    assert proc.returncode == 2 and "own options" in proc.stderr


def test_the_command_line_argument_wins_over_the_manifest(tmp_path):
    # Only the 24-29 legislature: its index holds the two broken pages (quarantined), none of
    # the 19-24 questions.
    run_cli(["crawl", "brussels", "--replay", str(BRUSSELS), "-a", "legislature=24-29"], tmp_path)
    store = Store(tmp_path / "kamerwacht.sqlite")
    try:
        assert list(store.iter_record_json()) == []
        assert len(store.quarantined("brussels")) == 2
    finally:
        store.close()


def test_the_manifest_says_what_the_recordings_were_made_for(tmp_path):
    run_cli(["crawl", "brussels", "--replay", str(BRUSSELS)], tmp_path)
    store = Store(tmp_path / "kamerwacht.sqlite")
    try:
        assert len(list(store.iter_record_json())) == 12
        # No index file of a legislature outside the recordings was asked for (that would be a
        # "not recorded" 404 in the quarantine).
        assert all("dos_qu_legis" not in entry.url for entry in store.quarantined("brussels"))
    finally:
        store.close()


def test_a_broken_manifest_is_a_clear_error(tmp_path):
    copy = tmp_path / "rec"
    shutil.copytree(BRUSSELS, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["spider_args"] = {"legislature": 19}
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    proc = run_cli(["crawl", "brussels", "--replay", str(copy)], tmp_path / "data", check=False)
    assert proc.returncode == 1 and "spider_args must map names to strings" in proc.stderr


def test_a_crawl_that_cannot_start_fails_loudly(tmp_path):
    # The data directory is a file: the store pipeline cannot open, Scrapy never starts the crawl.
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("x", encoding="utf-8")
    proc = run_cli(["crawl", "senaat", "--replay", str(REPO / "data" / "recordings" / "senaat")], blocked, check=False)
    assert proc.returncode == 1 and "the crawl did not start" in proc.stderr
