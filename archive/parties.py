"""Party labels across renames and languages.

Sources print a party as they like: "sp.a" before 2021 and "Vooruit" after, "PTB*PVDA" on
bilingual pages and "PVDA" on Dutch ones. The record keeps the label as written
(``askers[].party``); this module gives the one id behind it (``askers[].party_id``) and the
party's current name, so a facet, a filter or a figure counts one party once.
Data: ``data/registry/parties.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "registry" / "parties.yaml"
_NOISE = re.compile(r"[\s.\-*!_/]+")


class PartyError(ValueError):
    """The party file is malformed or contradicts itself."""


def label_key(label: str) -> str:
    """The matching key of a printed label: case, spaces and punctuation ignored."""
    return _NOISE.sub("", label).casefold()


@dataclass(frozen=True)
class Party:
    id: str
    country: str
    name: str
    labels: tuple[str, ...]


class Parties:
    def __init__(self, parties: list[Party]) -> None:
        self._by_id = {p.id: p for p in parties}
        self._by_key: dict[tuple[str, str], Party] = {}
        for p in parties:
            for label in (p.name, *p.labels):
                key = (p.country, label_key(label))
                other = self._by_key.get(key)
                if other is not None and other.id != p.id:
                    raise PartyError(f"label {label!r} belongs to both {other.id} and {p.id}")
                self._by_key[key] = p

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "Parties":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("schema") != 1 or not isinstance(data.get("parties"), list):
            raise PartyError(f"{path}: expected schema 1 with a list of parties")
        parties = []
        for i, item in enumerate(data["parties"]):
            missing = [k for k in ("id", "country", "name", "labels") if k not in item]
            if missing:
                raise PartyError(f"{path}: party #{i + 1} lacks {', '.join(missing)}")
            if item["country"] not in ("NL", "BE"):
                raise PartyError(f"{path}: party {item['id']}: country {item['country']!r} is not NL or BE")
            parties.append(Party(str(item["id"]), item["country"], str(item["name"]),
                                 tuple(str(x) for x in item["labels"])))
        if len({p.id for p in parties}) != len(parties):
            raise PartyError(f"{path}: duplicate party id")
        return cls(parties)

    def get(self, party_id: str) -> Party | None:
        return self._by_id.get(party_id)

    def find(self, label: str | None, country: str | None = None) -> Party | None:
        """The party a printed label names (in ``country`` when given, else in either)."""
        if not label or not label.strip():
            return None
        key = label_key(label)
        countries = (country,) if country else ("BE", "NL")
        for c in countries:
            found = self._by_key.get((c, key))
            if found:
                return found
        return None

    def resolve(self, label: str | None, country: str | None = None, on=None) -> str | None:
        """The party id of a printed label, or None when it is unknown (kept as written).
        ``on`` is accepted for symmetry with the minister registry; a label never names two
        parties at different times in these parliaments, so it is not needed."""
        found = self.find(label, country)
        return found.id if found else None

    def display(self, label: str | None, country: str | None = None) -> str | None:
        """The party's current name for a printed label; the label itself when unknown."""
        found = self.find(label, country)
        return found.name if found else (label.strip() if label and label.strip() else None)

    def all(self, country: str | None = None) -> list[Party]:
        return [p for p in self._by_id.values() if country is None or p.country == country]


@lru_cache(maxsize=1)
def default_parties() -> Parties:
    return Parties.load()
