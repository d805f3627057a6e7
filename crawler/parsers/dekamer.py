"""Belgian federal Chamber, written questions (QRVA): pure parsers.

Three inputs (shared/reference/SOURCES.md section 3, FORMATS.md section 11):

* the open-data list ``{data}/qrva?leg=<leg>&start=<n>``: ``{"start", "total", "items": [...]}``
  with per item ``SDOCNAME``, ``TITN``/``TITF``, ``AUT``, ``STATUSQ``, ``DEPTN``/``DEPTF``,
  ``MAINTHESAN``/``MAINTHESAF`` -> :func:`parse_list`;
* the open-data item ``{data}/qrva/<SDOCNAME>``: ``items[0]`` is the whole record, question and
  answers in both languages -> :func:`parse_item` (``None`` for the real ``"items": []`` shape);
* the human page ``{site}/kvvcr/showpage.cfm?...qrvaXml.cfm?legislat=<leg>&dossierID=<SDOCNAME>.xml``,
  one label/value table, some labels glued to their value -> :func:`parse_detail_html`;
* the HTML bulletin listing, the way in when the open-data list does not answer: the
  legislature's list of bulletins ``...qrvaList.cfm?legislat=<leg>`` -> :func:`parse_bulletin_list`,
  and each bulletin's table of contents ``...qrvatoc.cfm?legislat=<leg>&bulletin=B<nnn>`` ->
  :func:`parse_toc` (entries linking to their detail pages).

The SDOCNAME is ``<leg>-B<bulletin>-<dept>-<questnum>-<session><docnr>``; the bulletin segment
is ``Bxxx`` until the question is printed in a bulletin, so the archive id drops it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import lxml.html
from lxml import etree

from archive.dates import DateParseError, parse_date
from archive.model import (
    ANSWER, BE_CHAMBER, QUESTION, AnswerPart, Asker, Minister, QuestionPart, SourceDocument, Translation,
)
from crawler.parsers.encoding import utf8_or_cp1252

SOURCE = "dekamer"
PARSER_VERSION = "dekamer-2"  # 2: the HTML bulletin listing
DATA_URL = "http://data.dekamer.be/v0"
# The official human pages: a document's ``url`` names them whatever mirror or test server the
# bytes came from (the fetched URL is in the provenance).
SITE_URL = "https://www.dekamer.be"
LANGS = {"N": "nl", "F": "fr"}
OTHER = {"nl": "fr", "fr": "nl"}
SUFFIX = {"nl": "N", "fr": "F"}
LANGUAGE_NAME = {"nl": "Dutch", "fr": "French"}
# STATUSQ values seen in the recorded data (the only two known): an answer came in, or the
# question was printed in a bulletin without one.
ANSWERED_STATUSES = ("answerReceived",)
SDOCNAME_RE = re.compile(r"^(?P<leg>\d{2})-(?P<bulletin>B(?:\d{3}|xxx))-(?P<dept>\d+)-(?P<num>\d{4})-(?P<docname>\d{13})$",
                         re.IGNORECASE)


class QrvaParseError(ValueError):
    """A QRVA response that cannot become a document (the message is the quarantine reason)."""


# --- ids and URLs ------------------------------------------------------------------------------

def split_sdocname(sdocname: str) -> re.Match[str]:
    m = SDOCNAME_RE.match(sdocname)
    if m is None:
        raise QrvaParseError(f"SDOCNAME {sdocname!r} is not <leg>-B<bulletin>-<dept>-<nr>-<13 digits>")
    return m


def doc_id_for(sdocname: str) -> str:
    """``54-B001-3-0001-0000201400004`` -> ``qrva-54-3-0001-0000201400004``: without the
    bulletin, which changes from ``Bxxx`` to ``B<nnn>`` when the question is printed."""
    m = split_sdocname(sdocname)
    return f"qrva-{m['leg']}-{m['dept']}-{m['num']}-{m['docname']}".lower()


def bulletin_of(sdocname: str) -> str | None:
    bulletin = split_sdocname(sdocname)["bulletin"].upper()
    return None if bulletin == "BXXX" else bulletin


def session_years(sdocname: str) -> tuple[int, int]:
    """The parliamentary session in the SDOCNAME (``20212022``; ``00002014`` for the first,
    extraordinary session of a legislature)."""
    session = split_sdocname(sdocname)["docname"][:8]
    first, second = int(session[:4]), int(session[4:])
    return (first or second), second


def in_period(sdocname: str, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether the question's session can overlap [since, until]: the list gives no date, the
    session years in the SDOCNAME are the only clue (whole calendar years, so nothing is lost)."""
    first, last = session_years(sdocname)
    if since and last < since.year:
        return False
    return not (until and first > until.year)


