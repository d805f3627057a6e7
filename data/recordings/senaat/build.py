"""Builds the constructed recordings of this folder (run from the repository root:
``.venv/bin/python data/recordings/senaat/build.py``). See PROVENANCE.md: the line layouts follow
shared/reference/FORMATS.md sections 6 and 7, the facts (numbers, askers, parties, roles, dates,
deadlines, relations, tools) shared/reference/DOCUMENTS.md rows 33-43 and 46; the HTML markup,
the descriptors, every question and answer text and the French role wordings not listed there
are CONSTRUCTED."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

HERE = Path(__file__).parent
BASE = "https://www.senate.be"
D = dt.date
NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]


def long_date(d: dt.date, lang: str) -> str:
    return f"{d.day} {(NL_MONTHS if lang == 'nl' else FR_MONTHS)[d.month - 1]} {d.year}"


def short(d: dt.date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def detail_url(leg: int, nr: int, lang: str) -> str:
    return f"{BASE}/www/?MIval=/Vragen/SchriftelijkeVraag&LEG={leg}&NR={nr}&LANG={lang}"


LABELS = {
    "nl": {"number": "Schriftelijke vraag nr.", "by": "van", "on": "d.d.", "sent": "Verzending vraag",
           "deadline": "Einde van de antwoordtermijn", "body": "Vraag nr.", "asked_nl": "(Vraag gesteld in het Nederlands)",
           "answer": "Antwoord ontvangen op", "print": ("Tweetalige printerversie", "Eentalige printerversie"),
           "same": "Ook gesteld aan : schriftelijke vraag", "refiled": "Heringediend als : schriftelijke vraag"},
    "fr": {"number": "Question écrite n°", "by": "de", "on": "du", "sent": "Envoi question",
           "deadline": "Fin du délai de réponse", "body": "Question n°", "asked_nl": "(Question posée en néerlandais)",
           "answer": "Réponse reçue le", "print": ("Version à imprimer bilingue", "Version à imprimer unilingue"),
           "same": "Aussi posée à : question écrite", "refiled": "Réintroduite comme : question écrite"},
}


def detail_page(q: dict, lang: str) -> str:
    """One SchriftelijkeVraag page: the lines of FORMATS.md section 6, in constructed markup."""
    L = LABELS[lang]
    e = html.escape
    leg, nr = q["leg"], q["nr"]
    chrono = []
    for when, label in q["chrono"][lang]:
        gap = "" if q.get("glued") else " "
        line = f"{short(when)}{gap}{label}"
        if label == L["sent"] and q.get("deadline"):
            close = " )" if q.get("glued") else ")"  # FORMATS 6: a space before ')' on some pages
            line += f" ({L['deadline']}: {short(q['deadline'])}{close}"
        chrono.append(e(line))
    relations = [f"{e(L[kind])} <a href=\"{e(detail_url(leg, n, lang))}\">{leg}-{n}</a>" for kind, n in q["relations"]]
    relations += [e(line) for line in q.get("other_relations", {}).get(lang, [])]
    body = "".join(f"<p>{e(line)}</p>\n" for line in q["text"][lang])
    answer = ""
    if q.get("answer", {}).get(lang):
        when, lines = q["answer_date"], q["answer"][lang]
        answer = f"<p>{e(L['answer'])} {long_date(when, lang)} :</p>\n" + "".join(f"<p>{e(x)}</p>\n" for x in lines)
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={q.get('meta_charset', {}).get(lang, 'utf-8')}">
<title>{'Belgische Senaat' if lang == 'nl' else 'Sénat de Belgique'}</title>
</head>
<body>
<!-- CONSTRUCTED by Kamerwacht: layout of FORMATS.md section 6, invented text; see PROVENANCE.md -->
<table><tr><td><a href="{e(BASE)}/www/?MIval=Vragen/SVPrintNLFR&amp;LEG={leg}&amp;NR={nr}&amp;LANG={lang}">{e(L['print'][0])}</a> <a href="{e(BASE)}/www/?MIval=Vragen/SVPrint&amp;LEG={leg}&amp;NR={nr}&amp;LANG={lang}">{e(L['print'][1])}</a></td></tr></table>
<div class="vraag">
<h3>{e(L['number'])} {leg}-{nr}</h3>
<p>{L['by']} {e(q['asker'])} ({e(q['party'])}) {L['on']} {long_date(q['asked'], lang)}</p>
<p>{e(q['role'][lang])}</p>
<p>{e(q['subject'][lang])}</p>
<p>{'<br>'.join(e(x) for x in q['descriptors'][lang])}</p>
<h4>Chronologie</h4>
<p>{'<br>'.join(chrono)}</p>
<p>{'<br>'.join(relations)}</p>
<p>{e(L['body'])} {leg}-{nr} {L['on']} {long_date(q['asked'], lang)} : {e(q['asked_in'][lang])}</p>
{body}{answer}</div>
</body>
</html>
"""


