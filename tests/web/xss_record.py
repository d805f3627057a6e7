"""A CONSTRUCTED record (not from any source) whose texts carry script and markup payloads.

It is indexed next to the replayed records so every page and endpoint that shows record text is
tested against untrusted input: the payloads must come out as visible text, never as markup.
Every field a page renders as text carries a payload; the footnote is a javascript: URL that
must not become a link.
"""

from __future__ import annotations

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
RECORD_ID = "2021Z00000"  # placeholder Zaak number: no real question has it

XSS_RECORD = {
    "id": RECORD_ID,
    "country": "NL",
    "parliament": "Tweede Kamer",
    "number": RECORD_ID,
    "title": f"Gezichtsherkenning op stations {SCRIPT}",
    "subject": f"gezichtsherkenning op stations {SCRIPT}",
    "language": "nl",
    "askers": [{"name": f"Testlid {IMG}", "party": "\"><svg onload=alert(1)>"}],
    "addressed_to": [f"Minister van Justitie en Veiligheid {IMG}"],
    "ministers": [{"name": f"Onbekende {IMG}", "role": "Minister van <b>Justitie</b> en Veiligheid",
                   "ministry": "Justitie en Veiligheid", "person_id": None, "co_signer": False}],
    "asked_on": "2021-03-04",
    "answered_on": "2021-04-01",
    "status": "answered",
    "questions": [
        {"number": 1, "text": f"Klopt het dat op stations gezichtsherkenning wordt getest? {SCRIPT} {IMG}"},
        {"number": 2, "text": "Wie heeft daarvoor toestemming gegeven?"},
    ],
    "answers": [
        {"numbers": [1, 2], "text": f"Nee. Er wordt geen gezichtsherkenning getest. {IMG}", "kind": "answer",
         "document_id": "ah-tk-20202021-0000"},
    ],
    "footnotes": ["javascript:alert(1)", f"https://example.org/\"{IMG}"],
    "documents": [
        {"kind": "question", "url": "https://zoek.officielebekendmakingen.nl/kv-tk-2021Z00000.html",
         "date": "2021-03-04", "id": "kv-tk-2021Z00000", "ministers": [], "fetched": True, "notice": None},
        {"kind": "answer", "url": "https://zoek.officielebekendmakingen.nl/ah-tk-20202021-0000.html",
         "date": "2021-04-01", "id": "ah-tk-20202021-0000",
         "ministers": [{"name": f"Onbekende {IMG}", "role": "Minister van <b>Justitie</b> en Veiligheid",
                        "ministry": "Justitie en Veiligheid", "person_id": None, "co_signer": False}],
         "fetched": True, "notice": f"Uitstel {SCRIPT}"},
    ],
    "tools": [{"id": "facial-recognition", "name": "Gezichtsherkenning (facial recognition)", "category": "biometrics"}],
    "provenance": {
        "url": "https://zoek.officielebekendmakingen.nl/kv-tk-2021Z00000.html",
        "fetched_at": "2021-04-02T10:00:00Z",
        "sha256": "0" * 64,
        "parser_version": "constructed",
        "kind": "constructed",
        "documents": [
            {"id": "kv-tk-2021Z00000", "url": "https://zoek.officielebekendmakingen.nl/kv-tk-2021Z00000.html",
             "fetched_url": "https://example.org/constructed", "fetched_at": "2021-04-02T10:00:00Z",
             "sha256": "0" * 64, "parser_version": "constructed", "kind": "constructed",
             "warc_file": None, "warc_offset": None, "reason": f"constructed test record {SCRIPT}"},
        ],
    },
    "postponed_on": None,
    "days_to_answer": 28,
}
