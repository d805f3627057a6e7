"""Parsers for the Flemish Parliament's written questions (``schriftelijke vragen``, ws.vlpar.be).

Three inputs, all pure functions (bytes in, typed objects out, no Scrapy inside):

* search API pages ``/api/search/query/<query>?collection=vp_collection&sort=date&order=desc
  &max=<n>&page=<p>``: ``{count, result: [{id ".../<id>/pfls", metatags: {metatag: [{name, value}]}}]}``;
* the open data record ``/e/opendata/schv/<id>`` as JSON (``Accept: application/json``):
  ``id, vraagnummer, titel, onderwerp, zittingsjaar, soort-antwoord, tijdig, thema[],
  vraagsteller{id, voornaam, naam}, minister{id, voornaam, naam}, procedureverloop[{datum, status,
  document}], bestand-ordered[{URL}]``;
* the PDF that ``bestand-ordered[].URL`` names (docs.vlaamsparlement.be/files/pfile?id=...).

Shapes and names: shared/reference/SOURCES.md section 4, all [C] (seen in third-party code that
reads the live source, not byte-verified); see data/recordings/vlaamsparlement/PROVENANCE.md for
the public code they were checked against. Decisions where the sources are silent:

* The record has no question text field (only ``titel``/``onderwerp``) and "answer text only in
  PDF" [C]: the question text and the answer are both read from the PDF (question above the
  ``ANTWOORD`` heading, answer below it; layout [I]). When no PDF text is available the subject
  stands in as the one question part, with a gap saying so, so the record is kept.
* ``vraagsteller`` carries no party [C]: ``Asker.party`` stays None.
* ``minister`` is a person {voornaam, naam} with no office [C]: ``Minister.role`` stays None and
  the pipeline resolves the person by name and date within the Flemish government.
* Dates are ISO date-times [C: third-party code cuts them at "T"]: the date part as printed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from archive.dates import DateParseError, parse_date
from archive.model import ANSWER, FLEMISH_PARLIAMENT, QUESTION, AnswerPart, Asker, Event, Minister, QuestionPart, SourceDocument
from crawler.parsers.extract import ExtractionError, pdf_bytes_text

PARSER_VERSION = "vlpar-1"
SOURCE = "vlaamsparlement"
PAGE_SIZE = 25  # what public scrapers ask for (SOURCES.md 4); the server caps a query at 10 000 hits
MAX_HITS = 10_000
# Legislatures (name, first day, day after the last: election days), newest first. The search API
# is queried per legislature (the query form SOURCES.md 4 documents); a crawl walks back only as
# far as its first date.
LEGISLATURES: tuple[tuple[str, dt.date, dt.date | None], ...] = (
    ("2024-2029", dt.date(2024, 6, 9), None),
    ("2019-2024", dt.date(2019, 5, 26), dt.date(2024, 6, 9)),
    ("2014-2019", dt.date(2014, 5, 25), dt.date(2019, 5, 26)),
    ("2009-2014", dt.date(2009, 6, 7), dt.date(2014, 5, 25)),
    ("2004-2009", dt.date(2004, 6, 13), dt.date(2009, 6, 7)),
)
REQUIRED_FIELDS = ("paginatype:Parlementair%20document.aggregaat:Vraag%20of%20interpellatie."
                   "aggregaattype:Schriftelijke%20vraag")
HIT_ID_RE = re.compile(r"/(\d+)/pfls/?$")

SENT = "Vraag gesteld aan de minister"
ANSWERED = {"Tijdig beantwoord": True, "Laattijdig beantwoord": False}
NO_TEXT_LAYER = "the answer PDF has no text layer"


class VlparParseError(ValueError):
    """A Flemish Parliament response we cannot read; the message is the quarantine reason."""


# --- URLs -------------------------------------------------------------------------------------

def legislatures(first: dt.date, last: dt.date | None = None) -> list[str]:
    """The legislatures whose days overlap first..last, newest first."""
    return [name for name, start, end in LEGISLATURES
            if (end is None or end > first) and (last is None or start <= last)]


def search_url(base: str, legislatuur: str, page: int, size: int = PAGE_SIZE) -> str:
    query = f"+inmeta:legislatuur={legislatuur}&requiredfields={REQUIRED_FIELDS}"
    return (f"{base}/api/search/query/{query}?collection=vp_collection&sort=date&order=desc"
            f"&max={size}&page={page}")


def schv_url(base: str, schv_id: str) -> str:
    return f"{base}/e/opendata/schv/{quote(schv_id)}"


def human_url(schv_id: str) -> str:
    """The question's page on www.vlaamsparlement.be. [I] The form is inferred (no public code
    seen builds it); the search API's ``displayurl`` metatag is the place to confirm it."""
    return f"https://www.vlaamsparlement.be/nl/parlementaire-documenten/schriftelijke-vragen/{schv_id}"