def print_page(q: dict) -> str:
    """SVPrintNLFR (FORMATS.md section 7): two columns, French left, Dutch right; the
    chronology twice with Dutch labels, the relation block twice in French."""
    e = html.escape
    leg, nr = q["leg"], q["nr"]
    sep = '<tr><td colspan="2">________________________________</td></tr>'

    def row(fr: list[str], nl: list[str]) -> str:
        return f"<tr><td>{'<br>'.join(e(x) for x in fr)}</td><td>{'<br>'.join(e(x) for x in nl)}</td></tr>"

    chrono = []
    for when, label in q["chrono"]["nl"]:
        chrono.append(f"{short(when)}{label}")
        if label == "Verzending vraag":
            chrono.append(f"(Einde van de antwoordtermijn: {short(q['deadline'])})")
    relations = [f"Aussi posée à : question écrite {leg}-{n}" for _, n in q["relations"]]
    rows = [
        row(["SÉNAT DE BELGIQUE"], ["BELGISCHE SENAAT"]), sep,
        row([f"Session {q['session']}"], [f"Zitting {q['session']}"]), sep,
        row([long_date(q["asked"], "fr")], [long_date(q["asked"], "nl")]), sep,
        row([f"Question écrite n° {leg}-{nr}"], [f"Schriftelijke vraag nr. {leg}-{nr}"]),
        row([f"de {q['asker']} ({q['party']})", q["role"]["fr"]], [f"van {q['asker']} ({q['party']})", q["role"]["nl"]]),
        sep,
        row([q["subject"]["fr"]], [q["subject"]["nl"]]), sep,
        row(q["descriptors"]["fr"], q["descriptors"]["nl"]), sep,
        row(chrono, chrono), sep,
        row(relations, relations), sep,
        row([f"Question n° {leg}-{nr} du {long_date(q['asked'], 'fr')} : {q['asked_in']['fr']}", *q["text"]["fr"]],
            [f"Vraag nr. {leg}-{nr} d.d. {long_date(q['asked'], 'nl')} : {q['asked_in']['nl']}", *q["text"]["nl"]]),
    ]
    body = "\n".join(rows)
    return f"""<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Sénat de Belgique - Belgische Senaat</title></head>
<body>
<!-- CONSTRUCTED by Kamerwacht: layout of FORMATS.md section 7, invented text; see PROVENANCE.md -->
<table>
{body}
</table>
</body>
</html>
"""


def empty_page(lang: str) -> str:
    return f"""<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{'Belgische Senaat' if lang == 'nl' else 'Sénat de Belgique'}</title></head>
<body>
<!-- CONSTRUCTED by Kamerwacht: what an unknown question number is assumed to give (an empty page); see PROVENANCE.md -->
<table><tr><td>{'Tweetalige printerversie Eentalige printerversie' if lang == 'nl' else 'Version à imprimer bilingue Version à imprimer unilingue'}</td></tr></table>
<div class="vraag">
</div>
</body>
</html>
"""


