"""Request parameters -> ``search.model.SearchQuery``: the one place the site and the API read them.

Decisions (documented in the OpenAPI document too):

* Multi-value filters are given by *repeating* the parameter (``?tool=pegasus&tool=spyware``):
  values are OR'ed within a filter and AND'ed across filters. Comma lists are not split, because
  values as written (asker names, ministers not in the registry, party names) can contain commas.
* An empty value (``?q=&minister=``, what an HTML form sends for an empty field) means "not set".
* The API refuses unknown parameter names with a 400 (a typo such as ``minitser=`` must not
  silently return everything); the site drops them instead, because shared links pick up
  tracking parameters (``fbclid``, ``utm_*``) that must not break a page. Bad *values* are a
  400 everywhere.
* ``lang`` filters on the record language (facet ``language``); facet keys in the API answer
  use the parameter names, so every key of ``facets`` is a parameter you can filter with.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from werkzeug.datastructures import MultiDict

from archive.parties import default_parties
from archive.vocabulary import default_vocabulary
from search.model import MAX_PER_PAGE, MAX_QUERY_CHARS, QueryError, SearchQuery

# Parameter name -> facet/filter name in search.model.FACETS.
FILTER_PARAMS: dict[str, str] = {
    "minister": "minister",
    "ministry": "ministry",
    "tool": "tool",
    "category": "category",
    "party": "party",
    "asker": "asker",
    "parliament": "parliament",
    "country": "country",
    "status": "status",
    "lang": "language",
    "year": "year",
}
FACET_TO_PARAM: dict[str, str] = {facet: param for param, facet in FILTER_PARAMS.items()}
PAGING_PARAMS = ("page", "per_page")
SINGLE_PARAMS = ("q", "date_from", "date_to", "sort", *PAGING_PARAMS)
SEARCH_PARAMS = (*SINGLE_PARAMS, *FILTER_PARAMS)

COUNTRIES = ("NL", "BE")
RECORD_LANGUAGES = ("nl", "fr", "de")
MAX_FILTER_VALUES = 50
MAX_VALUE_CHARS = 200
DEFAULT_PER_PAGE = 20

# [0-9], not \d: \d also matches other scripts' digits ("２０２１"), which are no ISO date or page.
_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DIGITS = re.compile(r"^[0-9]+$")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


class ParamError(QueryError):
    """A request parameter the site or API will not accept (answered with a 400)."""


def reject_unknown(args: MultiDict[str, str], allowed: Sequence[str]) -> None:
    unknown = sorted(set(args.keys()) - set(allowed))
    if unknown:
        known = ", ".join(allowed) if allowed else "none"
        raise ParamError(f"unknown parameter {', '.join(unknown)}; this endpoint accepts: {known}")


def _single(args: MultiDict[str, str], name: str) -> str:
    values = [v for v in args.getlist(name) if v != ""]
    if len(values) > 1:
        raise ParamError(f"{name} is given {len(values)} times; give it once")
    return values[0] if values else ""


def _shown(raw: str) -> str:
    """A value as echoed in a message: long input is cut, so a message stays readable."""
    return repr(raw if len(raw) <= 40 else raw[:40] + "...")


def _number(args: MultiDict[str, str], name: str, default: int, low: int, high: int | None) -> int:
    raw = _single(args, name).strip()
    if not raw:
        return default
    wanted = f"a whole number from {low} to {high}" if high is not None else f"a whole number, {low} or more"
    if not _DIGITS.match(raw):
        raise ParamError(f"{name} {_shown(raw)} is not a whole number; use {wanted}")
    if len(raw) > 9:  # also keeps int() away from huge digit strings
        raise ParamError(f"{name} {_shown(raw)} is too large; use {wanted}")
    value = int(raw)
    if value < low or (high is not None and value > high):
        raise ParamError(f"{name} must be {wanted}, not {value}")
    return value


def number_param(args: MultiDict[str, str], name: str, default: int, low: int, high: int | None) -> int:
    """A whole-number parameter in [low, high], or ParamError saying what to write instead."""
    return _number(args, name, default, low, high)


def _day(args: MultiDict[str, str], name: str) -> dt.date | None:
    raw = _single(args, name).strip()
    if not raw:
        return None
    if not _ISO_DAY.match(raw):
        raise ParamError(f"{name} {_shown(raw)} is not a date; write it as YYYY-MM-DD, e.g. 2021-09-28")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ParamError(f"{name} {_shown(raw)} is not a day in the calendar; check the month and the day") from None


def _check_value(name: str, value: str) -> None:
    if len(value) > MAX_VALUE_CHARS:
        raise ParamError(f"{name} is {len(value)} characters long; at most {MAX_VALUE_CHARS} are allowed")
    _check_value_chars(name, value)


def check_text(name: str, value: str) -> None:
    """ParamError for a control character in a free-text parameter."""
    _check_value_chars(name, value)


def _check_value_chars(name: str, value: str) -> None:
    bad = _CONTROL.search(value)
    if bad:
        raise ParamError(f"{name} contains a control character (U+{ord(bad.group()):04X}); remove it")


def _check_known(param: str, values: tuple[str, ...]) -> None:
    """Filters with a closed set of values say which value is wrong (the others match as written)."""
    vocabulary = default_vocabulary()
    closed: Mapping[str, tuple[str, ...]] = {
        "tool": tuple(entry.id for entry in vocabulary.entries),
        "category": tuple(vocabulary.categories),
        "country": COUNTRIES,
        "lang": RECORD_LANGUAGES,
    }
    if param not in closed:
        return
    for value in values:
        if value not in closed[param]:
            hint = "see /api/v1/tools" if param in ("tool", "category") else "use one of " + ", ".join(closed[param])
            raise ParamError(f"unknown {param} {_shown(value)}; {hint}")


def _party_names(values: tuple[str, ...]) -> tuple[str, ...]:
    """The party facet holds each party's current name: a filter may name it by any label it
    had ("sp.a" finds Vooruit's questions; "PvdA" the Dutch PvdA and, in Belgium, PVDA-PTB)."""
    parties = default_parties()
    out: list[str] = []
    for value in values:
        names = [parties.display(value, country) for country in COUNTRIES if parties.find(value, country)]
        out += names or [value]
    return tuple(dict.fromkeys(out))


def filters_from(args: MultiDict[str, str]) -> dict[str, tuple[str, ...]]:
    """The filters of a request, keyed by facet name, values in the order given, duplicates dropped."""
    filters: dict[str, tuple[str, ...]] = {}
    for param, facet in FILTER_PARAMS.items():
        raw = args.getlist(param)
        for value in raw:
            _check_value(param, value)
        values = tuple(dict.fromkeys(v.strip() for v in raw if v.strip()))
        if not values:
            continue
        if len(values) > MAX_FILTER_VALUES:
            raise ParamError(f"{param} is given {len(values)} times; at most {MAX_FILTER_VALUES} values are allowed")
        _check_known(param, values)
        if facet == "party":
            values = _party_names(values)
        filters[facet] = values
    return filters


def parse_search(args: MultiDict[str, str], *, strict: bool = True, paging: bool = True,
                 facets: bool = True, highlight: bool = True) -> SearchQuery:
    """A validated SearchQuery, or ParamError/QueryError with a message a person can act on.

    ``strict``: refuse unknown parameter names (API) rather than ignore them (site).
    ``paging``: accept page/per_page (the CSV export returns the whole result set instead).
    """
    allowed = SEARCH_PARAMS if paging else tuple(p for p in SEARCH_PARAMS if p not in PAGING_PARAMS)
    if strict:
        if not paging:
            given = [p for p in PAGING_PARAMS if p in args]
            if given:
                raise ParamError(f"{', '.join(given)} does not apply here: this endpoint returns the whole result "
                                 "set (up to its cap) in one response; remove it")
        reject_unknown(args, allowed)
    q = _single(args, "q")
    if len(q) > MAX_QUERY_CHARS:  # checked before anything else reads the text
        raise ParamError(f"the query is {len(q)} characters long; at most {MAX_QUERY_CHARS} are allowed")
    _check_value_chars("q", q)  # before stripping, so a trailing newline is reported, not hidden
    query = SearchQuery(
        q=q.strip(),
        filters=filters_from(args),
        date_from=_day(args, "date_from"),
        date_to=_day(args, "date_to"),
        sort=_single(args, "sort").strip() or "relevance",
        page=_number(args, "page", 1, 1, None) if paging else 1,
        per_page=_number(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE) if paging else MAX_PER_PAGE,
        facets=facets,
        highlight=highlight,
    )
    return query.validated()
