"""Minister registry: who held which office on which day, and name/role resolution.

The data lives in ``data/registry/ministers-*.yaml`` (format described in the header of
``ministers-nl.yaml``). Every parsed document asks this module who signed it, so loading
builds folded lookup tables once and a resolution is a handful of dict lookups.

Two ways in:

* by name, as printed ("Minister Grapperhaus", "D. Yeşilgöz-Zegerius", "Yesilgoz"): the
  person, plus the term they held on the document's date (``None`` when the date is outside
  all of their terms, e.g. a later reference to a former minister);
* by role ("de Minister van Justitie en Veiligheid"): everyone holding that office on the day.
  Offices are keyed by ministry *id*, so renamed ministries ("Veiligheid en Justitie" before
  2017-10-26, "Justitie en Veiligheid" after) are one office history.

The Dutch role grammar ("Minister van <ministry>", "Minister voor <portfolio>",
"Staatssecretaris van <ministry>") is applied to country "NL" only. Other countries (the
Belgian governments, a later issue) are matched on the exact role strings and ``role_aliases``
of their data, which is what their bilingual, government-specific titles need.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "registry"
SCHEMA_VERSION = 1

# Titles a term may carry, per country. Belgian terms are written in Dutch (the `role`) with
# the French text as a role alias; the French titles are listed so a French-language file or
# term can use them too.
TITLES: dict[str, frozenset[str]] = {
    "NL": frozenset({"Minister", "Staatssecretaris", "Minister-President"}),
    "BE": frozenset({
        "Eerste Minister", "Vice-eersteminister", "Minister", "Staatssecretaris",
        "Premier ministre", "Vice-Premier ministre", "Ministre", "Secrétaire d'État",
    }),
}
# An office with one of these titles can have several holders at once: Schoof had two
# staatssecretarissen at J&V (Coenradie and Struycken). Every other office has one holder.
SHARED_TITLES = frozenset({"Staatssecretaris"})

Office = tuple[str, ...]


class RegistryError(ValueError):
    """A registry file is malformed or contradicts itself."""


# --- public records ------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    title: str  # Minister / Staatssecretaris / Minister-President
    role: str  # as official texts write it: "Minister van Justitie en Veiligheid"
    ministry: str  # the ministry's name on the term's start date
    start: dt.date
    end: dt.date | None  # inclusive; None = in office on the file's valid_through date
    cabinet: str  # cabinet id, e.g. "nl-rutte-3"
    country: str
    acting: bool = False  # ad interim / waarnemend / "belast met het beheer"
    party: str | None = None  # party on whose behalf this term was held
    ministry_id: str = ""
    office: Office = ()  # identity of the office for role lookups and overlap checks
    uncertain: tuple[str, ...] = ()  # "start"/"end": best available day, not a verified one
    note: str | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    surname: str
    variants: tuple[str, ...]
    party: str | None
    country: str
    terms: tuple[Term, ...]
    initials: str | None = None  # as official texts print it: "F.B.J. Grapperhaus"

    def term_on(self, day: dt.date) -> Term | None:
        """The term held on ``day``. When two overlap (a second portfolio, a hand-over day)
        the substantive one wins over an acting one, then the one that started last."""
        return _best_term(self.terms, day, _NO_HINTS)


@dataclass(frozen=True)
class Resolution:
    person: Person
    term: Term | None  # term held on that date (None if the date is outside every term)


@dataclass(frozen=True)
class MinistryName:
    name: str
    abbreviations: tuple[str, ...]
    start: dt.date | None  # [start, end): the day the name came into use ...
    end: dt.date | None  # ... and the day it was replaced

    def in_use(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Ministry:
    id: str
    country: str
    names: tuple[MinistryName, ...]
    merged_into: str | None = None

    def name_on(self, day: dt.date) -> str | None:
        for entry in self.names:
            if entry.in_use(day):
                return entry.name
        return None


@dataclass(frozen=True)
class Cabinet:
    id: str
    name: str
    country: str
    government: str
    start: dt.date
    end: dt.date | None


# --- folding -----------------------------------------------------------------------------

_SPECIAL_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "ß": "ss",
     "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"}
)
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_DASHES = re.compile(r"[-‐‑‒–—]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes, hyphens as spaces: "Yeşilgöz-Zegerius" and
    "yesilgoz zegerius", "Van 't Wout" and "van t wout" fold alike. Keeps periods and commas,
    which the name and role parsers still need."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    lowered = _APOSTROPHES.sub("", bare.lower())
    return _SPACES.sub(" ", _DASHES.sub(" ", lowered)).strip()


def _key(text: str) -> str:
    return fold(text).replace(".", "").strip()


# --- name parsing --------------------------------------------------------------------------

# Words that precede a name in headers and signatures ("Antwoord van Minister ...",
# "oud-minister", "de heer"); only stripped in front of the name.
_TITLE_WORDS = frozenset(
    "minister ministers staatssecretaris staatssecretarissen premier viceminister "
    "vicepremier president oud demissionair mevrouw mevr mw heer dhr excellentie".split()
)
_ARTICLES = frozenset({"de", "het"})
_HONORIFICS = frozenset("mr drs dr prof ir ing ds bc ba ma msc mba llm phd".split())
_DEGREE_SUFFIXES = frozenset("msc ma mba llm bsc ba phd".split())
_INITIALS = re.compile(r"^(?:[a-z]{1,2}\.)+$")
_GLUED_INITIALS = re.compile(r"^((?:[a-z]{1,2}\.)+)([a-z][a-z.]{2,})$")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class _ParsedName:
    tokens: tuple[str, ...]
    initials: str  # first letters of the initials given, "fbj"
    title: str | None = None  # the title printed before the name, if any


def _initial_letters(token: str) -> str:
    return "".join(part[0] for part in token.split(".") if part)


def _parse_name(text: str) -> _ParsedName:
    raw = [t for t in fold(text).replace(",", " ").split() if t]
    tokens: list[str] = []
    for token in raw:
        glued = _GLUED_INITIALS.match(token)  # "f.b.j.grapperhaus"
        tokens.extend(glued.groups() if glued else (token,))
    dropped: list[str] = []
    while tokens:  # leading titles, "de" before a title, honorifics ("mr.", "mr.dr.")
        head, bare = tokens[0], tokens[0].replace(".", "")
        parts = [p for p in head.split(".") if p]
        next_bare = tokens[1].replace(".", "") if len(tokens) > 1 else ""
        if bare in _TITLE_WORDS or (head in _ARTICLES and next_bare in _TITLE_WORDS):
            dropped.append(bare)
            tokens.pop(0)
        elif parts and all(p in _HONORIFICS for p in parts) and len(tokens) > 1:
            tokens.pop(0)
        else:
            break
    while tokens and tokens[-1].replace(".", "") in _DEGREE_SUFFIXES:
        tokens.pop()
    initials = "".join(_initial_letters(t) for t in tokens if _INITIALS.match(t))
    names = tuple(t.replace(".", "") for t in tokens if not _INITIALS.match(t))
    return _ParsedName(tuple(t for t in names if t), initials, _printed_title(dropped))


def _printed_title(words: list[str]) -> str | None:
    """The title printed before a name: in "Staatssecretaris Rutte" it tells which Rutte."""
    if "staatssecretaris" in words:
        return "Staatssecretaris"
    if "premier" in words or ("minister" in words and "president" in words):
        return "Minister-President"
    return "Minister" if "minister" in words else None


# --- hints ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hints:
    offices: frozenset[Office] = frozenset()
    ministries: frozenset[str] = frozenset()
    portfolios: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.offices or self.ministries or self.portfolios or self.titles)

    def score(self, term: Term) -> int:
        score = 0
        if term.office in self.offices:
            score += 4
        portfolio = term.office[-1] if len(term.office) == 4 and term.office[2] == "voor" else None
        if term.ministry_id in self.ministries or (portfolio and portfolio in self.portfolios):
            score += 2
        if term.title in self.titles:
            score += 1
        return score

    def merged(self, other: "_Hints") -> "_Hints":
        return _Hints(
            self.offices | other.offices,
            self.ministries | other.ministries,
            self.portfolios | other.portfolios,
            self.titles | other.titles,
        )


_NO_HINTS = _Hints()


def _best_term(terms: Iterable[Term], day: dt.date, hints: _Hints) -> Term | None:
    active = [t for t in terms if t.covers(day)]
    if not active:
        return None
    return max(active, key=lambda t: (hints.score(t), not t.acting, t.start))


def _title_hint(title: str | None) -> frozenset[str]:
    if not title:
        return frozenset()
    folded = _key(title)
    if folded in ("minister president", "premier"):
        return frozenset({"Minister-President"})
    if folded == "minister":
        return frozenset({"Minister", "Minister-President"})
    if folded == "staatssecretaris":
        return frozenset({"Staatssecretaris"})
    return frozenset({title})  # other countries: their titles as written in the data


# --- loading -------------------------------------------------------------------------------

_HEADER_KEYS = {"schema", "country", "coverage_start", "valid_through", "compiled", "sources",
                "notes", "cabinets", "ministries", "portfolios", "people"}
_CABINET_KEYS = {"id", "name", "country", "government", "start", "end"}
_MINISTRY_KEYS = {"id", "country", "names", "merged_into", "note"}
_NAME_KEYS = {"name", "abbreviations", "from", "to"}
_PORTFOLIO_KEYS = {"id", "country", "names", "note"}
_PERSON_KEYS = {"id", "name", "surname", "initials", "variants", "party", "country", "terms", "note"}
_TERM_KEYS = {"title", "role", "ministry", "start", "end", "cabinet", "acting", "party",
              "role_aliases", "uncertain", "overlap_ok", "note"}
_ID = re.compile(r"^[a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")


def _where(source: str, what: str) -> str:
    return f"{source}: {what}"


def _mapping(value: Any, keys: set[str], where: str, required: Iterable[str]) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise RegistryError(f"{where}: expected a mapping, got {type(value).__name__}")
    unknown = set(value) - keys
    if unknown:
        raise RegistryError(f"{where}: unknown keys {sorted(unknown)}")
    missing = [k for k in required if k not in value]
    if missing:
        raise RegistryError(f"{where}: missing keys {missing}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RegistryError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RegistryError(f"{where}: expected a non-empty string, got {value!r}")
    return value.strip()


def _maybe_text(value: Any, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _date(value: Any, where: str) -> dt.date:
    # PyYAML reads an unquoted 2017-10-26 as a date; a quoted one or a datetime is a mistake.
    if type(value) is not dt.date:
        raise RegistryError(f"{where}: expected a date (YYYY-MM-DD), got {value!r}")
    return value


def _maybe_date(value: Any, where: str) -> dt.date | None:
    return None if value is None else _date(value, where)


def _texts(value: Any, where: str) -> tuple[str, ...]:
    return tuple(_text(v, where) for v in _list(value, where))


@dataclass
class _RawPerson:
    data: Mapping[str, Any]
    country: str
    where: str


class _Tables:
    """Everything read from the files before people are built: cabinets, ministries,
    portfolios, and the header facts."""

    def __init__(self) -> None:
        self.cabinets: dict[str, Cabinet] = {}
        self.ministries: dict[str, Ministry] = {}
        self.ministry_names: dict[tuple[str, str], str] = {}  # (country, folded name/abbr) -> id
        self.portfolios: dict[tuple[str, str], str] = {}  # (country, folded name) -> id
        self.portfolio_ids: set[str] = set()
        self.valid_through: dict[str, dt.date] = {}
        self.people: list[_RawPerson] = []

    def read(self, path: Path) -> None:
        where = str(path)
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise RegistryError(f"{where}: not valid YAML: {error}") from error
        header = _mapping(document, _HEADER_KEYS, where, ("schema", "country", "valid_through"))
        if header["schema"] != SCHEMA_VERSION:
            raise RegistryError(f"{where}: schema {header['schema']!r}, expected {SCHEMA_VERSION}")
        country = _text(header["country"], _where(where, "country"))
        valid = _date(header["valid_through"], _where(where, "valid_through"))
        previous = self.valid_through.get(country)
        # Several files of one country: the registry is only as current as the oldest.
        self.valid_through[country] = min(previous, valid) if previous else valid
        for index, item in enumerate(_list(header.get("cabinets"), _where(where, "cabinets"))):
            self._cabinet(item, country, _where(where, f"cabinets[{index}]"))
        for index, item in enumerate(_list(header.get("ministries"), _where(where, "ministries"))):
            self._ministry(item, country, _where(where, f"ministries[{index}]"))
        for index, item in enumerate(_list(header.get("portfolios"), _where(where, "portfolios"))):
            self._portfolio(item, country, _where(where, f"portfolios[{index}]"))
        for index, item in enumerate(_list(header.get("people"), _where(where, "people"))):
            data = _mapping(item, _PERSON_KEYS, _where(where, f"people[{index}]"),
                            ("id", "name", "surname", "terms"))
            person_country = data.get("country", country)
            self.people.append(_RawPerson(data, person_country, _where(where, f"person {data['id']}")))

    def _cabinet(self, item: Any, country: str, where: str) -> None:
        data = _mapping(item, _CABINET_KEYS, where, ("id", "name", "government", "start", "end"))
        cabinet = Cabinet(
            id=self._new_id(data["id"], self.cabinets, where),
            name=_text(data["name"], where),
            country=data.get("country", country),
            government=_text(data["government"], where),
            start=_date(data["start"], where),
            end=_maybe_date(data["end"], where),
        )
        if cabinet.end is not None and cabinet.end < cabinet.start:
            raise RegistryError(f"{where}: cabinet ends before it starts")
        self.cabinets[cabinet.id] = cabinet

    def _ministry(self, item: Any, country: str, where: str) -> None:
        data = _mapping(item, _MINISTRY_KEYS, where, ("id", "names"))
        ministry_id = self._new_id(data["id"], self.ministries, where)
        names = []
        for index, entry in enumerate(_list(data["names"], where)):
            name_where = f"{where}.names[{index}]"
            raw = _mapping(entry, _NAME_KEYS, name_where, ("name", "from", "to"))
            name = MinistryName(
                name=_text(raw["name"], name_where),
                abbreviations=_texts(raw.get("abbreviations"), name_where),
                start=_maybe_date(raw["from"], name_where),
                end=_maybe_date(raw["to"], name_where),
            )
            if name.start and name.end and name.end <= name.start:
                raise RegistryError(f"{name_where}: name period ends before it starts")
            names.append(name)
        if not names:
            raise RegistryError(f"{where}: a ministry needs at least one name")
        ministry_country = data.get("country", country)
        for name in names:
            for label in (name.name, *name.abbreviations):
                key = (ministry_country, _key(label))
                owner = self.ministry_names.setdefault(key, ministry_id)
                if owner != ministry_id:
                    raise RegistryError(f"{where}: name {label!r} already belongs to {owner}")
        self.ministries[ministry_id] = Ministry(
            ministry_id, ministry_country, tuple(names), data.get("merged_into")
        )

    def _portfolio(self, item: Any, country: str, where: str) -> None:
        data = _mapping(item, _PORTFOLIO_KEYS, where, ("id", "names"))
        portfolio_id = _text(data["id"], where)
        if portfolio_id in self.portfolio_ids or not _ID.match(portfolio_id):
            raise RegistryError(f"{where}: duplicate or malformed portfolio id {portfolio_id!r}")
        self.portfolio_ids.add(portfolio_id)
        for name in _texts(data["names"], where):
            key = (data.get("country", country), _key(name))
            if self.portfolios.setdefault(key, portfolio_id) != portfolio_id:
                raise RegistryError(f"{where}: portfolio name {name!r} used twice")

    def check_references(self) -> None:
        for ministry in self.ministries.values():
            if ministry.merged_into and ministry.merged_into not in self.ministries:
                raise RegistryError(
                    f"ministry {ministry.id}: merged_into unknown ministry {ministry.merged_into!r}"
                )

    @staticmethod
    def _new_id(value: Any, existing: Mapping[str, Any], where: str) -> str:
        ident = _text(value, where)
        if not _ID.match(ident):
            raise RegistryError(f"{where}: malformed id {ident!r} (expected e.g. 'nl-rutte-3')")
        if ident in existing:
            raise RegistryError(f"{where}: duplicate id {ident!r}")
        return ident

    # -- lookups shared by loading and resolution --

    def ministry_id(self, country: str, name: str) -> str | None:
        folded = _key(name)
        for prefix in ("ministerie van ", "ministerie voor ", "het ministerie van "):
            if folded.startswith(prefix):
                folded = folded[len(prefix):]
        return self.ministry_names.get((country, folded))

    def portfolio_id(self, country: str, name: str) -> str | None:
        return self.portfolios.get((country, _key(name)))


# --- the Dutch role grammar ----------------------------------------------------------------

_ROLE_CUT = re.compile(r"\s+[-–—]\s+|,")
_BARE_TITLE_WITH_PARENTHESIS = re.compile(r"^\s*(minister|staatssecretaris)\s*\(([^()]*)\)\s*$", re.I)
_NL_ROLE = re.compile(r"^(minister|staatssecretaris)\s+(van|voor)\s+(.+)$")
_NL_WITHOUT_PORTFOLIO = re.compile(
    r"^minister zonder portefeuille(?: belast met)?(?: de aangelegenheden betreffende)?\s+(.+)$"
)
_ACTING = re.compile(r"\b(?:a\.\s?i\.?|ad interim|waarnemend)(?=\s|$)")
_MP = re.compile(r"^(?:minister president|premier)\b")
_WITHOUT_PORTFOLIO_COMMA = re.compile(r"zonder portefeuille\s*,\s*", re.I)


def _role_text(role: str, country: str = "NL") -> str:
    """The folded role, reduced to its office: leading article, "a.i." and trailing
    qualifiers (", tevens viceminister-president", " - rechtsbescherming") removed."""
    bare = _BARE_TITLE_WITH_PARENTHESIS.match(role)
    if bare:  # "Minister (Justitie en Veiligheid)", the form of answer headers
        role = f"{bare.group(1)} van {bare.group(2)}"
    # "Minister zonder portefeuille, belast met ...": that comma is part of the office.
    role = _WITHOUT_PORTFOLIO_COMMA.sub("zonder portefeuille ", role)
    folded = fold(role)
    # Only the Netherlands has one Minister-President. Belgium has one per region ("Minister-
    # President van de Brusselse Hoofdstedelijke Regering", "... van de Vlaamse Regering") and
    # its "Premier ministre" is the federal Eerste Minister: their texts stay apart.
    if country == "NL" and _MP.match(_strip_article(folded)):
        return "minister president"
    head = _ROLE_CUT.split(role, maxsplit=1)[0]
    folded = _strip_article(fold(head))
    folded = _ACTING.sub("", folded)
    # Belgian texts write the Prime Minister both ways: "Vice-eersteminister" (Senate, Moniteur)
    # and "Vice-eerste minister" (older bulletins); no Dutch role contains "eerste minister".
    folded = _EERSTE_MINISTER.sub("eersteminister", folded)
    return _SPACES.sub(" ", folded.replace(".", " ")).strip()


_EERSTE_MINISTER = re.compile(r"\beerste minister\b")


def _strip_article(text: str) -> str:
    # French articles for the Belgian texts ("la ministre de l'Intérieur"); never the start of
    # a Dutch role, so harmless for the Dutch grammar.
    for article in ("de ", "het ", "aan de ", "la ", "le ", "a la ", "au "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _nl_offices(tables: _Tables, role: str) -> list[Office]:
    """Office keys for a Dutch role, most likely first. "van X" names a ministry and
    "voor X" a portfolio; each falls back to the other, because news reports and some
    announcements write "minister van" for ministers without a ministry, and Asiel en
    Migratie, VRO and KGG were ministries in one cabinet and portfolios in the next."""
    text = _role_text(role)
    if not text:
        return []
    if text == "minister president":
        ministry = tables.ministry_id("NL", "Algemene Zaken")
        return [("NL", "Minister", "van", ministry)] if ministry else []
    match = _NL_ROLE.match(text)
    without = _NL_WITHOUT_PORTFOLIO.match(text)
    if without:
        title, preposition, subject = "Minister", "voor", without.group(1)
    elif match:
        title = "Minister" if match.group(1) == "minister" else "Staatssecretaris"
        preposition, subject = match.group(2), match.group(3)
    else:  # the ministry alone ("Justitie en Veiligheid") stands for its minister
        title, preposition, subject = "Minister", "van", text
    subject = _strip_article(subject)
    ministry = tables.ministry_id("NL", subject)
    portfolio = tables.portfolio_id("NL", subject)
    by_ministry = [("NL", title, "van", ministry)] if ministry else []
    by_portfolio = [("NL", title, "voor", portfolio)] if portfolio else []
    return by_ministry + by_portfolio if preposition == "van" else by_portfolio + by_ministry


# --- the registry --------------------------------------------------------------------------


@dataclass(frozen=True)
class _TermExtras:
    """Data flags of a term that are not part of the public record."""

    role_aliases: tuple[str, ...] = ()
    overlap_ok: str | None = None  # the reason two holders may share the office


class Registry:
    """Loaded, validated registry with precomputed indexes; read-only after loading."""

    def __init__(self, tables: _Tables, people: list[Person], extras: Mapping[tuple[str, Term], _TermExtras]) -> None:
        self._tables = tables
        self._people: dict[str, Person] = {p.id: p for p in people}
        self._initials: dict[str, str] = {}
        self._holders: dict[Office, list[tuple[Person, Term]]] = defaultdict(list)
        self._extra_roles: dict[tuple[str, str], list[Office]] = defaultdict(list)
        names: dict[tuple[str, str], list[Person]] = defaultdict(list)
        for person in people:
            for key in _name_keys(person):
                names[(person.country, key)].append(person)
            self._initials[person.id] = _parse_name(person.initials).initials if person.initials else ""
            for term in person.terms:
                self._holders[term.office].append((person, term))
                roles = (term.role, *extras.get((person.id, term), _TermExtras()).role_aliases)
                for role in roles:
                    offices = self._extra_roles[(term.country, _role_text(role, term.country))]
                    if term.office not in offices:
                        offices.append(term.office)
        self._by_name: dict[tuple[str, str], tuple[Person, ...]] = {k: tuple(v) for k, v in names.items()}

    @classmethod
    def load(cls, paths: list[Path] | None = None) -> "Registry":
        """Read and validate registry files; default: every ministers-*.yaml in data/registry/."""
        files = sorted(DEFAULT_DIR.glob("ministers-*.yaml")) if paths is None else [Path(p) for p in paths]
        if not files:
            raise RegistryError(f"no registry files found (looked in {DEFAULT_DIR})")
        tables = _Tables()
        for path in files:
            tables.read(path)
        tables.check_references()
        people: list[Person] = []
        extras: dict[tuple[str, Term], _TermExtras] = {}
        for raw in tables.people:
            person, person_extras = _build_person(tables, raw)
            if any(p.id == person.id for p in people):
                raise RegistryError(f"{raw.where}: duplicate person id {person.id!r}")
            people.append(person)
            extras.update({(person.id, term): extra for term, extra in person_extras})
        _check_overlaps(people, extras)
        return cls(tables, people, extras)

    # -- records --

    def person(self, person_id: str) -> Person:
        return self._people[person_id]

    def people(self, country: str | None = "NL") -> tuple[Person, ...]:
        """The people of ``country`` (default NL, like every other lookup); None for all."""
        return tuple(p for p in self._people.values() if country is None or p.country == country)

    def valid_through(self, country: str = "NL") -> dt.date:
        """Last day the data of ``country`` is believed complete (KeyError if not loaded).
        A term with end None may have ended after it."""
        return self._tables.valid_through[country]

    def cabinet(self, cabinet_id: str) -> Cabinet:
        return self._tables.cabinets[cabinet_id]

    def ministry(self, name: str, *, country: str = "NL") -> Ministry | None:
        """The ministry behind any of its names or abbreviations, of any period."""
        ministry_id = self._tables.ministry_id(country, name)
        return self._tables.ministries[ministry_id] if ministry_id else None

    # -- resolution --

    def resolve_name(
        self,
        name: str,
        on: dt.date | None = None,
        *,
        ministry: str | None = None,
        title: str | None = None,
        country: str = "NL",
        government: str | None = None,
    ) -> Resolution | None:
        """The person a printed name refers to, with the term held on ``on``.

        ``ministry`` (a ministry name or abbreviation of any period, or a portfolio such as
        "Rechtsbescherming") and ``title`` choose between people sharing a surname and between
        a person's concurrent terms. A parenthesis in the name ("Grapperhaus (Justitie en
        Veiligheid)") serves as the ministry hint when none is given. None for unknown names
        and for names that stay ambiguous: the caller keeps the name as written."""
        hints = self._hints(ministry, title, country)
        return self._resolve_name(name, on, hints, keep_parenthesis_hint=not ministry, country=country,
                                  government=government)

    def resolve_role(self, role: str, on: dt.date, *, country: str = "NL",
                     government: str | None = None) -> list[Resolution]:
        """Everyone holding the office ``role`` names on ``on``: usually one, several for
        staatssecretarissen. On a hand-over day the incoming holder comes first.
        ``government`` ("federaal", "vlaams", "brussels") keeps only terms in that government's
        cabinets: Belgium has a "minister van Binnenlandse Zaken" in several of them."""
        holders, _ = self._role_holders(role, on, country, government)
        return [Resolution(person, term) for person, term in holders]

    def resolve(
        self,
        *,
        name: str | None,
        role: str | None,
        ministry: str | None,
        title: str | None,
        on: dt.date | None,
        country: str = "NL",
        government: str | None = None,
    ) -> Resolution | None:
        """Name first (the role then only picks the term and breaks surname ties), the role
        second. A role with several holders that day (two staatssecretarissen) gives None.
        ``government`` limits both to people with a term in that government."""
        if name:
            hints = self._hints(ministry, title, country)
            if role:
                hints = hints.merged(_Hints(offices=frozenset(self._offices(role, country))))
            found = self._resolve_name(name, on, hints, keep_parenthesis_hint=not ministry, country=country,
                                       government=government)
            if found:
                return found
        if on is None:
            return None
        query = role
        if not query and ministry and country == "NL":
            query = f"{title or 'Minister'} van {ministry}"
        if not query:
            return None
        holders, shared = self._role_holders(query, on, country, government)
        if not holders or (shared and len(holders) > 1):
            return None
        person, term = holders[0]
        return Resolution(person, term)

    # -- internals --

    def _offices(self, role: str, country: str) -> list[Office]:
        offices = _nl_offices(self._tables, role) if country == "NL" else []
        for office in self._extra_roles.get((country, _role_text(role, country)), ()):
            if office not in offices:
                offices.append(office)
        return offices

    def _in_government(self, term: Term, government: str | None) -> bool:
        return government is None or self._tables.cabinets[term.cabinet].government == government

    def _role_holders(self, role: str, on: dt.date, country: str,
                      government: str | None = None) -> tuple[list[tuple[Person, Term]], bool]:
        for office in self._offices(role, country):
            holders = [(p, t) for p, t in self._holders.get(office, ())
                       if t.covers(on) and self._in_government(t, government)]
            if holders:
                holders.sort(key=lambda pt: (pt[1].start, not pt[1].acting), reverse=True)
                holders = _one_per_person(holders)
                return holders, holders[0][1].title in SHARED_TITLES
        return [], False

    def _hints(self, ministry: str | None, title: str | None, country: str) -> _Hints:
        # An unknown ministry string is ignored, not an error: it comes from a document, and
        # a hint that cannot be used must not cost the name resolution.
        if not ministry:
            return _Hints(titles=_title_hint(title))
        ministry_id = self._tables.ministry_id(country, ministry)
        portfolio_id = self._tables.portfolio_id(country, ministry)
        offices = [] if ministry_id or portfolio_id else self._offices(ministry, country)
        return _Hints(
            offices=frozenset(offices),
            ministries=frozenset({ministry_id} if ministry_id else ()),
            portfolios=frozenset({portfolio_id} if portfolio_id else ()),
            titles=_title_hint(title),
        )

    def _resolve_name(
        self, name: str, on: dt.date | None, hints: _Hints, *, keep_parenthesis_hint: bool, country: str,
        government: str | None = None,
    ) -> Resolution | None:
        inner = _PARENTHESIS.search(name)
        if inner:
            if keep_parenthesis_hint:
                hints = hints.merged(self._hints(inner.group(1), None, country))
            name = _PARENTHESIS.sub(" ", name)
        parsed = _parse_name(name)
        if parsed.title and not hints.titles:
            hints = hints.merged(_Hints(titles=_title_hint(parsed.title)))
        candidates = self._candidates(parsed, country)
        if government is not None:
            candidates = tuple(p for p in candidates if any(self._in_government(t, government) for t in p.terms))
        if len(candidates) > 1 and parsed.initials:
            by_initials = tuple(p for p in candidates if self._initials[p.id].startswith(parsed.initials))
            candidates = by_initials or candidates
        person = _choose(candidates, on, hints)
        if person is None:
            return None
        terms = [t for t in person.terms if self._in_government(t, government)]
        return Resolution(person, _best_term(terms, on, hints) if on else None)

    def _candidates(self, parsed: _ParsedName, country: str) -> tuple[Person, ...]:
        # Longest suffix first: "Dilan Yeşilgöz-Zegerius" finds the full name, "Ferd
        # Grapperhaus" the surname. Particles and first names alone are never keys.
        tokens = parsed.tokens
        for start in range(len(tokens)):
            found = self._by_name.get((country, " ".join(tokens[start:])))
            if found:
                return found
        return ()


def _one_per_person(holders: list[tuple[Person, Term]]) -> list[tuple[Person, Term]]:
    """A person staying on across a cabinet change holds two terms on that day; keep the
    first (the incoming one, given the order of the caller)."""
    seen: set[str] = set()
    kept = []
    for person, term in holders:
        if person.id not in seen:
            seen.add(person.id)
            kept.append((person, term))
    return kept


def _choose(candidates: tuple[Person, ...], on: dt.date | None, hints: _Hints) -> Person | None:
    """One person out of those sharing a name: the one in office on the date, then the one
    whose terms fit the hints; None when that still leaves several."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    pool = list(candidates)
    if on is not None:
        active = [p for p in pool if any(t.covers(on) for t in p.terms)]
        pool = active or pool
    if len(pool) > 1 and hints:
        def fit(person: Person) -> int:
            terms = [t for t in person.terms if on is None or t.covers(on)] or list(person.terms)
            return max(hints.score(t) for t in terms)

        best = max(fit(p) for p in pool)
        if best > 0:
            pool = [p for p in pool if fit(p) == best]
    return pool[0] if len(pool) == 1 else None


