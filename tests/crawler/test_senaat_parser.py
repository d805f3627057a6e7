"""Belgian Senate parser (crawler.parsers.senaat) and the spider's pure decisions
(crawler.spiders.senaat), on the constructed recordings of data/recordings/senaat (layouts of
shared/reference/FORMATS.md sections 6-7, facts of DOCUMENTS.md rows 33-43 and 46; every text
CONSTRUCTED, see that folder's PROVENANCE.md) and on short constructed line lists."""

import datetime as dt
import json
from pathlib import Path

import pytest

from archive.model import ANSWER, QUESTION, REFERS_TO, REFILED_AS, REQUALIFIED_AS, SAME_QUESTION, Minister
from crawler.parsers.senaat import (
    NoSuchQuestion, PageKey, SenaatParseError, Side, build_document, decode_page, document_from_print, page_key,
    parse_detail, read_lines, repair_legacy_mojibake,
)
from crawler.processing import validate
from crawler.spiders.senaat import decide, parse_numbers_arg, read_side

D = dt.date
BASE = "https://www.senate.be"
REC = Path(__file__).resolve().parents[2] / "data" / "recordings" / "senaat"
MANIFEST = {(e["file"]): e for e in json.loads((REC / "manifest.json").read_text(encoding="utf-8"))["responses"]}


def body(name: str) -> tuple[bytes, str]:
    entry = MANIFEST[f"pages/{name}.html"]
    return (REC / entry["file"]).read_bytes(), entry["content_type"]


def page(name: str):
    data, ctype = body(name)
    return parse_detail(data, ctype, name.rsplit("-", 1)[1], BASE)


def doc(name: str, langs=("nl", "fr")):
    leg, nr = map(int, name.split("-"))
    sides = {}
    for lang in langs:
        try:
            sides[lang] = Side(page(f"{name}-{lang}"))
        except KeyError:
            sides[lang] = Side(None, "HTTP 404")
    return build_document(leg, nr, sides, BASE)


# --- URLs ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "key"), [
    ("https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=7&NR=400&LANG=nl", PageKey("nl", 7, 400)),
    ("https://www.senate.be/www/?MIval=Vragen/SchriftelijkeVraag&LEG=4&NR=7451&LANG=nl", PageKey("nl", 4, 7451)),
    ("http://senate.be/www/?LANG=fr&NR=3751&LEG=5&MIval=/Vragen/SchriftelijkeVraag", PageKey("fr", 5, 3751)),
    ("https://www.senate.be/www/?MIval=Vragen/SVPrintNLFR&LEG=7&NR=1648&LANG=fr", PageKey("print", 7, 1648)),
    ("https://www.senate.be/www/?MIval=Vragen/SVPrint&LEG=5&NR=3751&LANG=nl", None),
    ("https://www.senate.be/www/?MIval=publications/viewPubDoc&TID=50342782&LANG=nl", None),
])
def test_page_key_reads_parameters_by_name(url, key):
    assert page_key(url) == key


def test_questions_argument():
    assert parse_numbers_arg("7-400, 7-1648") == [(7, 400), (7, 1648)]
    assert parse_numbers_arg(None) == []
    with pytest.raises(ValueError, match="not <leg>-<nr>"):
        parse_numbers_arg("7/400")


# --- the Dutch and French detail pages ---------------------------------------------------------

def test_dutch_page_every_header_line():
    p = page("7-400-nl")
    assert (p.leg, p.nr, p.lang) == (7, 400, "nl")
    assert (p.asker.name, p.asker.party) == ("Stephanie D'Hose", "Open Vld")
    assert p.asked_on == D(2020, 3, 10)
    assert p.addressed_to == "minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel"
    assert p.subject == "Politie - Gezichtsherkenning - Clearview AI"
    assert p.descriptors == ["politie", "biometrie", "bescherming van de persoonlijke levenssfeer"]
    assert [(e.date, e.label, e.kind) for e in p.events] == [
        (D(2020, 3, 10), "Verzending vraag", "sent"), (D(2020, 4, 9), "Antwoord", "answered")]
    assert p.deadline == D(2020, 4, 9)
    assert [(r.relation, r.id, r.label) for r in p.related] == [
        (SAME_QUESTION, "sv-7-399", "7-399"), (SAME_QUESTION, "sv-7-401", "7-401")]
    assert p.related[0].url == "https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=7&NR=399&LANG=nl"
    assert p.asked_language == "nl"
    assert [q.number for q in p.questions] == [1, 2]
    assert "Clearview AI" in p.questions[0].text and p.questions[1].text.startswith("Welke regels")
    assert p.answers == [] and p.answer_date is None


