"""The shared Dutch text parser (crawler.parsers.text).

Sources of the texts used here:
* REAL: data/recordings/officielebekendmakingen/byte-exact/ah-tk-20202021-3235.xml and .html,
  byte-exact KOOP files (see PROVENANCE.txt there).
* CONSTRUCTED: tests/fixtures/text/*.txt (each says so in its first line) and the inline texts
  below. Layouts follow FORMATS.md; people, parties, dates and numbers follow DOCUMENTS.md; the
  question and answer sentences are invented.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree, html

from archive.model import ANSWER, FOLLOW_UP, POSTPONEMENT
from crawler.parsers.text import (
    HeaderPerson,
    ParsedText,
    Signatory,
    TextParseError,
    find_mojibake,
    normalise_text,
    parse_numbers,
    parse_question_header,
    parse_reply_line,
    parse_text,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
from tests.conftest import PLOOI  # verbatim copies in data/recordings: the repo must not need ../shared


def load(name: str) -> str:
    """A constructed fixture without its leading '# ' comment lines."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# CONSTRUCTED for Kamerwacht tests:"), name
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def people(parsed: ParsedText) -> list[tuple[str, str | None]]:
    assert parsed.header is not None
    return [(p.name, p.party) for p in parsed.header.askers]


def signers(parsed: ParsedText) -> list[tuple[str, str | None, str | None, bool]]:
    assert parsed.reply is not None
    return [(s.title, s.name, s.ministry, s.co_signer) for s in parsed.reply.signatories]


# --- real text ----------------------------------------------------------------------------


def _xml_text(with_kop: bool) -> str:
    root = etree.parse(str(PLOOI / "ah-tk-20202021-3235.xml")).getroot()
    tags = ["kamervraagomschrijving", "nr", "al"]
    if with_kop:
        tags = ["tekstregel", "kamervraagnummer", *tags]
    return "\n".join("".join(el.itertext()) for el in root.iter(*tags))


@pytest.mark.parametrize("with_kop", [True, False])
def test_real_ob_xml_3235(with_kop: bool) -> None:
    parsed = parse_text(_xml_text(with_kop))
    header = parsed.header
    assert header is not None
    assert people(parsed) == [("Van Weyenberg", "D66"), ("Romke de Jong", "D66"), ("Kat", "D66")]
    assert header.addressed_to == ["Minister van Sociale Zaken en Werkgelegenheid"]
    assert header.subject == "de TOZO"
    assert header.asked_on == date(2021, 6, 3)
    assert parsed.reply is not None
    assert parsed.reply.kind == ANSWER
    assert parsed.reply.signatories == [
        Signatory("Minister", "Koolmees", "Sociale Zaken en Werkgelegenheid",
                  "Minister van Sociale Zaken en Werkgelegenheid", False)
    ]
    assert parsed.reply.received_on == date(2021, 6, 21)
    assert parsed.reply.see_also == []
    assert [n for n, _ in parsed.questions] == list(range(1, 10))
    assert [a for a, _ in parsed.answers] == [[n] for n in range(1, 10)]
    assert parsed.questions[1] == (
        2, "Kunt u toelichten waarom het rentepercentage voor de TOZO-lening op 2% is gesteld?"
    )
    answers = dict((a[0], t) for a, t in parsed.answers)
    assert answers[1].startswith("Ja. Volledigheidshalve merk ik op")
    assert answers[8] == (
        "Ja. De hoogte van de rente op rentedragende leningen op grond van het Bbz bedraagt in "
        "alle gevallen 8%."
    )
    # numbers inside the text survive footnote-marker removal
    assert "(Staatsblad 2020, 118)" in answers[2] and "5,75%" in answers[2]
    assert "10.271 euro" in answers[7] and "artikel 22 van het Bbz 2004." in answers[7]
    # two <al> paragraphs stay two paragraphs
    assert answers[9].count("\n") == 1 and answers[9].split("\n")[1].startswith("Bovendien")
    assert parsed.footnotes == []
    if with_kop:
        assert header.chamber == "Tweede Kamer"
        assert (parsed.vergaderjaar, parsed.number) == ("2020-2021", "3235")
    else:
        assert header.chamber is None and parsed.number is None


def test_real_ob_html_3235_text_content() -> None:
    # The HTML rendering wraps the header and the date inside the reply line ("21 juni⏎2021")
    # and puts no-break spaces inside dates.
    root = html.parse(str(PLOOI / "ah-tk-20202021-3235.html")).getroot()
    parsed = parse_text(root.get_element_by_id("broodtekst").text_content())
    assert people(parsed) == [("Van Weyenberg", "D66"), ("Romke de Jong", "D66"), ("Kat", "D66")]
    assert parsed.header is not None and parsed.header.asked_on == date(2021, 6, 3)
    assert parsed.reply is not None and parsed.reply.received_on == date(2021, 6, 21)
    assert len(parsed.questions) == 9 and len(parsed.answers) == 9
    assert parsed.questions == parse_text(_xml_text(True)).questions
    assert parsed.answers == parse_text(_xml_text(True)).answers


# --- constructed full documents -------------------------------------------------------------


def test_postponement_2237_tweedekamer_layout() -> None:
    parsed = parse_text(load("ah-tk-20192020-2237_tweedekamer.txt"))
    assert parsed.document_type == "Mededeling (uitstel antwoord)"
    assert parsed.document_title == (
        "Uitstel beantwoording vragen van het lid Buitenweg over "
        "‘Politie test omstreden gezichtsherkenningsapp‘"
    )
    assert people(parsed) == [("Buitenweg", "GroenLinks")]
    assert parsed.header is not None
    assert parsed.header.addressed_to == ["Minister van Justitie en Veiligheid"]
    # header wrapped over three lines, footnote marker after the guillemet removed
    assert parsed.header.subject == "het bericht «Politie test omstreden gezichtsherkenningsapp»"
    assert parsed.header.asked_on == date(2020, 3, 5)
    assert parsed.reply is not None
    assert parsed.reply.kind == POSTPONEMENT
    assert signers(parsed) == [("Minister", "Grapperhaus", "Justitie en Veiligheid", False)]
    assert parsed.reply.received_on == date(2020, 3, 26)  # the notice date
    assert [n for n, _ in parsed.questions] == [1, 2, 3, 4, 5, 6, 7]
    # hard wraps joined inside a question
    assert parsed.questions[1][1] == (
        "Klopt het dat agenten foto's van verdachten hebben vergeleken met de databank van het "
        "bedrijf?"
    )
    assert parsed.answers == []
    assert parsed.notice_text is not None and "niet binnen de gebruikelijke termijn" in parsed.notice_text


def test_answer_105_ob_layout() -> None:
    parsed = parse_text(load("ah-tk-20212022-105_ob.txt"))
    header = parsed.header
    assert header is not None
    assert people(parsed) == [("Van Ginneken", "D66"), ("Bouchallikh", "GroenLinks")]
    assert header.addressed_to == ["Minister voor Rechtsbescherming"]
    assert header.asked_on == date(2021, 8, 27)
    assert header.chamber == "Tweede Kamer"  # from the glued metadata table
    assert (parsed.vergaderjaar, parsed.number) == ("2021-2022", "105")
    assert parsed.reply is not None
    assert parsed.reply.kind == ANSWER
    assert parsed.reply.signatories == [
        Signatory("Minister", "Dekker", "Rechtsbescherming", "Minister voor Rechtsbescherming", False),
        Signatory("Minister", None, "Justitie en Veiligheid", "Minister van Justitie en Veiligheid", True),
    ]
    assert parsed.reply.received_on == date(2021, 9, 28)
    assert parsed.reply.see_also == ["ah-tk-20202021-4076"]
    questions = dict(parsed.questions)
    assert questions[1] == "Kent u het bericht «Politie experimenteerde met Clearview AI»?"
    assert "«een digitale vijand»? van de privacy" in questions[2]
    assert "binnengekomen of aangeboden. Zo ja, door wie?" in questions[3]
    answers = dict((a[0], t) for a, t in parsed.answers)
    assert answers[1] == "Ja." and answers[3] == "Nee"  # one-word answers, with/without period
    assert "12 juli 2021" in answers[2] and "artikel 12 van de Wet" in answers[2]
    assert "minder dan 2% van de zoekvragen" in answers[2]
    assert parsed.footnotes == [
        "https://www.example.org/nieuws/politie-experimenteerde-met-clearview",
        "https://www.example.org/toezicht/oordeel-2021",
    ]
    assert parsed.footnote_texts[2] == "Eigen waarneming van de indieners, juli 2021"
    assert all("Noot" not in t and "Naar boven" not in t for _, t in parsed.answers)


def test_follow_up_472_questions_first_answers_later() -> None:
    parsed = parse_text(load("ah-tk-20212022-472_ob.txt"))
    assert people(parsed) == [("Van Ginneken", "D66"), ("Bouchallikh", "GroenLinks")]
    assert parsed.reply is not None
    assert parsed.reply.kind == FOLLOW_UP
    assert signers(parsed) == [("Minister", "Grapperhaus", "Justitie en Veiligheid", False)]
    assert parsed.reply.signatories[0].role == "Minister van Justitie en Veiligheid"
    assert parsed.reply.received_on == date(2021, 10, 13)
    assert parsed.reply.see_also == ["ah-tk-20202021-4076", "ah-tk-20212022-105"]
    assert [n for n, _ in parsed.questions] == [1, 2, 3, 4, 5, 6]
    assert [a for a, _ in parsed.answers] == [[1], [2, 3], [4, 5, 6]]
    assert parsed.answers[1][1].startswith("Het aanvullende onderzoek")


def test_answer_4028_two_ministers_lower_case_addressees() -> None:
    parsed = parse_text(load("ah-tk-20202021-4028_ob.txt"))
    assert people(parsed) == [("Jasper van Dijk", "SP")]
    assert parsed.header is not None
    assert parsed.header.addressed_to == [
        "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "Minister van Buitenlandse Zaken",
    ]
    # the stray period before "(ingezonden" is not part of the subject
    assert parsed.header.subject.endswith("ingezet tegen journalisten")
    assert parsed.header.asked_on == date(2021, 7, 23)
    assert parsed.reply is not None
    assert signers(parsed) == [
        ("Minister", "Ollongren", "Binnenlandse Zaken en Koninkrijksrelaties", False),
        ("Minister", "Kaag", "Buitenlandse Zaken", False),
    ]
    assert parsed.reply.received_on == date(2021, 9, 13)  # no closing period after the date
    assert [n for n, _ in parsed.questions] == [1, 2, 3]
    assert [a for a, _ in parsed.answers] == [[1], [2], [3]]