def _name_keys(person: Person) -> set[str]:
    keys = {_key(person.name), _key(person.surname)}
    keys.update(_key(v) for v in person.variants)
    # A double surname is often printed by its first half: "Yeşilgöz", "Bijleveld", "Hennis".
    for surname in (person.surname, *person.variants):
        if "-" in surname:
            keys.add(_key(surname.split("-")[0]))
    return {k for k in keys if k}


# --- building people -----------------------------------------------------------------------


def _build_person(tables: _Tables, raw: _RawPerson) -> tuple[Person, list[tuple[Term, _TermExtras]]]:
    data, where, country = raw.data, raw.where, raw.country
    ident = _text(data["id"], where)
    if not _ID.match(ident) or not ident.startswith(country.lower() + "-"):
        raise RegistryError(f"{where}: malformed id {ident!r} (expected '{country.lower()}-<slug>')")
    # A country also needs a loaded file of its own: its valid_through bounds every term (and
    # without it a person of that country in another country's file would end in a KeyError).
    if country not in TITLES or country not in tables.valid_through:
        raise RegistryError(
            f"{where}: no titles defined for country {country!r} in this load (it needs an entry "
            f"in TITLES and a loaded file with 'country: {country}' in its header)"
        )
    party = _maybe_text(data.get("party"), f"{where}.party")
    built = [
        _build_term(tables, item, country, party, f"{where}.terms[{index}]")
        for index, item in enumerate(_list(data["terms"], f"{where}.terms"))
    ]
    if not built:
        raise RegistryError(f"{where}: a person needs at least one term")
    person = Person(
        id=ident,
        name=_text(data["name"], f"{where}.name"),
        surname=_text(data["surname"], f"{where}.surname"),
        variants=_texts(data.get("variants"), f"{where}.variants"),
        party=party,
        country=country,
        terms=tuple(sorted((term for term, _ in built), key=lambda t: (t.start, t.role))),
        initials=_maybe_text(data.get("initials"), f"{where}.initials"),
    )
    return person, built


