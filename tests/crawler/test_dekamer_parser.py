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
    VIA_LISTING, QrvaParseError, bulletin_list_leg, bulletin_list_url, decode_page, detail_url, doc_id_for,
    parse_author, parse_bulletin_list, parse_detail_html, parse_item, parse_list, parse_publication, parse_toc,
    split_questions, toc_params, toc_url,
)
from crawler.spiders.dekamer import (
    DekamerSpider, listed_reason, parse_legs, read_bulletins, read_detail, read_item, read_list, read_toc, select,
)
from crawler.warc import ArchivedResponse

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


# --- the HTML bulletin listing (legislature 56 of the recordings: the open-data list answers 503) ----

L56_ANPR = "56-B902-901-9011-0000202490011"
L56_PEGASUS = "56-B902-902-9012-0000202490012"
L56_NOTOOL = "56-B902-905-9013-0000202490013"
L56_BODYCAMS = "56-B901-901-9014-0000202490014"
L56_BROKEN = "56-B901-901-9015-0000202490015"
SITE = "https://www.dekamer.be"


def toc(bulletin: str) -> bytes:
    return (REC / "html" / f"qrvatoc-leg56-{bulletin}.nl.html").read_bytes()


def test_listing_urls():
    assert bulletin_list_url(SITE, 56) == ("https://www.dekamer.be/kvvcr/showpage.cfm?section=/qrva&language=nl"
                                           "&cfm=qrvaList.cfm?legislat=56")
    url = toc_url(SITE, 56, "B125")
    assert url == ("https://www.dekamer.be/kvvcr/showpage.cfm?&language=nl"
                   "&cfm=/site/wwwcfm/qrva/qrvatoc.cfm?legislat=56&bulletin=B125")
    assert toc_params(url) == (56, "B125") and bulletin_list_leg(bulletin_list_url(SITE, 56)) == 56
    with pytest.raises(QrvaParseError, match="bulletin=B<nnn>"):
        toc_params(f"{SITE}/kvvcr/showpage.cfm?cfm=qrvatoc.cfm?legislat=56")


def test_recorded_bulletin_list_newest_first_menu_links_ignored():
    bulletins = parse_bulletin_list((REC / "html" / "qrvaList-leg56.nl.html").read_bytes(), 56)
    assert [(b.leg, b.bulletin, b.number, b.label) for b in bulletins] == [
        (56, "B902", 902, "B902"), (56, "B901", 901, "B901")]
    assert read_bulletins(200, (REC / "html" / "qrvaList-leg56.nl.html").read_bytes(), 56)[0] == "bulletins"


def test_bulletin_list_read_defensively():
    page = """<html><body><p>Bulletins – législature 56 – Rappel: bulletin=B999 n'est pas un lien</p>
    <a href="showpage.cfm?cfm=/site/wwwcfm/qrva/qrvatoc.cfm?legislat=55&amp;bulletin=B120">B120 (55)</a>
    <a href="/kvvcr/showpage.cfm?cfm=%2Fsite%2Fwwwcfm%2Fqrva%2Fqrvatoc.cfm%3Flegislat%3D56%26bulletin%3DB003">B003</a>
    <a href="qrvatoc.cfm?bulletin=b001">  Bulletin
      B001 </a>
    <a href="qrvatoc.cfm?legislat=56&bulletin=B002">B002 – Éditée</a><a href="qrvatoc.cfm?legislat=56&bulletin=B002">PDF</a>
    <a href="qrvatoc.cfm?legislat=56&bulletin=B0021">not a bulletin number</a>
    <a href="qrvaXml.cfm?legislat=56&dossierID=56-B002-1-0001-2024202500001.xml">a question</a></body></html>"""
    bulletins = parse_bulletin_list(page.encode("cp1252"), 56)  # latin-1 bytes too
    # another legislature's link, a number of four digits and the question link are not bulletins;
    # URL-encoded links and links without a legislature are; one entry per bulletin (the first link)
    assert [(b.bulletin, b.label) for b in bulletins] == [("B003", "B003"), ("B002", "B002 – Éditée"),
                                                          ("B001", "Bulletin B001")]


