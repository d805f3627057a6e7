"""Tests for the Belgian federal minister registry (data/registry/ministers-be-federal.yaml)
and the loader's Belgian role matching.

The role texts and dates are facts of real Senate questions (DOCUMENTS.md rows 39, 41, 42, 43,
46); no question text is reproduced. Other role strings below are constructed lookups.
"""

from __future__ import annotations

import datetime as dt

import pytest

from archive.ministers import Registry, default_registry

D = dt.date
BE = "BE"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return default_registry()


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Van Quickenborne", "Vincent Van Quickenborne", "vincent van quickenborne", "Minister Van Quickenborne"]
)
def test_van_quickenborne_by_name(registry: Registry, name: str) -> None:
    found = registry.resolve_name(name, D(2022, 6, 2), country=BE)
    assert found is not None and found.person.id == "be-vincent-van-quickenborne"
    assert found.term is not None and found.term.role == "Vice-eersteminister en minister van Justitie en Noordzee"


def test_belgian_names_are_not_found_as_dutch(registry: Registry) -> None:
    assert registry.resolve_name("Van Quickenborne", D(2022, 6, 2)) is None


def test_shared_surname_michel_is_chosen_by_date(registry: Registry) -> None:
    assert registry.resolve_name("Michel", D(2016, 1, 1), country=BE).person.id == "be-charles-michel"
    assert registry.resolve_name("Michel", D(2022, 1, 1), country=BE).person.id == "be-mathieu-michel"
    assert registry.resolve_name("Mathieu Michel", D(2016, 1, 1), country=BE).person.id == "be-mathieu-michel"


def test_accents_are_folded(registry: Registry) -> None:
    assert registry.resolve_name("Wilmes", D(2020, 4, 1), country=BE).person.id == "be-sophie-wilmes"
    assert registry.resolve_name("Maxime Prevot", D(2025, 3, 1), country=BE).person.id == "be-maxime-prevot"


def test_person_with_two_offices_gets_the_term_of_the_date(registry: Registry) -> None:
    de_croo = registry.resolve_name("Alexander De Croo", D(2016, 1, 1), country=BE)
    assert de_croo is not None and de_croo.term is not None and de_croo.term.ministry == "Digitale Agenda"
    later = registry.resolve_name("De Croo", D(2022, 1, 1), country=BE)
    assert later is not None and later.term is not None and later.term.title == "Eerste Minister"
    verlinden = registry.resolve_name("Verlinden", D(2025, 6, 1), country=BE)
    assert verlinden is not None and verlinden.term is not None and verlinden.term.ministry == "Justitie"


# --- roles of real Senate questions ----------------------------------------------------------

SENATE = [
    # row 39, 7-1648: bilingual print, both role texts
    ("vice-eersteminister en minister van Justitie en Noordzee", D(2022, 6, 2), "be-vincent-van-quickenborne"),
    ("vice-premier ministre et ministre de la Justice et de la Mer du Nord", D(2022, 6, 2), "be-vincent-van-quickenborne"),
    # row 41, 7-400 and row 42, 7-480
    ("minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel", D(2020, 3, 10), "be-pieter-de-crem"),
    ("minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel", D(2020, 4, 20), "be-pieter-de-crem"),
    # row 43, 7-481
    ("minister van Digitale Agenda, Telecommunicatie en Post, belast met Administratieve "
     "Vereenvoudiging, Bestrijding van de sociale fraude, Privacy en Noordzee", D(2020, 4, 20), "be-philippe-de-backer"),
    # row 46, 7-1870
    ("minister van Defensie", D(2023, 1, 26), "be-ludivine-dedonder"),
]


@pytest.mark.parametrize(("role", "on", "expected"), SENATE)
def test_senate_roles(registry: Registry, role: str, on: dt.date, expected: str) -> None:
    found = registry.resolve_role(role, on, country=BE)
    assert [r.person.id for r in found] == [expected]
    assert registry.resolve(name=None, role=role, ministry=None, title=None, on=on, country=BE).person.id == expected


@pytest.mark.parametrize(
    ("role", "on", "expected"),
    [
        # French texts, feminine forms and the article a French sentence puts before them
        ("ministre de la Sécurité et de l'Intérieur, chargé du Commerce extérieur", D(2020, 3, 10), "be-pieter-de-crem"),
        ("la ministre de l'Intérieur, des Réformes institutionnelles et du Renouveau démocratique", D(2021, 5, 1), "be-annelies-verlinden"),
        ("minister van Binnenlandse Zaken, Institutionele Hervormingen en Democratische Vernieuwing", D(2021, 5, 1), "be-annelies-verlinden"),
        ("ministre de la Défense", D(2023, 1, 26), "be-ludivine-dedonder"),
        ("Première ministre", D(2020, 5, 1), "be-sophie-wilmes"),
        ("Premier ministre", D(2016, 5, 1), "be-charles-michel"),
        ("Eerste Minister", D(2025, 3, 1), "be-bart-de-wever"),
        ("secrétaire d'État à la Digitalisation, chargé de la Simplification administrative", D(2022, 1, 1), "be-mathieu-michel"),
        ("staatssecretaris voor Bestrijding van de sociale fraude, Privacy en Noordzee", D(2017, 1, 1), "be-philippe-de-backer"),
        ("staatssecretaris voor Bestrijding van de sociale fraude, Privacy en Noordzee", D(2015, 1, 1), "be-bart-tommelein"),
        # the older spelling "vice-eerste minister" (Senate bulletins)
        ("Vice-eerste minister en minister van Justitie en Noordzee", D(2024, 1, 10), "be-paul-van-tigchelt"),
        ("Vice-eersteminister en minister van Veiligheid en Binnenlandse Zaken, belast met de Regie der Gebouwen", D(2016, 3, 22), "be-jan-jambon"),
        # one role text, successive holders
        ("Minister van Defensie, belast met Ambtenarenzaken", D(2018, 11, 20), "be-sander-loones"),
        ("Minister van Defensie, belast met Ambtenarenzaken", D(2018, 1, 1), "be-steven-vandeput"),
        # Defence held inside a Foreign Affairs role
        ("minister van Defensie", D(2019, 3, 1), "be-didier-reynders"),
        ("minister van Defensie", D(2020, 1, 15), "be-philippe-goffin"),
        ("Minister van Veiligheid en Binnenlandse Zaken, belast met Beliris", D(2025, 2, 10), "be-bernard-quintin"),
    ],
)
def test_belgian_roles(registry: Registry, role: str, on: dt.date, expected: str) -> None:
    assert [r.person.id for r in registry.resolve_role(role, on, country=BE)] == [expected]