def test_french_page_latin1_translation_marker_and_labels():
    p = page("7-400-fr")
    assert p.lang == "fr" and p.asked_language == "nl"  # "(Question posée en néerlandais)"
    assert p.addressed_to == "ministre de la Sécurité et de l'Intérieur, chargé du Commerce extérieur"  # "au ..."
    assert p.subject == "Police - Reconnaissance faciale - Clearview AI"
    assert [(e.label, e.kind) for e in p.events] == [("Envoi question", "sent"), ("Réponse", "answered")]
    assert p.deadline == D(2020, 4, 9)  # "Fin du délai de réponse"
    assert [r.id for r in p.related if r.relation == SAME_QUESTION] == ["sv-7-399", "sv-7-401"]  # "Aussi posée à"
    assert p.notes == []  # declared iso-8859-1 and is latin-1


def test_question_in_both_languages_is_one_document_in_the_asked_language():
    d = doc("7-400")
    assert (d.doc_id, d.number, d.kind, d.language) == ("sv-7-400", "7-400", QUESTION, "nl")
    assert d.url == "https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=7&NR=400&LANG=nl"
    assert [t.language for t in d.translations] == ["fr"]
    assert d.translations[0].title.startswith("Police") and len(d.translations[0].questions) == 2
    assert d.answered_on == D(2020, 4, 9) and d.date == D(2020, 3, 10)
    # The office it was addressed to answered (the registry resolves the person by that date).
    assert [(m.name, m.role) for m in d.ministers] == [
        (None, "minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel")]
    assert d.thread_key == "sv-7-399"  # lowest of 7-399, 7-400, 7-401
    assert d.addressed_to == ["minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel"]
    assert d.gaps == ["the Senate gives an answer date (2020-04-09) but the page carries no answer text"]
    assert d.descriptors[:3] == ["politie", "biometrie", "bescherming van de persoonlijke levenssfeer"]
    assert "police" in d.descriptors
    validate(d, today=D(2026, 1, 1))


def test_answer_with_grouped_numbers_and_glued_subquestions():
    p = page("7-480-nl")
    assert [q.number for q in p.questions] == [1, 2, 3]  # "1)Hoeveel ..." without a space
    assert p.questions[1].text == "Voor welke opdrachten worden die drones gebruikt?"
    assert p.answer_date == D(2020, 5, 20)
    assert [a.numbers for a in p.answers] == [[1, 2], [3]]  # "Vragen 1) en 2)." / "Vraag 3)."
    assert p.answers[0].text.startswith("Dit antwoord is constructed")  # the lead stays with the first part
    assert p.answers[1].text == "De beelden worden bewaard volgens de camerawet."
    d = doc("7-480")
    assert d.kind == ANSWER and d.date == D(2020, 5, 20) and d.answered_on is None
    assert d.ministers == [Minister(None, "minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel")]
    assert d.thread_key == "sv-7-480" and doc("7-481").thread_key == "sv-7-480"
    validate(d, today=D(2026, 1, 1))


def test_answer_numbered_with_full_stops_after_the_deadline():
    p = page("7-1870-nl")
    assert [q.number for q in p.questions] == [1, 2, 3]  # "1. ..."
    assert [a.numbers for a in p.answers] == [[1, 2], [3]]  # "Vragen 1. en 2."
    d = doc("7-1870")
    assert d.deadline == D(2023, 3, 2) and d.date == D(2023, 3, 8) and d.date > d.deadline
    assert d.ministers == [Minister(None, "minister van Defensie")]
    assert d.translations[0].subject == "Défense - Logiciel espion - Pegasus"


