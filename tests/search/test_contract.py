"""THE search engine contract: every backend (fixture ``engine``/``writer``, parametrised in
conftest.py) must pass all of it. The corpus (tests/search/corpus.py) is constructed text; the
expected answers are computed from the records themselves where that is possible."""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest

from search.model import FACETS, QueryError, SearchQuery
from tests.search.corpus import BY_ID, CORPUS, XSS_IMG, XSS_SCRIPT, all_text, where


def found(engine, q: str = "", **kwargs) -> set[str]:
    result = engine.search(SearchQuery(q=q, per_page=100, facets=False, highlight=False, **kwargs))
    assert result.total == len(result.hits), "the corpus is smaller than one page"
    return {h.id for h in result.hits}


def ranked(engine, q: str = "", **kwargs) -> list[str]:
    result = engine.search(SearchQuery(q=q, per_page=100, facets=False, highlight=False, **kwargs))
    return [h.id for h in result.hits]


def facet(result, name: str) -> dict[str, int]:
    return {v.value: v.count for v in result.facets[name]}


def signer_ids(record: dict) -> set[str]:
    ministers = list(record["ministers"]) + [m for d in record["documents"] for m in d["ministers"]]
    return {m["person_id"] or m["name"] for m in ministers}


# --- storage ---------------------------------------------------------------------------------

def test_count_and_get_round_trip(engine):
    assert engine.count() == len(CORPUS)
    for record in CORPUS:
        assert engine.get(record["id"]) == record
    assert engine.get("no-such-id") is None


def test_hits_carry_the_stored_record(engine):
    result = engine.search(SearchQuery(q="Clearview"))
    assert result.hits
    for hit in result.hits:
        assert hit.record == BY_ID[hit.id]


def test_iter_records_gives_every_record_once(engine):
    records = list(engine.iter_records())
    assert sorted(r["id"] for r in records) == sorted(BY_ID)
    assert all(r == BY_ID[r["id"]] for r in records)


def test_upsert_replaces_and_delete_removes(writer, reader_for):
    assert writer.upsert(CORPUS) == len(CORPUS)
    reader = reader_for()
    changed = copy.deepcopy(BY_ID["2023Z05555"])
    assert found(reader, "demonstraties") == {changed["id"]}
    changed["title"] = changed["subject"] = "Luchtballonnen boven het Binnenhof"
    changed["questions"][0]["text"] = "Hoe vaak zet de politie luchtballonnen in?"
    assert writer.upsert([changed]) == 1
    for engine in (writer, reader):  # visible to the writer and to a separate read-only engine
        assert engine.count() == len(CORPUS)
        assert engine.get(changed["id"]) == changed
        assert found(engine, "luchtballonnen") == {changed["id"]}
        assert found(engine, "demonstraties") == set()  # the old text is gone

    assert writer.delete(changed["id"]) is True
    assert writer.delete(changed["id"]) is False
    for engine in (writer, reader):
        assert engine.get(changed["id"]) is None
        assert engine.count() == len(CORPUS) - 1
        assert found(engine, "luchtballonnen") == set()


def test_upsert_of_the_same_id_twice_in_one_batch_keeps_the_last(writer):
    first = copy.deepcopy(BY_ID["2023Z05555"])
    second = copy.deepcopy(first)
    second["title"] = "Tweede versie"
    assert writer.upsert([first, second]) == 2
    assert writer.count() == 1
    assert writer.get(first["id"]) == second


def test_empty_index(writer):
    assert writer.count() == 0
    result = writer.search(SearchQuery(q="clearview"))
    assert result.total == 0 and result.hits == []
    assert set(result.facets) == set(FACETS)


