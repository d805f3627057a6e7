"""Belgian Chamber QRVA parsers (crawler.parsers.dekamer) and the spider's pure read functions,
on the real byte-exact open-data recordings and the constructed ones of data/recordings/dekamer
(every constructed question is INVENTED, see that folder's PROVENANCE.md)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from archive.ministers import default_registry
from archive.vocabulary import default_vocabulary
from crawler import processing
from crawler.parsers.dekamer import (
    QrvaParseError, decode_page, detail_url, doc_id_for, parse_author, parse_detail_html, parse_item, parse_list,
    parse_publication, split_questions,
)
from crawler.spiders.dekamer import parse_legs, read_detail, read_item, read_list

REC = Path(__file__).resolve().parents[2] / "data" / "recordings" / "dekamer"
REAL_LIST = (REC / "byte-exact" / "data.dekamer.be_v0_qrva.json").read_bytes()
REAL_ITEM = (REC / "byte-exact" / "data.dekamer.be_v0_qrva_item.json").read_bytes()
REAL_EMPTY = (REC / "byte-exact" / "data.dekamer.be_v0_qrva_item_empty.json").read_bytes()
DATA = "http://data.dekamer.be/v0"
CLEARVIEW = "55-B999-901-9001-2021202290001"
PEGASUS = "55-B999-902-9002-2020202190002"
ANPR = "55-B999-901-9003-2023202490003"
BODYCAMS = "55-B999-901-9004-2021202290004"
DRONES = "55-Bxxx-902-9005-2021202290005"


def item(name: str):
    return parse_item((REC / "items" / f"{name}.json").read_bytes(), f"{DATA}/qrva/{name}")


def page(start: int) -> bytes:
    return (REC / "lists" / f"qrva-leg55-start{start}.json").read_bytes()


def html_url(name: str, language: str = "nl") -> str:
    return detail_url("https://www.dekamer.be", name, language)


# --- the list ---------------------------------------------------------------------------------------

def test_real_list_page_items_and_paging():
    p = parse_list(REAL_LIST)
    assert (p.start, p.total, len(p.items), p.next_start(), p.problems) == (0, 10, 10, None, [])
    first, second = p.items[0], p.items[1]
    assert first.sdocname == "54-B116-18-0496-2016201716126"
    assert first.titles["nl"] == "De vrije deelname van vrouwen aan de politiek (MV 15719)."
    assert first.titles["fr"].startswith("La liberté des femmes")
    assert first.descriptors == {"nl": [], "fr": []}  # "" in the source
    assert second.descriptors == {"nl": ["SOCIAAL BELEID"], "fr": ["POLITIQUE SOCIALE"]}  # padding stripped
    assert parse_author(second.author).name == "Evita Willaert"
    assert first.status == "answerReceived" and p.items[6].status == "answerLessPublicated"
    assert first.departments["nl"].startswith("Staatssecretaris voor Armoedebestrijding")


def test_constructed_list_pages_by_start():
    p0, p4 = parse_list(page(0)), parse_list(page(4))
    assert (p0.start, p0.total, p0.next_start()) == (0, 8, 4)
    assert (p4.start, p4.next_start()) == (4, None)


def test_list_selection_by_vocabulary_in_both_languages():
    vocabulary = default_vocabulary()
    _, problems, fetch, skipped = read_list(200, REAL_LIST, 54, 0, vocabulary)
    assert problems == [] and fetch == [] and len(skipped) == 10  # no tool in the real leg-54 titles
    _, _, fetch, skipped = read_list(200, page(0), 55, 0, vocabulary)
    assert [i.sdocname for i in fetch] == [CLEARVIEW, PEGASUS, ANPR]
    assert [(i.sdocname[-5:], why) for i, why in skipped] == [
        ("90008", "title and descriptors name no tool of the vocabulary")]


def test_list_since_until_by_session_years():
    vocabulary = default_vocabulary()
    _, _, fetch, _ = read_list(200, page(0), 55, 0, vocabulary, dt.date(2023, 1, 1), None)
    assert [i.sdocname for i in fetch] == [ANPR]  # session 2023-2024
    _, _, fetch, _ = read_list(200, page(0), 55, 0, vocabulary, None, dt.date(2020, 12, 31))
    assert [i.sdocname for i in fetch] == [PEGASUS]  # session 2020-2021


def test_list_problems_are_reasons():
    vocabulary = default_vocabulary()
    body = json.dumps({"start": 0, "total": 5, "items": []}).encode()
    p, problems, _, _ = read_list(200, body, 55, 0, vocabulary)
    assert p.next_start() is None
    assert problems == [("QRVA list start=0 has zero items although total=5", None)]
    assert read_list(503, b"busy", 55, 20, vocabulary)[1] == [("QRVA list leg=55 start=20: HTTP 503", None)]
    assert "not valid JSON" in read_list(200, b'{"start": 0,', 55, 0, vocabulary)[1][0][0]
    bad = json.dumps({"start": 0, "total": 1, "items": [{"SDOCNAME": "55-0782"}]}).encode()
    assert "is not <leg>-B<bulletin>" in parse_list(bad).problems[0][0]


# --- the real item (sham marriages), in full ------------------------------------------------------

def test_real_item_parsed_in_full():
    doc = parse_item(REAL_ITEM, f"{DATA}/qrva/54-B001-3-0001-0000201400004")
    assert doc.doc_id == "qrva-54-3-0001-0000201400004" and doc.number == "54-0001"
    assert doc.url == ("https://www.dekamer.be/kvvcr/showpage.cfm?section=qrva&language=nl"
                       "&cfm=qrvaXml.cfm?legislat=54&dossierID=54-B001-3-0001-0000201400004.xml")
    assert (doc.source, doc.country, doc.parliament) == ("dekamer", "BE", "Kamer van volksvertegenwoordigers")
    assert doc.kind == "answer" and doc.language == "nl"
    assert [(a.name, a.party) for a in doc.askers] == [("Nahima Lanjri", "CD&V")]
    role = "Vice-eersteminister en minister van Buitenlandse Zaken, Buitenlandse Handel en Europese Zaken"
    assert doc.addressed_to == [role]
    assert [(m.name, m.role) for m in doc.ministers] == [(None, role)]
    assert (doc.asked_on, doc.date, doc.deadline) == (dt.date(2014, 7, 18), dt.date(2014, 10, 10), dt.date(2019, 5, 27))
    assert doc.references == ["B001"]
    assert doc.descriptors == ["BUITENLANDS BELEID", "ONGEHUWD SAMENLEVEN", "TOELATING VAN VREEMDELINGEN",
                               "ADMINISTRATIEVE FORMALITEIT", "AMBASSADE", "SCHIJNHUWELIJK"]
    assert doc.title.startswith("Onderzoek naar schijnhuwelijken")
    # three inline-numbered sub-questions; the introduction stays with the first
    assert [q.number for q in doc.questions] == [1, 2, 3]
    assert doc.questions[0].text.startswith("In het kader van de strijd tegen de schijnhuwelijken")
    assert doc.questions[0].text.endswith("Welke instructies worden aan de ambassades gegeven in het kader van het"
                                          " onderzoek naar schijnhuwelijken en schijn-wettelijke samenwoonst?")
    assert "huwelijksmigratie.\nIn vele landen" in doc.questions[0].text  # the dropped paragraph break
    assert doc.questions[1].text.startswith("Zijn de ambassades verplicht")
    assert doc.questions[2].text.startswith("Indien niet, overweegt u")
    [answer] = doc.answers
    assert answer.numbers == [1, 2, 3] and answer.text.startswith("Ik wil er eerst op wijzen")
    [fr] = doc.translations
    assert fr.language == "fr" and fr.title.startswith("Enquête relative aux mariages de complaisance")
    assert [q.number for q in fr.questions] == [1, 2, 3] and fr.questions[1].text.startswith("Les ambassades sont-elles")
    assert fr.answers[0].text.startswith("J'attire votre attention")
    assert doc.gaps == []


def test_real_item_is_valid_but_names_no_tool():
    doc = parse_item(REAL_ITEM, f"{DATA}/qrva/54-B001-3-0001-0000201400004")
    outcome = processing.process(doc, default_vocabulary(), default_registry())
    assert outcome.accepted is False and outcome.reason == "names no surveillance tool of the vocabulary"


def test_empty_item_is_none_and_a_fallback_reason():
    assert parse_item(REAL_EMPTY, f"{DATA}/qrva/{DRONES}") is None
    assert read_item(200, REAL_EMPTY, f"{DATA}/qrva/{DRONES}") == (
        "fallback", 'open-data item has no record ("items": [])')
    assert read_item(404, b"", f"{DATA}/qrva/{DRONES}") == ("fallback", "open-data item HTTP 404")
    broken = (REC / "items" / "55-B999-903-9007-2022202390007.json").read_bytes()
    outcome, reason = read_item(200, broken, "x")
    assert outcome == "fallback" and reason.startswith("open-data item: QRVA item is not valid JSON")


def test_empty_item_and_no_page_is_a_clear_quarantine_reason():
    _, failed = read_item(200, REAL_EMPTY, f"{DATA}/qrva/{DRONES}")
    assert read_detail(404, b"", html_url(DRONES), failed) == (
        "quarantine", 'open-data item has no record ("items": []); HTML detail page HTTP 404')
    outcome, reason = read_detail(200, b"<html><body><p>Onderhoud</p></body></html>", html_url(DRONES), failed)
    assert outcome == "quarantine" and "HTML detail page: " in reason and "not a QRVA page" in reason


# --- ids ---------------------------------------------------------------------------------------------

def test_doc_id_without_bulletin_is_stable():
    assert doc_id_for("54-B001-3-0001-0000201400004") == "qrva-54-3-0001-0000201400004"
    assert doc_id_for("54-Bxxx-900-3708-2018201925638") == doc_id_for("54-B123-900-3708-2018201925638")
    with pytest.raises(QrvaParseError):
        doc_id_for("55-0782")


def test_author_and_publication_fields():
    assert parse_author("Sabien\n      Lahaye-Battheu,\n      Open Vld").party == "Open Vld"
    no_party = parse_author("Jan\n      Peeters")
    assert (no_party.name, no_party.party) == ("Jan Peeters", None)
    assert parse_author("Jan Peeters,\n   ").party is None
    with pytest.raises(QrvaParseError):
        parse_author("  ")
    assert parse_publication("B001,\n      ,\n      10/10/2014,\n      00002014") == ("B001", dt.date(2014, 10, 10))
    assert parse_publication(None) == (None, None)


def test_split_questions():
    parts = split_questions("Inleiding.1. Eerste vraag?2. Tweede vraag?3. Derde vraag?")
    assert [(q.number, q.text) for q in parts] == [
        (1, "Inleiding.\nEerste vraag?"), (2, "Tweede vraag?"), (3, "Derde vraag?")]
    assert [(q.number, q.text) for q in split_questions("Een vraag zonder nummering?")] == [
        (1, "Een vraag zonder nummering?")]
    # a lone "1." or numbers out of sequence do not split
    assert len(split_questions("1. Een enkele vraag?")) == 1
    assert len(split_questions("Zie artikel 3. Dat geldt ook voor artikel 5. Klopt dat?")) == 1
    assert split_questions("") == []


def test_legs_argument():
    assert parse_legs(None) == (56, 55, 54)
    assert parse_legs("55") == (55,)
    with pytest.raises(ValueError):
        parse_legs("lv55")


# --- the constructed items -----------------------------------------------------------------------

def test_dutch_answered_item_with_french_translation():
    doc = item(CLEARVIEW)
    assert doc.doc_id == "qrva-55-901-9001-2021202290001" and doc.number == "55-9001"
    assert doc.kind == "answer" and doc.language == "nl" and "language=nl" in doc.url
    assert [(a.name, a.party) for a in doc.askers] == [("Els Voorbeeld", "Ecolo-Groen")]
    role = "Minister van Binnenlandse Zaken, Institutionele Hervormingen en Democratische Vernieuwing"
    assert doc.addressed_to == [role] and [(m.name, m.role) for m in doc.ministers] == [(None, role)]
    assert (doc.asked_on, doc.date, doc.deadline) == (dt.date(2021, 10, 15), dt.date(2021, 12, 13), dt.date(2021, 11, 15))
    assert [q.number for q in doc.questions] == [1, 2, 3] and "Clearview AI" in doc.questions[0].text
    assert [a.text.split(".")[0] for a in doc.answers] == ["Dit antwoord is verzonnen"]
    assert "\n" in doc.answers[0].text  # two paragraphs
    [fr] = doc.translations
    assert fr.language == "fr" and "reconnaissance faciale" in fr.title and len(fr.questions) == 3
    assert doc.descriptors == ["POLITIE", "BIOMETRIE", "BESCHERMING VAN DE PERSOONLIJKE LEVENSSFEER"]
    assert doc.references == ["B999"] and doc.gaps == []


def test_french_item_keeps_french_as_its_language():
    doc = item(PEGASUS)
    assert doc.language == "fr" and "language=fr" in doc.url
    assert doc.title.startswith("Le logiciel espion Pegasus")
    assert doc.ministers[0].role == "Vice-premier ministre et ministre de la Justice et de la Mer du Nord"
    assert doc.descriptors[0] == "SERVICE DE RENSEIGNEMENT"
    [nl] = doc.translations
    assert nl.language == "nl" and nl.title.startswith("De spionagesoftware Pegasus") and nl.answers
    assert [(a.name, a.party) for a in doc.askers] == [("Julie Exemple", "PS")]


def test_question_printed_without_answer_is_open():
    doc = item(ANPR)
    assert doc.kind == "question" and doc.answers == [] and doc.ministers == []
    assert doc.answered_on is None and doc.date == doc.asked_on == dt.date(2023, 11, 20)
    assert doc.deadline == dt.date(2023, 12, 21) and doc.references == ["B999"]
    assert doc.gaps == [] and doc.translations[0].answers == []
    processing.validate(doc)


def test_one_sided_record_is_kept_with_its_gap():
    doc = item(BODYCAMS)
    assert doc.kind == "answer" and doc.translations == []
    assert doc.gaps == ["the French side of the record is empty (TITF, TEXTQF, TEXTA1F)"]
    processing.validate(doc)  # partial, not quarantined


def _record(**changes) -> bytes:
    data = json.loads((REC / "items" / f"{CLEARVIEW}.json").read_bytes())
    data["items"][0].update(changes)
    return json.dumps(data).encode()


def test_answer_only_in_the_other_language():
    doc = parse_item(_record(TEXTA1N=None), f"{DATA}/qrva/{CLEARVIEW}")
    assert doc.kind == "question" and doc.answers == [] and doc.answered_on == dt.date(2021, 12, 13)
    assert doc.translations[0].answers and "TEXTA1N" in doc.gaps[0]
    processing.validate(doc)


def test_item_problems_raise_with_reasons():
    with pytest.raises(QrvaParseError, match="LANG 'D' is neither N nor F"):
        parse_item(_record(LANG="D"), "x")
    with pytest.raises(QrvaParseError, match="DEPOTDAT"):
        parse_item(_record(DEPOTDAT="2021-13-45"), "x")
    with pytest.raises(QrvaParseError, match="no author"):
        parse_item(_record(AUT=None), "x")
    with pytest.raises(QrvaParseError, match="no 'items' list"):
        parse_item(b"{}", "x")


# --- the HTML detail page --------------------------------------------------------------------------

def test_latin1_page_served_as_utf8_is_read_right():
    body = (REC / "html" / f"{DRONES}.nl.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")  # the pitfall is real in the recording
    doc = parse_detail_html(body, html_url(DRONES))
    assert doc.title == "Inzet van drones met gezichtsherkenning bij betogingen in België."
    text = doc.questions[0].text
    assert "België" in text and "privéleven" in text and "\ufffd" not in doc.text()
    assert doc.questions[1].text == "Werd die inzet geëvalueerd?"
    assert doc.doc_id == "qrva-55-902-9005-2021202290005" and doc.number == "55-9005"
    assert doc.kind == "question" and doc.language == "nl" and doc.translations == []
    assert [(a.name, a.party) for a in doc.askers] == [("Koen Proefpersoon", "Vlaams Belang")]
    assert doc.addressed_to == ["Vice-eersteminister en minister van Justitie en Noordzee"]
    assert (doc.asked_on, doc.deadline) == (dt.date(2022, 5, 12), dt.date(2022, 6, 13))  # glued labels
    assert doc.descriptors == ["POLITIE", "BIOMETRIE", "OPENBARE ORDE", "DRONE"]
    assert doc.references == []  # Bxxx: not in a bulletin yet
    assert any("cp1252" in g for g in doc.gaps) and any("no French version" in g for g in doc.gaps)
    processing.validate(doc)


def test_decode_page():
    assert decode_page("België".encode()) == ("België", None)
    text, note = decode_page("België".encode("cp1252"))
    assert text == "België" and "cp1252" in note
    with pytest.raises(QrvaParseError, match="neither UTF-8 nor cp1252"):
        decode_page(b"Belgi\x81")


FR_PAGE = """<html><body><h1>Bulletin n° : B059 - Question et réponse écrite n° : 0782 - Législature : 55</h1>
<table>
<tr><td>Auteur</td><td>Julie Exemple, PS</td></tr>
<tr><td>Département</td><td>Vice-premier ministre et ministre de la Justice et de la Mer du Nord</td></tr>
<tr><td>Titre</td><td>Le logiciel espion Pegasus à la NoŰl.</td></tr>
<tr><td><b>Date de dépôt</b>22/07/2021</td></tr>
<tr><td>Langue</td><td>F</td></tr>
<tr><td><b>Date de délai</b>23/08/2021</td></tr>
<tr><td>Question</td><td>Question inventée. 1. Pegasus a-t-il été utilisé? 2. Par qui?</td></tr>
<tr><td>Réponse</td></tr>
<tr><td>Réponse inventée, premier paragraphe.</td></tr>
<tr><td>Question suivante: second paragraphe de la réponse.</td></tr>
<tr><td><b>Publication réponse</b>B059, 27/09/2021</td></tr>
</table></body></html>"""


def test_french_labels_answer_rows_and_the_qrva_mojibake():
    name = "55-B059-1320-0782-2020202110451"
    doc = parse_detail_html(FR_PAGE.encode("utf-8"), html_url(name, "fr"))
    assert doc.title == "Le logiciel espion Pegasus à la Noël."  # "Ű" is the page's "ë"
    assert doc.language == "fr" and doc.number == "55-0782" and doc.kind == "answer"
    assert [q.text for q in doc.questions] == ["Question inventée.\nPegasus a-t-il été utilisé?", "Par qui?"]
    # a paragraph starting with a label word stays in the answer
    assert doc.answers[0].text == ("Réponse inventée, premier paragraphe.\n"
                                   "Question suivante: second paragraphe de la réponse.")
    assert doc.answers[0].numbers == [1, 2]
    assert doc.date == dt.date(2021, 9, 27) and doc.references == ["B059"]
    assert doc.ministers[0].role.startswith("Vice-premier ministre")
    assert not any("cp1252" in g for g in doc.gaps)
    processing.validate(doc)


def test_page_language_other_than_the_question_moves_the_title():
    name = "55-B059-1320-0782-2020202110451"
    doc = parse_detail_html(FR_PAGE.replace("<td>F</td>", "<td>N</td>").encode(), html_url(name, "fr"))
    assert doc.language == "nl" and doc.title == ""
    assert doc.translations[0].language == "fr" and doc.translations[0].title.startswith("Le logiciel")


def test_page_without_required_rows_raises():
    name = "55-B059-1320-0782-2020202110451"
    with pytest.raises(QrvaParseError, match="'Auteur' row"):
        parse_detail_html(FR_PAGE.replace("<td>Auteur</td><td>Julie Exemple, PS</td>", "").encode(),
                          html_url(name, "fr"))
    with pytest.raises(QrvaParseError, match="no dossierID"):
        parse_detail_html(FR_PAGE.encode(), "https://www.dekamer.be/kvvcr/showpage.cfm?section=qrva")
