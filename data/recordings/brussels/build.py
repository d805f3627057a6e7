"""Builds the constructed recordings of this folder (run from the repository root:
``.venv/bin/python data/recordings/brussels/build.py``). See PROVENANCE.md: the page layout is
FORMATS.md section 9, the index row positions SOURCES.md section 5 ([C]), the facts (moncodes,
askers, addressees and their printed roles, numbers, dates, tools) DOCUMENTS.md rows 20-32.
Every question and answer sentence is CONSTRUCTED (written by Kamerwacht, not the real text)."""

from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).parent
SITE = "https://www.parlement.brussels"

# Roles as DOCUMENTS.md prints them (rows 20-32). The Dutch roles of the ministers other than the
# Minister-President are not in DOCUMENTS.md: CONSTRUCTED in the same shape.
VERVOORT = ("Rudi Vervoort",
            "Ministre-Président du Gouvernement de la Région de Bruxelles-Capitale (chargé du Développement"
            " territorial, Rénovation urbaine, Tourisme, Image de Bruxelles, Biculturel)",
            "Minister-President van de Brusselse Hoofdstedelijke regering (belast met Territoriale Ontwikkeling,"
            " Stadsvernieuwing, Toerisme, Imago van Brussel, Biculturele Zaken)")
CLERFAYT = ("Bernard Clerfayt",
            "Ministre du Gouvernement de la Région de Bruxelles-Capitale (Emploi, Formation professionnelle,"
            " Transition numérique, Pouvoirs locaux, Bien-Être animal)",
            "Minister van de Brusselse Hoofdstedelijke regering (Werk, Beroepsopleiding, Digitalisering,"
            " Plaatselijke Besturen, Dierenwelzijn)")
VAN_DEN_BRANDT = ("Elke Van den Brandt",
                  "Ministre du Gouvernement de la Région de Bruxelles-Capitale (Mobilité, Travaux publics,"
                  " Sécurité routière)",
                  "Minister van de Brusselse Hoofdstedelijke regering (Mobiliteit, Openbare Werken,"
                  " Verkeersveiligheid)")
MARON = ("Alain Maron",
         "Ministre du Gouvernement de la Région de Bruxelles-Capitale (Transition climatique, Environnement,"
         " Énergie, Démocratie participative)",
         "Minister van de Brusselse Hoofdstedelijke regering (Klimaattransitie, Leefmilieu, Energie,"
         " Participatieve Democratie)")
TRACHTE = ("Barbara Trachte",
           "Secrétaire d'État à la Région de Bruxelles-Capitale (Transition économique, Recherche scientifique)",
           "Staatssecretaris van het Brussels Hoofdstedelijk Gewest (Economische Transitie,"
           " Wetenschappelijk Onderzoek)")

ANPR_THREAD = {
    "fr": ("les caméras ANPR et la vidéosurveillance le long des voiries régionales",
           ["Plusieurs communes et zones de police installent des caméras ANPR et des caméras de"
            " vidéosurveillance le long des voiries régionales.",
            " ",
            "Pouvez-vous me dire :",
            "• combien de caméras ANPR se trouvent sur les voiries dont la Région a la charge ;",
            "• qui décide de l'emplacement de ces caméras ;",
            "• quelles règles encadrent le partage des images ?"]),
    "nl": ("de ANPR-camera's en het cameratoezicht langs de gewestwegen",
           ["Verschillende gemeenten en politiezones plaatsen ANPR-camera's en camera's voor cameratoezicht"
            " langs de gewestwegen.",
            " ",
            "Kan u mij zeggen:",
            "• hoeveel ANPR-camera's langs de gewestwegen staan;",
            "• wie beslist waar die camera's komen;",
            "• welke regels gelden voor het delen van de beelden?"]),
}

