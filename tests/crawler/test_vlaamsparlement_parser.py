"""Flemish Parliament parser (crawler.parsers.vlaamsparlement) and the spider's reading and paging,
on the constructed recordings of data/recordings/vlaamsparlement (shapes from
shared/reference/SOURCES.md section 4; every question INVENTED, see that folder's PROVENANCE.md)."""

import datetime as dt
import json
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import TextResponse
from scrapy.utils.test import get_crawler

from crawler.parsers.vlaamsparlement import (
    NO_TEXT_LAYER, VlparParseError, document_from_schv, legislatures, parse_schv, parse_search_page, pdf_text,
    schv_url, search_url, split_pdf,
)
from crawler.spiders.vlaamsparlement import VlaamsParlementSpider, read_schv, read_search, schv_id_of

REC = Path(__file__).resolve().parents[2] / "data" / "recordings" / "vlaamsparlement"
WS = "https://ws.vlpar.be"
D = dt.date


def schv_bytes(sid: str) -> bytes:
    return (REC / "schv" / f"{sid}.json").read_bytes()


def schv_data(sid: str) -> dict:
    return json.loads(schv_bytes(sid))


def pdf(pfile: str) -> bytes:
    return (REC / "pdf" / f"pfile-{pfile}.pdf").read_bytes()


def document(sid: str, pfile: str):
    schv = parse_schv(schv_bytes(sid), sid)
    return document_from_schv(schv, *pdf_text(200, pdf(pfile)))


# --- search API -----------------------------------------------------------------------------------

def test_search_url_is_the_documented_query_per_legislature():
    url = search_url(WS, "2019-2024", 2)
    assert url.startswith(f"{WS}/api/search/query/+inmeta:legislatuur=2019-2024&requiredfields=paginatype:"
                          "Parlementair%20document.aggregaat:Vraag%20of%20interpellatie.aggregaattype:Schriftelijke%20vraag?")
    assert url.endswith("?collection=vp_collection&sort=date&order=desc&max=25&page=2")
    assert schv_url(WS, "9990001") == f"{WS}/e/opendata/schv/9990001"


def test_legislatures_overlapping_the_window_newest_first():
    assert legislatures(D(2008, 1, 1)) == ["2024-2029", "2019-2024", "2014-2019", "2009-2014", "2004-2009"]
    assert legislatures(D(2021, 11, 1)) == ["2024-2029", "2019-2024"]
    assert legislatures(D(2020, 1, 1), D(2022, 1, 1)) == ["2019-2024"]
    assert legislatures(D(2024, 6, 9)) == ["2024-2029"]


def test_search_page_ids_count_and_publication_dates():
    page1 = parse_search_page((REC / "search" / "2019-2024-page-1.json").read_bytes())
    assert page1.count == 4 and page1.problems == []
    assert [h.id for h in page1.hits] == ["9990003", "9990002"]
    assert page1.hits[0].published == D(2022, 12, 21)
    assert page1.hits[0].meta["opendata"] == f"{WS}/e/opendata/schv/9990003"
    page2 = parse_search_page((REC / "search" / "2019-2024-page-2.json").read_bytes())
    assert [h.id for h in page2.hits] == ["9990001", "9990005"]
    empty = parse_search_page((REC / "search" / "empty.json").read_bytes())
    assert (empty.count, empty.hits) == (0, [])


def test_search_results_that_cannot_be_followed_are_named():
    body = json.dumps({"count": 3, "result": [
        {"id": "https://example/x/123/pfls", "metatags": {"metatag": [{"name": "soort", "value": "SCHV"}]}},
        {"id": "https://example/x/no-number"},
        {"id": "https://example/x/456/pfls", "metatags": {"metatag": [{"name": "soort", "value": "VI"}]}},
    ]}).encode()
    body = body.replace(b'"result": [', b'"result": [{"id": "https://example/x/789/pfls", "metatags": {"metatag": '
                        b'[{"name": "publicatiedatum", "value": "gisteren"}]}}, ')
    page = parse_search_page(body)
    assert [h.id for h in page.hits] == ["123"]
    assert len(page.problems) == 3
    assert "search result 789 publicatiedatum: unreadable date 'gisteren'" in page.problems[0]
    assert "does not end in /<number>/pfls" in page.problems[1]
    assert "soort 'VI' is not a written question" in page.problems[2]