def test_postponement_3605_hard_wrapped_ob_page() -> None:
    parsed = parse_text(load("ah-tk-20182019-3605_ob.txt"))
    assert people(parsed) == [("Den Boer", "D66"), ("Verhoeven", "D66")]
    assert parsed.header is not None
    assert parsed.header.addressed_to == ["Minister van Justitie en Veiligheid"]
    assert parsed.header.subject == "het koppelen van camerabeelden door een private stichting"
    assert parsed.header.asked_on == date(2019, 7, 25)  # "(ingezonden 25⏎juli 2019)"
    assert parsed.reply is not None and parsed.reply.kind == POSTPONEMENT
    assert parsed.reply.received_on == date(2019, 8, 19)  # "(ontvangen 19 augustus⏎2019)"
    assert signers(parsed) == [("Minister", "Grapperhaus", "Justitie en Veiligheid", False)]
    assert [n for n, _ in parsed.questions] == [1, 2, 3, 4, 5, 6, 7]
    assert parsed.questions[0][1] == (
        "Bent u bekend met het bericht dat een private stichting camerabeelden van winkeliers, "
        "gemeenten en vervoerders aan elkaar koppelt?"
    )
    assert "artikel 151c van de Gemeentewet" in parsed.questions[4][1]
    assert parsed.answers == [] and parsed.notice_text is None


def test_question_only_kv_2024Z16676_four_office_holders() -> None:
    parsed = parse_text(load("kv-tk-2024Z16676_ob.txt"))
    assert people(parsed) == [
        ("Kathmann", "GroenLinks-PvdA"), ("Lahlah", "GroenLinks-PvdA"), ("Mutluer", "GroenLinks-PvdA")
    ]
    assert parsed.header is not None
    assert parsed.header.addressed_to == [
        "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "Minister van Justitie en Veiligheid",
        "Staatssecretaris van Justitie en Veiligheid",
        "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
    ]
    assert parsed.header.asked_on == date(2024, 10, 23)
    assert parsed.reply is None and parsed.answers == []
    assert (parsed.vergaderjaar, parsed.number) == ("2024-2025", "2024Z16676")
    assert [n for n, _ in parsed.questions] == [1, 2, 3]
    assert parsed.questions[0][1].endswith("zonder toereikende wettelijke basis?")
    assert parsed.footnotes == ["https://www.example.org/nieuws/politie-gezichtsherkenning-2024"]
    assert "Naar boven" not in parsed.questions[2][1]


def test_question_only_kv_2014Z09389_prime_minister() -> None:
    parsed = parse_text(load("kv-tk-2014Z09389_ob.txt"))
    assert people(parsed) == [("Ouwehand", "PvdD")]
    assert parsed.header is not None
    assert parsed.header.addressed_to == [
        "Minister-President, Minister van Algemene Zaken",
        "Minister van Veiligheid en Justitie",
    ]
    assert parsed.header.asked_on == date(2014, 5, 22)
    assert parsed.header.chamber == "Tweede Kamer"
    assert (parsed.vergaderjaar, parsed.number) == ("2013-2014", "2014Z09389")
    assert [n for n, _ in parsed.questions] == [1, 2, 3, 4, 5]
    assert parsed.reply is None


def test_answer_2020D19385_tweedekamer_wrapped_reply_and_grouped_numbers() -> None:
    parsed = parse_text(load("2020D19385_tweedekamer.txt"))
    assert parsed.document_type == "Antwoord schriftelijke vragen"
    assert parsed.document_title is not None
    assert parsed.document_title.startswith("Antwoord op vragen van de leden Groothuizen en Van Nispen")
    assert people(parsed) == [("Groothuizen", "D66"), ("Van Nispen", "SP")]
    assert parsed.header is not None
    assert parsed.header.addressed_to == [
        "Minister van Justitie en Veiligheid", "Minister voor Rechtsbescherming"
    ]
    assert parsed.reply is not None
    # "... en van Minister Dekker⏎(Rechtsbescherming)": wrapped between name and ministry
    assert parsed.reply.signatories == [
        Signatory("Minister", "Grapperhaus", "Justitie en Veiligheid",
                  "Minister van Justitie en Veiligheid", False),
        Signatory("Minister", "Dekker", "Rechtsbescherming", "Minister voor Rechtsbescherming", False),
    ]
    assert parsed.reply.received_on == date(2020, 5, 19)
    # "Vraag 1, 2" + two hard-wrapped questions without a blank line between them
    assert parsed.questions[:2] == [
        (1, "Hoeveel verdachten zijn sinds half maart verhoord zonder dat hun advocaat fysiek "
            "aanwezig kon zijn?"),
        (2, "Hoe vaak is in die periode gebruikgemaakt van een videoverbinding met de raadsman?"),
    ]
    assert [a for a, _ in parsed.answers] == [[1, 2], [3], [4]]
    assert parsed.answers[1][1] == "Ja."
    assert "(Kamerstuk 25 295, nr. 303)" in parsed.answers[2][1]


def test_pdf_extracted_answer_1365_headers_and_footers_removed() -> None:
    parsed = parse_text(load("ah-tk-20142015-1365_pdf.txt"))
    assert parsed.doc_id == "ah-tk-20142015-1365"
    assert (parsed.vergaderjaar, parsed.number) == ("2014-2015", "1365")
    header = parsed.header
    assert header is not None and header.chamber == "Tweede Kamer"
    assert people(parsed) == [("Omtzigt", "CDA"), ("Gesthuizen", "SP"), ("Schouw", "D66")]
    assert header.addressed_to == [
        "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "Staatssecretaris van Veiligheid en Justitie",
    ]
    assert header.asked_on == date(2015, 2, 17)
    assert parsed.reply is not None
    assert parsed.reply.signatories == [
        Signatory("Staatssecretaris", "Teeven", "Veiligheid en Justitie",
                  "Staatssecretaris van Veiligheid en Justitie", False),
        Signatory("Minister", None, "Binnenlandse Zaken en Koninkrijksrelaties",
                  "Minister van Binnenlandse Zaken en Koninkrijksrelaties", True),
    ]
    assert parsed.reply.received_on == date(2015, 2, 25)
    # typesetter hyphenation undone, the real "geslachts- en" kept
    assert parsed.questions[0] == (
        1, "Hoe vaak is in 2014 verzocht om wijziging van de geslachts- en naamgegevens in de "
           "basisregistratie personen?"
    )
    # page footers removed, also in the middle of a paragraph and glued into a line
    assert parsed.answers[1][1] == (
        "Bij elke aanvraag van een reisdocument stelt de gemeente de identiteit van de aanvrager "
        "vast. Wanneer de gegevens in de basisregistratie kort tevoren zijn gewijzigd, vindt een "
        "aanvullende controle plaats door de Rijksdienst voor Identiteitsgegevens. Deze controle "
        "wordt uitgevoerd aan de hand van de verstrekte stukken."
    )
    assert parsed.answers[0][1].endswith("van het Burgerlijk Wetboek.")  # page-foot footnote gone
    assert parsed.footnotes == ["https://www.example.org/nieuws/identiteit-en-reisdocumenten"]
    for _, text in [*parsed.questions, *parsed.answers]:
        assert "ISSN" not in text and "Aanhangsel" not in text and "1365" not in text


def test_pdf_extracted_question_kv_2020Z04331() -> None:
    parsed = parse_text(load("kv-tk-2020Z04331_pdf.txt"))
    assert parsed.doc_id == "kv-tk-2020Z04331"
    assert (parsed.vergaderjaar, parsed.number) == ("2019-2020", "2020Z04331")
    assert parsed.header is not None and parsed.header.chamber == "Tweede Kamer"
    assert people(parsed) == [("Buitenweg", "GroenLinks")]
    assert parsed.header.asked_on == date(2020, 3, 5)
    assert parsed.reply is None
    # footer split over three lines inside question 2
    assert parsed.questions[1] == (
        2, "Klopt het dat agenten foto's van verdachten hebben vergeleken met de databank van het "
           "bedrijf?"
    )
    assert [n for n, _ in parsed.questions] == [1, 2, 3]


# --- header variants (FORMATS.md 1a) ----------------------------------------------------------

