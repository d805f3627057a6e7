"""Dutch written questions and answers as plain text (shared by every NL parser).

Input is the text a reader sees: copied from zoek.officielebekendmakingen.nl (OB) or
tweedekamer.nl, the element texts of the OB XML, or text extracted from the official PDF. The
layouts are described in shared/reference/FORMATS.md sections 1-4 and 12; this module reads
all of them with one pipeline:

1. refuse mojibake (the caller must re-decode the raw bytes; guessing a repair here would hide
   a broken fetch), then normalise characters and whitespace (``normalise_text``);
   PDF page footers are cut out first, wherever they fall, with the footnotes standing just
   above them at the page foot;
2. cut the site navigation that follows the document in a whole-page browser copy ("Naar boven"
   or a trailing run of known navigation/footer links), then take the tweedekamer.nl title line
   ("<Soort> : <Onderwerp>");
3. drop page furniture (banners, the OB metadata table glued, tab- or '|'-separated or one cell a
   line, PDF running headers, a "Permanente link") while recording what it says (chamber,
   vergaderjaar, aanhangsel and Zaak number, document id);
4. drop footnote blocks ("X Noot" / number / source, "Noten", lines starting with a number and a
   link, and the numbered notes that end a copied page) and keep their text;
5. everything before the first "Vraag <n>"/"Antwoord <n>" heading is the preamble: its lines are
   joined (headers and dates wrap) and the question header (the last one, when a page title
   repeats it), an optional "Toelichting:" and the reply line are read from it;
6. the body is cut at the headings ("Vraag 1", "Vraag 1:", "Antwoord op vraag 2 en 3"; only
   when there are none, "Vraag 1: <text>" on one line or the bare "1" numbers of older pages);
   lines are re-flowed into paragraphs (tweedekamer.nl and PDF text is hard-wrapped
   mid-sentence; list items keep their own lines); grouped headings ("Vraag 2, 4 en 5") are split
   over their paragraphs; questions and answers are checked against each other.

Everything that does not fit a known shape raises ``TextParseError`` with a reason a person can act
on; the caller quarantines the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from archive.dates import DateParseError, parse_date
from archive.model import ANSWER, FOLLOW_UP, POSTPONEMENT

__all__ = [
    "TextParseError",
    "HeaderPerson",
    "Signatory",
    "QuestionHeader",
    "ReplyLine",
    "ParsedText",
    "parse_question_header",
    "parse_reply_line",
    "parse_numbers",
    "parse_text",
    "normalise_text",
    "find_mojibake",
]


class TextParseError(ValueError):
    """The text does not have a shape this parser knows; the message says what is wrong."""


@dataclass
class HeaderPerson:
    name: str  # as printed, particles kept ("Van Weyenberg", "Jasper van Dijk")
    party: str | None


@dataclass
class Signatory:
    title: str  # "Minister" | "Staatssecretaris" | "Minister-President"
    name: str | None  # surname as printed; None when only the office is named
    ministry: str | None
    role: str | None  # "Minister voor Rechtsbescherming"; None when van/voor is unknown
    co_signer: bool = False  # named in a "mede namens" clause


@dataclass
class QuestionHeader:
    askers: list[HeaderPerson]
    addressed_to: list[str]
    subject: str
    asked_on: date | None
    chamber: str | None  # "Tweede Kamer" / "Eerste Kamer" when the text says so


@dataclass
class ReplyLine:
    kind: str  # ANSWER | FOLLOW_UP | POSTPONEMENT (archive.model)
    signatories: list[Signatory]
    received_on: date | None
    see_also: list[str]  # KOOP ids, e.g. "ah-tk-20212022-105"


@dataclass
class ParsedText:
    header: QuestionHeader | None
    reply: ReplyLine | None
    questions: list[tuple[int, str]]
    answers: list[tuple[list[int], str]]
    footnotes: list[str]  # URLs found in footnotes and text, in order, without duplicates
    document_title: str | None  # tweedekamer.nl "<Soort> : <Onderwerp>" -> Onderwerp
    vergaderjaar: str | None  # "2020-2021"
    number: str | None  # aanhangselnummer ("3235") or Zaak number ("2020Z06851")
    doc_id: str | None  # a KOOP id printed in the text (PDF footer), e.g. "ah-tk-20202021-3235"
    document_type: str | None = None  # tweedekamer.nl "<Soort>", e.g. "Mededeling (uitstel antwoord)"
    footnote_texts: list[str] = field(default_factory=list)  # full text of each footnote
    notice_text: str | None = None  # the sentence of a postponement notice, when present
    # The Zaak number ("2021Z14661") when the text names one; for a question document it is
    # also ``number``, for an answer page that shows both it is kept apart from the aanhangsel
    # number (a browser copy of an OB answer page lists "Nummer" and "Vraagnummer").
    zaak_number: str | None = None
    # "Toelichting:" paragraph of the askers (e.g. that the questions follow up earlier ones).
    toelichting: str | None = None


# --- characters ---------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029\x85]")
_SOFT_HYPHEN_BREAK = re.compile(r"\xad[ \t]*\n[ \t]*")
_CHAR_MAP: dict[str, str] = {
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2009": " ",
    "\u200a": " ", "\u202f": " ", "\t": " ",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    # PDF text extraction yields typographic ligatures.
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    **{chr(c): "" for c in (*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f)},
}
# A regex over the few characters to change is much faster than str.translate with a dict.
_SPECIAL_CHARS = re.compile("[" + "".join(re.escape(c) for c in _CHAR_MAP) + "]")
_SPACES = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r" +\n|\n +")
_MANY_BLANKS = re.compile(r"\n{3,}")

# UTF-8 read as Latin-1/cp1252 gives "Ã«" for "ë", "â€™" for "’", "Â " for a no-break space;
# the reverse (Latin-1 read as UTF-8) gives U+FFFD or lone surrogates; the Senate's broken pages
# show "BelgiŽ". UTF-8 read as ISO-8859-1 (not cp1252) leaves C1 control characters: "â\x80\x93"
# for "–". None of these sequences occurs in correct Dutch or French text.
_CP1252_HIGH = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(
    rf"[ÂÃ][{_CP1252_HIGH}]|â€[{_CP1252_HIGH}]|[\ufffd\ud800-\udfff\x80-\x9f]|(?<=[a-zà-ÿ])[ŽŰ]"
)
_MOJIBAKE_LEADS = ("Â", "Ã", "â€", "\ufffd", "Ž", "Ű")
_SURROGATE = re.compile("[\ud800-\udfff\x80-\x9f]")


def find_mojibake(text: str) -> str | None:
    """The first mis-decoded sequence with some context, or None when the text looks clean."""
    # Substring tests are far cheaper than a regex scan; clean text (nearly all) stops here.
    if text.isascii():
        return None
    if not any(lead in text for lead in _MOJIBAKE_LEADS) and not _SURROGATE.search(text):
        return None
    m = _MOJIBAKE.search(text)
    if m is None:
        return None
    return text[max(0, m.start() - 12) : m.end() + 12]


def normalise_text(text: str) -> str:
    """Unicode NFC, one kind of line break and space, no invisible characters, no trailing or
    doubled spaces, at most one blank line in a row. Line structure is kept: headings and
    hard wraps are read from it later."""
    # Each substitution is skipped when its trigger is absent (a plain-string test is ~100x
    # cheaper than a regex scan and most texts need only a few of these steps).
    text = _unify_line_breaks(text)
    if "\xad" in text:
        text = _SOFT_HYPHEN_BREAK.sub("", text)  # a soft hyphen at a line end is a split word
    text = unicodedata.normalize("NFC", text)
    if not text.isascii() or _has_control(text):
        text = _SPECIAL_CHARS.sub(_replace_char, text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGES.sub("\n", text)
    if "\n\n\n" in text:
        text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip(" \n")


def _replace_char(m: re.Match[str]) -> str:
    return _CHAR_MAP[m.group()]


def _has_control(text: str) -> bool:
    return "\t" in text or not text.isprintable() and _SPECIAL_CHARS.search(text) is not None


def _unify_line_breaks(text: str) -> str:
    if "\r" in text or not text.isascii() or "\x0b" in text or "\x0c" in text:
        return _LINE_BREAKS.sub("\n", text)
    return text


# --- joining hard-wrapped lines -----------------------------------------------------------

# Words after "basis- " that show the hyphen ends a truncated compound ("basis- en voortgezet").
_HYPHEN_KEEP_SPACE = frozenset({"en", "of", "tot", "dan", "als", "respectievelijk", "noch"})
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*/$")


def _joint(left: str, right: str, dehyphenate: bool) -> tuple[str, bool]:
    """(separator, drop the hyphen ending ``left``) for joining two wrapped lines."""
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha():
        if right.split(" ", 1)[0] in _HYPHEN_KEEP_SPACE:
            return " ", False
        # Browsers break after a real hyphen ("GroenLinks-⏎PvdA"); the OB PDF typesetter also
        # hyphenates words, which only the PDF shows: there a lower-case continuation means the
        # hyphen was inserted by the typesetter (a real one is lost now and then: accepted).
        return "", dehyphenate and right[0].islower() and left[-2].islower()
    if _URL_TAIL.search(left):
        return "", False
    return " ", False


def _join_lines(lines: list[str], dehyphenate: bool = False) -> str:
    parts: list[str] = []
    previous = ""
    for line in lines:
        if not line:
            continue
        if parts:
            separator, drop = _joint(previous, line, dehyphenate)
            if drop:
                parts[-1] = parts[-1][:-1]
            parts.append(separator)
        parts.append(line)
        previous = line
    return "".join(parts)


# --- footnote markers ---------------------------------------------------------------------

# A footnote marker is a bare 1-2 digit number glued to the preceding character: "...?1",
# "vijand»2?", "aangeboden.2". It is only removed when what precedes it cannot be part of a
# number or a code: two lower-case letters ("bericht1"), a full stop after a non-digit
# ("aangeboden.2" but not "10.30" or the ambiguous "2019.1"), or other closing punctuation
# ("?1", "vijand»2?", "(NRC, 2020)1"). Upper-case codes keep their digits (D66, G4, C2000,
# MH17, RTL4): a missed marker is better than an eaten number. Only digit runs are visited
# (they are rare), which keeps this linear and cheap.
_DIGIT_RUN = re.compile(r"\d+")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ")
_CLOSERS = frozenset("?!»”’\"')]")
_MARKER_FOLLOW = frozenset(" \n.,;:?!»”’\")]")
# Words whose digits are not markers: abbreviations before a number ("nr.5") and units or names
# that take a glued number ("km2", "covid19").
_NOT_MARKER_BEFORE_DOT = frozenset({"nr", "nrs", "art", "blz", "p", "pag", "no", "vs"})
_NUMBERED_WORDS = frozenset({"km", "cm", "mm", "m", "mp", "co", "covid", "h", "ps", "fase"})
_URL = re.compile(r"(?:https?://|www\.)[^\s<>«»\"“”]+")
_URL_TRAILING = ".,;:!?)»”’'\"]"


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower()


def _is_marker(text: str, start: int, end: int) -> bool:
    if end - start > 2 or start < 2 or (end < len(text) and text[end] not in _MARKER_FOLLOW):
        return False
    before, previous = text[start - 1], text[start - 2]
    if before in _LOWER:
        return previous in _LOWER and _word_before(text, start) not in _NUMBERED_WORDS
    if before == ".":
        return (
            not previous.isdigit()
            and not previous.isspace()
            and _word_before(text, start - 1) not in _NOT_MARKER_BEFORE_DOT
        )
    return before in _CLOSERS and not previous.isspace()


def _strip_markers(text: str) -> str:
    url_spans = [m.span() for m in _URL.finditer(text)] if ("http" in text or "www." in text) else []
    pieces: list[str] = []
    last = 0
    for m in _DIGIT_RUN.finditer(text):
        start, end = m.span()
        if not _is_marker(text, start, end):
            continue
        if any(a <= start < b for a, b in url_spans):
            continue
        # "1)"-style marker: its bracket closes nothing and goes with it.
        if text[end : end + 1] == ")" and text.count("(", 0, start) <= text.count(")", 0, start):
            end += 1
        pieces.append(text[last:start])
        last = end
    if pieces:
        pieces.append(text[last:])
        text = "".join(pieces)
    if not text.isascii():
        text = _SUPERSCRIPT_MARKER.sub(_drop_superscript, text)
    return text


# Superscript digits copied from rendered pages ("bericht¹"); "m²"/"km²" keep theirs.
_SUPERSCRIPT_MARKER = re.compile(r"(?<=\S)[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def _drop_superscript(m: re.Match[str]) -> str:
    return m.group() if _word_before(m.string, m.start()) in _NUMBERED_WORDS else ""


def _urls(text: str) -> Iterator[str]:
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(_URL_TRAILING)
        if url.count("(") < url.count(")"):
            url = url.rstrip(")")
        yield url


# --- numbers in headings ------------------------------------------------------------------

# Ministries' own documents (tweedekamer.nl) also write "Antwoord op (de) vraag/vragen ...".
_HEADING_WORD = re.compile(
    r"^(?:Vraag|Vragen|Antwoord|Antwoorden)(?:\s+op(?:\s+de)?)?(?:\s+(?:vraag|vragen))?\b\s*"
)
_NUMBER_LABEL = re.compile(
    r"\s*(?:(?:vraag|vragen)\s+)?(?P<a>\d{1,3})\s*[.)]?\s*"
    r"(?:(?:t/m|tot\s+en\s+met|[-–])\s*(?P<b>\d{1,3})\s*[.)]?\s*)?"
    r"(?P<sep>,\s*(?:en\s+)?|en\s+|&\s*|$)"
)


def parse_numbers(label: str) -> list[int]:
    """The question numbers of a heading: "Vraag 2, 4 en 5" -> [2, 4, 5]; "Antwoord 4 t/m 6" ->
    [4, 5, 6]; "Vragen 1) en 2)." -> [1, 2]. The leading word is optional."""
    rest = _HEADING_WORD.sub("", label.strip(), count=1).rstrip(" .:")
    if not rest:
        raise TextParseError(f"heading {label!r} has no question number")
    numbers: list[int] = []
    pos = 0
    while pos < len(rest):
        m = _NUMBER_LABEL.match(rest, pos)
        if m is None or m.end() == pos:
            raise TextParseError(f"heading {label!r}: {rest[pos:]!r} is not a question number")
        first = int(m["a"])
        last = int(m["b"]) if m["b"] else first
        if first == 0 or last < first or last - first > 50:
            raise TextParseError(f"heading {label!r}: impossible number range {first}-{last}")
        numbers.extend(range(first, last + 1))
        pos = m.end()
        if m["sep"] == "" and pos < len(rest):
            raise TextParseError(f"heading {label!r}: {rest[pos:]!r} is not a question number")
    if len(set(numbers)) != len(numbers):
        raise TextParseError(f"heading {label!r} names a question number twice")
    return numbers


# --- offices ------------------------------------------------------------------------------

_TITLES = (
    r"(?:[Mm]inister-[Pp]resident|[Mm]inisters|[Mm]inister"
    r"|[Ss]taatssecretarissen|[Ss]taatssecretaris)"
)
_TITLE_NORMAL = {
    "minister-president": "Minister-President",
    "ministers": "Minister",
    "minister": "Minister",
    "staatssecretarissen": "Staatssecretaris",
    "staatssecretaris": "Staatssecretaris",
}
_PM_ROLE = "Minister-President, Minister van Algemene Zaken"

# Only split where a new office starts: ministry names contain " en " and commas themselves
# ("Justitie en Veiligheid", "Onderwijs, Cultuur en Wetenschap").
_OFFICE_SPLIT = re.compile(
    rf"(?:\s*,\s*|\s+en\s+)(?=(?:de\s+|het\s+)?{_TITLES}\b|(?:van|voor)\s+\S)"
)
_OFFICE = re.compile(
    rf"(?:de\s+|het\s+)?(?P<title>{_TITLES})?\s*(?:\b(?P<prep>van|voor)\s+(?P<ministry>\S.*))?",
    re.S,
)
# "aan de staatssecretaris van X, dhr. Van der Ploeg, over ...": the person is not an office.
_OFFICE_PERSON = re.compile(r",\s*(?:(?:dhr|mevr|mw|drs|mr|dr)\.|de heer|mevrouw)\s+[^,]+(?=,|$)")

# Ministers of a department are always "van"; "voor" ministers (without a department) and
# names that changed meaning (Volkshuisvesting en Ruimtelijke Ordening) are left to the registry.
_DEPARTMENTS = frozenset(
    {
        "Algemene Zaken", "Binnenlandse Zaken", "Binnenlandse Zaken en Koninkrijksrelaties",
        "Buitenlandse Zaken", "Defensie", "Economische Zaken", "Economische Zaken en Klimaat",
        "Economische Zaken, Landbouw en Innovatie", "Financiën", "Infrastructuur en Milieu",
        "Infrastructuur en Waterstaat", "Justitie", "Justitie en Veiligheid",
        "Veiligheid en Justitie", "Landbouw, Natuur en Voedselkwaliteit",
        "Landbouw, Visserij, Voedselzekerheid en Natuur", "Onderwijs, Cultuur en Wetenschap",
        "Onderwijs, Cultuur en Wetenschappen", "Sociale Zaken en Werkgelegenheid",
        "Volksgezondheid, Welzijn en Sport", "Verkeer en Waterstaat",
        "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "Klimaat en Groene Groei",
        "Asiel en Migratie",
    }
)


@dataclass
class _Office:
    title: str
    prep: str | None
    ministry: str | None

    @property
    def role(self) -> str:
        if self.title == "Minister-President":
            return "Minister-President" if self.ministry is None else _PM_ROLE
        return f"{self.title} {self.prep} {self.ministry}"


def _ministry_of(text: str) -> str:
    # "Financiën (Toeslagen en Douane)": the portfolio in brackets is not part of the ministry.
    return text.split(" (", 1)[0].strip()


def _parse_offices(text: str) -> list[_Office]:
    """Offices named in an addressee or 'mede namens' phrase, one per office holder."""
    text = _OFFICE_PERSON.sub("", " ".join(text.split())).strip(" ,.")
    if not text:
        raise TextParseError("empty list of offices")
    offices: list[_Office] = []
    pending: list[str] = []  # titles still waiting for their ministry ("de Minister en de ...")
    current: str | None = None
    for segment in _OFFICE_SPLIT.split(text):
        m = _OFFICE.fullmatch(segment.strip())
        if m is None or not (m["title"] or m["prep"]):
            raise TextParseError(f"unrecognised office {segment.strip()!r} in {text!r}")
        if m["title"]:
            current = _TITLE_NORMAL[m["title"].lower()]
        elif current is None:
            raise TextParseError(f"office {segment.strip()!r} without a title in {text!r}")
        if m["prep"] is None:
            if current == "Minister-President":
                offices.append(_Office(current, None, None))
            else:
                pending.append(current)
            continue
        ministry = m["ministry"].strip()
        for title in pending:
            offices.append(_Office(title, m["prep"], _ministry_of(ministry)))
        pending.clear()
        offices.append(_Office(current, m["prep"], ministry))
    if pending:
        raise TextParseError(f"office {pending[0]!r} without a ministry in {text!r}")
    return _merge_prime_minister(offices)


def _merge_prime_minister(offices: list[_Office]) -> list[_Office]:
    # "Minister-President, Minister van Algemene Zaken" is one person holding both offices.
    merged: list[_Office] = []
    for office in offices:
        if (
            merged
            and merged[-1].title == "Minister-President"
            and merged[-1].ministry is None
            and office.title == "Minister"
            and office.ministry == "Algemene Zaken"
        ):
            merged[-1] = _Office("Minister-President", "van", "Algemene Zaken")
        else:
            merged.append(office)
    return merged


# --- question header ----------------------------------------------------------------------

_HEADER_START = re.compile(
    r"(?:\b(?:Mondelinge|Schriftelijke)\s+vragen|\bVragen)\s+van\s+(?:het\s+lid|de\s+leden)\b"
)
_HEADER = re.compile(
    r"(?:(?:Mondelinge|Schriftelijke)\s+vragen|Vragen)\s+van\s+(?:het\s+lid|de\s+leden)\s+"
    r"(?P<askers>.+?)\s*"
    r"(?:\bop\s+(?P<told>\d{1,2}\s+[^\W\d_]+\.?\s+\d{4})\s+medegedeeld\s+)?"
    r"\baan\s+(?:de\s+|het\s+)?(?P<addr>.+?)\s*,?\s+(?:over|inzake)\s+"
    r"(?P<subject>.+?)\s*"
    r"(?:\(\s*[Ii]ngezonden\s+(?:op\s+)?(?P<date>[^()]*?)\s*\)\s*)?\.?",
    re.S,
)
_HEADER_MAX = 2500
# The first line of a header, even when "Vragen van het lid" itself is wrapped.
_HEADER_LINE = re.compile(r"(?:(?:Mondelinge|Schriftelijke)\s+vragen|Vragen)(?:\s+van\b|$)")
_INGEZONDEN = re.compile(r"\(\s*[Ii]ngezonden\s+[^()]*\)\s*\.?")
_PARENS = re.compile(r"\(([^()]*)\)")
_COLLECTIVE = re.compile(r"^(?:allen|beiden|beide|alle\s+\w+)\s+(?P<party>\S.*)$", re.I)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:en\s+)?|\s+en\s+")
_GLUED_NAME = re.compile(r"(?<=[a-zß-ÿ])(?=[A-Z])")


def _clean_name(name: str) -> str:
    # First name glued to surname in the source ("RemcoDijkstra", "D.J.H. vanDijk").
    return _GLUED_NAME.sub(" ", " ".join(name.split())).strip(" ,")


def _split_names(part: str, context: str) -> list[str]:
    part = part.strip()
    part = re.sub(r"^(?:,\s*)?(?:en\b\s*)?", "", part)
    if not part:
        return []
    names = [_clean_name(n) for n in _NAME_SPLIT.split(part)]
    if any(not n for n in names):
        raise TextParseError(f"empty name in askers {context!r}")
    return names


def _parse_askers(text: str) -> list[HeaderPerson]:
    people: list[HeaderPerson] = []
    pos = 0
    for m in _PARENS.finditer(text):
        names = _split_names(text[pos : m.start()], text)
        label = " ".join(m.group(1).split())
        if not names:
            raise TextParseError(f"party '({label})' without a name before it in {text!r}")
        collective = _COLLECTIVE.match(label)
        party = collective["party"] if collective else label
        if not party:
            raise TextParseError(f"empty party label in askers {text!r}")
        # "(D66)" after several names without "allen"/"beiden" is read as applying to all.
        people.extend(HeaderPerson(name, party) for name in names)
        pos = m.end()
    people.extend(HeaderPerson(name, None) for name in _split_names(text[pos:], text))
    if not people:
        raise TextParseError(f"no asker names in {text!r}")
    return people


_DATE_ZAAK = re.compile(r"\s*[,;]\s*(?:[Zz]aak(?:nummer)?\s*)?\d{4}Z\d{5}\s*$")


def _to_date(text: str, what: str) -> date:
    try:
        return parse_date(text, "nl")
    except DateParseError as exc:
        raise TextParseError(f"{what}: {exc}") from None


def parse_question_header(text: str, chamber: str | None = None) -> QuestionHeader:
    """Read a question header ("Vragen van het lid X (P) aan de Minister van Y over Z
    (ingezonden 5 maart 2020).", or the Eerste Kamer "... op <date> medegedeeld aan ... inzake
    ..."). Line breaks anywhere are allowed. ``chamber`` is passed through when known from
    elsewhere in the document."""
    joined = _join_lines(normalise_text(text).split("\n"))
    if len(joined) > _HEADER_MAX:
        # Real headers (twelve askers, four offices, a long subject) stay under 1,000
        # characters; a longer one means the end of the header was not found, and the pattern
        # would take seconds to fail on it.
        raise TextParseError(
            f"question header not understood: {len(joined)} characters from 'Vragen van' without "
            f"a '(ingezonden <date>)' or reply line ending it: {joined[:100]!r}"
        )
    m = _HEADER.fullmatch(joined)
    if m is None:
        if not _HEADER_START.match(joined):
            raise TextParseError(
                f"no question header ('Vragen van het lid/de leden ...') in {joined[:80]!r}"
            )
        raise TextParseError(
            "question header not understood (expected 'Vragen van ... aan de <office> over "
            f"<subject> (ingezonden <date>).'): {joined[:160]!r}"
        )
    subject = _strip_markers(m["subject"]).strip().rstrip(".").strip()
    if not subject:
        raise TextParseError(f"question header without a subject: {joined[:160]!r}")
    when = m["date"] if m["date"] is not None else m["told"]
    if when is not None:
        # "(ingezonden 5 maart 2020, 2020Z04331)": the Zaak number can follow the date.
        when = _DATE_ZAAK.sub("", when)
    try:
        offices = _parse_offices(m["addr"])
    except TextParseError as exc:
        raise TextParseError(f"question header: addressee not understood: {exc}") from None
    return QuestionHeader(
        askers=_parse_askers(m["askers"]),
        addressed_to=[o.role for o in offices],
        subject=subject,
        asked_on=_to_date(when, "question header date") if when is not None else None,
        chamber=chamber,
    )


# --- reply line ---------------------------------------------------------------------------

_REPLY_START = re.compile(r"(?P<kind>Nader\s+antwoord|Antwoord|Mededeling)\s+van\s+")
_KINDS = {"nader antwoord": FOLLOW_UP, "antwoord": ANSWER, "mededeling": POSTPONEMENT}
_ONTVANGEN = re.compile(r"\(\s*[Oo]ntvangen\s+(?:op\s+)?(?P<date>[^()]*?)\s*\)\s*\.?")
_MEDE_NAMENS = re.compile(r"\s*,?\s*\bmede\s+namens\s+(?:de\s+|het\s+)?", re.I)
_SIGN_TITLE = r"(?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris)"
_SIGNER = re.compile(rf"(?P<title>{_SIGN_TITLE})\s+(?P<name>[^(),]+?)\s*\((?P<ministry>[^()]+)\)")
_SIGNER_GAP = re.compile(r"[\s,]*(?:en\s+)?(?:van\s+)?")
_ZIE_OOK = re.compile(
    r"Zie\s+ook\s+(?:het\s+)?Aanhangsel\s+(?:van\s+de\s+)?Handelingen"
    r"(?:\s+(?P<roman>II|I)\b|\s+(?P<chamber>Tweede|Eerste)\s+Kamer)?\s*,?\s*"
    r"vergaderjaar\s+(?P<y1>\d{4})\s*[-–—/]\s*(?P<y2>\d{4})\s*,?\s*"
    r"(?P<nrs>nrs?\.?\s*\d+(?:\s*(?:,|en|&)\s*(?:nr\.?\s*)?\d+)*)\s*\.?"
)
_ZIE_OOK_WORD = re.compile(r"\bZie\s+ook\b")
_DIGITS = re.compile(r"\d+")


def _signer_role(title: str, ministry: str, hints: dict[str, str]) -> str | None:
    if title == "Minister-President":
        return _PM_ROLE
    if ministry in hints and hints[ministry].startswith(title + " "):
        return hints[ministry]
    if ministry in _DEPARTMENTS:
        return f"{title} van {ministry}"
    return None


def _parse_signatories(text: str, hints: dict[str, str]) -> list[Signatory]:
    main, *co = _MEDE_NAMENS.split(text, maxsplit=1)
    main = main.strip().rstrip(",")
    signers: list[Signatory] = []
    pos = 0
    for m in _SIGNER.finditer(main):
        gap = main[pos : m.start()]
        if (pos == 0 and gap.strip()) or not _SIGNER_GAP.fullmatch(gap):
            raise TextParseError(f"unrecognised text {gap.strip()!r} between signatories in {text!r}")
        title = _TITLE_NORMAL[m["title"].lower()]
        name = _clean_name(m["name"])
        if name.startswith(("van ", "voor ")):
            raise TextParseError(f"unrecognised signatory {m.group(0)!r} in {text!r}")
        ministry = " ".join(m["ministry"].split())
        signers.append(Signatory(title, name, ministry, _signer_role(title, ministry, hints), False))
        pos = m.end()
    tail = main[pos:].strip(" ,")
    if signers and tail:
        raise TextParseError(f"unrecognised text {tail!r} after signatories in {text!r}")
    if not signers:
        # "Antwoord van de Minister van Justitie (ontvangen ...)": an office without a name.
        try:
            offices = _parse_offices(main)
        except TextParseError:
            raise TextParseError(
                f"no recognisable signatory ('Minister <Naam> (<Ministerie>)') in reply line "
                f"after 'van': {text!r}"
            ) from None
        signers = [
            Signatory(o.title, None, _ministry_of(o.ministry) if o.ministry else None, o.role, False)
            for o in offices
        ]
    for phrase in co:
        for o in _parse_offices(phrase):
            ministry = _ministry_of(o.ministry) if o.ministry else None
            if o.title == "Minister-President":
                ministry = "Algemene Zaken"
            signers.append(Signatory(o.title, None, ministry, o.role, True))
    return signers


def _see_also(text: str, chamber: str | None) -> tuple[list[str], str]:
    """KOOP ids of the 'Zie ook' references at the start of ``text`` and the text after them."""
    refs: list[str] = []
    rest = text.strip()
    while _ZIE_OOK_WORD.match(rest):
        m = _ZIE_OOK.match(rest)
        if m is None:
            raise TextParseError(f"unrecognised 'Zie ook' reference: {rest[:100]!r}")
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y2 != y1 + 1:
            raise TextParseError(f"impossible vergaderjaar {y1}-{y2} in {m.group(0)!r}")
        said = m["chamber"] or {"II": "Tweede", "I": "Eerste", None: None}[m["roman"]]
        kamer = "ek" if (said == "Eerste" or (said is None and chamber == "Eerste Kamer")) else "tk"
        refs += [f"ah-{kamer}-{y1}{y2}-{n}" for n in _DIGITS.findall(m["nrs"])]
        rest = rest[m.end() :].strip()
    return refs, rest


def _parse_reply(
    text: str, chamber: str | None, hints: dict[str, str]
) -> tuple[ReplyLine, str]:
    start = _REPLY_START.match(text)
    if start is None:
        raise TextParseError(
            f"no reply line ('Antwoord van', 'Nader antwoord van', 'Mededeling van') in {text[:80]!r}"
        )
    kind = _KINDS[" ".join(start["kind"].split()).lower()]
    received = _ONTVANGEN.search(text, start.end())
    if received is not None:
        signer_text, after = text[start.end() : received.start()], text[received.end() :]
        received_on: date | None = _to_date(received["date"], "reply line date")
    else:
        # No "(ontvangen ...)": the signatories run to a "Zie ook" or to the end.
        zie = _ZIE_OOK_WORD.search(text, start.end())
        cut = zie.start() if zie else len(text)
        signer_text, after = text[start.end() : cut].rstrip(" ."), text[cut:]
        received_on = None
    signatories = _parse_signatories(signer_text.strip(), hints)
    see_also, rest = _see_also(after, chamber)
    return ReplyLine(kind, signatories, received_on, see_also), rest


def parse_reply_line(text: str, chamber: str | None = None) -> ReplyLine:
    """Read a reply line ("Antwoord van Minister X (Ministerie) (ontvangen <date>)." with any
    'mede namens', further signatories and 'Zie ook' references). ``chamber`` ("Eerste Kamer")
    only decides the chamber of 'Zie ook' ids that do not name one."""
    joined = _join_lines(normalise_text(text).split("\n"))
    reply, rest = _parse_reply(joined, chamber, {})
    if rest:
        raise TextParseError(f"unexpected text after the reply line: {rest[:100]!r}")
    return reply


# --- page furniture -----------------------------------------------------------------------

_TITLE_LINE = re.compile(r"(?P<type>[A-Z][^:\n]{2,60}?) : (?P<title>\S.*)")
_KNOWN_TYPES = frozenset(
    {
        "Schriftelijke vragen", "Antwoord schriftelijke vragen", "Mededeling (uitstel antwoord)",
        "Verslag van een schriftelijk overleg", "Nader antwoord schriftelijke vragen",
        "Antwoord schriftelijke vragen (nader)",
    }
)
_BANNER = re.compile(
    r"(?:Aanhangsel van de Handelingen|Kamervragen zonder [Aa]ntwoord|Kamervragen \(Aanhangsel\))"
)
_CHAMBER_LINE = re.compile(
    r"(?:\d{1,3}\s+)?(?P<chamber>Tweede|Eerste) Kamer der Staten-Generaal(?:\s*(?P<nr>\d{1,3}))?"
)
_VJ_LINE = re.compile(r"Vergaderjaar\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})")
_GESTELD = re.compile(r"Vragen gesteld door de leden der Kamer\b.{0,90}")
_GESTELD_TAIL = re.compile(r"(?:(?:met )?de daarop )?(?:door )?de regering gegeven antwoorden\.?")
_TABLE_LABELS = re.compile(
    r"Datum publicatie\s*Organisatie\s*Vergaderjaar\s*(?:Nummer|Vraag)\s*Datum (?:ontvangst|indiening)"
)
_TABLE_LABEL = re.compile(
    r"(?:Datum publicatie|Organisatie|Vergaderjaar|Nummer|Vraag|Datum ontvangst|Datum indiening)"
)
# The date cells were empty in every excerpt; filled ones are accepted in dd-mm-yyyy form only
# (a glued "2237" + "5 maart 2020" cannot be told from "22375" + "maart 2020").
_TABLE_VALUES = re.compile(
    r"(?:\d{2}-\d{2}-\d{4})?\s*"
    r"(?P<chamber>Tweede|Eerste) Kamer der Staten-Generaal\s*(?P<y1>\d{4})\s*-\s*(?P<y2>\d{4})"
    r"\s*(?P<nr>\d{4}Z\d{5}|\d+?)\s*(?:\d{2}-\d{2}-\d{4})?"
)
_YEARS_ONLY = re.compile(r"(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})")
_BARE_NUMBER = re.compile(r"\d{1,5}|\d{4}Z\d{5}")
_ZAAK = re.compile(r"\d{4}Z\d{5}")
# An Aanhangsel id has the vergaderjaar and a number; a question id the Zaak number (or an
# older numeric vraagnummer).
_KOOP_ID = r"(?:ah-(?:tk|ek)-\d{8}-\d+|kv-(?:tk|ek)-(?:\d{4}Z\d{5}|\d+))"
_DOC_ID_LINE = re.compile(rf"(?P<id>{_KOOP_ID})")
# The "Permanente link" of an OB page, copied as text.
_PERMALINK = re.compile(
    r"(?:Permanente link:?\s*)?https?://zoek\.officielebekendmakingen\.nl/(?:[\w-]+/)*"
    rf"(?P<id>{_KOOP_ID})(?:\.html|\.pdf|\.xml)?(?:[?#]\S*)?"
)
# A table copied as Markdown ("a | b | c |") and its "---|---|" rule.
_PIPE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*")
_NAAR_BOVEN = re.compile(r"(?:Terug naar boven|Naar boven)(?:\s*[↑⇧^])?")
# Site navigation and footer links of OB/Overheid.nl and tweedekamer.nl as a browser copies
# them (compared case-folded, without a trailing colon).
_CHROME = frozenset(
    {
        "naar boven", "terug naar boven", "over deze site", "over overheid.nl", "over de tweede kamer",
        "contact", "help", "privacy", "privacyverklaring", "cookies", "cookieverklaring",
        "cookie-instellingen", "toegankelijkheid", "toegankelijkheidsverklaring",
        "kwetsbaarheid melden", "sitemap", "colofon", "disclaimer", "copyright", "proclaimer", "rss",
        "english", "nieuwsbrief", "volg ons", "pers", "werken bij", "deel deze pagina", "delen",
        "printen", "afdrukken", "gerelateerde documenten", "relevante documenten",
        "documenten in deze zaak", "meer over dit onderwerp", "bekijk ook",
        "terug naar zoekresultaten", "vorig resultaat", "volgend resultaat", "permanente link",
        "downloads", "download", "metadata", "documentgegevens", "kenmerken", "overheid.nl",
        "officiële bekendmakingen", "wetten.nl", "mijnoverheid", "berichtenbox",
        "veelgestelde vragen", "bezoek de tweede kamer",
    }
)
_CHROME_SHAPE = re.compile(r"(?i)download\s*\((?:pdf|docx?|odt|xml)\b[^)]{0,30}\)|©.{0,100}")
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+")
# PDF first-page footer: "<id> ISSN 0921 - 7398 ’s-Gravenhage 2021 Aanhangsel van de Handelingen
# Tweede Kamer, vergaderjaar 2020–2021 1"; later pages: "Aanhangsel van de Handelingen Tweede
# Kamer, vergaderjaar 2020–2021 2". Text extraction splits them over lines in any place (hence
# \s+ everywhere), may glue them into a paragraph line, and renders the apostrophe of
# ’s-Gravenhage as ’, ‘ or '. The page number may be glued to the year ("2020–20212").
_FOOTER_YEARS = r"vergaderjaar\s+(?P<{0}>\d{{4}})\s*[-–]\s*(?P<{1}>\d{{4}})"
_FOOTER_HINT = re.compile(r"Kamer,\s+vergaderjaar")
_FOOTER = re.compile(
    rf"(?P<id>\b{_KOOP_ID})"
    r"\s+ISSN\s+\d{4}\s*[-–]\s*\d{3}[\dXx]"
    r"(?:\s+['’‘`]s-Gravenhage\s+\d{4})?"
    r"(?:\s+(?:Aanhangsel\s+van\s+de\s+Handelingen\s+)?(?P<chamber>Tweede|Eerste)\s+Kamer,\s+"
    + _FOOTER_YEARS.format("y1", "y2")
    + r"(?:,\s*Kamervragen\s+zonder\s+antwoord)?(?:\s*\d{1,3}(?=\s|$))?)?"
    r"|Aanhangsel\s+van\s+de\s+Handelingen\s+(?P<chamber2>Tweede|Eerste)\s+Kamer,\s+"
    + _FOOTER_YEARS.format("y3", "y4")
    + r"(?:\s*\d{1,3}(?=\s|$))?"
    # Later pages of a question-only PDF name the series instead of the Aanhangsel.
    r"|(?P<chamber3>Tweede|Eerste)\s+Kamer,\s+"
    + _FOOTER_YEARS.format("y5", "y6")
    + r",\s*Kamervragen\s+zonder\s+antwoord(?:\s*\d{1,3}(?=\s|$))?"
    # Parts of the first-page footer that extraction put on lines of their own, out of order.
    r"|(?m:^[ \t]*(?:ISSN\s+\d{4}\s*[-–]\s*\d{3}[\dXx]|['’‘`]s-Gravenhage\s+\d{4})[ \t]*$)"
)


@dataclass
class _Meta:
    chambers: list[str] = field(default_factory=list)
    vergaderjaren: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    zaken: list[str] = field(default_factory=list)
    # KOOP ids seen in site navigation (the "Permanente link" of an OB page): used only when they
    # agree with each other and with the document (a page may also link to related documents).
    soft_ids: list[str] = field(default_factory=list)
    page_notes: list[str] = field(default_factory=list)  # PDF footnotes taken at page feet
    pdf: bool = False

    def add_number(self, value: str) -> None:
        (self.zaken if _ZAAK.fullmatch(value) else self.numbers).append(value)

    def add_years(self, y1: str, y2: str) -> None:
        if int(y2) != int(y1) + 1:
            raise TextParseError(f"impossible vergaderjaar {y1}-{y2}")
        self.vergaderjaren.append(f"{y1}-{y2}")


def _find_title(lines: list[str]) -> tuple[int, re.Match[str]] | None:
    # The title is the first line of a tweedekamer.nl copy; with site navigation copied above
    # it, only the document types seen there are trusted.
    for i, line in enumerate(lines):
        if _HEADER_LINE.match(line) or _heading_like(line):
            return None
        m = _TITLE_LINE.fullmatch(line)
        if m is None:
            continue
        kind = m["type"].strip()
        generic = not any(lines[:i]) and " " in kind and not any(c.isdigit() for c in kind)
        if generic or kind in _KNOWN_TYPES:
            return i, m
    return None


def _take_title(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """The tweedekamer.nl title line "<Soort> : <Onderwerp>", when there is one."""
    found = _find_title(lines)
    if found is None:
        return None, None, lines
    first, m = found
    end = first + 1
    title_lines = [m["title"]]
    # A long title may wrap mid-sentence (the next line then starts in lower case); it ends at a
    # blank line, furniture such as a Zaak number, or where the question header starts.
    while (
        end < len(lines)
        and lines[end][:1].islower()
        and not _HEADER_LINE.match(lines[end])
        and not _heading_like(lines[end])
        and not _CHAMBER_LINE.fullmatch(lines[end])
        and not _BANNER.fullmatch(lines[end])
    ):
        title_lines.append(lines[end])
        end += 1
        if end - first > 4:  # not a title: leave the text alone
            return None, None, lines
    return _join_lines(title_lines), m["type"].strip(), lines[:first] + lines[end:]


_SENTINEL = "\ue000"  # private use: marks where a footer was cut out
_SENTINEL_LINE = re.compile(r"(?:^|\n)[ \t\n]*\ue000[ \t\n]*(?=\n|$)")


def _cut_page_end(lines: list[str]) -> list[str]:
    """OB pages end the document with a "Naar boven" link; what follows it (after the last
    heading) is site navigation, not text of the document. Without that link the page ends
    in a run of navigation lines (short, no sentence end); it is cut from its first known
    navigation label, so that the last answer keeps its own short lines."""
    for i in range(len(lines) - 1, -1, -1):
        if _NAAR_BOVEN.fullmatch(lines[i]):
            if any(_heading_like(x) for x in lines[i + 1 :]):
                return lines
            if not any(_NOTE_MARK.fullmatch(x) for x in lines[i + 1 :]):
                return lines[:i]
            # The footnotes came after the link: keep them, cut only the navigation.
            lines = lines[:i] + lines[i + 1 :]
            break
    last = max((i for i, x in enumerate(lines) if _heading_rest(x) is not None), default=None)
    if last is None:
        return lines
    tail = len(lines)
    while tail > last + 2 and _chrome_like(lines[tail - 1]):
        tail -= 1
    for i in range(tail, len(lines)):
        if _is_chrome(lines[i]):
            return lines[:i]
    return lines


def _is_chrome(line: str) -> bool:
    return line.casefold().rstrip(" :") in _CHROME or _CHROME_SHAPE.fullmatch(line) is not None


def _chrome_like(line: str) -> bool:
    if not line or _is_chrome(line) or _URL_ONLY.fullmatch(line):
        return True
    return len(line) <= 80 and line[-1] not in ".?!;:"


def _strip_footers(text: str, meta: _Meta) -> str:
    """Cut PDF page footers out wherever they are. A footer on lines of its own goes with its
    line breaks (a page break inside a paragraph must not become a paragraph break); one glued
    into a line of text becomes a space."""

    def record(m: re.Match[str]) -> str:
        meta.pdf = True
        if m["id"]:
            meta.doc_ids.append(m["id"])
        chamber = m["chamber"] or m["chamber2"] or m["chamber3"]
        if chamber:
            meta.chambers.append(f"{chamber} Kamer")
        for y1, y2 in (("y1", "y2"), ("y3", "y4"), ("y5", "y6")):
            if m[y1]:
                meta.add_years(m[y1], m[y2])
        return _SENTINEL

    # Every footer has "ISSN" (first page) or "Kamer, vergaderjaar" (all pages); the full
    # pattern is slow to scan, so texts without either (all but PDF text) skip it.
    if "ISSN" not in text and _FOOTER_HINT.search(text) is None:
        return text
    text = _FOOTER.sub(record, _unify_line_breaks(text))
    if _SENTINEL not in text:
        return text
    text = _take_page_notes(text, meta)
    text = _SENTINEL_LINE.sub("", text)
    # A footer glued into a word the typesetter hyphenated at the page end ("ver- <footer> strekte").
    text = _SENTINEL_IN_WORD.sub(_rejoin_word, text)
    return text.replace(_SENTINEL, " ")


_PAGE_NOTE = re.compile(r"[ \t]*(?P<n>\d{1,2})[ \t]+(?P<text>\S.*)")
_PAGE_NOTE_REACH = 12  # lines above a footer searched for the page's footnotes


def _take_page_notes(text: str, meta: _Meta) -> str:
    """Footnotes stand at the foot of a PDF page, just above its footer: "<n> <source>" lines,
    a long one running on. Body text can also start with a number, so a run is only taken
    when its numbers continue the document's footnote numbering (1 on the first page that has
    notes) and each note has a link or a marker "<n>" glued to a word earlier in the text."""
    lines = text.split("\n")
    kept: list[str] = []
    markers: set[int] | None = None
    expected = 1
    for line in lines:
        if line.strip(" \t") == _SENTINEL and kept:
            if markers is None:
                markers = _marker_numbers(text)
            found = _page_note_run(kept, expected, markers)
            if found is not None:
                start, notes = found
                del kept[start:]
                meta.page_notes.extend(notes)
                expected += len(notes)
        kept.append(line)
    return "\n".join(kept) if meta.page_notes else text


def _page_note_run(lines: list[str], expected: int, markers: set[int]) -> tuple[int, list[str]] | None:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    for start in range(max(0, end - _PAGE_NOTE_REACH), end):
        m = _PAGE_NOTE.fullmatch(lines[start])
        if m is None or int(m["n"]) != expected:
            continue
        notes = _page_note_entries(lines[start:end], expected, markers)
        if notes is not None:
            return start, notes
    return None


def _page_note_entries(lines: list[str], first: int, markers: set[int]) -> list[str] | None:
    entries: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        m = _PAGE_NOTE.fullmatch(line)
        if m is not None and int(m["n"]) == first + len(entries):
            entries.append([m["text"].strip()])
        elif entries and len(entries[-1]) < 3:  # a note runs on over a line or two at most
            entries[-1].append(line.strip())
        else:
            return None
    notes = [_join_lines(e) for e in entries]
    for n, note in enumerate(notes, first):
        if n not in markers and not _URL.search(note):
            return None
    return notes


def _marker_numbers(text: str) -> set[int]:
    """The numbers that stand as footnote markers somewhere in ``text``."""
    found = {int(m.group()) for m in _DIGIT_RUN.finditer(text) if _is_marker(text, *m.span())}
    for m in _SUPERSCRIPT_MARKER.finditer(text):
        found.add(int(m.group().translate(_SUPERSCRIPT_DIGITS)))
    return found


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SENTINEL_IN_WORD = re.compile(r"(?<=[a-zà-ÿ])-[ \t]*\ue000[ \t]*(?P<next>[a-zà-ÿ]+)")


def _rejoin_word(m: re.Match[str]) -> str:
    word = m["next"]
    return f"- {word}" if word in _HYPHEN_KEEP_SPACE else word


def _strip_furniture(lines: list[str], meta: _Meta) -> list[str]:
    """Drop banners, metadata tables and PDF running headers, recording what they say.
    Blank lines next to removed furniture go too: a page break inside a paragraph must not
    become a paragraph break."""
    kept: list[str] = []
    header_seen = False
    removed_last = False
    previous_chamber = False
    for line in lines:
        if not header_seen and (m := _NUMBERED_HEADER.match(line)):
            # The PDF prints the document number in the margin of the header's first line (a
            # lone 1 or 2 there may as well be the kamernummer: not recorded).
            if m["nr"] not in ("1", "2"):
                meta.add_number(m["nr"])
            line = line[m.end() :]
        if not header_seen and _starts_text(line):
            header_seen = True
        if not line:
            if not removed_last:
                kept.append(line)
            continue
        was_chamber, previous_chamber = previous_chamber, False
        if _furniture_line(line, meta, header_seen, was_chamber):
            previous_chamber = bool(_CHAMBER_LINE.fullmatch(line))
            while kept and not kept[-1]:
                kept.pop()
            removed_last = True
            continue
        removed_last = False
        kept.append(line)
    return kept


_NUMBERED_HEADER = re.compile(
    r"(?P<nr>\d{1,5}|\d{4}Z\d{5})\s+(?=(?:(?:Mondelinge|Schriftelijke)\s+vragen|Vragen)\s+van\b)"
)


def _starts_text(line: str) -> bool:
    # The question header, or a numbered heading when the header is missing. A bare "Vraag" is
    # a cell label of the unglued metadata table, not a heading.
    shape = _heading_rest(line)
    return bool(_HEADER_LINE.match(line)) or (shape is not None and shape[1] != "")


def _furniture_line(line: str, meta: _Meta, header_seen: bool, after_chamber: bool) -> bool:
    if len(line) > 140:  # every furniture line is shorter; paragraphs of text are not
        return False
    if _NAAR_BOVEN.fullmatch(line) or _BANNER.fullmatch(line):
        return True
    if m := _CHAMBER_LINE.fullmatch(line):
        meta.chambers.append(f"{m['chamber']} Kamer")
        return True
    if m := _VJ_LINE.fullmatch(line):
        meta.add_years(m["y1"], m["y2"])
        return True
    if _GESTELD.fullmatch(line) or _GESTELD_TAIL.fullmatch(line):
        return True
    if _TABLE_LABELS.fullmatch(line):
        return True
    if m := _TABLE_VALUES.fullmatch(line):
        meta.chambers.append(f"{m['chamber']} Kamer")
        meta.add_years(m["y1"], m["y2"])
        meta.add_number(m["nr"])
        return True
    if m := _DOC_ID_LINE.fullmatch(line):  # a KOOP id alone on a line is never body text
        meta.doc_ids.append(m["id"])
        return True
    if _BARE_NUMBER.fullmatch(line):
        # The kamernummer ("2" Tweede Kamer, "1" Eerste Kamer) stands in the OB header block near
        # the chamber line; before the question header a bare 1 or 2 is read as that.
        if (after_chamber or not header_seen) and line in ("1", "2"):
            return True
        if not header_seen:
            meta.add_number(line)
            return True
        # Repeated page headers carry the document number again.
        return meta.pdf and (line in meta.numbers or line in meta.zaken)
    if not header_seen:
        if _TABLE_LABEL.fullmatch(line):
            return True
        if m := _PERMALINK.fullmatch(line):
            meta.soft_ids.append(m["id"])
            return True
        if "|" in line:
            cells = " ".join(c.strip() for c in line.split("|") if c.strip())
            return bool(_PIPE_RULE.fullmatch(line)) or (
                cells != line and _furniture_line(cells, meta, header_seen, after_chamber)
            )
        if m := _YEARS_ONLY.fullmatch(line):
            meta.add_years(m["y1"], m["y2"])
            return True
    return False


# --- footnotes ----------------------------------------------------------------------------

_NOTE_MARK = re.compile(r"(?:[Xx×✕✖]\s*)?Noot")
_NOTE_CLOSE = frozenset({"X", "x", "×", "✕", "✖"})
_NOTES_HEADING = re.compile(r"(?:Noten|Voetnoten)")
_NOTE_NUMBER = re.compile(r"\d{1,3}")
_NOTE_NUMBERED = re.compile(r"(?P<n>\d{1,3})[.)]?\s+(?P<text>\S.*)")
# A numbered line that starts with a link is a footnote wherever it stands; in PDF text a
# numbered line containing a link is one too (footnotes sit at the foot of each page).
_NOTE_URL_LINE = re.compile(r"\d{1,2}\)?\s+(?:https?://|www\.)\S+")
_PDF_NOTE_LINE = re.compile(r"\d{1,2}\s+\S.*(?:https?://|www\.)\S+.*")


def _take_footnotes(lines: list[str], pdf: bool, taken: int = 0) -> tuple[list[str], list[str]]:
    """Footnotes out of the text: "X Noot" entries, a "Noten" list, numbered lines that start
    with a link, and the run of numbered notes that ends a copied page. ``taken`` is the count
    of notes already found (PDF page feet)."""
    kept: list[str] = []
    notes: list[str] = []
    last_heading = max((i for i, x in enumerate(lines) if _heading_like(x)), default=-1)
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if _NOTE_MARK.fullmatch(line):
            i = _take_note_entry(lines, i + 1, notes, last_heading)
            continue
        if line in _NOTE_CLOSE:
            # The popup's close button copied on a line of its own.
            j = i + 1
            while j < n and not lines[j]:
                j += 1
            if j < n and lines[j] == "Noot":
                i = _take_note_entry(lines, j + 1, notes, last_heading)
                continue
        if _NOTES_HEADING.fullmatch(line) and i > last_heading:
            _take_notes_list(lines[i + 1 :], notes)
            break
        if _NOTE_URL_LINE.fullmatch(line) or (pdf and _PDF_NOTE_LINE.fullmatch(line)):
            notes.append(line.split(None, 1)[1])
            i += 1
            continue
        kept.append(line)
        i += 1
    while kept and not kept[-1]:
        kept.pop()
    _take_trailing_notes(kept, notes, taken)
    return kept, notes


# A note at the end of a copied page: "1", "1.", "1)" or "[1]" alone (the source on the next
# line, as OB pages show them) or followed by the source ("1) NOS, 22 oktober 2024 (https://...)").
_TAIL_NOTE = re.compile(r"\[?(?P<n>\d{1,3})[.)\]]?(?:\s+(?P<text>\S.*))?")


def _take_trailing_notes(lines: list[str], notes: list[str], taken: int) -> None:
    """Cut the numbered notes that end the text. Answers end with numbered lists too, so the
    run must reach the end, number on from the notes already found, and each note must have a
    link or a marker "<n>" glued to a word of the text above it."""
    last = max((i for i, x in enumerate(lines) if _heading_rest(x) is not None), default=-1)
    if last < 0:
        return  # no headings: the numbered lines may be the headings of an older layout
    first = taken + len(notes) + 1
    for start in range(last + 2, len(lines)):
        m = _TAIL_NOTE.fullmatch(lines[start])
        if m is None or int(m["n"]) != first:
            continue
        entries = _tail_note_entries(lines[start:], first)
        if entries is None:
            continue
        markers = _marker_numbers("\n".join(lines[:start]))
        if all(n in markers or _URL.search(e) for n, e in enumerate(entries, first)):
            notes.extend(entries)
            del lines[start:]
            while lines and not lines[-1]:
                lines.pop()
        return


def _tail_note_entries(lines: list[str], first: int) -> list[str] | None:
    entries: list[list[str]] = []
    waiting = False  # a bare number was read; its source is the next line
    for line in lines:
        if not line:
            continue
        m = _TAIL_NOTE.fullmatch(line)
        if m is not None and not waiting and int(m["n"]) == first + len(entries):
            entries.append([m["text"]] if m["text"] else [])
            waiting = not m["text"]
        elif entries and (waiting or len(entries[-1]) < 3):
            entries[-1].append(line)
            waiting = False
        else:
            return None
    if not entries or waiting:
        return None
    return [_join_lines(e) for e in entries]


def _take_note_entry(lines: list[str], i: int, notes: list[str], last_heading: int) -> int:
    """One "X Noot" entry: a number line, then the source. At the end of the page the source
    may run over several lines; before more body text it is one line."""
    n = len(lines)
    while i < n and not lines[i]:
        i += 1
    if i < n and _NOTE_NUMBER.fullmatch(lines[i]):
        i += 1
        while i < n and not lines[i]:
            i += 1
    trailing = i > last_heading
    source: list[str] = []
    while i < n:
        line = lines[i]
        if not line or _NOTE_MARK.fullmatch(line) or _NAAR_BOVEN.fullmatch(line):
            break
        if source and (not trailing or _NOTE_NUMBER.fullmatch(line)):
            break
        source.append(line)
        i += 1
    if source:
        notes.append(_join_lines(source))
    return i


def _take_notes_list(lines: list[str], notes: list[str]) -> None:
    number_pending = False
    for line in lines:
        if not line or _NAAR_BOVEN.fullmatch(line):
            continue
        if _NOTE_NUMBER.fullmatch(line):
            number_pending = True
            continue
        m = _NOTE_NUMBERED.fullmatch(line)
        if m and not number_pending:
            notes.append(m["text"])
        elif number_pending or not notes:
            notes.append(line)
        else:
            notes[-1] = _join_lines([notes[-1], line])
        number_pending = False


# --- body ---------------------------------------------------------------------------------

_HEADING_LIKE = re.compile(
    r"(?P<word>Vraag|Vragen|Antwoord|Antwoorden)(?:\s+op(?:\s+de)?)?(?:\s+(?:vraag|vragen))?"
    r"(?![^\W\d_])\s*(?P<rest>.*)"
)
_CONNECTORS = frozenset({"en", "t/m", "tot", "met", "&", "-", "–", ",", "vraag", "vragen"})
_TERMINAL = re.compile(r"[.?!:;][\"'»”’)]*\d{0,2}$")
_QUESTION_END = re.compile(r"\?[\"'»”’)]*\d{0,2}$")
_NOTICE_HEADING = re.compile(r"Mededeling\b\s*")
_NOTICE = re.compile(
    r"niet\s+binnen\s+de\s+(?:gebruikelijke\s+|gestelde\s+)?termijn"
    r"|uitstel\s+van\s+(?:de\s+)?beantwoording|kunnen\s+(?:tot\s+mijn\s+spijt\s+)?niet\s+(?:binnen|tijdig)",
    re.I,
)
_WRAP_LIMIT = 130  # longer lines mean the source was not hard-wrapped (one line per paragraph)


@lru_cache(maxsize=8192)
def _heading_rest(line: str) -> tuple[str, str] | None:
    """(word, rest) when ``line`` has the shape of a heading: "Vraag"/"Antwoord" followed only
    by numbers and connectors, allowing one odd token ("Vraag ¹", "Vraag a") so that a broken
    heading is reported instead of being read as text. "Antwoord van ..." is not a heading."""
    m = _HEADING_LIKE.fullmatch(line)
    if m is None:
        return None
    tokens = m["rest"].split()
    if len(tokens) > 15:
        return None
    odd = [t for t in tokens if t not in _CONNECTORS and not t.strip(".,:;()").isdecimal()]
    if len(odd) > 1:
        return None
    if odd:
        word = odd[0].strip(".,:;()")
        if len(word) > 1 and word.isalpha():
            return None
    return m["word"], m["rest"]


def _heading_like(line: str) -> bool:
    return _heading_rest(line) is not None


def _heading(line: str, previous: str | None, width: int) -> tuple[str, list[int]] | None:
    """("Vraag" | "Antwoord", numbers) when ``line`` is a heading. ``previous`` is the line
    before when it may continue into this one (hard-wrapped text, no blank line between) and
    decides the one ambiguous case: a sentence can end on a line of its own with "Vraag 2."
    ("... verwijs ik naar⏎Vraag 2."). A previous line that ends a sentence, or that is short
    enough to have taken the word "Vraag" (a one-word answer "Ja"), ended its paragraph."""
    shape = _heading_rest(line)
    if shape is None:
        return None
    word = "Vraag" if shape[0].startswith("Vra") else "Antwoord"
    if (
        shape[1].endswith(".")
        and previous
        and not _TERMINAL.search(previous)
        and len(previous) + 1 + len(shape[0]) >= 0.75 * width
    ):
        return None
    try:
        return word, parse_numbers(line)
    except TextParseError as exc:
        raise TextParseError(f"{exc} (a heading must be 'Vraag <n>' or 'Antwoord <n>')") from None


def _first_heading(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _heading_rest(line) is None:
            continue
        try:
            parse_numbers(line)
        except TextParseError:
            continue
        return i
    return len(lines)


# A list item: "- ", "• ", "a) ", "1. ", "ii) ", and Word's "o " for a second-level bullet.
_BULLET = re.compile(r"(?:[-–•▪◦·*o]|\(?[a-z]\)|\d{1,2}[.)]|\(?[ivx]{1,4}[.)])\s")


def _paragraphs(lines: list[str], width: int, wrapped: bool, pdf: bool) -> list[str]:
    """Re-flow the lines of one block into paragraphs. In hard-wrapped text a line that ends a
    sentence and would have left room for the next word ended its paragraph; a list item
    starts a paragraph, and ends at a line with room left (items need no final period)."""
    paragraphs: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if wrapped and paragraphs[-1] and _BULLET.match(line):
            paragraphs.append([])
        paragraphs[-1].append(line)
        if not wrapped:
            paragraphs.append([])
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if following and (_TERMINAL.search(line) or _BULLET.match(paragraphs[-1][0])):
            next_word = following.split(" ", 1)[0]
            if len(line) + 1 + len(next_word) < 0.75 * width:
                paragraphs.append([])
    return [_join_lines(p, pdf) for p in paragraphs if p]


def _split_group(
    label: str, numbers: list[int], lines: list[str], paragraphs: list[str], pdf: bool
) -> list[str]:
    """Texts of a grouped question heading ("Vraag 2, 4 en 5" + three paragraphs)."""
    count = len(numbers)
    if len(paragraphs) == count:
        return paragraphs
    # Questions end with a question mark: cut after each paragraph, then after each line
    # (hard-wrapped text without blank lines), that ends with one.
    by_paragraph = ["\n".join(g) for g in _cut_after_questions(paragraphs)]
    if len(by_paragraph) == count:
        return by_paragraph
    by_line = [_join_lines(g, pdf) for g in _cut_after_questions([x for x in lines if x])]
    if len(by_line) == count:
        return by_line
    raise TextParseError(
        f"'{label}' names {count} questions but its text has {len(paragraphs)} paragraph(s) "
        f"that cannot be split into {count} questions"
    )


def _cut_after_questions(units: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for unit in units:
        groups[-1].append(unit)
        if _QUESTION_END.search(unit):
            groups.append([])
    return [g for g in groups if g]


@dataclass
class _Block:
    word: str
    label: str
    numbers: list[int]
    lines: list[str]


def _blocks(lines: list[str], wrapped: bool, width: int) -> list[_Block]:
    blocks: list[_Block] = []
    previous: str | None = None
    for line in lines:
        heading = _heading(line, previous if wrapped else None, width) if line else None
        if heading is not None:
            blocks.append(_Block(heading[0], line, heading[1], []))
            previous = None
            continue
        if not blocks:
            raise TextParseError(f"body text before the first question heading: {line[:80]!r}")
        blocks[-1].lines.append(line)
        previous = line or None
    return blocks


def _clean(text: str) -> str:
    text = _strip_markers(text)
    return (_SPACES.sub(" ", text) if "  " in text else text).strip()


def _parse_body(
    lines: list[str], kind: str | None, pdf: bool
) -> tuple[list[tuple[int, str]], list[tuple[list[int], str]], list[str]]:
    content = [x for x in lines if x and not _heading_like(x)]
    width = max((len(x) for x in content), default=0)
    wrapped = width <= _WRAP_LIMIT
    questions: list[tuple[int, str]] = []
    answers: list[tuple[list[int], str]] = []
    notices: list[str] = []
    seen_q: set[int] = set()
    seen_a: set[int] = set()
    for block in _blocks(lines, wrapped, width):
        paragraphs = _paragraphs(block.lines, width, wrapped, pdf)
        if kind == POSTPONEMENT:
            notices += [p for p in paragraphs if _NOTICE.search(p)]
            paragraphs = [p for p in paragraphs if not _NOTICE.search(p)]
        if not paragraphs:
            raise TextParseError(f"'{block.label}' has no text")
        if block.word == "Vraag":
            if len(block.numbers) == 1:
                texts = ["\n".join(paragraphs)]
            else:
                texts = _split_group(block.label, block.numbers, block.lines, paragraphs, pdf)
            for number, text in zip(block.numbers, texts):
                if number in seen_q:
                    raise TextParseError(f"question {number} appears twice")
                seen_q.add(number)
                questions.append((number, _clean(text)))
        else:
            for number in block.numbers:
                if number in seen_a:
                    raise TextParseError(f"answer to question {number} appears twice")
                seen_a.add(number)
            answers.append((block.numbers, _clean("\n".join(paragraphs))))
    missing = sorted(seen_a - seen_q)
    if missing:
        raise TextParseError(
            f"answer names question {missing[0]}, which does not exist in this text "
            f"(questions: {sorted(seen_q)})"
        )
    return questions, answers, notices


# --- the whole document -------------------------------------------------------------------


def _one(values: list[str], what: str) -> str | None:
    distinct = list(dict.fromkeys(values))
    if len(distinct) > 1:
        raise TextParseError(f"conflicting {what} in the text: {', '.join(distinct)}")
    return distinct[0] if distinct else None


@dataclass
class _DocMeta:
    chamber: str | None
    vergaderjaar: str | None
    number: str | None
    zaak: str | None
    doc_id: str | None


def _id_parts(doc_id: str) -> tuple[str, str | None, str]:
    """(chamber, vergaderjaar or None, number) of a KOOP id."""
    kamer = {"tk": "Tweede Kamer", "ek": "Eerste Kamer"}[doc_id.split("-")[1]]
    tail = doc_id.split("-", 2)[2]
    if doc_id.startswith("ah-"):
        years, nr = tail.split("-")
        return kamer, f"{years[:4]}-{years[4:]}", nr
    return kamer, None, tail


def _document_meta(meta: _Meta) -> _DocMeta:
    doc_id = _one(meta.doc_ids, "document ids")
    if doc_id:
        kamer, years, nr = _id_parts(doc_id)
        meta.chambers.append(kamer)
        if years:
            meta.add_years(*years.split("-"))
        meta.add_number(nr)
    return _DocMeta(
        _one(meta.chambers, "chambers"),
        _one(meta.vergaderjaren, "vergaderjaren"),
        _one(meta.numbers, "document numbers"),
        _one(meta.zaken, "Zaak numbers"),
        doc_id,
    )


def _with_soft_id(meta: _Meta, doc: _DocMeta, answered: bool) -> _DocMeta:
    """Add the KOOP id of a "Permanente link" in the copied page when it cannot be another
    document's: one distinct id, of the right kind (ah- for a reply, kv- for questions only),
    agreeing with the chamber, vergaderjaar and number the text states. Otherwise ``doc``."""
    ids = list(dict.fromkeys(meta.soft_ids))
    if len(ids) != 1 or doc.doc_id is not None or ids[0].startswith("ah-") != answered:
        return doc
    kamer, years, nr = _id_parts(ids[0])
    if doc.chamber not in (None, kamer) or (years and doc.vergaderjaar not in (None, years)):
        return doc
    zaak = _ZAAK.fullmatch(nr) is not None
    if (doc.zaak if zaak else doc.number) not in (None, nr):
        return doc
    return _DocMeta(
        doc.chamber or kamer,
        doc.vergaderjaar or years,
        doc.number if zaak else nr,
        nr if zaak else doc.zaak,
        ids[0],
    )


def _split_preamble(preamble: str) -> tuple[str, str, str]:
    """(question header, text after it, text before it) from the joined preamble."""
    start = _HEADER_START.search(preamble)
    if start is None:
        raise TextParseError("no question header ('Vragen van het lid/de leden ...') found")
    # A copied page can show the header twice (OB uses the header sentence of kv-ek documents as
    # the page title): the document's own is the last one before the reply line.
    first_reply = _REPLY_START.search(preamble, start.end())
    limit = first_reply.start() if first_reply is not None else len(preamble)
    while (again := _HEADER_START.search(preamble, start.end(), limit)) is not None:
        start = again
    ingezonden = _INGEZONDEN.search(preamble, start.start())
    reply = _REPLY_START.search(preamble, start.end())
    if ingezonden is not None and (reply is None or ingezonden.start() < reply.start()):
        end = ingezonden.end()
    else:
        # Eerste Kamer header: "... op <date> medegedeeld aan ... inzake <subject>." ends where
        # the reply line starts.
        end = reply.start() if reply is not None else len(preamble)
    return preamble[start.start() : end], preamble[end:].strip(), preamble[: start.start()]


_ROLE_PARTS = re.compile(r"(?:Minister|Staatssecretaris) (?:van|voor) (?P<ministry>.+)")


def _check_preamble(lines: list[str]) -> None:
    """A heading-shaped line before the first real heading is a broken heading ("Vraag ¹")."""
    started = False
    for line in lines:
        started = started or bool(_HEADER_LINE.match(line))
        if started and _heading_like(line):
            parse_numbers(line)  # raises: a valid heading would have started the body
            raise TextParseError(f"heading {line!r} is not where a heading can be")


def _hints(header: QuestionHeader) -> dict[str, str]:
    # The addressee list says "van" or "voor" for the ministries a signatory names.
    hints: dict[str, str] = {}
    for role in header.addressed_to:
        m = _ROLE_PARTS.match(role)
        if m:
            hints[_ministry_of(m["ministry"])] = role
    return hints


_INGEZONDEN_ALONE = re.compile(r"\(\s*[Ii]ngezonden\s+(?:op\s+)?(?P<date>[^()]*?)\s*\)\s*\.?\s*$")
_TOELICHTING = re.compile(r"Toelichting\b\s*:?\s*")


def _read_preamble(
    preamble: str, chamber: str | None, no_body: bool
) -> tuple[QuestionHeader, ReplyLine | None, list[str], str | None]:
    """(header, reply line, notice sentences, "Toelichting") from the joined text before the
    first heading. A "Toelichting:" paragraph (questions that follow up earlier ones say so)
    stands after the header or after the reply line."""
    header_text, after, before = _split_preamble(preamble)
    header = parse_question_header(header_text, chamber)
    if header.asked_on is None and (m := _INGEZONDEN_ALONE.search(before)):
        # Documents of the Griffie put "<Zaak>⏎(ingezonden <date>)" above the header.
        header.asked_on = _to_date(_DATE_ZAAK.sub("", m["date"]), "question header date")
    toelichting: list[str] = []
    if m := _TOELICHTING.match(after):
        reply_at = _REPLY_START.search(after, m.end())
        cut = reply_at.start() if reply_at else len(after)
        toelichting.append(after[m.end() : cut].strip())
        after = after[cut:]
    reply: ReplyLine | None = None
    notice: list[str] = []
    if after:
        if not _REPLY_START.match(after):
            if no_body:
                raise TextParseError(
                    f"no 'Vraag <n>' headings found (text after the question header: {after[:60]!r})"
                )
            raise TextParseError(f"unexpected text after the question header: {after[:100]!r}")
        reply, rest = _parse_reply(after, chamber, _hints(header))
        if m := _TOELICHTING.match(rest):
            toelichting.append(rest[m.end() :].strip())
            rest = ""
        rest = _NOTICE_HEADING.sub("", rest, count=1) if reply.kind == POSTPONEMENT else rest
        if rest:
            # A postponement notice may carry its announcing sentence here; an answer may not.
            if reply.kind != POSTPONEMENT:
                if no_body:
                    raise TextParseError(
                        f"no 'Vraag <n>' headings found (text after the reply line: {rest[:60]!r})"
                    )
                raise TextParseError(f"unexpected text after the reply line: {rest[:100]!r}")
            notice.append(rest)
    return header, reply, notice, " ".join(t for t in toelichting if t) or None


# "Vraag 1: Bent u ...?" / "Antwoord op vraag 2 en 3: Ja." - a heading and the first line of its
# text on one line (ministries' own documents, or a PDF's margin heading once the spaces are
# collapsed). Only read so when the text has no heading on a line of its own: a sentence in an
# answer may start with "Vraag 3: ...".
_INLINE_HEADING = re.compile(
    r"(?P<label>(?:Vraag|Vragen|Antwoord|Antwoorden)(?:\s+op(?:\s+de)?)?(?:\s+(?:vraag|vragen))?"
    r"\s+\d{1,3}(?:\s*(?:,|en|&|t/m|tot\s+en\s+met|[-–])\s*\d{1,3})*)\s*[:.]?\s+"
    r"(?P<text>[A-Z«\"'‘“(].*)"
)


def _bare_number_headings(lines: list[str]) -> list[str]:
    """Older Aanhangsel pages number questions and answers with a bare "1" line. After the
    header, the first "<n>" line is question n, the second its answer; questions must come
    in order 1, 2, 3... and any other bare number means the text is not of this layout."""
    start = next((i for i, x in enumerate(lines) if _HEADER_LINE.match(x)), len(lines))
    out = list(lines)
    count: dict[int, int] = {}
    for i in range(start + 1, len(lines)):
        if not _NOTE_NUMBER.fullmatch(lines[i]):
            continue
        n = int(lines[i])
        seen = count.get(n, 0)
        if seen == 0 and n == len(count) + 1:
            out[i] = f"Vraag {n}"
        elif seen == 1:
            out[i] = f"Antwoord {n}"
        else:
            return lines
        count[n] = seen + 1
    return out


def _split_inline_headings(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        m = _INLINE_HEADING.fullmatch(line)
        if m is None:
            out.append(line)
        else:
            out += [m["label"], m["text"]]
    return out


def parse_text(text: str) -> ParsedText:
    """Parse one whole document given as text (see the module docstring for the layouts)."""
    bad = find_mojibake(text)
    if bad is not None:
        raise TextParseError(
            f"mojibake {bad!r}: the text was decoded with the wrong character set "
            "(e.g. UTF-8 read as Latin-1 gives 'Ã«' for 'ë'); re-decode the raw bytes"
        )
    meta = _Meta()
    text = normalise_text(_strip_footers(text, meta))
    title, doc_type, lines = _take_title(_cut_page_end(text.split("\n")))
    lines = _strip_furniture(lines, meta)
    lines, note_texts = _take_footnotes(lines, meta.pdf, len(meta.page_notes))
    doc = _document_meta(meta)
    chamber = doc.chamber

    body_start = _first_heading(lines)
    if body_start == len(lines):
        lines = _bare_number_headings(_split_inline_headings(lines))
        body_start = _first_heading(lines)
        _take_trailing_notes(lines, note_texts, len(meta.page_notes))
    _check_preamble(lines[:body_start])
    header, reply, notice, toelichting = _read_preamble(
        _join_lines(lines[:body_start], meta.pdf), chamber, body_start == len(lines)
    )

    kind = reply.kind if reply else None
    doc = _with_soft_id(meta, doc, reply is not None)
    questions, answers, notices = _parse_body(lines[body_start:], kind, meta.pdf)
    if answers and reply is None:
        raise TextParseError("'Antwoord' blocks but no reply line ('Antwoord van ...') was found")
    if not questions and kind != POSTPONEMENT:
        raise TextParseError("no 'Vraag <n>' headings found after the header")
    notice += notices

    footnotes: list[str] = []
    note_texts = meta.page_notes + note_texts
    for chunk in (*note_texts, *(q for _, q in questions), *(a for _, a in answers)):
        footnotes.extend(_urls(chunk))
    return ParsedText(
        header=header,
        reply=reply,
        questions=questions,
        answers=answers,
        footnotes=list(dict.fromkeys(footnotes)),
        document_title=_clean(title) if title else None,
        vergaderjaar=doc.vergaderjaar,
        number=doc.number or doc.zaak,
        doc_id=doc.doc_id,
        document_type=doc_type,
        footnote_texts=note_texts,
        notice_text=" ".join(notice) if notice else None,
        zaak_number=doc.zaak,
        toelichting=_clean(toelichting) if toelichting else None,
    )
