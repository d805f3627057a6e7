"""The demo (what `make run` serves): both sources' recordings crawled and indexed with statuses
for the recordings' date. It must show an open, a postponed, a late and an answered Clearview or
face-recognition question, and say that the statuses are as on that date (issue 4, done-when)."""

import pytest

from archive.settings import Settings
from tests.conftest import REPO, RECORDINGS, run_cli

pytestmark = pytest.mark.crawl
TK = REPO / "data" / "recordings" / "tweedekamer"
AS_OF = {"KAMERWACHT_STATUS_AS_OF": "2024-11-01"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo")
    run_cli(["crawl", "officielebekendmakingen", "--replay", str(RECORDINGS)], data, env=AS_OF)
    run_cli(["crawl", "tweedekamer", "--replay", str(TK)], data, env=AS_OF)
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