HEADER_CASES = [
    # (constructed header, askers, addressed_to, subject, asked_on)
    (
        "Vragen van het lid RemcoDijkstra (VVD) aan de Minister van Infrastructuur en Waterstaat "
        "over overlast door drones (ingezonden 13 juli 2018).",
        [("Remco Dijkstra", "VVD")],
        ["Minister van Infrastructuur en Waterstaat"],
        "overlast door drones",
        date(2018, 7, 13),
    ),
    (
        "Vragen van de leden Schouw, Berndsen-Jansen en Verhoeven (allen D66) aan de Minister van "
        "Veiligheid en Justitie over chips in kentekenplaten (ingezonden 18 juni 2015).",
        [("Schouw", "D66"), ("Berndsen-Jansen", "D66"), ("Verhoeven", "D66")],
        ["Minister van Veiligheid en Justitie"],
        "chips in kentekenplaten",
        date(2015, 6, 18),
    ),
    (
        "Vragen van de leden Van Dam (CDA) en Verhoeven (D66) aan de Ministers van Justitie en "
        "Veiligheid en voor Rechtsbescherming over het delen van sensordata (ingezonden 16 april 2020).",
        [("Van Dam", "CDA"), ("Verhoeven", "D66")],
        ["Minister van Justitie en Veiligheid", "Minister voor Rechtsbescherming"],
        "het delen van sensordata",
        date(2020, 4, 16),
    ),
    (
        "Vragen van het lid Van Tongeren (GroenLinks) aan de ministers van Veiligheid en Justitie "
        "en van Binnenlandse Zaken en Koninkrijksrelaties over camerakasten (ingezonden 26 april 2013).",
        [("Van Tongeren", "GroenLinks")],
        ["Minister van Veiligheid en Justitie", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"],
        "camerakasten",
        date(2013, 4, 26),
    ),
    (
        # singular word, two ministries: two ministers
        "Vragen van het lid Verhoeven (D66) aan de Minister van Justitie en Veiligheid en van "
        "Binnenlandse Zaken en Koninkrijksrelaties over camera's (ingezonden 30 januari 2020).",
        [("Verhoeven", "D66")],
        ["Minister van Justitie en Veiligheid", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"],
        "camera's",
        date(2020, 1, 30),
    ),
    (
        "Vragen van de leden Omtzigt (CDA), Gesthuizen (SP) en Schouw (D66) aan de minister van "
        "Onderwijs, Cultuur en Wetenschap en de Staatssecretaris van Financiën over iets "
        "(ingezonden 17 februari 2015).",
        [("Omtzigt", "CDA"), ("Gesthuizen", "SP"), ("Schouw", "D66")],
        ["Minister van Onderwijs, Cultuur en Wetenschap", "Staatssecretaris van Financiën"],
        "iets",
        date(2015, 2, 17),
    ),
    (
        # a group name in the party slot; unbalanced quotes in the subject
        "Vragen van het lid Van Haga (Groep Van Haga) aan de Minister van Justitie en Veiligheid "
        "over het artikel «Camera’s op het plein'» (ingezonden 1 februari 2022).",
        [("Van Haga", "Groep Van Haga")],
        ["Minister van Justitie en Veiligheid"],
        "het artikel «Camera’s op het plein'»",
        date(2022, 2, 1),
    ),
    (
        "Vragen van het lid Yeşilgöz-Zegerius (VVD) aan de Minister van Justitie en Veiligheid over "
        "iets (ingezonden 3 juni 2021).",
        [("Yeşilgöz-Zegerius", "VVD")],
        ["Minister van Justitie en Veiligheid"],
        "iets",
        date(2021, 6, 3),
    ),
    (
        # shared office word: "de Minister en de Staatssecretaris van X"
        "Vragen van het lid Kat (D66) aan de Minister en de Staatssecretaris van Volksgezondheid, "
        "Welzijn en Sport over iets (ingezonden 3 juni 2021).",
        [("Kat", "D66")],
        ["Minister van Volksgezondheid, Welzijn en Sport",
         "Staatssecretaris van Volksgezondheid, Welzijn en Sport"],
        "iets",
        date(2021, 6, 3),
    ),
    (
        # Eerste Kamer title form (module_metadata_owms-ah.xml, ah-ek-20192020-10)
        "Vragen van het lid Van Rooijen (50PLUS) op 29 april 2020 medegedeeld aan de Minister van "
        "Sociale Zaken en Werkgelegenheid inzake de juridische houdbaarheid van het nieuwe "
        "pensioenstelsel.",
        [("Van Rooijen", "50PLUS")],
        ["Minister van Sociale Zaken en Werkgelegenheid"],
        "de juridische houdbaarheid van het nieuwe pensioenstelsel",
        date(2020, 4, 29),
    ),
    (
        # Eerste Kamer, twelve askers with own parties, glued particle (module_metadata_owms-kv-ek.xml)
        "Vragen van de leden Knip (VVD), Beuving (PvdA), Hoekstra (CDA), Engels (D66), Markuszower "
        "(PVV), Ruers (SP), Strik (GroenLinks), Bikker (CU), D.J.H. vanDijk (SGP), Nagel (50PLUS), "
        "Koffeman (PvdD) en Ten Hoeve (OSF) aan de Minister van Veiligheid en Justitie inzake het "
        "meerjarenplan van de Raad voor de Rechtspraak 2015-2020 (ingezonden 25 september 2015).",
        [("Knip", "VVD"), ("Beuving", "PvdA"), ("Hoekstra", "CDA"), ("Engels", "D66"),
         ("Markuszower", "PVV"), ("Ruers", "SP"), ("Strik", "GroenLinks"), ("Bikker", "CU"),
         ("D.J.H. van Dijk", "SGP"), ("Nagel", "50PLUS"), ("Koffeman", "PvdD"), ("Ten Hoeve", "OSF")],
        ["Minister van Veiligheid en Justitie"],
        "het meerjarenplan van de Raad voor de Rechtspraak 2015-2020",
        date(2015, 9, 25),
    ),
    (
        # old form: "Mondelinge vragen", office holder named in apposition, "(Ingezonden"
        "Mondelinge vragen van het lid Atsma (CDA) aan de staatssecretaris van Onderwijs, Cultuur "
        "en Wetenschappen, dhr. Van der Ploeg, over diens uitlatingen inzake de omroepgidsen. "
        "(Ingezonden 28 september 1998)",
        [("Atsma", "CDA")],
        ["Staatssecretaris van Onderwijs, Cultuur en Wetenschappen"],
        "diens uitlatingen inzake de omroepgidsen",
        date(1998, 9, 28),
    ),
    (
        # hard wraps everywhere, a hyphenated party label broken by the browser
        "Vragen van de leden Kathmann, Lahlah en Mutluer (allen GroenLinks-\nPvdA) aan de Minister"
        "\nvan Justitie en Veiligheid over het bericht «Camera’s»1 (ingezonden 23\noktober 2024).",
        [("Kathmann", "GroenLinks-PvdA"), ("Lahlah", "GroenLinks-PvdA"), ("Mutluer", "GroenLinks-PvdA")],
        ["Minister van Justitie en Veiligheid"],
        "het bericht «Camera’s»",
        date(2024, 10, 23),
    ),
]


@pytest.mark.parametrize(("text", "askers", "addressed", "subject", "asked"), HEADER_CASES)
def test_question_header_variants(
    text: str,
    askers: list[tuple[str, str]],
    addressed: list[str],
    subject: str,
    asked: date,
) -> None:
    header = parse_question_header(text)
    assert [(p.name, p.party) for p in header.askers] == askers
    assert header.addressed_to == addressed
    assert header.subject == subject
    assert header.asked_on == asked
    assert header.chamber is None


def test_header_askers_without_party_and_mixed_groups() -> None:
    header = parse_question_header(
        "Vragen van de leden Den Boer en Verhoeven (beiden D66) en Buitenweg (GroenLinks) aan de "
        "Minister van Justitie en Veiligheid over iets (ingezonden 1 mei 2020)."
    )
    assert header.askers == [
        HeaderPerson("Den Boer", "D66"), HeaderPerson("Verhoeven", "D66"),
        HeaderPerson("Buitenweg", "GroenLinks"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Bent u bekend met het bericht?", "no question header"),
        ("Vragen van het lid Buitenweg (GroenLinks) over iets (ingezonden 5 maart 2020).",
         "question header not understood"),
        ("Vragen van het lid X (D66) aan de Voorzitter over iets (ingezonden 1 mei 2020).",
         "addressee not understood: unrecognised office 'Voorzitter'"),
        ("Vragen van het lid X (D66) aan de Minister van Justitie over iets (ingezonden 31 februari 2020).",
         "question header date: '31 februari 2020' is not a real date"),
        ("Vragen van het lid X (D66) aan de Minister van Justitie over iets (ingezonden 5 maart 20).",
         "four digits"),
    ],
)
def test_question_header_errors(text: str, reason: str) -> None:
    with pytest.raises(TextParseError, match=reason):
        parse_question_header(text)


# --- reply-line variants (FORMATS.md 1b) ------------------------------------------------------


def test_reply_basic_and_lower_case_title() -> None:
    for title in ("Minister", "minister"):
        reply = parse_reply_line(
            f"Antwoord van {title} Grapperhaus (Justitie en Veiligheid) (ontvangen 23 april 2020)."
        )
        assert reply.kind == ANSWER
        assert reply.signatories == [
            Signatory("Minister", "Grapperhaus", "Justitie en Veiligheid",
                      "Minister van Justitie en Veiligheid", False)
        ]
        assert reply.received_on == date(2020, 4, 23) and reply.see_also == []


def test_reply_state_secretary_mede_namens_with_comma() -> None:
    reply = parse_reply_line(
        "Antwoord van Staatssecretaris Teeven (Veiligheid en Justitie), mede namens de Minister van "
        "Binnenlandse Zaken en Koninkrijksrelaties (ontvangen 25 februari 2015)"
    )
    assert reply.signatories == [
        Signatory("Staatssecretaris", "Teeven", "Veiligheid en Justitie",
                  "Staatssecretaris van Veiligheid en Justitie", False),
        Signatory("Minister", None, "Binnenlandse Zaken en Koninkrijksrelaties",
                  "Minister van Binnenlandse Zaken en Koninkrijksrelaties", True),
    ]
    assert reply.received_on == date(2015, 2, 25)


def test_reply_voor_minister_role_left_open_without_evidence() -> None:
    # "Rechtsbescherming" has no department: van/voor cannot be told from the line alone.
    reply = parse_reply_line(
        "Antwoord van Minister Dekker (Rechtsbescherming) mede namens de Minister van Justitie en "
        "Veiligheid (ontvangen 28 september 2021)."
    )
    assert reply.signatories[0] == Signatory("Minister", "Dekker", "Rechtsbescherming", None, False)
    assert reply.signatories[1].co_signer is True
    assert reply.signatories[1].role == "Minister van Justitie en Veiligheid"


def test_reply_three_answerers_and_co_signer() -> None:
    # CONSTRUCTED combination (FORMATS.md 1b template; names from DOCUMENTS.md, not one cabinet)
    reply = parse_reply_line(
        "Antwoord van Minister Grapperhaus (Justitie en Veiligheid), van Minister Ollongren "
        "(Binnenlandse Zaken en Koninkrijksrelaties) en van Staatssecretaris Teeven (Veiligheid en "
        "Justitie), mede namens de Minister voor Rechtsbescherming (ontvangen 1 maart 2021)."
    )
    assert [(s.title, s.name, s.ministry, s.co_signer) for s in reply.signatories] == [
        ("Minister", "Grapperhaus", "Justitie en Veiligheid", False),
        ("Minister", "Ollongren", "Binnenlandse Zaken en Koninkrijksrelaties", False),
        ("Staatssecretaris", "Teeven", "Veiligheid en Justitie", False),
        ("Minister", None, "Rechtsbescherming", True),
    ]
    assert reply.signatories[3].role == "Minister voor Rechtsbescherming"


def test_reply_two_answerers_en_minister() -> None:
    reply = parse_reply_line(
        "Antwoord van Minister Ollongren (Binnenlandse Zaken en Koninkrijksrelaties) en Minister "
        "Kaag (Buitenlandse Zaken) (ontvangen 13 september 2021)"
    )
    assert [s.name for s in reply.signatories] == ["Ollongren", "Kaag"]


def test_reply_nader_antwoord_and_mededeling_kinds() -> None:
    nader = parse_reply_line(
        "Nader antwoord van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 13 oktober "
        "2021). Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 4076. Zie ook "
        "Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 105."
    )
    assert nader.kind == FOLLOW_UP
    assert nader.see_also == ["ah-tk-20202021-4076", "ah-tk-20212022-105"]
    notice = parse_reply_line(
        "Mededeling van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 26 maart 2020)."
    )
    assert notice.kind == POSTPONEMENT and notice.received_on == date(2020, 3, 26)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # hyphen instead of en dash, no final period
        ("(ontvangen 1 mei 2020) Zie ook Aanhangsel Handelingen, vergaderjaar 2019-2020, nr. 2004",
         ["ah-tk-20192020-2004"]),
        # on the next line (tweedekamer.nl)
        ("(ontvangen 1 mei 2020).\nZie ook Aanhangsel Handelingen, vergaderjaar 2019–2020, nr. 2004.",
         ["ah-tk-20192020-2004"]),
        # several numbers in one reference
        ("(ontvangen 1 mei 2020). Zie ook Aanhangsel Handelingen, vergaderjaar 2019–2020, nrs. 2004 en 2005.",
         ["ah-tk-20192020-2004", "ah-tk-20192020-2005"]),
        # the reference names the Eerste Kamer
        ("(ontvangen 1 mei 2020). Zie ook Aanhangsel Handelingen Eerste Kamer, "
         "vergaderjaar 2019–2020, nr. 10.", ["ah-ek-20192020-10"]),
    ],
)
def test_reply_zie_ook_forms(line: str, expected: list[str]) -> None:
    reply = parse_reply_line(f"Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid) {line}")
    assert reply.see_also == expected
    assert reply.received_on == date(2020, 5, 1)