def doc_id(schv_id: str) -> str:
    return f"vp-schv-{schv_id}".lower()


# --- search API -------------------------------------------------------------------------------

@dataclass
class SearchHit:
    id: str
    publicatiedatum: str | None  # as given (an ISO date-time): the watermark
    published: dt.date | None  # its date: the walk stops on it
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class SearchPage:
    count: int
    hits: list[SearchHit]
    problems: list[str] = field(default_factory=list)  # results that cannot be followed


def _json(body: bytes, what: str):
    if not body.strip():
        raise VlparParseError(f"{what}: empty response")
    if body.lstrip()[:1] == b"<":
        raise VlparParseError(f"{what}: the server answered XML or HTML, not JSON (was Accept: application/json sent?)")
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise VlparParseError(f"{what}: not UTF-8: {exc}") from None
    except json.JSONDecodeError as exc:
        raise VlparParseError(f"{what}: not valid JSON (cut off?): {exc}") from None


def parse_search_page(body: bytes) -> SearchPage:
    data = _json(body, "search page")
    if not isinstance(data, dict) or not isinstance(data.get("result", []), list):
        raise VlparParseError("search page: no 'result' list")
    try:
        count = int(data["count"])
    except (KeyError, TypeError, ValueError):
        raise VlparParseError(f"search page: unreadable 'count' {data.get('count')!r}") from None
    hits, problems = [], []
    for i, item in enumerate(data.get("result", [])):
        if not isinstance(item, dict):
            problems.append(f"search result {i}: not a JSON object")
            continue
        m = HIT_ID_RE.search(str(item.get("id", "")))
        if not m:
            problems.append(f"search result {i}: id {item.get('id')!r} does not end in /<number>/pfls")
            continue
        tags = (item.get("metatags") or {}).get("metatag") or []
        meta = {t["name"]: t["value"] for t in tags if isinstance(t, dict) and "name" in t and "value" in t}
        soort = meta.get("soort")
        if soort is not None and soort.upper() != "SCHV":
            problems.append(f"search result {m.group(1)}: soort {soort!r} is not a written question (SCHV)")
            continue
        published = meta.get("publicatiedatum")
        try:
            day = _iso_date(published, f"search result {m.group(1)} publicatiedatum") if published else None
        except VlparParseError as exc:
            problems.append(str(exc))
            continue
        hits.append(SearchHit(m.group(1), published, day, meta))
    return SearchPage(count, hits, problems)


# --- schv record ------------------------------------------------------------------------------

@dataclass
class Schv:
    id: str
    vraagnummer: str
    titel: str
    onderwerp: str
    zittingsjaar: str | None
    thema: list[str]
    asker: Asker
    minister: str | None  # "Voornaam Naam" as given
    events: list[Event]
    asked_on: dt.date
    answered_on: dt.date | None
    answered_in_time: bool | None  # from the answered step's status
    tijdig: str | None  # the record's own ``tijdig``, as stated ("true"/"false"/text); None = absent
    soort_antwoord: str | None
    pdf_url: str | None


