"""Belgian records in the index: both languages searchable, French analysed as French, party
labels joined across renames, the closed status, threads, and "the same subject elsewhere".
Part of the contract suite: runs on every backend of tests/search/conftest.py.

CONSTRUCTED: every text below was written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.model import (
    AnswerPart, Asker, DocumentProvenance, DocumentRef, Provenance, QuestionPart, Record, Translation,
    to_json,
)
from archive.vocabulary import default_vocabulary
from search import related
from search.model import SearchQuery

D = dt.date


def rec(id, parliament, country, language, title, question, *, asked, tools, translation=None, askers=None,
        status="answered", thread_key=None, answer=None, ministers=()):
    vocabulary = default_vocabulary()
    return to_json(Record(
        id=id, country=country, parliament=parliament, number=id, title=title, language=language,
        askers=askers or [Asker("Iemand", None)], addressed_to=["minister"], ministers=list(ministers),
        asked_on=asked, answered_on=None, status=status, questions=[QuestionPart(1, question)],
        answers=[AnswerPart([1], answer)] if answer else [], footnotes=[],
        documents=[DocumentRef("question", f"https://example.org/{id}", asked, id)],
        tools=[vocabulary.get(t).tool() for t in tools],
        provenance=Provenance(f"https://example.org/{id}", "2026-11-26T00:00:00Z", "0" * 64, "t-1", "constructed",
                              [DocumentProvenance(id, "u", "u", "t", "0" * 64, "t-1", "constructed")]),
        languages=[language] + ([translation.language] if translation else []),
        translations=[translation] if translation else [], thread_key=thread_key,
    ))


SENATE_NL = rec("sv-7-400", "Belgische Senaat", "BE", "nl", "Politie en Clearview AI",
                "Maakt de federale politie gebruik van gezichtsherkenning via Clearview AI?", asked=D(2020, 3, 10),
                tools=["clearview-ai", "facial-recognition"], askers=[Asker("Rik D'Hose", "Open Vld")],
                thread_key="sv-7-399",
                translation=Translation("fr", "La police et Clearview AI", questions=[QuestionPart(
                    1, "La police fédérale utilise-t-elle la reconnaissance faciale de Clearview AI ?")]))
SENATE_TWIN = rec("sv-7-401", "Belgische Senaat", "BE", "nl", "Politie en Clearview AI",
                  "Maakt de federale politie gebruik van gezichtsherkenning via Clearview AI?", asked=D(2020, 3, 10),
                  tools=["clearview-ai", "facial-recognition"], thread_key="sv-7-399")
BRUSSELS_FR = rec("prb-153438", "Brussels Parlement", "BE", "fr", "Les caméras de reconnaissance faciale",
                  "Les polices locales utilisent-elles des caméras de reconnaissance faciale, comme Clearview AI ?",
                  asked=D(2021, 9, 9), tools=["clearview-ai", "facial-recognition"])
TK_2021 = rec("2021Z14612", "Tweede Kamer", "NL", "nl", "Clearview bij de politie",
              "Heeft de politie Clearview gebruikt?", asked=D(2021, 2, 1), tools=["clearview-ai", "facial-recognition"])
TK_FAR = rec("2010Z00001", "Tweede Kamer", "NL", "nl", "Gezichtsherkenning in 2010",
             "Gebruikt de politie gezichtsherkenning?", asked=D(2010, 1, 1), tools=["facial-recognition"])
CHAMBER_CCTV = rec("qrva-55-1-9001", "Kamer van volksvertegenwoordigers", "BE", "nl", "Camera's op stations",
                   "Hoeveel camera's hangen er op stations? Is er cameratoezicht met gezichtsherkenning?",
                   asked=D(2020, 6, 1), tools=["facial-recognition", "cctv"], askers=[Asker("Anna", "sp.a")])
CLOSED = rec("sv-5-3751", "Belgische Senaat", "BE", "nl", "Gezichtsscan op luchthavens",
             "Komt er een gezichtsscan met gezichtsherkenning?", asked=D(2011, 11, 21), tools=["facial-recognition"],
             status="closed", askers=[Asker("Bart Tommelein", "Open Vld")])
VOORUIT = rec("vp-schv-9990001", "Vlaams Parlement", "BE", "nl", "Drones boven Gent",
              "Zet de politie drones in?", asked=D(2023, 3, 1), tools=["drones"], askers=[Asker("X Y", "Vooruit")])
ALL = [SENATE_NL, SENATE_TWIN, BRUSSELS_FR, TK_2021, TK_FAR, CHAMBER_CCTV, CLOSED, VOORUIT]


@pytest.fixture
def be_engine(writer):
    assert writer.upsert(ALL) == len(ALL)
    return writer


def found(engine, **kw):
    return {h.id for h in engine.search(SearchQuery(per_page=100, **kw)).hits}


def test_a_record_in_two_languages_is_found_from_either(be_engine):
    assert "sv-7-400" in found(be_engine, q="reconnaissance faciale")
    assert "sv-7-400" in found(be_engine, q="gezichtsherkenning")
    assert "prb-153438" in found(be_engine, q="reconnaissance faciale")


def test_french_is_analysed_as_french(be_engine):
    # "caméra" (singular, no accent) finds "caméras" in a French record through the French stemmer.
    assert "prb-153438" in found(be_engine, q="camera reconnaissance")
    assert "prb-153438" in found(be_engine, q="utilisent")


def test_highlights_come_from_the_translation_when_only_it_matches(be_engine):
    hit = next(h for h in be_engine.search(SearchQuery(q="reconnaissance")).hits if h.id == "sv-7-400")
    assert any("<mark>reconnaissance</mark>" in f for f in hit.highlights)


def test_language_filter_counts_a_bilingual_record_for_both(be_engine):
    assert "sv-7-400" in found(be_engine, filters={"language": ("fr",)})
    assert "sv-7-400" in found(be_engine, filters={"language": ("nl",)})
    assert "sv-7-401" not in found(be_engine, filters={"language": ("fr",)})


def test_party_facet_joins_old_and_new_labels(be_engine):
    result = be_engine.search(SearchQuery(filters={"country": ("BE",)}))
    parties = {f.value: f.count for f in result.facets["party"]}
    assert parties["Vooruit"] == 2  # "sp.a" (2020) and "Vooruit" (2023)
    assert "sp.a" not in parties
    assert found(be_engine, filters={"party": ("Vooruit",)}) == {"qrva-55-1-9001", "vp-schv-9990001"}


def test_closed_is_a_status(be_engine):
    assert found(be_engine, filters={"status": ("closed",)}) == {"sv-5-3751"}


def test_the_thread_finds_the_same_question_sent_to_other_ministers(be_engine):
    assert [r["id"] for r in related.thread(be_engine, SENATE_NL)] == ["sv-7-401"]
    assert related.thread(be_engine, BRUSSELS_FR) == []


def test_the_same_subject_elsewhere_is_other_parliaments_within_a_year_best_first(be_engine):
    matches = related.elsewhere(be_engine, BRUSSELS_FR)
    # Other parliaments naming its tools within a year of 2021-09-09: only the TK question of
    # 2021-02-01 (the Senate and Chamber questions of 2020 are more than a year away).
    assert [m.record["id"] for m in matches] == ["2021Z14612"]
    assert matches[0].shared_tools == ["clearview-ai", "facial-recognition"] and matches[0].days_apart == 220
    senate = [m.record["id"] for m in related.elsewhere(be_engine, SENATE_NL)]
    # Never its own parliament (the twin 7-401 and the closed 5-3751 are Senate records).
    assert senate == ["2021Z14612", "qrva-55-1-9001"]


def test_rarer_shared_tools_rank_higher_than_nearer_dates(be_engine):
    ranked = {m.record["id"]: m for m in related.elsewhere(be_engine, SENATE_NL)}
    # The Chamber question is nearer in time (83 days) but shares only facial recognition; the
    # TK question (328 days) also shares Clearview AI, the rarer tool.
    assert ranked["qrva-55-1-9001"].days_apart == 83 and ranked["2021Z14612"].days_apart == 328
    assert ranked["2021Z14612"].score > ranked["qrva-55-1-9001"].score


def test_nothing_elsewhere_without_tools_or_date(be_engine):
    assert related.elsewhere(be_engine, {**TK_2021, "tools": []}) == []
    assert related.elsewhere(be_engine, {**TK_2021, "asked_on": None}) == []


def test_a_tool_named_in_one_language_finds_records_in_the_other(be_engine):
    # TK_2021 is Dutch only and never says "reconnaissance faciale"; it is tagged with the tool.
    assert "2021Z14612" in found(be_engine, q="reconnaissance faciale")
    # ... and the French-only Brussels record is found by the Dutch name.
    assert "prb-153438" in found(be_engine, q="gezichtsherkenning")
    # Records whose text says the words rank above those found through the tag alone.
    order = [h.id for h in be_engine.search(SearchQuery(q="reconnaissance faciale", per_page=100)).hits]
    assert order.index("prb-153438") < order.index("2021Z14612")


def test_only_a_query_made_of_tool_names_is_widened(be_engine):
    from archive.vocabulary import default_vocabulary
    from search.query import parse, named_tools

    vocabulary = default_vocabulary()
    assert named_tools(parse("reconnaissance faciale"), vocabulary) == ("facial-recognition",)
    assert named_tools(parse("caméras ANPR"), vocabulary) == ("anpr",)
    assert named_tools(parse('"reconnaissance faciale"'), vocabulary) == ()  # exactly these words
    assert named_tools(parse("Clearview gezichtsherkenning"), vocabulary) == ("clearview-ai", "facial-recognition")
    assert named_tools(parse("Clearview politie"), vocabulary) == ()
    assert named_tools(parse("Clearview OR drones"), vocabulary) == ()
    assert named_tools(parse("-Clearview"), vocabulary) == ()
    # "politie" is no tool: a Dutch record is not found by French words plus "politie".
    assert "2021Z14612" not in found(be_engine, q="reconnaissance faciale politie")
