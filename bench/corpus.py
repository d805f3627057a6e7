"""Synthetic corpus of realistic records for the search benchmark (constructed data: every
record says so in provenance.kind and in its title prefix is nothing; the text is generated).

Records follow the contract shape (archive.model) with Dutch parliamentary phrasing, tools from
the vocabulary, ministers from the registry (resolved person ids), parties, NL and BE
parliaments, statuses and dates over 2008-2026. Deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Iterator

from archive.ministers import default_registry
from archive.vocabulary import default_vocabulary

PARTIES_NL = ["VVD", "D66", "GroenLinks", "PvdA", "GroenLinks-PvdA", "SP", "CDA", "PVV", "ChristenUnie", "PvdD",
              "SGP", "JA21", "Volt", "BBB", "NSC", "DENK", "FvD", "50PLUS"]
PARTIES_BE = ["N-VA", "Vooruit", "CD&V", "Open Vld", "Groen", "Ecolo", "PS", "MR", "PVDA-PTB", "Vlaams Belang"]
SURNAMES = ["Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
            "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
            "Verhoeven", "Buitenweg", "Van Ginneken", "Kathmann", "Omtzigt", "Van Nispen", "Peeters", "Maes",
            "Janssens", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Martin"]
# Everyday parliamentary Dutch around the tool names: enough variety for realistic term statistics.
WORDS = ("de het een van in op te voor met dat die is niet aan er zijn bij ook of om als door naar over "
         "kunt u aangeven hoeveel waarom wanneer welke bent bereid informeren kamer minister politie gemeente "
         "gegevens burgers privacy rechtbank officier justitie onderzoek inzet gebruik wettelijke grondslag "
         "toezicht toezichthouder autoriteit persoonsgegevens bericht krant artikel verzoek beantwoording "
         "maatregelen evaluatie rapport inspectie veiligheid criminaliteit opsporing verdachten slachtoffers "
         "beelden camera's systemen software leverancier contract aanbesteding kosten miljoen euro jaar jaren "
         "afgelopen komende periode landelijke regionale eenheid korps experiment pilot proef resultaten "
         "bevindingen risico's grondrechten discriminatie algoritme algoritmes data opslag bewaartermijn "
         "vernietigd verwijderd gedeeld partners buitenland europese richtlijn verordening wetsvoorstel "
         "nota ministerie departement kabinet beleid standpunt reactie antwoord vragen vraag eerder debat "
         "motie toezegging brief voortgang stand zaken mogelijk noodzakelijk proportioneel subsidiair").split()


def _sentence(rng: random.Random, tools: list[str], n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    if tools and rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(tools))
    return " ".join(words).capitalize()


def generate(n: int, seed: int = 42) -> Iterator[dict]:
    rng = random.Random(seed)
    vocabulary = default_vocabulary()
    registry = default_registry()
    entries = list(vocabulary.entries)
    people = [p for p in registry.people() if p.terms]
    for i in range(n):
        be = rng.random() < 0.3
        entry_sample = rng.sample(entries, rng.choice([1, 1, 1, 2, 3]))
        tool_words = [rng.choice(e.aliases.get("nl") or e.aliases["en"]) for e in entry_sample]
        asked = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(365 * 18))
        status = rng.choices(["answered", "postponed", "open"], [0.8, 0.08, 0.12])[0]
        days = rng.randrange(10, 120)
        answered = asked + dt.timedelta(days=days) if status == "answered" else None
        person = rng.choice(people)
        term = person.terms[rng.randrange(len(person.terms))]
        nq = rng.randrange(2, 9)
        questions = [{"number": k + 1, "text": _sentence(rng, tool_words, rng.randrange(12, 30)) + "?"}
                     for k in range(nq)]
        answers = ([{"numbers": [k + 1], "text": ". ".join(_sentence(rng, tool_words, rng.randrange(10, 25))
                                                            for _ in range(rng.randrange(1, 4))) + ".",
                     "kind": "answer", "document_id": f"syn-a-{i}"} for k in range(nq)] if answered else [])
        party = rng.choice(PARTIES_BE if be else PARTIES_NL)
        askers = [{"name": rng.choice(SURNAMES), "party": party} for _ in range(rng.choice([1, 1, 2, 3]))]
        ministers = ([{"name": person.name, "role": term.role, "ministry": term.ministry, "person_id": person.id,
                       "co_signer": False}] if answered else [])
        subject = f"{rng.choice(tool_words)} bij de {rng.choice(['politie', 'gemeente', 'marechaussee', 'inlichtingendiensten'])}"
        yield {
            "id": f"syn-{i:07d}", "country": "BE" if be else "NL",
            "parliament": rng.choice(["Kamer", "Senaat", "Vlaams Parlement"]) if be else "Tweede Kamer",
            "number": str(i), "title": subject.capitalize(), "language": "nl", "askers": askers,
            "addressed_to": [term.role], "ministers": ministers, "asked_on": asked.isoformat(),
            "answered_on": answered.isoformat() if answered else None, "status": status,
            "questions": questions, "answers": answers, "footnotes": [],
            "documents": [{"kind": "question", "url": f"https://example.org/syn/{i}", "date": asked.isoformat(),
                           "id": f"syn-q-{i}", "ministers": [], "fetched": True, "notice": None}],
            "tools": [{"id": e.id, "name": e.name, "category": e.category} for e in entry_sample],
            "provenance": {"url": f"https://example.org/syn/{i}", "fetched_at": "2026-11-26T00:00:00Z",
                           "sha256": "0" * 64, "parser_version": "synthetic", "kind": "constructed",
                           "documents": []},
            "subject": subject, "postponed_on": None, "days_to_answer": days if answered else None,
        }


def write(path: Path, n: int, seed: int = 42) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for record in generate(n, seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
