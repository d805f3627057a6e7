"""The demo (what `make run` serves): every source's recordings crawled and indexed with statuses
for the recordings' date. It must show an open, a postponed, a late and an answered Clearview or
face-recognition question, and say that the statuses are as on that date (issue 4, done-when);
searching "reconnaissance faciale" and "gezichtsherkenning" both find the Belgian Clearview
questions, and the coverage page lists every Belgian source (issue 5, done-when)."""

import pytest

from archive.settings import Settings
import re

from tests.conftest import DEMO_SOURCES, REPO, crawl_recordings, run_cli

pytestmark = pytest.mark.crawl
AS_OF = {"KAMERWACHT_STATUS_AS_OF": "2024-11-01"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo")
    crawl_recordings(data, env=AS_OF)
    run_cli(["index"], data, env=AS_OF)
    from web import create_app

    settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(data), **AS_OF})
    return create_app({"SETTINGS": settings, "STATS_TTL": 0}).test_client()


@pytest.mark.parametrize("status, record_id", [
    ("open", "2024Z16676"),  # asked 2024-10-23, deadline 2024-11-13
    ("postponed", "2020Z04331"),  # Grapperhaus's postponement notice of 2020-03-26
    ("late", "2099Z00001"),  # constructed TK case: deadline 2024-10-16, no answer, no notice
    ("answered", "ah-tk-20212022-105"),  # Dekker, mede namens J&V, and the nader antwoord
])
def test_each_status_has_a_clearview_or_face_recognition_question(client, status, record_id):
    body = client.get(f"/api/v1/search?status={status}&tool=clearview-ai&tool=facial-recognition").get_json()
    assert record_id in [r["id"] for r in body["results"]]
    page = client.get(f"/?status={status}&tool=clearview-ai&tool=facial-recognition").get_data(as_text=True)
    assert f"/questions/{record_id}" in page


def test_the_site_says_the_statuses_are_as_on_the_recordings_date(client):
    html = client.get("/").get_data(as_text=True)
    assert "zoals op 1 november 2024, de datum van de opnames" in html
    record = client.get("/questions/2099Z00001").get_data(as_text=True)
    assert "te laat" in record and "16 oktober 2024" in record


def test_make_crawls_every_source_with_recordings():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    listed = re.search(r"^RECORDED_SOURCES := (.+)$", makefile, re.M).group(1).split()
    assert tuple(listed) == DEMO_SOURCES
    assert sorted(listed) == sorted(p.name for p in (REPO / "data" / "recordings").iterdir() if p.is_dir())


# The Belgian Clearview questions of the recordings: the Senate (7-400 in Dutch with its French
# page, 7-1648 on the bilingual print), Brussels (n°692, French, with a Dutch page) and the
# Chamber's invented example (Dutch, with a French version).
BELGIAN_CLEARVIEW = {"sv-7-400", "sv-7-1648", "prb-153438", "qrva-55-901-9001-2021202290001"}


@pytest.mark.parametrize("q", ["reconnaissance faciale", "gezichtsherkenning"])
def test_both_languages_find_the_belgian_clearview_questions(client, q):
    body = client.get(f"/api/v1/search?q={q}&country=BE&per_page=100").get_json()
    found = {r["id"] for r in body["results"]}
    assert BELGIAN_CLEARVIEW <= found
    assert all(any(t["id"] == "facial-recognition" for t in r["tools"]) for r in body["results"])
    page = client.get(f"/?q={q}&country=BE").get_data(as_text=True)
    assert all(f"/questions/{record_id}" in page for record_id in BELGIAN_CLEARVIEW)


def test_the_coverage_page_lists_every_belgian_source(client):
    html = client.get("/coverage").get_data(as_text=True)
    for name, parliament in (("dekamer", "Kamer van volksvertegenwoordigers"), ("vlaamsparlement", "Vlaams Parlement"),
                             ("senaat", "Belgische Senaat"), ("brussels", "Brussels Parlement")):
        assert f">{name} <" in html and parliament in html
    assert "niet gecrawld" not in html  # the demo crawled them all


def test_belgian_records_resolve_ministers_named_only_by_office(client):
    body = client.get("/api/v1/search?q=Clearview&country=BE&per_page=100").get_json()
    ministers = {r["id"]: {m["person_id"] for m in r["ministers"]} for r in body["results"]}
    assert ministers["sv-7-400"] == {"be-pieter-de-crem"}  # "minister van Veiligheid en Binnenlandse Zaken", 2020
    assert ministers["sv-7-1648"] == {"be-vincent-van-quickenborne"}  # "vice-eersteminister en minister van Justitie"
    assert ministers["prb-153438"] == {"be-rudi-vervoort"}