def test_glued_chronology_with_space_before_parenthesis():
    p = page("7-481-nl")  # "20/4/2020Verzending vraag (Einde van de antwoordtermijn: 21/5/2020 )"
    assert [(e.date, e.label) for e in p.events] == [(D(2020, 4, 20), "Verzending vraag"), (D(2020, 4, 21), "Antwoord")]
    assert p.deadline == D(2020, 5, 21)
    assert [q.number for q in p.questions] == [1, 2]


def test_closed_and_refiled_in_both_languages():
    nl, fr = page("5-3751-nl"), page("5-3751-fr")
    assert [(e.label, e.kind) for e in nl.events][-1] == ("Dossier gesloten", "closed")
    assert [(e.label, e.kind) for e in fr.events][-1] == ("Dossier clôturé", "closed")
    assert [(r.relation, r.id) for r in nl.related] == [(REFILED_AS, "sv-5-5009")]  # "Heringediend als"
    assert [(r.relation, r.id) for r in fr.related] == [(REFILED_AS, "sv-5-5009")]  # "Réintroduite comme"
    assert fr.addressed_to == "ministre de l'Intérieur"  # "à la ..."
    d = doc("5-3751")
    assert d.kind == QUESTION and d.closed_on == D(2011, 12, 7) and d.answered_on is None
    assert "gezichtsherkenning" in d.text() and "reconnaissance faciale" in d.text()
    assert d.related == nl.related and d.deadline is None


def test_legacy_code_page_cp1252_served_as_utf8_reminders_and_requalification():
    p = page("5-9045-nl")
    assert p.subject == "Politie - Drones - Gebruik in België"
    text = p.questions[0].text
    assert "België" in text and "geïnvesteerd" in text and "officiële" in text and "Ž" not in text
    assert p.notes == ["the page declares utf-8 but is not UTF-8: read as cp1252",
                       "4 legacy code-page character(s) repaired (Ž -> ë, Ô -> ï)"]
    assert [(e.date, e.kind) for e in p.events] == [
        (D(2013, 5, 16), "sent"), (D(2013, 9, 17), "reminder"), (D(2013, 12, 18), "reminder"), (D(2014, 2, 24), "requalified")]
    assert [(r.relation, r.id, r.label) for r in p.related] == [(REQUALIFIED_AS, "sv-ou-5-4834", "vraag om uitleg 5-4834")]
    d = doc("5-9045", langs=("nl", "fr"))
    assert d.gaps == ["the French page could not be read: HTTP 404"]
    validate(d, today=D(2026, 1, 1))


def test_answer_that_refers_to_a_twin_question():
    p = page("4-7451-nl")
    assert (p.asker.name, p.asker.party) == ("Hugo Vandenberghe", "CD&V")
    assert [q.number for q in p.questions] == [1, 2, 3]
    assert [a.numbers for a in p.answers] == [[1, 2, 3]]  # no headings: it answers every question
    assert [(r.relation, r.id) for r in p.related] == [(SAME_QUESTION, "sv-4-7450"), (REFERS_TO, "sv-4-7450")]
    assert p.events[0].label == "Verzending vraag" and p.deadline == D(2010, 5, 6)  # glued "7/4/2010Verzending vraag"


def test_french_page_only_of_a_dutch_question_keeps_the_record_with_gaps():
    d = doc("7-1874")
    assert d.language == "fr" and d.translations == []
    assert d.addressed_to == ["vice-premier ministre et ministre de l'Economie et du Travail"]
    assert d.gaps == ["the Dutch page could not be read: HTTP 404",
                      "the question was asked in Dutch but only the Senate's French translation could be read: "
                      "the texts here are that translation"]
    assert d.thread_key == "sv-7-1874" and len([r for r in d.related if r.relation == SAME_QUESTION]) == 3
    assert page("7-1874-fr").notes == ["the page declares iso-8859-1 but is UTF-8: read as UTF-8"]
    validate(d, today=D(2026, 1, 1))


