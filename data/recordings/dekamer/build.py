"""Rebuild the CONSTRUCTED dekamer recordings (see PROVENANCE.md): list pages, item JSONs and HTML
detail pages in the structure of the real recordings in byte-exact/ (field names, key order, the
padding of AUT and the thesaurus fields, "items": []), and for legislature 56 an open-data list
that answers 503 with the HTML bulletin listing the spider walks instead. Every question, answer,
asker name, bulletin and number here is INVENTED; the offices and parties are real.

    .venv/bin/python data/recordings/dekamer/build.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = "http://data.dekamer.be/v0"
SITE = "https://www.dekamer.be"
DISCLAIMER = ("De beschikbare gegevens zijn niet noodzakelijk up-to-date en compleet. De gegevens die in de huidige"
              " fase op deze site gepubliceerd worden, zijn test-gegevens.")
PAD = "\n      "

INTERIOR = ("Minister van Binnenlandse Zaken, Institutionele Hervormingen en Democratische Vernieuwing",
            "Ministre de l'Intérieur, des Réformes institutionnelles et du Renouveau démocratique",
            "Binnenlandse Zaken, Institutionele Hervormingen en Democratische Vernieuwing",
            "Intérieur, Réformes institutionnelles et Renouveau démocratique")
JUSTICE = ("Vice-eersteminister en minister van Justitie en Noordzee",
           "Vice-premier ministre et ministre de la Justice et de la Mer du Nord",
           "Justitie en Noordzee", "Justice et Mer du Nord")
ASYLUM = ("Staatssecretaris voor Asiel en Migratie",
          "Secrétaire d'État à l'Asile et la Migration", "Asiel en Migratie", "Asile et Migration")


def aut(first: str, last: str, party: str) -> str:
    return f"{first}{PAD}{last},{PAD}{party}"


def thesa(*terms: str) -> list[str]:
    return [" " + "  |  ".join(terms) + " "] if terms else [""]


def publica(bulletin: str, day: str, session: str) -> str:
    return f"{bulletin},{PAD},{PAD}{day},{PAD}{session}"


# --- the invented questions (QUESTNUM 9001+, bulletin B999 or Bxxx, department numbers 901+) ---

A = dict(  # NL, Clearview AI / gezichtsherkenning, answered, with the French version
    SDOCNAME="55-B999-901-9001-2021202290001", ID=990001, STATUSQ="answerReceived", LANG="N",
    AUT=aut("Els", "Voorbeeld", "Ecolo-Groen"), DEPT=INTERIOR, DEPTNUM=901, QUESTNUM=9001,
    DEPOTDAT="20211015", DELAIDAT="20211115",
    TITN="Het gebruik van Clearview AI en gezichtsherkenning door de politie.",
    TITF="L'utilisation de Clearview AI et de la reconnaissance faciale par la police.",
    TEXTQN=["Deze vraag is een verzonnen voorbeeld van Kamerwacht. Volgens berichten in de pers zouden"
            " politiediensten de software van Clearview AI hebben getest.1. Hebben Belgische politiediensten"
            " Clearview AI of andere software voor gezichtsherkenning gebruikt?2. Op welke wettelijke basis"
            " gebeurde dat?3. Welke regels gelden voortaan voor gezichtsherkenning door de politie?"],
    TEXTQF=["Cette question est un exemple inventé par Kamerwacht. Selon la presse, des services de police"
            " auraient testé le logiciel de Clearview AI.1. Des services de police belges ont-ils utilisé"
            " Clearview AI ou un autre logiciel de reconnaissance faciale?2. Sur quelle base légale?"
            "3. Quelles règles s'appliquent désormais à la reconnaissance faciale par la police?"],
    TEXTA1N=["Dit antwoord is verzonnen. Het gebruik van Clearview AI werd onderzocht en stopgezet.",
             "Voor gezichtsherkenning door de politie bestaat vandaag geen afzonderlijke wettelijke basis."],
    TEXTA1F=["Cette réponse est inventée. L'utilisation de Clearview AI a été examinée et arrêtée.",
             "La reconnaissance faciale par la police n'a aujourd'hui pas de base légale distincte."],
    PUBLICA1=publica("B999", "13/12/2021", "20212022"),
    MAIN=(" POLITIE ", " POLICE "),
    THESA=(thesa("POLITIE", "BIOMETRIE", "BESCHERMING VAN DE PERSOONLIJKE LEVENSSFEER"),
           thesa("POLICE", "BIOMETRIE", "PROTECTION DE LA VIE PRIVEE")),
)
B = dict(  # FR, Pegasus / logiciel espion, answered, with the Dutch version
    SDOCNAME="55-B999-902-9002-2020202190002", ID=990002, STATUSQ="answerReceived", LANG="F",
    AUT=aut("Julie", "Exemple", "PS"), DEPT=JUSTICE, DEPTNUM=902, QUESTNUM=9002,
    DEPOTDAT="20210722", DELAIDAT="20210823",
    TITN="De spionagesoftware Pegasus en het bespieden van telefoons in België.",
    TITF="Le logiciel espion Pegasus et la surveillance de téléphones en Belgique.",
    TEXTQF=["Cette question est un exemple inventé par Kamerwacht. Des médias ont rapporté que le logiciel"
            " espion Pegasus aurait visé des téléphones.1. Des numéros belges figurent-ils parmi les cibles"
            " du logiciel espion Pegasus?2. Les services belges ont-ils acquis ce logiciel?"],
    TEXTQN=["Deze vraag is een verzonnen voorbeeld van Kamerwacht. Media meldden dat de spionagesoftware"
            " Pegasus telefoons zou hebben geviseerd.1. Staan Belgische nummers tussen de doelwitten van de"
            " spionagesoftware Pegasus?2. Hebben Belgische diensten deze software aangekocht?"],
    TEXTA1F=["Cette réponse est inventée. Les services compétents examinent les informations relatives à Pegasus."],
    TEXTA1N=["Dit antwoord is verzonnen. De bevoegde diensten onderzoeken de informatie over Pegasus."],
    PUBLICA1=publica("B999", "27/09/2021", "20202021"),
    MAIN=(" INLICHTINGENDIENST ", " SERVICE DE RENSEIGNEMENT "),
    THESA=(thesa("INLICHTINGENDIENST", "TELECOMMUNICATIE", "BESCHERMING VAN DE PERSOONLIJKE LEVENSSFEER"),
           thesa("SERVICE DE RENSEIGNEMENT", "TELECOMMUNICATION", "PROTECTION DE LA VIE PRIVEE")),
)
C = dict(  # NL, ANPR cameras, printed without answer: open, deadline given
    SDOCNAME="55-B999-901-9003-2023202490003", ID=990003, STATUSQ="answerLessPublicated", LANG="N",
    AUT=aut("Tom", "Testlid", "N-VA"), DEPT=INTERIOR, DEPTNUM=901, QUESTNUM=9003,
    DEPOTDAT="20231120", DELAIDAT="20231221",
    TITN="Het netwerk van ANPR-camera's langs de snelwegen.",
    TITF="Le réseau de caméras ANPR le long des autoroutes.",
    TEXTQN=["Deze vraag is een verzonnen voorbeeld van Kamerwacht.1. Hoeveel ANPR-camera's zijn vandaag"
            " aangesloten op het nationale netwerk?2. Hoelang worden de gegevens van ANPR-camera's bewaard?"],
    TEXTQF=["Cette question est un exemple inventé par Kamerwacht.1. Combien de caméras ANPR sont"
            " aujourd'hui reliées au réseau national?2. Combien de temps les données des caméras ANPR"
            " sont-elles conservées?"],
    MAIN=(" VERKEERSVEILIGHEID ", " SECURITE ROUTIERE "),
    THESA=(thesa("VERKEERSVEILIGHEID", "POLITIE"), thesa("SECURITE ROUTIERE", "POLICE")),
)
D = dict(  # NL, bodycams, answered; the French side is empty (partial record)
    SDOCNAME="55-B999-901-9004-2021202290004", ID=990004, STATUSQ="answerReceived", LANG="N",
    AUT=aut("Sarah", "Proef", "Vooruit"), DEPT=INTERIOR, DEPTNUM=901, QUESTNUM=9004,
    DEPOTDAT="20220310", DELAIDAT="20220411",
    TITN="Het gebruik van bodycams door de lokale politie.", TITF="",
    TEXTQN=["Deze vraag is een verzonnen voorbeeld van Kamerwacht. Hoeveel politiezones gebruiken vandaag"
            " bodycams, en welke richtlijnen gelden voor het bewaren van de beelden?"],
    TEXTQF=None,
    TEXTA1N=["Dit antwoord is verzonnen. Een groot deel van de politiezones gebruikt bodycams; de beelden"
             " worden bewaard volgens de camerawet."],
    TEXTA1F=None,
    PUBLICA1=publica("B999", "25/04/2022", "20212022"),
    MAIN=(" POLITIE ", ""),
    THESA=(thesa("POLITIE", "AUDIOVISUEEL MATERIAAL"), [""]),
)

# Items the list names but whose open-data record is missing.
E_NAME = "55-Bxxx-902-9005-2021202290005"  # empty item; the HTML page (cp1252 bytes) has it
F_NAME = "55-Bxxx-901-9006-2022202390006"  # empty item, and the HTML page answers 404
G_NAME = "55-B999-903-9007-2022202390007"  # item cut off mid-way, and the HTML page answers 404
N_NAME = "55-B999-904-9008-2021202290008"  # names no tool: the spider does not fetch it


def item(q: dict) -> dict:
    lang_n, lang_f = q["DEPT"][0], q["DEPT"][1]
    rec = {
        "link": {"href": f"{DATA}/qrva/{q['SDOCNAME']}", "rel": "self"},
        "ID": q["ID"], "STATUSQ": q["STATUSQ"], "LEGISL": 55, "DOCNAME": q["SDOCNAME"][-13:],
        "DEPOTDAT": q["DEPOTDAT"], "AUT": q["AUT"], "LANG": q["LANG"], "DEPTPRES": 1, "DEPTNUM": q["DEPTNUM"],
        "SUBDEPTN": q["DEPT"][2], "SUBDEPTF": q["DEPT"][3], "DEPTN": lang_n, "DEPTF": lang_f,
        "QUESTNUM": q["QUESTNUM"], "DELAIDAT": q["DELAIDAT"], "TITN": q["TITN"], "TITF": q["TITF"],
        "STATUS_OL": None,
        "TEXTQN": {"br": q["TEXTQN"]} if q.get("TEXTQN") else None,
        "STATUS_SL": None,
        "TEXTQF": {"br": q["TEXTQF"]} if q.get("TEXTQF") else None,
    }
    for i in range(1, 5):
        answered = i == 1 and q.get("PUBLICA1")
        rec[f"PUBLICA{i}"] = q["PUBLICA1"] if answered else None
        rec[f"STATUSA{i}"] = "publicated" if answered else None
        rec[f"NUMA{i}"] = 1 if answered else 0
        rec[f"CASA{i}"] = f"1{PAD}réponse normale -{PAD}normaal antwoord" if answered else None
        rec[f"TEXTA{i}F"] = {"br": q["TEXTA1F"]} if answered and q.get("TEXTA1F") else None
        rec[f"TEXTA{i}N"] = {"br": q["TEXTA1N"]} if answered and q.get("TEXTA1N") else None
    rec.update({
        "MAIN_THESAF": q["MAIN"][1], "MAIN_THESAN": q["MAIN"][0], "MAIN_THESAD": None,
        "THESAF": q["THESA"][1], "THESAN": q["THESA"][0], "THESAD": [""],
        "DESCF": "", "DESCN": "", "DESCD": "", "FREEF": "", "FREEN": "", "FREED": "",
    })
    return {"disclaimer": DISCLAIMER, "items": [rec]}


def list_entry(name: str, titn: str, titf: str, aut_: str, status: str, dept: tuple, main: tuple) -> dict:
    return {"link": {"href": f"{DATA}/qrva/{name}", "rel": "self"}, "SDOCNAME": name, "TITF": titf, "TITN": titn,
            "AUT": aut_, "MAINTHESAF": main[1], "MAINTHESAN": main[0], "STATUSQ": status,
            "DEPTF": dept[1], "DEPTN": dept[0]}


def from_q(q: dict) -> dict:
    return list_entry(q["SDOCNAME"], q["TITN"], q["TITF"], q["AUT"], q["STATUSQ"], q["DEPT"], q["MAIN"])


LIST_E = list_entry(E_NAME, "Inzet van drones met gezichtsherkenning bij betogingen.",
                    "Utilisation de drones avec reconnaissance faciale lors de manifestations.",
                    aut("Koen", "Proefpersoon", "Vlaams Belang"), "questionSent", JUSTICE, (" POLITIE ", " POLICE "))
LIST_F = list_entry(F_NAME, "Camera's van Hikvision in federale gebouwen.",
                    "Caméras Hikvision dans les bâtiments fédéraux.",
                    aut("Lotte", "Steekproef", "Groen"), "questionSent", INTERIOR, ("", ""))
LIST_G = list_entry(G_NAME, "Pegasus en de telefoons van journalisten.",
                    "Pegasus et les téléphones de journalistes.",
                    aut("Marc", "Essai", "MR"), "answerReceived", JUSTICE, ("", ""))
LIST_N = list_entry(N_NAME, "Wachttijden bij de asieldienst.", "Délais d'attente au service d'asile.",
                    aut("An", "Voorbeeldig", "CD&V"), "answerReceived", ASYLUM, (" MIGRATIEBELEID ", " POLITIQUE MIGRATOIRE "))

# The HTML detail page of E as the site shows it (FORMATS.md section 11): one table of label/value
# rows, several labels glued to their value, the question as one paragraph numbered inline.
E_HTML = """<html>
<head><title>De Kamer - Schriftelijke vragen</title></head>
<body>
<div id="menu">...</div>
<div id="story">
<h1>Schriftelijke vraag en antwoord nr : 9005 - Zittingsperiode : 55</h1>
<table width="100%">
<tr><td class="txt">Auteur</td><td class="txt">Koen Proefpersoon, Vlaams Belang</td></tr>
<tr><td class="txt">Departement</td><td class="txt">Vice-eersteminister en minister van Justitie en Noordzee</td></tr>
<tr><td class="txt">Sub-departement</td><td class="txt">Justitie en Noordzee</td></tr>
<tr><td class="txt">Titel</td><td class="txt">Inzet van drones met gezichtsherkenning bij betogingen in België.</td></tr>
<tr><td class="txt"><b>Datum indiening</b>12/05/2022</td></tr>
<tr><td class="txt">Taal</td><td class="txt">N</td></tr>
<tr><td class="txt"><b>Status vraag</b>Vraag verzonden naar het departement</td></tr>
<tr><td class="txt"><b>Termijndatum</b>13/06/2022</td></tr>
<tr><td class="txt"><h3>Vraag</h3></td></tr>
<tr><td class="txt">Deze vraag is een verzonnen voorbeeld van Kamerwacht. Bij betogingen in België zouden drones met camera's worden ingezet; het privéleven van deelnemers is daarbij in het geding.1. Worden bij betogingen drones met gezichtsherkenning gebruikt?2. Werd die inzet geëvalueerd?</td></tr>
<tr><td class="txt"><b>Eurovoc-hoofddescriptor</b>POLITIE</td></tr>
<tr><td class="txt"><b>Eurovoc-descriptoren</b>POLITIE | BIOMETRIE | OPENBARE ORDE</td></tr>
<tr><td class="txt"><b>Vrije trefwoorden</b>DRONE</td></tr>
</table>
</div>
</body>
</html>
"""


# --- legislature 56: the open-data list answers 503, the crawl walks the HTML bulletin listing --------
#
# Every question is INVENTED (QUESTNUM 9011-9015, bulletins B901/B902, department numbers 901-906);
# offices are those of the De Croo government (caretaker until 2025-02-03) as the minister
# registry writes them, parties real. The bulletin list's layout is NOT documented: it is made up
# around the only thing the spider relies on, links to qrvatoc.cfm?legislat=56&bulletin=B<nnn>.
# The tables of contents follow SOURCES.md section 3 (div.linklist_0/linklist_1 blocks, td.txt
# label/value rows), with the date glued to its label as on the detail page (FORMATS.md 11).

L56_ANPR = "56-B902-901-9011-0000202490011"  # NL, ANPR cameras and drones, answered (UTF-8 page)
L56_PEGASUS = "56-B902-902-9012-0000202490012"  # FR question, Pegasus, answered (cp1252 page)
L56_NOTOOL = "56-B902-905-9013-0000202490013"  # names no tool: never fetched, no page recorded
L56_BODYCAMS = "56-B901-901-9014-0000202490014"  # NL, bodycams, printed without answer
L56_BROKEN = "56-B901-901-9015-0000202490015"  # Hikvision; its page is a server error page

LIST_503 = """<html><head><title>503 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1>
<p>The server is temporarily unable to service your request. Please try again later.</p></body></html>
"""

BULLETIN_LIST = """<html>
<head><title>De Kamer - Schriftelijke vragen en antwoorden</title></head>
<body>
<div id="menu"><a href="showpage.cfm?section=/qrva&amp;language=nl&amp;cfm=qrvaList.cfm?legislat=55">Zittingsperiode 55</a>
<a href="showpage.cfm?section=/qrva&amp;language=fr&amp;cfm=qrvaList.cfm?legislat=56">Français</a></div>
<div id="story">
<h1>Bulletins van vragen en antwoorden - Zittingsperiode 56</h1>
<table width="100%">
<tr><td class="txt"><a href="showpage.cfm?&amp;language=nl&amp;cfm=/site/wwwcfm/qrva/qrvatoc.cfm?legislat=56&amp;bulletin=B901">B901</a></td>
<td class="txt">30/09/2024</td><td class="txt"><a href="/QRVA/pdf/56/56K0901.pdf">PDF</a></td></tr>
<tr><td class="txt"><a href="showpage.cfm?&amp;language=nl&amp;cfm=/site/wwwcfm/qrva/qrvatoc.cfm?legislat=56&amp;bulletin=B902">B902</a></td>
<td class="txt">17/10/2024</td><td class="txt"><a href="/QRVA/pdf/56/56K0902.pdf">PDF</a></td></tr>
</table>
</div>
</body>
</html>
"""


def toc_block(i: int, name: str, author: str, dept: str, title: str, asked: str, answered: str) -> str:
    return f"""<div class="linklist_{i % 2}">
