"""Brussels Parliament (parlement.brussels, "weblex"): written questions.

Two inputs, both pure functions of bytes (no Scrapy objects, so tests and ``reparse`` call them
directly):

* the legislature index ``/prb_includes/weblex/data/dos_qu_legis_<yy>-<yy>.json``
  (``parse_index``). Its shape is known only from third-party code (SOURCES.md section 5, [C]):
  an object whose ``data`` is a list of rows; ``r[0]`` the assembly (``PRB``), ``r[2]`` the link
  to the question page (holds ``moncode=<n>``), ``r[5]`` the date of reception (dd/mm/yyyy),
  ``r[8]``/``r[9]`` the French/Dutch title, ``r[10]`` the author, ``r[11]`` the addressee and
  ``r[15] == '1'`` for a written question. Every other column is unknown and not read. The
  reader is defensive: a row it cannot use is reported with its position, never guessed.
* the question page ``/weblex-quest-det/?lang=<fr|nl>&moncode=<n>&base=1&taal=<fr|nd>``
  (``parse_page``), layout in FORMATS.md section 9: a ``section#weblex-quest-det-<lang>`` with
  the title line, ``de``/``Indiener(s)`` + askers, ``à``/``aan`` + the addressee line ending in
  ``(question n°<n>)``/``(Vragen nr <n>)``, the date/legislature/session fields, the procedure
  table (``Recevable``/``Ontvankelijk`` row) and the ``Question``/``Réponse`` cells.

``build_document`` joins the page of the language the question was asked in (the main text) and
the page of the other language (a ``Translation``) into one ``SourceDocument`` per moncode.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import lxml.html
from lxml import etree

from archive.dates import DateParseError, parse_date
from archive.model import (
    ANSWER, BRUSSELS_PARLIAMENT, QUESTION, AnswerPart, Asker, Event, Minister, QuestionPart, SourceDocument,
    Translation,
)
from crawler.parsers.encoding import utf8_or_cp1252

PARSER_VERSION = "brussels-1"
SOURCE = "brussels"
DEFAULT_BASE = "https://www.parlement.brussels"
# The index does not say (as far as anyone has documented) in which language a question was
# asked; the link in r[2] may carry lang=/taal= (the site's own links to Dutch questions do, see
# DOCUMENTS.md rows 21, 23, 31). Without it the French page is taken as the asked text: most
# questions in this parliament are asked in French. [I]
DEFAULT_LANGUAGE = "fr"
LANGUAGE_NAMES = {"fr": "French", "nl": "Dutch"}
TAAL = {"fr": "fr", "nl": "nd"}  # the site's own code for Dutch is "nd"

# Legislatures of the Brussels Parliament (regional elections) and the part of the index file
# name that names them. The day a legislature starts is the election day.
LEGISLATURES = (
    ("04-09", dt.date(2004, 6, 13), dt.date(2009, 6, 7)),
    ("09-14", dt.date(2009, 6, 7), dt.date(2014, 5, 25)),
    ("14-19", dt.date(2014, 5, 25), dt.date(2019, 5, 26)),
    ("19-24", dt.date(2019, 5, 26), dt.date(2024, 6, 9)),
    ("24-29", dt.date(2024, 6, 9), dt.date(2029, 6, 10)),
)
LEGISLATURE_RE = re.compile(r"^\d{2}-\d{2}$")
INDEX_FILE_RE = re.compile(r"dos_qu_legis_(\d{2}-\d{2})\.json$")
MIN_COLUMNS = 16


class BrusselsParseError(ValueError):
    """Input that cannot become (part of) a document; the message is the quarantine reason."""


# --- URLs ----------------------------------------------------------------------------------

def index_url(base: str, legislature: str) -> str:
    if not LEGISLATURE_RE.match(legislature):
        raise ValueError(f"legislature {legislature!r}: expected two two-digit years like 19-24")
    return f"{base.rstrip('/')}/prb_includes/weblex/data/dos_qu_legis_{legislature}.json"


def detail_url(base: str, moncode: str, language: str) -> str:
    return f"{base.rstrip('/')}/weblex-quest-det/?lang={language}&moncode={moncode}&base=1&taal={TAAL[language]}"


def url_language(url: str) -> str | None:
    """The language a weblex URL asks for (``taal`` wins over ``lang``), or None."""
    params = dict(parse_qsl(urlsplit(url).query))
    taal, lang = params.get("taal", "").lower(), params.get("lang", "").lower()
    if taal in ("nd", "nl"):
        return "nl"
    if taal == "fr":
        return "fr"
    return lang if lang in ("fr", "nl") else None


def url_moncode(url: str) -> str | None:
    value = dict(parse_qsl(urlsplit(url).query)).get("moncode", "")
    return value if value.isdigit() else None


def legislatures_between(start: dt.date, end: dt.date) -> list[str]:
    """The legislatures (index file names) whose term overlaps [start, end]."""
    return [name for name, first, last in LEGISLATURES if first <= end and last >= start]


# --- the index -----------------------------------------------------------------------------

@dataclass
class IndexRow:
    moncode: str
    received: dt.date | None
    title_fr: str
    title_nl: str
    author: str
    addressee: str
    language: str | None  # from the link's lang/taal, when it has one
    position: int


@dataclass
class IndexPage:
    rows: list[IndexRow] = field(default_factory=list)
    skipped: int = 0  # other assemblies and other kinds of question: not ours
    problems: list[str] = field(default_factory=list)


MONCODE_RE = re.compile(r"moncode=(\d+)")
HREF_RE = re.compile(r"""href=["']([^"']+)["']""")


def _cell(row: list, i: int) -> str:
    value = row[i]
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return " ".join(lxml.html.fromstring(f"<span>{text}</span>").text_content().split()) if "<" in text or "&" in text \
        else " ".join(text.split())


def _dmy(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return parse_date(text)
    except DateParseError:
        return None


def parse_index(body: bytes) -> IndexPage:
    """The written questions a legislature index lists. Raises BrusselsParseError when the
    file is not the index at all; rows it cannot use become ``problems``."""
    if not body.strip():
        raise BrusselsParseError("the index is empty (0 bytes)")
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BrusselsParseError(f"the index is not valid JSON ({exc}); cut off?") from None
    rows = data.get("data") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise BrusselsParseError("the index has no 'data' list of rows")
    page = IndexPage()
    for i, row in enumerate(rows):
        if not isinstance(row, list):
            page.problems.append(f"index row {i}: not a list of cells")
            continue
        if len(row) < MIN_COLUMNS:
            page.problems.append(f"index row {i}: {len(row)} cells, at least {MIN_COLUMNS} expected")
            continue
        if _cell(row, 0) != "PRB" or _cell(row, 15) != "1":
            page.skipped += 1
            continue
        link = row[2] if isinstance(row[2], str) else str(row[2] or "")
        m = MONCODE_RE.search(link)
        if not m:
            page.problems.append(f"index row {i}: no moncode in the link cell {link[:80]!r}")
            continue
        href = HREF_RE.search(link)
        page.rows.append(IndexRow(
            moncode=m.group(1), received=_dmy(_cell(row, 5)), title_fr=_cell(row, 8), title_nl=_cell(row, 9),
            author=_cell(row, 10), addressee=_cell(row, 11),
            language=url_language(href.group(1).replace("&amp;", "&") if href else link), position=i))
    if not rows:
        page.problems.append("the index lists no rows at all")
    elif not page.rows and not page.problems:
        page.problems.append(f"the index lists {len(rows)} rows but no written question (r[0]=='PRB' and r[15]=='1'):"
                             " has its layout changed?")
    return page


# --- the question page ---------------------------------------------------------------------

@dataclass
class Admission:
    date: dt.date | None
    status: str  # Recevable / Ontvankelijk, as printed
    body: str  # the deciding body ("Bureau élargi du Parlement", "p.m."), or ""
    reference: str = ""
    page: str = ""


@dataclass
class Side:
    """One language version of a question page."""

    language: str
    subject: str = ""
    askers: list[str] = field(default_factory=list)
    addressee: str = ""  # the line as printed, without "(question n°<n>)"
    addressee_name: str | None = None
    addressee_role: str | None = None
    number: str | None = None
    received: dt.date | None = None
    published: dt.date | None = None
    answered: dt.date | None = None
    legislature: str | None = None  # "19/24", as printed
    session: str | None = None  # "20/21", as printed
    admissions: list[Admission] = field(default_factory=list)
    questions: list[QuestionPart] = field(default_factory=list)
    answer: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # field key -> label as printed

    @property
    def has_question(self) -> bool:
        return bool(self.questions)


@dataclass
class WeblexPage:
    sides: dict[str, Side]
    notes: list[str] = field(default_factory=list)  # e.g. how the bytes were decoded


LABELS = {
    "fr": {"title": "Question écrite concernant", "from": "de", "to": "à", "received": "Date de réception",
           "published": "Date de publication", "legislature": "Législature", "session": "Session",
           "answered": "Date de réponse", "question": "Question", "answer": "Réponse", "admissible": "Recevable"},
    "nl": {"title": "Schriftelijke vraag betreffende", "from": "Indiener(s)", "to": "aan", "received": "Datum ontvangst",
           "published": "Datum publicatie", "legislature": "Zittingsperiode", "session": "Zitting",
           "answered": "Datum antwoord", "question": "Vraag",
           # Not seen in any Dutch excerpt (FORMATS.md 9, row 12): the usual Dutch word. [I]
           "answer": "Antwoord", "admissible": "Ontvankelijk"},
}
NUMBER_RE = re.compile(r"\(\s*(?:question\s+n\s*[°º o]\s*|vragen?\s+nr\.?\s*)(\d+)\s*\)\s*$", re.IGNORECASE)
DATE_RE = r"(\d{1,2}/\d{1,2}/\d{4})"
CONTENT_TYPE_CHARSET = re.compile(r"charset=[\"']?([\w.-]+)", re.IGNORECASE)
BLOCK_TAGS = {"p", "div", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
              "li", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "dl", "dt", "dd", "hr"}
CELL_TAGS = {"td", "th"}
SKIP_TAGS = {"script", "style", "noscript", "template"}
BREAK = "\x00"  # a line break the markup makes (<br>, a block), unlike a newline in the source


def decode(body: bytes, content_type: str | None = None) -> tuple[str, str | None]:
    """The page as text, and a note when the bytes were not what the header says. The site
    serves UTF-8; a page that is not valid UTF-8 is read as cp1252 (the Windows superset of
    latin-1), whatever its header or meta tag declares."""
    declared = None
    if content_type:
        m = CONTENT_TYPE_CHARSET.search(content_type)
        declared = m.group(1).lower() if m else None
    text, utf8 = utf8_or_cp1252(body)
    if utf8:
        return text, None
    said = f"declared {declared}" if declared else "no charset declared"
    return text, f"the page bytes are not UTF-8 ({said}); read as cp1252/latin-1"


def _lines(el) -> list[str]:
    """The text of an element as a reader sees its lines: ``<br>`` and block elements break
    lines, table cells of one row stay on one line, source newlines are spaces (HTML)."""
    parts: list[str] = []

    def walk(e, root: bool = False) -> None:
        tag = e.tag if isinstance(e.tag, str) else None
        if tag is None or tag in SKIP_TAGS:  # comments, processing instructions, scripts
            if e.tail:
                parts.append(e.tail)
            return
        tag = tag.lower()
        if tag == "br":
            parts.append(BREAK)
        elif tag == "img" and e.get("alt"):
            parts.append(f"{BREAK}{e.get('alt')}{BREAK}")
        if tag in BLOCK_TAGS:
            parts.append(BREAK)
        elif tag in CELL_TAGS:
            parts.append(" ")
        if e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
        if tag in BLOCK_TAGS:
            parts.append(BREAK)
        elif tag in CELL_TAGS:
            parts.append(" ")
        if e.tail and not root:
            parts.append(e.tail)

    walk(el, root=True)
    # Source newlines are spaces in HTML: only the breaks the markup makes split lines.
    text = "".join(parts).replace("\u00a0", " ")
    return [" ".join(line.split()) for line in text.split(BREAK)]


def _blank(line: str) -> bool:
    return not line.strip()


SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# An ordinal suffix pushed onto the next line by its superscript: "1" / "er janvier".
ORDINAL_RE = re.compile(r"^(er|ère|re|e|ème|eme|de|ste|nd|st|rd|th)\b", re.IGNORECASE)
# A number of at most three digits (not a year: "en 2020" + "de politie" is two lines) or a
# Roman numeral.
ROMAN_OR_DIGIT_END = re.compile(r"(?:(?<!\d)\d{1,3}|\b[IVXLC]+)$")
# A footnote digit pushed onto its own line, or to the start of the next line with its comma.
FOOTNOTE_RE = re.compile(r"^(\d{1,2})(?=$|[,;:])")
SENTENCE_END = re.compile(r"[.!?:;]$")
BULLET_RE = re.compile(r"^([•·▪‣◦\-–—])\s*(.*)$")
NUMBERED_RE = re.compile(r"^(\d{1,2})\s*[.)]\s+(.*)$")


def repair_lines(lines: list[str]) -> list[str]:
    """Undo the stray line breaks that superscripts cause (FORMATS.md 9): an ordinal suffix at
    the start of a line goes back onto the number before it ("1" + "er janvier" -> "1er
    janvier"), and a footnote digit alone or with its comma goes back, as a superscript digit,
    onto the word it belongs to ("presse" + "1, la police" -> "presse¹, la police"). Blank
    lines (the site's one-space separators) are kept as paragraph breaks."""
    out: list[str] = []
    glue_next = False
    for raw in lines:
        line = raw.strip()
        prev = out[-1] if out and out[-1] else None
        if not line:
            if glue_next:
                continue  # a separator right after a stray fragment is part of the same break
            out.append("")
            continue
        if glue_next and prev is not None and not BULLET_RE.match(line) and not NUMBERED_RE.match(line):
            glue_next = False
            out[-1] = prev + ("" if line[0] in ",.;:)" else " ") + line
            continue
        glue_next = False
        if prev is not None and ROMAN_OR_DIGIT_END.search(prev) and ORDINAL_RE.match(line):
            out[-1] = prev + line
            continue
        m = FOOTNOTE_RE.match(line)
        if prev is not None and m and not SENTENCE_END.search(prev) and not NUMBERED_RE.match(line):
            rest = line[m.end():]
            out[-1] = prev + m.group(1).translate(SUPERSCRIPT_DIGITS) + rest
            # a digit alone on its line: what follows continues the same sentence
            glue_next = not rest
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def split_questions(lines: list[str]) -> list[QuestionPart]:
    """The question cell as parts: numbered sub-questions ("1.", "2)") when the page numbers
    them from 1 (what comes before "1." opens part 1); otherwise one part. Bullets ("•", "-")
    are not numbers: they stay lines of their part, each on its own line."""
    lines = repair_lines(lines)
    if not lines:
        return []
    numbered = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := NUMBERED_RE.match(line))]
    sequence = [n for _, n in numbered]
    if len(sequence) >= 2 and sequence == list(range(1, len(sequence) + 1)):
        parts: list[QuestionPart] = []
        starts = [i for i, _ in numbered] + [len(lines)]
        intro = lines[: starts[0]]
        for k, (i, n) in enumerate(numbered):
            body = [NUMBERED_RE.match(lines[i]).group(2)] + lines[i + 1: starts[k + 1]]
            if k == 0:
                body = intro + body
            parts.append(QuestionPart(n, _paragraphs(body)))
        return parts
    return [QuestionPart(1, _paragraphs(lines))]


