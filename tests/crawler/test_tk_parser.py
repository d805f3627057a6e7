"""Tweede Kamer OData parser (crawler.parsers.tk) on the constructed recordings of
data/recordings/tweedekamer (shapes from shared/reference/SOURCES.md section 1; every text
CONSTRUCTED, see that folder's PROVENANCE.md)."""

import io
import json
from pathlib import Path

import docx
import pytest

from crawler.parsers.tk import (
    TkParseError, document_from_resource, parse_page, text_from_resource, zaak_url,
)
from crawler.spiders.tweedekamer import fetch_list, page_after, read_page

REC = Path(__file__).resolve().parents[2] / "data" / "recordings" / "tweedekamer"
PAGE1 = (REC / "odata" / "zaak-page-1.json").read_bytes()
PAGE2 = (REC / "odata" / "zaak-page-2.json").read_bytes()


def _zaak(page: bytes, nummer: str):
    return next(z for z in parse_page(page).zaken if z.nummer == nummer)


def test_page_envelope_and_next_link():
    page = parse_page(PAGE1)
    assert [z.nummer for z in page.zaken] == ["2020Z04331", "2099Z00001"]
    assert page.next_link and "$skip=2" in page.next_link
    assert parse_page(PAGE2).next_link is None


def test_zaak_actors_askers_addressees_and_documents():
    z = _zaak(PAGE2, "2024Z16676")
    assert [(a.name, a.party) for a in z.askers] == [
        ("B.C. Kathmann", "GroenLinks-PvdA"), ("S. Lahlah", "GroenLinks-PvdA"), ("H. Mutluer", "GroenLinks-PvdA")]
    assert len(z.addressed_to) == 4 and z.addressed_to[1] == "minister van Justitie en Veiligheid"
    assert z.gestart_op.startswith("2024-10-23") and z.termijn.startswith("2024-11-13")
    [d] = z.documents
    assert (d.nummer, d.kind, d.koop_twin) == ("2024D40283", "question", "kv-tk-2024Z16676")
    z1 = _zaak(PAGE1, "2020Z04331")
    assert [(d.nummer, d.kind) for d in z1.documents] == [("2099D00002", "question"), ("2020D11840", "postponement_notice")]
    assert z1.ignored == []  # Voortouwcommissie is a known relation, just not used


def test_unknown_relatie_is_ignored_with_reason():
    z = _zaak(PAGE1, "2099Z00001")
    assert [a.name for a in z.askers] == ["A. Testlid"]
    assert z.ignored == ["ZaakActor 'A. Voorbeeld': unknown Relatie 'Meelezer'"]
    notes = [note for zaak, doc, note in fetch_list(parse_page(PAGE1)) if doc is None]
    assert any("unknown Relatie 'Meelezer'" in n for n in notes)


def test_koop_twins_are_not_fetched():
    fetched = [doc.nummer for _, doc, _ in fetch_list(parse_page(PAGE1)) if doc is not None]
    # 2020D11840 is ah-tk-20192020-2237 and 2099D00002 is kv-tk-2020Z04331: KOOP archives them
    assert fetched == ["2099D00001"]
    assert [doc for _, doc, _ in fetch_list(parse_page(PAGE2)) if doc is not None] == []


def test_other_document_soort_is_ignored_with_reason():
    data = json.loads(PAGE1)
    data["value"][1]["Document"][0]["Soort"] = "Mededeling"  # e.g. a withdrawal notice
    z = parse_page(json.dumps(data).encode()).zaken[1]
    assert z.documents == [] and "Soort 'Mededeling' is not a question" in z.ignored[-1]


