"""Tests for the Flemish and Brussels minister registries (data/registry/ministers-be-flemish.yaml,
data/registry/ministers-be-brussels.yaml) and their resolution within their own government.

The French Brussels role texts below are the printed roles of real weblex questions
(/work/shared/reference/DOCUMENTS.md rows 20-32, with the dates of those rows); no question text
is reproduced. The other role strings are constructed lookups of the registry's own wordings.
"""

from __future__ import annotations

import datetime as dt

import pytest

from archive.ministers import DEFAULT_DIR, Registry, default_registry
from archive.parties import default_parties

D = dt.date
BE = "BE"
VL, BRU, FED = "vlaams", "brussels", "federaal"

# Printed roles (DOCUMENTS.md): row 20/22/24/26/30 (FR) and 21/23/31 (NL) Vervoort; 25/29
# Clerfayt; 27 Van den Brandt; 28 Maron; 32 Trachte.
VERVOORT_FR = ("Ministre-Président du Gouvernement de la Région de Bruxelles-Capitale (chargé du Développement "
               "territorial, Rénovation urbaine, Tourisme, Image de Bruxelles, Biculturel)")
VERVOORT_NL = ("Minister-President van de Brusselse Hoofdstedelijke regering (belast met Territoriale Ontwikkeling, "
               "Stadsvernieuwing, Toerisme, Imago van Brussel, Biculturele Zaken)")
CLERFAYT_FR = ("Ministre du Gouvernement de la Région de Bruxelles-Capitale (Emploi, Formation professionnelle, "
               "Transition numérique, Pouvoirs locaux, Bien-Être animal)")
VAN_DEN_BRANDT_FR = "Ministre du Gouvernement de la Région de Bruxelles-Capitale (Mobilité, Travaux publics, Sécurité routière)"
MARON_FR = ("Ministre du Gouvernement de la Région de Bruxelles-Capitale (Transition climatique, Environnement, "
            "Énergie, Démocratie participative)")
TRACHTE_FR = "Secrétaire d'État à la Région de Bruxelles-Capitale (Transition économique, Recherche scientifique)"

BRUSSELS_MP_NL = "Minister-President van de Brusselse Hoofdstedelijke Regering"
BRUSSELS_MP_FR = "Ministre-Président du Gouvernement de la Région de Bruxelles-Capitale"
FLEMISH_MP_NL = "Minister-president van de Vlaamse Regering"
FLEMISH_MP_FR = "Ministre-Président du Gouvernement flamand"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return default_registry()


def holders(registry: Registry, role: str, on: dt.date, government: str | None) -> list[str]:
    return [r.person.id for r in registry.resolve_role(role, on, country=BE, government=government)]


def resolved(registry: Registry, role: str, on: dt.date, government: str) -> str | None:
    found = registry.resolve(name=None, role=role, ministry=None, title=None, on=on, country=BE,
                             government=government)
    return found.person.id if found else None


# --- the files ------------------------------------------------------------------------------


def test_the_default_load_reads_both_regional_files(registry: Registry) -> None:
    assert (DEFAULT_DIR / "ministers-be-flemish.yaml").is_file()
    assert (DEFAULT_DIR / "ministers-be-brussels.yaml").is_file()
    fresh = Registry.load()  # not the cached one: the files themselves load and validate
    expected = {
        "be-vl-bourgeois": (VL, D(2014, 7, 25), D(2019, 10, 2)),
        "be-vl-jambon": (VL, D(2019, 10, 2), D(2024, 9, 30)),
        "be-vl-diependaele": (VL, D(2024, 9, 30), None),
        "be-bru-vervoort-2": (BRU, D(2014, 7, 20), D(2019, 7, 18)),
        "be-bru-vervoort-3": (BRU, D(2019, 7, 18), None),
    }
    for cabinet_id, (government, start, end) in expected.items():
        cabinet = fresh.cabinet(cabinet_id)
        assert (cabinet.country, cabinet.government, cabinet.start, cabinet.end) == (BE, government, start, end)
    # the oldest Belgian file bounds the country (see the headers): the federal one
    assert fresh.valid_through(BE) == D(2025, 2, 3)