def test_bilingual_print():
    data, ctype = body("7-1648-print")
    d = document_from_print(7, 1648, data, ctype, BASE)
    assert (d.doc_id, d.language, d.kind) == ("sv-7-1648", "nl", QUESTION)
    assert d.asked_on == D(2022, 6, 2) and d.deadline == D(2022, 7, 7) and d.answered_on == D(2022, 8, 11)
    assert d.addressed_to == ["vice-eersteminister en minister van Justitie en Noordzee"]
    assert (d.askers[0].name, d.askers[0].party) == ("Els Ampe", "Open Vld")
    assert d.subject == "Politie - Gezichtsherkenning - Clearview AI"
    assert [t.language for t in d.translations] == ["fr"]
    assert d.translations[0].subject == "Police - Reconnaissance faciale - Clearview AI"
    assert "reconnaissance faciale" in d.translations[0].questions[0].text
    # listed twice (once per column, in French both times): one relation each
    assert [(r.relation, r.id) for r in d.related] == [(SAME_QUESTION, "sv-7-1649"), (SAME_QUESTION, "sv-7-1650")]
    assert [e.label for e in d.events] == ["Verzending vraag", "Antwoord"]  # Dutch labels in both columns
    assert d.descriptors == ["politie", "biometrie", "police", "biométrie"]
    assert d.thread_key == "sv-7-1648"
    validate(d, today=D(2026, 1, 1))


# --- quirks on short constructed lines -----------------------------------------------------------

HEAD_NL = ["Tweetalige printerversie Eentalige printerversie", "Schriftelijke vraag nr. 5-9463",
           "van Jean-Jacques De Gucht (Open Vld) d.d. 5 juli 2013",
           "aan de vice-eersteminister en minister van Binnenlandse Zaken en Gelijke Kansen",
           "Politie - ANPR", "verkeersveiligheid", "Chronologie"]


def test_date_alone_on_its_line_takes_the_next_line_as_label_and_requalified_from():
    lines = HEAD_NL + ["5/7/2013", "Verzending vraag", "16/4/2014 Antwoord",
                       "Herkwalificatie van : vraag om uitleg 5-3648",
                       "Vraag nr. 5-9463 d.d. 5 juli 2013 :", "(Vraag gesteld in het Nederlands)",
                       "Constructed: worden ANPR-camera's in voertuigen gebruikt?"]
    p = read_lines(lines, "nl", BASE)
    assert [(e.date, e.label) for e in p.events] == [(D(2013, 7, 5), "Verzending vraag"), (D(2014, 4, 16), "Antwoord")]
    assert [(r.relation, r.id) for r in p.related] == [(REQUALIFIED_AS, "sv-ou-5-3648")]
    assert p.asked_language == "nl"  # the marker on the line below the body header
    assert p.requalified_into is False  # requalified *from* an oral question: it stays a written one


def test_requalified_into_an_oral_question_is_marked():
    lines = HEAD_NL + ["5/7/2013 Verzending vraag", "24/2/2014 Herkwalificatie",
                       "Geherkwalificeerd als : vraag om uitleg 5-4834",
                       "Vraag nr. 5-9463 d.d. 5 juli 2013 : (Vraag gesteld in het Nederlands)",
                       "Constructed: worden ANPR-camera's in voertuigen gebruikt?"]
    p = read_lines(lines, "nl", BASE)
    assert p.requalified_into is True and p.event_date("requalified") == D(2014, 2, 24)
    assert p.questions[0].text.startswith("Constructed") and (p.asker.name, p.asked_on) == ("Jean-Jacques De Gucht", D(2013, 7, 5))


def test_french_answer_marker_and_grouped_numbers():
    lines = ["Question écrite n° 7-2 ", "de Prénom Nom (MR) du 3 mars 2020", "à la ministre de la Justice", "Sujet",
             "Chronologie", "3/3/2020Envoi question", "Question n° 7-2 du 3 mars 2020 : (Question posée en français)",
             "1) Constructed un?", "2) Constructed deux?", "Réponse reçue le 1 avril 2020 :",
             "Questions 1) et 2). Constructed réponse."]
    p = read_lines(lines, "fr", BASE)
    assert p.asked_language == "fr" and p.answer_date == D(2020, 4, 1)
    assert [(a.numbers, a.text) for a in p.answers] == [([1, 2], "Constructed réponse.")]


