"""Belgian Senate written questions (senate.be): the detail page in Dutch and in French, and the
bilingual print version, read into one ``SourceDocument`` per question.

Layouts: shared/reference/FORMATS.md sections 6 and 7 (lines as a reader sees them). The HTML
markup around those lines is not documented, so the parser reads the page as lines of text
(block elements and ``<br>`` end a line) and recognises each line by its shape, in order:
number line, asker line, addressee, subject, descriptors, ``Chronologie`` events, relation
lines, the body header with the language the question was asked in, the question text and the
answer. The bilingual print is a two-column table (French left, Dutch right, as its flattened
text shows): each column is read like a page of its own.

Pure functions (bytes in, dataclasses out): the spider callbacks, ``reparse`` and the tests call
them alike. Anything that does not fit raises ``SenaatParseError`` with a reason a person can act
on; ``NoSuchQuestion`` (a subclass) marks a page that holds no question at all.

Inferred, not seen in any excerpt [I]: the French answer marker ``Réponse reçue le <date> :``,
the French chronology labels other than ``Envoi question``, ``Réponse`` and ``Dossier clôturé``,
and the French grouped-number heading ``Questions 1) et 2).``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import lxml.html
from lxml import etree

from archive.dates import DateParseError, parse_date
from archive.model import (
    ANSWER, BE_SENATE, QUESTION, REFERS_TO, REFILED_AS, REQUALIFIED_AS, SAME_QUESTION, AnswerPart, Asker, Event,
    Minister, QuestionPart, Related, SourceDocument, Translation,
)
from crawler.parsers.encoding import utf8_or_cp1252

PARSER_VERSION = "senaat-1"
SOURCE = "senaat"
LANG_NAMES = {"nl": "Dutch", "fr": "French"}
logger = logging.getLogger(__name__)


class SenaatParseError(ValueError):
    """A Senate page that cannot become (part of) a document; the message is the reason."""


class NoSuchQuestion(SenaatParseError):
    """The page holds no question: the Senate answers an unknown number with an empty page."""


# --- URLs ------------------------------------------------------------------------------------

def detail_url(base: str, leg: int, nr: int, lang: str) -> str:
    """The official detail page (the form SOURCES.md section 5 gives)."""
    return f"{base}/www/?MIval=/Vragen/SchriftelijkeVraag&LEG={leg}&NR={nr}&LANG={lang}"


def print_url(base: str, leg: int, nr: int) -> str:
    """The bilingual print version (FORMATS.md section 7)."""
    return f"{base}/www/?MIval=Vragen/SVPrintNLFR&LEG={leg}&NR={nr}&LANG=fr"


@dataclass(frozen=True)
class PageKey:
    variant: str  # "nl" | "fr" (detail pages) | "print" (bilingual print)
    leg: int
    nr: int


def page_key(url: str) -> PageKey | None:
    """What a Senate URL is, read from its query parameters by name (``MIval`` with or without
    its leading slash, any host and scheme); None for anything else."""
    params = {k.upper(): v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    mival = params.get("MIVAL", "").lstrip("/").lower()
    try:
        leg, nr = int(params.get("LEG", "")), int(params.get("NR", ""))
    except ValueError:
        return None
    if mival == "vragen/schriftelijkevraag" and params.get("LANG", "").lower() in ("nl", "fr"):
        return PageKey(params["LANG"].lower(), leg, nr)
    if mival == "vragen/svprintnlfr":
        return PageKey("print", leg, nr)
    return None


def doc_id(leg: int, nr: int) -> str:
    return f"sv-{leg}-{nr}"


# --- bytes to lines --------------------------------------------------------------------------

_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LATIN = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii"}


def _declared_charset(body: bytes, content_type: str | None) -> str | None:
    if content_type:
        m = _CHARSET_RE.search(content_type.encode("latin-1", "replace"))
        if m:
            return m.group(1).decode("ascii").lower()
    m = _CHARSET_RE.search(body[:2048])
    return m.group(1).decode("ascii").lower() if m else None


def decode_page(body: bytes, content_type: str | None = None) -> tuple[str, list[str]]:
    """The page as text, and notes on how it was read. Valid UTF-8 with non-ASCII characters is
    UTF-8 whatever the page declares (latin-1 text is practically never valid UTF-8); anything
    else is read as cp1252, the Windows superset of the latin-1 the old Senate pages use."""
    declared = _declared_charset(body, content_type)
    notes: list[str] = []
    text, utf8 = utf8_or_cp1252(body)
    if not utf8:
        if declared in (None, "utf-8", "utf8"):
            notes.append(f"the page declares {declared or 'no charset'} but is not UTF-8: read as cp1252")
        return text, notes
    if declared in _LATIN and any(b > 0x7F for b in body):
        notes.append(f"the page declares {declared} but is UTF-8: read as UTF-8")
    return text, notes


# The Senate's legacy code page on Dutch pages (FORMATS.md section 6): "BelgiŽ", "financiŽle",
# "geÔnvesteerd". Repaired only after a lower-case letter (inside a word), so a real "Ž" or "Ô"
# starting a name ("Žižek", "Ôtel") is left alone.
_MOJIBAKE_E = re.compile(r"(?<=[a-zà-ÿ])Ž")
_MOJIBAKE_I = re.compile(r"(?<=[a-zà-ÿ])Ô(?=[a-zà-ÿ])")


def repair_legacy_mojibake(text: str) -> tuple[str, int]:
    """``Ž`` -> ``ë`` and ``Ô`` -> ``ï`` inside words; returns the text and how many were fixed."""
    text, n1 = _MOJIBAKE_E.subn("ë", text)
    text, n2 = _MOJIBAKE_I.subn("ï", text)
    return text, n1 + n2


_BLOCK = {"p", "div", "br", "tr", "td", "th", "li", "ul", "ol", "table", "tbody", "thead", "h1", "h2", "h3", "h4",
          "h5", "h6", "hr", "dd", "dt", "dl", "center", "blockquote", "pre", "form", "body", "html"}


def _lines_of(el: etree._Element) -> list[str]:
    """The element's text as a reader sees it: one line per block element or ``<br>``."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "head", "title", "noscript"):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag.lower() in _BLOCK
        if block:
            parts.append("\n")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(el)
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in "".join(parts).split("\n")]
    return [line for line in lines if line]