REQUIRED = {
    BRU: ["be-rudi-vervoort", "be-bernard-clerfayt", "be-elke-van-den-brandt", "be-alain-maron",
          "be-barbara-trachte", "be-pascal-smet", "be-bianca-debaets"],
    VL: ["be-lydia-peeters", "be-bart-somers", "be-geert-bourgeois", "be-matthias-diependaele",
         "be-liesbeth-homans", "be-ben-weyts", "be-gwendolyn-rutten", "be-hilde-crevits", "be-annick-de-ridder"],
}


@pytest.mark.parametrize("government", [VL, BRU])
def test_required_people_hold_terms_only_in_their_government(registry: Registry, government: str) -> None:
    parties = default_parties()
    for person_id in REQUIRED[government]:
        person = registry.person(person_id)
        assert person.country == BE and person.terms, person_id
        assert {registry.cabinet(t.cabinet).government for t in person.terms} == {government}, person_id
        # every party label, the person's and each term's, is a known Belgian party
        for label in {person.party, *(t.party for t in person.terms)}:
            assert parties.find(label, BE) is not None, (person_id, label)


def test_no_person_is_in_two_files(registry: Registry) -> None:
    """One person id lives in one file: Jan Jambon is the federal file's, not the Flemish one's."""
    jambon = registry.person("be-jan-jambon")
    assert any(registry.cabinet(t.cabinet).government == FED for t in jambon.terms)
    regional = [p for p in registry.people(BE) if p.id in REQUIRED[VL] + REQUIRED[BRU]]
    assert len(regional) == len(REQUIRED[VL]) + len(REQUIRED[BRU])


@pytest.mark.parametrize("government", [VL, BRU])
def test_one_holder_per_domain_and_government(registry: Registry, government: str) -> None:
    """Minister-president terms carry overlap_ok (see the file headers), which switches the
    loader's own check off for them; this checks the data per government instead."""
    terms = [(p.id, t) for p in registry.people(BE) for t in p.terms
             if registry.cabinet(t.cabinet).government == government and t.title != "Staatssecretaris"]
    for index, (person_id, term) in enumerate(terms):
        for other_id, other in terms[index + 1:]:
            if other.ministry_id != term.ministry_id or other_id == person_id:
                continue
            first, last = max(term.start, other.start), min(term.end or D.max, other.end or D.max)
            assert last < first or (first == last and (term.end == other.start or other.end == term.start)), (
                person_id, other_id, term.ministry)


# --- roles, by date, within their government ------------------------------------------------

