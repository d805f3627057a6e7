"""Parsers for officielebekendmakingen / KOOP: SRU search pages and the document
manifestations (XML, with HTML as fallback) of "Kamervragen (Aanhangsel)" and "Kamervragen
zonder antwoord". Pure functions: bytes in, typed objects out; no Scrapy inside.

Structure follows the real recordings in shared/reference/sources/nl_ob/plooi_fixtures
(SRU ``gzd`` records; ``officiele-publicatie/kamervragen`` documents). The question header and
reply line are free text inside the XML too, so they go through the shared text parser.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

import lxml.html
from lxml import etree

from archive.dates import DateParseError, parse_date
from archive.model import (
    QUESTION, AnswerPart, Asker, Minister, QuestionPart, SourceDocument,
)
from crawler.parsers.text import (
    ParsedText, find_mojibake, TextParseError, parse_numbers, parse_question_header, parse_reply_line, parse_text,
)

PARSER_VERSION = "koop-1"
SOURCE = "officielebekendmakingen"

NS = {
    "sru": "http://docs.oasis-open.org/ns/search-ws/sruResponse",
    "gzd": "http://standaarden.overheid.nl/sru",
    "ow": "http://standaarden.overheid.nl/wetgeving/",
    "dcterms": "http://purl.org/dc/terms/",
    "c": "http://standaarden.overheid.nl/collectie/",
    "diag": "http://docs.oasis-open.org/ns/search-ws/diagnostic",
}
# The two publications that hold written questions; anything else in a result set is not ours.
PUB_ANSWERED = "Kamervragen (Aanhangsel)"
PUB_UNANSWERED = "Kamervragen zonder antwoord"
PUBLICATIONS = (PUB_ANSWERED, PUB_UNANSWERED)
ZAAK_RE = re.compile(r"^\d{4}Z\d{5}$")
KOOP_ID_RE = re.compile(r"\b((?:ah|kv)-(?:tk|ek)-[0-9A-Za-z-]+?|kv-\d+)(?=\.xml|\.html|\.pdf|/|$|\s)")
PARLIAMENTS = {"tk": "Tweede Kamer", "ek": "Eerste Kamer"}
_HTML_PARSER = lxml.html.HTMLParser(encoding="utf-8", no_network=True)


class KoopParseError(ValueError):
    """A KOOP response we cannot read; the message is the quarantine reason."""


class UnknownDocumentType(KoopParseError):
    """An SRU record for a publication that is not a written question."""


@dataclass
class SruRecord:
    identifier: str
    title: str = ""
    publication: str | None = None
    doc_types: list[str] = field(default_factory=list)
    creator: str | None = None
    language: str = "nl"
    modified: str | None = None
    issued: str | None = None
    vergaderjaar: str | None = None
    vraagnummer: str | None = None
    aanhangselnummer: str | None = None
    subrubriek: str | None = None
    indieners: list[str] = field(default_factory=list)
    ontvanger: str | None = None
    datum_indiening: str | None = None
    datum_ontvangst: str | None = None
    aanhangsel: list[str] = field(default_factory=list)
    preferred_url: str | None = None
    item_urls: dict[str, str] = field(default_factory=dict)
    position: int | None = None


@dataclass
class SruPage:
    number_of_records: int
    records: list[SruRecord]
    start_record: int | None  # as echoed by the server


def sru_query(publications: tuple[str, ...], terms: list[str], since: str | None = None,
              until: str | None = None, modified_since: str | None = None) -> str:
    """CQL for the KOOP SRU endpoint (index names as used by PLOOI and other public clients;
    see shared/reference/SOURCES.md 2.2)."""
    pubs = " or ".join(f'w.publicatienaam=="{p}"' for p in publications)
    parts = ['c.product-area=="officielepublicaties"', f"({pubs})"]
    if terms:
        parts.append("(" + " or ".join(f'cql.textAndIndexes="{t}"' for t in terms) + ")")
    if since:
        parts.append(f'dt.date>="{since}"')
    if until:
        parts.append(f'dt.date<="{until}"')
    if modified_since:
        parts.append(f'dt.modified>="{modified_since}"')
    return " and ".join(parts)


def sru_url(base: str, query: str, start: int, page_size: int) -> str:
    params = {"operation": "searchRetrieve", "version": "2.0", "recordSchema": "gzd",
              "query": query, "startRecord": str(start), "maximumRecords": str(page_size)}
    return f"{base}?{urlencode(params)}"


def _xml(body: bytes, what: str) -> etree._Element:
    if not body or not body.strip():
        raise KoopParseError(f"empty {what} response")
    declared = re.match(rb'<\?xml[^>]*encoding=["\']([\w-]+)', body.lstrip()[:200])
    if declared is None or declared.group(1).lower() in (b"utf-8", b"utf8"):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise KoopParseError(f"{what} XML is not valid UTF-8 at byte {exc.start}"
                                 " (latin-1 text in a UTF-8 document: mojibake at the source)") from None
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise KoopParseError(f"truncated or malformed {what} XML: {exc}") from None


def _refuse_mojibake(text: str) -> None:
    bad = find_mojibake(text)
    if bad is not None:
        raise KoopParseError(f"mojibake {bad!r} in the document: the text was decoded with the wrong"
                             " character set upstream; the raw bytes are kept for a re-decode")


def _t(el: etree._Element, path: str) -> str | None:
    found = el.find(path, NS)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def parse_sru_page(body: bytes) -> SruPage:
    root = _xml(body, "SRU")
    if etree.QName(root).localname != "searchRetrieveResponse":
        raise KoopParseError(f"not an SRU searchRetrieveResponse: root element <{etree.QName(root).localname}>")
    diags = root.findall(".//diag:diagnostic", NS)
    if diags:
        msgs = "; ".join(filter(None, (_t(d, "diag:message") or _t(d, "diag:uri") for d in diags)))
        raise KoopParseError(f"SRU diagnostic from the server: {msgs}")
    count_text = _t(root, "sru:numberOfRecords")
    if count_text is None or not count_text.isdigit():
        raise KoopParseError("SRU page without a numeric numberOfRecords")
    start = _t(root, "sru:echoedSearchRetrieveRequest/sru:startRecord")
    records = [_sru_record(r) for r in root.findall("sru:records/sru:record", NS)]
    return SruPage(int(count_text), records, int(start) if start and start.isdigit() else None)


def _sru_record(rec: etree._Element) -> SruRecord:
    meta = rec.find("sru:recordData/gzd:gzd/gzd:originalData/ow:meta", NS)
    enriched = rec.find("sru:recordData/gzd:gzd/gzd:enrichedData", NS)
    if meta is None or enriched is None:
        raise KoopParseError("SRU record without gzd originalData/enrichedData")
    ident = _t(meta, "ow:owmskern/dcterms:identifier")
    if not ident:
        raise KoopParseError("SRU record without dcterms:identifier")
    tp = meta.find("ow:tpmeta", NS)
    if tp is None:
        raise KoopParseError(f"SRU record {ident} without tpmeta")
    pos = _t(rec, "sru:recordPosition")
    return SruRecord(
        identifier=ident,
        title=_t(meta, "ow:owmskern/dcterms:title") or "",
        publication=_t(tp, "ow:publicatienaam"),
        doc_types=[" ".join(e.text.split()) for e in meta.findall("ow:owmskern/dcterms:type", NS) if e.text],
        creator=_t(meta, "ow:owmskern/dcterms:creator"),
        language=_t(meta, "ow:owmskern/dcterms:language") or "nl",
        modified=_t(meta, "ow:owmskern/dcterms:modified"),
        issued=_t(meta, "ow:owmsmantel/dcterms:issued"),
        vergaderjaar=_t(tp, "ow:vergaderjaar"),
        vraagnummer=_t(tp, "ow:vraagnummer"),
        aanhangselnummer=_t(tp, "ow:aanhangselnummer"),
        subrubriek=_t(tp, "ow:subrubriek"),
        indieners=[" ".join(e.text.split()) for e in tp.findall("ow:indiener", NS) if e.text],
        ontvanger=_t(tp, "ow:ontvanger"),
        datum_indiening=_t(tp, "ow:datumIndiening"),
        datum_ontvangst=_t(tp, "ow:datumOntvangst"),
        aanhangsel=[" ".join(e.text.split()) for e in tp.findall("ow:aanhangsel", NS) if e.text],
        preferred_url=_t(enriched, "gzd:preferredUrl"),
        item_urls={e.get("manifestation"): e.text.strip() for e in enriched.findall("gzd:itemUrl", NS) if e.text},
        position=int(pos) if pos and pos.isdigit() else None,
    )


def check_publication(rec: SruRecord) -> None:
    if rec.publication not in PUBLICATIONS:
        raise UnknownDocumentType(
            f"unknown document type: {rec.identifier} is a {rec.publication or 'publication without name'!r},"
            f" not one of {', '.join(PUBLICATIONS)}")


def document_url(rec: SruRecord) -> tuple[str, str]:
    """(manifestation, url) to fetch: the XML, else the HTML (never build paths: gzd:itemUrl)."""
    for manifestation in ("xml", "html"):
        if manifestation in rec.item_urls:
            return manifestation, rec.item_urls[manifestation]
    raise KoopParseError(f"{rec.identifier}: no xml or html manifestation among {sorted(rec.item_urls)}")


# --- documents ------------------------------------------------------------------------------

def _inner_text(el: etree._Element, skip: frozenset[str] = frozenset({"noot"})) -> str:
    """Text of an element without its footnote bodies (their tails stay)."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and etree.QName(child).localname not in skip:
            parts.append(_inner_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _ws(text: str) -> str:
    return " ".join(text.split())


def _footnote_urls(root: etree._Element) -> list[str]:
    urls: list[str] = []
    for ref in root.iter("extref"):
        target = (ref.get("doc") or "").strip()
        if target.startswith(("http://", "https://")) and target not in urls:
            urls.append(target)
    for noot in root.iter("noot"):
        for url in re.findall(r"https?://[^\s<>\"»]+", _ws("".join(noot.itertext()))):
            url = url.rstrip(".,;)")
            if url not in urls:
                urls.append(url)
    return urls


_LABEL_WORD = {"vraag": ("vraag", "vragen"), "antwoord": ("antwoord", "antwoorden")}


def _blocks(items: list[tuple[str, str, list[str]]]) -> tuple[list[QuestionPart], list[AnswerPart]]:
    """(element kind, number label, paragraphs) -> paired question and answer parts."""
    questions: list[QuestionPart] = []
    answers: list[AnswerPart] = []
    for kind, label, paras in items:
        # In the published markup a block's number always reads "Vraag 3" / "Antwoord 3"; anything
        # else there (a footnote, a bare "1)") means the structure is not what we know.
        if label.split(" ", 1)[0].lower() not in _LABEL_WORD[kind]:
            raise KoopParseError(f"{kind} heading {label!r} is not a question number")
        try:
            numbers = parse_numbers(label)
        except TextParseError as exc:
            raise KoopParseError(f"{kind} heading {label!r} is not a question number: {exc}") from None
        paras = [p for p in paras if p]
        if kind == "vraag":
            # "Vraag 2, 4 en 5" followed by one paragraph per question; otherwise the block is one text.
            texts = paras if len(paras) == len(numbers) else ["\n\n".join(paras)] * len(numbers)
            questions += [QuestionPart(n, t) for n, t in zip(numbers, texts)]
        else:
            answers.append(AnswerPart(numbers, "\n\n".join(paras)))
    return questions, answers


def parse_document_xml(body: bytes, meta: SruRecord | None = None, url: str = "") -> SourceDocument:
    root = _xml(body, "document")
    _refuse_mojibake(body.decode("utf-8", errors="replace"))
    if root.tag != "officiele-publicatie":
        raise KoopParseError(f"unknown document structure: root <{root.tag}>, expected <officiele-publicatie>")
    kv = root.find("kamervragen")
    if kv is None:
        kinds = [c.tag for c in root if isinstance(c.tag, str) and c.tag != "metadata"]
        raise UnknownDocumentType(f"unknown document type: <officiele-publicatie> holds {kinds}, not <kamervragen>")
    header_el = kv.find("kamervraagomschrijving[@type='vraag']")
    if header_el is None:
        raise KoopParseError("document without a question header (kamervraagomschrijving type='vraag')")
    reply_els = kv.findall("kamervraagomschrijving[@type='antwoord']") + kv.findall("kamervraagomschrijving[@type='mededeling']")
    items = []
    for el in kv:
        if el.tag in ("vraag", "antwoord"):
            nr = el.find("nr")
            if nr is None:
                raise KoopParseError(f"<{el.tag}> without <nr>")
            items.append((el.tag, _ws(_inner_text(nr)), [_ws(_inner_text(al)) for al in el.findall("al")]))
    header, reply = _parse_lines(_ws(_inner_text(header_el)), _ws(_inner_text(reply_els[0])) if reply_els else None)
    questions, answers = _blocks(items)
    return _document(header, reply, questions, answers, _footnote_urls(root), meta, url,
                     doc_id_hint=_doc_id_from_xml(root, url))


def _doc_id_from_xml(root: etree._Element, url: str) -> str | None:
    for m in root.iter("meta"):
        if m.get("name") == "OVERHEIDop.externMetadataRecord":
            found = KOOP_ID_RE.search(m.get("content", ""))
            if found:
                return found.group(1)
    found = KOOP_ID_RE.search(url)
    return found.group(1) if found else None


def _html_metas(root) -> dict[str, list[str]]:
    metas: dict[str, list[str]] = {}
    for m in root.iter("meta"):
        name, content = m.get("name"), " ".join((m.get("content") or "").split())
        if name and content:
            metas.setdefault(name, []).append(content)
    return metas


def meta_from_html(metas: dict[str, list[str]]) -> SruRecord | None:
    """The HTML manifestation repeats the metadata in <meta> tags: enough to stand in for the
    SRU record when a page is parsed on its own."""
    if not metas.get("DC.identifier"):
        return None

    def one(name: str) -> str | None:
        return metas.get(name, [None])[0]

    return SruRecord(
        identifier=metas["DC.identifier"][0], title=one("DC.title") or "", publication=one("OVERHEIDop.publicationName"),
        creator=one("DC.creator"), language=one("DCTERMS.language") or "nl", vergaderjaar=one("OVERHEIDop.vergaderjaar"),
        vraagnummer=one("OVERHEIDop.vraagnummer"), aanhangselnummer=one("OVERHEIDop.aanhangselNummer"),
        indieners=metas.get("OVERHEIDop.indiener", []), ontvanger=one("OVERHEIDop.ontvanger"),
        datum_indiening=one("OVERHEIDop.datumIndiening"), datum_ontvangst=one("OVERHEIDop.datumOntvangst"),
        aanhangsel=metas.get("OVERHEIDop.aanhangsel", []), issued=one("DCTERMS.issued"),
    )


def _classes(el) -> list[str]:
    return (el.get("class") or "").split()


def parse_document_html(body: bytes, meta: SruRecord | None = None, url: str = "") -> SourceDocument:
    if not body.strip():
        raise KoopParseError("empty HTML document")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KoopParseError(f"HTML document is not valid UTF-8 at byte {exc.start} (mojibake at the source)") from None
    _refuse_mojibake(text)
    root = lxml.html.document_fromstring(body, parser=_HTML_PARSER)
    heads = [_ws(h.text_content()) for h in root.iter("h1") if "kamervraagomschrijving_kop" in _classes(h)]
    if not heads:
        raise KoopParseError("HTML document without h1.kamervraagomschrijving_kop (not a KOOP kamervragen page)")
    items = []
    for block in root.iter("div"):
        kind = next((c for c in _classes(block) if c in ("vraag", "antwoord")), None)
        if kind is None:
            continue
        label = " ".join(_ws(h.text_content()) for h in block.iter("h2") if "stuktitel" in _classes(h))
        # Footnote markers are <sup> links; their bodies live outside the blocks.
        paras = [_ws(_inner_text(p, frozenset({"sup"}))) for p in block.iter("p")]
        items.append((kind, label, paras))
    questions, answers = _blocks(items)
    urls: list[str] = []
    # Links in the text and its footnotes; the page furniture around #broodtekst is not ours.
    body_el = next((e for e in root.iter("div") if e.get("id") == "broodtekst"), root)
    for a in body_el.iter("a"):
        href = a.get("href") or ""
        if href.startswith(("http://", "https://")) and href not in urls:
            urls.append(href)
    meta = meta or meta_from_html(_html_metas(root))
    found = KOOP_ID_RE.search(url)
    header, reply = _parse_lines(heads[0], heads[1] if len(heads) > 1 else None)
    return _document(header, reply, questions, answers, urls, meta, url,
                     doc_id_hint=found.group(1) if found else None)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]+", "", "".join(c for c in text if not unicodedata.combining(c)))