def test_numbered_lines_count_up_from_one():
    lines = HEAD_NL + ["5/7/2013 Verzending vraag", "Vraag nr. 5-9463 d.d. 5 juli 2013 : (Vraag gesteld in het Nederlands)",
                       "Constructed: in 2013 werden camera's geplaatst.", "2013. was een jaar met ANPR.",
                       "1) Eerste?", "3) geen vraag 3 maar tekst", "2) Tweede?"]
    p = read_lines(lines, "nl", BASE)
    assert [q.number for q in p.questions] == [1, 2]
    assert "2013. was een jaar" in p.questions[0].text and "3) geen vraag 3" in p.questions[0].text


@pytest.mark.parametrize(("text", "expected"), [
    ("BelgiŽ", "België"), ("financiŽle steun", "financiële steun"), ("geÔnvesteerd", "geïnvesteerd"),
    ("Žižek", "Žižek"), ("HÔTEL", "HÔTEL"), ("Ô ciel", "Ô ciel"),
])
def test_legacy_mojibake_repaired_inside_words_only(text, expected):
    assert repair_legacy_mojibake(text)[0] == expected


def test_decoding():
    assert decode_page("é".encode("cp1252"), "text/html; charset=utf-8") == (
        "é", ["the page declares utf-8 but is not UTF-8: read as cp1252"])
    assert decode_page("é".encode("utf-8"), "text/html; charset=iso-8859-1") == (
        "é", ["the page declares iso-8859-1 but is UTF-8: read as UTF-8"])
    assert decode_page("é".encode("latin-1"), "text/html; charset=iso-8859-1") == ("é", [])
    assert decode_page(b"<meta charset=windows-1252>\x80\x81", None)[0].endswith("€\x81")


def test_pages_without_a_question():
    with pytest.raises(NoSuchQuestion):
        parse_detail(b"", "text/html", "nl", BASE)
    data, ctype = body("7-99999-nl")
    with pytest.raises(NoSuchQuestion, match="holds no question"):
        parse_detail(data, ctype, "nl", BASE)
    broken = b"<html><body><p>Schriftelijke vraag nr. 7-5</p><p>aan de minister</p></body></html>"
    with pytest.raises(SenaatParseError, match="no asker line") as exc:
        parse_detail(broken, "text/html", "nl", BASE)
    assert not isinstance(exc.value, NoSuchQuestion)


def test_pages_that_contradict_each_other():
    nl = page("7-480-nl")
    with pytest.raises(SenaatParseError, match="shows question 7-480"):
        build_document(7, 481, {"nl": Side(nl), "fr": Side(None, "HTTP 404")}, BASE)
    fr = page("7-480-fr")
    fr.asked_language = "fr"
    with pytest.raises(SenaatParseError, match="disagree on the language"):
        build_document(7, 480, {"nl": Side(nl), "fr": Side(fr)}, BASE)


# --- the spider's decisions (shared by the crawl and reparse) ----------------------------------------

def test_decide_documents_print_fallback_quarantine_and_skip():
    data, ctype = body("7-400-nl")
    good = read_side("nl", 200, data, ctype, "constructed", BASE)
    gone = Side(None, "HTTP 404 (not in the bundled recordings)", unrecorded=True)
    assert decide(7, 400, {"nl": good, "fr": gone}, None, BASE)[0] == "document"
    empty_nl = read_side("nl", 200, body("7-99999-nl")[0], "text/html", None, BASE)
    assert empty_nl.definitive
    outcome, reason = decide(7, 99999, {"nl": empty_nl, "fr": gone}, None, BASE)
    assert outcome == "quarantine" and reason.startswith("question 7-99999 is not on the Senate site")
    assert decide(7, 1648, {"nl": gone, "fr": gone}, None, BASE) == ("print", None)
    assert decide(7, 399, {"nl": gone, "fr": gone}, gone, BASE)[0] == "skip"
    outcome, reason = decide(7, 5, {"nl": Side(None, "HTTP 500"), "fr": gone}, gone, BASE)
    assert outcome == "quarantine" and "nl page: HTTP 500" in reason
    assert read_side("fr", 503, b"busy", None, None, BASE).reason == "HTTP 503"


