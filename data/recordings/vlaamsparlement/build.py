"""Builds the constructed recordings of this folder (run from the repository root:
``.venv/bin/python data/recordings/vlaamsparlement/build.py``). See PROVENANCE.md: the JSON
shapes and field names follow shared/reference/SOURCES.md section 4 ([C]); every id, name of an
asker, date and text is CONSTRUCTED (invented questions, ids 9990001+). The PDFs are written by
hand (no PDF library that writes text is installed): one Helvetica text page per 50 lines, and
one image-only page for the PDF without a text layer. The output is deterministic."""

from __future__ import annotations

import json
import textwrap
import zlib
from pathlib import Path

HERE = Path(__file__).parent
WS = "https://ws.vlpar.be"
DOCS = "https://docs.vlaamsparlement.be/files/pfile?id="
SITE = "https://www.vlaamsparlement.be/nl/parlementaire-documenten/schriftelijke-vragen/"
REQUIRED = ("paginatype:Parlementair%20document.aggregaat:Vraag%20of%20interpellatie."
            "aggregaattype:Schriftelijke%20vraag")
NOTE = "CONSTRUCTED: an invented example question, not a real one (Kamerwacht test data). "


# --- PDF by hand ------------------------------------------------------------------------------

def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252")  # WinAnsiEncoding
    out = bytearray()
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out)


def _pdf(pages: list[bytes], resources: list[bytes], extra: list[bytes] | None = None) -> bytes:
    """A minimal valid PDF: catalog, page tree, one page + content stream per entry."""
    extra = extra or []
    objects: list[bytes] = []
    n_pages = len(pages)
    first_page = 3
    font_or_res = first_page + 2 * n_pages  # objects after the pages: shared resources
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, content in enumerate(pages):
        res = resources[i].replace(b"@RES", f"{font_or_res} 0 R".encode())
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + res
                       + f" /Contents {first_page + 2 * i + 1} 0 R >>".encode())
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    objects += extra
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_pdf(paragraphs: list[str], width: int = 88, per_page: int = 50) -> bytes:
    lines: list[str] = []
    for p in paragraphs:
        lines += textwrap.wrap(p, width) or [""]
    chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    pages = []
    for chunk in chunks:
        body = b"BT /F1 10 Tf 14 TL 50 790 Td\n" + b"".join(b"(" + _pdf_string(line) + b") Tj T*\n" for line in chunk) + b"ET"
        pages.append(body)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    return _pdf(pages, [b"<< /Font << /F1 @RES >> >>"] * len(pages), [font])


def image_only_pdf() -> bytes:
    """A 'scan': one grey image, no text operators at all."""
    pixels = zlib.compress(bytes((x * 7 + y * 3) % 256 for y in range(32) for x in range(32)))
    image = (f"<< /Type /XObject /Subtype /Image /Width 32 /Height 32 /ColorSpace /DeviceGray "
             f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(pixels)} >>\nstream\n").encode() + pixels + b"\nendstream"
    return _pdf([b"q 495 0 0 700 50 70 cm /Im1 Do Q"], [b"<< /XObject << /Im1 @RES >> >>"], [image])


# --- the questions (all invented) -------------------------------------------------------------

def heading(nr, asked, asker, minister, office, titel):
    return ["SCHRIFTELIJKE VRAAG", f"nr. {nr}", f"van {asked}", f"van {asker.upper()}", f"aan {minister.upper()}",
            office.upper(), titel]


def answer_heading(nr, asked, asker, minister, office):
    return [minister.upper(), office.upper(), "ANTWOORD", f"op vraag nr. {nr} van {asked}", f"van {asker.upper()}"]


PEETERS_OFFICE = "Vlaams minister van Mobiliteit en Openbare Werken"
SOMERS_OFFICE = "Vlaams minister van Binnenlands Bestuur, Bestuurszaken, Inburgering en Gelijke Kansen"
DE_RIDDER_OFFICE = "Vlaams minister van Mobiliteit, Openbare Werken, Havens en Sport"

