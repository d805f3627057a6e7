"""Dutch and French dates as they are printed in parliamentary documents.

One month table per language, shared by every parser (CONVENTIONS.md #9). Two entry points:

* ``parse_date(text)``: the whole string is one date ("27 augustus 2021", "1er janvier 2020",
  "05/03/2020", "2020-03-05", "20200305"); anything else raises ``DateParseError``.
* ``find_date(text)``: the first date inside a longer string ("(ontvangen 19 augustus⏎2019).").

Hard-wrapped sources put line breaks inside dates, so every gap between the parts of a date may be
any run of whitespace. Years must have four digits: a two-digit year is ambiguous across the
centuries this archive covers, so it is an error rather than a guess. Numeric dates are read
day-first (the European order used by every source we crawl), except ISO ``yyyy-mm-dd`` and
compact ``yyyymmdd``.

Pure stdlib; all regexes are compiled once at import.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = ["MONTHS_NL", "MONTHS_FR", "DateParseError", "parse_date", "find_date"]


class DateParseError(ValueError):
    """A string that should be a date is not one (malformed, impossible, ambiguous or empty)."""


def _with_dotted(abbreviations: dict[str, int]) -> dict[str, int]:
    # Abbreviations are printed with and without their full stop ("aug." / "aug").
    table = dict(abbreviations)
    table.update({f"{name}.": month for name, month in abbreviations.items()})
    return table


_NL_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
_NL_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
MONTHS_NL: dict[str, int] = {name: i for i, name in enumerate(_NL_NAMES, start=1)}
MONTHS_NL.update(_with_dotted(_NL_ABBREVIATIONS))

_FR_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
_FR_ABBREVIATIONS = {
    "janv": 1, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7,
    "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12,
}
MONTHS_FR: dict[str, int] = {name: i for i, name in enumerate(_FR_NAMES, start=1)}
# Accents are often lost (typed on a Dutch keyboard, capitalised names on Walloon pages).
MONTHS_FR.update({"fevrier": 2, "aout": 8, "decembre": 12})
MONTHS_FR.update(_with_dotted(_FR_ABBREVIATIONS))

_TABLES: dict[str | None, dict[str, int]] = {
    "nl": MONTHS_NL,
    "fr": MONTHS_FR,
    None: {**MONTHS_FR, **MONTHS_NL},  # no name has a different month in the two languages
}

_WEEKDAYS = (
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
# Words that introduce a date in running text and may be handed to parse_date with it.
_PREFIX = re.compile(
    rf"^(?:(?:le|du|op|d\.\s?d\.|dd\.?)\s+)?(?:(?:{_WEEKDAYS}),?\s+)?", re.IGNORECASE
)

# parse_date: the shapes a whole string may have. The month is any word here so that an unknown
# month can be reported by name instead of as a generic failure.
_TEXTUAL = re.compile(r"(\d{1,2})(?:er)?\s+([^\W\d_]+\.?)\s+(\d+)", re.IGNORECASE)
_NUMERIC_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d+)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _month_alternation(table: dict[str, int]) -> str:
    # Longest first so that "sept." wins over "sep" and "juillet" over "juil".
    names = sorted(table, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def _finder(table: dict[str, int]) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\d/.-])(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_month_alternation(table)})"
        rf"(?![^\W\d_])\s*(?P<year>\d{{4}})(?!\d)"
        r"|(?<![\d/.-])(?P<nd>\d{1,2})(?P<sep>[/.-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4})(?!\d)"
        r"|(?<![\d/.-])(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d-])",
        re.IGNORECASE,
    )


_FINDERS: dict[str | None, re.Pattern[str]] = {lang: _finder(t) for lang, t in _TABLES.items()}


def _table(lang: str | None) -> dict[str, int]:
    try:
        return _TABLES[lang]
    except KeyError:
        raise ValueError(f"unknown date language {lang!r}; use 'nl', 'fr' or None") from None


def _make(year: str, month: int, day: str, original: str) -> date:
    if len(year) != 4:
        raise DateParseError(
            f"{original!r}: year {year!r} must have four digits (two-digit years are ambiguous)"
        )
    try:
        return date(int(year), month, int(day))
    except ValueError as exc:
        raise DateParseError(f"{original!r} is not a real date: {exc}") from None


def _month_number(word: str, lang: str | None, original: str) -> int:
    month = _table(lang).get(unicodedata.normalize("NFC", word.lower()))
    if month is None:
        where = f" ({lang})" if lang else ""
        raise DateParseError(f"{original!r}: unknown month name {word!r}{where}")
    return month


def parse_date(text: str, lang: str | None = None) -> date:
    """Read one date; the whole string must be that date (surrounding space and a trailing
    full stop are allowed, as are a leading "le", "d.d.", "op" or weekday).

    ``lang`` restricts month names to "nl" or "fr"; ``None`` accepts both."""
    _table(lang)  # validates lang even for numeric dates
    original = text
    cleaned = " ".join(unicodedata.normalize("NFC", text).split()).rstrip(".,;").strip()
    if not cleaned:
        raise DateParseError("empty date")
    cleaned = _PREFIX.sub("", cleaned, count=1)
    if m := _TEXTUAL.fullmatch(cleaned):
        day, word, year = m.groups()
        return _make(year, _month_number(word, lang, original), day, original)
    if m := _ISO.fullmatch(cleaned):
        return _make(m[1], int(m[2]), m[3], original)
    if m := _NUMERIC_DMY.fullmatch(cleaned):
        month = int(m[3])
        if not 1 <= month <= 12:
            raise DateParseError(f"{original!r} is not a real date: month {month} out of range")
        return _make(m[4], month, m[1], original)
    if m := _COMPACT.fullmatch(cleaned):
        return _make(m[1], int(m[2]), m[3], original)
    raise DateParseError(f"{original!r} is not a date in a known format")


def find_date(text: str, lang: str | None = None) -> date | None:
    """The first date in ``text``, or ``None`` when there is none.

    A date-shaped string that is not a real date ("31 februari 2021") raises ``DateParseError``
    instead of being skipped: a later date in the same text would be the wrong answer.
    Compact ``yyyymmdd`` is not searched for: in running text an eight-digit number is far more
    often something else (a glued vergaderjaar "20212022", an amount)."""
    if lang not in _FINDERS:
        _table(lang)  # raises the clear error
    m = _FINDERS[lang].search(unicodedata.normalize("NFC", text))
    if m is None:
        return None
    if m["day"] is not None:
        return _make(m["year"], _month_number(m["month"], lang, m[0]), m["day"], m[0])
    if m["nd"] is not None:
        month = int(m["nm"])
        if not 1 <= month <= 12:
            raise DateParseError(f"{m[0]!r} is not a real date: month {month} out of range")
        return _make(m["ny"], month, m["nd"], m[0])
    return _make(m["iy"], int(m["im"]), m["id"], m[0])