# --- the spider's callbacks on a tiny in-memory engine ----------------------------------------------

def _crawl(spider, requests):
    """Feed the spider's requests with the recordings (unrecorded URLs get the replay's 404),
    as Scrapy would, and return (items, requested URLs)."""
    from scrapy.http import HtmlResponse, Request

    from crawler.warc import REPLAY_HEADER

    files = {e["url"]: e for e in json.loads((REC / "manifest.json").read_text(encoding="utf-8"))["responses"]}
    items, seen, queue = [], [], list(requests)
    while queue:
        req = queue.pop(0)
        seen.append(req.url)
        entry = files.get(req.url)
        if entry:
            resp = HtmlResponse(req.url, status=200, body=(REC / entry["file"]).read_bytes(), request=req,
                                headers={"Content-Type": entry["content_type"], REPLAY_HEADER: "constructed"})
        else:
            resp = HtmlResponse(req.url, status=404, body=b"not in the bundled recordings", request=req,
                                headers={"Content-Type": "text/plain", REPLAY_HEADER: "not-recorded"})
        for out in req.callback(resp, **req.cb_kwargs):
            (queue if isinstance(out, Request) else items).append(out)
    return items, seen


def _spider(**kwargs):
    from scrapy.utils.test import get_crawler

    from crawler.spiders.senaat import SenaatSpider

    crawler = get_crawler(SenaatSpider, {"KAMERWACHT_SENATE_URL": BASE, "KAMERWACHT_REPLAY_DIRS": [str(REC)]})
    return SenaatSpider.from_crawler(crawler, **kwargs)


def test_walk_stops_after_misses_in_a_row_and_follows_twins():
    spider = _spider(leg="7", start="478", misses="3")
    items, urls = _crawl(spider, [spider.question_request(7, 478, walk=0)])
    assert sorted(i.document.doc_id for i in items) == ["sv-7-480", "sv-7-481"]
    asked = sorted(page_key(u).nr for u in urls if page_key(u).variant == "nl")
    # 478, 479 miss; 480 is found and names its twin 481 (read by its own chain, once); the walk
    # goes on at 482; 482, 483, 484 miss: three in a row end the walk.
    assert asked == [478, 479, 480, 481, 482, 483, 484]
    stopped = _spider(leg="7", start="478", misses="2")
    items, urls = _crawl(stopped, [stopped.question_request(7, 478, walk=0)])
    assert items == [] and sorted(page_key(u).nr for u in urls if page_key(u).variant == "nl") == [478, 479]


def test_linked_questions_are_followed_once_and_the_print_is_the_fallback():
    spider = _spider(questions="7-480,7-1648")
    items, urls = _crawl(spider, [spider.question_request(7, 480), spider.question_request(7, 1648)])
    assert sorted(i.document.doc_id for i in items) == ["sv-7-1648", "sv-7-480", "sv-7-481"]
    keys = [page_key(u) for u in urls]
    assert keys.count(PageKey("nl", 7, 481)) == 1 and keys.count(PageKey("nl", 7, 480)) == 1  # twins cross-link
    assert PageKey("print", 7, 1648) in keys and PageKey("print", 7, 480) not in keys
    assert PageKey("nl", 7, 1649) in keys  # "Aussi posée à" in the print is followed too
    printed = next(i for i in items if i.document.doc_id == "sv-7-1648")
    assert printed.document.provenance.fetched_url.endswith("SVPrintNLFR&LEG=7&NR=1648&LANG=fr")
    assert printed.document.provenance.kind == "constructed"


def test_replay_seeds_are_the_recorded_questions():
    spider = _spider(mode="replay")
    assert spider.seeds() == [(4, 7451), (5, 3751), (5, 8890), (5, 9045), (7, 400), (7, 480), (7, 481), (7, 1648),
                              (7, 1870), (7, 1874), (7, 99999)]
    assert (7, 400) in _spider().seeds() and (7, 99999) not in _spider().seeds()  # live: the known questions
    assert _spider(questions="7-400").seeds() == [(7, 400)]
