"""KOOP parsers on the byte-exact real recordings (PLOOI fixtures) and on inputs derived from
them for every bad-input case of the issue."""

import datetime as dt
import re

import pytest

from archive.model import ANSWER, FOLLOW_UP, POSTPONEMENT, QUESTION
from crawler.parsers.koop import (
    KoopParseError, UnknownDocumentType, check_publication, document_url, parse_document_html, parse_document_xml,
    parse_sru_page, sru_query, sru_url,
)
from tests.conftest import PLOOI, RECORDINGS

SRU = (PLOOI / "sru_searchRetrieve_response_officielepublicaties.xml").read_bytes()
XML_3235 = (PLOOI / "ah-tk-20202021-3235.xml").read_bytes()
HTML_3235 = (PLOOI / "ah-tk-20202021-3235.html").read_bytes()


def test_sru_page_real_sample():
    page = parse_sru_page(SRU)
    assert page.number_of_records == 3 and page.start_record == 1
    # the real fixture holds five records although it says three (PLOOI spliced test cases into it)
    assert [r.identifier for r in page.records] == ["kst-32545-143", "ah-tk-20202021-3235", "blg-1007826",
                                                    "blg-1025203", "kst-32545-144"]
    rec = page.records[1]
    assert rec.publication == "Kamervragen (Aanhangsel)"
    assert rec.vraagnummer == "2021Z09739" and rec.aanhangselnummer == "3235"
    assert rec.indieners == ["S.P.R.A. van Weyenberg", "R.H. (Romke) de Jong", "H. Kat"]
    assert rec.ontvanger == "W. Koolmees" and rec.datum_ontvangst == "2021-06-21"
    assert rec.preferred_url == "https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3235.html"
    assert document_url(rec) == ("xml", "http://__MOCK_SERVICE__/repository.overheid.nl/frbr/officielepublicaties/"
                                        "ah-tk/20202021/ah-tk-20202021-3235/1/xml/ah-tk-20202021-3235.xml")
    check_publication(rec)
    with pytest.raises(UnknownDocumentType, match="unknown document type: kst-32545-143 is a 'Kamerstuk'"):
        check_publication(page.records[0])


def test_sru_second_real_sample_and_single_record():
    page = parse_sru_page((PLOOI / "module_sru.xml").read_bytes())
    assert page.number_of_records == 76 and len(page.records) == 10
    assert all(r.publication not in ("Kamervragen (Aanhangsel)", "Kamervragen zonder antwoord") for r in page.records)


def test_xml_document_real_sample():
    page = parse_sru_page(SRU)
    d = parse_document_xml(XML_3235, page.records[1], "u")
    assert d.doc_id == "ah-tk-20202021-3235" and d.kind == ANSWER and d.parliament == "Tweede Kamer"
    assert d.question_key == "2021Z09739" and d.number == "3235"
    assert [(a.name, a.party) for a in d.askers] == [("Van Weyenberg", "D66"), ("Romke de Jong", "D66"), ("Kat", "D66")]
    assert d.addressed_to == ["Minister van Sociale Zaken en Werkgelegenheid"]
    assert d.subject == "de TOZO"
    assert d.asked_on == dt.date(2021, 6, 3) and d.date == dt.date(2021, 6, 21)
    assert [(m.name, m.ministry) for m in d.ministers] == [("Koolmees", "Sociale Zaken en Werkgelegenheid")]
    assert [q.number for q in d.questions] == list(range(1, 10))
    assert [a.numbers for a in d.answers] == [[n] for n in range(1, 10)]
    assert d.questions[1].text == "Kunt u toelichten waarom het rentepercentage voor de TOZO-lening op 2% is gesteld?"
    assert d.answers[8].text.startswith("Ik hecht eraan") and "Bovendien kent het Bbz" in d.answers[8].text
    assert d.url == "https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3235.html"


def test_html_manifestation_gives_the_same_document():
    page = parse_sru_page(SRU)
    x = parse_document_xml(XML_3235, page.records[1], "u")
    h = parse_document_html(HTML_3235, None, "https://repository.overheid.nl/.../ah-tk-20202021-3235.html")
    assert h.doc_id == x.doc_id and h.question_key == "2021Z09739"  # from the page's own <meta> tags
    assert [(a.name, a.party) for a in h.askers] == [(a.name, a.party) for a in x.askers]
    assert (h.asked_on, h.date, h.kind) == (x.asked_on, x.date, x.kind)
    assert [q.text for q in h.questions] == [q.text for q in x.questions]
    assert [a.text for a in h.answers] == [a.text for a in x.answers]


# --- bad input: derived from the real bytes --------------------------------------------------