def _paragraphs(lines: list[str]) -> str:
    """Lines as text: one line per paragraph or list item, one blank line between blocks."""
    out: list[str] = []
    for line in lines:
        m = BULLET_RE.match(line)
        if m and m.group(2):
            line = f"{m.group(1)} {m.group(2)}"
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def _section_language(section, lines: list[str]) -> str | None:
    for lang, labels in LABELS.items():
        if any(line.startswith(labels["title"]) for line in lines):
            return lang
    sid = (section.get("id") or "").lower()
    if sid.endswith(("-fr",)):
        return "fr"
    if sid.endswith(("-nl", "-nd")):
        return "nl"
    return None


def _qa_cells(section, lang: str) -> dict[str, list[str]]:
    """The Question/Réponse cells: a cell whose text is only the label, and the cell after it."""
    wanted = {LABELS[lang]["question"].lower(): "question", LABELS[lang]["answer"].lower(): "answer"}
    found: dict[str, list[str]] = {}
    for cell in section.iter("td", "th"):
        label = " ".join(cell.text_content().replace("\u00a0", " ").split()).rstrip(":").lower()
        key = wanted.get(label)
        if key is None or key in found:
            continue
        nxt = cell.getnext()
        while nxt is not None and not (isinstance(nxt.tag, str) and nxt.tag.lower() in CELL_TAGS):
            nxt = nxt.getnext()
        found[key] = _lines(nxt) if nxt is not None else []
    return found