@pytest.mark.parametrize("body, message", [
    (b"", "empty response"),
    (b'{"count": 2, "result": [', "not valid JSON"),
    (b"<html>busy</html>", "not JSON"),
    (b'{"result": []}', "unreadable 'count'"),
])
def test_unreadable_search_pages_raise(body, message):
    with pytest.raises(VlparParseError, match=message):
        parse_search_page(body)


def test_read_search_turns_http_errors_and_problems_into_reasons():
    page, reasons = read_search(503, b"", "https://ws.vlpar.be/api/search/query/x")
    assert page is None and reasons == ["search page https://ws.vlpar.be/api/search/query/x: HTTP 503"]
    page, reasons = read_search(200, b"{}", "u")
    assert page is None and "unreadable 'count'" in reasons[0]


# --- schv record ------------------------------------------------------------------------------------

def test_schv_fields():
    s = parse_schv(schv_bytes("9990001"), "9990001")
    assert (s.id, s.vraagnummer, s.zittingsjaar) == ("9990001", "9991", "2021-2022")
    assert s.titel == "Trajectcontroles en ANPR-camera's op gewestwegen"
    assert s.onderwerp.startswith("Trajectcontroles en ANPR-camera's op gewestwegen: aantal")
    assert s.asker.name == "An Voorbeeld" and s.asker.party is None  # the record carries no party
    assert s.minister == "Lydia Peeters"
    assert s.thema == ["Verkeersveiligheid", "Privacy"]
    assert (s.asked_on, s.answered_on, s.answered_in_time, s.tijdig) == (D(2021, 10, 14), D(2021, 11, 5), True, "true")
    assert [(e.date, e.label, e.kind) for e in s.events] == [
        (D(2021, 10, 14), "Vraag gesteld aan de minister", "sent"), (D(2021, 11, 5), "Tijdig beantwoord", "answered")]
    assert s.pdf_url == "https://docs.vlaamsparlement.be/files/pfile?id=9990901"


def test_late_answer_step():
    s = parse_schv(schv_bytes("9990002"), "9990002")
    assert (s.answered_on, s.answered_in_time, s.tijdig) == (D(2022, 5, 10), False, "false")
    assert s.events[-1].label == "Laattijdig beantwoord" and s.events[-1].kind == "answered"


def test_unanswered_record():
    s = parse_schv(schv_bytes("9990004"), "9990004")
    assert s.answered_on is None and s.tijdig is None and [e.kind for e in s.events] == ["sent"]


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.pop("vraagsteller"), "no 'vraagsteller'"),
    (lambda d: d.update(procedureverloop=[d["procedureverloop"][1]]), "no dated step 'Vraag gesteld aan de minister'"),
    (lambda d: d.update(id=1), "the record says id '1'"),
    (lambda d: d["procedureverloop"][0].update(datum="14/13/2021"), "unreadable date"),
    (lambda d: d.update(thema="Privacy"), "'thema' is not a list"),
    (lambda d: d.pop("vraagnummer"), "no 'vraagnummer'"),
])
def test_records_that_cannot_become_documents(mutate, message):
    data = schv_data("9990001")
    mutate(data)
    with pytest.raises(VlparParseError, match=message):
        parse_schv(json.dumps(data).encode(), "9990001")


@pytest.mark.parametrize("body, message", [
    (None, "not valid JSON \\(cut off\\?\\)"),  # the recorded malformed record
    (b"{}", "empty record"),
    (b"", "empty response"),
    (b'<?xml version="1.0"?><schv/>', "answered XML or HTML, not JSON"),
])
def test_malformed_or_empty_schv(body, message):
    with pytest.raises(VlparParseError, match=message):
        parse_schv(schv_bytes("9990005") if body is None else body, "9990005")
    schv, reason = read_schv(200, schv_bytes("9990005") if body is None else body, "9990005")
    assert schv is None and reason.startswith("schv 9990005: ")
    assert read_schv(404, b"", "9990005") == (None, "schv 9990005: HTTP 404")


def test_schv_id_of_url():
    assert schv_id_of(f"{WS}/e/opendata/schv/9990001") == "9990001"
    assert schv_id_of(f"{WS}/api/search/query/x") is None


# --- PDF ------------------------------------------------------------------------------------------