def list_url(data_url: str, leg: int, start: int) -> str:
    return f"{data_url}/qrva?{urlencode({'leg': leg, 'start': start})}"


def item_url(data_url: str, sdocname: str) -> str:
    return f"{data_url}/qrva/{sdocname}"


def detail_url(site_url: str, sdocname: str, language: str) -> str:
    """The human page. Its ``cfm`` value holds a second ``?``: the site reads it as one
    parameter, so it is written out as the site writes it, not URL-encoded."""
    leg = split_sdocname(sdocname)["leg"]
    return (f"{site_url}/kvvcr/showpage.cfm?section=qrva&language={language}"
            f"&cfm=qrvaXml.cfm?legislat={leg}&dossierID={sdocname}.xml")


def sdocname_from_detail_url(url: str) -> str:
    params = dict(parse_qsl(urlsplit(url).query))
    dossier = params.get("dossierID", "")
    if not dossier.lower().endswith(".xml"):
        raise QrvaParseError(f"no dossierID=<SDOCNAME>.xml in {url}")
    return dossier[:-4]


# --- small field readers -------------------------------------------------------------------------

def parse_author(aut: str) -> Asker:
    """``"Nahima\\n      Lanjri,\\n      CD&V"`` -> Asker("Nahima Lanjri", "CD&V"); the party
    follows the last comma and may be absent."""
    if not aut or not aut.strip():
        raise QrvaParseError("no author (AUT)")
    name, _, party = aut.rpartition(",") if "," in aut else (aut, "", "")
    name, party = " ".join(name.split()), " ".join(party.split())
    if not name:
        raise QrvaParseError(f"author {aut!r} has no name")
    return Asker(name=name, party=party or None)