NL_ASKED = {"nl": "(Vraag gesteld in het Nederlands)", "fr": "(Question posée en néerlandais)"}
CLEARVIEW_ROLE = {"nl": "aan de minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel",
                  "fr": "au ministre de la Sécurité et de l'Intérieur, chargé du Commerce extérieur"}

QUESTIONS: list[dict] = [
    {  # DOCUMENTS.md row 41
        "leg": 7, "nr": 400, "asker": "Stephanie D'Hose", "party": "Open Vld", "asked": D(2020, 3, 10),
        "deadline": D(2020, 4, 9), "role": CLEARVIEW_ROLE,
        "subject": {"nl": "Politie - Gezichtsherkenning - Clearview AI",
                    "fr": "Police - Reconnaissance faciale - Clearview AI"},
        "descriptors": {"nl": ["politie", "biometrie", "bescherming van de persoonlijke levenssfeer"],
                        "fr": ["police", "biométrie", "protection de la vie privée"]},
        "chrono": {"nl": [(D(2020, 3, 10), "Verzending vraag"), (D(2020, 4, 9), "Antwoord")],
                   "fr": [(D(2020, 3, 10), "Envoi question"), (D(2020, 4, 9), "Réponse")]},
        "relations": [("same", 399), ("same", 401)], "asked_in": NL_ASKED,
        "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                        "Volgens berichten zou de politie de software van Clearview AI voor gezichtsherkenning hebben getest.",
                        "1) Heeft de politie Clearview AI gebruikt?",
                        "2) Welke regels gelden voor gezichtsherkenning door de politie?"],
                 "fr": ["Cette question est constructed : un texte inventé pour les tests de Kamerwacht.",
                        "La police aurait testé le logiciel de reconnaissance faciale de Clearview AI.",
                        "1) La police a-t-elle utilisé Clearview AI ?",
                        "2) Quelles règles s'appliquent à la reconnaissance faciale par la police ?"]},
        "meta_charset": {"fr": "iso-8859-1"}, "encoding": {"fr": "latin-1"},
    },
    {  # DOCUMENTS.md row 42 (answer text constructed)
        "leg": 7, "nr": 480, "asker": "Rik Daems", "party": "Open Vld", "asked": D(2020, 4, 20),
        "deadline": D(2020, 5, 21), "role": CLEARVIEW_ROLE,
        "subject": {"nl": "Politie - Drones - Toezicht op de openbare ruimte",
                    "fr": "Police - Drones - Surveillance de l'espace public"},
        "descriptors": {"nl": ["politie", "luchtvaartuig zonder bemanning"], "fr": ["police", "aéronef sans équipage"]},
        "chrono": {"nl": [(D(2020, 4, 20), "Verzending vraag"), (D(2020, 5, 20), "Antwoord")],
                   "fr": [(D(2020, 4, 20), "Envoi question"), (D(2020, 5, 20), "Réponse")]},
        "relations": [("same", 481)], "asked_in": NL_ASKED,
        "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                        "1)Hoeveel drones zet de politie in?",
                        "2)Voor welke opdrachten worden die drones gebruikt?",
                        "3)Worden de beelden van de drones bewaard?"],
                 "fr": ["Cette question est constructed : un texte inventé pour les tests de Kamerwacht.",
                        "1)Combien de drones la police utilise-t-elle ?",
                        "2)Pour quelles missions ces drones sont-ils utilisés ?",
                        "3)Les images des drones sont-elles conservées ?"]},
        "answer_date": D(2020, 5, 20),
        "answer": {"nl": ["Dit antwoord is constructed: een verzonnen tekst.",
                          "Vragen 1) en 2). De politiezones zetten een beperkt aantal drones in voor verkeer en evenementen.",
                          "Vraag 3). De beelden worden bewaard volgens de camerawet."]},
        "meta_charset": {"fr": "iso-8859-1"}, "encoding": {"fr": "latin-1"},
    },
    {  # DOCUMENTS.md row 43
        "leg": 7, "nr": 481, "asker": "Rik Daems", "party": "Open Vld", "asked": D(2020, 4, 20),
        "deadline": D(2020, 5, 21),
        "role": {"nl": "aan de minister van Digitale Agenda, Telecommunicatie en Post, belast met Administratieve "
                       "Vereenvoudiging, Bestrijding van de sociale fraude, Privacy en Noordzee",
                 "fr": "au ministre de l'Agenda numérique, des Télécommunications et de la Poste, chargé de la "
                       "Simplification administrative, de la Lutte contre la fraude sociale, de la Protection de la "
                       "vie privée, et de la Mer du Nord"},
        "subject": {"nl": "Politie - Drones - Toezicht op de openbare ruimte",
                    "fr": "Police - Drones - Surveillance de l'espace public"},
        "descriptors": {"nl": ["politie", "luchtvaartuig zonder bemanning"], "fr": ["police", "aéronef sans équipage"]},
        "chrono": {"nl": [(D(2020, 4, 20), "Verzending vraag"), (D(2020, 4, 21), "Antwoord")],
                   "fr": [(D(2020, 4, 20), "Envoi question"), (D(2020, 4, 21), "Réponse")]},
        "relations": [("same", 480)], "asked_in": NL_ASKED, "glued": True,
        "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                        "1. Hoeveel drones zet de politie in?",
                        "2. Hoe wordt de privacy beschermd bij het gebruik van drones?"],
                 "fr": ["Cette question est constructed : un texte inventé pour les tests de Kamerwacht.",
                        "1. Combien de drones la police utilise-t-elle ?",
                        "2. Comment la vie privée est-elle protégée lors de l'usage de drones ?"]},
    },
    {  # DOCUMENTS.md row 46 (answer text constructed; answered after the deadline)
        "leg": 7, "nr": 1870, "asker": "Rik Daems", "party": "Open Vld", "asked": D(2023, 1, 26),
        "deadline": D(2023, 3, 2), "role": {"nl": "aan de minister van Defensie", "fr": "à la ministre de la Défense"},
        "subject": {"nl": "Defensie - Spionagesoftware - Pegasus", "fr": "Défense - Logiciel espion - Pegasus"},
        "descriptors": {"nl": ["defensie", "inlichtingendienst", "computercriminaliteit"],
                        "fr": ["défense", "service de renseignement", "criminalité informatique"]},
        "chrono": {"nl": [(D(2023, 1, 26), "Verzending vraag"), (D(2023, 3, 8), "Antwoord")],
                   "fr": [(D(2023, 1, 26), "Envoi question"), (D(2023, 3, 8), "Réponse")]},
        "relations": [("same", 1871), ("same", 1872)], "asked_in": NL_ASKED,
        "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                        "1. Is er spyware zoals Pegasus aangetroffen op toestellen van Defensie?",
                        "2. Welke maatregelen neemt Defensie tegen Pegasus?",
                        "3. Werkt Defensie daarvoor samen met andere diensten?"],
                 "fr": ["Cette question est constructed : un texte inventé pour les tests de Kamerwacht.",
                        "1. Un logiciel espion comme Pegasus a-t-il été trouvé sur des appareils de la Défense ?",
                        "2. Quelles mesures la Défense prend-elle contre Pegasus ?",
                        "3. La Défense collabore-t-elle à cet égard avec d'autres services ?"]},
        "answer_date": D(2023, 3, 8),
        "answer": {"nl": ["Dit antwoord is constructed: een verzonnen tekst.",
                          "Vragen 1. en 2. Defensie heeft geen besmetting met Pegasus vastgesteld en volgt de toestellen op.",
                          "Vraag 3. Defensie werkt samen met het Centrum voor Cybersecurity."]},
    },
    {  # DOCUMENTS.md rows 34, 35 (closed; refiled)
        "leg": 5, "nr": 3751, "asker": "Bart Tommelein", "party": "Open Vld", "asked": D(2011, 11, 21),
        "role": {"nl": "aan de minister van Binnenlandse Zaken", "fr": "à la ministre de l'Intérieur"},
        "subject": {"nl": "Luchthavens - Gezichtsscan - Biometrie", "fr": "Aéroports - Scanographie du visage - Biométrie"},
        "descriptors": {"nl": ["biometrie", "luchthaven", "grenscontrole"], "fr": ["biométrie", "aéroport", "contrôle aux frontières"]},
        "chrono": {"nl": [(D(2011, 11, 21), "Verzending vraag"), (D(2011, 12, 7), "Dossier gesloten")],
                   "fr": [(D(2011, 11, 21), "Envoi question"), (D(2011, 12, 7), "Dossier clôturé")]},
        "relations": [("refiled", 5009)], "asked_in": NL_ASKED,
        "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                        "Op luchthavens wordt een gezichtsscan getest, een vorm van gezichtsherkenning.",
                        "1) Wordt de gezichtsscan ook in België ingevoerd?",
                        "2) Hoe worden de biometrische gegevens beschermd?"],
                 "fr": ["Cette question est constructed : un texte inventé pour les tests de Kamerwacht.",
                        "Une scanographie du visage, une forme de reconnaissance faciale, est testée dans les aéroports.",
                        "1) La scanographie du visage sera-t-elle introduite en Belgique ?",
                        "2) Comment les données biométriques sont-elles protégées ?"]},
        "meta_charset": {"fr": "iso-8859-1"}, "encoding": {"fr": "latin-1"},
    },
    {  # DOCUMENTS.md row 36 (closed), Dutch page only
        "leg": 5, "nr": 8890, "asker": "Ludo Sannen", "party": "sp.a", "asked": D(2013, 4, 29),
        "role": {"nl": "aan de staatssecretaris voor Leefmilieu, Energie en Mobiliteit, toegevoegd aan de minister "
                       "van Binnenlandse Zaken en Gelijke Kansen, en staatssecretaris voor Staatshervorming, toegevoegd "
                       "aan de eerste minister"},
        "subject": {"nl": "Verkeersveiligheid - ANPR-camera's - Trajectcontrole"},
        "descriptors": {"nl": ["verkeersveiligheid", "verkeerscontrole"]},
        "chrono": {"nl": [(D(2013, 4, 29), "Verzending vraag"), (D(2013, 10, 1), "Dossier gesloten")]},
        "relations": [], "asked_in": {"nl": "(Vraag gesteld in het Nederlands)"},
        "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                        "1) Hoeveel ANPR-camera's staan er langs de snelwegen?",
                        "2) Worden de gegevens van de ANPR-camera's gedeeld met de politie?"]},
    },
    {  # DOCUMENTS.md row 37 (reminders, requalified; legacy code page), Dutch page only
        "leg": 5, "nr": 9045, "asker": "Martine Taelman", "party": "Open Vld", "asked": D(2013, 5, 16),
        "role": {"nl": "aan de vice-eersteminister en minister van Binnenlandse Zaken en Gelijke Kansen"},
        "subject": {"nl": "Politie - Drones - Gebruik in BelgiŽ"},
        "descriptors": {"nl": ["politie", "luchtvaartuig zonder bemanning"]},
        "chrono": {"nl": [(D(2013, 5, 16), "Verzending vraag"), (D(2013, 9, 17), "Rappel"), (D(2013, 12, 18), "Rappel"),
                          (D(2014, 2, 24), "Herkwalificatie")]},
        "relations": [], "other_relations": {"nl": ["Geherkwalificeerd als : vraag om uitleg 5-4834"]},
        "asked_in": {"nl": "(Vraag gesteld in het Nederlands)"}, "glued": True,
        "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                        "De politie in BelgiŽ heeft in drones geÔnvesteerd, zo lezen we in de officiŽle cijfers.",
                        "1) Hoeveel drones heeft de politie gekocht?",
                        "2) Welke regels gelden voor het gebruik van die drones?"]},
        # cp1252 bytes (Ž = 0x8E, Ô = 0xD4) served as UTF-8: the declared charset is wrong
        "meta_charset": {"nl": "utf-8"}, "encoding": {"nl": "cp1252"}, "content_type": {"nl": "text/html; charset=utf-8"},
    },
    {  # DOCUMENTS.md row 33 (answer = referral to 4-7450), Dutch page only
        "leg": 4, "nr": 7451, "asker": "Hugo Vandenberghe", "party": "CD&V", "asked": D(2010, 4, 7),
        "deadline": D(2010, 5, 6),
        "role": {"nl": "aan de staatssecretaris voor Mobiliteit, toegevoegd aan de Eerste Minister"},
        "subject": {"nl": "Verkeer - ANPR-camera's - Nummerplaatherkenning"},
        "descriptors": {"nl": ["verkeersveiligheid", "politie"]},
        "chrono": {"nl": [(D(2010, 4, 7), "Verzending vraag"), (D(2010, 4, 19), "Antwoord")]},
        "relations": [("same", 7450)], "asked_in": {"nl": "(Vraag gesteld in het Nederlands)"}, "glued": True,
        "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                        "1. Hoeveel ANPR-camera's zijn er in gebruik?",
                        "2. Wie heeft toegang tot de gegevens van de ANPR-camera's?",
                        "3. Hoe lang worden die gegevens bewaard?"]},
        "answer_date": D(2010, 4, 19),
        "answer": {"nl": ["Dit antwoord is constructed: een verzonnen tekst.",
                          "Ik verwijs naar het antwoord van de minister van Binnenlandse Zaken op vraag nr. 4-7450."]},
    },
    {  # DOCUMENTS.md row 40: French page only (asked in Dutch; the Dutch page is not recorded)
        "leg": 7, "nr": 1874, "asker": "Els Ampe", "party": "Open Vld", "asked": D(2023, 1, 31),
        "deadline": D(2023, 3, 2),
        "role": {"fr": "au vice-premier ministre et ministre de l'Economie et du Travail"},
        "subject": {"fr": "Caméras de surveillance - Hikvision - Sécurité"},
        "descriptors": {"fr": ["vidéosurveillance", "sécurité des systèmes d'information"]},
        "chrono": {"fr": [(D(2023, 1, 31), "Envoi question")]},
        "relations": [("same", 1875), ("same", 1876), ("same", 1877)], "asked_in": {"fr": NL_ASKED["fr"]},
        "text": {"fr": ["Cette question est constructed : un texte inventé pour les tests de Kamerwacht.",
                        "1) Combien de caméras Hikvision sont utilisées par les services publics ?",
                        "2) Ces caméras de surveillance présentent-elles un risque ?"]},
        # UTF-8 bytes under a page that declares latin-1
        "meta_charset": {"fr": "iso-8859-1"},
    },
]

