"""Brussels Parliament weblex parser (crawler.parsers.brussels) and the spider's pure helpers, on
the constructed recordings of data/recordings/brussels (layout FORMATS.md section 9, facts
DOCUMENTS.md rows 20-32, every question/answer sentence CONSTRUCTED: see PROVENANCE.md there)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from archive.model import ANSWER, BRUSSELS_PARLIAMENT, QUESTION
from crawler.parsers.brussels import (
    DEFAULT_BASE, BrusselsParseError, Fetched, addressee_parts, build_document, decode, detail_url, index_url,
    legislatures_between, parse_index, parse_page, repair_lines, split_questions, thread_key, url_language,
)
from crawler.spiders.brussels import languages, read_index, read_question

REC = Path(__file__).resolve().parents[2] / "data" / "recordings" / "brussels"
INDEX = (REC / "index" / "dos_qu_legis_19-24.json").read_bytes()
HTML = "text/html; charset=utf-8"


def page_bytes(moncode: str, lang: str) -> bytes:
    return (REC / "pages" / f"{moncode}-{lang}.html").read_bytes()


def fetched(moncode: str, lang: str) -> Fetched:
    path = REC / "pages" / f"{moncode}-{lang}.html"
    if not path.exists():
        return Fetched(lang, detail_url(DEFAULT_BASE, moncode, lang), 404, b"not found", "text/plain")
    return Fetched(lang, detail_url(DEFAULT_BASE, moncode, lang), 200, path.read_bytes(), HTML)


def row(moncode: str):
    return next(r for r in parse_index(INDEX).rows if r.moncode == moncode)


def document(moncode: str):
    r = row(moncode)
    main, other = languages(r)
    doc, primary = build_document(moncode, fetched(moncode, main), fetched(moncode, other), DEFAULT_BASE, r)
    return doc


# --- index -----------------------------------------------------------------------------------

def test_index_keeps_written_questions_and_reads_the_known_cells():
    page = parse_index(INDEX)
    assert page.skipped == 1  # the constructed interpellation (r[15] == '0')
    assert page.problems == []
    codes = [r.moncode for r in page.rows]
    assert "999903" not in codes and len(codes) == 13
    r = row("144539")
    assert (r.received, r.author, r.addressee, r.language) == (dt.date(2020, 1, 13), "Hilde Sabbe", "Rudi Vervoort", "nl")
    assert r.title_nl == "het gewestelijk videoplatform"
    assert row("153616").language is None  # the link names no language: the spider reads French
    assert languages(row("153616")) == ("fr", "nl") and languages(r) == ("nl", "fr")


def test_index_rows_it_cannot_use_are_problems_not_guesses():
    good = ["PRB", "", '<a href="/weblex-quest-det/?moncode=5&amp;base=1">5</a>', "", "", "01/02/2020", "", "",
            "t", "t", "A B", "C D", "", "", "", "1"]
    body = json.dumps({"data": [good, good[:10], dict(a=1), ["PRB", "", "no link"] + [""] * 12 + ["1"],
                                ["ARCCC"] + good[1:]]}).encode()
    page = parse_index(body)
    assert [r.moncode for r in page.rows] == ["5"] and page.skipped == 1
    assert page.problems == ["index row 1: 10 cells, at least 16 expected", "index row 2: not a list of cells",
                             "index row 3: no moncode in the link cell 'no link'"]
    # rows but none of them a written question: the layout may have changed; say so
    only_oral = json.dumps({"data": [good[:15] + ["0"]]}).encode()
    assert "no written question" in parse_index(only_oral).problems[0]
    assert parse_index(b'{"data": []}').problems == ["the index lists no rows at all"]
    with pytest.raises(BrusselsParseError, match="not valid JSON"):
        parse_index(INDEX[:200])
    with pytest.raises(BrusselsParseError, match="empty"):
        parse_index(b"")


def test_read_index_http_error_and_date_window():
    rows, problems = read_index(404, b"", index_url(DEFAULT_BASE, "14-19"), None, None)
    assert rows == [] and problems == ["index dos_qu_legis_14-19.json: HTTP 404"]
    rows, problems = read_index(200, INDEX, index_url(DEFAULT_BASE, "19-24"), dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert {r.moncode for r in rows} == {"155312", "155697", "155991", "155992", "155994"} and problems == []


def test_legislatures_and_urls():
    assert legislatures_between(dt.date(2019, 6, 1), dt.date(2026, 1, 1)) == ["19-24", "24-29"]
    assert legislatures_between(dt.date(2021, 1, 1), dt.date(2021, 12, 31)) == ["19-24"]
    assert index_url(DEFAULT_BASE, "19-24") == \
        "https://www.parlement.brussels/prb_includes/weblex/data/dos_qu_legis_19-24.json"
    assert detail_url(DEFAULT_BASE, "144539", "nl") == \
        "https://www.parlement.brussels/weblex-quest-det/?lang=nl&moncode=144539&base=1&taal=nd"
    assert url_language("https://x/weblex-quest-det/?lang=nl&moncode=1&base=1&taal=nd") == "nl"
    assert url_language("https://x/weblex-quest-det/?moncode=1&base=1") is None
    with pytest.raises(ValueError):
        index_url(DEFAULT_BASE, "2019-2024")


# --- one page, line by line --------------------------------------------------------------------

def test_french_page_every_line():
    side = parse_page(page_bytes("145851", "fr")).sides["fr"]
    assert side.subject == "l'usage de bodycams par les zones de police"
    assert side.askers == ["Els Rochette"]
    assert side.addressee_name == "Rudi Vervoort"
    assert side.addressee_role.startswith("Ministre-Président du Gouvernement de la Région de Bruxelles-Capitale")
    assert side.addressee_role.endswith("Biculturel)")  # "(question n°194)" is not part of the role
    assert side.number == "194"
    assert (side.received, side.published, side.answered) == (dt.date(2020, 2, 26), dt.date(2020, 5, 25),
                                                              dt.date(2020, 5, 19))
    assert (side.legislature, side.session) == ("19/24", "19/20")
    [adm] = side.admissions
    assert (adm.date, adm.status, adm.body) == (dt.date(2020, 3, 13), "Recevable", "Bureau élargi du Parlement")
    assert side.answer == ""


def test_dutch_page_every_line():
    side = parse_page(page_bytes("161313", "nl")).sides["nl"]
    assert side.subject.startswith("de aansluiting van camera's")
    assert side.askers == ["Mathias Vanden Borre"] and side.number == "1108"
    assert side.addressee_role.startswith("Minister-President van de Brusselse Hoofdstedelijke regering")
    assert (side.received, side.published, side.answered) == (dt.date(2023, 8, 9), dt.date(2023, 11, 7),
                                                              dt.date(2023, 10, 25))
    assert (side.legislature, side.session) == ("19/24", "22/23")
    [adm] = side.admissions
    assert (adm.status, adm.body) == ("Ontvankelijk", "Uitgebreid Bureau van het Parlement")
    # numbered 1.-4.: four parts, the introduction opens part 1, the printed numbers are not repeated
    assert [q.number for q in side.questions] == [1, 2, 3, 4]
    assert side.questions[0].text.startswith("Het videoplatform zou ook beelden")
    assert side.questions[0].text.endswith("\n\nWelke camera's voor cameratoezicht van vervoersmaatschappijen zijn aangesloten?")
    assert side.questions[3].text == "Wordt het cameratoezicht geëvalueerd?"


def test_admissibility_pm_and_empty_body():
    assert parse_page(page_bytes("153616", "fr")).sides["fr"].admissions[0].body == "p.m."
    assert parse_page(page_bytes("144227", "fr")).sides["fr"].admissions[0].body == ""


def test_addressee_parts():
    assert addressee_parts("Alain Maron, Ministre du Gouvernement (Énergie) (question n°1092)") == \
        ("Alain Maron", "Ministre du Gouvernement (Énergie)")
    assert addressee_parts("Minister-President (Vragen nr 94)") == (None, "Minister-President")
    assert addressee_parts("") == (None, None)


def test_superscript_breaks_are_repaired():
    # footnote digit alone on its line, the comma on the next (row 22)
    assert document("145851").questions[0].text.startswith(
        "Plusieurs zones de police bruxelloises utilisent des bodycams¹, selon un rapport")
    # footnote digit and comma starting the next line (row 26)
    assert document("155697").questions[0].text.startswith("Selon la presse¹, des caméras Hikvision")
    # ordinal suffix pushed onto the next line (row 23, both languages)
    doc = document("147082")
    assert doc.questions[0].text.startswith("Tijdens de 2de fase van de lockdown")
    assert doc.translations[0].questions[0].text.startswith("Pendant la 2e phase du confinement")


def test_repair_lines_leaves_ordinary_lines_alone():
    assert repair_lines(["Depuis 2020", "de nombreuses caméras"]) == ["Depuis 2020", "de nombreuses caméras"]
    assert repair_lines(["Fin de phrase.", "1, suite"]) == ["Fin de phrase.", "1, suite"]
    assert repair_lines([" ", "a", " ", " ", "b", " "]) == ["a", "", "", "b"]
    assert repair_lines(["le 1", "er janvier"]) == ["le 1er janvier"]


def test_bullets_stay_lines_of_one_part():
    parts = split_questions(["Intro.", " ", "Pouvez-vous me préciser :", "- un ;", "–deux ;", "• trois ?"])
    assert len(parts) == 1 and parts[0].number == 1
    assert parts[0].text == "Intro.\n\nPouvez-vous me préciser :\n- un ;\n– deux ;\n• trois ?"
    doc = document("144227")  # dash-style bullets (row 20)
    assert doc.questions[0].text.splitlines()[-3:] == [
        "- le nombre de caméras ANPR installées à ce jour ;", "- les services qui ont accès aux images ;",
        "- la durée de conservation des images ?"]
    # numbering that does not start at 1 is not a split
    assert len(split_questions(["2. deux", "3. trois"])) == 1


def test_latin1_bytes_under_a_utf8_header_are_decoded():
    raw = page_bytes("155312", "fr")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text, note = decode(raw, HTML)
    assert "Ibrahim Dönmez" in text and "declared utf-8" in note
    assert decode("é".encode(), HTML) == ("é", None)
    doc = document("155312")
    assert doc.askers[0].name == "Ibrahim Dönmez"
    assert doc.addressed_to[0].endswith("Bien-Être animal)")
    assert any("not UTF-8" in g for g in doc.gaps)


def test_empty_page_and_unknown_page_raise():
    with pytest.raises(BrusselsParseError, match="empty page"):
        parse_page(b"")
    with pytest.raises(BrusselsParseError, match="no question section"):
        parse_page(b"<html><body><p>Maintenance</p></body></html>")


# --- one document per moncode ------------------------------------------------------------------

def test_french_question_with_answer_date_only():
    doc = document("153438")  # row 24
    assert (doc.source, doc.doc_id, doc.country, doc.parliament) == ("brussels", "prb-153438", "BE", BRUSSELS_PARLIAMENT)
    assert doc.url == "https://www.parlement.brussels/weblex-quest-det/?lang=fr&moncode=153438&base=1&taal=fr"
    assert (doc.kind, doc.language, doc.number) == (QUESTION, "fr", "692")
    assert [(a.name, a.party) for a in doc.askers] == [("Hicham Talhi", None)]
    assert doc.addressed_to == ["Rudi Vervoort, Ministre-Président du Gouvernement de la Région de Bruxelles-Capitale"
                                " (chargé du Développement territorial, Rénovation urbaine, Tourisme, Image de Bruxelles,"
                                " Biculturel)"]
    # Who answered: the addressed minister, named on the page (the text itself is not there).
    assert [(m.name, m.role.split(" (")[0]) for m in doc.ministers] == [
        ("Rudi Vervoort", "Ministre-Président du Gouvernement de la Région de Bruxelles-Capitale")]
    assert doc.answers == []
    assert (doc.asked_on, doc.date, doc.answered_on) == (dt.date(2021, 9, 9), dt.date(2021, 11, 16), dt.date(2021, 11, 4))
    assert [(e.date.isoformat(), e.label, e.kind) for e in doc.events] == [
        ("2021-09-09", "Date de réception", "sent"), ("2021-09-24", "Recevable", "other"),
        ("2021-11-16", "Date de publication", "other"), ("2021-11-04", "Date de réponse", "answered")]
    assert "reconnaissance faciale" in doc.questions[0].text
    [t] = doc.translations
    assert t.language == "nl" and "gezichtsherkenning" in t.questions[0].text and t.title.startswith("gezichtsherkenning")
    assert doc.gaps == ["the page gives the answer date (2021-11-04) but not the answer text"]


def test_dutch_question_keeps_dutch_as_main_language():
    doc = document("144539")  # row 21, asked in Dutch
    assert doc.language == "nl" and doc.number == "94"
    assert doc.url.endswith("lang=nl&moncode=144539&base=1&taal=nd")
    assert doc.title == "het gewestelijk videoplatform"
    assert [t.language for t in doc.translations] == ["fr"]
    assert doc.events[0].label == "Datum ontvangst" and doc.events[-1].label == "Datum antwoord"


def test_answer_document_with_minister():
    doc = document("160865")  # row 30
    assert doc.kind == ANSWER and doc.date == dt.date(2023, 7, 20) and doc.answered_on is None
    [m] = doc.ministers
    assert m.name == "Rudi Vervoort" and m.role.startswith("Ministre-Président du Gouvernement")
    [a] = doc.answers
    assert a.numbers == [1] and "caméras ANPR" in a.text and "caméra thermique" in a.text
    assert doc.translations[0].answers[0].text.startswith("Het platform verbindt")
    assert doc.gaps == []
    answered = document("153616")  # row 32: four numbered questions, one answer for all
    assert answered.kind == ANSWER and answered.answers[0].numbers == [1, 2, 3, 4]
    assert answered.ministers[0].name == "Barbara Trachte"


def test_missing_dutch_side_is_a_gap_not_a_failure():
    doc = document("145851")  # row 22: the Dutch page has an empty side
    assert doc.translations == [] and doc.questions
    assert "the Dutch side of the page is empty (no question text)" in doc.gaps
    doc = document("155697")  # row 26: the Dutch page answers 404
    assert doc.translations == [] and "the Dutch page could not be read: HTTP 404" in doc.gaps


def test_missing_asked_side_falls_back_to_the_other_language():
    french = Fetched("fr", detail_url(DEFAULT_BASE, "144227", "fr"), 500, b"", HTML)
    doc, primary = build_document("144227", french, fetched("144227", "nl"), DEFAULT_BASE, row("144227"))
    assert primary == "other" and doc.language == "nl" and doc.translations == []
    assert doc.url.endswith("taal=nd")
    assert "the French page could not be read: HTTP 500" in doc.gaps
    assert any("kept in Dutch" in g for g in doc.gaps)
    # without its index row too (a page read on its own)
    doc, primary = build_document("144227", fetched("144227", "fr"), None)
    assert primary == "main" and doc.asked_on == dt.date(2019, 10, 25)
    assert "the Dutch page could not be read: not fetched" in doc.gaps


def test_no_question_text_anywhere_is_a_quarantine_reason():
    r = row("144227")
    empty = Fetched("fr", "u", 200, b"", HTML)
    outcome, reason, _ = read_question(r, empty, Fetched("nl", "u", error="timeout"), DEFAULT_BASE)
    assert outcome == "quarantine"
    assert reason == "moncode 144227: no question text on either page (French page: empty page (0 bytes);" \
                     " Dutch page: not fetched (timeout))"
    blank = Fetched("fr", "u", 200, (REC / "pages" / "999902-fr.html").read_bytes(), HTML)
    outcome, reason, _ = read_question(r, blank, None, DEFAULT_BASE)
    assert outcome == "quarantine" and "French page: no question text" in reason


def test_thread_key_shared_by_one_question_to_three_ministers():
    keys = {m: document(m).thread_key for m in ("155991", "155992", "155994")}
    assert len(set(keys.values())) == 1 and keys["155991"].startswith("prb-")
    others = {document(m).thread_key for m in ("144227", "144539", "153438", "160865")}
    assert keys["155991"] not in others and len(others) == 4
    # the source does not list the copies: no SAME_QUESTION relation is invented
    assert document("155992").related == []
    # computable from one page alone, whatever the accents, case and spacing
    assert thread_key(["Anne-Charlotte d'Ursel"], dt.date(2022, 4, 1), "Les caméras  ANPR") == \
        thread_key(["anne-charlotte d’ursel"], dt.date(2022, 4, 1), "les cameras anpr")
    assert thread_key(["A"], dt.date(2022, 4, 1), "x") != thread_key(["A"], dt.date(2022, 4, 2), "x")
