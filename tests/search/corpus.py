"""A small corpus for the search engine contract suite.

CONSTRUCTED: every text below was written for these tests (real question and answer texts are
not available); the shapes follow archive.model.Record and the demo records of the
officielebekendmakingen recordings (see archive/model.py). Each record is there for a reason,
noted next to it: Dutch and French text, Dutch and Belgian parliaments, a co-signed answer, a
postponement notice signed by a minister, a signer that is not in the registry, open /
postponed / answered, compounds ("gezichtsherkenningssoftware", "cameratoezicht",
"camerabeelden"), accents ("België"), word forms ("vraag"/"vragen"), two records that score
alike (ties ordered by id), a record without a date, and an HTML/script payload in the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from archive.model import (
    ANSWER,
    POSTPONEMENT,
    QUESTION,
    AnswerPart,
    Asker,
    DocumentRef,
    Minister,
    Provenance,
    QuestionPart,
    Record,
    Tool,
    to_json,
)
from archive.vocabulary import default_vocabulary

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

GRAPPERHAUS = Minister("Ferd Grapperhaus", "Minister van Justitie en Veiligheid", "Justitie en Veiligheid",
                       "nl-ferd-grapperhaus")
DEKKER = Minister("Sander Dekker", "Minister voor Rechtsbescherming", "Justitie en Veiligheid", "nl-sander-dekker")
OLLONGREN = Minister("Kajsa Ollongren", "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
                     "Binnenlandse Zaken en Koninkrijksrelaties", "nl-kajsa-ollongren")
KAAG = Minister("Sigrid Kaag", "Minister van Buitenlandse Zaken", "Buitenlandse Zaken", "nl-sigrid-kaag")
# Signers that are not in the registry: the facet value is the name as written.
JANSEN = Minister("J. Jansen", "Minister van Digitale Zaken", "Digitale Zaken", None)
VERLINDEN = Minister("Annelies Verlinden", "Ministre de l'Intérieur", "Intérieur", None)
SOMERS = Minister("Bart Somers", "Vlaams minister van Binnenlands Bestuur", "Binnenlands Bestuur", None)


def _tools(*ids: str) -> list[Tool]:
    vocabulary = default_vocabulary()
    return [vocabulary.get(i).tool() for i in ids]


def _provenance(record_id: str, kind: str) -> Provenance:
    return Provenance(url=f"https://example.org/{record_id}", fetched_at="2026-11-26T09:00:00Z",
                      sha256="0" * 64, parser_version="constructed-1", kind=kind)


def _record(
    id: str, title: str, questions: list[str], answers: list[str] = (), *, asked: str | None,
    answered: str | None = None, status: str = "answered", ministers: list[Minister] = (),
    askers: list[Asker] = (), addressed_to: list[str] = (), tools: list[str] = (), country: str = "NL",
    parliament: str = "Tweede Kamer", language: str = "nl", provenance: str = "constructed",
    documents: list[DocumentRef] | None = None, postponed: str | None = None,
) -> dict:
    asked_on = dt.date.fromisoformat(asked) if asked else None
    answered_on = dt.date.fromisoformat(answered) if answered else None
    if documents is None:
        documents = [DocumentRef(QUESTION, f"https://example.org/{id}/question", asked_on, f"kv-{id}")]
        if answered_on:
            documents.append(DocumentRef(ANSWER, f"https://example.org/{id}/answer", answered_on, f"ah-{id}",
                                         ministers=list(ministers)))
    record = Record(
        id=id, country=country, parliament=parliament, number=id, title=title, language=language,
        askers=list(askers), addressed_to=list(addressed_to), ministers=list(ministers),
        asked_on=asked_on, answered_on=answered_on, status=status,
        questions=[QuestionPart(i + 1, t) for i, t in enumerate(questions)],
        answers=[AnswerPart([i + 1], t, document_id=f"ah-{id}") for i, t in enumerate(answers)],
        footnotes=["Kamerstuk 12 345, nr. 6 (a footnote: not indexed)"],
        documents=documents, tools=_tools(*tools), provenance=_provenance(id, provenance),
        subject=title[:1].lower() + title[1:],
        postponed_on=dt.date.fromisoformat(postponed) if postponed else None,
        days_to_answer=(answered_on - asked_on).days if answered_on and asked_on else None,
    )
    return to_json(record)


CORPUS: list[dict] = [
    # Co-signed answer (Grapperhaus "mede namens"); "gezichtsherkenningssoftware" in the title,
    # "gezichtsherkenning" and "vragen" in the text.
    _record(
        "ah-tk-20212022-105", "Het gebruik van gezichtsherkenningssoftware van Clearview door de politie",
        ["Bent u bekend met berichten dat medewerkers van de politie de dienst Clearview hebben gebruikt?",
         "Op welke wettelijke grondslag zou het gebruik van gezichtsherkenning via Clearview berusten?",
         "Kunt u deze vragen binnen drie weken beantwoorden?"],
        ["Ja.", "Het gebruik van gezichtsherkenning door de politie moet passen binnen de Wet politiegegevens.",
         "Voor de beantwoording was navraag bij de politie nodig."],
        asked="2021-08-27", answered="2021-09-28", ministers=[DEKKER, replace(GRAPPERHAUS, co_signer=True)],
        askers=[Asker("Van Ginneken", "D66"), Asker("Bouchallikh", "GroenLinks")],
        addressed_to=["Minister voor Rechtsbescherming"], tools=["facial-recognition", "clearview-ai"],
    ),
    # Postponed: no answer yet, Grapperhaus signed the postponement notice only.
    _record(
        "2020Z04331", "Het mogelijke gebruik van Clearview door de politie",
        ["Heeft de Nederlandse politie Clearview gebruikt of uitgeprobeerd?",
         "Zijn daarbij beelden van personen naar Clearview verstuurd?"],
        asked="2020-03-05", status="postponed", postponed="2020-03-26",
        askers=[Asker("Buitenweg", "GroenLinks")], addressed_to=["Minister van Justitie en Veiligheid"],
        tools=["clearview-ai", "facial-recognition"], provenance="recorded",
        documents=[
            DocumentRef(QUESTION, "https://example.org/kv-tk-2020Z04331", dt.date(2020, 3, 5), "kv-tk-2020Z04331"),
            DocumentRef(POSTPONEMENT, "https://example.org/ah-tk-20192020-2237", dt.date(2020, 3, 26),
                        "ah-tk-20192020-2237", ministers=[GRAPPERHAUS],
                        notice="De beantwoording vergt meer tijd omdat navraag bij de politie nodig is."),
        ],
    ),
    # Grapperhaus as first signer; "ANPR-camera's" (hyphen and apostrophe).
    _record(
        "2019Z02671", "ANPR-camera's langs de snelweg",
        ["Hoeveel ANPR-camera's staan er langs de A2?", "Hoe lang worden de kentekens bewaard?"],
        ["Langs de A2 staan twaalf ANPR-camera's.", "De kentekens worden na vier weken vernietigd."],
        asked="2019-02-11", answered="2019-03-20", ministers=[GRAPPERHAUS],
        askers=[Asker("Van Nispen", "SP")], addressed_to=["Minister van Justitie en Veiligheid"],
        tools=["anpr"],
    ),
    # Open; compounds only: "cameratoezicht", "camerabeelden" (never "camera" or "toezicht" alone).
    _record(
        "2018Z14045", "Cameratoezicht in Amsterdam-Zuid",
        ["Hoe beoordeelt u het cameratoezicht in Amsterdam-Zuid?",
         "Worden de camerabeelden gedeeld met de gemeente?"],
        asked="2018-08-30", status="open", askers=[Asker("Kuiken", "PvdA")],
        addressed_to=["Minister van Binnenlandse Zaken en Koninkrijksrelaties"], tools=["cctv"],
        provenance="abridged",
    ),
    # Two ministers of other ministries (Kaag co-signs).
    _record(
        "2021Z13971", "Het gebruik van Pegasus-spyware tegen journalisten",
        ["Wat weet u over het gebruik van Pegasus tegen journalisten in Nederland?"],
        ["Het kabinet heeft geen aanwijzingen dat Pegasus in Nederland tegen journalisten is ingezet."],
        asked="2021-07-20", answered="2021-09-10",
        ministers=[OLLONGREN, replace(KAAG, co_signer=True)],
        askers=[Asker("Sjoerdsma", "D66")],
        addressed_to=["Minister van Binnenlandse Zaken en Koninkrijksrelaties", "Minister van Buitenlandse Zaken"],
        tools=["spyware", "pegasus"], provenance="recorded",
    ),
    # Open, addressed to the minister of Justice (found by "minister van Justitie" via addressed_to).
    _record(
        "2023Z05555", "Inzet van drones bij demonstraties",
        ["Hoe vaak zet de politie drones in bij demonstraties?"],
        asked="2023-04-03", status="open", askers=[Asker("Ellian", "VVD")],
        addressed_to=["Minister van Justitie en Veiligheid"], tools=["drones"],
    ),
    # Belgian, French: French stemming (caméras, utilise/utilisation), accents.
    _record(
        "be-ch-55-0123", "L'utilisation de caméras de reconnaissance faciale par la police",
        ["La police fédérale utilise-t-elle des caméras intelligentes?",
         "Quelles règles s'appliquent à la conservation des images?"],
        ["La police fédérale n'utilise pas la reconnaissance faciale.",
         "Les images sont conservées pendant trente jours au maximum."],
        asked="2022-05-10", answered="2022-06-15", ministers=[VERLINDEN],
        askers=[Asker("Vanessa Matz", "Les Engagés")], addressed_to=["Ministre de l'Intérieur"],
        tools=["facial-recognition", "smart-cameras"], country="BE", parliament="Chambre des représentants",
        language="fr",
    ),
    # Belgian, Dutch: "België" (accent folding), "camera's".
    _record(
        "be-vp-2022-456", "Slimme camera's in België",
        ["Hoeveel steden in België gebruiken slimme camera's?"],
        ["In België gebruiken elf steden slimme camera's."],
        asked="2022-02-01", answered="2022-03-01", ministers=[SOMERS],
        askers=[Asker("Els Van Hoof", "cd&v")], addressed_to=["Vlaams minister van Binnenlands Bestuur"],
        tools=["smart-cameras"], country="BE", parliament="Vlaams Parlement",
    ),
    # HTML and script in the text: highlights must show them as text.
    _record(
        "2022Z21234", "Bodycams en een vreemde melding op de website",
        [f"Waarom toont de website van de politie {XSS_SCRIPT} en {XSS_IMG} bij het zoeken naar bodycams?"],
        asked="2022-11-11", status="open", askers=[Asker("Van der Werf", "D66")],
        addressed_to=["Minister van Binnenlandse Zaken en Koninkrijksrelaties"], tools=["bodycams"],
    ),
    # Only the compound "gezichtsherkenningssoftware", never "gezichtsherkenning" alone.
    _record(
        "2018Z10101", "Leveranciers van gezichtsherkenningssoftware",
        ["Welke leveranciers van gezichtsherkenningssoftware werken voor de overheid?"],
        ["Daarover worden geen gegevens bijgehouden."],
        asked="2018-06-01", answered="2018-07-02", ministers=[OLLONGREN],
        askers=[Asker("Verhoeven", "D66")],
        addressed_to=["Minister van Binnenlandse Zaken en Koninkrijksrelaties"], tools=["facial-recognition"],
    ),
    # "vraag" but never "vragen"; "toezicht" alone; all of "minister", "van", "justitie", but
    # not the phrase "minister van Justitie".
    _record(
        "2019Z22222", "Een vraag over toezicht op bodycams",
        ["Mijn vraag is of het toezicht van de politie op het gebruik van bodycams voldoende is."],
        ["Het toezicht is voldoende."],
        asked="2019-11-20", answered="2019-12-20", ministers=[DEKKER],
        askers=[Asker("Kuiken", "PvdA")], addressed_to=["Minister voor Rechtsbescherming"], tools=["bodycams"],
    ),
    # A signer not in the registry; "sensordata" in the title (spelling suggestions).
    _record(
        "2024Z16676", "Sensordata in de openbare ruimte",
        ["Welke sensordata verzamelen gemeenten in de openbare ruimte?"],
        ["Gemeenten verzamelen sensordata over drukte en luchtkwaliteit."],
        asked="2024-06-01", answered="2024-07-01", ministers=[JANSEN],
        askers=[Asker("Rajkowski", "VVD")], addressed_to=["Minister van Digitale Zaken"], tools=["sensor-data"],
    ),
    # Twins: same words, same lengths, same date -> the same score; ordered by id.
    _record(
        "2017Z00002", "Peilbaken onder een auto",
        ["Werd er een peilbaken onder de auto geplaatst?"], asked="2017-05-05", status="open",
        askers=[Asker("Recourt", "PvdA")], addressed_to=["Minister van Veiligheid en Justitie"], tools=["gps-tracker"],
    ),
    _record(
        "2017Z00001", "Peilbaken onder een auto",
        ["Werd er een peilbaken onder de auto geplaatst?"], asked="2017-05-05", status="open",
        askers=[Asker("Recourt", "PvdA")], addressed_to=["Minister van Veiligheid en Justitie"], tools=["gps-tracker"],
    ),
    # No date known (sorted last both ways, no year).
    _record(
        "ek-20192020-10", "Zendmastgegevens in strafzaken",
        ["Hoe vaak vorderde het openbaar ministerie zendmastgegevens?"], asked=None, status="open",
        askers=[Asker("Nicolaï", "VVD")], addressed_to=["Minister van Justitie en Veiligheid"],
        tools=["tower-dump"], parliament="Eerste Kamer",
    ),
]

BY_ID: dict[str, dict] = {r["id"]: r for r in CORPUS}


def ids(*records: dict) -> set[str]:
    return {r["id"] for r in records}


def where(predicate) -> set[str]:
    """Ids of the corpus records for which ``predicate(record)`` holds (expected answers are
    computed from the records themselves, not from the engine)."""
    return {r["id"] for r in CORPUS if predicate(r)}


def all_text(record: dict) -> str:
    parts = [record["title"], record["subject"]]
    parts += [q["text"] for q in record["questions"]] + [a["text"] for a in record["answers"]]
    return "\n".join(parts)