def test_rebuild_switches_only_when_complete(writer, reader_for):
    writer.upsert(CORPUS)
    reader = reader_for()
    assert reader.count() == len(CORPUS)
    new_only = copy.deepcopy(BY_ID["2023Z05555"])
    new_only["id"] = "2025Z00001"
    new_only["title"] = "Luchtballonnen boven Den Haag"
    replacement = [r for r in CORPUS if r["status"] != "open"] + [new_only]
    progress: list[int] = []

    def records():
        for i, record in enumerate(replacement):
            if i == len(replacement) // 2:
                # Half-way through the rebuild the old index still answers, unchanged.
                assert reader.count() == len(CORPUS)
                assert reader.get(new_only["id"]) is None
                assert found(reader, "Clearview") == where(lambda r: "Clearview" in all_text(r))
            yield record

    assert writer.rebuild(records(), progress=progress.append) == len(replacement)
    assert progress and progress[-1] == len(replacement)
    for engine in (reader, writer):  # the reader picks the new index up on its next call
        assert engine.count() == len(replacement)
        assert engine.get(new_only["id"]) == new_only
        assert found(engine, "luchtballonnen") == {new_only["id"]}
        assert engine.search(SearchQuery(filters={"status": ("open",)})).total == 1


# --- filters, dates, sorting, paging ----------------------------------------------------------

@pytest.mark.parametrize("name,value,predicate", [
    ("status", "open", lambda r: r["status"] == "open"),
    ("status", "postponed", lambda r: r["status"] == "postponed"),
    ("country", "BE", lambda r: r["country"] == "BE"),
    ("language", "fr", lambda r: r["language"] == "fr"),
    ("parliament", "Eerste Kamer", lambda r: r["parliament"] == "Eerste Kamer"),
    ("year", "2021", lambda r: (r["asked_on"] or "").startswith("2021")),
    ("tool", "clearview-ai", lambda r: any(t["id"] == "clearview-ai" for t in r["tools"])),
    ("category", "biometrics", lambda r: any(t["category"] == "biometrics" for t in r["tools"])),
    ("party", "D66", lambda r: any(a["party"] == "D66" for a in r["askers"])),
    ("asker", "Kuiken", lambda r: any(a["name"] == "Kuiken" for a in r["askers"])),
    ("ministry", "Justitie en Veiligheid", lambda r: any(
        m["ministry"] == "Justitie en Veiligheid" for m in r["ministers"] + [m for d in r["documents"] for m in d["ministers"]])),
    ("minister", "nl-kajsa-ollongren", lambda r: "nl-kajsa-ollongren" in signer_ids(r)),
    ("provenance", "recorded", lambda r: r["provenance"]["kind"] == "recorded"),
])
def test_each_filter(engine, name, value, predicate):
    expected = where(predicate)
    assert expected, "the corpus must hold a record for this filter"
    assert found(engine, filters={name: (value,)}) == expected
    assert engine.count(SearchQuery(filters={name: (value,)})) == len(expected)


def test_filters_or_within_a_facet_and_across_facets(engine):
    either = found(engine, filters={"status": ("open", "postponed")})
    assert either == where(lambda r: r["status"] in ("open", "postponed"))
    both = found(engine, filters={"status": ("open", "postponed"), "party": ("PvdA",)})
    assert both == where(lambda r: r["status"] in ("open", "postponed") and any(a["party"] == "PvdA" for a in r["askers"]))
    assert both and both < either


def test_filter_and_words_together(engine):
    assert found(engine, "politie", filters={"status": ("answered",)}) == where(
        lambda r: r["status"] == "answered" and "politie" in all_text(r).lower())


def test_hidden_provenance_filter_counts_demo_records(engine):
    count = engine.count(SearchQuery(filters={"provenance": ("constructed", "abridged")}))
    assert count == len(where(lambda r: r["provenance"]["kind"] in ("constructed", "abridged")))
    assert 0 < count < len(CORPUS)
    assert "provenance" not in engine.search(SearchQuery()).facets


def test_minister_filter_by_person_id_includes_cosigned_and_postponement_notices(engine):
    ids = found(engine, filters={"minister": ("nl-ferd-grapperhaus",)})
    # Co-signer ("mede namens") of 105, signer of the notice of 2020Z04331, first signer of 2019Z02671.
    assert ids == {"ah-tk-20212022-105", "2020Z04331", "2019Z02671"}
    assert BY_ID["ah-tk-20212022-105"]["ministers"][1]["co_signer"] is True