# row, moncode, asked language, asker, minister, number, received, published, answered, admissible on,
# deciding body (FR, NL), legislature, session, texts {lang: (subject, question lines, answer lines)}
ROWS = [
    dict(row=20, moncode="144227", lang="fr", asker="Hilde Sabbe", minister=VERVOORT, number="70",
         received="25/10/2019", published="04/02/2020", answered="03/02/2020", admissible="12/12/2019",
         body=("", ""), legislature="19/24", session="19/20",
         texts={"fr": ("l'extension du réseau de caméras ANPR",
                       ["Le Gouvernement a annoncé l'extension du réseau de caméras ANPR sur le territoire régional.",
                        " ",
                        "Pouvez-vous me préciser :",
                        "- le nombre de caméras ANPR installées à ce jour ;",
                        "- les services qui ont accès aux images ;",
                        "- la durée de conservation des images ?"], []),
                "nl": ("de uitbreiding van het netwerk van ANPR-camera's",
                       ["De regering kondigde de uitbreiding aan van het netwerk van ANPR-camera's op het"
                        " gewestelijk grondgebied.",
                        " ",
                        "Kan u mij meedelen:",
                        "- hoeveel ANPR-camera's vandaag geplaatst zijn;",
                        "- welke diensten toegang hebben tot de beelden;",
                        "- hoe lang de beelden bewaard worden?"], [])}),
    dict(row=21, moncode="144539", lang="nl", asker="Hilde Sabbe", minister=VERVOORT, number="94",
         received="13/01/2020", published="19/02/2020", answered="18/02/2020", admissible="15/01/2020",
         body=("", ""), legislature="19/24", session="19/20",
         texts={"nl": ("het gewestelijk videoplatform",
                       ["Het gewestelijk videoplatform brengt de beelden samen van camera's voor cameratoezicht en"
                        " van ANPR-camera's van verschillende partners.",
                        " ",
                        "Graag had ik vernomen:",
                        "• welke partners op het platform aangesloten zijn;",
                        "• hoeveel ANPR-camera's erop aangesloten zijn?"], []),
                "fr": ("la plateforme régionale de vidéo",
                       ["La plateforme régionale rassemble les images des caméras de vidéosurveillance et des"
                        " caméras ANPR de plusieurs partenaires.",
                        " ",
                        "Je souhaiterais savoir :",
                        "• quels partenaires sont reliés à la plateforme ;",
                        "• combien de caméras ANPR y sont reliées ?"], [])}),
    dict(row=22, moncode="145851", lang="fr", asker="Els Rochette", minister=VERVOORT, number="194",
         received="26/02/2020", published="25/05/2020", answered="19/05/2020", admissible="13/03/2020",
         body=("Bureau élargi du Parlement", "Uitgebreid Bureau van het Parlement"), legislature="19/24",
         session="19/20",
         # The footnote digit stands on its own line (DOCUMENTS.md row 22); the Dutch side is empty.
         texts={"fr": ("l'usage de bodycams par les zones de police",
                       ["Plusieurs zones de police bruxelloises utilisent des bodycams",
                        "<sup>1</sup>",
                        ", selon un rapport d'évaluation publié l'an dernier.",
                        " ",
                        "Quelles conclusions le Gouvernement tire-t-il de cet usage des bodycams ?"], []),
                "nl": ("", [], [])}),
    dict(row=23, moncode="147082", lang="nl", asker="Bianca Debaets", minister=VERVOORT, number="276",
         received="29/06/2020", published="21/09/2020", answered="17/09/2020", admissible="02/07/2020",
         body=("", ""), legislature="19/24", session="19/20",
         # The ordinal suffix of "2de" is pushed onto the next line by its superscript.
         texts={"nl": ("de inzet van drones tijdens de lockdown",
                       ["Tijdens de 2",
                        "<sup>de</sup> fase van de lockdown zette de politie drones in boven parken en pleinen.",
                        " ",
                        "Op welke rechtsgrond werden die drones ingezet en wie bekeek de beelden?"], []),
                "fr": ("l'usage de drones pendant le confinement",
                       ["Pendant la 2",
                        "<sup>e</sup> phase du confinement, la police a fait voler des drones au-dessus des parcs"
                        " et des places.",
                        " ",
                        "Sur quelle base légale ces drones ont-ils été utilisés et qui a visionné les images ?"],
                       [])}),
    dict(row=24, moncode="153438", lang="fr", asker="Hicham Talhi", minister=VERVOORT, number="692",
         received="09/09/2021", published="16/11/2021", answered="04/11/2021", admissible="24/09/2021",
         body=("", ""), legislature="19/24", session="20/21",
         texts={"fr": ("la reconnaissance faciale et le logiciel Clearview AI",
                       ["Des médias ont rapporté que des policiers belges auraient testé Clearview AI, un outil de"
                        " reconnaissance faciale.",
                        " ",
                        "Des services régionaux ont-ils eu recours à la reconnaissance faciale ou à Clearview AI ?"],
                       []),
                "nl": ("gezichtsherkenning en de software van Clearview AI",
                       ["Media meldden dat Belgische politiemensen Clearview AI, een hulpmiddel voor"
                        " gezichtsherkenning, zouden hebben getest.",
                        " ",
                        "Hebben gewestelijke diensten gezichtsherkenning of Clearview AI gebruikt?"], [])}),
    dict(row=25, moncode="155312", lang="fr", asker="Ibrahim Dönmez", minister=CLERFAYT, number="899",
         received="10/02/2022", published="05/04/2022", answered="31/03/2022", admissible="23/02/2022",
         body=("Bureau élargi du Parlement", "Uitgebreid Bureau van het Parlement"), legislature="19/24",
         session="21/22", latin1=True,
         texts={"fr": ("la protection des téléphones régionaux contre le logiciel espion Pegasus",
                       ["Le logiciel espion Pegasus a été retrouvé sur des téléphones de responsables publics"
                        " en Europe.",
                        " ",
                        "Quelles mesures la Région prend-elle pour protéger ses téléphones contre ce logiciel"
                        " espion ?"], []),
                "nl": ("de bescherming van de gewestelijke telefoons tegen de spionagesoftware Pegasus",
                       ["De spionagesoftware Pegasus werd gevonden op telefoons van openbare gezagsdragers"
                        " in Europa.",
                        " ",
                        "Welke maatregelen neemt het Gewest om zijn telefoons tegen die spyware te beschermen?"],
                       [])}),
    dict(row=26, moncode="155697", lang="fr", asker="Sadik Köksal", minister=VERVOORT, number="784",
         received="07/03/2022", published="03/05/2022", answered="29/04/2022", admissible="18/03/2022",
         body=("Bureau élargi du Parlement", "Uitgebreid Bureau van het Parlement"), legislature="19/24",
         session="21/22", nl_status=404,
         # The footnote digit starts the next line, with its comma (FORMATS.md 9).
         texts={"fr": ("le logiciel espion Pegasus et les caméras Hikvision et Dahua",
                       ["Selon la presse",
                        "<sup>1</sup>, des caméras Hikvision et Dahua équipent des bâtiments publics, et le"
                        " logiciel espion Pegasus a visé des téléphones d'élus.",
                        " ",
                        "La Région a-t-elle fait l'inventaire de ces caméras et des risques liés à ce logiciel"
                        " espion ?"], [])}),
    dict(row=27, moncode="155991", lang="fr", asker="Anne-Charlotte d'Ursel", minister=VAN_DEN_BRANDT,
         number="1242", received="01/04/2022", published="08/06/2022", answered="23/05/2022",
         admissible="22/04/2022", body=("", ""), legislature="19/24", session="21/22",
         texts={k: (s, q, []) for k, (s, q) in ANPR_THREAD.items()}),
    dict(row=28, moncode="155992", lang="fr", asker="Anne-Charlotte d'Ursel", minister=MARON, number="1092",
         received="01/04/2022", published="08/06/2022", answered="01/06/2022", admissible="22/04/2022",
         body=("", ""), legislature="19/24", session="21/22",
         texts={k: (s, q, []) for k, (s, q) in ANPR_THREAD.items()}),
    dict(row=29, moncode="155994", lang="fr", asker="Anne-Charlotte d'Ursel", minister=CLERFAYT, number="935",
         received="01/04/2022", published="08/06/2022", answered="18/05/2022", admissible="25/04/2022",
         body=("", ""), legislature="19/24", session="21/22",
         texts={k: (s, q, []) for k, (s, q) in ANPR_THREAD.items()}),
    dict(row=30, moncode="160865", lang="fr", asker="Leila Lahssaini", minister=VERVOORT, number="1072",
         received="13/06/2023", published="30/08/2023", answered="20/07/2023", admissible="20/06/2023",
         body=("", ""), legislature="19/24", session="22/23",
         texts={"fr": ("les outils reliés à la plateforme régionale de vidéo",
                       ["La plateforme régionale de vidéo relie des caméras de plusieurs services.",
                        " ",
                        "Pourriez-vous me communiquer :",
                        "• la liste des caméras de vidéosurveillance, des drones, des bodycams et des caméras ANPR"
                        " reliés à la plateforme ;",
                        "• l'usage éventuel de caméras thermiques ?"],
                       ["La plateforme relie des caméras de vidéosurveillance régionales et communales ainsi que"
                        " des caméras ANPR.",
                        " ",
                        "Les images de drones et de bodycams n'y sont pas reliées. Aucune caméra thermique n'y est"
                        " reliée."]),
                "nl": ("de hulpmiddelen die op het gewestelijk videoplatform aangesloten zijn",
                       ["Het gewestelijk videoplatform verbindt camera's van verschillende diensten.",
                        " ",
                        "Kan u mij meedelen:",
                        "• de lijst van camera's voor cameratoezicht, drones, bodycams en ANPR-camera's die op"
                        " het platform aangesloten zijn;",
                        "• of er thermische camera's gebruikt worden?"],
                       ["Het platform verbindt gewestelijke en gemeentelijke camera's voor cameratoezicht en"
                        " ANPR-camera's.",
                        " ",
                        "Beelden van drones en bodycams zijn er niet op aangesloten. Er is geen thermische camera"
                        " aangesloten."])}),
    dict(row=31, moncode="161313", lang="nl", asker="Mathias Vanden Borre", minister=VERVOORT, number="1108",
         received="09/08/2023", published="07/11/2023", answered="25/10/2023", admissible="14/09/2023",
         body=("Bureau élargi du Parlement", "Uitgebreid Bureau van het Parlement"), legislature="19/24",
         session="22/23",
         texts={"nl": ("de aansluiting van camera's van vervoersmaatschappijen op het videoplatform",
                       ["Het videoplatform zou ook beelden ontvangen van camera's van vervoersmaatschappijen.",
                        " ",
                        "1. Welke camera's voor cameratoezicht van vervoersmaatschappijen zijn aangesloten?",
                        "2. Wie heeft toegang tot die beelden?",
                        "3. Hoe lang worden ze bewaard?",
                        "4. Wordt het cameratoezicht geëvalueerd?"], []),
                "fr": ("le raccordement des caméras des sociétés de transport à la plateforme de vidéo",
                       ["La plateforme recevrait aussi les images des caméras des sociétés de transport.",
                        " ",
                        "1. Quelles caméras de vidéosurveillance des sociétés de transport sont raccordées ?",
                        "2. Qui a accès à ces images ?",
                        "3. Combien de temps sont-elles conservées ?",
                        "4. La vidéosurveillance est-elle évaluée ?"], [])}),
    dict(row=32, moncode="153616", lang=None, asker="Geoffroy Coomans de Brachène", minister=TRACHTE,
         number="456", received="29/09/2021", published="13/12/2021", answered="25/11/2021", admissible="04/10/2021",
         body=("p.m.", "p.m."), legislature="19/24", session="21/22",
         texts={"fr": ("le coût du traitement des questions parlementaires",
                       ["Le traitement des questions écrites mobilise du temps dans les cabinets.",
                        " ",
                        "1. Combien de questions écrites votre cabinet a-t-il reçues cette année ?",
                        "2. Combien de personnes y travaillent ?",
                        "3. Quel est le temps moyen consacré à une réponse ?",
                        "4. Ce temps a-t-il évolué depuis le début de la législature ?"],
                       ["Mon cabinet a reçu une centaine de questions écrites.",
                        " ",
                        "Deux personnes en assurent le suivi. Le temps consacré à une réponse varie selon la"
                        " question."]),
                "nl": ("de kosten van de behandeling van parlementaire vragen",
                       ["De behandeling van schriftelijke vragen vraagt tijd in de kabinetten.",
                        " ",
                        "1. Hoeveel schriftelijke vragen ontving uw kabinet dit jaar?",
                        "2. Hoeveel personen werken eraan?",
                        "3. Hoeveel tijd vergt een antwoord gemiddeld?",
                        "4. Is die tijd veranderd sinds het begin van de zittingsperiode?"],
                       ["Mijn kabinet ontving een honderdtal schriftelijke vragen.",
                        " ",
                        "Twee personen volgen ze op. De tijd die een antwoord vergt, verschilt per vraag."])}),
]