ROLES = [
    # Brussels, printed roles of the DOCUMENTS.md rows, on their answer dates
    (VERVOORT_FR, D(2020, 2, 3), BRU, "be-rudi-vervoort"),  # row 20
    (VERVOORT_NL, D(2020, 2, 18), BRU, "be-rudi-vervoort"),  # row 21
    (VERVOORT_FR, D(2021, 11, 4), BRU, "be-rudi-vervoort"),  # row 24
    (CLERFAYT_FR, D(2022, 3, 31), BRU, "be-bernard-clerfayt"),  # row 25
    (VAN_DEN_BRANDT_FR, D(2022, 5, 23), BRU, "be-elke-van-den-brandt"),  # row 27
    (MARON_FR, D(2022, 6, 1), BRU, "be-alain-maron"),  # row 28
    (CLERFAYT_FR, D(2022, 5, 18), BRU, "be-bernard-clerfayt"),  # row 29
    (TRACHTE_FR, D(2021, 11, 25), BRU, "be-barbara-trachte"),  # row 32
    # Brussels, the bare titles in both languages, in both Vervoort governments
    (BRUSSELS_MP_NL, D(2016, 3, 1), BRU, "be-rudi-vervoort"),
    (BRUSSELS_MP_FR, D(2016, 3, 1), BRU, "be-rudi-vervoort"),
    (BRUSSELS_MP_FR, D(2023, 7, 20), BRU, "be-rudi-vervoort"),
    ("Brussels minister van Mobiliteit", D(2016, 3, 1), BRU, "be-pascal-smet"),
    ("Brussels minister van Mobiliteit", D(2021, 3, 1), BRU, "be-elke-van-den-brandt"),
    # Flanders: minister-presidents, with the July 2019 hand-over inside one cabinet
    (FLEMISH_MP_NL, D(2016, 3, 1), VL, "be-geert-bourgeois"),
    (FLEMISH_MP_FR, D(2016, 3, 1), VL, "be-geert-bourgeois"),
    (FLEMISH_MP_NL, D(2019, 8, 1), VL, "be-liesbeth-homans"),
    (FLEMISH_MP_NL, D(2025, 1, 10), VL, "be-matthias-diependaele"),
    # Flanders: home affairs and mobility, official and short forms
    ("Vlaams minister van Binnenlands Bestuur", D(2016, 3, 1), VL, "be-liesbeth-homans"),
    ("Vlaams minister van Binnenlands Bestuur", D(2019, 8, 1), VL, "be-liesbeth-homans"),
    ("viceminister-president van de Vlaamse Regering en Vlaams minister van Binnenlands Bestuur, "
     "Bestuurszaken, Inburgering en Gelijke Kansen", D(2021, 3, 1), VL, "be-bart-somers"),
    ("Vlaams minister van Binnenlands Bestuur, Bestuurszaken, Inburgering en Gelijke Kansen", D(2024, 2, 1), VL,
     "be-gwendolyn-rutten"),
    ("Vlaams minister van Binnenlands Bestuur", D(2025, 1, 10), VL, "be-hilde-crevits"),
    ("Vlaams minister van Mobiliteit en Openbare Werken", D(2021, 3, 1), VL, "be-lydia-peeters"),
    ("Minister van Mobiliteit en Openbare Werken", D(2021, 3, 1), VL, "be-lydia-peeters"),
    ("Vlaams minister van Mobiliteit", D(2016, 3, 1), VL, "be-ben-weyts"),
    ("Vlaams minister van Mobiliteit", D(2021, 3, 1), VL, "be-lydia-peeters"),
    ("Vlaams minister van Mobiliteit", D(2025, 1, 10), VL, "be-annick-de-ridder"),
]


@pytest.mark.parametrize(("role", "on", "government", "expected"), ROLES)
def test_roles_resolve_within_their_government(registry: Registry, role: str, on: dt.date, government: str,
                                               expected: str) -> None:
    assert holders(registry, role, on, government) == [expected]
    assert resolved(registry, role, on, government) == expected


@pytest.mark.parametrize(
    ("role", "before", "change", "after"),
    [
        # Brussels mobility: Vervoort II -> III on 2019-07-18
        ("Brussels minister van Mobiliteit", "be-pascal-smet", D(2019, 7, 18), "be-elke-van-den-brandt"),
        # Flemish home affairs: Bourgeois -> Jambon on 2019-10-02
        ("Vlaams minister van Binnenlands Bestuur", "be-liesbeth-homans", D(2019, 10, 2), "be-bart-somers"),
        # Flemish mobility: Jambon -> Diependaele on 2024-09-30
        ("Vlaams minister van Mobiliteit", "be-lydia-peeters", D(2024, 9, 30), "be-annick-de-ridder"),
    ],
)
def test_a_government_change_gives_the_outgoing_and_the_incoming_holder(
        registry: Registry, role: str, before: str, change: dt.date, after: str) -> None:
    government = registry.cabinet(registry.person(after).terms[0].cabinet).government
    day = dt.timedelta(days=1)
    assert holders(registry, role, change - day, government) == [before]
    # on the hand-over day both held the office: the incoming holder comes first (the outgoing
    # one is listed too when both wordings are one office for the loader)
    on_the_day = holders(registry, role, change, government)
    assert on_the_day[0] == after and set(on_the_day) <= {after, before}
    assert resolved(registry, role, change, government) == after
    assert holders(registry, role, change + day, government) == [after]


def test_the_minister_president_hand_over_inside_the_bourgeois_cabinet(registry: Registry) -> None:
    assert holders(registry, FLEMISH_MP_NL, D(2019, 7, 1), VL) == ["be-geert-bourgeois"]
    assert holders(registry, FLEMISH_MP_NL, D(2019, 7, 2), VL) == ["be-liesbeth-homans"]
    [end] = {t.end for t in registry.person("be-geert-bourgeois").terms}
    assert end == D(2019, 7, 1) and registry.person("be-geert-bourgeois").terms[0].uncertain == ("end",)