def test_reply_zie_ook_takes_the_chamber_of_the_document() -> None:
    reply = parse_reply_line(
        "Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid) (ontvangen 10 juni 2020). "
        "Zie ook Aanhangsel Handelingen, vergaderjaar 2019–2020, nr. 10.",
        chamber="Eerste Kamer",
    )
    assert reply.see_also == ["ah-ek-20192020-10"]


def test_reply_role_only_and_prime_minister() -> None:
    reply = parse_reply_line("Antwoord van de Minister van Justitie (ontvangen 10 juni 2020).")
    assert reply.signatories == [Signatory("Minister", None, "Justitie", "Minister van Justitie", False)]
    pm = parse_reply_line("Antwoord van Minister-President Rutte (Algemene Zaken) (ontvangen 10 juni 2020).")
    assert pm.signatories == [
        Signatory("Minister-President", "Rutte", "Algemene Zaken",
                  "Minister-President, Minister van Algemene Zaken", False)
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Antwoord van de Voorzitter (ontvangen 10 juni 2020).", "no recognisable signatory"),
        ("Antwoord van (ontvangen 10 juni 2020).", "no recognisable signatory"),
        ("Reactie van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 10 juni 2020).",
         "no reply line"),
        ("Antwoord van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 10 juni 2020). "
         "Zie ook Aanhangsel Handelingen, vergaderjaar 2020-2021.", "unrecognised 'Zie ook'"),
        ("Antwoord van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 10 juni 2020). "
         "Zie ook Aanhangsel Handelingen, vergaderjaar 2020-2022, nr. 5.", "impossible vergaderjaar"),
        ("Antwoord van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 32 juni 2020).",
         "reply line date"),
        ("Antwoord van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 10 juni 2020). "
         "Met vriendelijke groet.", "unexpected text after the reply line"),
    ],
)
def test_reply_line_errors(text: str, reason: str) -> None:
    with pytest.raises(TextParseError, match=reason):
        parse_reply_line(text)


# --- numbering ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Vraag 2, 4 en 5", [2, 4, 5]),
        ("Antwoord 1, 2", [1, 2]),
        ("Vragen 1) en 2).", [1, 2]),
        ("Vragen 1. en 2.", [1, 2]),
        ("Vraag 3", [3]),
        ("Antwoord 4 t/m 6", [4, 5, 6]),
        ("4 tot en met 6", [4, 5, 6]),
        ("Antwoord op vraag 7", [7]),
        ("Vraag 12:", [12]),
    ],
)
def test_parse_numbers(label: str, expected: list[int]) -> None:
    assert parse_numbers(label) == expected


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        ("Vraag", "no question number"),
        ("Vraag ¹", "'¹' is not a question number"),
        ("Vraag a", "'a' is not a question number"),
        ("Vraag 1a", "is not a question number"),
        ("Vraag 2, 2", "twice"),
        ("Antwoord 6 t/m 4", "impossible number range"),
        ("Vraag 0", "impossible number range"),
    ],
)
def test_parse_numbers_errors(label: str, reason: str) -> None:
    with pytest.raises(TextParseError, match=reason):
        parse_numbers(label)


HEADER_105 = (
    "Vragen van de leden Van Ginneken (D66) en Bouchallikh (GroenLinks) aan de Minister voor "
    "Rechtsbescherming over gezichtsherkenning (ingezonden 27 augustus 2021)."
)
REPLY_105 = (
    "Antwoord van Minister Dekker (Rechtsbescherming) (ontvangen 28 september 2021)."
)


def doc(*body: str, reply: str | None = REPLY_105) -> str:
    """A CONSTRUCTED OB-style document (blank lines between paragraphs) around ``body``."""
    parts = [HEADER_105] + ([reply] if reply else []) + list(body)
    return "\n\n".join(parts)


def test_grouped_question_heading_with_en_split_over_paragraphs() -> None:
    parsed = parse_text(doc(
        "Vraag 1", "Kent u het bericht?",
        "Antwoord 1", "Ja.",
        "Vraag 2, 4 en 5", "Wie gebruikt de software?", "Sinds wanneer?", "Met welk doel?",
        "Antwoord 2, 4 en 5", "De politie, sinds 2019, voor opsporing.",
    ))
    assert parsed.questions == [
        (1, "Kent u het bericht?"), (2, "Wie gebruikt de software?"), (4, "Sinds wanneer?"),
        (5, "Met welk doel?"),
    ]
    assert parsed.answers == [([1], "Ja."), ([2, 4, 5], "De politie, sinds 2019, voor opsporing.")]
    # the signatory's van/voor comes from the addressee list of the same document
    assert parsed.reply is not None
    assert parsed.reply.signatories[0].role == "Minister voor Rechtsbescherming"


def test_grouped_heading_with_an_introduction_paragraph_is_cut_at_question_marks() -> None:
    parsed = parse_text(doc(
        "Vraag 1, 2", "In het bericht staat dat de proef is gestopt.", "Klopt dat?",
        "Waarom is de Kamer niet geïnformeerd?",
        "Antwoord 1, 2", "Ja. De Kamer is op 1 september geïnformeerd.",
    ))
    assert parsed.questions == [
        (1, "In het bericht staat dat de proef is gestopt.\nKlopt dat?"),
        (2, "Waarom is de Kamer niet geïnformeerd?"),
    ]


def test_grouped_heading_that_cannot_be_split_is_an_error() -> None:
    with pytest.raises(TextParseError, match="'Vraag 1, 2' names 2 questions"):
        parse_text(doc("Vraag 1, 2", "Wie en wanneer?", "Antwoord 1, 2", "De politie."))


def test_multi_paragraph_answers_keep_paragraphs() -> None:
    parsed = parse_text(doc(
        "Vraag 1", "Kent u het bericht?", "Antwoord 1", "Ja.", "Daarnaast verwijs ik naar de brief.",
    ))
    assert parsed.answers == [([1], "Ja.\nDaarnaast verwijs ik naar de brief.")]


def test_sentence_ending_in_vraag_n_on_its_own_line_is_not_a_heading() -> None:
    text = "\n".join([
        HEADER_105, REPLY_105,
        "Vraag 1", "Kent u het bericht?",
        "Vraag 2", "Wat is het verband met de situatie die is beschreven in",
        "Vraag 1.",
        "Antwoord 1", "Ja.", "Antwoord 2", "Er is geen verband.",
    ])
    parsed = parse_text(text)
    assert [n for n, _ in parsed.questions] == [1, 2]
    assert parsed.questions[1][1] == "Wat is het verband met de situatie die is beschreven in Vraag 1."


# --- footnotes and markers --------------------------------------------------------------------


def test_footnote_markers_removed_without_eating_real_numbers() -> None:
    parsed = parse_text(doc(
        "Vraag 1", "Kent u het bericht «Camera’s overal»1 van 12 maart 2020?2",
        "Antwoord 1",
        "Ja, zie artikel 12 van de wet, een stijging van 2% in 2019.3 Het gaat om D66, de G4 en "
        "C2000, om 10.30 uur, in 100 km2 (bron: NRC, 2020)4 en de versie van 1.2 en covid19.",
    ))
    assert parsed.questions == [(1, "Kent u het bericht «Camera’s overal» van 12 maart 2020?")]
    assert parsed.answers[0][1] == (
        "Ja, zie artikel 12 van de wet, een stijging van 2% in 2019.3 Het gaat om D66, de G4 en "
        "C2000, om 10.30 uur, in 100 km2 (bron: NRC, 2020) en de versie van 1.2 en covid19."
    )


def test_urls_in_text_and_footnotes_are_collected_once() -> None:
    parsed = parse_text(doc(
        "Vraag 1", "Kent u het bericht (https://www.example.org/a-1)?",
        "Antwoord 1", "Ja, zie https://www.example.org/b.",
        "X Noot", "1", "https://www.example.org/a-1", "Naar boven",
    ))
    assert parsed.footnotes == ["https://www.example.org/a-1", "https://www.example.org/b"]
    assert parsed.answers[0][1] == "Ja, zie https://www.example.org/b."


def test_site_navigation_after_the_final_naar_boven_is_not_document_text() -> None:
    parsed = parse_text(doc(
        "Vraag 1", "Kent u het bericht?", "Antwoord 1", "Ja.", "Naar boven",
        "Over deze site", "Contact",
    ))
    assert parsed.answers == [([1], "Ja.")]


def test_footnote_without_link_kept_as_text_only() -> None:
    # kv-tk-2018Z14045: the footnote cites a regional newspaper by name and date (DOCUMENTS.md row 9)
    text = "\n\n".join([
        "Kamervragen zonder Antwoord",
        "Vragen van het lid RemcoDijkstra (VVD) aan de Minister van Infrastructuur en Waterstaat "
        "over overlast door drones (ingezonden 13 juli 2018).",
        "Vraag 1", "Kent u het bericht over drones boven woonwijken?1",
        "X Noot\n1\nRegionaal dagblad, 10 juli 2018",
        "Naar boven",
    ])
    parsed = parse_text(text)
    assert people(parsed) == [("Remco Dijkstra", "VVD")]
    assert parsed.questions == [(1, "Kent u het bericht over drones boven woonwijken?")]
    assert parsed.footnotes == []
    assert parsed.footnote_texts == ["Regionaal dagblad, 10 juli 2018"]


# --- Eerste Kamer -----------------------------------------------------------------------------


def test_eerste_kamer_document() -> None:
    text = "\n\n".join([
        "Eerste Kamer der Staten-Generaal",
        "Vergaderjaar 2019–2020",
        "Vragen van het lid Van Rooijen (50PLUS) op 29 april 2020 medegedeeld aan de Minister van "
        "Sociale Zaken en Werkgelegenheid inzake de juridische houdbaarheid van het nieuwe "
        "pensioenstelsel.",
        "Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid) (ontvangen 10 juni 2020). "
        "Zie ook Aanhangsel Handelingen, vergaderjaar 2019–2020, nr. 8.",
        "Vraag 1", "Is het nieuwe stelsel juridisch houdbaar?", "Antwoord 1", "Ja.",
    ])
    parsed = parse_text(text)
    assert parsed.header is not None
    assert parsed.header.chamber == "Eerste Kamer"
    assert parsed.header.asked_on == date(2020, 4, 29)
    assert parsed.header.subject == "de juridische houdbaarheid van het nieuwe pensioenstelsel"
    assert parsed.vergaderjaar == "2019-2020"
    assert parsed.reply is not None and parsed.reply.see_also == ["ah-ek-20192020-8"]
    assert parsed.answers == [([1], "Ja.")]


