"""The query parser (search/query.py) as pure code: strings in, trees (or QueryError) out."""

from __future__ import annotations

import pytest

from search.model import QueryError
from search.query import (
    And,
    Not,
    Or,
    Phrase,
    Term,
    parse,
    positive_leaves,
    render,
    replace_terms,
)

T = Term


@pytest.mark.parametrize("q,tree", [
    ("", None),
    ("   ", None),
    ("clearview", T("clearview")),
    ("Clearview politie", And((T("Clearview"), T("politie")))),
    ('"minister van Justitie"', Phrase("minister van Justitie")),
    ('"  minister   van\tJustitie "', Phrase("minister van Justitie")),
    ('""', None),
    ("drone OR drones", Or((T("drone"), T("drones")))),
    ("a OR b OR c", Or((T("a"), T("b"), T("c")))),
    # OR binds tighter than the implicit AND.
    ("politie drone OR camera", And((T("politie"), Or((T("drone"), T("camera")))))),
    ("-Grapperhaus", Not(T("Grapperhaus"))),
    ('clearview -"wet politiegegevens"', And((T("clearview"), Not(Phrase("wet politiegegevens"))))),
    ("a -(b OR c)", And((T("a"), Not(Or((T("b"), T("c"))))))),
    ("(a b) OR c", Or((And((T("a"), T("b"))), T("c")))),
    ("a (b OR -c)", And((T("a"), Or((T("b"), Not(T("c"))))))),
    ("a AND b", And((T("a"), T("b")))),
    # Lower-case "or"/"and" are words; a hyphen inside a word or alone is not an exclusion.
    ("drone or drones", And((T("drone"), T("or"), T("drones")))),
    ("ANPR-camera's", T("ANPR-camera's")),
    ("Clearview - politie", And((T("Clearview"), T("-"), T("politie")))),
    ("--x", T("--x")),
    ("a(-b)", And((T("a"), Not(T("b"))))),
    # No field syntax, no wildcards: they are words (analysis drops the punctuation).
    ("title:clearview", T("title:clearview")),
    ("camera*", T("camera*")),
])
def test_parse(q, tree):
    assert parse(q) == tree


@pytest.mark.parametrize("q,message", [
    ('"unbalanced', "unbalanced quote"),
    ("(politie", "opening parenthesis"),
    ("politie)", "closing parenthesis"),
    (")(", "closing parenthesis"),
    ("()", "empty parentheses"),
    ("( )", "empty parentheses"),
    ("politie OR", "OR needs"),
    ("OR politie", "OR needs"),
    ("a OR OR b", "OR needs"),
    ("(a OR) b", "OR needs"),
    ('a OR ""', "OR needs"),
    ("AND x", "AND needs"),
    ("x AND", "AND needs"),
    ("-OR", "unexpected"),
    ("(" * 9 + "a" + ")" * 9, "nests parentheses"),
    ("x" * 501, "at most 500"),
])
def test_parse_errors_say_what_to_fix(q, message):
    with pytest.raises(QueryError, match=message):
        parse(q)


def test_depth_limit_allows_ordinary_nesting():
    assert parse("(" * 8 + "a" + ")" * 8) == T("a")


@pytest.mark.parametrize("q", [
    "clearview", "Clearview politie", '"minister van Justitie" -Grapperhaus', "drone OR drones politie",
    "a -(b OR c)", "(a b) OR c", "a (b OR -c)", "a OR (b OR c)", "-(a b)", "ANPR-camera's",
])
def test_render_round_trips(q):
    tree = parse(q)
    assert parse(render(tree)) == tree


def test_positive_leaves_skip_exclusions():
    tree = parse('clearview (politie OR "wet politiegegevens") -grapperhaus -(x y)')
    assert list(positive_leaves(tree)) == [T("clearview"), T("politie"), Phrase("wet politiegegevens")]
    assert list(positive_leaves(None)) == []


def test_replace_terms_keeps_the_structure():
    tree = parse('clearveiw "openbare ruimte" -polite OR x')
    fixed = replace_terms(tree, lambda t: T(t.text.upper()))
    assert render(fixed) == 'CLEARVEIW "openbare ruimte" -POLITE OR X'