def test_roles_outside_terms_or_unknown_give_nobody(registry: Registry) -> None:
    justice = "vice-eersteminister en minister van Justitie en Noordzee"
    assert registry.resolve_role(justice, D(2019, 1, 1), country=BE) == []
    assert registry.resolve_role("ministre de la Magie", D(2022, 1, 1), country=BE) == []
    # a Belgian role asked as Dutch: the NL grammar does not know it
    assert registry.resolve_role(justice, D(2022, 6, 2)) == []


def test_ministry_hint_picks_the_term(registry: Registry) -> None:
    found = registry.resolve_name("Reynders", D(2019, 3, 1), ministry="Défense", country=BE)
    assert found is not None and found.term is not None and found.term.ministry == "Defensie"


def test_uncertain_dates_are_marked(registry: Registry) -> None:
    [term] = registry.person("be-vincent-van-quickenborne").terms
    assert term.end == D(2023, 10, 20) and term.uncertain == ("end",)
    [term] = registry.person("be-paul-van-tigchelt").terms
    assert term.start == D(2023, 10, 23) and "start" in term.uncertain


# --- the data file -------------------------------------------------------------------------

PARTIES = {"MR", "N-VA", "CD&V", "Open Vld", "PS", "Les Engagés", "DéFI", "Groen", "Ecolo", "Vooruit"}


def test_data_every_person_and_term_is_sane(registry: Registry) -> None:
    people = registry.people(BE)
    assert len({p.id for p in people}) == len(people) >= 23
    assert all(p.id.startswith("nl-") for p in registry.people())  # the NL default is unchanged
    assert len(registry.people(None)) == len(registry.people()) + len(people)
    valid = registry.valid_through(BE)
    assert valid == D(2025, 2, 3)
    for person in people:
        assert person.id.startswith("be-") and person.terms and person.party in PARTIES, person.id
        for term in person.terms:
            assert term.end is None or term.start < term.end, (person.id, term)
            assert term.end is None or term.end <= valid
            cabinet = registry.cabinet(term.cabinet)
            assert cabinet.country == BE and cabinet.start <= term.start
            assert cabinet.end is None or (term.end is not None and term.end <= cabinet.end)


def test_data_no_two_holders_of_one_portfolio(registry: Registry) -> None:
    """Per policy domain (Belgian roles differ in wording, so the role-text offices the loader
    checks are narrower): one minister at a time, the hand-over day excepted."""
    terms = [(p, t) for p in registry.people(BE) for t in p.terms if t.title != "Staatssecretaris"]
    for index, (person, term) in enumerate(terms):
        for other_person, other in terms[index + 1:]:
            if other.ministry_id != term.ministry_id or other_person.id == person.id:
                continue
            first, last = max(term.start, other.start), min(term.end or D.max, other.end or D.max)
            hand_over = first == last and (term.end == other.start or other.end == term.start)
            assert last < first or hand_over, (person.id, term, other_person.id, other)


EXPECTED_GAPS = {
    # Between Van Quickenborne's resignation and Van Tigchelt's oath (both days uncertain).
    "be-justitie": [(D(2023, 10, 21), D(2023, 10, 22))],
}


@pytest.mark.parametrize(
    "ministry", ["be-premier", "be-binnenlandse-zaken", "be-justitie", "be-defensie", "be-buitenlandse-zaken"]
)
def test_data_every_day_has_a_minister(registry: Registry, ministry: str) -> None:
    start, end = D(2014, 10, 11), registry.valid_through(BE)
    spans = sorted(
        (t.start, t.end or end)
        for p in registry.people(BE)
        for t in p.terms
        if t.ministry_id == ministry and t.title != "Staatssecretaris"
    )
    gaps, covered_until = [], start - dt.timedelta(days=1)
    for first, last in spans:
        if first > covered_until + dt.timedelta(days=1):
            gaps.append((covered_until + dt.timedelta(days=1), first - dt.timedelta(days=1)))
        covered_until = max(covered_until, last)
    assert covered_until >= end
    assert gaps == EXPECTED_GAPS.get(ministry, [])