<table>
<tr><td class="txt"><a href="showpage.cfm?section=qrva&amp;language=nl&amp;cfm=qrvaXml.cfm?legislat=56&amp;dossierID={name}.xml">{name}</a></td></tr>
<tr><td class="txt">Auteur</td><td class="txt">{author}</td></tr>
<tr><td class="txt">Departement</td><td class="txt">{dept}</td></tr>
<tr><td class="txt">Titel</td><td class="txt">{title}</td></tr>
<tr><td class="txt"><b>Datum indiening</b>{asked}</td></tr>
<tr><td class="txt"><b>Antwoord gepubliceerd</b>{answered}</td></tr>
</table>
</div>"""


def toc_page(bulletin: str, day: str, blocks: list[str]) -> str:
    body = "\n".join(blocks)
    return f"""<html>
<head><title>De Kamer - Bulletin {bulletin}</title></head>
<body>
<div id="menu">...</div>
<div id="story">
<h1>Bulletin {bulletin} - Zittingsperiode 56 - {day}</h1>
{body}
</div>
</body>
</html>
"""


TOC_B902 = toc_page("B902", "17/10/2024", [
    toc_block(0, L56_ANPR, "Wout Voorbeeldsma, N-VA", INTERIOR[0],
              "Het gebruik van ANPR-camera's en drones bij verkeerscontroles.", "12/09/2024", "Ja"),
    toc_block(1, L56_PEGASUS, "Camille Exemplaire, Les Engagés", JUSTICE[0],
              "De spionagesoftware Pegasus en de telefoons van Belgische journalisten.", "25/09/2024", "Ja"),
    toc_block(2, L56_NOTOOL, "Joris Probeer, CD&V", "Minister van Financiën",
              "De wachttijden bij de federale overheidsdienst Financiën.", "20/09/2024", "Ja"),
])
# Written in cp1252 bytes and served as charset=utf-8, as the detail page of legislature 55.
TOC_B901 = toc_page("B901", "30/09/2024", [
    toc_block(0, L56_BODYCAMS, "Pieter Proefmans, Vooruit", INTERIOR[0],
              "Bodycams bij de lokale politie en het privéleven van burgers.", "18/07/2024", "Nee"),
    toc_block(1, L56_BROKEN, "Ilse Probeersel, Groen", INTERIOR[0],
              "Camera's van Hikvision in de gebouwen van de federale politie in België.", "01/08/2024", "Nee"),
])


def detail_page(number: int, rows: list[str]) -> str:
    body = "\n".join(rows)
    return f"""<html>