# CONSTRUCTED rows for the current legislature's index (moncodes 9999xx cannot be real ones yet):
# a page that is empty (0 bytes, and no Dutch page) and a page whose question cells are empty.
BROKEN = [
    dict(moncode="999901", received="15/01/2025", title_fr="une page vide (construite)",
         title_nl="een lege pagina (geconstrueerd)", author="Auteur Construit", addressee="Rudi Vervoort"),
    dict(moncode="999902", received="16/01/2025", title_fr="une page sans texte (construite)",
         title_nl="een pagina zonder tekst (geconstrueerd)", author="Auteur Construit", addressee="Rudi Vervoort"),
]

LABELS = {
    "fr": dict(htmllang="fr", title="Question écrite concernant", de="de", a="à", num="question n°{}",
               d1="Date de réception", d2="Date de publication", leg="Législature", ses="Session",
               d3="Date de réponse", head=["Date", "Intitulé de l'acte", "de", "Référence", "page"],
               ok="Recevable", q="Question", r="Réponse", doc_title="Question écrite"),
    "nl": dict(htmllang="nl", title="Schriftelijke vraag betreffende", de="Indiener(s)", a="aan", num="Vragen nr {}",
               d1="Datum ontvangst", d2="Datum publicatie", leg="Zittingsperiode", ses="Zitting",
               d3="Datum antwoord", head=["Datum", "behandeling van het stuk", "Indiener(s)", "Referentie", "Blz."],
               ok="Ontvankelijk", q="Vraag", r="Antwoord", doc_title="Schriftelijke vraag"),
}
PAD = "&nbsp;" * 6  # the label cells are padded with a run of spaces (FORMATS.md 9, rows 11-12)