def test_the_gap_after_somers_is_left_open(registry: Registry) -> None:
    role = "Vlaams minister van Binnenlands Bestuur"
    assert holders(registry, role, D(2023, 11, 6), VL) == ["be-bart-somers"]
    assert holders(registry, role, D(2023, 11, 7), VL) == []
    assert holders(registry, role, D(2023, 11, 8), VL) == ["be-gwendolyn-rutten"]


def test_outside_every_term_nobody_holds_the_role(registry: Registry) -> None:
    # before the coverage of the files (Vervoort I, Peeters I)
    assert holders(registry, VAN_DEN_BRANDT_FR, D(2014, 1, 1), BRU) == []
    assert holders(registry, BRUSSELS_MP_FR, D(2014, 1, 1), BRU) == []
    # the printed mobility role names the office, so it finds Van den Brandt's predecessor
    assert holders(registry, VAN_DEN_BRANDT_FR, D(2018, 1, 1), BRU) == ["be-pascal-smet"]
    assert holders(registry, "Vlaams minister van Mobiliteit en Openbare Werken", D(2018, 1, 1), VL) == []
    assert holders(registry, "Ministre de la Magie de la Région de Bruxelles-Capitale", D(2021, 1, 1), BRU) == []


# --- never across governments ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "on", "home"),
    [
        (CLERFAYT_FR, D(2022, 3, 31), BRU),
        (VAN_DEN_BRANDT_FR, D(2022, 5, 23), BRU),
        (TRACHTE_FR, D(2021, 11, 25), BRU),
        ("Brussels minister van Mobiliteit", D(2021, 3, 1), BRU),
        ("Vlaams minister van Mobiliteit", D(2021, 3, 1), VL),
        ("Vlaams minister van Binnenlands Bestuur", D(2021, 3, 1), VL),
        ("Eerste Minister", D(2016, 3, 1), FED),
        ("minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel", D(2020, 3, 10), FED),
    ],
)
def test_a_role_is_not_resolved_in_another_government(registry: Registry, role: str, on: dt.date, home: str) -> None:
    assert holders(registry, role, on, home)  # it has a holder in its own government ...
    for government in {VL, BRU, FED} - {home}:  # ... and none in the others
        assert holders(registry, role, on, government) == [], government
        assert resolved(registry, role, on, government) is None, government


@pytest.mark.parametrize(
    ("role", "on", "other"),
    [
        (BRUSSELS_MP_NL, D(2016, 3, 1), VL),
        (VERVOORT_NL, D(2020, 2, 18), FED),
        (FLEMISH_MP_NL, D(2016, 3, 1), BRU),
        (FLEMISH_MP_NL, D(2016, 3, 1), FED),
        # the French titles are distinct texts, but aliases of the shared office
        (VERVOORT_FR, D(2025, 1, 10), VL),
        (BRUSSELS_MP_FR, D(2016, 3, 1), VL),
        (FLEMISH_MP_FR, D(2016, 3, 1), BRU),
    ],
)
def test_a_minister_president_title_is_not_resolved_in_another_government(
        registry: Registry, role: str, on: dt.date, other: str) -> None:
    assert holders(registry, role, on, other) == []


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "on", "government", "expected"),
    [
        ("Vervoort", D(2020, 2, 3), BRU, "be-rudi-vervoort"),
        ("Rudi Vervoort", D(2021, 11, 4), BRU, "be-rudi-vervoort"),
        ("Rudi Vervoort", D(2016, 3, 1), BRU, "be-rudi-vervoort"),
        ("Bernard Clerfayt", D(2022, 3, 31), BRU, "be-bernard-clerfayt"),
        ("Elke Van den Brandt", D(2022, 5, 23), BRU, "be-elke-van-den-brandt"),
        ("Van den Brandt", D(2022, 5, 23), BRU, "be-elke-van-den-brandt"),
        ("Alain Maron", D(2022, 6, 1), BRU, "be-alain-maron"),
        ("Barbara Trachte", D(2021, 11, 25), BRU, "be-barbara-trachte"),
        ("Peeters", D(2021, 3, 1), VL, "be-lydia-peeters"),
        ("Lydia Peeters", D(2021, 3, 1), VL, "be-lydia-peeters"),
        ("Somers", D(2021, 3, 1), VL, "be-bart-somers"),
        ("Diependaele", D(2025, 1, 10), VL, "be-matthias-diependaele"),
        ("Annick De Ridder", D(2025, 1, 10), VL, "be-annick-de-ridder"),
    ],
)
def test_names_resolve_by_date_within_their_government(registry: Registry, name: str, on: dt.date,
                                                       government: str, expected: str) -> None:
    found = registry.resolve_name(name, on, country=BE, government=government)
    assert found is not None and found.person.id == expected
    assert found.term is not None and found.term.covers(on)
    assert registry.cabinet(found.term.cabinet).government == government
    via_resolve = registry.resolve(name=name, role=None, ministry=None, title=None, on=on, country=BE,
                                   government=government)
    assert via_resolve is not None and via_resolve.person.id == expected


