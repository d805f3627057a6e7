"""Builds the constructed recordings of this folder (run from the repository root:
``.venv/bin/python data/recordings/tweedekamer/build.py``). See PROVENANCE.md: the JSON shape
and field names follow shared/reference/SOURCES.md section 1; every value marked there as
constructed was written by us; the document texts are CONSTRUCTED."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import docx

HERE = Path(__file__).parent
ROOT = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
CONTEXT = ROOT + "$metadata#Zaak(ZaakActor(),Document(DocumentVersie()))"
FIXTURES = HERE.parents[2] / "tests" / "fixtures" / "text"


def guid(n: int) -> str:
    # Obviously constructed GUIDs: the real ones are random.
    return f"00000000-0000-4000-8000-{n:012d}"


def actor(n, relatie, naam=None, fractie=None, functie=None):
    return {"Id": guid(n), "Relatie": relatie, "ActorNaam": naam, "ActorFractie": fractie, "ActorAfkorting": None,
            "Functie": functie, "Persoon_Id": None, "Fractie_Id": None, "Commissie_Id": None,
            "GewijzigdOp": "2024-11-04T10:00:00+01:00", "ApiGewijzigdOp": "2024-11-04T09:00:00Z", "Verwijderd": False}


def document(n, soort, nummer, datum, onderwerp, vergaderjaar, externe=None):
    versies = []
    if externe:
        versies.append({"Id": guid(n + 500), "Versienummer": 1, "Status": "Bekendgemaakt", "Extensie": ".docx",
                        "Bestandsgrootte": 20000, "Datum": datum, "ExterneIdentifier": externe,
                        "GewijzigdOp": "2024-11-04T10:00:00+01:00", "Verwijderd": False})
    return {"Id": guid(n), "Soort": soort, "DocumentNummer": nummer, "Titel": onderwerp, "Onderwerp": onderwerp,
            "Datum": datum, "Vergaderjaar": vergaderjaar, "Kamer": 2, "Volgnummer": 0, "Citeertitel": None,
            "Alias": None, "DatumRegistratie": datum, "DatumOntvangst": datum, "Aanhangselnummer": None,
            "KenmerkAfzender": None, "Organisatie": "Tweede Kamer der Staten-Generaal",
            "ContentType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ContentLength": 20000, "GewijzigdOp": "2024-11-04T10:00:00+01:00",
            "ApiGewijzigdOp": "2024-11-04T09:00:00Z", "Verwijderd": False, "HuidigeDocumentVersie_Id": None,
            "DocumentVersie": versies}


def zaak(n, nummer, onderwerp, gestart, termijn, vergaderjaar, actors, documents, gewijzigd):
    return {"Id": guid(n), "Nummer": nummer, "Soort": "Schriftelijke vragen", "Titel": onderwerp,
            "Citeertitel": None, "Alias": None, "Status": "Vrijgegeven", "Onderwerp": onderwerp,
            "GestartOp": gestart, "Organisatie": "Tweede Kamer der Staten-Generaal", "Grondslagvoorhang": None,
            "Termijn": termijn, "Vergaderjaar": vergaderjaar, "Volgnummer": 0, "HuidigeBehandelstatus": None,
            "Afgedaan": False, "GrootProject": False, "Kabinetsappreciatie": None, "GewijzigdOp": gewijzigd,
            "ApiGewijzigdOp": gewijzigd, "Verwijderd": False, "ZaakActor": actors, "Document": documents}


def write_docx(path: Path, lines: list[str]) -> None:
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.core_properties.created = datetime.datetime(2024, 11, 5, tzinfo=datetime.timezone.utc)
    d.save(path)


def fixture_lines(name: str) -> list[str]:
    return [l for l in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if not l.startswith("#")]


LATE_TEXT = [
    # CONSTRUCTED: the whole text is invented for the late case 2099Z00001 (see PROVENANCE.md).
    "Schriftelijke vragen : Gebruik van Clearview AI door gemeentelijke handhavers",
    "Vragen van het lid Testlid (D66) aan de Minister van Justitie en Veiligheid over het gebruik",
    "van gezichtsherkenning door gemeentelijke handhavers (ingezonden 25 september 2024).",
    "Vraag 1",
    "Bent u bekend met berichten dat handhavers van gemeenten foto's van burgers met de",
    "databank van Clearview AI hebben vergeleken?",
    "Vraag 2",
    "Op welke wettelijke grondslag kan een gemeente gezichtsherkenning inzetten?",
    "Vraag 3",
    "Kunt u deze vragen binnen drie weken beantwoorden?",
]


def main() -> None:
    res = HERE / "resources"
    write_docx(res / "2099D00001.docx", LATE_TEXT)
    write_docx(res / "2020D11840.docx", fixture_lines("ah-tk-20192020-2237_tweedekamer.txt"))

    z1 = zaak(1, "2020Z04331", "Politie test omstreden gezichtsherkenningsapp", "2020-03-05T00:00:00+01:00",
              "2020-03-26T00:00:00+01:00", "2019-2020",
              [actor(11, "Indiener", "Buitenweg", "GroenLinks"),
               actor(12, "Gericht aan", "F.B.J. Grapperhaus", None, "minister van Justitie en Veiligheid"),
               actor(13, "Voortouwcommissie", "vaste commissie voor Justitie en Veiligheid")],
              [document(101, "Schriftelijke vragen", "2099D00002", "2020-03-05T00:00:00+01:00",
                        "Politie test omstreden gezichtsherkenningsapp", "2019-2020", "kv-tk-2020Z04331"),
               document(102, "Mededeling (uitstel antwoord)", "2020D11840", "2020-03-26T00:00:00+01:00",
                        "Uitstel beantwoording vragen van het lid Buitenweg over ‘Politie test omstreden gezichtsherkenningsapp‘",
                        "2019-2020", "ah-tk-20192020-2237")],
              "2020-03-27T09:00:00+01:00")
    z2 = zaak(2, "2024Z16676", "Gezichtsherkenning door de politie", "2024-10-23T00:00:00+02:00",
              "2024-11-13T00:00:00+01:00", "2024-2025",
              [actor(21, "Indiener", "B.C. Kathmann", "GroenLinks-PvdA"),
               actor(22, "Medeindiener", "S. Lahlah", "GroenLinks-PvdA"),
               actor(23, "Medeindiener", "H. Mutluer", "GroenLinks-PvdA"),
               actor(24, "Gericht aan", None, None, "minister van Binnenlandse Zaken en Koninkrijksrelaties"),
               actor(25, "Gericht aan", None, None, "minister van Justitie en Veiligheid"),
               actor(26, "Gericht aan", None, None, "staatssecretaris van Justitie en Veiligheid"),
               actor(27, "Gericht aan", None, None, "staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties")],
              [document(201, "Schriftelijke vragen", "2024D40283", "2024-10-23T00:00:00+02:00",
                        "Gezichtsherkenning door de politie", "2024-2025", "kv-tk-2024Z16676")],
              "2024-10-24T09:00:00+02:00")
    z3 = zaak(3, "2099Z00001", "Gebruik van Clearview AI door gemeentelijke handhavers", "2024-09-25T00:00:00+02:00",
              "2024-10-16T00:00:00+02:00", "2024-2025",
              [actor(31, "Indiener", "A. Testlid", "D66"),
               actor(32, "Gericht aan", None, None, "minister van Justitie en Veiligheid"),
               # CONSTRUCTED: a relation the API does not document, to show it is ignored with a reason.
               actor(33, "Meelezer", "A. Voorbeeld", "D66")],
              [document(301, "Schriftelijke vragen", "2099D00001", "2024-09-25T00:00:00+02:00",
                        "Gebruik van Clearview AI door gemeentelijke handhavers", "2024-2025")],
              "2024-09-26T09:00:00+02:00")
    first = ROOT + ("Zaak?$filter=Soort eq 'Schriftelijke vragen' and Verwijderd eq false and GestartOp ge "
                    "2020-01-01T00:00:00Z&$expand=ZaakActor,Document($expand=DocumentVersie)&$orderby=GestartOp&$top=250")
    # GestartOp order: 2020Z04331, 2099Z00001 (2024-09-25), 2024Z16676 (2024-10-23).
    page1 = {"@odata.context": CONTEXT, "value": [z1, z3], "@odata.nextLink": first + "&$skip=2"}
    page2 = {"@odata.context": CONTEXT, "value": [z2]}
    for name, page in (("zaak-page-1.json", page1), ("zaak-page-2.json", page2)):
        (HERE / "odata" / name).write_text(json.dumps(page, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()