# --- errors on whole documents ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Vraag 1\n\nBent u bekend met het bericht?", "no question header"),
        (doc("Vraag 1", "Kent u het bericht?", "Vraag ¹", "Wie?"), "'¹' is not a question number"),
        (doc("Vraag 1", "Kent u het bericht?", "Antwoord a", "Ja."), "'a' is not a question number"),
        (doc("Vraag 1", "Kent u het bericht?", "Antwoord 2", "Ja."),
         "answer names question 2, which does not exist"),
        (doc("Vraag 1", "Kent u het bericht?", "Vraag 1", "Wie?"), "question 1 appears twice"),
        (doc("Vraag 1", "Kent u het bericht?", "Antwoord 1", "Ja.", "Antwoord 1", "Nee."),
         "answer to question 1 appears twice"),
        (doc("Vraag 1", "Antwoord 1", "Ja."), "'Vraag 1' has no text"),
        (doc("Vraag 1", "Kent u het bericht?", reply="Antwoord van de Voorzitter (ontvangen 1 mei 2021)."),
         "no recognisable signatory"),
        (doc("Vraag 1", "Kent u het bericht?", "Antwoord 1", "Ja.", reply=None),
         "'Antwoord' blocks but no reply line"),
        (doc("Kent u het bericht?"), "no 'Vraag <n>' headings"),
        (doc("Met vriendelijke groet.", "Vraag 1", "Kent u het bericht?"),
         "unexpected text after the reply line"),
        (doc("Vraag 1", "Kent u het bericht?", reply="Wij danken de leden."),
         "unexpected text after the question header"),
        ("ah-tk-20202021-3235 ISSN 0921 - 7398\n" + doc("Vraag 1", "Kent u het bericht?") +
         "\nah-tk-20202021-3236 ISSN 0921 - 7398", "conflicting document ids"),
        ("Tweede Kamer der Staten-Generaal2019-20202237\n\n" + doc("Vraag 1", "Kent u het bericht?") +
         "\n\nah-tk-20192020-2238 ISSN 0921 - 7398", "conflicting document numbers"),
    ],
)
def test_document_errors(text: str, reason: str) -> None:
    with pytest.raises(TextParseError, match=reason):
        parse_text(text)


@pytest.mark.parametrize("bad", ["BelgiÃ«", "geÃ¯nvesteerd", "minister’s â€™", "caf\ufffd", "BelgiŽ"])
def test_mojibake_is_refused_not_repaired(bad: str) -> None:
    text = doc("Vraag 1", f"Wat is er in {bad} gebeurd?")
    assert find_mojibake(text) is not None
    with pytest.raises(TextParseError, match="^mojibake"):
        parse_text(text)


def test_correct_diacritics_are_not_mojibake() -> None:
    assert find_mojibake("Yeşilgöz-Zegerius, België, geïnvesteerd, café, «Ça», L'ÂGE, São Paulo") is None


def test_text_parse_error_is_a_value_error() -> None:
    assert issubclass(TextParseError, ValueError)


# --- normalisation ----------------------------------------------------------------------------


def test_normalise_text() -> None:
    raw = "\ufeffVragen\u00a0van  het lid\r\nX \t\r\n\r\n\r\n\r\nver\u00ad\nantwoordelijk \ufb01ets\u200b\x0c"
    assert normalise_text(raw) == "Vragen van het lid\nX\n\nverantwoordelijk fiets"
    # NFC: a decomposed ö equals the composed one afterwards
    assert normalise_text("Yes\u0327ilgo\u0308z") == "Yeşilgöz"


# --- page furniture variants ------------------------------------------------------------------


def test_unglued_metadata_table_copied_with_tabs_and_lines() -> None:
    # CONSTRUCTED: the OB metadata table copied cell by cell instead of glued (kv-tk-2020Z06851,
    # DOCUMENTS.md row 11); the question sentence is invented.
    text = "\n".join([
        "Kamervragen zonder Antwoord",
        "Datum publicatie\tOrganisatie\tVergaderjaar\tVraag\tDatum indiening",
        "Tweede Kamer der Staten-Generaal\t2019-2020\t2020Z06851",
        "",
        "Vragen van de leden Van Dam (CDA) en Verhoeven (D66) aan de Ministers van Justitie en "
        "Veiligheid en voor Rechtsbescherming over het delen van sensordata (ingezonden 16 april 2020).",
        "",
        "Vraag 1",
        "",
        "Kent u het convenant over sensordata uit 2016?",
    ])
    parsed = parse_text(text)
    assert (parsed.vergaderjaar, parsed.number) == ("2019-2020", "2020Z06851")
    assert parsed.header is not None and parsed.header.chamber == "Tweede Kamer"
    assert parsed.questions == [(1, "Kent u het convenant over sensordata uit 2016?")]


def test_table_cells_one_per_line() -> None:
    text = "\n".join([
        "Datum publicatie", "Organisatie", "Vergaderjaar", "Vraag", "Datum indiening",
        "Tweede Kamer der Staten-Generaal", "2019-2020", "2020Z06851",
        "Vragen van het lid Verhoeven (D66) aan de Minister voor Rechtsbescherming over iets "
        "(ingezonden 16 april 2020).",
        "Vraag 1", "Kent u het bericht?",
    ])
    parsed = parse_text(text)
    assert (parsed.vergaderjaar, parsed.number) == ("2019-2020", "2020Z06851")


def test_kamernummer_glued_to_the_chamber_is_not_the_document_number() -> None:
    text = "\n".join([
        "Tweede Kamer der Staten-Generaal2",
        "Vergaderjaar 2020–2021",
        "3235",
        "Vragen van het lid Kat (D66) aan de Minister van Sociale Zaken en Werkgelegenheid over de "
        "TOZO (ingezonden 3 juni 2021).",
        "Vraag 1", "Kent u de regeling?",
    ])
    parsed = parse_text(text)
    assert parsed.number == "3235"
    assert parsed.header is not None and parsed.header.chamber == "Tweede Kamer"


def test_tweedekamer_question_page_with_zaak_number_and_numbered_link_notes() -> None:
    # CONSTRUCTED: tweedekamer.nl 'Schriftelijke vragen' page of 2024D40283 / zaak 2024Z16676
    # (DOCUMENTS.md row 16), hard-wrapped, "1)"-style marker and note; sentences invented.
    text = "\n".join([
        "Schriftelijke vragen : Gezichtsherkenning door de politie",
        "2024Z16676",
        "Vragen van de leden Kathmann, Lahlah en Mutluer (allen GroenLinks-PvdA) aan de Ministers van",
        "Binnenlandse Zaken en Koninkrijksrelaties en van Justitie en Veiligheid en de",
        "Staatssecretarissen van Justitie en Veiligheid en van Binnenlandse Zaken en",
        "Koninkrijksrelaties over het gebruik van gezichtsherkenning door de politie (ingezonden 23",
        "oktober 2024).",
        "Vraag 1",
        "Bent u bekend met het bericht «Politie gebruikte gezichtsherkenning zonder wettelijke",
        "basis»?1)",
        "Vraag 2, 3",
        "Hoeveel beelden zijn gebruikt?",
        "Door wie zijn deze beelden aangeleverd, en zijn de betrokken burgers hierover",
        "geïnformeerd?",
        "1) https://www.example.org/a",
    ])
    parsed = parse_text(text)
    assert parsed.document_type == "Schriftelijke vragen"
    assert parsed.document_title == "Gezichtsherkenning door de politie"
    assert parsed.number == "2024Z16676"
    assert parsed.header is not None and len(parsed.header.addressed_to) == 4
    assert parsed.header.asked_on == date(2024, 10, 23)
    assert parsed.questions == [
        (1, "Bent u bekend met het bericht «Politie gebruikte gezichtsherkenning zonder wettelijke basis»?"),
        (2, "Hoeveel beelden zijn gebruikt?"),
        (3, "Door wie zijn deze beelden aangeleverd, en zijn de betrokken burgers hierover geïnformeerd?"),
    ]
    assert parsed.footnotes == ["https://www.example.org/a"]


def test_superscript_markers_removed_but_units_kept() -> None:
    parsed = parse_text(doc("Vraag 1", "Kent u het bericht¹ over 20 m² camerabereik?²"))
    assert parsed.questions == [(1, "Kent u het bericht over 20 m² camerabereik?")]


def test_heading_with_period_after_a_one_word_answer_in_wrapped_text() -> None:
    text = "\n".join([
        HEADER_105, REPLY_105,
        "Vraag 1.", "Kent u het bericht over het gebruik van de software door de politie in 2020?",
        "Antwoord 1.", "Ja",
        "Vraag 2.", "Wat is het verband met de situatie die is beschreven in het rapport van 2021?",
        "Antwoord 2.", "Er is geen verband.",
    ])
    parsed = parse_text(text)
    assert [n for n, _ in parsed.questions] == [1, 2]
    assert parsed.answers == [([1], "Ja"), ([2], "Er is geen verband.")]


# --- real layouts, as a person copies or extracts them (tests/fixtures/text/real-layout-*.txt) --


def all_text(parsed: ParsedText) -> str:
    return "\n".join([t for _, t in parsed.questions] + [t for _, t in parsed.answers])


CHROME_WORDS = (
    "Naar boven", "Privacy", "Cookies", "Toegankelijkheid", "Download", "Permanente",
    "Overheid.nl", "Gerelateerde", "Deel deze", "ISSN", "Gravenhage", "Aanhangsel van de",
    "vergaderjaar", "Noot", "http",
)


def assert_clean(parsed: ParsedText) -> None:
    """No page furniture, navigation or footnote text inside question/answer text ("Contact"
    may be a word of an answer, not a paragraph of its own)."""
    text = all_text(parsed)
    for word in CHROME_WORDS:
        assert word not in text, word
    assert not any(p.strip() in ("Contact", "Pers", "Sitemap") for p in text.split("\n"))