def test_cut_off_page_raises_with_reason():
    with pytest.raises(TkParseError, match="not valid JSON"):
        parse_page(PAGE1[: len(PAGE1) // 2])
    page, problems = read_page(200, PAGE1[:500], "https://x/Zaak?$top=250")
    assert page is None and "not valid JSON (cut off?)" in problems[0][0]
    page, problems = read_page(503, b"busy", "https://x/Zaak")
    assert page is None and "HTTP 503" in problems[0][0]


def test_page_after_a_lost_page_moves_on_by_skip():
    assert page_after("https://x/Zaak?$top=250").endswith("$top=250&$skip=250")
    assert page_after("https://x/Zaak?$top=250&$skip=250").endswith("$skip=500")


def test_zaak_without_number_quarantines_its_documents():
    data = json.loads(PAGE1)
    data["value"][1]["Nummer"] = None
    page = parse_page(json.dumps(data).encode())
    assert [z.nummer for z in page.zaken] == ["2020Z04331"]
    [(reason, doc_id)] = page.problems
    assert doc_id == "2099D00001" and "has no Zaak number" in reason


def test_entity_of_unknown_shape_is_a_problem_not_a_crash():
    data = json.loads(PAGE1)
    data["value"][0]["ZaakActor"] = "not expanded"
    page = parse_page(json.dumps(data).encode())
    assert [z.nummer for z in page.zaken] == ["2099Z00001"]
    assert "ZaakActor is not a list" in page.problems[0][0]


def test_docx_resource_becomes_a_source_document():
    z = _zaak(PAGE1, "2099Z00001")
    doc = document_from_resource((REC / "resources" / "2099D00001.docx").read_bytes(), None, z, z.documents[0])
    assert (doc.source, doc.doc_id, doc.kind, doc.question_key, doc.number) == (
        "tweedekamer", "2099D00001", "question", "2099Z00001", "2099Z00001")
    assert doc.url == "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2099Z00001&did=2099D00001"
    assert doc.asked_on.isoformat() == "2024-09-25" and doc.deadline.isoformat() == "2024-10-16"
    assert [q.number for q in doc.questions] == [1, 2, 3] and "Clearview AI" in doc.questions[0].text


def test_postponement_notice_from_docx():
    z = _zaak(PAGE1, "2020Z04331")
    doc = document_from_resource((REC / "resources" / "2020D11840.docx").read_bytes(), None, z, z.documents[1])
    assert doc.kind == "postponement_notice" and doc.date.isoformat() == "2020-03-26"
    assert doc.question_key == "2020Z04331" and doc.notice.startswith("De vragen van het lid Buitenweg")


def test_soort_and_text_must_agree():
    z = _zaak(PAGE1, "2020Z04331")
    notice = z.documents[1]
    notice.soort = "Antwoord schriftelijke vragen"
    with pytest.raises(TkParseError, match="reads as postponement_notice"):
        document_from_resource((REC / "resources" / "2020D11840.docx").read_bytes(), None, z, notice)


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)  # a scan: an image page has no text layer either
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_scanned_pdf_without_text_layer():
    with pytest.raises(TkParseError, match="no text layer"):
        text_from_resource(_blank_pdf(), "application/pdf")


def test_unknown_or_broken_files():
    with pytest.raises(TkParseError, match="neither PDF nor DOCX"):
        text_from_resource(b"<html>error</html>", "text/html")
    with pytest.raises(TkParseError, match="unreadable DOCX"):
        text_from_resource(b"PK\x03\x04 broken", None)
    empty = io.BytesIO()
    docx.Document().save(empty)
    with pytest.raises(TkParseError, match="no text"):
        text_from_resource(empty.getvalue(), None)


def test_discovery_url_full_and_incremental():
    url = zaak_url("2020-01-01")
    assert "Soort eq 'Schriftelijke vragen' and Verwijderd eq false and GestartOp ge 2020-01-01T00:00:00Z" in url
    # an incremental run must see deletions, to take them out of the archive
    assert "Verwijderd" not in zaak_url("2020-01-01", modified_since="2024-11-04T10:00:00+01:00")
    assert "$expand=ZaakActor,Document($expand=DocumentVersie)" in url and url.endswith("$top=250")
    inc = zaak_url("2020-01-01", modified_since="2024-11-04T10:00:00+01:00")
    assert "GewijzigdOp ge 2024-11-04T09:00:00Z" in inc and "GestartOp ge" not in inc


def test_withdrawal_notice_marks_the_zaak():
    from crawler.parsers.tk import zaak_from_entity

    page = json.loads((REC / "odata" / "zaak-page-1.json").read_text())
    entity = dict(page["value"][1])
    entity["Document"] = entity["Document"] + [dict(entity["Document"][0], Id="x-399", Soort="Mededeling",
                                                    DocumentNummer="2099D00099",
                                                    Onderwerp="Intrekking schriftelijke vragen", DocumentVersie=[])]
    zaak = zaak_from_entity(entity)
    assert zaak.withdrawn and [d.nummer for d in zaak.documents] == ["2099D00001"]
    other = dict(entity, Document=entity["Document"][:1] + [dict(entity["Document"][0], Id="x-400", Soort="Mededeling",
                                                                   DocumentNummer="2099D00100",
                                                                   Onderwerp="Mededeling over de planning",
                                                                   DocumentVersie=[])])
    assert zaak_from_entity(other).withdrawn is False  # any other Mededeling is not a withdrawal
