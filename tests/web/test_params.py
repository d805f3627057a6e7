"""web.params: request parameters -> SearchQuery, and every bad input of issue 3 item 6 as a
ParamError/QueryError with a message naming the parameter and what to do (no engine needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from werkzeug.datastructures import MultiDict

from search.model import QueryError
from web.params import parse_search


def parse(*pairs: tuple[str, str], **kwargs):
    return parse_search(MultiDict(list(pairs)), **kwargs)


def test_defaults_and_empty_values_mean_not_set():
    # What an HTML form sends for empty fields, and what the URL template shows.
    query = parse(("q", ""), ("minister", ""), ("date_from", ""), ("page", ""), ("per_page", ""), ("sort", ""))
    assert (query.q, dict(query.filters), query.date_from, query.page, query.per_page, query.sort) == \
        ("", {}, None, 1, 20, "relevance")


def test_repeated_filters_are_or_values_and_commas_are_kept():
    query = parse(("tool", "pegasus"), ("tool", "spyware"), ("tool", "pegasus"), ("asker", "Omtzigt, P.H."),
                  ("lang", "nl"), ("year", "2021"))
    assert query.filters == {"tool": ("pegasus", "spyware"), "asker": ("Omtzigt, P.H.",), "language": ("nl",),
                             "year": ("2021",)}


def test_full_search():
    query = parse(("q", "clearview"), ("minister", "nl-ferd-grapperhaus"), ("date_from", "2021-01-01"),
                  ("date_to", "2021-12-31"), ("sort", "newest"), ("page", "2"), ("per_page", "100"))
    assert query.q == "clearview" and query.filters == {"minister": ("nl-ferd-grapperhaus",)}
    assert (query.date_from, query.date_to) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert (query.sort, query.page, query.per_page) == ("newest", 2, 100)


@pytest.mark.parametrize("pairs, words", [
    ((("per_page", "101"),), "per_page must be a whole number from 1 to 100"),
    ((("per_page", "0"),), "per_page must be a whole number from 1 to 100"),
    ((("per_page", "ten"),), "per_page 'ten' is not a whole number"),
    ((("per_page", "-5"),), "per_page '-5' is not a whole number"),
    ((("page", "1.5"),), "page '1.5' is not a whole number"),
    ((("page", "\uff11"),), "is not a whole number"),  # a fullwidth digit is no page number
    ((("page", "9" * 5000),), "is too large"),
    ((("date_from", "\uff12021-01-01"),), "write it as YYYY-MM-DD"),
    ((("page", "0"),), "page must be a whole number, 1 or more"),
    ((("page", "501"), ("per_page", "20")), "beyond the first 10000 results"),
    ((("page", "1"), ("page", "2")), "page is given 2 times"),
    ((("date_from", "2021-02-30"),), "date_from '2021-02-30' is not a day in the calendar"),
    ((("date_to", "2021-13-01"),), "date_to '2021-13-01' is not a day in the calendar"),
    ((("date_from", "28-09-2021"),), "write it as YYYY-MM-DD"),
    ((("date_from", "20210928"),), "write it as YYYY-MM-DD"),
    ((("date_from", "2022-01-01"), ("date_to", "2021-01-01")), "date_from 2022-01-01 is after date_to 2021-01-01"),
    ((("sort", "best"),), "unknown sort 'best'"),
    ((("status", "shut"),), "unknown status 'shut'; use one of open, postponed, answered"),
    ((("tool", "no-such-tool"),), "unknown tool 'no-such-tool'"),
    ((("category", "nope"),), "unknown category 'nope'"),
    ((("country", "DE"),), "unknown country 'DE'"),
    ((("lang", "xx"),), "unknown lang 'xx'"),
    ((("year", "21"),), "year '21' is not a four-digit year"),
    ((("q", "x" * 501),), "the query is 501 characters long; at most 500"),
    ((("q", '"gezichtsherkenning politie'),), "unbalanced quote"),
    ((("q", "clearview\x00"),), "control character (U+0000)"),
    ((("q", "clearview\n"),), "control character (U+000A)"),
    ((("party", "D66\x1b"),), "party contains a control character (U+001B)"),
    ((("asker", "x" * 201),), "asker is 201 characters long"),
    ((("minitser", "nl-ferd-grapperhaus"),), "unknown parameter minitser"),
])
def test_bad_input_is_refused_with_an_actionable_message(pairs, words):
    with pytest.raises(QueryError) as excinfo:
        parse(*pairs)
    assert words in str(excinfo.value)


def test_site_mode_ignores_unknown_names_but_not_bad_values():
    assert parse(("q", "drones"), ("utm_source", "x"), ("fbclid", "y"), strict=False).q == "drones"
    with pytest.raises(QueryError, match="per_page"):
        parse(("per_page", "1000"), ("fbclid", "y"), strict=False)


def test_without_paging_page_is_refused_and_per_page_is_the_maximum():
    query = parse(("q", "drones"), paging=False)
    assert (query.page, query.per_page) == (1, 100)
    with pytest.raises(QueryError, match="page does not apply here"):
        parse(("page", "2"), paging=False)


def test_tab_is_allowed_in_the_query():
    assert parse(("q", "clearview\tpolitie")).q == "clearview\tpolitie"