def fingerprint(parliament: str, asked_on, askers: list[Asker], subject: str) -> str | None:
    """Identity of a question by its header: documents without a Zaak number (older
    Aanhangsels, follow-up answers) still find their question."""
    if not asked_on or not askers:
        return None
    names = ",".join(sorted(_fold(a.name) for a in askers))
    return f"{parliament}|{asked_on.isoformat()}|{names}|{_fold(subject)[:80]}"


def check_pairing(doc_id: str, questions: list[QuestionPart], answers: list[AnswerPart]) -> None:
    numbers = [q.number for q in questions]
    if len(set(numbers)) != len(numbers):
        raise KoopParseError(f"{doc_id}: question numbers repeat: {numbers}")
    for a in answers:
        missing = [n for n in a.numbers if n not in numbers]
        if missing:
            raise KoopParseError(f"{doc_id}: answer to question {missing} that the document does not ask")


def _date_or_none(value: str | None, what: str):
    if not value:
        return None
    try:
        return parse_date(value)
    except DateParseError as exc:
        raise KoopParseError(f"unreadable {what} {value!r}: {exc}") from None


def _parse_lines(header_text: str, reply_text: str | None):
    try:
        return parse_question_header(header_text), (parse_reply_line(reply_text) if reply_text else None)
    except (TextParseError, DateParseError) as exc:
        raise KoopParseError(str(exc)) from None