def _root(text: str) -> etree._Element:
    if not text.strip():
        raise NoSuchQuestion("the page is empty")
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise SenaatParseError(f"not an HTML page: {exc}") from None


# --- one page --------------------------------------------------------------------------------

@dataclass
class SenatePage:
    """One language side of one question, as printed."""

    lang: str
    leg: int
    nr: int
    asker: Asker
    asked_on: date
    addressed_to: str
    subject: str = ""
    descriptors: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    deadline: date | None = None
    related: list[Related] = field(default_factory=list)
    asked_language: str | None = None  # from "(Vraag gesteld in het Nederlands)"
    questions: list[QuestionPart] = field(default_factory=list)
    answer_date: date | None = None  # "Antwoord ontvangen op <date> :"
    answers: list[AnswerPart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the page was read (encoding, repairs)
    # "Geherkwalificeerd als : vraag om uitleg ...": this written question became an oral one,
    # so no written answer will come (not "Herkwalificatie van", the reverse direction).
    requalified_into: bool = False

    def event_date(self, kind: str) -> date | None:
        return next((e.date for e in self.events if e.kind == kind), None)


_NUMBER_LINE = re.compile(r"(?:Schriftelijke\s+vraag\s+nr\.?|Question\s+[ée]crite\s+n[°ºo]\.?)\s*(\d+)\s*-\s*(\d+)",
                          re.IGNORECASE)
_ASKER_LINE = re.compile(r"^(?:van|de)\s+(?P<name>[^()]+?)\s*(?:\((?P<party>[^()]*)\))?"
                         r"(?:\s+(?:d\.\s?d\.|du)\s+(?P<date>.+))?$")
_ADDRESSEE_LINE = re.compile(r"^(?:aan\s+(?:de|het)|à\s+la|au|aux|à\s+l['’])\s*(?P<role>.+)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[_\s-]+$")
_CHRONO_HEAD = re.compile(r"^Chronologie\s*:?$", re.IGNORECASE)
_EVENT_LINE = re.compile(r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*(?P<label>.*)$")
_DEADLINE = re.compile(r"\(\s*(?:Einde\s+van\s+de\s+antwoordtermijn|Fin\s+du\s+d[ée]lai\s+de\s+r[ée]ponse)\s*:\s*"
                       r"(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*\)", re.IGNORECASE)
_RELATION_LINE = re.compile(
    r"^(?P<label>Ook\s+gesteld\s+aan|Aussi\s+pos[ée]e\s+[àa]|Heringediend\s+als|R[ée]introduite\s+comme"
    r"|Geherkwalificeerd\s+als|Herkwalificatie\s+van|Requalifi[ée]e\s+(?:comme|en)|Requalification\s+de)\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE)
_RELATIONS = {
    "ook gesteld aan": SAME_QUESTION, "aussi posée à": SAME_QUESTION, "heringediend als": REFILED_AS,
    "réintroduite comme": REFILED_AS, "geherkwalificeerd als": REQUALIFIED_AS, "herkwalificatie van": REQUALIFIED_AS,
    "requalifiée comme": REQUALIFIED_AS, "requalifiée en": REQUALIFIED_AS, "requalification de": REQUALIFIED_AS,
}
_TARGET = re.compile(r"(?P<what>schriftelijke\s+vraag|question\s+[ée]crite|vraag\s+om\s+uitleg"
                     r"|demande\s+d['’]explications?)?\s*(?:nr\.?|n°)?\s*(?P<leg>\d+)\s*-\s*(?P<nr>\d+)", re.IGNORECASE)
_BODY_HEAD = re.compile(r"^(?:SENAAT\s+|S[ÉE]NAT\s+)?(?:Vraag\s+nr\.?|Question\s+n[°ºo]\.?|Schriftelijke\s+vraag\s+nr\.?)"
                        r"\s*(?P<leg>\d+)\s*-\s*(?P<nr>\d+)\s+(?:d\.\s?d\.|du)\s+(?P<date>.+?)\s*:\s*(?P<rest>.*)$",
                        re.IGNORECASE)
_ASKED_IN = re.compile(r"\(\s*(?:Vraag\s+gesteld\s+in\s+het\s+(?P<nl>Nederlands|Frans|Duits)"
                       r"|Question\s+pos[ée]e\s+en\s+(?P<fr>n[ée]erlandais|fran[çc]ais|allemand))\s*\)", re.IGNORECASE)
_ASKED_LANG = {"nederlands": "nl", "frans": "fr", "néerlandais": "nl", "neerlandais": "nl", "français": "fr",
               "francais": "fr", "duits": "de", "allemand": "de"}
_ANSWER_HEAD = re.compile(r"^(?:Antwoord\s+ontvangen\s+op|R[ée]ponse\s+re[çc]ue\s+le)\s+(?P<date>.+?)\s*:\s*(?P<rest>.*)$",
                          re.IGNORECASE)
_SUBQUESTION = re.compile(r"^(?P<n>\d{1,2})\s*[).]\s*(?P<text>\S.*)?$")
_GROUP_HEAD = re.compile(r"^(?:Vragen|Vraag|Questions?)\s+(?P<nums>\d{1,2}\s*[).]?(?:\s*(?:,|en|et)\s*\d{1,2}\s*[).]?)*)"
                         r"\s*[.:]?\s*(?P<rest>.*)$", re.IGNORECASE)
_REFERRAL = re.compile(r"(?:vraag|question)(?:\s+[ée]crite)?\s+(?:nr\.?|n°)\s*(?P<leg>\d+)\s*-\s*(?P<nr>\d+)",
                       re.IGNORECASE)

_EVENT_KINDS = [
    (re.compile(r"^(?:Verzending\s+vraag|Envoi\s+(?:de\s+la\s+)?question)", re.I), "sent"),
    (re.compile(r"^(?:Antwoord|R[ée]ponse)\b", re.I), "answered"),
    (re.compile(r"^Rappel\b", re.I), "reminder"),
    (re.compile(r"^Dossier\s+(?:gesloten|cl[ôo]tur[ée])", re.I), "closed"),
    (re.compile(r"^(?:Herkwalificatie|Requalification)\b", re.I), "requalified"),
    (re.compile(r"^(?:Heringediend|R[ée]introduction|R[ée]introduite)\b", re.I), "refiled"),
]


def _day(text: str, what: str, lang: str | None = None) -> date:
    try:
        return parse_date(text, lang)
    except DateParseError as exc:
        raise SenaatParseError(f"{what}: {exc}") from None


def event_kind(label: str) -> str:
    return next((kind for rx, kind in _EVENT_KINDS if rx.match(label)), "other")


def _asked_language(text: str) -> str | None:
    m = _ASKED_IN.search(text)
    if not m:
        return None
    return _ASKED_LANG[(m["nl"] or m["fr"]).lower()]


def _related(line: str, base: str) -> list[Related]:
    m = _RELATION_LINE.match(line)
    assert m is not None
    relation = _RELATIONS[" ".join(m["label"].lower().replace("posee", "posée").replace("reintroduite", "réintroduite")
                                   .replace("requalifiee", "requalifiée").split())]
    out = []
    for t in _TARGET.finditer(m["rest"]):
        leg, nr = int(t["leg"]), int(t["nr"])
        what = " ".join((t["what"] or "").lower().split())
        if what.startswith(("vraag om uitleg", "demande d")):
            out.append(Related(REQUALIFIED_AS if relation == REQUALIFIED_AS else relation, f"sv-ou-{leg}-{nr}",
                               f"{' '.join(t['what'].split())} {leg}-{nr}", None))
        else:
            out.append(Related(relation, doc_id(leg, nr), f"{leg}-{nr}", detail_url(base, leg, nr, "nl")))
    if not out:
        raise SenaatParseError(f"relation line without a question number: {line!r}")
    return out


def _split_questions(lines: list[str]) -> list[QuestionPart]:
    """Sub-questions numbered ``1)``, ``1)text`` or ``1.`` at the start of a line, counted up
    from 1 (a line starting "2020." inside the text is not question 2020). Text before question
    1 (context, the "transversal" justification) stays with question 1."""
    intro: list[str] = []
    parts: list[tuple[int, list[str]]] = []
    for line in lines:
        m = _SUBQUESTION.match(line)
        if m and int(m["n"]) == len(parts) + 1:
            parts.append((int(m["n"]), [m["text"]] if m["text"] else []))
        elif parts:
            parts[-1][1].append(line)
        else:
            intro.append(line)
    if not parts:
        text = "\n".join(intro).strip()
        return [QuestionPart(1, text)] if text else []
    out = []
    for i, (n, body) in enumerate(parts):
        text = "\n".join((intro if i == 0 else []) + body).strip()
        if not text:
            raise SenaatParseError(f"sub-question {n}) has no text")
        out.append(QuestionPart(n, text))
    return out


def _group_numbers(nums: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d{1,2}", nums)]


def _split_answers(lines: list[str], question_numbers: list[int]) -> list[AnswerPart]:
    """The answer cut at its headings ("Vragen 1) en 2).", "Vraag 3).", "1)"); a courtesy
    formula or any text before the first heading stays with the first part. Without headings
    the whole answer answers every question."""
    lead: list[str] = []
    parts: list[tuple[list[int], list[str]]] = []
    for line in lines:
        g = _GROUP_HEAD.match(line)
        s = _SUBQUESTION.match(line)
        if g:
            parts.append((_group_numbers(g["nums"]), [g["rest"]] if g["rest"] else []))
        elif s and int(s["n"]) in question_numbers and int(s["n"]) not in {n for ns, _ in parts for n in ns}:
            parts.append(([int(s["n"])], [s["text"]] if s["text"] else []))
        elif parts:
            parts[-1][1].append(line)
        else:
            lead.append(line)
    if not parts:
        text = "\n".join(lead).strip()
        return [AnswerPart(list(question_numbers), text)] if text else []
    out = []
    for i, (numbers, body) in enumerate(parts):
        text = "\n".join((lead if i == 0 else []) + body).strip()
        if text:
            out.append(AnswerPart(numbers, text))
    return out


def read_lines(lines: list[str], lang: str, base: str, *, asked_on: date | None = None) -> SenatePage:
    """One language side, from its lines (a detail page, or one column of the print).
    ``asked_on``: the date printed on its own line in the print (its asker line has none)."""
    i = next((k for k, line in enumerate(lines) if _NUMBER_LINE.search(line) and not _BODY_HEAD.match(line)), None)
    if i is None:
        raise NoSuchQuestion("no 'Schriftelijke vraag nr.' / 'Question écrite n°' line: the page holds no question")
    m = _NUMBER_LINE.search(lines[i])
    leg, nr = int(m[1]), int(m[2])
    rest = [line for line in lines[i + 1:] if not _SEPARATOR.match(line)]

    # asker, date, addressee
    if not rest or not (a := _ASKER_LINE.match(rest[0])):
        raise SenaatParseError(f"{leg}-{nr}: no asker line ('van <Naam> (<Partij>) d.d. <datum>') after the number")
    asker = Asker(a["name"].strip(), a["party"].strip() if a["party"] else None)
    if a["date"]:
        asked = _day(a["date"], f"{leg}-{nr}: asking date")
    elif asked_on is not None:
        asked = asked_on
    else:
        raise SenaatParseError(f"{leg}-{nr}: the asker line gives no date")
    k = 1
    if k >= len(rest) or not (ad := _ADDRESSEE_LINE.match(rest[k])):
        raise SenaatParseError(f"{leg}-{nr}: no addressee line ('aan de <functie>' / 'à la <fonction>')")
    page = SenatePage(lang, leg, nr, asker, asked, ad["role"].strip())
    k += 1

    # subject and descriptors, up to the chronology
    head: list[str] = []
    while k < len(rest) and not (_CHRONO_HEAD.match(rest[k]) or _EVENT_LINE.match(rest[k])
                                 or _RELATION_LINE.match(rest[k]) or _BODY_HEAD.match(rest[k])):
        head.append(rest[k])
        k += 1
    if head:
        page.subject, page.descriptors = head[0], head[1:]
    if k < len(rest) and _CHRONO_HEAD.match(rest[k]):
        k += 1

    # chronology (dates glued to the label or not; a date alone on its line takes the next
    # line as its label; the deadline parenthesis may stand on its own line in the print),
    # then relation lines; the print repeats both blocks
    while k < len(rest) and not _BODY_HEAD.match(rest[k]):
        line = rest[k]
        k += 1
        if (e := _EVENT_LINE.match(line)) is not None:
            label = e["label"]
            if not label and k < len(rest) and not _EVENT_LINE.match(rest[k]):
                label, k = rest[k], k + 1
            if (d := _DEADLINE.search(label)) is not None:
                page.deadline = _day(d["date"], f"{leg}-{nr}: deadline")
                label = _DEADLINE.sub("", label)
            label = " ".join(label.split())
            if not label:
                raise SenaatParseError(f"{leg}-{nr}: chronology line without an event: {line!r}")
            event = Event(_day(e["date"], f"{leg}-{nr}: chronology"), label, event_kind(label))
            if (event.date, event.label) not in {(x.date, x.label) for x in page.events}:
                page.events.append(event)
        elif (d := _DEADLINE.fullmatch(line)) is not None:
            page.deadline = _day(d["date"], f"{leg}-{nr}: deadline")
        elif (relation_line := _RELATION_LINE.match(line)) is not None:
            if relation_line["label"].lower().startswith(("geherkwalificeerd", "requalifi")) \
                    and not relation_line["label"].lower().startswith("requalification"):
                page.requalified_into = True
            for r in _related(line, base):
                if (r.relation, r.id) not in {(x.relation, x.id) for x in page.related}:
                    page.related.append(r)
        else:
            raise SenaatParseError(f"{leg}-{nr}: unexpected line between the chronology and the question: {line!r}")
    if k >= len(rest):
        raise SenaatParseError(f"{leg}-{nr}: no question text ('Vraag nr. {leg}-{nr} d.d. ...' line missing)")

    # body: header, question text, answer
    b = _BODY_HEAD.match(rest[k])
    if (int(b["leg"]), int(b["nr"])) != (leg, nr):
        raise SenaatParseError(f"{leg}-{nr}: the question text is headed {b['leg']}-{b['nr']}")
    k += 1
    page.asked_language = _asked_language(b["rest"])
    if page.asked_language is None and k < len(rest) and _ASKED_IN.fullmatch(rest[k].strip()):
        page.asked_language = _asked_language(rest[k])  # the marker on the line below the header
        k += 1
    body = rest[k:]
    cut = next((j for j, line in enumerate(body) if _ANSWER_HEAD.match(line)), None)
    page.questions = _split_questions(body if cut is None else body[:cut])
    if not page.questions:
        raise SenaatParseError(f"{leg}-{nr}: the question has no text")
    if cut is not None:
        h = _ANSWER_HEAD.match(body[cut])
        page.answer_date = _day(h["date"], f"{leg}-{nr}: answer date")
        answer_lines = ([h["rest"]] if h["rest"] else []) + body[cut + 1:]
        page.answers = _split_answers(answer_lines, [q.number for q in page.questions])
        for a_ in page.answers:
            for ref in _REFERRAL.finditer(a_.text):
                rid = doc_id(int(ref["leg"]), int(ref["nr"]))
                if rid != doc_id(leg, nr) and rid not in {r.id for r in page.related if r.relation == REFERS_TO}:
                    page.related.append(Related(REFERS_TO, rid, f"{ref['leg']}-{ref['nr']}",
                                                detail_url(base, int(ref["leg"]), int(ref["nr"]), "nl")))
    return page


def parse_detail(body: bytes, content_type: str | None, lang: str, base: str) -> SenatePage:
    """A ``SchriftelijkeVraag`` page in ``lang`` ("nl" or "fr")."""
    text, notes = decode_page(body, content_type)
    if lang == "nl":
        text, fixed = repair_legacy_mojibake(text)
        if fixed:
            notes.append(f"{fixed} legacy code-page character(s) repaired (Ž -> ë, Ô -> ï)")
    page = read_lines(_lines_of(_root(text)), lang, base)
    page.notes = notes
    return page


def parse_print(body: bytes, content_type: str | None, base: str) -> tuple[SenatePage | None, SenatePage | None, list[str]]:
    """The bilingual print: (French side, Dutch side, problems). A side that cannot be read is
    None with its reason in problems; both unreadable raises."""
    text, notes = decode_page(body, content_type)
    root = _root(text)
    fr_lines: list[str] = []
    nl_lines: list[str] = []
    for row in root.iter("tr"):
        if any(anc.tag == "tr" for anc in row.iterancestors()):
            continue  # rows of a nested table belong to their cell
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if len(cells) == 2:
            fr_lines += _lines_of(cells[0])
            nl_lines += _lines_of(cells[1])
    if not fr_lines and not nl_lines:
        raise NoSuchQuestion("the print has no two-column table: the page holds no question")
    nl_text, fixed = repair_legacy_mojibake("\n".join(nl_lines))
    if fixed:
        notes.append(f"{fixed} legacy code-page character(s) repaired (Ž -> ë, Ô -> ï)")
    nl_lines = nl_text.split("\n")
    sides: dict[str, SenatePage | None] = {}
    problems: list[str] = []
    for lang, lines in (("fr", fr_lines), ("nl", nl_lines)):
        # The print puts the asking date on its own line above the number, in the column's language.
        asked = next((d for line in lines[:6] if (d := _whole_date(line, lang))), None)
        try:
            sides[lang] = read_lines(lines, lang, base, asked_on=asked)
            sides[lang].notes = list(notes)
        except SenaatParseError as exc:
            sides[lang] = None
            problems.append(f"the {LANG_NAMES[lang]} column of the print: {exc}")
    if sides["fr"] is None and sides["nl"] is None:
        raise SenaatParseError("; ".join(problems))
    return sides["fr"], sides["nl"], problems


def _whole_date(line: str, lang: str) -> date | None:
    try:
        return parse_date(line, lang)
    except DateParseError:
        return None


# --- one question from its pages -------------------------------------------------------------

@dataclass
class Side:
    """What one fetch of a language side gave: the page, or why there is none."""

    page: SenatePage | None
    reason: str | None = None
    # The page says there is no such question (an empty page), rather than failing to load.
    definitive: bool = False
    # A replay of the bundled recordings had no copy of the page: not the source's doing.
    unrecorded: bool = False


def _translation(page: SenatePage) -> Translation:
    return Translation(page.lang, page.subject, page.subject, [QuestionPart(q.number, q.text) for q in page.questions],
                       [AnswerPart(list(a.numbers), a.text) for a in page.answers])


def build_document(leg: int, nr: int, sides: dict[str, Side], base: str) -> SourceDocument:
    """One document from the Dutch and the French side (``sides["nl"]``, ``sides["fr"]``):
    the language the question was asked in gives the document's own texts, the other side is
    its translation; a missing side is a gap, not a reason to drop the question."""
    pages = {lang: s.page for lang, s in sides.items() if s.page is not None}
    if not pages:
        raise SenaatParseError(f"{leg}-{nr}: no readable page")
    for lang, p in pages.items():
        if (p.leg, p.nr) != (leg, nr):
            raise SenaatParseError(f"the {LANG_NAMES[lang]} page for {leg}-{nr} shows question {p.leg}-{p.nr}")
    gaps: list[str] = []
    stated = {p.asked_language for p in pages.values() if p.asked_language}
    if len(stated) > 1:
        raise SenaatParseError(f"{leg}-{nr}: the pages disagree on the language the question was asked in: {sorted(stated)}")
    asked_lang = next(iter(stated), None)
    if asked_lang not in (None, "nl", "fr"):
        gaps.append(f"the question was asked in {asked_lang!r}; the archive keeps its Dutch and French versions")
        asked_lang = None
    if asked_lang is None:
        asked_lang = "nl" if "nl" in pages else "fr"
        gaps.append(f"the page does not say in which language the question was asked: {LANG_NAMES[asked_lang]} assumed")
    for lang in ("nl", "fr"):
        if lang not in pages:
            gaps.append(f"the {LANG_NAMES[lang]} page could not be read: {sides[lang].reason if lang in sides else 'not fetched'}")
    if asked_lang in pages:
        main = pages[asked_lang]
    else:
        main = next(iter(pages.values()))
        gaps.append(f"the question was asked in {LANG_NAMES[asked_lang]} but only the Senate's "
                    f"{LANG_NAMES[main.lang]} translation could be read: the texts here are that translation")
    other = next((p for lang, p in pages.items() if lang != main.lang), None)

    related: list[Related] = []
    for p in [main] + ([other] if other else []):
        related += [r for r in p.related if (r.relation, r.id) not in {(x.relation, x.id) for x in related}]
    twins = [int(r.id.rsplit("-", 1)[1]) for r in related
             if r.relation == SAME_QUESTION and r.id.startswith(f"sv-{leg}-")]
    descriptors = list(main.descriptors)
    if other:
        descriptors += [d for d in other.descriptors if d not in descriptors]
    deadline = main.deadline or (other.deadline if other else None)
    events = main.events or (other.events if other else [])
    answered_on = main.event_date("answered") or (other.event_date("answered") if other else None)
    closed_on = main.event_date("closed") or (other.event_date("closed") if other else None)
    if not closed_on and any(p.requalified_into for p in (main, other) if p):
        # Turned into an oral question: the written file ends on the requalification day.
        closed_on = main.event_date("requalified") or (other.event_date("requalified") if other else None)
    if main.answers:
        kind, when = ANSWER, main.answer_date
        ministers = [Minister(None, main.addressed_to)]
    else:
        kind, when, ministers = QUESTION, main.asked_on, []
        answered_on = answered_on or main.answer_date
        if answered_on:
            # Belgian ministers answer the questions addressed to them: the office that answered
            # is the addressee (the registry resolves the person by the answer date).
            ministers = [Minister(None, main.addressed_to)]
        if other and other.answers:
            gaps.append(f"only the {LANG_NAMES[other.lang]} page carries the answer text")
        if answered_on:
            gaps.append(f"the Senate gives an answer date ({answered_on.isoformat()}) but the page carries no answer text")
    return SourceDocument(
        source=SOURCE, doc_id=doc_id(leg, nr), kind=kind, country="BE", parliament=BE_SENATE,
        url=detail_url(base, leg, nr, "nl"), language=main.lang, question_key=doc_id(leg, nr), number=f"{leg}-{nr}",
        title=main.subject, subject=main.subject, askers=[Asker(main.asker.name, main.asker.party)],
        addressed_to=[main.addressed_to], ministers=ministers, asked_on=main.asked_on, date=when,
        questions=main.questions, answers=main.answers, deadline=deadline,
        translations=[_translation(other)] if other else [],
        answered_on=answered_on if kind == QUESTION else None, closed_on=closed_on, events=list(events),
        related=related, thread_key=doc_id(leg, min([nr, *twins])), descriptors=descriptors, gaps=gaps,
    )


def document_from_print(leg: int, nr: int, body: bytes, content_type: str | None, base: str) -> SourceDocument:
    fr, nl, problems = parse_print(body, content_type, base)
    sides = {"fr": Side(fr, None if fr else "; ".join(p for p in problems if "French" in p)),
             "nl": Side(nl, None if nl else "; ".join(p for p in problems if "Dutch" in p))}
    return build_document(leg, nr, sides, base)