def _text(data: dict, key: str, what: str, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise VlparParseError(f"{what}: no {key!r}")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise VlparParseError(f"{what}: {key!r} is {type(value).__name__}, expected text")
    return " ".join(str(value).split())


def _person(data: dict, key: str, what: str, required: bool) -> str | None:
    person = data.get(key)
    if person is None:
        if required:
            raise VlparParseError(f"{what}: no {key!r}")
        return None
    if not isinstance(person, dict):
        raise VlparParseError(f"{what}: {key!r} is not an object")
    first = _text(person, "voornaam", f"{what} {key}")
    last = _text(person, "naam", f"{what} {key}", required=True)
    return f"{first} {last}" if first else last


def _iso_date(value: str, what: str) -> dt.date:
    try:
        return parse_date(value[:10])
    except DateParseError:
        raise VlparParseError(f"{what}: unreadable date {value!r}") from None


def _event_kind(status: str) -> str:
    if status == SENT:
        return "sent"
    if status in ANSWERED:
        return "answered"
    return "other"


def parse_schv(body: bytes, expected_id: str | None = None) -> Schv:
    """One ``/e/opendata/schv/<id>`` JSON record. Raises VlparParseError (the quarantine reason)
    for a response that is not one readable record."""
    what = f"schv {expected_id}" if expected_id else "schv"
    data = _json(body, what)
    if not isinstance(data, dict) or not data:
        raise VlparParseError(f"{what}: empty record")
    sid = _text(data, "id", what, required=True)
    if expected_id is not None and sid != expected_id:
        raise VlparParseError(f"{what}: the record says id {sid!r}")
    what = f"schv {sid}"
    asker = _person(data, "vraagsteller", what, required=True)
    steps = data.get("procedureverloop")
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise VlparParseError(f"{what}: 'procedureverloop' is not a list of steps")
    events: list[Event] = []
    asked_on = answered_on = None
    in_time = None
    for step in steps:
        status = _text(step, "status", f"{what} procedureverloop", required=True)
        datum = _text(step, "datum", f"{what} procedureverloop {status!r}")
        day = _iso_date(datum, f"{what} procedureverloop {status!r}") if datum else None
        events.append(Event(day, status, _event_kind(status)))
        if status == SENT and asked_on is None:
            asked_on = day
        elif status in ANSWERED and answered_on is None:
            answered_on, in_time = day, ANSWERED[status]
    if asked_on is None:
        raise VlparParseError(f"{what}: no dated step {SENT!r} in procedureverloop (no asking date)")
    thema = data.get("thema") or []
    if not isinstance(thema, list):
        raise VlparParseError(f"{what}: 'thema' is not a list")
    descriptors = []
    for t in thema:
        # Plain strings [C]; objects with a name are accepted too [I: the XML form nests <thema>].
        name = t.get("naam") if isinstance(t, dict) else t
        if not isinstance(name, str):
            raise VlparParseError(f"{what}: unreadable thema {t!r}")
        descriptors.append(" ".join(name.split()))
    files = data.get("bestand-ordered") or []
    if not isinstance(files, list):
        raise VlparParseError(f"{what}: 'bestand-ordered' is not a list")
    pdf_url = next((f["URL"] for f in files if isinstance(f, dict) and isinstance(f.get("URL"), str) and f["URL"]), None)
    tijdig = data.get("tijdig")
    return Schv(
        id=sid,
        vraagnummer=_text(data, "vraagnummer", what, required=True),
        titel=_text(data, "titel", what) or "",
        onderwerp=_text(data, "onderwerp", what) or "",
        zittingsjaar=_text(data, "zittingsjaar", what),
        thema=descriptors,
        asker=Asker(asker),
        minister=_person(data, "minister", what, required=False),
        events=events,
        asked_on=asked_on,
        answered_on=answered_on,
        answered_in_time=in_time,
        tijdig=None if tijdig is None else (str(tijdig).lower() if isinstance(tijdig, bool) else str(tijdig)),
        soort_antwoord=_text(data, "soort-antwoord", what),
        pdf_url=pdf_url,
    )


# --- the PDF ----------------------------------------------------------------------------------

def pdf_text(status: int | None, body: bytes | None, name: str = "answer.pdf") -> tuple[str | None, str | None]:
    """(text, None) or (None, gap): what the PDF gave, or plainly why it gave nothing. Never
    raises: a PDF that cannot be read leaves the record partial, not unreadable."""
    if status is None or body is None:
        return None, "the answer PDF could not be fetched"
    if status != 200:
        return None, f"the answer PDF could not be fetched (HTTP {status})"
    try:
        return pdf_bytes_text(body, name), None
    # The record keeps the gap with the reason, the crawl goes on.
    except ExtractionError as exc:
        if "no text layer" in str(exc):
            return None, NO_TEXT_LAYER
        return None, f"the answer PDF is unreadable ({exc})"


HEADER_RES = (
    re.compile(r"^SCHRIFTELIJKE VRAAG\b"),
    re.compile(r"^nr\.\s*\S+$", re.I),
    re.compile(r"^(?:van|datum:?)\s+\d{1,2}\s+\w+\s+\d{4}$", re.I),
)
ANSWER_HEADING_RE = re.compile(r"^ANTWOORD$")
ANSWER_HEADER_RES = (re.compile(r"^op vraag nr\.", re.I),)
QUESTION_NR_RE = re.compile(r"^(\d{1,2})[.)]\s+(.*)$")
ANSWER_NR_RE = re.compile(r"^(\d{1,2})(?:\s*(-|tot en met|t\.e\.m\.|en)\s*(\d{1,2}))?[.)]\s+(.*)$")


def _upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _skip_header(lines: list[str], titel: str) -> list[str]:
    """The question's body: without the heading lines (form, number, date, ``van``/``aan`` with
    names in capitals, the minister's office in capitals) and the title, however it wraps."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if any(r.match(line) for r in HEADER_RES) or _upper(line) or (
                re.match(r"^(van|aan)\s", line) and _upper(line[4:])):
            i += 1
            continue
        break
    if titel:
        j = i
        while j < len(lines) and len(_join(lines[i:j])) <= len(titel):
            j += 1
            if _fold(_join(lines[i:j])) == _fold(titel):
                return lines[j:]
    return lines[i:]


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one text; a line broken after a hyphen ("ANPR-" / "camera's")
    is joined without a space, the hyphen kept (Dutch compounds keep theirs)."""
    out = ""
    for line in lines:
        out = f"{out}{line}" if out.endswith("-") and line[:1].isalpha() else f"{out} {line}".strip()
    return out


def _numbered(lines: list[str], pattern: re.Pattern, numbers_of) -> list[tuple[list[int], str]]:
    """Split on numbered lines (1., 2., ... in order); text before the first number belongs to
    the first part (it introduces the questions). Unnumbered text is one part with no number."""
    parts: list[tuple[list[int], list[str]]] = []
    lead: list[str] = []
    expected = 1
    for line in lines:
        m = pattern.match(line)
        if m:
            numbers = numbers_of(m)
            if numbers[0] == expected:
                parts.append((numbers, [m.groups()[-1]]))
                expected = numbers[-1] + 1
                continue
        (parts[-1][1] if parts else lead).append(line)
    if not parts:
        return [([], _join(lead))] if lead else []
    if lead:
        parts[0][1][:0] = lead
    return [(numbers, _join(texts)) for numbers, texts in parts]


def _answer_numbers(m: re.Match) -> list[int]:
    first, sep, last = int(m.group(1)), m.group(2), m.group(3)
    if last is None:
        return [first]
    last = int(last)
    return [first, last] if sep == "en" else list(range(first, max(first, last) + 1))


def split_pdf(text: str, titel: str = "") -> tuple[list[QuestionPart], list[AnswerPart]]:
    """Question parts and answer parts of a question-and-answer PDF (layout in PROVENANCE.md)."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    cut = next((i for i, line in enumerate(lines) if ANSWER_HEADING_RE.match(line)), None)
    qlines = lines if cut is None else lines[:cut]
    if cut is not None:  # the answer's own heading (minister's name and office, in capitals) above ANTWOORD
        while qlines and _upper(qlines[-1]):
            qlines = qlines[:-1]
    qparts = _numbered(_skip_header(qlines, titel), QUESTION_NR_RE, lambda m: [int(m.group(1))])
    questions = [QuestionPart(numbers[0] if numbers else 1, t) for numbers, t in qparts if t]
    answers: list[AnswerPart] = []
    if cut is not None:
        alines = lines[cut + 1:]
        while alines and (any(r.match(alines[0]) for r in ANSWER_HEADER_RES)
                          or (alines[0].startswith("van ") and _upper(alines[0][4:]))):
            alines = alines[1:]
        all_numbers = [q.number for q in questions] or [1]
        answers = [AnswerPart(numbers or all_numbers, t) for numbers, t in _numbered(alines, ANSWER_NR_RE, _answer_numbers) if t]
    return questions, answers


# --- the document -----------------------------------------------------------------------------

def document_from_schv(schv: Schv, text: str | None, pdf_gap: str | None = None) -> SourceDocument:
    """The SourceDocument of one written question: metadata from the record, texts from the PDF
    (``text``; None when there is none, and ``pdf_gap`` says why)."""
    did = doc_id(schv.id)
    gaps: list[str] = []
    questions: list[QuestionPart] = []
    answers: list[AnswerPart] = []
    if text is not None:
        questions, answers = split_pdf(text, schv.titel)
        if schv.answered_on and not answers:
            gaps.append("the PDF holds no answer below an 'ANTWOORD' heading")
    elif pdf_gap:
        gaps.append(pdf_gap)
    elif schv.pdf_url is None:
        gaps.append("the open data lists no PDF (bestand-ordered is empty)")
    if not questions:
        stand_in = schv.onderwerp or schv.titel
        if stand_in:
            questions = [QuestionPart(1, stand_in)]
            gaps.append("the question text is not available: the subject stands in for it")
    events = list(schv.events)
    if schv.tijdig is not None:
        events.append(Event(schv.answered_on, f"tijdig: {schv.tijdig}", "other"))
    elif schv.answered_on:
        gaps.append("the open data does not say whether the answer was on time ('tijdig' is absent)")
    if schv.tijdig in ("true", "false") and schv.answered_in_time is not None \
            and (schv.tijdig == "true") != schv.answered_in_time:
        gaps.append(f"'tijdig' ({schv.tijdig}) and the procedure step disagree on whether the answer was on time")
    answered = schv.answered_on is not None and bool(answers)
    doc = SourceDocument(
        source=SOURCE,
        doc_id=did,
        kind=ANSWER if answered else QUESTION,
        country="BE",
        parliament=FLEMISH_PARLIAMENT,
        url=human_url(schv.id),
        language="nl",  # the Flemish Parliament works in Dutch
        question_key=did,
        number=schv.vraagnummer,
        title=schv.titel,
        subject=schv.onderwerp,
        askers=[Asker(schv.asker.name, schv.asker.party)],
        addressed_to=[schv.minister] if schv.minister else [],
        ministers=[Minister(schv.minister, None)] if (answered or schv.answered_on) and schv.minister else [],
        asked_on=schv.asked_on,
        date=schv.answered_on if answered else schv.asked_on,
        questions=questions,
        answers=answers,
        answered_on=schv.answered_on if not answered else None,
        events=events,
        descriptors=list(schv.thema),
        references=[f"zittingsjaar {schv.zittingsjaar}"] if schv.zittingsjaar else [],
        gaps=gaps,
    )
    if schv.minister is None:
        doc.gaps.append("the open data names no minister")
    return doc