PRINTED = {  # DOCUMENTS.md row 39: the bilingual print only
    "leg": 7, "nr": 1648, "asker": "Els Ampe", "party": "Open Vld", "asked": D(2022, 6, 2), "session": "2021-2022",
    "deadline": D(2022, 7, 7),
    "role": {"nl": "aan de vice-eersteminister en minister van Justitie en Noordzee",
             "fr": "au vice-premier ministre et ministre de la Justice et de la Mer du Nord"},
    "subject": {"nl": "Politie - Gezichtsherkenning - Clearview AI", "fr": "Police - Reconnaissance faciale - Clearview AI"},
    "descriptors": {"nl": ["politie", "biometrie"], "fr": ["police", "biométrie"]},
    "chrono": {"nl": [(D(2022, 6, 2), "Verzending vraag"), (D(2022, 8, 11), "Antwoord")]},
    "relations": [("same", 1649), ("same", 1650)], "asked_in": NL_ASKED,
    "text": {"nl": ["Deze vraag is constructed: een verzonnen tekst voor de tests van Kamerwacht.",
                    "1) Gebruiken politiediensten nog Clearview AI of andere gezichtsherkenning?",
                    "2) Komt er een wettelijk kader?"],
             "fr": ["Cette question est constructed : un texte inventé pour les tests de Kamerwacht.",
                    "1) Les services de police utilisent-ils encore Clearview AI ou une autre reconnaissance faciale ?",
                    "2) Un cadre légal est-il prévu ?"]},
}

