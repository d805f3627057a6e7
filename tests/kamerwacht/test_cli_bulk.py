"""Bulk data: `kamerwacht export` then `kamerwacht import` gives the same records; bad lines
are reported with their number and skipped; `index` brings the search index up to date."""

import json

import pytest

from tests.conftest import RECORDINGS, run_cli

pytestmark = pytest.mark.crawl


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("bulk")
    run_cli(["crawl", "officielebekendmakingen", "--replay", str(RECORDINGS)], data)
    return data


def test_index_then_export_import_round_trip(crawled, tmp_path):
    out = run_cli(["index"], crawled).stdout
    assert "indexed 11 records, removed 0" in out and "the index holds 11" in out
    exported = run_cli(["export"], crawled).stdout.splitlines()
    assert len(exported) == 11 and all(json.loads(line)["id"] for line in exported)
    dump = tmp_path / "records.jsonl"
    dump.write_text("\n".join(exported) + "\n", encoding="utf-8")
    other = tmp_path / "other"
    proc = run_cli(["import", str(dump)], other)
    assert "imported 11 records, skipped 0 bad lines" in proc.stderr
    assert run_cli(["export"], other).stdout.splitlines() == exported
    since = run_cli(["export", "--since", "2021-01-01"], other).stdout.splitlines()
    assert {json.loads(line)["id"] for line in since} == {
        json.loads(line)["id"] for line in exported if json.loads(line)["asked_on"] >= "2021-01-01"}
    assert 0 < len(since) < 11


def test_import_reports_bad_lines_and_keeps_the_good(crawled, tmp_path):
    good = run_cli(["export"], crawled).stdout.splitlines()
    record = json.loads(good[0])
    bad_status = dict(record, id="x-1", status="cancelled")
    bad_date = dict(record, id="x-2", asked_on="2021-02-30")
    lines = [good[0], "{not json", json.dumps(bad_status), json.dumps(bad_date), json.dumps([1]), good[1]]
    dump = tmp_path / "mixed.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli(["import", str(dump)], tmp_path / "d")
    err = proc.stderr
    assert "line 2: skipped: " in err and "line 3: skipped: status 'cancelled'" in err
    assert "line 4: skipped: asked_on '2021-02-30' is not a date" in err and "line 5: skipped: a record is a JSON object" in err
    assert "imported 2 records, skipped 4 bad lines" in err
    ids = [json.loads(line)["id"] for line in run_cli(["export"], tmp_path / "d").stdout.splitlines()]
    assert sorted(ids) == sorted([record["id"], json.loads(good[1])["id"]])


def test_index_removes_records_no_longer_in_the_store(crawled, tmp_path):
    run_cli(["index"], crawled)
    # a reparse with a narrower vocabulary would drop records; simulate by deleting one from the store
    import sqlite3
    db = sqlite3.connect(crawled / "kamerwacht.sqlite")
    db.execute("DELETE FROM records WHERE id='2018Z14045'")
    db.commit()
    db.close()
    out = run_cli(["index"], crawled).stdout
    assert "removed 1 no longer in the store" in out and "the index holds 10" in out