def _admissions(section, lang: str) -> list[Admission]:
    status = LABELS[lang]["admissible"]
    out = []
    for tr in section.iter("tr"):
        cells = [" ".join(c.text_content().replace("\u00a0", " ").split()) for c in tr if isinstance(c.tag, str)
                 and c.tag.lower() in CELL_TAGS]
        if len(cells) < 2 or not re.fullmatch(DATE_RE, cells[0]) or not cells[1].startswith(status):
            continue
        rest = cells[2:] + ["", "", ""]
        body = rest[0] or cells[1][len(status):].strip()
        out.append(Admission(_dmy(cells[0]), status, body, rest[1], rest[2]))
    return out


def _field(text: str, label: str) -> str | None:
    m = re.search(rf"(?<![\w]){re.escape(label)}\s*:\s*(\S+)", text)
    return m.group(1) if m else None


def addressee_parts(printed: str) -> tuple[str | None, str | None]:
    """"Rudi Vervoort, Ministre-Président du Gouvernement ..." -> (name, function as printed).
    The name is everything before the first comma (names here carry none); a line without a
    comma is taken as a function alone."""
    printed = NUMBER_RE.sub("", printed).strip()
    if not printed:
        return None, None
    if "," not in printed:
        return None, printed
    name, role = printed.split(",", 1)
    return name.strip() or None, role.strip() or None