def cell(lines: list[str]) -> str:
    """Lines as the site writes them: <br> between lines, raw HTML (superscripts) kept."""
    return "<br>\n".join(line if "<sup>" in line else html.escape(line, quote=False) for line in lines)


def page(r: dict, lang: str) -> str:
    L = LABELS[lang]
    name, role_fr, role_nl = r["minister"]
    subject, questions, answers = r["texts"].get(lang, ("", [], []))
    role = role_fr if lang == "fr" else role_nl
    body = r["body"][0 if lang == "fr" else 1]
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    rows = [f'<tr><td><b>{L["q"]}{PAD}</b></td><td>{cell(questions)}</td></tr>']
    if answers:
        rows.append(f'<tr><td><b>{L["r"]}{PAD}</b></td><td>{cell(answers)}</td></tr>')
    empty_side = not subject
    head = "".join(f"<th>{esc(h)}</th>" for h in L["head"])
    return f"""<!DOCTYPE html>
<html lang="{L['htmllang']}">
<head>
<meta charset="utf-8">
<title>{L['doc_title']} - Parlement bruxellois</title>
</head>
<body>
<header class="site-header"><a href="/"><img src="/prb_includes/img/logo.svg" alt="Logo Parlement Buxellois"></a></header>
<main>
<section id="weblex-quest-det-{lang}" class="weblex-quest-det">
<h1>{L['title']} {esc(subject)}</h1>
<p>{L['de']}</p>
<p>{'' if empty_side else esc(r['asker'])}</p>
<p>{L['a']}</p>
<p>{'' if empty_side else esc(f"{name}, {role} ({L['num'].format(r['number'])})")}</p>
<p> </p>
<p><b>{L['d1']}:</b> {r['received']} <b>{L['d2']}:</b> {r['published']}</p>
<p><b>{L['leg']}:</b> {r['legislature']} <b>{L['ses']}:</b> {r['session']} <b>{L['d3']}:</b> {r['answered']}</p>
<p> </p>
<table class="weblex-actes">
<tr>{head}</tr>
<tr><td>{r['admissible']}</td><td>{L['ok']}</td><td>{esc(body)}</td><td></td><td></td></tr>
</table>
<p> </p>
<table class="weblex-texte">
{chr(10).join(rows)}
</table>
</section>
</main>
</body>
</html>
"""