def test_bulletin_list_that_yields_nothing_is_an_error():
    error_page = b"<html><body><h1>Error Occurred While Processing Request</h1></body></html>"
    with pytest.raises(QrvaParseError, match="no link to a bulletin"):
        parse_bulletin_list(error_page, 56)
    assert read_bulletins(200, error_page, 56) == (
        "error", "QRVA bulletin list leg=56: no link to a bulletin (qrvatoc.cfm?legislat=56&bulletin=B<nnn>) on the page")
    assert read_bulletins(503, b"", 56) == ("error", "QRVA bulletin list leg=56: HTTP 503")
    assert read_bulletins(200, b"", 56)[0] == "error"  # an empty body does not crash
    with pytest.raises(QrvaParseError, match="neither UTF-8 nor cp1252"):
        parse_bulletin_list(b"<a href='qrvatoc.cfm?legislat=56&bulletin=B001'>B\x81</a>", 56)


def test_recorded_toc_dutch_labels_glued_date():
    page = parse_toc(toc("B902"), toc_url(SITE, 56, "B902"))
    assert (page.leg, page.bulletin, page.language, page.problems) == (56, "B902", "nl", [])
    assert [e.sdocname for e in page.entries] == [L56_ANPR, L56_PEGASUS, L56_NOTOOL]
    anpr, pegasus, _ = page.entries
    assert anpr.titles == {"nl": "Het gebruik van ANPR-camera's en drones bij verkeerscontroles."}
    assert anpr.author == "Wout Voorbeeldsma, N-VA" and parse_author(pegasus.author).party == "Les Engagés"
    assert anpr.departments == {"nl": "Minister van Binnenlandse Zaken, Institutionele Hervormingen en"
                                      " Democratische Vernieuwing"}
    assert (anpr.asked_on, pegasus.asked_on) == (dt.date(2024, 9, 12), dt.date(2024, 9, 25))  # "Datum indiening12/09/2024"
    assert (anpr.answer_published, anpr.bulletin) == ("Ja", "B902")
    assert anpr.href.startswith("showpage.cfm?section=qrva&language=nl&cfm=qrvaXml.cfm?legislat=56&dossierID=")


def test_recorded_toc_in_cp1252_served_as_utf8():
    body = toc("B901")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")  # the pitfall is real in the recording
    page = parse_toc(body, toc_url(SITE, 56, "B901"))
    assert [e.sdocname for e in page.entries] == [L56_BODYCAMS, L56_BROKEN]
    assert page.entries[0].titles["nl"] == "Bodycams bij de lokale politie en het privéleven van burgers."
    assert page.entries[1].titles["nl"].endswith("federale politie in België.")
    assert page.entries[0].answer_published == "Nee"


FR_TOC = """<html><body><h1>Bulletin B012</h1>
<div class="linklist_0 odd"><table>
<tr><td class="txt"><a href="showpage.cfm?section=qrva&amp;language=fr&amp;cfm=qrvaXml.cfm?legislat=56&amp;dossierID=56-B012-902-9021-2024202590021.xml">9021</a></td></tr>
<tr><td class="txt">Auteur</td><td class="txt">Camille Exemplaire, Les Engagés</td></tr>
<tr><td class="txt">Département</td><td class="txt">Vice-premier ministre et ministre de la Justice</td></tr>
<tr><td class="txt">Titre</td><td class="txt">La reconnaissance faciale à la NoŰl.</td></tr>
<tr><td class="txt">Date de dépôt</td><td class="txt">03/12/2024</td></tr>
<tr><td class="txt">Réponse publiée</td><td class="txt">Non</td></tr>
</table></div>
<div class="linklist_1"><table>
<tr><td class="txt">Titre</td><td class="txt">Un bloc sans lien vers sa page</td></tr></table></div>
<div class="linklist_0"><table>
<tr><td class="txt"><a href="qrvaXml.cfm?legislat=56&amp;dossierID=56-B012-902-9022-2024202590022.xml">9022</a></td></tr>
<tr><td class="txt">Auteur</td><td class="txt">Julie Exemple, PS</td></tr></table></div>
<div class="linklist_1"><table>
<tr><td class="txt"><a href="qrvaXml.cfm?legislat=56&amp;dossierID=56-B012-902-9023-2024202590023.xml">9023</a></td></tr>
<tr><td class="txt"><b>Titre</b>Les caméras ANPR</td></tr>
<tr><td class="txt"><b>Date de dépôt</b>le 3 décembre</td></tr></table></div>
<div class="linklist_10"><a href="qrvaXml.cfm?legislat=56&amp;dossierID=56-B012-1-0001-2024202500001.xml">x</a></div>
</body></html>"""