def parse_side(section, lang: str | None = None) -> Side | None:
    """One ``section#weblex-quest-det-*``; None when it holds nothing of a question page (no
    title line): the caller reports that language side as empty."""
    lines = _lines(section)
    lang = lang or _section_language(section, lines)
    if lang is None:
        return None
    labels = LABELS[lang]
    side = Side(lang, labels={k: v for k, v in labels.items()})
    head: list[str] = []
    for line in lines:
        if _blank(line):
            continue
        # The question table starts the body; its header row starts the procedure table.
        if (line.startswith(labels["question"] + " ") or line == labels["question"]) \
                and not line.startswith(labels["title"]):
            break
        head.append(line)
    try:
        t = next(i for i, line in enumerate(head) if line.startswith(labels["title"]))
    except StopIteration:
        return None
    de = next((i for i in range(t + 1, len(head)) if head[i] == labels["from"]), None)
    a = next((i for i in range(t + 1, len(head)) if head[i] == labels["to"]), None)
    subject_lines = head[t: de if de is not None else t + 1]
    side.subject = " ".join(subject_lines)[len(labels["title"]):].strip()
    if de is not None and a is not None and a > de:
        side.askers = [line for line in head[de + 1: a]]
        addressee: list[str] = []
        for line in head[a + 1:]:
            addressee.append(line)
            if NUMBER_RE.search(line) or len(addressee) >= 4:
                break
        printed = " ".join(addressee)
        m = NUMBER_RE.search(printed)
        if m:
            side.number = m.group(1)
            printed = printed[: m.start()].strip()
        side.addressee = printed
        side.addressee_name, side.addressee_role = addressee_parts(printed)
    joined = " ".join(head)
    for key in ("received", "published", "answered"):
        value = _field(joined, labels[key])
        setattr(side, key, _dmy(value) if value and re.fullmatch(DATE_RE, value) else None)
    for key in ("legislature", "session"):
        value = _field(joined, labels[key])
        setattr(side, key, value if value and re.fullmatch(r"\d{2}/\d{2}", value) else None)
    side.admissions = _admissions(section, lang)
    cells = _qa_cells(section, lang)
    side.questions = split_questions(cells.get("question", []))
    side.answer = _paragraphs(repair_lines(cells.get("answer", [])))
    return side