def test_the_term_of_the_date_is_given(registry: Registry) -> None:
    peeters = registry.resolve_name("Peeters", D(2021, 3, 1), country=BE, government=VL)
    assert peeters.term.role == "Minister van Mobiliteit en Openbare Werken"
    assert peeters.term.ministry == "Mobiliteit en Openbare Werken (Vlaanderen)"
    # Homans held home affairs throughout and was minister-president from 2019-07-02: the later
    # (minister-president) term wins on a day she held both, the ministry hint picks the other
    homans = registry.resolve_name("Homans", D(2019, 8, 1), country=BE, government=VL)
    assert homans.term.ministry == "Minister-President (Vlaanderen)"
    hinted = registry.resolve_name("Homans", D(2019, 8, 1), ministry="Binnenlands Bestuur", country=BE, government=VL)
    assert hinted.term.ministry == "Binnenlands Bestuur (Vlaanderen)"
    before = registry.resolve_name("Homans", D(2016, 3, 1), country=BE, government=VL)
    assert before.term.ministry == "Binnenlands Bestuur (Vlaanderen)"
    # Vervoort's two governments, and his security portfolio on a ministry hint
    assert registry.resolve_name("Vervoort", D(2016, 3, 1), country=BE, government=BRU).term.cabinet == "be-bru-vervoort-2"
    assert registry.resolve_name("Vervoort", D(2022, 3, 1), country=BE, government=BRU).term.cabinet == "be-bru-vervoort-3"
    security = registry.resolve_name("Vervoort", D(2022, 3, 1), ministry="Sécurité et Prévention (Bruxelles)",
                                     country=BE, government=BRU)
    assert security.term.ministry == "Veiligheid en Preventie (Brussel)"


def test_a_name_is_not_resolved_in_another_government(registry: Registry) -> None:
    assert registry.resolve_name("Peeters", D(2021, 3, 1), country=BE, government=BRU) is None
    assert registry.resolve_name("Rudi Vervoort", D(2021, 11, 4), country=BE, government=VL) is None
    assert registry.resolve_name("Clerfayt", D(2022, 3, 31), country=BE, government=FED) is None
    assert registry.resolve(name="Van den Brandt", role=None, ministry=None, title=None, on=D(2022, 5, 23),
                            country=BE, government=VL) is None
    # and Belgian names are not Dutch ones
    assert registry.resolve_name("Vervoort", D(2020, 2, 3)) is None


def test_a_name_outside_its_terms_has_no_term(registry: Registry) -> None:
    # Lydia Peeters was a Flemish minister in 2019 too (Financiën; not recorded): known, no term
    found = registry.resolve_name("Lydia Peeters", D(2019, 3, 1), country=BE, government=VL)
    assert found is not None and found.person.id == "be-lydia-peeters" and found.term is None


def test_jambon_is_the_flemish_minister_president_2019_2024(registry: Registry) -> None:
    assert holders(registry, FLEMISH_MP_NL, D(2021, 3, 1), VL) == ["be-jan-jambon"]
    found = registry.resolve_name("Jambon", D(2021, 3, 1), country=BE, government=VL)
    assert found is not None and found.term is not None and found.term.cabinet == "be-vl-jambon"