def test_toc_french_labels_and_blocks_that_cannot_be_read():
    page = parse_toc(FR_TOC.encode("utf-8"), toc_url(SITE, 56, "B012", "fr"))
    assert page.language == "fr"
    first, undated = page.entries
    assert first.titles == {"fr": "La reconnaissance faciale à la Noël."}  # the QRVA mojibake repaired
    assert first.departments == {"fr": "Vice-premier ministre et ministre de la Justice"}
    assert (first.asked_on, first.answer_published) == (dt.date(2024, 12, 3), "Non")  # label and value apart
    assert undated.titles == {"fr": "Les caméras ANPR"} and undated.asked_on is None  # unreadable date: undated
    # a block without a link, and one without a title, are problems with their reasons
    assert page.problems == [
        ("QRVA bulletin B012 (leg 56) entry 2: no link to a detail page (qrvaXml.cfm?...dossierID=<...>.xml)", None),
        ("QRVA bulletin B012 (leg 56) entry 3 (56-B012-902-9022-2024202590022): no title row, so no telling whether"
         " it names a tool", "qrva-56-902-9022-2024202590022"),
    ]
    # French labels on a page the URL says is Dutch: the labels decide
    assert parse_toc(FR_TOC.encode(), toc_url(SITE, 56, "B012", "nl")).entries[0].titles.keys() == {"fr"}


def test_toc_that_yields_nothing_is_an_error():
    url = toc_url(SITE, 56, "B901")
    with pytest.raises(QrvaParseError, match=r"no question blocks \(div.linklist_0 / div.linklist_1\)"):
        parse_toc(b"<html><body><p>Onderhoud</p></body></html>", url)
    vocabulary = default_vocabulary()
    assert read_toc(404, b"", url, vocabulary)[:2] == (None, [("QRVA bulletin B901 (leg 56): HTTP 404", None)])
    assert read_toc(200, b"", url, vocabulary)[0] is None  # empty body: a reason, no crash
    assert "no legislat=<leg>&bulletin=B<nnn>" in read_toc(200, toc("B901"), f"{SITE}/x", vocabulary)[1][0][0]


def test_toc_selection_is_the_list_rule():
    vocabulary = default_vocabulary()
    b902, problems, fetch, skipped = read_toc(200, toc("B902"), toc_url(SITE, 56, "B902"), vocabulary)
    assert problems == [] and [e.sdocname for e in fetch] == [L56_ANPR, L56_PEGASUS]
    # the FR question is selected on its Dutch title (the only one on the Dutch page)
    assert [(e.sdocname, why) for e, why in skipped] == [
        (L56_NOTOOL, "title and descriptors name no tool of the vocabulary")]
    # one function decides for both ways in
    assert select(b902.entries, vocabulary) == (fetch, skipped)
    assert select(parse_list(page(0)).items, vocabulary)[0] == read_list(200, page(0), 55, 0, vocabulary)[2]


def test_toc_since_until_on_the_submission_date_and_the_walk_stop():
    vocabulary = default_vocabulary()
    url = toc_url(SITE, 56, "B902")
    _, _, fetch, skipped = read_toc(200, toc("B902"), url, vocabulary, dt.date(2024, 9, 21), None)
    assert [e.sdocname for e in fetch] == [L56_PEGASUS]  # asked 2024-09-25; ANPR was asked 2024-09-12
    assert (L56_ANPR, "outside since/until") in [(e.sdocname, why) for e, why in skipped]
    _, _, fetch, _ = read_toc(200, toc("B902"), url, vocabulary, None, dt.date(2024, 9, 20))
    assert [e.sdocname for e in fetch] == [L56_ANPR]
    b902 = parse_toc(toc("B902"), url)
    assert b902.all_asked_before(dt.date(2024, 10, 1)) and not b902.all_asked_before(dt.date(2024, 9, 21))
    assert not b902.all_asked_before(None)
    fr = parse_toc(FR_TOC.encode(), toc_url(SITE, 56, "B012", "fr"))
    assert not fr.all_asked_before(dt.date(2030, 1, 1))  # an undated entry never stops the walk