QUESTIONS = {
    "9990001": {
        "vraagnummer": "9991", "zittingsjaar": "2021-2022", "publicatiedatum": "2021-11-08T09:00:00+01:00",
        "titel": "Trajectcontroles en ANPR-camera's op gewestwegen",
        "onderwerp": "Trajectcontroles en ANPR-camera's op gewestwegen: aantal, bewaring van de gegevens en toegang",
        "thema": ["Verkeersveiligheid", "Privacy"], "asker": ("An", "Voorbeeld"), "minister": ("Lydia", "Peeters"),
        "office": PEETERS_OFFICE, "asked": ("2021-10-14", "14 oktober 2021"), "answered": ("2021-11-05", "Tijdig beantwoord"),
        "tijdig": True, "pfile": "9990901",
        "question": [
            "Dit is een geconstrueerde voorbeeldvraag (Kamerwacht testgegevens), geen echte parlementaire vraag. "
            "Langs gewestwegen komen er steeds meer trajectcontroles met ANPR-camera's die nummerplaten lezen.",
            "1. Hoeveel trajectcontroles met ANPR-camera's zijn er nu actief op gewestwegen?",
            "2. Hoe lang worden de nummerplaatgegevens van deze camera's bewaard?",
            "3. Welke diensten krijgen toegang tot die gegevens, en op welke rechtsgrond?",
        ],
        "answer": [
            "1. Geconstrueerd antwoord: op gewestwegen zijn een twintigtal trajectcontroles actief (voorbeeldcijfer).",
            "2. Geconstrueerd antwoord: de gegevens worden niet langer bewaard dan de regelgeving toelaat.",
            "3. Geconstrueerd antwoord: alleen de bevoegde politiediensten, binnen het wettelijke kader.",
        ],
    },
    "9990002": {
        "vraagnummer": "9992", "zittingsjaar": "2021-2022", "publicatiedatum": "2022-05-11T09:00:00+02:00",
        "titel": "Inzet van drones en bodycams door lokale besturen",
        "onderwerp": "Inzet van drones en bodycams door lokale besturen en gemeentelijke handhavers",
        "thema": ["Lokale besturen", "Veiligheid"], "asker": ("Jan", "Testlid"), "minister": ("Bart", "Somers"),
        "office": SOMERS_OFFICE, "asked": ("2022-03-01", "1 maart 2022"), "answered": ("2022-05-10", "Laattijdig beantwoord"),
        "tijdig": False, "pfile": "9990902",
        "question": [
            "Dit is een geconstrueerde voorbeeldvraag (Kamerwacht testgegevens), geen echte parlementaire vraag. "
            "Steeds meer gemeenten zetten drones en bodycams in bij toezicht en handhaving.",
            "1. Hoeveel lokale besturen gebruiken drones voor toezicht op de openbare ruimte?",
            "2. Hoeveel gemeentelijke handhavers dragen een bodycam?",
            "3. Welke richtlijnen geeft de Vlaamse overheid over het bewaren van die beelden?",
        ],
        "answer": [
            "1. Geconstrueerd antwoord: de Vlaamse overheid houdt geen volledig overzicht bij (voorbeeldtekst).",
            "2 en 3. Geconstrueerd antwoord: het gebruik van bodycams en de bewaring van beelden volgen het federale kader.",
        ],
    },
    "9990003": {
        "vraagnummer": "9993", "zittingsjaar": "2022-2023", "publicatiedatum": "2022-12-21T09:00:00+01:00",
        "titel": "Gezichtsherkenning op camerabeelden van De Lijn",
        "onderwerp": "Gebruik van gezichtsherkenning op camerabeelden in voertuigen en stations van De Lijn",
        "thema": ["Openbaar vervoer", "Privacy"], "asker": ("Els", "Proef"), "minister": ("Lydia", "Peeters"),
        "office": PEETERS_OFFICE, "asked": ("2022-12-01", "1 december 2022"), "answered": ("2022-12-20", "Tijdig beantwoord"),
        "tijdig": True, "pfile": "9990903", "image_only": True,
    },
    "9990004": {
        "vraagnummer": "9994", "zittingsjaar": "2024-2025", "publicatiedatum": "2024-10-22T09:00:00+02:00",
        "titel": "Bodycams voor controleurs van De Lijn",
        "onderwerp": "Bodycams voor controleurs en veiligheidspersoneel van De Lijn",
        "thema": ["Openbaar vervoer", "Veiligheid"], "asker": ("Pieter", "Voorbeeld"), "minister": ("Annick", "De Ridder"),
        "office": DE_RIDDER_OFFICE, "asked": ("2024-10-21", "21 oktober 2024"), "answered": None,
        "tijdig": None, "pfile": "9990904",
        "question": [
            "Dit is een geconstrueerde voorbeeldvraag (Kamerwacht testgegevens), geen echte parlementaire vraag.",
            "1. Plant De Lijn bodycams voor haar controleurs?",
            "2. Hoe lang zouden de beelden van die bodycams worden bewaard?",
        ],
    },
}
MALFORMED = "9990005"


def schv_json(sid: str, q: dict) -> dict:
    steps = [{"datum": f"{q['asked'][0]}T00:00:00+02:00", "status": "Vraag gesteld aan de minister", "document": None}]
    if q["answered"]:
        steps.append({"datum": f"{q['answered'][0]}T00:00:00+01:00", "status": q["answered"][1],
                      "document": {"bestandsnaam": f"pfile-{q['pfile']}.pdf", "url": DOCS + q["pfile"]}})
    return {
        "id": int(sid), "vraagnummer": q["vraagnummer"], "titel": q["titel"], "onderwerp": q["onderwerp"],
        "zittingsjaar": q["zittingsjaar"], "soort-antwoord": "Schriftelijk" if q["answered"] else None,
        "tijdig": q["tijdig"], "thema": q["thema"],
        "vraagsteller": {"id": 9990100 + int(sid[-1]), "voornaam": q["asker"][0], "naam": q["asker"][1]},
        "minister": {"id": 9990200 + int(sid[-1]), "voornaam": q["minister"][0], "naam": q["minister"][1]},
        "procedureverloop": steps,
        "bestand-ordered": [{"URL": DOCS + q["pfile"]}],
    }