NOTES = {
    (7, 400): "7-400 (DOCUMENTS.md row 41): Clearview, asked in Dutch, answer date in the chronology only; twins 7-399, 7-401 listed, not recorded.",
    (7, 480): "7-480 (row 42): drones; the Dutch page carries a CONSTRUCTED answer with grouped numbers 'Vragen 1) en 2).'; sub-questions '1)' without space.",
    (7, 481): "7-481 (row 43): twin of 7-480, answer date only; chronology glued with ' )' before the deadline's closing parenthesis.",
    (7, 1870): "7-1870 (row 46): Pegasus, Defence; CONSTRUCTED answer received after the deadline; numbers '1.' and 'Vragen 1. en 2.'.",
    (5, 3751): "5-3751 (rows 34, 35): gezichtsscan / scanographie du visage; Dossier gesloten / clôturé; Heringediend als / Réintroduite comme 5-5009.",
    (5, 8890): "5-8890 (row 36): ANPR, sp.a, Dossier gesloten; Dutch page only.",
    (5, 9045): "5-9045 (row 37): drones; Rappel twice, Herkwalificatie to vraag om uitleg 5-4834; legacy 'BelgiŽ'/'geÔnvesteerd'; cp1252 bytes served as UTF-8.",
    (4, 7451): "4-7451 (row 33): ANPR; glued chronology; CONSTRUCTED answer that refers to 4-7450; Dutch page only.",
    (7, 1874): "7-1874 (row 40): Hikvision; French page only (asked in Dutch); UTF-8 bytes under a page that declares iso-8859-1.",
}