def _compact_date(value: Any, what: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return parse_date(str(value))
    except DateParseError as exc:
        raise QrvaParseError(f"{what} {value!r}: {exc}") from None


def parse_publication(value: str | None) -> tuple[str | None, dt.date | None]:
    """``"B001,\\n      ,\\n      10/10/2014,\\n      00002014"`` -> ("B001", 2014-10-10): the
    bulletin and the day it was published."""
    if not value or not value.strip():
        return None, None
    parts = [p.strip() for p in value.split(",")]
    bulletin = parts[0] or None
    when = next((p for p in parts[1:] if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", p)), None)
    return bulletin, _compact_date(when, "publication date") if when else None


def descriptor_terms(*values: Any) -> list[str]:
    """Thesaurus fields (a string or a list of strings, padded, ``|``-separated) as one list
    of terms as printed, without duplicates."""
    out: list[str] = []
    for value in values:
        for chunk in (value if isinstance(value, list) else [value]):
            for term in (chunk or "").split("|"):
                term = " ".join(term.split())
                if term and term not in out:
                    out.append(term)
    return out


# A paragraph break the export dropped: sentence end glued to the next sentence's capital
# ("migratiewet door huwelijksmigratie.In vele landen"). Only after a lower-case letter, so
# initials and abbreviations in capitals ("N.V.", "B.S.") stay as they are.
GLUED_SENTENCE_RE = re.compile(r"(?<=[a-zà-ÿ)][.?!])(?=[A-ZÀ-Ý])")


def paragraphs(value: Any) -> str:
    """A text field ``{"br": [...]}`` (or a plain string, or null) as text, one line per
    paragraph."""
    if value is None:
        return ""
    if isinstance(value, dict):
        items = value.get("br") or []
        items = items if isinstance(items, list) else [items]
    elif isinstance(value, list):
        items = value
    else:
        items = [value]
    lines = []
    for item in items:
        if not isinstance(item, str):
            raise QrvaParseError(f"text paragraph of unexpected type {type(item).__name__}")
        text = GLUED_SENTENCE_RE.sub("\n", item)
        lines += [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


# Inline numbering "1. ... 2. ...": a number right after the start, a line break, a sentence end
# or a space, followed by a capital (or a quote) - and only accepted in sequence 1, 2, 3, ...
NUMBER_RE = re.compile(r"(?:^|(?<=[\s.?!:;]))(\d{1,2})[.)]\s*(?=[\"'«(A-ZÀ-Ý])")


def split_questions(text: str) -> list[QuestionPart]:
    """Sub-questions numbered inline become parts 1..n; the introduction before "1." stays at
    the head of part 1 (the context of the questions). Text without such numbering (or with
    only "1.") is one part number 1."""
    text = text.strip()
    if not text:
        return []
    starts: list[tuple[int, int]] = []  # (position of the number, start of the text)
    for m in NUMBER_RE.finditer(text):
        if int(m.group(1)) == len(starts) + 1:
            starts.append((m.start(1), m.end()))
    if len(starts) < 2:
        return [QuestionPart(1, text)]
    intro = text[: starts[0][0]].strip()
    parts = []
    for i, (_, begin) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        body = text[begin:end].strip()
        if i == 0 and intro:
            body = f"{intro}\n{body}"
        parts.append(QuestionPart(i + 1, body))
    return parts


# --- the JSON list -------------------------------------------------------------------------------

@dataclass
class ListItem:
    sdocname: str
    titles: dict[str, str]  # language -> title
    author: str
    status: str
    departments: dict[str, str]  # language -> office as printed
    descriptors: dict[str, list[str]]  # language -> main thesaurus term(s)
    href: str | None = None

    def in_period(self, since: dt.date | None, until: dt.date | None) -> bool:
        """The list gives no date: the session years in the SDOCNAME decide."""
        return in_period(self.sdocname, since, until)

    def selection_text(self) -> str:
        """What the list tells about the subject, in both languages: the text the vocabulary
        decides on before the item is fetched."""
        return "\n".join([*self.titles.values(), *(t for terms in self.descriptors.values() for t in terms)])


@dataclass
class ListPage:
    start: int
    total: int
    items: list[ListItem]
    problems: list[tuple[str, str | None]] = field(default_factory=list)

    def next_start(self) -> int | None:
        after = self.start + len(self.items)
        return after if self.items and after < self.total else None


def _json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise QrvaParseError(f"{what} is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise QrvaParseError(f"{what} is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None


def parse_list(body: bytes) -> ListPage:
    data = _json(body, "QRVA list page")
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise QrvaParseError("QRVA list page has no 'items' list")
    try:
        start, total = int(data["start"]), int(data["total"])
    except (KeyError, TypeError, ValueError):
        raise QrvaParseError("QRVA list page has no numeric 'start' and 'total'") from None
    page = ListPage(start, total, [])
    for i, raw in enumerate(data["items"]):
        sdocname = raw.get("SDOCNAME") if isinstance(raw, dict) else None
        try:
            if not sdocname:
                raise QrvaParseError(f"list item {start + i} has no SDOCNAME")
            split_sdocname(sdocname)
            page.items.append(ListItem(
                sdocname=sdocname,
                titles={lang: (raw.get(f"TIT{s}") or "").strip() for lang, s in (("nl", "N"), ("fr", "F"))},
                author=raw.get("AUT") or "",
                status=raw.get("STATUSQ") or "",
                departments={lang: (raw.get(f"DEPT{s}") or "").strip() for lang, s in (("nl", "N"), ("fr", "F"))},
                descriptors={lang: descriptor_terms(raw.get(f"MAINTHESA{s}")) for lang, s in (("nl", "N"), ("fr", "F"))},
                href=(raw.get("link") or {}).get("href"),
            ))
        except QrvaParseError as exc:
            page.problems.append((f"QRVA list start={start}: {exc}", doc_id_for(sdocname) if sdocname and SDOCNAME_RE.match(sdocname) else None))
    if not data["items"] and start < total:
        page.problems.append((f"QRVA list start={start} has zero items although total={total}", None))
    return page


# --- the JSON item -------------------------------------------------------------------------------

def _side(rec: dict[str, Any], lang: str) -> tuple[str, list[QuestionPart], list[tuple[int, str]]]:
    """Title, questions and answers (answer slot, text) of one language of the record."""
    s = SUFFIX[lang]
    title = " ".join((rec.get(f"TIT{s}") or "").split())
    questions = split_questions(paragraphs(rec.get(f"TEXTQ{s}")))
    answers = [(i, paragraphs(rec.get(f"TEXTA{i}{s}"))) for i in range(1, 5)]
    return title, questions, [(i, text) for i, text in answers if text]


def _missing(title: str, questions: list, answers: list, expect_answer: bool, lang: str) -> list[str]:
    s = SUFFIX[lang]
    gone = [name for name, value in ((f"TIT{s}", title), (f"TEXTQ{s}", questions)) if not value]
    if expect_answer and not answers:
        gone.append(f"TEXTA1{s}")
    return gone


def parse_item(body: bytes, url: str) -> SourceDocument | None:
    """One QRVA record; ``None`` when the service answers ``"items": []`` (no record under
    that name: the caller falls back to the human page)."""
    data = _json(body, "QRVA item")
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise QrvaParseError("QRVA item has no 'items' list")
    if not data["items"]:
        return None
    rec = data["items"][0]
    if not isinstance(rec, dict):
        raise QrvaParseError("QRVA item: items[0] is not an object")
    href = (rec.get("link") or {}).get("href") or url
    sdocname = href.rstrip("/").rsplit("/", 1)[-1]
    m = split_sdocname(sdocname)
    doc_id = doc_id_for(sdocname)
    lang = LANGS.get(str(rec.get("LANG") or "").upper())
    if lang is None:
        raise QrvaParseError(f"{doc_id}: LANG {rec.get('LANG')!r} is neither N nor F")
    other = OTHER[lang]
    asked_on = _compact_date(rec.get("DEPOTDAT"), "DEPOTDAT")
    deadline = _compact_date(rec.get("DELAIDAT"), "DELAIDAT")
    role = " ".join((rec.get(f"DEPT{SUFFIX[lang]}") or "").split())
    if not role:
        raise QrvaParseError(f"{doc_id}: no department (DEPT{SUFFIX[lang]})")

    # The QRVA data gives no separate answer date: the answer's date is the day it was
    # published in the bulletin (PUBLICA1: "B001, , 10/10/2014, 00002014").
    references: list[str] = []
    published: dict[int, dt.date | None] = {}
    for i in range(1, 5):
        bulletin, when = parse_publication(rec.get(f"PUBLICA{i}"))
        if bulletin:
            references.append(bulletin)
            published[i] = when
    own_bulletin = bulletin_of(sdocname)
    if own_bulletin and own_bulletin not in references:
        references.insert(0, own_bulletin)

    status = str(rec.get("STATUSQ") or "")
    title, questions, answers = _side(rec, lang)
    t_title, t_questions, t_answers = _side(rec, other)
    expect_answer = status in ANSWERED_STATUSES or bool(answers or t_answers)
    gaps = []
    own_gone = _missing(title, questions, answers, expect_answer, lang)
    other_gone = _missing(t_title, t_questions, t_answers, expect_answer, other)
    if own_gone:
        gaps.append(f"the {LANGUAGE_NAME[lang]} side of the record (the language the question was asked in)"
                    f" is missing {', '.join(own_gone)}")
    if not (t_title or t_questions or t_answers):
        gaps.append(f"the {LANGUAGE_NAME[other]} side of the record is empty ({', '.join(other_gone)})")
    elif other_gone:
        gaps.append(f"the {LANGUAGE_NAME[other]} side of the record is missing {', '.join(other_gone)}")

    numbers = [q.number for q in questions] or [1]
    doc = SourceDocument(
        source=SOURCE, doc_id=doc_id, kind=QUESTION, country="BE", parliament=BE_CHAMBER,
        url=detail_url(SITE_URL, sdocname, lang), language=lang,
        number=f"{m['leg']}-{int(rec['QUESTNUM']):04d}" if rec.get("QUESTNUM") else f"{m['leg']}-{m['num']}",
        title=title, askers=[parse_author(rec.get("AUT") or "")], addressed_to=[role],
        asked_on=asked_on, date=asked_on, questions=questions, deadline=deadline,
        descriptors=descriptor_terms(rec.get(f"MAIN_THESA{SUFFIX[lang]}"), rec.get(f"THESA{SUFFIX[lang]}"),
                                     rec.get(f"DESC{SUFFIX[lang]}"), rec.get(f"FREE{SUFFIX[lang]}")),
        references=references, gaps=gaps,
    )
    if t_title or t_questions or t_answers:
        doc.translations = [Translation(other, t_title, "", t_questions,
                                        [AnswerPart(list(numbers), text) for _, text in t_answers])]
    answer_date = next((published[i] for i, _ in answers + t_answers if published.get(i)), None)
    if answers:
        doc.kind = ANSWER
        doc.answers = [AnswerPart(list(numbers), text) for _, text in answers]
        doc.ministers = [Minister(name=None, role=role)]  # QRVA names the office, never the person
        doc.date = answer_date
        if answer_date is None:
            gaps.append("the answer has no publication date (PUBLICA1), the only answer date QRVA gives")
    elif expect_answer:
        # Answered, but not in the language of the question: the record counts as answered on
        # the publication day, the text is where the source has it (the translation), if anywhere.
        doc.answered_on = answer_date
        doc.ministers = [Minister(name=None, role=role)]  # the addressed office answered
        if not t_answers:
            gaps.append(f"STATUSQ {status!r} says the answer came in, but the record holds no answer text")
    return doc


# --- the HTML detail page ------------------------------------------------------------------------

# Labels of the page's label/value rows (FORMATS.md section 11 for the NL ones seen; the FR ones
# follow SOURCES.md section 3, the rest of the FR set is our reading of the same layout).
LABELS: dict[str, tuple[str, ...]] = {
    "author": ("Auteur",),
    "department": ("Departement", "Département"),
    "subdepartment": ("Sub-departement", "Sous-département"),
    "title": ("Titel", "Titre"),
    "asked": ("Datum indiening", "Date de dépôt"),
    "language": ("Taal", "Langue"),
    "status": ("Status vraag", "Statut question"),
    "deadline": ("Termijndatum", "Date de délai"),
    "question": ("Vraag", "Question"),
    "answer": ("Antwoord", "Réponse"),
    "published_question": ("Publicatie vraag", "Publication question"),
    "published_answer": ("Publicatie antwoord", "Publication réponse"),
    "main_descriptor": ("Eurovoc-hoofddescriptor", "Descripteur principal Eurovoc"),
    "descriptors": ("Eurovoc-descriptoren", "Descripteurs Eurovoc"),
    "keywords": ("Vrije trefwoorden", "Mots-clés libres"),
}
_BY_LENGTH = sorted(((label, key) for key, labels in LABELS.items() for label in labels), key=lambda x: -len(x[0]))
TEXT_KEYS = ("question", "answer")
# Inside a question or answer text only these end the text (a paragraph may well start with
# "Titel" or "Question"): the index and publication rows.
_ENDS_TEXT = ("published_question", "published_answer", "main_descriptor", "descriptors", "keywords")
HEADER_RE = re.compile(r"(?:nr|n°)\s*:\s*(\d+)\s*-\s*(?:Zittingsperiode|Législature)\s*:\s*(\d+)", re.IGNORECASE)
# The page's own legacy mojibake (FORMATS.md section 11): "ë" shown as "Ű" (cp1252 bytes read
# through a DOS code page). Repaired only inside a word on this page, where no "Ű" is real.
QRVA_MOJIBAKE_RE = re.compile(r"(?<=[A-Za-zà-ÿ])Ű")


def decode_page(body: bytes) -> tuple[str, str | None]:
    """The page text and, when it was not UTF-8, a note saying how it was read. The site serves
    cp1252 (latin-1) bytes under ``charset=utf-8``: strict UTF-8 first, then cp1252."""
    try:
        text, utf8 = utf8_or_cp1252(body, strict=True)
    except UnicodeDecodeError as exc:
        raise QrvaParseError(f"the page is neither UTF-8 nor cp1252 (byte {body[exc.start]:#04x} at {exc.start})") from None
    if utf8:
        return text, None
    return text, "the page is cp1252 (latin-1) bytes, not the UTF-8 it was served as; read as cp1252"


def _match_label(text: str, labels: list[tuple[str, str]] = _BY_LENGTH) -> tuple[str, str, str] | None:
    """(key, label, value) when the row starts with a known label (glued or not); ``labels`` are
    (label, key) pairs, longest label first."""
    for label, key in labels:
        if text.startswith(label):
            rest = text[len(label):]
            # "Titel" must not match a word "Titels..."; a glued value starts with a digit, a
            # capital or punctuation, never with a lower-case letter continuing the label.
            if rest[:1].islower():
                continue
            return key, label, rest.strip(" :\u00a0\t")
    return None


def _rows(tree) -> list[str]:
    """The text of each outermost table row of ``tree`` (a page or one block of it), its cells
    joined by a space."""
    rows = []
    for tr in tree.iter("tr"):
        if _nested_row(tr, tree):
            continue
        cells = [" ".join("".join(td.itertext()).split()) for td in tr.xpath("./td|./th")]
        text = " ".join(c for c in cells if c)
        if text:
            rows.append(text)
    return rows


def _nested_row(tr, top) -> bool:
    """Whether ``tr`` sits inside another row below ``top`` (its text is in that row's)."""
    up = tr.getparent()
    while up is not None and up is not top:
        if up.tag == "tr":
            return True
        up = up.getparent()
    return False


# Why a document comes from the human page rather than the open-data record: the first words
# of its gap note.
VIA_EMPTY_ITEM = "the open-data record was empty"
VIA_LISTING = "the open-data list did not answer; found through the HTML bulletin listing"


def parse_detail_html(body: bytes, url: str, via: str = VIA_EMPTY_ITEM) -> SourceDocument:
    text, note = decode_page(body)
    text = QRVA_MOJIBAKE_RE.sub("ë", text)
    sdocname = sdocname_from_detail_url(url)
    m = split_sdocname(sdocname)
    doc_id = doc_id_for(sdocname)
    ui = dict(parse_qsl(urlsplit(url).query)).get("language", "nl")
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise QrvaParseError(f"{doc_id}: HTML page cannot be read ({exc})") from None
    header = next((" ".join(h.text_content().split()) for h in tree.iter("h1", "h2", "h3")
                   if HEADER_RE.search(h.text_content())), None)
    if header is None:
        raise QrvaParseError(f"{doc_id}: no 'nr : <n> - Zittingsperiode : <leg>' heading: not a QRVA page")
    number, leg = HEADER_RE.search(header).groups()

    fields: dict[str, str] = {}
    texts: dict[str, list[str]] = {}
    current = None  # the text heading ("Vraag", "Antwoord") whose paragraphs follow
    for row in _rows(tree):
        hit = _match_label(row)
        if current is not None and (hit is None or (hit[0] not in _ENDS_TEXT and not (hit[0] in TEXT_KEYS and not hit[2]))):
            texts[current].append(row)
            continue
        current = None
        if hit is None:
            continue
        key, _, value = hit
        if key in TEXT_KEYS:
            texts.setdefault(key, [])
            if value:
                texts[key].append(value)
            else:
                current = key
        else:
            fields.setdefault(key, value)
    for required in ("author", "department", "asked", "language"):
        if not fields.get(required):
            raise QrvaParseError(f"{doc_id}: the page has no {LABELS[required][0]!r} row")
    lang = LANGS.get(fields["language"].strip().upper()[:1])
    if lang is None:
        raise QrvaParseError(f"{doc_id}: language {fields['language']!r} is neither N nor F")
    questions = split_questions("\n".join(texts.get("question", [])))
    answer = "\n".join(texts.get("answer", []))
    title = fields.get("title", "")
    translations = []
    if ui != lang and ui in OTHER and title:
        # The page's title and labels are in the page language, the texts in the question's:
        # the question's own title is not on this page, only its translation.
        translations = [Translation(ui, title)]
        gaps = [f"{via}; read from the {LANGUAGE_NAME[ui]} HTML page, which gives the title only in"
                f" {LANGUAGE_NAME[ui]} (no {LANGUAGE_NAME[lang]} title, no {LANGUAGE_NAME[ui]} texts)"]
        title = ""
    else:
        gaps = [f"{via}; read from the {LANGUAGE_NAME.get(ui, ui)} HTML page, which gives"
                f" no {LANGUAGE_NAME[OTHER[lang]]} version"]
    if note:
        gaps.append(note)
    references = [b for b in [bulletin_of(sdocname)] if b]
    published_answer = fields.get("published_answer", "")
    answer_bulletin = re.match(r"B\d{3}", published_answer)
    if answer_bulletin and answer_bulletin.group(0) not in references:
        references.append(answer_bulletin.group(0))
    answer_date = _find_page_date(published_answer, "published answer")
    role = fields["department"]
    asked_on = _page_date(fields["asked"], "submission date")
    doc = SourceDocument(
        source=SOURCE, doc_id=doc_id, kind=QUESTION, country="BE", parliament=BE_CHAMBER,
        url=detail_url(SITE_URL, sdocname, lang), language=lang, number=f"{leg}-{number}",
        title=title, askers=[parse_author(fields["author"])], addressed_to=[role], asked_on=asked_on,
        date=asked_on, questions=questions,
        deadline=_page_date(fields["deadline"], "deadline") if fields.get("deadline") else None,
        descriptors=descriptor_terms(fields.get("main_descriptor"), fields.get("descriptors"), fields.get("keywords")),
        references=references, gaps=gaps, translations=translations,
    )
    if m["leg"] != leg:
        raise QrvaParseError(f"{doc_id}: the page says legislature {leg}, the dossierID {m['leg']}")
    if answer:
        doc.kind = ANSWER
        doc.answers = [AnswerPart([q.number for q in questions] or [1], answer)]
        doc.ministers = [Minister(name=None, role=role)]
        doc.date = answer_date
    elif answer_date:
        doc.answered_on = answer_date
        gaps.append("the page states an answer publication but holds no answer text")
    return doc


def _page_date(value: str, what: str) -> dt.date:
    try:
        return parse_date(value.strip())
    except DateParseError as exc:
        raise QrvaParseError(f"{what} {value!r}: {exc}") from None


def _find_page_date(value: str, what: str) -> dt.date | None:
    found = re.search(r"\d{1,2}/\d{1,2}/\d{4}", value or "")
    return _page_date(found.group(0), what) if found else None


# --- the HTML bulletin listing ---------------------------------------------------------------------
#
# The way in when the open-data list does not answer (SOURCES.md section 3): the legislature's
# list of bulletins, then each bulletin's table of contents, whose entries link to the detail
# pages above. The URLs are the ones the site's own links use (verified in third-party code);
# the bulletin list's layout is NOT documented anywhere we have: it is read defensively, on the
# links to a table of contents alone.

BULLETIN_PARAM_RE = re.compile(r"[?&]bulletin=(B\d{3})(?![0-9A-Za-z])", re.IGNORECASE)
LEGISLAT_PARAM_RE = re.compile(r"[?&]legislat=(\d+)", re.IGNORECASE)


def bulletin_list_url(site_url: str, leg: int) -> str:
    """The legislature's bulletins (the ``cfm`` value holds a second ``?``, as on the site)."""
    return f"{site_url}/kvvcr/showpage.cfm?section=/qrva&language=nl&cfm=qrvaList.cfm?legislat={leg}"


def toc_url(site_url: str, leg: int, bulletin: str, language: str = "nl") -> str:
    """One bulletin's table of contents, written as the site writes it (the leading ``?&`` too)."""
    return (f"{site_url}/kvvcr/showpage.cfm?&language={language}"
            f"&cfm=/site/wwwcfm/qrva/qrvatoc.cfm?legislat={leg}&bulletin={bulletin}")


def _page_tree(body: bytes, what: str):
    """A listing page as an lxml tree: decoded as the detail page is (UTF-8, else cp1252), with
    the site's ``Ű`` for ``ë`` repaired."""
    text, _ = decode_page(body)
    text = QRVA_MOJIBAKE_RE.sub("ë", text)
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise QrvaParseError(f"{what}: HTML cannot be read ({exc})") from None


@dataclass
class Bulletin:
    leg: int
    bulletin: str  # "B001"
    label: str  # the link text as printed

    @property
    def number(self) -> int:
        return int(self.bulletin[1:])


def parse_bulletin_list(body: bytes, leg: int) -> list[Bulletin]:
    """The bulletins of legislature ``leg``, newest (highest number) first. Layout inferred: any
    link whose target names ``qrvatoc.cfm`` and ``bulletin=B<nnn>`` (and, when it says one, this
    legislature) is a bulletin; everything else on the page (menus, other legislatures) is
    ignored. A page with no such link is an error: the list could not be read."""
    tree = _page_tree(body, f"QRVA bulletin list leg={leg}")
    found: dict[str, Bulletin] = {}
    for a in tree.iter("a"):
        href = unquote(a.get("href") or "")
        if "qrvatoc.cfm" not in href.lower():
            continue
        bulletin = BULLETIN_PARAM_RE.search(href)
        legislat = LEGISLAT_PARAM_RE.search(href)
        if bulletin is None or (legislat is not None and int(legislat.group(1)) != leg):
            continue
        name = bulletin.group(1).upper()
        found.setdefault(name, Bulletin(leg, name, " ".join(a.text_content().split())))
    if not found:
        raise QrvaParseError(f"QRVA bulletin list leg={leg}: no link to a bulletin (qrvatoc.cfm?legislat={leg}"
                             "&bulletin=B<nnn>) on the page")
    return sorted(found.values(), key=lambda b: -b.number)


# Labels of a table-of-contents entry (SOURCES.md section 3 for the Dutch ones; the French ones
# are our reading of the same layout, with the detail page's French words).
TOC_LABELS: dict[str, tuple[str, ...]] = {
    "author": ("Auteur",),
    "department": ("Departement", "Département"),
    "title": ("Titel", "Titre"),
    "asked": ("Datum indiening", "Date de dépôt"),
    "answer_published": ("Antwoord gepubliceerd", "Réponse publiée"),
}
_TOC_BY_LENGTH = sorted(((label, key) for key, labels in TOC_LABELS.items() for label in labels),
                        key=lambda x: -len(x[0]))
_LABEL_LANGUAGE = {labels[i]: lang for labels in TOC_LABELS.values() if len(labels) == 2
                   for i, lang in enumerate(("nl", "fr"))}


@dataclass
class TocEntry(ListItem):
    """One question of a bulletin's table of contents: what the list item says, plus the day
    it was asked (the list has none) and whether the bulletin prints its answer."""

    bulletin: str = ""
    asked_on: dt.date | None = None
    answer_published: str = ""  # as printed ("Ja", "Nee", a date ...)

    def in_period(self, since: dt.date | None, until: dt.date | None) -> bool:
        if self.asked_on is None:
            return super().in_period(since, until)
        return not ((since and self.asked_on < since) or (until and self.asked_on > until))


@dataclass
class TocPage:
    leg: int
    bulletin: str
    language: str
    entries: list[TocEntry]
    problems: list[tuple[str, str | None]] = field(default_factory=list)  # (reason, doc id)

    def all_asked_before(self, since: dt.date | None) -> bool:
        """Whether every entry was asked before ``since`` (entries with no readable date count
        as not): the walk from the newest bulletin back stops here."""
        return bool(since and self.entries and all(e.asked_on and e.asked_on < since for e in self.entries))


TOC_BLOCK_XPATH = ("//div[contains(concat(' ', normalize-space(@class), ' '), ' linklist_0 ')"
                   " or contains(concat(' ', normalize-space(@class), ' '), ' linklist_1 ')]")


def _toc_block(block, i: int, where: str, language: str) -> TocEntry:
    link = next((a.get("href") for a in block.iter("a") if "qrvaxml.cfm" in (a.get("href") or "").lower()), None)
    if link is None:
        raise QrvaParseError(f"{where} entry {i}: no link to a detail page (qrvaXml.cfm?...dossierID=<...>.xml)")
    sdocname = sdocname_from_detail_url(link)
    split_sdocname(sdocname)
    fields: dict[str, str] = {}
    for row in _rows(block):
        hit = _match_label(row, _TOC_BY_LENGTH)
        if hit is not None:
            key, label, value = hit
            fields.setdefault(key, value)
            language = _LABEL_LANGUAGE.get(label, language) if key == "title" else language
    if not fields.get("title"):
        raise QrvaParseError(f"{where} entry {i} ({sdocname}): no title row, so no telling whether it names a tool")
    asked_on = None
    if fields.get("asked"):
        # A date that does not read leaves the entry undated (the detail page has the date);
        # only the walk's stop for ``since`` looks at it, and an undated entry never stops it.
        found = re.search(r"\d{1,2}/\d{1,2}/\d{4}", fields["asked"])
        try:
            asked_on = parse_date(found.group(0)) if found else None
        except DateParseError:
            asked_on = None
    return TocEntry(
        sdocname=sdocname, titles={language: fields["title"]}, author=fields.get("author", ""), status="",
        departments={language: fields["department"]} if fields.get("department") else {},
        descriptors={}, href=link, asked_on=asked_on, answer_published=fields.get("answer_published", ""),
    )


def parse_toc(body: bytes, url: str) -> TocPage:
    """A bulletin's table of contents: one ``div.linklist_0``/``div.linklist_1`` block per
    question, ``td.txt`` label/value rows (Auteur, Departement, Titel, Datum indiening,
    Antwoord gepubliceerd; glued or not) and a link to the question's detail page. A block
    that cannot be read is a problem (its reason), the others are still read; a page with no
    block at all is an error."""
    leg, bulletin = toc_params(url)
    where = f"QRVA bulletin {bulletin} (leg {leg})"
    tree = _page_tree(body, where)
    blocks = tree.xpath(TOC_BLOCK_XPATH)
    if not blocks:
        raise QrvaParseError(f"{where}: no question blocks (div.linklist_0 / div.linklist_1) on the page")
    page_language = dict(parse_qsl(urlsplit(url).query)).get("language", "nl")
    page = TocPage(leg, bulletin, page_language if page_language in OTHER else "nl", [])
    for i, block in enumerate(blocks, 1):
        try:
            entry = _toc_block(block, i, where, page.language)
        except QrvaParseError as exc:
            dossier = re.search(r"dossierID=([^&\"'\s]+?)\.xml", unquote(etree.tostring(block, encoding="unicode")))
            doc_id = doc_id_for(dossier.group(1)) if dossier and SDOCNAME_RE.match(dossier.group(1)) else None
            page.problems.append((str(exc), doc_id))
            continue
        entry.bulletin = bulletin
        page.entries.append(entry)
    return page


def toc_params(url: str) -> tuple[int, str]:
    """(legislature, bulletin) of a table-of-contents URL."""
    leg, bulletin = LEGISLAT_PARAM_RE.search(unquote(url)), BULLETIN_PARAM_RE.search(unquote(url))
    if leg is None or bulletin is None:
        raise QrvaParseError(f"no legislat=<leg>&bulletin=B<nnn> in {url}")
    return int(leg.group(1)), bulletin.group(1).upper()


def bulletin_list_leg(url: str) -> int:
    """The legislature of a bulletin-list URL (``...qrvaList.cfm?legislat=<leg>``)."""
    leg = LEGISLAT_PARAM_RE.search(unquote(url))
    if leg is None:
        raise QrvaParseError(f"no legislat=<leg> in {url}")
    return int(leg.group(1))