def test_pdf_text_and_its_failures():
    text, gap = pdf_text(200, pdf("9990901"))
    assert gap is None and "ANTWOORD" in text and "1. Hoeveel trajectcontroles" in text
    assert pdf_text(200, pdf("9990903")) == (None, NO_TEXT_LAYER)
    assert pdf_text(404, b"not found") == (None, "the answer PDF could not be fetched (HTTP 404)")
    assert pdf_text(None, None) == (None, "the answer PDF could not be fetched")
    text, gap = pdf_text(200, b"%PDF-1.4 cut")
    assert text is None and gap.startswith("the answer PDF is unreadable")


def test_split_pdf_question_and_answer_parts():
    text, _ = pdf_text(200, pdf("9990902"))
    questions, answers = split_pdf(text, "Inzet van drones en bodycams door lokale besturen")
    assert [q.number for q in questions] == [1, 2, 3]
    # the introduction belongs to question 1; headings and the title are not question text
    assert questions[0].text.startswith("Dit is een geconstrueerde voorbeeldvraag")
    assert questions[0].text.endswith("Hoeveel lokale besturen gebruiken drones voor toezicht op de openbare ruimte?")
    assert not any(w in q.text for q in questions for w in ("SCHRIFTELIJKE", "BART SOMERS", "Inzet van drones en"))
    assert [a.numbers for a in answers] == [[1], [2, 3]]
    assert answers[1].text.startswith("Geconstrueerd antwoord: het gebruik van bodycams")
    assert not any("ANTWOORD" in a.text or "op vraag nr." in a.text for a in answers)


def test_split_pdf_joins_lines_broken_after_a_hyphen():
    questions, _ = split_pdf(pdf_text(200, pdf("9990901"))[0], "Trajectcontroles en ANPR-camera's op gewestwegen")
    assert "met ANPR-camera's die nummerplaten lezen" in questions[0].text


def test_split_pdf_unnumbered_answer_answers_every_question():
    text = "1. Eerste vraag?\n2. Tweede vraag?\nANTWOORD\nEen antwoord op beide\nvragen samen."
    questions, answers = split_pdf(text)
    assert [q.text for q in questions] == ["Eerste vraag?", "Tweede vraag?"]
    assert [(a.numbers, a.text) for a in answers] == [([1, 2], "Een antwoord op beide vragen samen.")]


# --- the document ----------------------------------------------------------------------------------

def test_answered_on_time_document():
    doc = document("9990001", "9990901")
    assert (doc.source, doc.doc_id, doc.kind, doc.country, doc.parliament, doc.language) == (
        "vlaamsparlement", "vp-schv-9990001", "answer", "BE", "Vlaams Parlement", "nl")
    assert doc.number == "9991" and doc.question_key == "vp-schv-9990001"
    assert doc.url == "https://www.vlaamsparlement.be/nl/parlementaire-documenten/schriftelijke-vragen/9990001"
    assert doc.title == "Trajectcontroles en ANPR-camera's op gewestwegen"
    assert [(a.name, a.party) for a in doc.askers] == [("An Voorbeeld", None)]
    assert doc.addressed_to == ["Lydia Peeters"]
    assert [(m.name, m.role) for m in doc.ministers] == [("Lydia Peeters", None)]
    assert (doc.asked_on, doc.date, doc.answered_on) == (D(2021, 10, 14), D(2021, 11, 5), None)
    assert [q.number for q in doc.questions] == [1, 2, 3] and [a.numbers for a in doc.answers] == [[1], [2], [3]]
    assert doc.descriptors == ["Verkeersveiligheid", "Privacy"] and doc.references == ["zittingsjaar 2021-2022"]
    assert [(e.label, e.kind) for e in doc.events] == [
        ("Vraag gesteld aan de minister", "sent"), ("Tijdig beantwoord", "answered"), ("tijdig: true", "other")]
    assert doc.gaps == [] and doc.translations == []


def test_answered_late_document():
    doc = document("9990002", "9990902")
    assert doc.kind == "answer" and doc.date == D(2022, 5, 10)
    assert ("Laattijdig beantwoord", "answered") in [(e.label, e.kind) for e in doc.events]
    assert ("tijdig: false", "other") in [(e.label, e.kind) for e in doc.events]


