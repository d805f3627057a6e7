"""Belgian records on the site and in the API, from the replay crawl of the bundled recordings
(tests/web/conftest.py): the reader's text language, partial records, the source's chronology,
the same question to several ministers, links the source makes, the same subject in other
parliaments, the closed status and party labels across renames."""

from __future__ import annotations

import pytest

from web.ui import TEXT_COOKIE


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_a_bilingual_record_shows_its_asked_language_and_offers_the_other(client):
    page = html(client, "/questions/sv-7-400")
    assert "Politie - Gezichtsherkenning - Clearview AI" in page
    assert 'href="/questions/sv-7-400?text=fr"' in page and 'lang="fr"' in page
    assert "U leest de Franse tekst" not in page


def test_choosing_french_shows_the_french_text_and_is_remembered(app):
    client = app.test_client()
    response = client.get("/questions/sv-7-400?text=fr")
    page = response.get_data(as_text=True)
    assert "Police - Reconnaissance faciale - Clearview AI" in page
    assert "U leest de Franse tekst zoals het parlement die publiceerde" in page
    assert f"{TEXT_COOKIE}=fr" in response.headers["Set-Cookie"]
    # The next bilingual record opens in French too; a record without French stays Dutch.
    assert "Police - Drones" in client.get("/questions/sv-7-480").get_data(as_text=True)
    assert "Gebruik in België" in client.get("/questions/sv-5-9045").get_data(as_text=True)
    # ... and search results show the French title of a bilingual record.
    assert "Police - Reconnaissance faciale - Clearview AI" in client.get("/?q=Clearview&country=BE").get_data(as_text=True)


def test_a_language_the_record_lacks_is_ignored(client):
    response = client.get("/questions/sv-5-9045?text=fr")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert "Gebruik in België" in response.get_data(as_text=True)


def test_a_partial_record_says_what_is_missing(client):
    page = html(client, "/questions/sv-7-1874")
    assert "Onvolledig record" in page
    assert "the question was asked in Dutch but only the Senate&#39;s French translation could be read" in page


def test_the_source_chronology_and_the_closed_status_are_shown(client):
    page = html(client, "/questions/sv-5-9045")
    assert "Verloop volgens de bron" in page and "Rappel" in page and "Herkwalificatie" in page
    assert "gesloten zonder antwoord" in page and "Gesloten op" in page
    assert "vraag om uitleg 5-4834" in page and "niet in het archief" in page


def test_the_same_question_to_other_ministers_is_linked(client):
    page = html(client, "/questions/sv-7-480")
    assert "Dezelfde vraag aan andere bewindspersonen" in page and 'href="/questions/sv-7-481"' in page
    # Brussels: one question to three ministers, three pages, one thread.
    page = html(client, "/questions/prb-155991")
    assert 'href="/questions/prb-155992"' in page and 'href="/questions/prb-155994"' in page


def test_the_same_subject_elsewhere_on_the_record_page(client):
    page = html(client, "/questions/prb-153438")
    assert "Hetzelfde onderwerp in andere parlementen" in page
    assert 'href="/questions/ah-tk-20212022-105"' in page  # The Hague, 13 days apart, Clearview and face recognition
    assert "13 dagen ertussen" in page


def test_related_api(client):
    body = client.get("/api/v1/questions/prb-153438/related").get_json()
    assert body["id"] == "prb-153438" and body["thread"] == []
    elsewhere = body["elsewhere"]
    assert elsewhere[0]["id"] == "ah-tk-20212022-105" and elsewhere[0]["days_apart"] == 13
    assert set(elsewhere[0]["shared_tools"]) == {"clearview-ai", "facial-recognition"}
    assert all(e["parliament"] != "Brussels Parlement" for e in elsewhere)
    assert [e["score"] for e in elsewhere] == sorted((e["score"] for e in elsewhere), reverse=True)
    assert elsewhere[0]["permalink"].endswith("/questions/ah-tk-20212022-105")
    body = client.get("/api/v1/questions/sv-7-400/related?limit=1").get_json()
    assert [t["id"] for t in body["thread"]] == []  # its twins 7-399 and 7-401 are not in the recordings
    assert [(x["id"], x["in_archive"]) for x in body["linked"]] == [("sv-7-399", False), ("sv-7-401", False)]
    assert len(body["elsewhere"]) == 1
    body = client.get("/api/v1/questions/sv-7-480/related").get_json()
    assert [t["id"] for t in body["thread"]] == ["sv-7-481"]
    assert [(x["id"], x["in_archive"]) for x in body["linked"]] == [("sv-7-481", True)]


@pytest.mark.parametrize("url, message", [
    ("/api/v1/questions/prb-153438/related?limit=0", "limit must be a whole number from 1 to 50"),
    ("/api/v1/questions/prb-153438/related?limit=x", "is not a whole number"),
    ("/api/v1/questions/prb-153438/related?colour=red", "colour"),
])
def test_related_api_bad_input_is_a_400(client, url, message):
    response = client.get(url)
    assert response.status_code == 400 and message in response.get_json()["error"]["message"]


def test_related_api_unknown_record_is_a_404(client):
    response = client.get("/api/v1/questions/sv-9-9999/related")
    assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


def test_party_filter_accepts_old_labels_and_other_languages(client):
    by_old = {r["id"] for r in client.get("/api/v1/search?party=sp.a&per_page=100").get_json()["results"]}
    by_new = {r["id"] for r in client.get("/api/v1/search?party=Vooruit&per_page=100").get_json()["results"]}
    assert "sv-5-8890" in by_old and by_old == by_new
    record = client.get("/api/v1/questions/sv-5-8890").get_json()
    assert [(a["party"], a["party_id"]) for a in record["askers"]] == [("sp.a", "be-vooruit")]  # as written, and the id


def test_record_api_carries_both_languages(client):
    record = client.get("/api/v1/questions/sv-7-1648").get_json()
    assert record["languages"] == ["nl", "fr"] or record["languages"] == ["fr", "nl"]
    assert {t["language"] for t in record["translations"]} | {record["language"]} == {"nl", "fr"}
    assert record["thread_key"] and record["deadline"] == "2022-07-07"


def test_an_answer_known_only_by_its_date_says_so(client):
    page = html(client, "/questions/sv-7-400")
    assert "Beantwoord, maar de tekst van het antwoord staat niet in het archief" in page
    assert "(nog) geen antwoord" not in page and ">None" not in page
    record = client.get("/api/v1/questions/sv-7-400").get_json()
    question, answer = record["documents"]
    # The question signs nothing; the answer reference carries who answered (the addressed office).
    assert question["kind"] == "question" and question["ministers"] == []
    assert answer["kind"] == "answer" and answer["fetched"] is False
    assert [m["person_id"] for m in answer["ministers"]] == ["be-pieter-de-crem"]


def test_a_term_without_end_says_until_when_the_registry_was_checked(client):
    page = html(client, "/ministers/be-rudi-vervoort")
    # The Belgian data is checked up to 2025-02-03 (the federal file's valid_through): a term with
    # no end is "in office on" that day, not "present" (Vervoort left in 2026).
    assert "in functie op 3 februari 2025" in page and "Vervoort III" in page