def main() -> None:
    responses = []
    for folder in ("pages",):
        (HERE / folder).mkdir(exist_ok=True)
    for q in QUESTIONS:
        for lang in ("nl", "fr"):
            if lang not in q["text"]:
                continue
            name = f"pages/{q['leg']}-{q['nr']}-{lang}.html"
            encoding = q.get("encoding", {}).get(lang, "utf-8")
            (HERE / name).write_bytes(detail_page(q, lang).encode(encoding))
            charset = q.get("content_type", {}).get(lang) or f"text/html; charset={q.get('meta_charset', {}).get(lang, 'utf-8')}"
            responses.append({"url": detail_url(q["leg"], q["nr"], lang), "file": name, "status": 200,
                              "content_type": charset, "kind": "constructed",
                              "note": f"CONSTRUCTED {lang.upper()} page. " + NOTES[(q["leg"], q["nr"])]})
    name = "pages/7-1648-print.html"
    (HERE / name).write_bytes(print_page(PRINTED).encode("utf-8"))
    responses.append({"url": f"{BASE}/www/?MIval=Vragen/SVPrintNLFR&LEG=7&NR=1648&LANG=fr", "file": name, "status": 200,
                      "content_type": "text/html; charset=utf-8", "kind": "constructed",
                      "note": "CONSTRUCTED bilingual print (FORMATS.md section 7) of 7-1648 (DOCUMENTS.md row 39): Clearview / "
                              "reconnaissance faciale, asked in Dutch, 'Aussi posée à' 7-1649, 7-1650 in both columns; the "
                              "detail pages are not recorded, so the spider falls back to the print."})
    for lang in ("nl", "fr"):
        name = f"pages/7-99999-{lang}.html"
        (HERE / name).write_bytes(empty_page(lang).encode("utf-8"))
        responses.append({"url": detail_url(7, 99999, lang), "file": name, "status": 200,
                          "content_type": "text/html; charset=utf-8", "kind": "constructed",
                          "note": "CONSTRUCTED: an unknown question number (7-99999 is far beyond the numbers of the "
                                  "7th legislature) answered with an empty page, as the spider assumes the Senate does "
                                  "(not verified): quarantined."})
    manifest = {"source": "senaat", "responses": responses}
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