def index_row(moncode: str, received: str, title_fr: str, title_nl: str, author: str, addressee: str,
              lang: str | None, written: bool = True, assembly: str = "PRB") -> list[str]:
    # Only r[0], r[2], r[5], r[8]-r[11] and r[15] are known ([C], SOURCES.md 5); the other cells
    # are left empty: their real contents are unknown.
    query = f"moncode={moncode}&base=1" + (f"&lang={lang}&taal={'nd' if lang == 'nl' else 'fr'}" if lang else "")
    link = f'<a href="/weblex-quest-det/?{html.escape(query)}">{moncode}</a>'
    row = [""] * 16
    row[0], row[2], row[5], row[8], row[9], row[10], row[11] = (assembly, link, received, title_fr, title_nl, author,
                                                                  addressee)
    row[15] = "1" if written else "0"
    return row


def main() -> None:
    out = []
    (HERE / "pages").mkdir(exist_ok=True)
    (HERE / "index").mkdir(exist_ok=True)

    def add(url, file, note, status=200, ctype="text/html; charset=utf-8"):
        entry = {"url": url, "status": status, "kind": "constructed", "note": note}
        if file:
            entry["file"] = file
        if ctype:
            entry["content_type"] = ctype
        out.append(entry)

    rows19 = []
    for r in ROWS:
        fr_subject = r["texts"]["fr"][0]
        nl_subject = r["texts"].get("nl", ("",))[0] or fr_subject
        rows19.append(index_row(r["moncode"], r["received"], fr_subject, nl_subject, r["asker"], r["minister"][0],
                                r["lang"]))
        for lang in ("fr", "nl"):
            url = f"{SITE}/weblex-quest-det/?lang={lang}&moncode={r['moncode']}&base=1&taal={'nd' if lang == 'nl' else 'fr'}"
            if lang == "nl" and r.get("nl_status"):
                add(url, None, f"DOCUMENTS.md row {r['row']}: the Dutch page answers HTTP {r['nl_status']}"
                               " (CONSTRUCTED case: a missing language page becomes a gap)",
                    status=r["nl_status"], ctype="text/html; charset=utf-8")
                continue
            text = page(r, lang)
            name = f"pages/{r['moncode']}-{lang}.html"
            latin1 = r.get("latin1") and lang == "fr"
            (HERE / name).write_bytes(text.encode("cp1252") if latin1 else text.encode("utf-8"))
            what = {"fr": "French", "nl": "Dutch"}[lang]
            asked = r["lang"] or "fr"
            note = (f"DOCUMENTS.md row {r['row']} (moncode {r['moncode']}), {what} page"
                    f" ({'the language it was asked in' if lang == asked else 'translation'}); layout FORMATS.md 9,"
                    " facts from DOCUMENTS.md, question/answer text CONSTRUCTED")
            if latin1:
                note += "; bytes written as cp1252 (latin-1) although the header and meta say UTF-8"
            if not r["texts"].get(lang, ("",))[0]:
                note += "; CONSTRUCTED empty language side (no subject, askers or question text)"
            add(url, name, note)
    # one row that is not a written question (r[15] != '1'): skipped by the reader
    rows19.insert(3, index_row("999903", "20/11/2019", "une interpellation (construite)",
                               "een interpellatie (geconstrueerd)", "Auteur Construit", "Rudi Vervoort", "fr",
                               written=False))
    (HERE / "index" / "dos_qu_legis_19-24.json").write_text(
        json.dumps({"data": rows19}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    add(f"{SITE}/prb_includes/weblex/data/dos_qu_legis_19-24.json", "index/dos_qu_legis_19-24.json",
        "Index of legislature 2019-2024: rows for DOCUMENTS.md rows 20-32 (moncodes, reception dates, authors,"
        " addressees) plus one CONSTRUCTED non-written row (moncode 999903, r[15]='0'); row positions [C]"
        " (SOURCES.md 5), unknown cells empty, titles CONSTRUCTED", ctype="application/json")

    rows24 = [index_row(b["moncode"], b["received"], b["title_fr"], b["title_nl"], b["author"], b["addressee"], None)
              for b in BROKEN]
    (HERE / "index" / "dos_qu_legis_24-29.json").write_text(
        json.dumps({"data": rows24}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    add(f"{SITE}/prb_includes/weblex/data/dos_qu_legis_24-29.json", "index/dos_qu_legis_24-29.json",
        "Index of legislature 2024-2029: two CONSTRUCTED rows (moncodes 999901, 999902) for pages that must be"
        " quarantined", ctype="application/json")
    (HERE / "pages" / "999901-fr.html").write_bytes(b"")
    add(f"{SITE}/weblex-quest-det/?lang=fr&moncode=999901&base=1&taal=fr", "pages/999901-fr.html",
        "CONSTRUCTED: an empty page (0 bytes); its Dutch page is not recorded (404)")
    blank = dict(ROWS[0], moncode="999902", number="5", received="16/01/2025", published="", answered="",
                 admissible="20/01/2025", legislature="24/29", session="24/25",
                 texts={"fr": ("une page sans texte (construite)", [], []),
                        "nl": ("een pagina zonder tekst (geconstrueerd)", [], [])})
    for lang in ("fr", "nl"):
        name = f"pages/999902-{lang}.html"
        (HERE / name).write_text(page(blank, lang), encoding="utf-8")
        add(f"{SITE}/weblex-quest-det/?lang={lang}&moncode=999902&base=1&taal={'nd' if lang == 'nl' else 'fr'}", name,
            "CONSTRUCTED: a question page whose Question cell is empty (header complete)")
    # The legislatures recorded: a replay asks for these index files only (not every
    # legislature since KAMERWACHT_CRAWL_SINCE, which would be "not recorded" 404s).
    manifest = {"source": "brussels", "spider_args": {"legislature": "19-24,24-29"}, "responses": out}
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