def _build_term(tables: _Tables, item: Any, country: str, party: str | None, where: str) -> tuple[Term, _TermExtras]:
    data = _mapping(item, _TERM_KEYS, where, ("title", "role", "ministry", "start", "end", "cabinet"))
    title = _text(data["title"], f"{where}.title")
    role = _text(data["role"], f"{where}.role")
    ministry = _text(data["ministry"], f"{where}.ministry")
    start = _date(data["start"], f"{where}.start")
    end = _maybe_date(data["end"], f"{where}.end")
    if title not in TITLES[country]:
        raise RegistryError(f"{where}: unknown title {title!r} for {country}")
    if not role.startswith(title):
        raise RegistryError(f"{where}: role {role!r} does not start with its title {title!r}")
    if end is not None and end < start:
        raise RegistryError(f"{where}: term ends ({end}) before it starts ({start})")
    cabinet = _term_cabinet(tables, data["cabinet"], country, start, end, where)
    ministry_id = _term_ministry(tables, ministry, country, start, where)
    acting = data.get("acting", False)
    if not isinstance(acting, bool):
        raise RegistryError(f"{where}: acting must be true or false")
    uncertain = _texts(data.get("uncertain"), f"{where}.uncertain")
    if set(uncertain) - {"start", "end"}:
        raise RegistryError(f"{where}: uncertain may only list 'start' and 'end'")
    term = Term(
        title=title,
        role=role,
        ministry=ministry,
        start=start,
        end=end,
        cabinet=cabinet.id,
        country=country,
        acting=acting,
        party=_maybe_text(data.get("party"), f"{where}.party") or party,
        ministry_id=ministry_id,
        office=_term_office(tables, country, title, role, ministry, ministry_id, where),
        uncertain=uncertain,
        note=_maybe_text(data.get("note"), f"{where}.note"),
    )
    extras = _TermExtras(
        role_aliases=_texts(data.get("role_aliases"), f"{where}.role_aliases"),
        overlap_ok=_maybe_text(data.get("overlap_ok"), f"{where}.overlap_ok"),
    )
    return term, extras