def test_real_layout_ob_browser_page_with_navigation_panels_and_footer() -> None:
    parsed = parse_text(load("real-layout-ob-browser-page-ah-tk-20212022-105.txt"))
    assert people(parsed) == [("Van Ginneken", "D66"), ("Bouchallikh", "GroenLinks")]
    assert parsed.header is not None and parsed.header.chamber == "Tweede Kamer"
    assert parsed.header.addressed_to == ["Minister voor Rechtsbescherming"]
    assert parsed.header.asked_on == date(2021, 8, 27)
    assert parsed.reply is not None and parsed.reply.kind == ANSWER
    assert signers(parsed) == [
        ("Minister", "Dekker", "Rechtsbescherming", False),
        ("Minister", None, "Justitie en Veiligheid", True),
    ]
    assert parsed.reply.received_on == date(2021, 9, 28)
    assert parsed.reply.see_also == ["ah-tk-20202021-4076"]
    # "Nummer 105" and "Vraagnummer 2021Z99999" in the metadata panel are two different numbers
    assert (parsed.vergaderjaar, parsed.number, parsed.zaak_number) == ("2021-2022", "105", "2021Z99999")
    assert parsed.doc_id == "ah-tk-20212022-105"  # from the "Permanente link"
    assert [n for n, _ in parsed.questions] == [1, 2, 3]
    assert parsed.questions[1][1] == (
        "Hoe vaak heeft de politie de software van Clearview AI gebruikt, en met welk doel?"
    )
    assert parsed.answers[2][1] == (
        "De politie heeft het gebruik van deze diensten inmiddels intern verboden. Contact met het "
        "bedrijf is er niet meer."
    )
    # OB footnote block without "X Noot": number line, then a link or a newspaper
    assert parsed.footnotes == ["https://www.example.org/nieuws/politie-gebruikte-clearview"]
    assert parsed.footnote_texts == [
        "https://www.example.org/nieuws/politie-gebruikte-clearview", "NRC Handelsblad, 26 augustus 2021"
    ]
    assert_clean(parsed)


def test_real_layout_tweedekamer_detail_page_with_site_chrome() -> None:
    parsed = parse_text(load("real-layout-tweedekamer-detail-page-2020D19385.txt"))
    assert parsed.document_type == "Antwoord schriftelijke vragen"
    assert parsed.document_title == (
        "Antwoord op vragen van de leden Groothuizen en Van Nispen over de rechten van verdachten "
        "tijdens de coronacrisis"
    )
    assert people(parsed) == [("Groothuizen", "D66"), ("Van Nispen", "SP")]
    assert parsed.header is not None and parsed.header.asked_on == date(2020, 5, 8)
    assert parsed.reply is not None and parsed.reply.received_on == date(2020, 5, 19)
    assert [(s.name, s.role) for s in parsed.reply.signatories] == [
        ("Grapperhaus", "Minister van Justitie en Veiligheid"), ("Dekker", "Minister voor Rechtsbescherming"),
    ]
    assert parsed.vergaderjaar == "2019-2020"
    assert parsed.answers == [
        ([1], "Daarover worden geen centrale cijfers bijgehouden. De politie stelt verhoren zoveel "
              "mogelijk uit totdat een advocaat aanwezig kan zijn."),
        ([2], "Ja."),  # the footer links after it are not part of the one-word answer
    ]
    assert_clean(parsed)


def test_real_layout_pypdf_extraction_footers_hyphenation_and_page_notes() -> None:
    parsed = parse_text(load("real-layout-ob-pdf-pypdf-ah-tk-20202021-4028.txt"))
    assert parsed.doc_id == "ah-tk-20202021-4028"
    assert (parsed.vergaderjaar, parsed.number) == ("2020-2021", "4028")
    assert people(parsed) == [("Jasper van Dijk", "SP")]
    assert parsed.header is not None
    assert parsed.header.subject == (
        "het bericht dat spionagesoftware van het Israëlische bedrijf NSO is ingezet tegen journalisten"
    )
    assert parsed.reply is not None
    assert [s.name for s in parsed.reply.signatories] == ["Ollongren", "Kaag"]
    assert parsed.reply.received_on == date(2021, 9, 13)
    assert parsed.questions[0][1] == (
        "Wat is uw reactie op het bericht «Journalisten wereldwijd bespioneerd met Pegasus»?"
    )
    assert parsed.questions[1][1].endswith("zoals gemeld in het Parool?")  # marker "Parool2?" dropped
    answers = dict((a[0], t) for a, t in parsed.answers)
    assert answers[1] == (
        "Het kabinet vindt het zeer zorgelijk als spionagesoftware wordt ingezet tegen journalisten, "
        "mensenrechtenverdedigers en politici. Het kabinet veroordeelt dergelijk misbruik."
    )
    # the page-foot note without a link is a note, not the end of answer 2
    assert answers[2] == "Daar kan ik in het openbaar geen uitspraken over doen."
    # the running footer (page number glued to the year) fell in the middle of a sentence
    assert answers[3].endswith("biedt daarvoor meer mogelijkheden dan de oude regels.")
    assert "cybersurveillancegoederen" in answers[3]
    assert parsed.footnote_texts == ["https://www.example.org/nieuws/pegasus-project", "Het Parool, 20 juli 2021"]
    assert_clean(parsed)


def test_real_layout_pdftotext_layout_postponement_with_notice_heading() -> None:
    parsed = parse_text(load("real-layout-pdftotext-layout-ah-tk-20192020-2237.txt"))
    assert parsed.doc_id == "ah-tk-20192020-2237" and parsed.number == "2237"
    assert parsed.header is not None and parsed.header.chamber == "Tweede Kamer"
    assert parsed.header.subject == "het bericht «Politie test omstreden gezichtsherkenningsapp»"
    assert parsed.reply is not None and parsed.reply.kind == POSTPONEMENT
    assert parsed.reply.received_on == date(2020, 3, 26)
    assert parsed.notice_text is not None
    assert parsed.notice_text.startswith("De vragen van het lid Buitenweg (GroenLinks)")  # no "Mededeling"
    assert parsed.notice_text.endswith("zo spoedig mogelijk te beantwoorden.")
    assert [n for n, _ in parsed.questions] == [1, 2, 3, 4]
    assert parsed.questions[1][1] == (
        "Klopt het dat agenten foto’s van verdachten hebben vergeleken met de databank van het bedrijf?"
    )
    assert parsed.questions[2][1] == (
        "Op welke wettelijke grondslag is dit gebeurd, en wie heeft daarvoor toestemming gegeven?"
    )
    assert parsed.footnotes == ["https://www.example.org/nieuws/politie-test-gezichtsherkenningsapp"]
    assert parsed.answers == []
    assert_clean(parsed)


def test_real_layout_pdftotext_margin_number_and_notes_on_two_pages() -> None:
    parsed = parse_text(load("real-layout-pdftotext-margin-number-ah-tk-20212022-105.txt"))
    assert (parsed.doc_id, parsed.number) == ("ah-tk-20212022-105", "105")
    assert people(parsed) == [("Van Ginneken", "D66"), ("Bouchallikh", "GroenLinks")]
    assert parsed.reply is not None
    assert signers(parsed) == [
        ("Minister", "Dekker", "Rechtsbescherming", False),
        ("Minister", None, "Justitie en Veiligheid", True),
    ]
    assert parsed.reply.see_also == ["ah-tk-20202021-4076"]
    assert parsed.questions[1][1] == (
        "Hoe beoordeelt u het oordeel van de toezichthouder over het gebruik van de software?"
    )
    assert parsed.answers[1][1].endswith("naar de eerdere beantwoording.")
    assert parsed.answers[2][1] == "Nee."
    assert parsed.footnote_texts == [
        "https://www.example.org/nieuws/politie-experimenteerde-met-clearview",
        "De Volkskrant, 25 augustus 2021",
        "Aanhangsel Handelingen II 2020/21, nr. 4076, en de brief van 12 juli 2021 (Kamerstuk 32 761, nr. 190)",
        "NOS, 26 augustus 2021",
    ]
    assert_clean(parsed)


def test_real_layout_windows_clipboard_characters() -> None:
    raw = (FIXTURES / "real-layout-ob-windows-clipboard-kv-tk-2020Z06851.txt").read_bytes().decode("utf-8")
    assert "\r\n" in raw and "\ufeff" in raw and "\u00ad" in raw and "\u200b" in raw  # the fixture is what it says
    parsed = parse_text(load("real-layout-ob-windows-clipboard-kv-tk-2020Z06851.txt"))
    assert people(parsed) == [("Van Dam", "CDA"), ("Verhoeven", "D66")]
    assert parsed.header is not None and parsed.header.asked_on == date(2020, 4, 16)
    assert parsed.header.subject == (
        "het delen van sensordata van camera’s en wifitrackers met particuliere beveiligers"
    )
    assert (parsed.vergaderjaar, parsed.number) == ("2019-2020", "2020Z06851")
    assert [n for n, _ in parsed.questions] == [1, 2, 3]
    assert parsed.questions[0][1].endswith("over het delen van sensorgegevens?")
    assert parsed.questions[1][1] == (
        "Welke partijen hebben sindsdien toegang gekregen tot de gegevens van de slimme camera’s in "
        "de binnenstad?\nKunt u daarvan een overzicht geven?"
    )
    assert "gecreëerde" in parsed.questions[2][1]  # NFD "e + ¨" composed
    assert not any(c in all_text(parsed) for c in "\r\ufeff\u00ad\u200b\t\u00a0")


def test_real_layout_ministry_numbering_and_lists_inside_answers() -> None:
    parsed = parse_text(load("real-layout-tweedekamer-ministry-numbering-ah-tk-20142015-1365.txt"))
    assert [n for n, _ in parsed.questions] == [1, 2, 3, 4, 5, 6, 7]
    assert [a for a, _ in parsed.answers] == [[1], [2, 3], [4, 5, 6], [7]]
    assert parsed.questions[2] == (3, "Welke instanties controleren de identiteit bij een naamswijziging?")
    answers = dict((tuple(a), t) for a, t in parsed.answers)
    assert answers[(2, 3)] == (
        "In 2014 is in 57 gevallen een reisdocument geweigerd. De identiteit wordt gecontroleerd door:\n"
        "- de gemeente waar de aanvraag wordt gedaan;\n"
        "- de Rijksdienst voor Identiteitsgegevens;\n"
        "- in bijzondere gevallen de Koninklijke Marechaussee.\n"
        "Vraag 3 is daarmee ook beantwoord."
    )
    group = answers[(4, 5, 6)]
    # list items, a flattened table and sentences starting with "Vraag"/"Antwoord" stay answer text
    assert "\na) een verklaring van een deskundige;\nb) een controle" in group
    assert "\n1. de gemeente;\n2. de Rijksdienst voor Identiteitsgegevens.\n" in group
    assert "• Aantal verzoeken per jaar\n• 2013: 280\n• 2014: 312\n" in group
    assert "«Vraag is of deze waarborgen voldoende zijn.»" in group
    assert group.endswith("Antwoord 4 in de brief van 2013 ging hier al op in.")
    assert answers[(7,)] == "Ja, in de jaarlijkse rapportage over identiteitsfraude."
    assert parsed.reply is not None and parsed.reply.signatories[1].co_signer is True


