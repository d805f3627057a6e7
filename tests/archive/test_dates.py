"""NL/FR dates (archive.dates). All strings below are date shapes seen in the sources or
their malformed neighbours; no document text."""

from datetime import date

import pytest

from archive.dates import MONTHS_FR, MONTHS_NL, DateParseError, find_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27 augustus 2021", date(2021, 8, 27)),
        ("27 aug. 2021", date(2021, 8, 27)),
        ("27 aug 2021", date(2021, 8, 27)),
        ("1 januari 2020", date(2020, 1, 1)),
        ("05 maart 2020", date(2020, 3, 5)),
        ("3 mrt. 2020", date(2020, 3, 3)),
        ("12 sept. 2019", date(2019, 9, 12)),
        ("27 Augustus 2021", date(2021, 8, 27)),
        ("d.d. 5 maart 2020", date(2020, 3, 5)),
        ("maandag 5 maart 2020", date(2020, 3, 5)),
        ("op 29 april 2020", date(2020, 4, 29)),
        ("5 maart 2020.", date(2020, 3, 5)),
        ("1er janvier 2020", date(2020, 1, 1)),
        ("le 3 mars 2021", date(2021, 3, 3)),
        ("le mardi 3 mars 2020", date(2020, 3, 3)),
        ("14 février 2022", date(2022, 2, 14)),
        ("14 fevrier 2022", date(2022, 2, 14)),
        ("14 févr. 2022", date(2022, 2, 14)),
        ("15 août 2020", date(2020, 8, 15)),
        ("15 aout 2020", date(2020, 8, 15)),
        ("1 décembre 2020", date(2020, 12, 1)),
        ("1 decembre 2020", date(2020, 12, 1)),
        ("05/03/2020", date(2020, 3, 5)),
        ("5/3/2020", date(2020, 3, 5)),
        ("05-03-2020", date(2020, 3, 5)),
        ("05.03.2020", date(2020, 3, 5)),
        ("2020-03-05", date(2020, 3, 5)),
        ("20200305", date(2020, 3, 5)),
        # hard-wrapped text puts line breaks and runs of spaces inside a date
        ("19 augustus\n2019", date(2019, 8, 19)),
        ("  23 juni\n   2022 ", date(2022, 6, 23)),
        ("3\u00a0juni 2021", date(2021, 6, 3)),
    ],
)
def test_parse_date_accepts_printed_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_parse_date_decomposed_accents_are_read() -> None:
    # "février" typed with a combining acute accent (NFD), as some PDF extractions give it.
    assert parse_date("2 fe\u0301vrier 2021") == date(2021, 2, 2)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31 februari 2021", "not a real date"),
        ("29 februari 2021", "not a real date"),
        ("30/02/2020", "not a real date"),
        ("5/13/2020", "month 13"),
        ("2020-13-01", "not a real date"),
        ("20201301", "not a real date"),
        ("5 maart 20", "four digits"),
        ("5/3/20", "four digits"),
        ("", "empty"),
        ("   \n ", "empty"),
        ("5 foo 2020", "unknown month name 'foo'"),
        ("maart 2020", "not a date"),
        ("5 maart 2020 en later", "not a date"),
        ("kv-tk-2020Z04331", "not a date"),
    ],
)
def test_parse_date_rejects_with_reason(text: str, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        parse_date(text)


def test_parse_date_error_is_a_value_error() -> None:
    assert issubclass(DateParseError, ValueError)


def test_language_restricts_month_names() -> None:
    assert parse_date("3 mars 2021", lang="fr") == date(2021, 3, 3)
    assert parse_date("3 maart 2021", lang="nl") == date(2021, 3, 3)
    with pytest.raises(DateParseError, match="unknown month name 'mars' \\(nl\\)"):
        parse_date("3 mars 2021", lang="nl")
    with pytest.raises(DateParseError, match="unknown month name 'augustus' \\(fr\\)"):
        parse_date("3 augustus 2021", lang="fr")
    with pytest.raises(ValueError, match="unknown date language"):
        parse_date("3 maart 2021", lang="de")


def test_month_tables() -> None:
    assert MONTHS_NL["augustus"] == 8 and MONTHS_NL["aug."] == 8 and MONTHS_NL["jan."] == 1
    assert MONTHS_NL["mei"] == 5 and MONTHS_NL["okt"] == 10 and MONTHS_NL["sept."] == 9
    assert MONTHS_FR["février"] == 2 and MONTHS_FR["fevrier"] == 2 and MONTHS_FR["févr."] == 2
    assert MONTHS_FR["août"] == 8 and MONTHS_FR["aout"] == 8 and MONTHS_FR["decembre"] == 12
    assert MONTHS_FR["sept."] == 9 and MONTHS_FR["juil."] == 7
    assert "mars" not in MONTHS_NL and "maart" not in MONTHS_FR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(ontvangen 19 augustus\n2019).", date(2019, 8, 19)),
        ("Vragen ... (ingezonden 5 maart 2020). Mededeling (ontvangen 26 maart 2020)", date(2020, 3, 5)),
        ("Date de réponse : 03/02/2020", date(2020, 2, 3)),
        ("gepubliceerd op 2020-02-19 door", date(2020, 2, 19)),
        ("le 1er janvier 2020 à Bruxelles", date(2020, 1, 1)),
        ("vergaderjaar 2019-2020, nr. 2237, ontvangen 26 maart 2020", date(2020, 3, 26)),
    ],
)
def test_find_date_returns_first_date(text: str, expected: date) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Tweede Kamer der Staten-Generaal2019-20202237",  # glued vergaderjaar + number
        "ah-tk-20212022-105 en kv-tk-2020Z04331",
        "artikel 12 van de wet, 8% rente, 10.271 euro",
        "5 maart",  # no year
        "in 2019/20 en 35 300",
    ],
)
def test_find_date_none_without_a_date(text: str) -> None:
    assert find_date(text) is None


def test_find_date_raises_on_an_impossible_date_instead_of_skipping_it() -> None:
    with pytest.raises(DateParseError, match="not a real date"):
        find_date("ingezonden 31 februari 2021, ontvangen 5 maart 2021")


def test_find_date_language() -> None:
    assert find_date("le 3 mars 2021", lang="nl") is None
    assert find_date("op 3 maart 2021", lang="nl") == date(2021, 3, 3)