def test_minister_filter_by_name(engine):
    assert found(engine, filters={"minister": ("Ferd Grapperhaus",)}) == found(
        engine, filters={"minister": ("nl-ferd-grapperhaus",)})
    assert found(engine, filters={"minister": ("J. Jansen",)}) == {"2024Z16676"}


def test_date_range_on_asked_on_inclusive(engine):
    expected = where(lambda r: r["asked_on"] and "2019-02-11" <= r["asked_on"] <= "2021-07-20")
    got = found(engine, date_from=dt.date(2019, 2, 11), date_to=dt.date(2021, 7, 20))
    assert got == expected and "2019Z02671" in got and "2021Z13971" in got
    assert found(engine, date_from=dt.date(2024, 1, 1)) == {"2024Z16676"}
    assert found(engine, date_to=dt.date(2017, 12, 31)) == {"2017Z00001", "2017Z00002"}


def _sorted_expected(descending: bool) -> list[str]:
    dated = [r for r in CORPUS if r["asked_on"]]
    if descending:
        order = sorted(dated, key=lambda r: r["id"])
        order = sorted(order, key=lambda r: r["asked_on"], reverse=True)
    else:
        order = sorted(dated, key=lambda r: (r["asked_on"], r["id"]))
    return [r["id"] for r in order] + [r["id"] for r in CORPUS if not r["asked_on"]]


def test_sort_newest_and_oldest_with_ties_by_id_and_undated_last(engine):
    assert ranked(engine, sort="newest") == _sorted_expected(descending=True)
    assert ranked(engine, sort="oldest") == _sorted_expected(descending=False)
    newest = ranked(engine, sort="newest")
    assert newest.index("2017Z00001") + 1 == newest.index("2017Z00002")
    assert newest[-1] == "ek-20192020-10"


def test_relevance_ties_are_ordered_by_id(engine):
    result = engine.search(SearchQuery(q="peilbaken", per_page=100))
    assert [h.id for h in result.hits] == ["2017Z00001", "2017Z00002"]
    assert result.hits[0].score == result.hits[1].score
    # The same order one per page.
    pages = [engine.search(SearchQuery(q="peilbaken", per_page=1, page=p)).hits[0].id for p in (1, 2)]
    assert pages == ["2017Z00001", "2017Z00002"]


def test_relevance_ranks_title_matches_and_exact_words_first(engine):
    order = ranked(engine, "toezicht")
    # "toezicht" as a word (2019Z22222) before the compound "cameratoezicht" (2018Z14045).
    assert order.index("2019Z22222") < order.index("2018Z14045")