def test_real_layout_tweedekamer_nader_antwoord() -> None:
    parsed = parse_text(load("real-layout-tweedekamer-nader-antwoord-ah-tk-20212022-472.txt"))
    assert parsed.document_type == "Antwoord schriftelijke vragen (nader)"
    assert parsed.reply is not None and parsed.reply.kind == FOLLOW_UP
    assert parsed.reply.received_on == date(2021, 10, 13)  # "(ontvangen 13 oktober⏎2021)"
    assert parsed.reply.see_also == ["ah-tk-20202021-4076", "ah-tk-20212022-105"]  # wrapped 'Zie ook'
    assert people(parsed) == [("Van Ginneken", "D66"), ("Bouchallikh", "GroenLinks")]
    assert [n for n, _ in parsed.questions] == [1, 2, 3]
    assert parsed.answers[0] == ([1], "Ja.")
    assert parsed.answers[1][0] == [2, 3]
    assert parsed.answers[1][1].startswith("Het aanvullende onderzoek van de politie laat zien dat in 2019")
    assert parsed.answers[1][1].endswith("Geen van de resultaten is in een strafzaak gebruikt.")


def test_real_layout_ob_mededeling_block_with_notice_sentence() -> None:
    parsed = parse_text(load("real-layout-ob-mededeling-notice-ah-tk-20182019-3605.txt"))
    assert parsed.reply is not None and parsed.reply.kind == POSTPONEMENT
    assert parsed.reply.received_on == date(2019, 8, 19)
    assert parsed.notice_text == (
        "De vragen van de leden Den Boer en Verhoeven (beiden D66) over het koppelen van "
        "camerabeelden door een private stichting kunnen niet binnen de gebruikelijke termijn van "
        "drie weken worden beantwoord, omdat afstemming met de politie en de betrokken gemeenten "
        "nodig is."
    )
    assert [n for n, _ in parsed.questions] == [1, 2] and parsed.answers == []
    assert (parsed.vergaderjaar, parsed.number) == ("2018-2019", "3605")


def test_real_layout_eerste_kamer_pdf() -> None:
    parsed = parse_text(load("real-layout-ek-pdf-ah-ek-20192020-10.txt"))
    assert parsed.doc_id == "ah-ek-20192020-10"
    assert (parsed.vergaderjaar, parsed.number) == ("2019-2020", "10")
    assert parsed.header is not None and parsed.header.chamber == "Eerste Kamer"
    assert people(parsed) == [("Van Rooijen", "50PLUS")]
    assert parsed.header.asked_on == date(2020, 4, 29)  # "op 29 april 2020 medegedeeld aan"
    assert parsed.header.addressed_to == ["Minister van Sociale Zaken en Werkgelegenheid"]
    assert parsed.reply is not None and parsed.reply.received_on == date(2020, 6, 10)
    assert parsed.questions[0][1].endswith("ook met het oog op het eigendomsrecht van gepensioneerden?")
    assert parsed.answers == [([1], "Ja. De Raad van State wordt over het wetsvoorstel om advies gevraagd.")]
    assert_clean(parsed)


def test_real_layout_ob_page_title_repeats_the_header() -> None:
    parsed = parse_text(load("real-layout-ob-browser-ek-question-kv-ek-215160000.txt"))
    assert parsed.header is not None and parsed.header.chamber == "Eerste Kamer"
    assert len(parsed.header.askers) == 12 and parsed.header.askers[8].name == "D.J.H. van Dijk"
    assert parsed.header.subject == "het meerjarenplan van de Raad voor de Rechtspraak 2015-2020"
    assert parsed.header.asked_on == date(2015, 9, 25)
    assert (parsed.vergaderjaar, parsed.number, parsed.zaak_number) == ("2015-2016", "215160000", None)
    assert parsed.reply is None and [n for n, _ in parsed.questions] == [1, 2]


def test_real_layout_tweedekamer_question_page_with_notes_at_the_end() -> None:
    parsed = parse_text(load("real-layout-tweedekamer-question-page-2024D40283.txt"))
    assert (parsed.document_type, parsed.document_title) == (
        "Schriftelijke vragen", "Gezichtsherkenning door de politie"
    )
    assert parsed.number == "2024Z16676" and parsed.zaak_number == "2024Z16676"
    assert parsed.header is not None and len(parsed.header.addressed_to) == 4
    assert parsed.questions == [
        (1, "Bent u bekend met het bericht «Politie gebruikte jarenlang gezichtsherkenning zonder "
            "wettelijke basis»?"),
        (2, "Hoeveel beelden uit het cameratoezicht in de openbare ruimte zijn daarbij vergeleken met "
            "de databank van de politie?"),
        (3, "Welke waarborgen gelden er voor burgers die ten onrechte als verdachte zijn aangemerkt?"),
    ]
    assert parsed.footnote_texts == [
        "NOS, 22 oktober 2024 (https://www.example.org/nieuws/politie-gezichtsherkenning)",
        "De Volkskrant, 21 oktober 2024",
    ]
    assert parsed.footnotes == ["https://www.example.org/nieuws/politie-gezichtsherkenning"]
    assert_clean(parsed)


def test_real_layout_markdown_copy_with_pipe_tables() -> None:
    parsed = parse_text(load("real-layout-ob-markdown-copy-kv-tk-2013Z08797.txt"))
    assert parsed.header is not None and parsed.header.chamber == "Tweede Kamer"
    assert (parsed.vergaderjaar, parsed.number) == ("2012-2013", "2013Z08797")
    assert parsed.header.addressed_to == [
        "Minister van Veiligheid en Justitie", "Minister van Binnenlandse Zaken en Koninkrijksrelaties"
    ]
    assert parsed.questions[0] == (
        1, "Bent u bekend met het bericht dat in straatkasten camera’s met UMTS-modems zijn aangetroffen?"
    )
    assert parsed.footnotes == ["https://www.example.org/nieuws/camera-in-straatkast"]
    assert_clean(parsed)


REAL_LAYOUTS = sorted(p.name for p in FIXTURES.glob("real-layout-*.txt"))


def test_there_are_at_least_twelve_real_layout_fixtures() -> None:
    assert len(REAL_LAYOUTS) >= 12


@pytest.mark.parametrize("name", REAL_LAYOUTS)
def test_real_layout_fixture_through_document_from_text(name: str) -> None:
    # The path of `kamerwacht parse --format text FILE` (koop.document_from_text).
    from crawler.parsers.koop import document_from_text

    parsed = parse_text(load(name))
    doc = document_from_text(load(name))
    assert [q.number for q in doc.questions] == [n for n, _ in parsed.questions]
    assert [a.numbers for a in doc.answers] == [ns for ns, _ in parsed.answers]
    assert [a.name for a in doc.askers] == [p.name for p in parsed.header.askers]  # type: ignore[union-attr]
    if parsed.doc_id:
        assert doc.doc_id == parsed.doc_id
    for part in [*doc.questions, *doc.answers]:
        assert part.text and "Naar boven" not in part.text and "ISSN" not in part.text


# --- adversarial variants (CONSTRUCTED inline texts; people and dates from DOCUMENTS.md) ------

HEADER_2237 = (
    "Vragen van het lid Buitenweg (GroenLinks) aan de Minister van Justitie en Veiligheid over "
    "gezichtsherkenning (ingezonden 5 maart 2020)."
)
REPLY_2237 = "Antwoord van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 26 maart 2020)."


def test_heading_repeating_the_word_vraag_and_answer_op_de_vragen() -> None:
    parsed = parse_text("\n\n".join([
        HEADER_2237, REPLY_2237, "Vraag 1 en vraag 2", "Wie?", "Wat?",
        "Antwoord op de vragen 1 en 2", "Niemand.",
    ]))
    assert parsed.questions == [(1, "Wie?"), (2, "Wat?")]
    assert parsed.answers == [([1, 2], "Niemand.")]


def test_heading_and_first_line_on_one_line_when_the_text_has_no_heading_lines() -> None:
    parsed = parse_text("\n".join([
        HEADER_2237, REPLY_2237, "Vraag 1: Wie heeft de app gebruikt?", "Antwoord 1: Niemand.",
        "Vraag 2. Sinds wanneer?", "Antwoord op vraag 2: Niet van toepassing.",
    ]))
    assert parsed.questions == [(1, "Wie heeft de app gebruikt?"), (2, "Sinds wanneer?")]
    assert parsed.answers == [([1], "Niemand."), ([2], "Niet van toepassing.")]


def test_an_answer_sentence_starting_with_vraag_colon_is_not_a_heading() -> None:
    parsed = parse_text("\n\n".join([
        HEADER_2237, REPLY_2237, "Vraag 1", "Wie?", "Vraag 2", "Wat?",
        "Antwoord 1", "Vraag 2: zie hieronder. De politie.", "Antwoord 2", "Niets.",
    ]))
    assert parsed.answers[0] == ([1], "Vraag 2: zie hieronder. De politie.")


def test_older_layout_with_bare_numbers_and_capitalised_dates() -> None:
    # CONSTRUCTED in the style of older Aanhangsel pages (bare "1" lines, "(Ingezonden"/"(Ontvangen")
    parsed = parse_text("\n".join([
        "Vragen van het lid Van Tongeren (GroenLinks) aan de minister van Veiligheid en Justitie "
        "over camera's in straatkasten (Ingezonden 26 april 2013)",
        "Antwoord van minister Opstelten (Veiligheid en Justitie) (Ontvangen 21 mei 2013)",
        "1", "Bent u bekend met het bericht?", "1", "Ja.",
        "2", "Wie is eigenaar van de camera's?", "2", "De gemeente.",
    ]))
    assert parsed.header is not None and parsed.header.asked_on == date(2013, 4, 26)
    assert parsed.reply is not None and parsed.reply.received_on == date(2013, 5, 21)
    assert parsed.questions == [(1, "Bent u bekend met het bericht?"), (2, "Wie is eigenaar van de camera's?")]
    assert parsed.answers == [([1], "Ja."), ([2], "De gemeente.")]


def test_bare_numbers_out_of_order_are_not_read_as_headings() -> None:
    with pytest.raises(TextParseError, match="no 'Vraag <n>' headings"):
        parse_text("\n".join([HEADER_2237, "1", "Wie?", "3", "Wat?"]))


def test_toelichting_after_the_header_and_after_the_reply_line() -> None:
    toelichting = ("Deze vragen dienen ter aanvulling op eerdere vragen terzake van het lid Van Nispen "
                   "(SP), ingezonden 5 maart 2020 (vraagnummer 2020Z04360).")
    question_only = parse_text("\n\n".join([HEADER_2237, "Toelichting:", toelichting, "Vraag 1", "Wie?"]))
    assert question_only.toelichting == toelichting and question_only.reply is None
    answered = parse_text("\n\n".join([HEADER_2237, REPLY_2237, "Toelichting:", toelichting,
                                       "Vraag 1", "Wie?", "Antwoord 1", "Niemand."]))
    assert answered.toelichting == toelichting
    assert answered.reply is not None and answered.reply.received_on == date(2020, 3, 26)
    assert answered.questions == [(1, "Wie?")]