def _document(header, reply, questions: list[QuestionPart], answers: list[AnswerPart], footnotes: list[str],
              meta: SruRecord | None, url: str, doc_id_hint: str | None, *, source: str = SOURCE,
              title: str | None = None) -> SourceDocument:
    """Assemble and check one document from its parsed parts (header, reply line, blocks) and
    the metadata the source gives alongside (SRU record or HTML meta tags)."""
    doc_id = (meta.identifier if meta else None) or doc_id_hint
    if not doc_id:
        raise KoopParseError("no KOOP identifier in the metadata, the document or its URL")
    chamber = "ek" if (header.chamber == "Eerste Kamer" or doc_id.split("-")[1:2] == ["ek"]) else "tk"
    parliament = PARLIAMENTS[chamber]
    kind = reply.kind if reply else QUESTION
    if meta and meta.publication == PUB_ANSWERED and reply is None:
        raise KoopParseError(f"{doc_id}: an Aanhangsel document without a reply line ('Antwoord van ...')")
    if meta and meta.publication == PUB_UNANSWERED and reply is not None:
        raise KoopParseError(f"{doc_id}: a 'Kamervragen zonder antwoord' document with a reply line")
    check_pairing(doc_id, questions, answers)

    asked_on = header.asked_on or _date_or_none(meta.datum_indiening if meta else None, "datumIndiening")
    received = reply.received_on if reply else None
    if reply and received is None:
        received = _date_or_none(meta.datum_ontvangst if meta else None, "datumOntvangst")
        if received is None:
            raise KoopParseError(f"{doc_id}: {kind.replace('_', ' ')} without a received date"
                                 " (no '(ontvangen ...)' in the reply line and no datumOntvangst in the metadata)")
    askers = [Asker(p.name, p.party) for p in header.askers]
    vraagnummer = meta.vraagnummer if meta else None
    if not vraagnummer and doc_id.startswith("kv-tk-"):
        vraagnummer = doc_id[len("kv-tk-"):]  # the kv-tk id *is* the Zaak number
    if vraagnummer and ZAAK_RE.match(vraagnummer):
        key = vraagnummer
    elif vraagnummer:
        key = f"{chamber}:{vraagnummer}"  # Eerste Kamer question numbers are not Zaak numbers
    else:
        key = None
    ministers = [Minister(s.name, s.role, s.ministry, None, s.co_signer) for s in (reply.signatories if reply else [])]
    if url and source != SOURCE:
        official = url
    elif meta and meta.preferred_url:
        official = meta.preferred_url
    elif doc_id.startswith("text-"):
        official = url
    else:
        official = f"https://zoek.officielebekendmakingen.nl/{doc_id}.html"
    number = (meta.aanhangselnummer if meta else None) or (vraagnummer if kind == QUESTION else None)
    return SourceDocument(
        source=source, doc_id=doc_id, kind=kind, country="NL", parliament=parliament, url=official,
        language=(meta.language if meta else "nl") or "nl", question_key=key,
        fingerprint=fingerprint(parliament, asked_on, askers, header.subject),
        number=number, title=title or (meta.title if meta else "") or header.subject, subject=header.subject,
        askers=askers, addressed_to=list(header.addressed_to), ministers=ministers, asked_on=asked_on,
        date=received if reply else asked_on, questions=questions,
        answers=[AnswerPart(a.numbers, a.text, kind, doc_id) for a in answers],
        footnotes=footnotes, linked_ids=list(meta.aanhangsel) if meta else [], see_also=list(reply.see_also) if reply else [],
    )