def test_detail_page_found_through_the_listing():
    body = (REC / "html" / f"{L56_PEGASUS}.nl.html").read_bytes()
    outcome, doc = read_detail(200, body, html_url(L56_PEGASUS), "QRVA list leg=56 start=0: HTTP 503", VIA_LISTING)
    assert outcome == "document"
    assert doc.doc_id == "qrva-56-902-9012-0000202490012" and doc.number == "56-9012"
    assert doc.language == "fr" and doc.kind == "answer" and doc.title == ""
    assert [(t.language, t.title) for t in doc.translations] == [
        ("nl", "De spionagesoftware Pegasus en de telefoons van Belgische journalisten.")]
    assert [(a.name, a.party) for a in doc.askers] == [("Camille Exemplaire", "Les Engagés")]  # cp1252 read right
    assert doc.questions[0].text.startswith("Cette question est un exemple inventé")
    assert [(m.name, m.role) for m in doc.ministers] == [(None, "Vice-eersteminister en minister van Justitie en Noordzee")]
    assert (doc.asked_on, doc.date, doc.deadline, doc.references) == (
        dt.date(2024, 9, 25), dt.date(2024, 10, 17), dt.date(2024, 10, 28), ["B902"])
    assert doc.gaps[0] == ("the open-data list did not answer; found through the HTML bulletin listing; read from"
                           " the Dutch HTML page, which gives the title only in Dutch (no French title, no Dutch texts)")
    assert any("cp1252" in g for g in doc.gaps)
    processing.validate(doc)
    broken = (REC / "html" / f"{L56_BROKEN}.nl.html").read_bytes()
    outcome, reason = read_detail(200, broken, html_url(L56_BROKEN), listed_reason("QRVA list leg=56 start=0: HTTP 503", "B901"),
                                  VIA_LISTING)
    assert (outcome, reason) == ("quarantine", "QRVA list leg=56 start=0: HTTP 503; listed in HTML bulletin B901; HTML detail"
                                 " page: qrva-56-901-9015-0000202490015: no 'nr : <n> - Zittingsperiode : <leg>' heading:"
                                 " not a QRVA page")


def archived(url: str, status: int, body: bytes) -> ArchivedResponse:
    return ArchivedResponse(url, status, {}, body, "2024-11-01T00:00:00+00:00", "dekamer/x.warc.gz", 0)


def test_reparse_when_both_ways_in_fail_or_the_listing_was_never_walked():
    list_503 = archived(f"{DATA}/qrva?leg=56&start=0", 503, b"busy")
    bad_listing = archived(bulletin_list_url(SITE, 56), 200, b"<html><body>Onderhoud</body></html>")
    # the crawl retried the list (archived twice) and then found no bulletin on the listing page:
    # one quarantine entry, on the listing page, with both reasons
    [item] = list(DekamerSpider.reparse(lambda: iter([list_503, list_503, bad_listing])))
    assert (item.url, item.reason) == (bad_listing.url, "QRVA list leg=56 start=0: HTTP 503; QRVA bulletin list"
                                       " leg=56: no link to a bulletin (qrvatoc.cfm?legislat=56&bulletin=B<nnn>) on the page")
    # an archive from before the HTML path: the failing list itself is the quarantine entry
    [item] = list(DekamerSpider.reparse(lambda: iter([list_503])))
    assert (item.url, item.reason) == (list_503.url, "QRVA list leg=56 start=0: HTTP 503")
    # a retry that answered: the crawl went on with the open data, nothing to quarantine
    list_ok = archived(f"{DATA}/qrva?leg=56&start=0", 200, b'{"start": 0, "total": 0, "items": []}')
    assert list(DekamerSpider.reparse(lambda: iter([list_503, list_ok]))) == []