def test_pdf_without_text_layer_keeps_an_answered_question_with_gaps():
    doc = document("9990003", "9990903")
    assert doc.kind == "question" and doc.answers == []
    assert [m.name for m in doc.ministers] == ["Lydia Peeters"]  # who answered, though the text is missing
    assert (doc.asked_on, doc.date, doc.answered_on) == (D(2022, 12, 1), D(2022, 12, 1), D(2022, 12, 20))
    assert doc.gaps == [NO_TEXT_LAYER, "the question text is not available: the subject stands in for it"]
    assert [(q.number, q.text) for q in doc.questions] == [
        (1, "Gebruik van gezichtsherkenning op camerabeelden in voertuigen en stations van De Lijn")]
    from crawler.processing import validate

    validate(doc)  # kept, not quarantined


def test_open_question_document():
    doc = document("9990004", "9990904")
    assert doc.kind == "question" and doc.answered_on is None and doc.ministers == []
    assert doc.addressed_to == ["Annick De Ridder"] and doc.date == D(2024, 10, 21)
    assert [q.number for q in doc.questions] == [1, 2] and doc.gaps == []


def test_tijdig_absent_or_contradicted_is_a_gap():
    data = schv_data("9990001")
    data.pop("tijdig")
    doc = document_from_schv(parse_schv(json.dumps(data).encode()), *pdf_text(200, pdf("9990901")))
    assert "the open data does not say whether the answer was on time ('tijdig' is absent)" in doc.gaps
    assert not any(e.label.startswith("tijdig") for e in doc.events)
    data["tijdig"] = False
    doc = document_from_schv(parse_schv(json.dumps(data).encode()), *pdf_text(200, pdf("9990901")))
    assert any("disagree" in g for g in doc.gaps)


def test_pdf_not_fetched_keeps_the_record():
    schv = parse_schv(schv_bytes("9990001"))
    doc = document_from_schv(schv, *pdf_text(404, b""))
    assert doc.kind == "question" and doc.answered_on == D(2021, 11, 5)
    assert doc.gaps[0] == "the answer PDF could not be fetched (HTTP 404)"


# --- the spider's walk ------------------------------------------------------------------------------

@pytest.fixture
def spider():
    crawler = get_crawler(VlaamsParlementSpider, {"KAMERWACHT_VLPAR_URL": WS})
    s = VlaamsParlementSpider.from_crawler(crawler)
    s.first = D(2008, 1, 1)
    return s


def _page(url: str, body: bytes) -> TextResponse:
    return TextResponse(url, body=body, request=Request(url), headers={"Content-Type": "application/json"})


def test_walk_pages_then_older_legislatures(spider):
    todo = ["2019-2024", "2014-2019"]
    url = search_url(WS, "2019-2024", 1)
    out = list(spider.parse(_page(url, (REC / "search" / "2019-2024-page-1.json").read_bytes()), todo, 1, 0))
    schv = [r for r in out if r.callback == spider.parse_schv]
    assert [r.url for r in schv] == [schv_url(WS, "9990003"), schv_url(WS, "9990002")]
    assert all(r.headers.get("Accept") == b"application/json" for r in schv)
    [nxt] = [r for r in out if r.callback == spider.parse]
    assert nxt.url == search_url(WS, "2019-2024", 2) and nxt.cb_kwargs == {"todo": todo, "page": 2, "seen": 2}
    out = list(spider.parse(_page(nxt.url, (REC / "search" / "2019-2024-page-2.json").read_bytes()), todo, 2, 2))
    [nxt] = [r for r in out if r.callback == spider.parse]  # 4 of 4 seen: on to the older legislature
    assert nxt.url == search_url(WS, "2014-2019", 1)
    assert spider.watermark == "2022-12-21T09:00:00+01:00"


def test_walk_stops_at_the_first_date(spider):
    spider.first = D(2022, 6, 1)
    out = list(spider.parse(_page(search_url(WS, "2019-2024", 1), (REC / "search" / "2019-2024-page-1.json").read_bytes()),
                            ["2019-2024", "2014-2019"], 1, 0))
    assert [r.url for r in out] == [schv_url(WS, "9990003")]  # 9990002 (2022-05-11) is older: no page 2, no 2014-2019


def test_unreadable_search_page_is_quarantined_and_the_walk_goes_on(spider):
    out = list(spider.parse(_page(search_url(WS, "2019-2024", 3), b'{"count": 4, "res'), ["2019-2024", "2014-2019"], 3, 50))
    [q] = [o for o in out if not isinstance(o, Request)]
    assert "not valid JSON" in q.reason
    assert [r.url for r in out if isinstance(r, Request)] == [search_url(WS, "2014-2019", 1)]