def test_zaak_number_inside_the_ingezonden_parenthesis() -> None:
    parsed = parse_text("\n\n".join([
        HEADER_2237.replace("5 maart 2020)", "5 maart 2020, 2020Z04331)"), "Vraag 1", "Wie?"
    ]))
    assert parsed.header is not None and parsed.header.asked_on == date(2020, 3, 5)


def test_reply_with_decomposed_accents_capital_ontvangen_and_role_only_signer() -> None:
    # A Mac clipboard gives NFD ("s" + cedilla); "(Ontvangen" in older texts.
    reply = parse_reply_line(
        "Antwoord van minister Yes\u0327ilgo\u0308z-Zegerius (Justitie en Veiligheid) (Ontvangen 3 juni 2022)"
    )
    assert [(s.name, s.role) for s in reply.signatories] == [
        ("Yeşilgöz-Zegerius", "Minister van Justitie en Veiligheid")
    ]
    assert reply.received_on == date(2022, 6, 3)
    parsed = parse_text("\n\n".join([
        HEADER_2237, "Antwoord van de Minister van Justitie en Veiligheid (ontvangen 26 maart 2020).",
        "Vraag 1", "Wie?", "Antwoord 1", "Niemand.",
    ]))
    assert parsed.reply is not None
    assert [(s.name, s.role) for s in parsed.reply.signatories] == [(None, "Minister van Justitie en Veiligheid")]


def test_tweedekamer_postponement_with_the_notice_after_the_questions() -> None:
    parsed = parse_text("\n".join([
        "Mededeling (uitstel antwoord) : Uitstel beantwoording vragen van het lid Buitenweg over gezichtsherkenning",
        HEADER_2237,
        "Mededeling van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 26 maart 2020).",
        "Vraag 1",
        "Bent u bekend met het bericht dat de Nederlandse politie de gezichtsherkenningsapp van",
        "Clearview AI heeft uitgeprobeerd?",
        "De vragen van het lid Buitenweg (GroenLinks) over gezichtsherkenning kunnen tot mijn",
        "spijt niet binnen de gebruikelijke termijn worden beantwoord.",
    ]))
    assert parsed.questions == [(1, "Bent u bekend met het bericht dat de Nederlandse politie de "
                                    "gezichtsherkenningsapp van Clearview AI heeft uitgeprobeerd?")]
    assert parsed.notice_text is not None and parsed.notice_text.endswith("termijn worden beantwoord.")


def test_answer_ending_in_a_numbered_list_is_not_taken_for_footnotes() -> None:
    parsed = parse_text("\n".join([
        HEADER_2237, REPLY_2237, "Vraag 1", "Wie hebben toegang tot de beelden?", "Antwoord 1",
        "Toegang hebben:", "1", "de politie;", "2", "de gemeente.",
    ]))
    assert parsed.footnote_texts == []
    assert parsed.answers[0][1].endswith("de gemeente.") and "de politie" in parsed.answers[0][1]


def test_short_last_answer_line_is_kept_and_only_navigation_is_cut() -> None:
    parsed = parse_text("\n".join([
        HEADER_2237, REPLY_2237, "Vraag 1", "Welke partijen zijn betrokken?", "Antwoord 1",
        "De volgende partijen:", "- politie", "- gemeente", "Privacy", "Cookies", "Contact",
    ]))
    assert parsed.answers[0][1] == "De volgende partijen:\n- politie\n- gemeente"


def test_page_foot_line_starting_with_a_number_is_body_text_without_a_marker() -> None:
    text = "\n".join([
        "Tweede Kamer der Staten-Generaal 2", "Vergaderjaar 2019–2020", HEADER_2237, REPLY_2237,
        "Vraag 1", "Hoe vaak is de app gebruikt?", "Antwoord 1", "De app is in totaal",
        "12 keer gebruikt.",
        "ah-tk-20192020-2237 ISSN 0921 - 7398 ’s-Gravenhage 2020",
        "Aanhangsel van de Handelingen Tweede Kamer, vergaderjaar 2019–2020 1",
    ])
    parsed = parse_text(text)
    assert parsed.answers == [([1], "De app is in totaal 12 keer gebruikt.")]
    assert parsed.footnote_texts == [] and parsed.doc_id == "ah-tk-20192020-2237"


def test_permanent_link_of_another_kind_of_document_is_not_taken_as_the_id() -> None:
    # A question page may link to its later answer; only an id of the document's own kind counts.
    text = "\n".join([
        "https://zoek.officielebekendmakingen.nl/ah-tk-20192020-2237.html",
        HEADER_2237, "Vraag 1", "Wie?",
    ])
    assert parse_text(text).doc_id is None
    two = "\n".join([
        "https://zoek.officielebekendmakingen.nl/ah-tk-20192020-2237.html",
        "https://zoek.officielebekendmakingen.nl/ah-tk-20192020-2238.html",
        HEADER_2237, REPLY_2237, "Vraag 1", "Wie?", "Antwoord 1", "Niemand.",
    ])
    assert parse_text(two).doc_id is None


def test_latin1_decoded_utf8_is_mojibake() -> None:
    # UTF-8 read as ISO-8859-1 leaves C1 controls: "–" becomes "â\x80\x93"
    bad = "vergaderjaar 2020–2021".encode("utf-8").decode("latin-1")
    assert find_mojibake(bad) is not None
    with pytest.raises(TextParseError, match="^mojibake"):
        parse_text(doc("Vraag 1", f"Wat staat er in {bad}?"))


def test_header_without_an_end_fails_fast() -> None:
    import time

    text = "Vragen van het lid X (D66) " + "aan de Minister van Justitie " * 1000
    start = time.perf_counter()
    with pytest.raises(TextParseError, match="question header not understood"):
        parse_text(text)
    assert time.perf_counter() - start < 0.5


# --- robustness: any input gives a ParsedText or a TextParseError/DateParseError --------------


def _outcome(text: str) -> None:
    from archive.dates import DateParseError

    try:
        assert isinstance(parse_text(text), ParsedText)
    except (TextParseError, DateParseError):
        pass  # anything else (IndexError, AttributeError, KeyError...) fails the test


ALL_FIXTURES = sorted(p.name for p in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_truncated_and_shuffled_fixtures_never_crash(name: str) -> None:
    import random

    text = load(name)
    for cut in range(0, len(text), 97):
        _outcome(text[:cut])
        _outcome(text[cut:])
    rng = random.Random(name)
    lines = text.split("\n")
    for _ in range(20):
        shuffled = lines[:]
        rng.shuffle(shuffled)
        _outcome("\n".join(shuffled))
        dropped = lines[:]
        del dropped[rng.randrange(len(dropped))]
        _outcome("\n".join(dropped))


def test_random_garbage_never_crashes() -> None:
    import random

    rng = random.Random(20240501)
    tokens = (
        "Vraag 1|Vragen 2 en 3|Antwoord 1|Antwoord op vraag 2|Vragen van het lid|Kat (D66)|aan de|"
        "Minister van Justitie|over|(ingezonden 5 maart 2020)|Antwoord van Minister X (Justitie)|"
        "(ontvangen 31 februari 2020)|, mede namens de|Zie ook Aanhangsel Handelingen, vergaderjaar "
        "2020–2021, nr. 5|Mededeling van|Nader antwoord van|X Noot|1|2|Naar boven|https://x.nl/a|"
        "ah-tk-20202021-1 ISSN 0921 - 7398|’s-Gravenhage 2021|Kamer, vergaderjaar 2020–2021|"
        "Toelichting:|(|)|?|.|\n|\n\n|\f|\xad|\u200b|«|»|•|a)|Privacy"
    ).split("|")
    for _ in range(1500):
        _outcome(" ".join(rng.choice(tokens) for _ in range(rng.randrange(1, 60))))
        _outcome("".join(chr(rng.randrange(0x20, 0x2100)) for _ in range(rng.randrange(0, 120))))


def test_ingezonden_date_above_the_header_and_bare_numbered_questions() -> None:
    # CONSTRUCTED in the style of a Griffie question document: Zaak number and date above the
    # header, questions numbered with bare "1" lines; people and date from DOCUMENTS.md row 16.
    parsed = parse_text("\n".join([
        "2024Z16676", "(ingezonden 23 oktober 2024)",
        "Vragen van de leden Kathmann, Lahlah en Mutluer (allen GroenLinks-PvdA) aan de Minister van "
        "Justitie en Veiligheid over het gebruik van gezichtsherkenning door de politie",
        "1", "Bent u bekend met het bericht «Politie gebruikte gezichtsherkenning»?1",
        "2", "Hoeveel beelden zijn daarbij gebruikt?",
        "1) https://www.example.org/nieuws/gezichtsherkenning",
    ]))
    assert parsed.header is not None and parsed.header.asked_on == date(2024, 10, 23)
    assert parsed.number == "2024Z16676"
    assert parsed.questions == [
        (1, "Bent u bekend met het bericht «Politie gebruikte gezichtsherkenning»?"),
        (2, "Hoeveel beelden zijn daarbij gebruikt?"),
    ]
    assert parsed.footnotes == ["https://www.example.org/nieuws/gezichtsherkenning"]


def test_note_popup_close_button_on_its_own_line_and_notes_after_naar_boven() -> None:
    parsed = parse_text("\n".join([
        HEADER_2237, "Vraag 1", "Kent u het bericht?1", "Naar boven",
        "X", "Noot", "1", "https://www.example.org/a", "Over deze site", "Contact",
    ]))
    assert parsed.questions == [(1, "Kent u het bericht?")]
    assert parsed.footnote_texts == ["https://www.example.org/a"]


def test_first_page_footer_extracted_out_of_order_inside_a_question() -> None:
    parsed = parse_text("\n".join([
        "Tweede Kamer der Staten-Generaal 2", "Vergaderjaar 2019–2020", HEADER_2237, REPLY_2237,
        "Vraag 1", "Wie heeft de",
        "’s-Gravenhage 2020", "ah-tk-20192020-2237", "ISSN 0921 - 7398",
        "Aanhangsel van de Handelingen Tweede Kamer, vergaderjaar 2019–2020 1",
        "app gebruikt?", "Antwoord 1", "De rechtbank ’s-Gravenhage heeft in 2020 geoordeeld.",
    ]))
    assert parsed.questions == [(1, "Wie heeft de app gebruikt?")]
    assert parsed.answers == [([1], "De rechtbank ’s-Gravenhage heeft in 2020 geoordeeld.")]
    assert parsed.doc_id == "ah-tk-20192020-2237"