def _tweedekamer_params(url: str) -> dict[str, str]:
    """Query parameters of a tweedekamer.nl kamervragen page, by name (their order varies)."""
    parts = urlsplit(url)
    if not parts.netloc.endswith("tweedekamer.nl"):
        return {}
    return {k: v for k, v in parse_qsl(parts.query)}


def document_from_text(text: str, url: str = "", doc_id: str | None = None) -> SourceDocument:
    """A document given as plain text (copied from a web page, extracted from a PDF/DOCX)."""
    try:
        parsed: ParsedText = parse_text(text)
    except (TextParseError, DateParseError) as exc:
        raise KoopParseError(str(exc)) from None
    if parsed.header is None:
        raise KoopParseError("no question header ('Vragen van ...') found")
    questions = [QuestionPart(n, t) for n, t in parsed.questions]
    answers = [AnswerPart(list(ns), t) for ns, t in parsed.answers]
    found = KOOP_ID_RE.search(url)
    tk_page = _tweedekamer_params(url)
    doc_id = doc_id or parsed.doc_id or (found.group(1) if found else None) or tk_page.get("did")
    if not doc_id and parsed.number and parsed.vergaderjaar:
        # The glued OB table ("...Staten-Generaal2020-20213235") names the publication.
        chamber = "ek" if parsed.header.chamber == "Eerste Kamer" else "tk"
        if parsed.reply is not None and parsed.number.isdigit():
            doc_id = f"ah-{chamber}-{parsed.vergaderjaar.replace('-', '')}-{int(parsed.number)}"
        elif parsed.reply is None and (ZAAK_RE.match(parsed.number) or chamber == "ek"):
            doc_id = f"kv-{chamber}-{parsed.number}"  # Eerste Kamer question numbers: kv-ek-215160000
    if not doc_id:
        # No official id in the text or URL: a stable id from the content, so re-parsing the
        # same text gives the same record.
        digest = hashlib.sha256("\n".join([parsed.header.subject] + [q.text for q in questions]).encode())
        doc_id = "text-" + digest.hexdigest()[:16]
    meta = SruRecord(identifier=doc_id)
    zaak = parsed.number if parsed.number and ZAAK_RE.match(parsed.number) else parsed.zaak_number
    if zaak and ZAAK_RE.match(zaak):
        meta.vraagnummer = zaak
    elif ZAAK_RE.match(tk_page.get("id", "")):
        meta.vraagnummer = tk_page["id"]  # tweedekamer.nl pages: id= is the Zaak (unless it repeats did=)
    doc = _document(parsed.header, parsed.reply, questions, answers, list(parsed.footnotes), meta, url, doc_id,
                    source="text", title=parsed.document_title)
    doc.notice = parsed.notice_text
    doc.toelichting = parsed.toelichting
    return doc
