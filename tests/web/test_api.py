"""The JSON API over a real index (replayed recordings + one constructed XSS record): every
endpoint of issue 3 item 6 and every bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest

from archive.ministers import default_registry
from archive.vocabulary import default_vocabulary
from tests.web.xss_record import RECORD_ID as XSS_ID

CLEARVIEW_ANSWERED = "ah-tk-20212022-105"  # answered by Dekker, Grapperhaus co-signing
CLEARVIEW_POSTPONED = "2020Z04331"
RESULT_KEYS = {"id", "title", "parliament", "country", "asked_on", "answered_on", "status", "askers", "ministers",
               "tools", "highlights", "url", "permalink"}


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def ids(body):
    return [r["id"] for r in body["results"]]


# --- /search -----------------------------------------------------------------------------------

def test_search_clearview_returns_the_clearview_questions_with_their_ministers(client, stored_records):
    body = get_json(client, "/api/v1/search?q=clearview")
    assert set(body) >= {"total", "page", "per_page", "results", "facets"}
    assert (body["page"], body["per_page"]) == (1, 20)
    assert {CLEARVIEW_ANSWERED, CLEARVIEW_POSTPONED} <= set(ids(body))
    assert body["total"] == len(body["results"])
    for result in body["results"]:
        assert set(result) == RESULT_KEYS
        assert result["permalink"] == f"http://localhost/questions/{result['id']}"
        assert result["url"] == stored_records[result["id"]]["provenance"]["url"]  # the official text
        assert result["url"].startswith("https://")
    answered = next(r for r in body["results"] if r["id"] == CLEARVIEW_ANSWERED)
    names = {m["name"]: m for m in answered["ministers"]}
    assert {"Ferd Grapperhaus", "Sander Dekker"} <= set(names)
    assert names["Ferd Grapperhaus"]["co_signer"] is True
    assert any("<mark>" in h and "clearview" in h.lower() for h in answered["highlights"])
    assert {"Van Ginneken", "Bouchallikh"} == {a["name"] for a in answered["askers"]}
    ministers = {f["value"]: f for f in body["facets"]["minister"]}
    assert ministers["nl-ferd-grapperhaus"]["label"] == "Ferd Grapperhaus"
    assert ministers["nl-ferd-grapperhaus"]["count"] >= 1


def test_facet_keys_are_parameter_names(client):
    facets = get_json(client, "/api/v1/search")["facets"]
    assert "lang" in facets and "language" not in facets
    assert {"minister", "tool", "status", "year", "parliament"} <= set(facets)
    for values in facets.values():
        assert all(set(v) == {"value", "label", "count"} for v in values)


def test_minister_facet_narrows_and_matches_co_signers(client):
    everything = get_json(client, "/api/v1/search?q=clearview")
    narrowed = get_json(client, "/api/v1/search?q=clearview&minister=nl-ferd-grapperhaus")
    assert CLEARVIEW_ANSWERED in ids(narrowed) and narrowed["total"] < everything["total"]
    # Grapperhaus only co-signed that answer ("mede namens"); Dekker signed it.
    assert ids(get_json(client, "/api/v1/search?minister=nl-sander-dekker")) == [CLEARVIEW_ANSWERED]


def test_free_query_on_role_and_name(client):
    assert CLEARVIEW_ANSWERED in ids(get_json(client, "/api/v1/search?q=Grapperhaus"))
    assert CLEARVIEW_ANSWERED in ids(get_json(client, "/api/v1/search?q=minister%20voor%20Rechtsbescherming"))


def test_filters_dates_sort_and_paging(client):
    answered = get_json(client, "/api/v1/search?status=answered&per_page=100")
    assert answered["total"] >= 2 and {r["status"] for r in answered["results"]} == {"answered"}
    open_ = get_json(client, "/api/v1/search?status=open")["total"]
    postponed = get_json(client, "/api/v1/search?status=postponed")["total"]
    both = get_json(client, "/api/v1/search?status=open&status=postponed")
    assert both["total"] == open_ + postponed  # repeated values are OR'ed
    in_2021 = get_json(client, "/api/v1/search?date_from=2021-01-01&date_to=2021-12-31&per_page=100")
    assert in_2021["total"] >= 2 and all(r["asked_on"].startswith("2021") for r in in_2021["results"])
    newest = get_json(client, "/api/v1/search?sort=newest&per_page=100")["results"]
    dates = [r["asked_on"] for r in newest if r["asked_on"]]
    assert dates == sorted(dates, reverse=True)
    oldest = get_json(client, "/api/v1/search?sort=oldest&per_page=100")["results"]
    assert [r["asked_on"] for r in oldest if r["asked_on"]] == sorted(dates)
    everything = get_json(client, "/api/v1/search?sort=oldest&per_page=100")
    page2 = get_json(client, "/api/v1/search?sort=oldest&per_page=3&page=2")
    assert (page2["page"], page2["per_page"]) == (2, 3)
    assert ids(page2) == ids(everything)[3:6]
    past_the_end = get_json(client, "/api/v1/search?per_page=100&page=5")
    assert past_the_end["results"] == [] and past_the_end["total"] == everything["total"]
    tool = get_json(client, "/api/v1/search?tool=clearview-ai")
    assert {CLEARVIEW_ANSWERED, CLEARVIEW_POSTPONED} <= set(ids(tool))
    assert all(any(t["id"] == "clearview-ai" for t in r["tools"]) for r in tool["results"])


def test_empty_parameters_are_ignored(client):
    url = ("/api/v1/search?q=&minister=&ministry=&tool=&category=&party=&asker=&parliament=&country=&status=&lang="
           "&date_from=&date_to=&sort=&page=&per_page=")
    assert get_json(client, url)["total"] == get_json(client, "/api/v1/search")["total"]


@pytest.mark.parametrize("query, words", [
    ("per_page=101", "per_page must be a whole number from 1 to 100"),
    ("per_page=0", "per_page must be a whole number from 1 to 100"),
    ("per_page=many", "per_page 'many' is not a whole number"),
    ("page=0", "page must be a whole number, 1 or more"),
    ("page=abc", "page 'abc' is not a whole number"),
    ("page=" + "9" * 5000, "is too large"),
    ("page=101&per_page=100", "beyond the first 10000 results"),
    ("date_from=2021-02-30", "is not a day in the calendar"),
    ("date_to=2021-00-10", "is not a day in the calendar"),
    ("date_from=yesterday", "write it as YYYY-MM-DD"),
    ("date_from=2022-01-01&date_to=2021-01-01", "date_from 2022-01-01 is after date_to 2021-01-01"),
    ("sort=popular", "unknown sort 'popular'; use one of relevance, newest, oldest"),
    ("status=shut", "unknown status 'shut'"),
    ("tool=nonexistent", "unknown tool 'nonexistent'"),
    ("country=FR", "unknown country 'FR'"),
    ("year=twenty", "is not a four-digit year"),
    ("q=" + "a" * 501, "at most 500 are allowed"),
    ("q=%22clearview", "unbalanced quote"),
    ("q=clear%00view", "control character (U+0000)"),
    ("q=clear%0Aview", "control character (U+000A)"),
    ("q=a&q=b", "q is given 2 times"),
    ("minitser=nl-ferd-grapperhaus", "unknown parameter minitser"),
])
def test_bad_input_is_a_400_with_an_actionable_message(client, query, words):
    for endpoint in ("/api/v1/search", "/api/v1/search.csv"):
        if endpoint.endswith(".csv") and query.startswith(("page=", "per_page=")):
            continue
        body = get_json(client, f"{endpoint}?{query}", status=400)
        assert body == {"error": {"status": 400, "message": body["error"]["message"]}}
        assert words in body["error"]["message"]
        assert "Traceback" not in body["error"]["message"]


# --- /questions/<id> ---------------------------------------------------------------------------

def test_question_is_the_full_record_with_pairs_and_provenance(client, stored_records):
    body = get_json(client, f"/api/v1/questions/{CLEARVIEW_ANSWERED}")
    stored = stored_records[CLEARVIEW_ANSWERED]
    assert {k: body[k] for k in stored} == stored  # every contract field, unchanged
    assert body["permalink"] == f"http://localhost/questions/{CLEARVIEW_ANSWERED}"
    assert body["url"] == stored["provenance"]["url"]
    assert body["provenance"]["kind"] == "constructed" and len(body["provenance"]["documents"]) == 2
    pairs = {p["number"]: p for p in body["pairs"]}
    assert sorted(pairs) == [1, 2, 3, 4, 5, 6]
    assert pairs[2]["question"].startswith("Hoe vaak")
    assert [(a["kind"], a["follow_up"]) for a in pairs[2]["answers"]] == [("answer", False),
                                                                        ("follow_up_answer", True)]
    assert pairs[4]["answered_at"] == [2]  # the follow-up answered 2 and 4 together


def test_unknown_question_is_a_404_envelope(client):
    body = get_json(client, "/api/v1/questions/2099Z99999", status=404)
    assert body["error"]["status"] == 404 and "2099Z99999" in body["error"]["message"]
    assert "unknown parameter x" in get_json(client, f"/api/v1/questions/{CLEARVIEW_ANSWERED}?x=1", 400)["error"]["message"]


# --- ministers and tools ---------------------------------------------------------------------

def test_ministers_list_every_registry_person_with_figures(client):
    body = get_json(client, "/api/v1/ministers")
    assert body["total"] == len(default_registry().people(country=None)) == len(body["results"])
    people = {p["id"]: p for p in body["results"]}
    grapperhaus = people["nl-ferd-grapperhaus"]
    assert grapperhaus["answers"] == 2 and grapperhaus["co_signed"] == 1 and grapperhaus["records"] == 1
    assert grapperhaus["median_days_to_answer"] == 32
    assert grapperhaus["roles"][0]["role"] == "Minister van Justitie en Veiligheid"
    assert grapperhaus["roles"][0]["cabinet_name"]
    assert people["nl-sander-dekker"]["answers"] == 1 and people["nl-sander-dekker"]["co_signed"] == 0
    assert grapperhaus["permalink"] == "http://localhost/ministers/nl-ferd-grapperhaus"


def test_one_minister_and_unknown_minister(client):
    body = get_json(client, "/api/v1/ministers/nl-ferd-grapperhaus")
    assert body["answers_per_year"] == {"2021": 2}
    assert body["roles"][0]["start"] == "2017-10-26"
    assert get_json(client, "/api/v1/ministers/nl-nobody", 404)["error"]["status"] == 404


def test_tools_list_the_vocabulary_with_counts(client, stored_records):
    body = get_json(client, "/api/v1/tools")
    assert body["total"] == len(default_vocabulary()) == len(body["results"])
    tools = {t["id"]: t for t in body["results"]}
    clearview = tools["clearview-ai"]
    tagged = [r for r in stored_records.values() if any(t["id"] == "clearview-ai" for t in r["tools"])]
    assert len(tagged) >= 2 and clearview["total"] == len(tagged)
    years: dict[str, int] = {}
    for record in tagged:
        years[record["asked_on"][:4]] = years.get(record["asked_on"][:4], 0) + 1
    assert clearview["per_year"] == years and "2021" in years
    per_parliament: dict[str, int] = {}
    for record in tagged:
        per_parliament[record["parliament"]] = per_parliament.get(record["parliament"], 0) + 1
    assert clearview["per_parliament"] == per_parliament
    assert {"Tweede Kamer", "Belgische Senaat", "Brussels Parlement", "Kamer van volksvertegenwoordigers"} <= set(
        per_parliament)  # Belgian records count on the tool pages too
    faces = sum(any(t["id"] == "facial-recognition" for t in r["tools"]) for r in stored_records.values())
    assert tools["facial-recognition"]["total"] == faces + 1  # the XSS record counts too
    assert clearview["category_label"]["en"] == "Biometrics and facial recognition"


def test_one_tool_and_unknown_tool(client):
    body = get_json(client, "/api/v1/tools/clearview-ai")
    assert body["aliases"]["nl"] == ["Clearview", "Clearview AI"]
    assert {"year": "2021", "parliament": "Tweede Kamer", "count": 1} in body["per_year_parliament"]
    assert "no tool with id 'nope'" in get_json(client, "/api/v1/tools/nope", 404)["error"]["message"]


# --- exports ---------------------------------------------------------------------------------

def test_search_csv_streams_the_whole_result_set(client):
    response = client.get("/api/v1/search.csv?q=clearview&sort=oldest")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.is_streamed
    assert response.headers["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["id", "title", "parliament", "country", "asked_on", "answered_on", "status", "askers",
                       "ministers", "tools", "url", "permalink"]
    expected = get_json(client, "/api/v1/search?q=clearview&sort=oldest&per_page=100")
    assert [r[0] for r in rows[1:]] == ids(expected)
    assert response.headers["X-Total-Count"] == str(expected["total"])
    assert response.headers["X-Result-Truncated"] == "false"
    answered = next(r for r in rows if r[0] == CLEARVIEW_ANSWERED)
    assert "Ferd Grapperhaus (Minister van Justitie en Veiligheid, co-signer)" in answered[8]
    assert answered[11] == f"http://localhost/questions/{CLEARVIEW_ANSWERED}"


def test_search_csv_pages_through_more_than_one_engine_page(app, client):
    all_ids = ids(get_json(client, "/api/v1/search?sort=oldest&per_page=100"))
    # A cap below the page size shows the cap applies and the truncation is announced.
    app.config["CSV_MAX_ROWS"] = 3
    try:
        response = client.get("/api/v1/search.csv?sort=oldest")
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    finally:
        app.config["CSV_MAX_ROWS"] = 10_000
    assert [r[0] for r in rows[1:]] == all_ids[:3]
    assert response.headers["X-Result-Truncated"] == "true"


def test_search_csv_refuses_paging(client):
    message = get_json(client, "/api/v1/search.csv?page=2", 400)["error"]["message"]
    assert "page does not apply here" in message


def test_export_jsonl_streams_every_record(client, stored_records):
    response = client.get("/api/v1/export.jsonl")
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson" and response.is_streamed
    lines = response.get_data(as_text=True).splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["id"] for r in records} == set(stored_records) | {XSS_ID}
    by_id = {r["id"]: r for r in records}
    assert by_id[CLEARVIEW_ANSWERED] == stored_records[CLEARVIEW_ANSWERED]
    assert get_json(client, "/api/v1/export.jsonl?since=2020-01-01", 400)["error"]["status"] == 400


def test_head_and_options_are_allowed(client):
    assert client.head("/api/v1/search?q=clearview").status_code == 200
    response = client.options("/api/v1/search")
    assert response.status_code == 200 and "GET" in response.headers["Allow"]


def test_a_query_the_engine_refuses_is_a_400_envelope(client):
    body = get_json(client, "/api/v1/search?q=OR", status=400)
    assert body["error"]["status"] == 400 and "OR" in body["error"]["message"]


def test_complete_gives_typeahead_titles_with_links(client):
    body = get_json(client, "/api/v1/complete?q=clearview+grapp")
    ids = [r["id"] for r in body["results"]]
    assert CLEARVIEW_POSTPONED in ids and body["q"] == "clearview grapp"
    first = body["results"][0]
    assert first["permalink"].endswith(f"/questions/{first['id']}") and first["api_url"].endswith(f"/api/v1/questions/{first['id']}")
    assert len(get_json(client, "/api/v1/complete?q=po&limit=2")["results"]) <= 2
    assert get_json(client, "/api/v1/complete?q=clearview+")["results"] == []


@pytest.mark.parametrize("url, message", [
    ("/api/v1/complete", "q is required"),
    ("/api/v1/complete?q=", "q is required"),
    ("/api/v1/complete?q=" + "a" * 101, "at most 100"),
    ("/api/v1/complete?q=clea&limit=0", "limit must be a whole number from 1 to 20"),
    ("/api/v1/complete?q=clea%00", "control character"),
    ("/api/v1/complete?q=clea&sort=x", "sort"),
])
def test_complete_bad_input_is_a_400(client, url, message):
    response = client.get(url)
    assert response.status_code == 400 and message in response.get_json()["error"]["message"]