def parse_page(body: bytes, content_type: str | None = None) -> WeblexPage:
    """One weblex question page: its language sides (one on the pages seen; both are read if
    the site ever serves them together). Raises BrusselsParseError for an empty or unknown
    page."""
    if not body.strip():
        raise BrusselsParseError("empty page (0 bytes)")
    text, note = decode(body, content_type)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise BrusselsParseError(f"the page is not readable HTML ({exc})") from None
    sections = root.xpath("//section[starts-with(@id, 'weblex-quest-det')]")
    if not sections:
        raise BrusselsParseError("no question section (section#weblex-quest-det-*) on the page")
    page = WeblexPage({}, [note] if note else [])
    for section in sections:
        side = parse_side(section)
        if side is not None and side.language not in page.sides:
            page.sides[side.language] = side
    return page


# --- one document per moncode --------------------------------------------------------------

@dataclass
class Fetched:
    """What the crawl got for one language page: a response, or why there is none."""

    language: str
    url: str
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    error: str | None = None  # not fetched at all (the errback's reason)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def thread_key(askers: list[str], received: dt.date | None, subject: str) -> str:
    """One key for the copies of one question sent to several ministers (each copy has its own
    moncode, number and answer): same askers, same day of reception, same subject. Computed
    from the French subject when the page has one (copies may be asked in either language)."""
    basis = "|".join([",".join(sorted(_fold(a) for a in askers)), received.isoformat() if received else "",
                      _fold(subject)])
    return "prb-" + hashlib.sha1(basis.encode()).hexdigest()[:12]