def _term_cabinet(tables: _Tables, cabinet_id: Any, country: str, start: dt.date, end: dt.date | None, where: str) -> Cabinet:
    cabinet = tables.cabinets.get(cabinet_id)
    if cabinet is None:
        raise RegistryError(f"{where}: unknown cabinet {cabinet_id!r}")
    if cabinet.country != country:
        raise RegistryError(f"{where}: cabinet {cabinet.id} belongs to {cabinet.country}, not {country}")
    after_cabinet = cabinet.end is not None and (end is None or end > cabinet.end)
    if start < cabinet.start or after_cabinet:
        raise RegistryError(f"{where}: term {start}..{end} lies outside cabinet {cabinet.id}")
    valid = tables.valid_through[country]
    if start > valid or (end is not None and end > valid):
        raise RegistryError(f"{where}: term {start}..{end} goes beyond valid_through {valid}")
    return cabinet


def _term_ministry(tables: _Tables, ministry: str, country: str, start: dt.date, where: str) -> str:
    ministry_id = tables.ministry_id(country, ministry)
    if ministry_id is None:
        raise RegistryError(f"{where}: unknown ministry {ministry!r}")
    in_use = tables.ministries[ministry_id].name_on(start)
    if in_use != ministry:
        raise RegistryError(f"{where}: ministry was called {in_use!r} on {start}, not {ministry!r}")
    return ministry_id