def hit(sid: str, q: dict | None, published: str) -> dict:
    meta = {"soort": "SCHV", "aggregaattype": "Schriftelijke vraag", "opendata": f"{WS}/e/opendata/schv/{sid}",
            "publicatiedatum": published, "displayurl": SITE + sid}
    if q:
        meta.update({"vraagsteller": " ".join(q["asker"]), "minister": " ".join(q["minister"]), "nummer": q["vraagnummer"],
                     "onderwerp": q["onderwerp"], "document": DOCS + q["pfile"]})
    return {"id": f"{SITE}{sid}/pfls", "rank": 1, "index": 0, "snippet": "",
            "metatags": {"metatag": [{"name": k, "value": v} for k, v in meta.items()]}}


def search_path(leg: str) -> str:
    return f"{WS}/api/search/query/+inmeta:legislatuur={leg}&requiredfields={REQUIRED}"


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    manifest = []
    q = QUESTIONS
    pages = {
        ("2024-2029", "1"): {"count": 1, "result": [hit("9990004", q["9990004"], q["9990004"]["publicatiedatum"])]},
        ("2019-2024", "1"): {"count": 4, "result": [hit("9990003", q["9990003"], q["9990003"]["publicatiedatum"]),
                                                    hit("9990002", q["9990002"], q["9990002"]["publicatiedatum"])]},
        ("2019-2024", "2"): {"count": 4, "result": [hit("9990001", q["9990001"], q["9990001"]["publicatiedatum"]),
                                                    hit(MALFORMED, None, "2021-06-01T09:00:00+02:00")]},
    }
    for (leg, page), data in pages.items():
        name = f"search/{leg}-page-{page}.json"
        write_json(HERE / name, data)
        manifest.append({"url": search_path(leg), "match_params": {"page": page}, "file": name, "status": 200,
                         "content_type": "application/json;charset=UTF-8", "kind": "constructed",
                         "note": NOTE + f"Search API page {page} of legislature {leg} (newest first), "
                                        f"{len(data['result'])} of {data['count']} hits; split at 2 to exercise paging."})
    write_json(HERE / "search/empty.json", {"count": 0, "result": []})
    for leg in ("2014-2019", "2009-2014", "2004-2009"):
        manifest.append({"url": search_path(leg), "match_params": {"page": "1"}, "file": "search/empty.json", "status": 200,
                         "content_type": "application/json;charset=UTF-8", "kind": "constructed",
                         "note": f"CONSTRUCTED: no hits in legislature {leg} (the walk goes back to KAMERWACHT_CRAWL_SINCE)."})
    for sid, data in q.items():
        write_json(HERE / f"schv/{sid}.json", schv_json(sid, data))
        manifest.append({"url": f"{WS}/e/opendata/schv/{sid}", "file": f"schv/{sid}.json", "status": 200,
                         "content_type": "application/json;charset=UTF-8", "kind": "constructed",
                         "note": NOTE + f"schv record {sid}: {data['titel']} (to {' '.join(data['minister'])})."})
        pdf_name = f"pdf/pfile-{data['pfile']}.pdf"
        (HERE / "pdf").mkdir(exist_ok=True)
        if data.get("image_only"):
            body, what = image_only_pdf(), "image-only PDF (no text layer, like a scan)"
        else:
            paras = heading(data["vraagnummer"], data["asked"][1], " ".join(data["asker"]), " ".join(data["minister"]),
                            data["office"], data["titel"]) + data["question"]
            if "answer" in data:
                paras += answer_heading(data["vraagnummer"], data["asked"][1], " ".join(data["asker"]),
                                        " ".join(data["minister"]), data["office"]) + data["answer"]
            body = text_pdf(paras)
            what = "question and answer PDF" if "answer" in data else "question PDF (no answer yet)"
        (HERE / pdf_name).write_bytes(body)
        manifest.append({"url": DOCS + data["pfile"], "file": pdf_name, "status": 200, "content_type": "application/pdf",
                         "kind": "constructed", "note": NOTE + f"{what} of schv {sid}, written by build.py."})
    # A record cut off in transfer: quarantined, never guessed at.
    whole = json.dumps(schv_json(MALFORMED, {**q["9990001"], "vraagnummer": "9995"}), ensure_ascii=False)
    (HERE / f"schv/{MALFORMED}.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    manifest.append({"url": f"{WS}/e/opendata/schv/{MALFORMED}", "file": f"schv/{MALFORMED}.json", "status": 200,
                     "content_type": "application/json;charset=UTF-8", "kind": "constructed",
                     "note": "CONSTRUCTED: a schv record cut off halfway (malformed JSON), to be quarantined."})
    write_json(HERE / "manifest.json", {"source": "vlaamsparlement", "responses": manifest})


if __name__ == "__main__":
    main()
