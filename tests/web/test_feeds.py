"""Atom feeds (web.feeds): parsed back with lxml (feedparser is not a dependency) and checked
against RFC 4287's required elements, on the session app (replay-crawled records + the
constructed XSS record). The records built inline in the unit tests at the bottom are CONSTRUCTED."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from lxml import etree

from tests.web.xss_record import IMG, SCRIPT
from tests.web.xss_record import RECORD_ID as XSS_ID
from web import feeds

NS = {"a": "http://www.w3.org/2005/Atom"}
ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time (section 5.6), which Atom requires for every date construct.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def parse_feed(response) -> etree._Element:
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = etree.fromstring(response.data)  # bytes: the XML declaration's encoding is honoured
    assert root.tag == f"{ATOM}feed"
    check_atom(root)
    return root


def _one(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.findall(f"a:{tag}", NS)
    assert len(found) == 1, f"{parent.tag} has {len(found)} <{tag}> elements, Atom wants exactly one"
    return found[0]


def _rfc3339(value: str) -> dt.datetime:
    assert RFC3339.match(value), f"{value!r} is not an RFC 3339 date-time"
    return dt.datetime.fromisoformat(value)  # Python 3.11 reads the "Z"


def check_atom(feed: etree._Element) -> None:
    """The MUSTs of RFC 4287 this site can break."""
    assert _one(feed, "id").text
    assert _one(feed, "title").text
    _rfc3339(_one(feed, "updated").text)
    links = feed.findall("a:link", NS)
    assert [l.get("type") for l in links if l.get("rel") == "self"] == ["application/atom+xml"]
    assert [l for l in links if l.get("rel") == "alternate"]
    feed_has_author = bool(feed.findall("a:author/a:name", NS))
    ids = []
    for entry in feed.findall("a:entry", NS):
        ids.append(_one(entry, "id").text)
        assert _one(entry, "title").text
        _rfc3339(_one(entry, "updated").text)
        for published in entry.findall("a:published", NS):
            _rfc3339(published.text)
        # No atom:content, so an alternate link is required (4.1.1.2), and an author (4.1.2).
        alternates = [l for l in entry.findall("a:link", NS) if l.get("rel") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href").startswith("http")
        assert feed_has_author or entry.findall("a:author/a:name", NS)
    assert len(ids) == len(set(ids)), "entry ids must be unique within a feed"


def entries(feed: etree._Element) -> list[etree._Element]:
    return feed.findall("a:entry", NS)


def entry_ids(feed: etree._Element) -> list[str]:
    return [e.findtext("a:id", namespaces=NS).rsplit("/", 1)[-1] for e in entries(feed)]


def updated(feed: etree._Element) -> list[str]:
    return [e.findtext("a:updated", namespaces=NS) for e in entries(feed)]


# --- search feed ----------------------------------------------------------------------------------

def test_search_feed_for_clearview_has_the_clearview_records(client):
    feed = parse_feed(client.get("/feeds/search.atom?q=clearview"))
    ids = entry_ids(feed)
    assert {"2020Z04331", "ah-tk-20212022-105"} <= set(ids)
    assert "2021Z13971" not in ids  # the Pegasus question does not mention Clearview
    assert feed.findtext("a:title", namespaces=NS) == "Kamerwacht: q=clearview"


def test_search_feed_entry_links_and_summary(client, stored_records):
    feed = parse_feed(client.get("/feeds/search.atom?q=clearview"))
    entry = next(e for e in entries(feed) if e.findtext("a:id", namespaces=NS).endswith("/questions/2020Z04331"))
    links = {l.get("rel"): l.get("href") for l in entry.findall("a:link", NS)}
    assert links["alternate"] == "http://localhost/questions/2020Z04331"
    assert links["related"] == stored_records["2020Z04331"]["provenance"]["url"]
    summary = entry.find("a:summary", NS)
    assert summary.get("type") == "text"
    assert "Status: postponed" in summary.text and "Buitenweg (GroenLinks)" in summary.text
    assert [a.text for a in entry.findall("a:author/a:name", NS)] == ["Buitenweg (GroenLinks)"]
    assert {c.get("term") for c in entry.findall("a:category", NS)} == {"clearview-ai", "facial-recognition"}
    # updated: the postponement notice (2020-03-26), not the day it was asked (published).
    assert entry.findtext("a:updated", namespaces=NS) == "2020-03-26T00:00:00Z"
    assert entry.findtext("a:published", namespaces=NS) == "2020-03-05T00:00:00Z"


def test_search_feed_updated_counts_follow_up_answers(client, stored_records):
    record = stored_records["ah-tk-20212022-105"]
    assert record["answered_on"] == "2021-09-28"  # the follow-up answer of 2021-10-13 does not move it
    feed = parse_feed(client.get("/feeds/search.atom?tool=clearview-ai"))
    entry = next(e for e in entries(feed) if e.findtext("a:id", namespaces=NS).endswith("/ah-tk-20212022-105"))
    assert entry.findtext("a:updated", namespaces=NS) == "2021-10-13T00:00:00Z"
    assert feed.findtext("a:updated", namespaces=NS) == max(updated(feed))


@pytest.mark.parametrize("sort", ["", "oldest", "relevance", "newest"])
def test_search_feed_is_newest_change_first_whatever_the_sort(client, sort):
    feed = parse_feed(client.get(f"/feeds/search.atom?sort={sort}"))
    dates = updated(feed)
    assert len(dates) >= 10
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query, expected, absent", [
    ("tool=pegasus", {"2021Z13971"}, {"2020Z04331"}),
    ("status=postponed", {"2020Z04331", "ah-tk-20182019-3605"}, {"2021Z13971", "2013Z08797"}),
    ("tool=clearview-ai&date_from=2021-01-01", {"ah-tk-20212022-105"}, {"2020Z04331", "2020Z01644"}),
    ("parliament=Tweede+Kamer&tool=drones", {"2018Z14045"}, {"2021Z13971"}),
])
def test_search_feed_filters(client, query, expected, absent):
    ids = set(entry_ids(parse_feed(client.get(f"/feeds/search.atom?{query}"))))
    assert expected <= ids
    assert not ids & absent


def test_search_feed_status_filter_gives_only_that_status(client, stored_records):
    ids = entry_ids(parse_feed(client.get("/feeds/search.atom?status=postponed")))
    assert ids and all(stored_records[i]["status"] == "postponed" for i in ids)


def test_search_feed_keeps_the_newest_changes_when_capped(client, monkeypatch):
    full = parse_feed(client.get("/feeds/search.atom?sort=oldest"))
    monkeypatch.setattr(feeds, "FEED_ENTRIES", 2)
    capped = parse_feed(client.get("/feeds/search.atom?sort=oldest"))
    assert len(entries(capped)) == 2
    assert updated(capped) == updated(full)[:2]
    assert updated(capped)[0] == "2024-10-23T00:00:00Z"  # 2024Z16676, the newest record


def test_search_feed_with_no_match_is_a_valid_empty_feed(client):
    feed = parse_feed(client.get("/feeds/search.atom?q=zzzgeenwoordzzz"))
    assert entries(feed) == []


def test_search_feed_id_is_stable_whatever_the_parameter_order(client):
    one = parse_feed(client.get("/feeds/search.atom?tool=clearview-ai&q=politie"))
    two = parse_feed(client.get("/feeds/search.atom?q=politie&tool=clearview-ai"))
    assert one.findtext("a:id", namespaces=NS) == two.findtext("a:id", namespaces=NS)
    self_link = one.find("a:link[@rel='self']", NS).get("href")
    assert self_link == one.findtext("a:id", namespaces=NS)
    assert self_link.startswith("http://localhost/feeds/search.atom?")


@pytest.mark.parametrize("query, words", [
    ("minitser=grapperhaus", "unknown parameter minitser"),
    ("date_from=2021-13-01", "not a day in the calendar"),
    ("page=2", "does not apply to a feed"),
    ("per_page=5", "does not apply to a feed"),
    ("sort=popular", "unknown sort"),
    ("tool=nosuchtool", "unknown tool"),
    ("q=%22open", "unbalanced quote"),
])
def test_search_feed_bad_parameters_are_a_plain_400(client, query, words):
    response = client.get(f"/feeds/search.atom?{query}")
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert words in response.get_data(as_text=True)


# --- question feed --------------------------------------------------------------------------------

def _kinds(feed: etree._Element) -> list[str]:
    return [e.find("a:category", NS).get("term") for e in entries(feed)]


def test_question_feed_shows_postponed_after_asked_newest_first(client):
    feed = parse_feed(client.get("/feeds/questions/2020Z04331.atom"))
    assert _kinds(feed) == ["postponement_notice", "question"]
    titles = [e.findtext("a:title", namespaces=NS) for e in entries(feed)]
    assert titles[0].startswith("Postponed: ") and titles[1].startswith("Asked: ")
    assert updated(feed) == ["2020-03-26T00:00:00Z", "2020-03-05T00:00:00Z"]
    assert feed.findtext("a:updated", namespaces=NS) == "2020-03-26T00:00:00Z"
    postponed = entries(feed)[0]
    assert postponed.find("a:link[@rel='related']", NS).get("href").endswith("/ah-tk-20192020-2237.html")
    assert postponed.find("a:link[@rel='alternate']", NS).get("href") == "http://localhost/questions/2020Z04331"
    assert "Grapperhaus" in postponed.findtext("a:author/a:name", namespaces=NS)


def test_question_feed_shows_the_answer(client):
    feed = parse_feed(client.get("/feeds/questions/2021Z13971.atom"))
    assert _kinds(feed) == ["answer", "question"]
    answer = entries(feed)[0]
    assert answer.findtext("a:title", namespaces=NS).startswith("Answered: ")
    assert answer.findtext("a:updated", namespaces=NS) == "2021-09-13T00:00:00Z"
    assert "Status of the question: answered" in answer.findtext("a:summary", namespaces=NS)


def test_question_feed_shows_follow_up_answers(client):
    feed = parse_feed(client.get("/feeds/questions/ah-tk-20212022-105.atom"))
    assert _kinds(feed) == ["follow_up_answer", "answer"]
    assert updated(feed) == ["2021-10-13T00:00:00Z", "2021-09-28T00:00:00Z"]


def test_question_feed_keeps_an_answer_whose_date_is_not_known(client, stored_records):
    assert [d["date"] for d in stored_records["2020Z01644"]["documents"]] == ["2020-01-30", None]
    feed = parse_feed(client.get("/feeds/questions/2020Z01644.atom"))
    assert _kinds(feed) == ["answer", "question"]
    assert "date of this document is not known" in entries(feed)[0].findtext("a:summary", namespaces=NS)


def test_question_feed_unknown_id_is_404(client):
    response = client.get("/feeds/questions/2099Z99999.atom")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "2099Z99999" in response.get_data(as_text=True)


def test_question_feed_takes_no_parameters(client):
    assert client.get("/feeds/questions/2021Z13971.atom?x=1").status_code == 400


# --- untrusted text -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/feeds/search.atom?q=stations", f"/feeds/questions/{XSS_ID}.atom"])
def test_payloads_come_out_as_escaped_text(client, url):
    response = client.get(url)
    feed = parse_feed(response)
    assert XSS_ID in entry_ids(feed) or feed.findtext("a:id", namespaces=NS).endswith(f"{XSS_ID}.atom")
    # No element other than Atom's: the payloads did not become markup.
    assert {el.tag for el in feed.iter()} <= {f"{ATOM}{t}" for t in (
        "feed", "id", "title", "updated", "link", "author", "name", "generator", "entry", "published",
        "category", "summary")}
    assert b"<script" not in response.data and b"<img" not in response.data
    text = "".join(feed.itertext())
    assert SCRIPT in text and IMG in text  # shown as text, whole


def test_question_feed_payload_in_title_and_notice(client):
    feed = parse_feed(client.get(f"/feeds/questions/{XSS_ID}.atom"))
    answer = entries(feed)[0]
    assert answer.findtext("a:title", namespaces=NS) == f"Answered: Gezichtsherkenning op stations {SCRIPT}"
    assert f"Uitstel {SCRIPT}" in answer.findtext("a:summary", namespaces=NS)
    assert answer.findtext("a:author/a:name", namespaces=NS) == \
        f"Onbekende {IMG} (Minister van <b>Justitie</b> en Veiligheid)"


@pytest.mark.parametrize("url", ["/feeds/search.atom", "/feeds/questions/2020Z04331.atom",
                                 "/feeds/search.atom?page=2", "/feeds/questions/nope.atom"])
def test_security_headers_on_feeds(client, url):
    response = client.get(url)
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


# --- units (CONSTRUCTED records) ------------------------------------------------------------------

def _doc(kind: str, date: str | None, doc_id: str) -> dict:
    return {"kind": kind, "date": date, "id": doc_id, "url": f"https://example.org/{doc_id}", "ministers": [],
            "fetched": True, "notice": None}


def _record(documents: list[dict], **dates: str | None) -> dict:
    return {"id": "X", "askers": [], "documents": documents,
            "asked_on": dates.get("asked_on"), "postponed_on": dates.get("postponed_on"),
            "answered_on": dates.get("answered_on")}


def test_last_change_is_the_newest_document_or_lifecycle_date():
    record = _record([_doc("question", "2020-01-01", "q"), _doc("answer", "2020-02-01", "a"),
                      _doc("follow_up_answer", "2020-05-01", "f")], asked_on="2020-01-01", answered_on="2020-02-01")
    assert feeds.last_change(record) == dt.date(2020, 5, 1)
    assert feeds.last_change(_record([], asked_on="2019-03-04", postponed_on="2019-04-01")) == dt.date(2019, 4, 1)
    assert feeds.last_change(_record([_doc("answer", None, "a")])) is None
    closed = {**_record([_doc("question", "2011-11-21", "q")], asked_on="2011-11-21"), "closed_on": "2011-12-07"}
    assert feeds.last_change(closed) == dt.date(2011, 12, 7)  # a Senate file closed without answer


def test_events_same_day_keep_the_order_things_happen():
    record = _record([_doc("answer", "2020-01-01", "a"), _doc("question", "2020-01-01", "q"),
                      _doc("postponement_notice", "2019-12-20", "p")])
    # Newest first; answered the day it was asked: the answer is the newer of the two.
    assert [e.kind for e in feeds.events(record)] == ["answer", "question", "postponement_notice"]


def test_events_refuse_an_unknown_document_kind():
    with pytest.raises(feeds.FeedError, match="withdrawal"):
        feeds.events(_record([_doc("withdrawal", "2020-01-01", "w")]))


def test_record_summary_mentions_deadline_and_withdrawal():
    record = {"status": "late", "askers": [], "ministers": [], "tools": [], "deadline": "2020-03-26",
              "withdrawn": True}
    summary = feeds.record_summary(record)
    assert "Status: late" in summary and "Deadline: 2020-03-26" in summary and "Withdrawn" in summary
    assert "Deadline" not in feeds.record_summary({**record, "deadline": None})