def test_relevance_without_words_to_rank_by_lists_newest_first(engine):
    assert ranked(engine) == ranked(engine, sort="newest")
    newest = ranked(engine, sort="newest")
    assert ranked(engine, "-politie") == [i for i in newest if i in found(engine, "-politie")]


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_paging_covers_every_hit_once_in_order(engine, sort):
    q = "" if sort != "relevance" else "politie OR camera OR bodycams"
    everything = ranked(engine, q, sort=sort)
    assert len(everything) >= 5
    paged = []
    for page in range(1, len(everything) // 2 + 2):
        result = engine.search(SearchQuery(q=q, sort=sort, per_page=2, page=page, facets=False))
        assert result.total == len(everything)
        assert result.page == page and result.per_page == 2
        paged += [h.id for h in result.hits]
    assert paged == everything


def test_page_beyond_the_hits_is_empty(engine):
    result = engine.search(SearchQuery(q="Clearview", page=50, per_page=10))
    assert result.total > 0 and result.hits == []


# --- facets ---------------------------------------------------------------------------------------

def test_facets_with_counts_and_labels(engine):
    result = engine.search(SearchQuery(q="Clearview"))
    clearview = where(lambda r: "clearview" in all_text(r).lower())
    assert result.total == len(clearview)
    assert set(result.facets) == set(FACETS)
    ministers = {v.value: (v.label, v.count) for v in result.facets["minister"]}
    assert ministers["nl-ferd-grapperhaus"] == ("Ferd Grapperhaus", 2)
    assert ministers["nl-sander-dekker"] == ("Sander Dekker", 1)
    tools = {v.value: (v.label, v.count) for v in result.facets["tool"]}
    assert tools["clearview-ai"] == ("Clearview AI", len(clearview))
    categories = {v.value: v.label for v in result.facets["category"]}
    assert categories["biometrics"] == "Biometrie en gezichtsherkenning"
    assert facet(result, "status") == {"answered": 1, "postponed": 1}
    assert facet(result, "year") == {"2020": 1, "2021": 1}
    assert facet(result, "party") == {"GroenLinks": 2, "D66": 1}
    for values in result.facets.values():
        counts = [v.count for v in values]
        assert counts == sorted(counts, reverse=True)


def test_facet_counts_match_filters_on_the_whole_corpus(engine):
    result = engine.search(SearchQuery())
    for name, values in result.facets.items():
        for value in values:
            assert value.count == engine.count(SearchQuery(filters={name: (value.value,)})), (name, value)
    assert facet(result, "minister")["J. Jansen"] == 1  # not in the registry: the name as written
    labels = {v.value: v.label for v in result.facets["minister"]}
    assert labels["J. Jansen"] == "J. Jansen"
    assert facet(result, "country") == {"NL": len(CORPUS) - 2, "BE": 2}
    assert facet(result, "language") == {"nl": len(CORPUS) - 1, "fr": 1}


def test_facets_are_ordered_by_count_then_label(engine):
    values = engine.search(SearchQuery()).facets["party"]
    keys = [(-v.count, v.label.casefold()) for v in values]
    assert keys == sorted(keys)


def test_disjunctive_facet_counts_ignore_their_own_filter(engine):
    result = engine.search(SearchQuery(filters={"status": ("open",)}))
    assert result.total == len(where(lambda r: r["status"] == "open"))
    # The status facet is counted without the status filter, so the other statuses stay visible...
    assert facet(result, "status") == {s: len(where(lambda r, s=s: r["status"] == s))
                                       for s in ("open", "answered", "postponed")}
    # ...while the other facets follow the filter.
    assert facet(result, "country") == {"NL": len(where(lambda r: r["status"] == "open"))}
    both = engine.search(SearchQuery(filters={"status": ("open",), "party": ("PvdA",)}))
    assert facet(both, "party")["PvdA"] == len(where(lambda r: r["status"] == "open" and any(
        a["party"] == "PvdA" for a in r["askers"])))
    assert facet(both, "status")["answered"] == len(where(lambda r: r["status"] == "answered" and any(
        a["party"] == "PvdA" for a in r["askers"])))


def test_facets_and_highlights_can_be_skipped(engine):
    result = engine.search(SearchQuery(q="Clearview", facets=False, highlight=False))
    assert result.facets == {}
    assert all(h.highlights == [] for h in result.hits)


# --- highlights ----------------------------------------------------------------------------------

def test_highlights_mark_matches(engine):
    result = engine.search(SearchQuery(q="Clearview"))
    for hit in result.hits:
        assert 1 <= len(hit.highlights) <= 3
        assert any("<mark>Clearview</mark>" in h for h in hit.highlights), hit.highlights
        assert all(len(re.sub(r"</?mark>", "", h)) <= 260 for h in hit.highlights)


def test_highlights_escape_html(engine):
    for q in ("bodycams", "script", "onerror"):
        hits = {h.id: h for h in engine.search(SearchQuery(q=q)).hits}
        assert "2022Z21234" in hits, q
        text = " ".join(hits["2022Z21234"].highlights)
        assert "<script" not in text and "<img" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text.replace("<mark>", "").replace("</mark>", "")
        assert "&lt;img src=x onerror=alert(1)&gt;" in text.replace("<mark>", "").replace("</mark>", "")
        assert set(re.findall(r"<[^>]*>", text)) <= {"<mark>", "</mark>"}
    assert XSS_SCRIPT in BY_ID["2022Z21234"]["questions"][0]["text"] and XSS_IMG


def test_highlights_mark_stemmed_and_compound_matches(engine):
    hits = {h.id: h for h in engine.search(SearchQuery(q="gezichtsherkenning")).hits}
    assert any("<mark>gezichtsherkenningssoftware</mark>" in h for h in hits["2018Z10101"].highlights)
    hits = {h.id: h for h in engine.search(SearchQuery(q="vragen")).hits}
    assert any("<mark>vraag</mark>" in h for h in hits["2019Z22222"].highlights)


def test_highlights_never_mark_excluded_words(engine):
    for hit in engine.search(SearchQuery(q="politie -drones")).hits:
        assert all("<mark>drones</mark>" not in h.lower() for h in hit.highlights)


# --- query syntax -------------------------------------------------------------------------------

def test_words_are_anded(engine):
    assert found(engine, "Clearview politie") == where(
        lambda r: "clearview" in all_text(r).lower() and "politie" in all_text(r).lower())
    assert found(engine, "Clearview drones") == set()


def test_phrase_versus_words(engine):
    words = found(engine, "minister van Justitie")
    phrase = found(engine, '"minister van Justitie"')
    assert {"ah-tk-20212022-105", "2020Z04331", "2019Z02671", "2023Z05555"} <= phrase
    # 2019Z22222 has "minister", "van" and "justitie", never in a row.
    assert "2019Z22222" in words and "2019Z22222" not in phrase
    assert phrase < words


def test_or(engine):
    assert found(engine, "drones OR Pegasus") == {"2023Z05555", "2021Z13971"}
    assert found(engine, "politie (drones OR Clearview)") == found(engine, "politie drones") | found(engine, "politie Clearview")


def test_exclusion_of_a_word_and_of_a_phrase(engine):
    assert found(engine, "Clearview -uitgeprobeerd") == {"ah-tk-20212022-105"}
    assert found(engine, 'Clearview -"Wet politiegegevens"') == {"2020Z04331"}
    assert found(engine, "-politie") == set(BY_ID) - where(lambda r: "politie" in all_text(r).lower())


def test_free_text_minister_by_name_and_role(engine):
    # Names, roles and ministries of every signer (notices too) and addressed_to are searched.
    assert found(engine, "Grapperhaus") == {"ah-tk-20212022-105", "2020Z04331", "2019Z02671"}
    justitie = found(engine, "minister van Justitie")
    assert {"ah-tk-20212022-105", "2020Z04331", "2019Z02671", "2023Z05555", "ek-20192020-10"} <= justitie
    assert not justitie & {"2021Z13971", "be-ch-55-0123", "be-vp-2022-456", "2018Z10101"}


def test_dutch_stemming(engine):
    expected = where(lambda r: re.search(r"\bvra(a)?g(en)?\b", all_text(r).lower()) is not None)
    assert {"2019Z22222", "ah-tk-20212022-105"} <= expected
    assert found(engine, "vragen") == expected
    assert found(engine, "vraag") == expected


def test_case_and_accent_folding(engine):
    assert found(engine, "belgie") == found(engine, "België") == found(engine, "BELGIË") == {"be-vp-2022-456"}


def test_compounds(engine):
    assert "2018Z10101" in found(engine, "gezichtsherkenning")  # only "gezichtsherkenningssoftware"
    assert "2018Z14045" in found(engine, "toezicht")  # only "cameratoezicht"
    camera = found(engine, "camera")
    assert {"2019Z02671", "2018Z14045", "be-vp-2022-456"} <= camera  # ANPR-camera's, camerabeelden, camera's
    assert found(engine, "era") == set()  # parts are words, not substrings
    assert "2018Z14045" not in found(engine, '"toezicht"')  # a phrase means the word itself


def test_french_stemming_and_accents(engine):
    assert found(engine, "caméra") == found(engine, "camera") & found(engine, "caméra")
    assert "be-ch-55-0123" in found(engine, "camera")
    assert found(engine, "utiliser") == {"be-ch-55-0123"}
    assert found(engine, '"reconnaissance faciale"') == {"be-ch-55-0123"}
    assert found(engine, "fédérale") == found(engine, "federale") == {"be-ch-55-0123"}


def test_hyphenated_word_is_a_phrase(engine):
    assert found(engine, "ANPR-camera's") == {"2019Z02671"}


def test_query_without_searchable_words_finds_nothing(engine):
    result = engine.search(SearchQuery(q="?? !!"))
    assert result.total == 0 and result.suggestion is None


# --- fuzzy fallback and suggestions ------------------------------------------------------------

def test_fuzzy_fallback_with_suggestion(engine):
    result = engine.search(SearchQuery(q="clearveiw"))
    assert result.fuzzy is True
    assert result.suggestion == "clearview"
    assert {h.id for h in result.hits} == found(engine, "clearview")
    assert result.total == len(result.hits)
    assert any("<mark>Clearview</mark>" in h for hit in result.hits for h in hit.highlights)


def test_suggestion_keeps_the_rest_of_the_query(engine):
    result = engine.search(SearchQuery(q='sensordaat "openbare ruimte"'))
    assert result.suggestion == 'sensordata "openbare ruimte"'
    assert {h.id for h in result.hits} == {"2024Z16676"}


def test_no_fallback_when_the_query_finds_something(engine):
    result = engine.search(SearchQuery(q="clearview"))
    assert result.fuzzy is False and result.suggestion is None


def test_no_suggestion_for_known_words_that_do_not_meet(engine):
    result = engine.search(SearchQuery(q="Clearview drones"))
    assert result.total == 0 and result.suggestion is None and result.fuzzy is False


def test_nothing_close(engine):
    result = engine.search(SearchQuery(q="xqzwvplk"))
    assert result.total == 0 and result.hits == [] and result.suggestion is None


# --- bad input -------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    SearchQuery(q='"unbalanced'),
    SearchQuery(q="(politie"),
    SearchQuery(q="politie)"),
    SearchQuery(q="politie OR"),
    SearchQuery(q="OR politie"),
    SearchQuery(q="()"),
    SearchQuery(q="politie\x00"),
    SearchQuery(q="x" * 501),
    SearchQuery(filters={"colour": ("red",)}),
    SearchQuery(filters={"status": ("shut",)}),
    SearchQuery(filters={"year": ("20x1",)}),
    SearchQuery(filters={"provenance": ("fake",)}),
    SearchQuery(sort="random"),
    SearchQuery(per_page=101),
    SearchQuery(page=0),
    SearchQuery(page=1000, per_page=100),
    SearchQuery(date_from=dt.date(2022, 1, 2), date_to=dt.date(2022, 1, 1)),
])
def test_bad_queries_raise_query_error(engine, query):
    with pytest.raises(QueryError):
        engine.search(query)
    with pytest.raises(QueryError):
        engine.count(query)


# --- completion (typeahead) --------------------------------------------------------------------

def test_completion_finds_titles_and_names_by_prefix(engine):
    titles = {c["id"]: c["title"] for c in engine.complete("clea")}
    assert {"ah-tk-20212022-105", "2020Z04331"} <= set(titles)
    assert titles["ah-tk-20212022-105"] == BY_ID["ah-tk-20212022-105"]["title"]
    # Earlier words whole, the last one a prefix; names count too (the minister's name).
    assert "2020Z04331" in {c["id"] for c in engine.complete("clearview grapp")}
    assert "ah-tk-20212022-105" in {c["id"] for c in engine.complete("Gezichtsherk")}
    assert {c["id"] for c in engine.complete("peilb")} == {"2017Z00001", "2017Z00002"}


def test_completion_limits_and_needs_something_to_complete(engine):
    assert len(engine.complete("c", limit=50)) == 0  # one letter: not yet
    assert engine.complete("") == [] and engine.complete("clearview ") == []  # a finished word: nothing to complete
    assert len(engine.complete("po", limit=2)) <= 2
    assert engine.complete("xqzw") == []