<head><title>De Kamer - Schriftelijke vragen</title></head>
<body>
<div id="menu">...</div>
<div id="story">
<h1>Schriftelijke vraag en antwoord nr : {number} - Zittingsperiode : 56</h1>
<table width="100%">
{body}
</table>
</div>
</body>
</html>
"""


def row(label: str, value: str) -> str:
    return f'<tr><td class="txt">{label}</td><td class="txt">{value}</td></tr>'


def glued(label: str, value: str) -> str:
    return f'<tr><td class="txt"><b>{label}</b>{value}</td></tr>'


def text_rows(heading: str, paragraphs: list[str]) -> list[str]:
    return [f'<tr><td class="txt"><h3>{heading}</h3></td></tr>'] + [f'<tr><td class="txt">{p}</td></tr>' for p in paragraphs]


DETAIL_ANPR = detail_page(9011, [
    row("Auteur", "Wout Voorbeeldsma, N-VA"), row("Departement", INTERIOR[0]), row("Sub-departement", INTERIOR[2]),
    row("Titel", "Het gebruik van ANPR-camera's en drones bij verkeerscontroles."),
    glued("Datum indiening", "12/09/2024"), row("Taal", "N"), glued("Status vraag", "Antwoord ontvangen"),
    glued("Termijndatum", "14/10/2024"),
    *text_rows("Vraag", ["Deze vraag is een verzonnen voorbeeld van Kamerwacht. Bij verkeerscontroles zouden naast"
                         " ANPR-camera's ook drones worden ingezet.1. Hoeveel ANPR-camera's gebruikt de federale"
                         " politie vandaag bij verkeerscontroles?2. Worden daarbij ook drones ingezet, en op welke"
                         " wettelijke basis?"]),
    *text_rows("Antwoord", ["Dit antwoord is verzonnen. De federale politie gebruikt ANPR-camera's volgens de camerawet.",
                            "Drones worden bij verkeerscontroles niet ingezet."]),
    glued("Publicatie vraag", "B902 - 17/10/2024"), glued("Publicatie antwoord", "B902 - 17/10/2024"),
    glued("Eurovoc-hoofddescriptor", "POLITIE"),
    glued("Eurovoc-descriptoren", "POLITIE | VERKEERSVEILIGHEID | BESCHERMING VAN DE PERSOONLIJKE LEVENSSFEER"),
    glued("Vrije trefwoorden", "ANPR-CAMERA | DRONE"),
])
# A question asked in French, on the Dutch page the crawl asks for: labels and title in Dutch,
# the texts in French. cp1252 bytes served as charset=utf-8.
DETAIL_PEGASUS = detail_page(9012, [
    row("Auteur", "Camille Exemplaire, Les Engagés"), row("Departement", JUSTICE[0]), row("Sub-departement", JUSTICE[2]),
    row("Titel", "De spionagesoftware Pegasus en de telefoons van Belgische journalisten."),
    glued("Datum indiening", "25/09/2024"), row("Taal", "F"), glued("Status vraag", "Antwoord ontvangen"),
    glued("Termijndatum", "28/10/2024"),
    *text_rows("Vraag", ["Cette question est un exemple inventé par Kamerwacht. Selon des médias, le logiciel espion"
                         " Pegasus aurait visé des téléphones de journalistes.1. Des journalistes établis en Belgique"
                         " figurent-ils parmi les cibles du logiciel espion Pegasus?2. Une enquête judiciaire a-t-elle"
                         " été ouverte?"]),
    *text_rows("Antwoord", ["Cette réponse est inventée. Le parquet fédéral examine les informations relatives à"
                            " Pegasus; je ne peux pas en dire davantage à ce stade."]),
    glued("Publicatie vraag", "B902 - 17/10/2024"), glued("Publicatie antwoord", "B902 - 17/10/2024"),
    glued("Eurovoc-hoofddescriptor", "INLICHTINGENDIENST"),
    glued("Eurovoc-descriptoren", "INLICHTINGENDIENST | TELECOMMUNICATIE | JOURNALIST"),
])
DETAIL_BODYCAMS = detail_page(9014, [
    row("Auteur", "Pieter Proefmans, Vooruit"), row("Departement", INTERIOR[0]), row("Sub-departement", INTERIOR[2]),
    row("Titel", "Bodycams bij de lokale politie en het privéleven van burgers."),
    glued("Datum indiening", "18/07/2024"), row("Taal", "N"),
    glued("Status vraag", "Vraag zonder antwoord gepubliceerd"), glued("Termijndatum", "19/08/2024"),
    *text_rows("Vraag", ["Deze vraag is een verzonnen voorbeeld van Kamerwacht.1. Hoeveel politiezones gebruiken"
                         " vandaag bodycams?2. Hoelang worden de beelden van bodycams bewaard?3. Wie heeft toegang"
                         " tot die beelden?"]),
    glued("Publicatie vraag", "B901 - 30/09/2024"),
    glued("Eurovoc-hoofddescriptor", "POLITIE"),
    glued("Eurovoc-descriptoren", "POLITIE | AUDIOVISUEEL MATERIAAL | BESCHERMING VAN DE PERSOONLIJKE LEVENSSFEER"),
])
# What a ColdFusion site answers when a page fails: a 200 with an error text instead of the
# question (no "nr : <n> - Zittingsperiode : <leg>" heading): quarantined with that reason.
DETAIL_BROKEN = """<html><head><title>Error Occurred While Processing Request</title></head>
<body><h1>Error Occurred While Processing Request</h1>
<table><tr><td>The request has exceeded the allowable time limit Tag: CFQUERY</td></tr></table>
</body></html>
"""


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    responses = []

    def add(url: str, file: str | None, kind: str, note: str, *, match: dict | None = None,
            status: int = 200, ctype: str | None = "application/json;charset=UTF-8") -> None:
        entry = {"url": url}
        if match:
            entry["match_params"] = match
        entry.update({"file": file, "status": status, "content_type": ctype, "kind": kind, "note": note})
        responses.append(entry)

    add(f"{DATA}/qrva", "byte-exact/data.dekamer.be_v0_qrva.json", "recorded",
        "Real list page of legislature 54 (start 0, total 10), byte-exact (byte-exact/PROVENANCE.txt). None of its"
        " titles names a tool of the vocabulary: the spider fetches none of its items.", match={"leg": "54"})
    add(f"{DATA}/qrva/54-B001-3-0001-0000201400004", "byte-exact/data.dekamer.be_v0_qrva_item.json", "recorded",
        "Real item (sham marriages, legislature 54), byte-exact. Not in the recorded list, so the crawl never asks"
        " for it; the unit tests parse it in full.")
    pages = [(0, [from_q(A), LIST_N, from_q(B), from_q(C)]), (4, [from_q(D), LIST_E, LIST_F, LIST_G])]
    for start, entries in pages:
        name = f"lists/qrva-leg55-start{start}.json"
        write_json(HERE / name, {"disclaimer": DISCLAIMER, "start": start, "total": 8, "items": entries})
        add(f"{DATA}/qrva", name, "constructed",
            f"CONSTRUCTED list page of legislature 55 at start={start} (total 8, split in two pages of 4 to exercise"
            " paging; the real page size is not known). Every entry is an INVENTED question (QUESTNUM 9001-9008,"
            " bulletin B999/Bxxx); offices and parties are real, names and texts are not.",
            match={"leg": "55", "start": str(start)})
    (HERE / "lists/qrva-leg56-start0.json").unlink(missing_ok=True)  # leg 56 answered an empty list up to build 1
    (HERE / "html").mkdir(exist_ok=True)
    (HERE / "html/qrva-leg56-503.html").write_text(LIST_503, encoding="utf-8")
    add(f"{DATA}/qrva", "html/qrva-leg56-503.html", "constructed",
        "CONSTRUCTED 503 (an HTML error page) for the open-data list of legislature 56 (the spider asks for it by"
        " default): the open data does not answer, so the spider walks the HTML bulletin listing. What the real"
        " service answers for legislature 56 is not known.", match={"leg": "56"}, status=503,
        ctype="text/html; charset=utf-8")
    add(f"{SITE}/kvvcr/showpage.cfm", "html/qrvaList-leg56.nl.html", "constructed",
        "CONSTRUCTED bulletin list of legislature 56: the real layout is NOT documented; made up around links to"
        " qrvatoc.cfm?legislat=56&bulletin=B<nnn> (two INVENTED bulletins, B901 and B902), plus menu links the"
        " spider must ignore.", match={"cfm": "qrvaList.cfm?legislat=56"}, ctype="text/html; charset=utf-8")
    (HERE / "html/qrvaList-leg56.nl.html").write_text(BULLETIN_LIST, encoding="utf-8")
    for bulletin, page, encoding, what in (
            ("B902", TOC_B902, "utf-8", "an NL question on ANPR cameras and drones, a FR question on Pegasus (its"
             " title in Dutch on this Dutch page), and a question that names no tool (its page is never asked for"
             " and not recorded)"),
            ("B901", TOC_B901, "cp1252", "an NL question on bodycams printed without answer and a question on"
             " Hikvision cameras whose detail page is broken. Written in cp1252 bytes but served as charset=utf-8")):
        name = f"html/qrvatoc-leg56-{bulletin}.nl.html"
        (HERE / name).write_bytes(page.encode(encoding))
        add(f"{SITE}/kvvcr/showpage.cfm", name, "constructed",
            f"CONSTRUCTED table of contents of INVENTED bulletin {bulletin} (legislature 56) in the layout of SOURCES.md"
            " section 3 (div.linklist_0/linklist_1 blocks, td.txt label/value rows Auteur, Departement, Titel, Datum"
            f" indiening, Antwoord gepubliceerd; the date glued to its label): {what}. Every question is INVENTED.",
            match={"cfm": "/site/wwwcfm/qrva/qrvatoc.cfm?legislat=56", "bulletin": bulletin},
            ctype="text/html; charset=utf-8")
    for name, page, encoding, what in (
            (L56_ANPR, DETAIL_ANPR, "utf-8", "an INVENTED NL question on ANPR cameras and drones to the Interior"
             " minister, asked 2024-09-12, answered (published in B902 on 2024-10-17)"),
            (L56_PEGASUS, DETAIL_PEGASUS, "cp1252", "an INVENTED question asked in French (Taal F) on the spyware"
             " Pegasus to the Justice minister, asked 2024-09-25, answered (B902, 2024-10-17); the Dutch page: labels"
             " and title in Dutch, texts in French. Written in cp1252 bytes but served as charset=utf-8"),
            (L56_BODYCAMS, DETAIL_BODYCAMS, "utf-8", "an INVENTED NL question on bodycams to the Interior minister,"
             " asked 2024-07-18, printed without answer in B901, Termijndatum 2024-08-19"),
            (L56_BROKEN, DETAIL_BROKEN, "utf-8", "a server error page (HTTP 200, no question heading) where an"
             " INVENTED question on Hikvision cameras should be: quarantined")):
        file = f"html/{name}.nl.html"
        (HERE / file).write_bytes(page.encode(encoding))
        add(f"{SITE}/kvvcr/showpage.cfm", file, "constructed",
            f"CONSTRUCTED HTML detail page (FORMATS.md section 11 layout, glued labels) of {what}.",
            match={"dossierID": f"{name}.xml"}, ctype="text/html; charset=utf-8")
    for q, what in ((A, "NL question on Clearview AI / gezichtsherkenning to the Interior minister, answered, FR version"),
                    (B, "FR question on Pegasus / logiciel espion to the Justice minister, answered, NL version"),
                    (C, "NL question on ANPR cameras, printed without answer (answerLessPublicated), deadline given"),
                    (D, "NL question on bodycams, answered, the French side empty (partial record)")):
        name = f"items/{q['SDOCNAME']}.json"
        write_json(HERE / name, item(q))
        add(f"{DATA}/qrva/{q['SDOCNAME']}", name, "constructed",
            f"CONSTRUCTED item in the real item's structure: {what}. The question is INVENTED (Chamber texts on this"
            " subject were not found); asker name and texts are invented, office and party real.")
    for name in (E_NAME, F_NAME):
        add(f"{DATA}/qrva/{name}", "byte-exact/data.dekamer.be_v0_qrva_item_empty.json", "recorded",
            "Real bytes of the service's empty answer (\"items\": [], recorded for an unknown id), served here for an"
            " INVENTED id the constructed list names: the spider falls back to the HTML page.")
    broken = json.dumps(item(dict(A, SDOCNAME=G_NAME, ID=990007, QUESTNUM=9007, DEPT=JUSTICE, DEPTNUM=903,
                                  AUT=LIST_G["AUT"], TITN=LIST_G["TITN"], TITF=LIST_G["TITF"])),
                        ensure_ascii=False, indent=2).encode("utf-8")
    (HERE / "items").mkdir(exist_ok=True)
    (HERE / f"items/{G_NAME}.json").write_bytes(broken[: len(broken) // 2])
    add(f"{DATA}/qrva/{G_NAME}", f"items/{G_NAME}.json", "constructed",
        "CONSTRUCTED broken item: an invented record cut off half-way (a truncated response). Not valid JSON: the"
        " spider falls back to the HTML page, which answers 404, and quarantines the question with both reasons.")
    (HERE / "html").mkdir(exist_ok=True)
    (HERE / f"html/{E_NAME}.nl.html").write_bytes(E_HTML.encode("cp1252"))
    add(f"{SITE}/kvvcr/showpage.cfm", f"html/{E_NAME}.nl.html", "constructed",
        "CONSTRUCTED HTML detail page (FORMATS.md section 11 layout: label/value rows, 'Datum indiening',"
        " 'Status vraag', 'Termijndatum' and the Eurovoc rows glued to their value) of an INVENTED NL question on"
        " drones with gezichtsherkenning, not answered. Written in cp1252 (latin-1) bytes but served as"
        " charset=utf-8, the pitfall seen on the site.",
        match={"dossierID": f"{E_NAME}.xml"}, ctype="text/html; charset=utf-8")
    for name in (F_NAME, G_NAME):
        add(f"{SITE}/kvvcr/showpage.cfm", None, "constructed",
            "CONSTRUCTED 404 for the HTML page of an invented question (neither source has it): quarantined.",
            match={"dossierID": f"{name}.xml"}, status=404, ctype="text/html; charset=utf-8")
    write_json(HERE / "manifest.json", {"source": "dekamer", "responses": responses})


if __name__ == "__main__":
    main()