def _read(f: Fetched | None) -> tuple[WeblexPage | None, str | None]:
    if f is None:
        return None, "not fetched"
    if f.error:
        return None, f"not fetched ({f.error})"
    if f.status != 200:
        return None, f"HTTP {f.status}"
    try:
        return parse_page(f.body, f.content_type), None
    except BrusselsParseError as exc:
        return None, str(exc)


def build_document(moncode: str, main: Fetched, other: Fetched | None, base: str = DEFAULT_BASE,
                   row: IndexRow | None = None) -> tuple[SourceDocument, str]:
    """The document of one moncode from the page in the language it was asked in (``main``)
    and the page in the other language. Returns (document, which page it mostly comes from:
    "main" or "other", for provenance). Raises BrusselsParseError (the quarantine reason)
    when neither page gives a question."""
    pages: dict[str, tuple[WeblexPage | None, str | None]] = {main.language: _read(main)}
    if other is not None:
        pages[other.language] = _read(other)
    other_lang = "nl" if main.language == "fr" else "fr"
    pages.setdefault(other_lang, (None, "not fetched"))
    sides: dict[str, Side] = {}
    notes: list[str] = []
    for lang in (main.language, other_lang):  # a page could carry both sides: its own first
        page, _ = pages[lang]
        if page is None:
            continue
        notes += [f"{LANGUAGE_NAMES[lang]} page: {n}" for n in page.notes]
        for side_lang, side in page.sides.items():
            if side.has_question and (side_lang not in sides or side_lang == lang):
                sides[side_lang] = side
    if not sides:
        problems = []
        for lang in (main.language, other_lang):
            page, error = pages[lang]
            problems.append(f"{LANGUAGE_NAMES[lang]} page: {error or 'no question text'}")
        raise BrusselsParseError(f"moncode {moncode}: no question text on either page ({'; '.join(problems)})")

    gaps: list[str] = []
    language = main.language if main.language in sides else other_lang
    for lang in (main.language, other_lang):
        if lang in sides:
            continue
        page, error = pages[lang]
        name = LANGUAGE_NAMES[lang]
        if error:
            gaps.append(f"the {name} page could not be read: {error}")
        else:
            gaps.append(f"the {name} side of the page is empty (no question text)")
    if language != main.language:
        gaps.append(f"the question is kept in {LANGUAGE_NAMES[language]}: the {LANGUAGE_NAMES[main.language]}"
                    " text the index pointed to is missing")
    s = sides[language]
    t = sides.get("nl" if language == "fr" else "fr")

    def pick(attr: str):
        value = getattr(s, attr)
        return value if value not in (None, "", []) else (getattr(t, attr) if t is not None else value)

    asked_on = pick("received")
    if asked_on is None and row is not None and row.received is not None:
        asked_on = row.received
        gaps.append("the page gives no date of reception: the index's date stands in")
    answered, published = pick("answered"), pick("published")
    number = pick("number")
    askers = pick("askers") or ([row.author] if row is not None and row.author else [])
    subject = s.subject or (row and (row.title_fr if language == "fr" else row.title_nl)) or ""
    answer_text = s.answer
    kind = ANSWER if answer_text else QUESTION
    questions = [QuestionPart(q.number, q.text) for q in s.questions]
    answers = [AnswerPart([q.number for q in questions], answer_text)] if answer_text else []
    date = answered if kind == ANSWER else (published or asked_on)
    if kind == ANSWER and answered is None:
        date = published
        gaps.append("the page has the answer text but no answer date: the publication date stands in")
    if kind == QUESTION and answered is not None:
        where = " (it is on the other language's page)" if t is not None and t.answer else ""
        gaps.append(f"the page gives the answer date ({answered.isoformat()}) but not the answer text{where}")
    ministers = []
    if kind == ANSWER or answered is not None:
        # The page names the minister the question went to, who answers it (also when only the
        # answer date is printed).
        ministers = [Minister(name=pick("addressee_name"), role=pick("addressee_role"))]
    labels = s.labels
    events = []
    if asked_on:
        events.append(Event(asked_on, labels["received"], "sent"))
    for adm in (s.admissions or (t.admissions if t is not None else [])):
        events.append(Event(adm.date, f"{adm.status} ({adm.body})" if adm.body else adm.status, "other"))
    if published:
        events.append(Event(published, labels["published"], "other"))
    if answered:
        events.append(Event(answered, labels["answered"], "answered"))
    references = []
    for adm in s.admissions:
        ref = " ".join(p for p in (adm.reference, f"p. {adm.page}" if adm.page else "") if p)
        if ref:
            references.append(ref)
    translations = []
    if t is not None:
        translations.append(Translation(
            language=t.language, title=t.subject, subject=t.subject,
            questions=[QuestionPart(q.number, q.text) for q in t.questions],
            answers=[AnswerPart([q.number for q in t.questions], t.answer)] if t.answer else []))
    fr = sides.get("fr")
    key_subject = fr.subject if fr is not None and fr.subject else subject
    primary = "main" if language == main.language else "other"
    doc = SourceDocument(
        source=SOURCE, doc_id=f"prb-{moncode}", kind=kind, country="BE", parliament=BRUSSELS_PARLIAMENT,
        url=detail_url(base, moncode, language), language=language, number=number, title=subject, subject=subject,
        askers=[Asker(name=a, party=None) for a in askers],  # the pages print no party
        addressed_to=[a for a in [s.addressee or (t.addressee if t is not None else "")] if a],
        ministers=ministers, asked_on=asked_on, date=date, questions=questions, answers=answers,
        answered_on=answered if kind == QUESTION else None, events=events, thread_key=thread_key(askers, asked_on,
                                                                                                  key_subject),
        references=references, translations=translations, gaps=gaps + notes,
    )
    return doc, primary