def test_truncated_xml_is_a_clear_error():
    with pytest.raises(KoopParseError, match="truncated or malformed document XML"):
        parse_document_xml(XML_3235[: len(XML_3235) // 2])
    with pytest.raises(KoopParseError, match="truncated or malformed SRU XML"):
        parse_sru_page(SRU[:5000])
    with pytest.raises(KoopParseError, match="empty SRU response"):
        parse_sru_page(b"")


def test_sru_zero_records_and_diagnostics():
    start, end = SRU.index(b"<sru:records>"), SRU.index(b"</sru:records>") + len(b"</sru:records>")
    empty = SRU[:start] + SRU[end:]
    page = parse_sru_page(empty.replace(b"<sru:numberOfRecords>3<", b"<sru:numberOfRecords>0<"))
    assert page.number_of_records == 0 and page.records == []
    diag = (b'<?xml version="1.0"?><sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse"'
            b' xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic"><sru:version>2.0</sru:version>'
            b"<sru:diagnostics><diag:diagnostic><diag:uri>info:srw/diagnostic/1/10</diag:uri>"
            b"<diag:message>Query syntax error</diag:message></diag:diagnostic></sru:diagnostics></sru:searchRetrieveResponse>")
    with pytest.raises(KoopParseError, match="SRU diagnostic from the server: Query syntax error"):
        parse_sru_page(diag)


def test_unknown_document_type():
    kst = XML_3235.replace(b"<kamervragen>", b"<kamerstuk>").replace(b"</kamervragen>", b"</kamerstuk>")
    with pytest.raises(UnknownDocumentType, match="not <kamervragen>"):
        parse_document_xml(kst)


def test_mojibake_is_refused():
    # the real document as a latin-1-reading intermediate would pass it on: UTF-8 bytes decoded
    # as latin-1 and encoded again ("risico’s" -> "risicoâ€™s")
    mangled = XML_3235.decode("utf-8").replace("Vragen van de leden", "Vragen van de leden Ã«").encode("utf-8")
    with pytest.raises(KoopParseError, match="(?i)mojibake"):
        parse_document_xml(mangled, None, "ah-tk-20202021-3235.xml")
    latin1 = XML_3235.decode("utf-8").encode("latin-1", errors="replace")
    with pytest.raises(KoopParseError):
        parse_document_xml(latin1)


def test_missing_answer_date():
    no_date = re.sub(rb' \(ontvangen <datum isodatum="2021-06-21">21.{1,2}juni 2021</datum>\)', b"", XML_3235)
    assert no_date != XML_3235
    page = parse_sru_page(SRU)
    rec = page.records[1]
    d = parse_document_xml(no_date, rec, "u")  # the metadata's datumOntvangst stands in
    assert d.date == dt.date(2021, 6, 21)
    rec.datum_ontvangst = None
    with pytest.raises(KoopParseError, match="answer without a received date"):
        parse_document_xml(no_date, rec, "u")


def test_footnote_where_a_question_number_should_be():
    bad = XML_3235.replace(b"<nr status=\"officieel\">Vraag 2</nr>", b"<nr status=\"officieel\">1)</nr>", 1)
    with pytest.raises(KoopParseError, match="not a question number"):
        parse_document_xml(bad, None, "ah-tk-20202021-3235.xml")
    orphan = XML_3235.replace(b"<nr status=\"officieel\">Antwoord 9</nr>", b"<nr status=\"officieel\">Antwoord 12</nr>")
    with pytest.raises(KoopParseError, match=r"answer to question \[12\]"):
        parse_document_xml(orphan, None, "ah-tk-20202021-3235.xml")


def test_sru_query_and_url():
    q = sru_query(("Kamervragen (Aanhangsel)", "Kamervragen zonder antwoord"), ["clearview", "pegasus"],
                  since="2020-01-01", modified_since="2021-02-16")
    assert q == ('c.product-area=="officielepublicaties" and (w.publicatienaam=="Kamervragen (Aanhangsel)" or '
                 'w.publicatienaam=="Kamervragen zonder antwoord") and (cql.textAndIndexes="clearview" or '
                 'cql.textAndIndexes="pegasus") and dt.date>="2020-01-01" and dt.modified>="2021-02-16"')
    url = sru_url("https://repository.overheid.nl/sru", q, 101, 100)
    assert url.startswith("https://repository.overheid.nl/sru?operation=searchRetrieve&version=2.0&recordSchema=gzd&query=")
    assert "startRecord=101&maximumRecords=100" in url


@pytest.mark.parametrize("path", sorted((RECORDINGS / "docs").glob("*.xml")), ids=lambda p: p.name)
def test_every_constructed_recording_parses(path):
    d = parse_document_xml(path.read_bytes(), None, path.name)
    assert d.doc_id == path.stem and d.askers and d.questions and d.asked_on
    expected = QUESTION if path.stem.startswith("kv-") else (ANSWER, FOLLOW_UP, POSTPONEMENT)
    assert d.kind == expected if isinstance(expected, str) else d.kind in expected