def _term_office(tables: _Tables, country: str, title: str, role: str, ministry: str, ministry_id: str, where: str) -> Office:
    """The office of a term, checked against the term's own title and ministry."""
    if country != "NL":
        return (country, title, "role", _role_text(role, country))
    offices = _nl_offices(tables, role)
    if not offices:
        raise RegistryError(f"{where}: role {role!r} names no known ministry or portfolio")
    office = offices[0]
    if office[1] != ("Minister" if title == "Minister-President" else title):
        raise RegistryError(f"{where}: role {role!r} is not a {title} role")
    if office[2] == "van":
        if office[3] != ministry_id:
            raise RegistryError(f"{where}: role {role!r} names another ministry than {ministry!r}")
        named = _NL_ROLE.match(_role_text(role))
        if named and _key(_strip_article(named.group(3))) != _key(ministry):
            raise RegistryError(f"{where}: role {role!r} uses another name than {ministry!r}")
    return office


def _check_overlaps(people: list[Person], extras: Mapping[tuple[str, Term], _TermExtras]) -> None:
    """One holder at a time for every office whose title is not shared (SHARED_TITLES). Two
    terms may share their boundary day (a hand-over); a term with overlap_ok may overlap."""
    by_office: dict[Office, list[tuple[Person, Term]]] = defaultdict(list)
    for person in people:
        for term in person.terms:
            if term.title not in SHARED_TITLES:
                by_office[term.office].append((person, term))
    for holders in by_office.values():
        holders.sort(key=lambda pt: pt[1].start)
        for index, (person, term) in enumerate(holders):
            for other_person, other in holders[index + 1:]:
                if not _conflict(term, other):
                    continue
                if extras.get((person.id, term), _TermExtras()).overlap_ok or extras.get(
                    (other_person.id, other), _TermExtras()
                ).overlap_ok:
                    continue
                raise RegistryError(
                    f"overlapping terms for {term.role!r}: {person.id} {term.start}..{term.end} "
                    f"and {other_person.id} {other.start}..{other.end}"
                )


def _conflict(a: Term, b: Term) -> bool:
    """True when two terms share more than a hand-over day."""
    far = dt.date.max
    first, last = max(a.start, b.start), min(a.end or far, b.end or far)
    if last < first:
        return False
    handover = first == last and (a.end == b.start or b.end == a.start)
    return not handover


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry of data/registry/, loaded on first use and cached."""
    return Registry.load()
