"""Parsers for the Tweede Kamer open data (gegevensmagazijn OData v4): pages of ``Zaak``
entities of soort 'Schriftelijke vragen' with their ``ZaakActor`` and ``Document`` rows, and
the document files (``Document(<Id>)/resource``, DOCX or PDF). Pure functions: bytes in, typed
objects out; no Scrapy inside.

Shapes and field names: shared/reference/SOURCES.md section 1 (compact JSON envelope
``{"@odata.context", "value", "@odata.nextLink"}``; Zaak ``Nummer, Onderwerp, GestartOp,
Termijn, GewijzigdOp, Verwijderd``; ZaakActor ``Relatie, ActorNaam, ActorFractie, Functie``;
Document ``Id, Soort, DocumentNummer, Datum``; DocumentVersie ``ExterneIdentifier``).
The document text goes through the same text parser as every other source
(crawler.parsers.koop.document_from_text); the Zaak gives what the text may lack (parties,
the Zaak number, the date asked).
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field

from archive.dates import DateParseError
from archive.model import ANSWER, FOLLOW_UP, POSTPONEMENT, QUESTION, Asker, SourceDocument
from crawler.parsers.koop import KoopParseError, document_from_text, fingerprint
from crawler.parsers.extract import ExtractionError, pdf_bytes_text

PARSER_VERSION = "tk-1"
SOURCE = "tweedekamer"
API_ROOT = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
MAX_PAGE = 250  # the server's page size limit ($top <= 250)
ZAAK_RE = re.compile(r"^\d{4}Z\d{5}$")
DOCNR_RE = re.compile(r"^\d{4}D\d{5}$")
# The KOOP publications the officielebekendmakingen spider archives itself (SOURCES.md 1.3:
# DocumentVersie.ExterneIdentifier is the KOOP id of the same document).
KOOP_TWIN_RE = re.compile(r"^(?:kv|ah)-tk-[0-9A-Za-z-]+$")

KINDS = {
    "Schriftelijke vragen": QUESTION,
    "Mededeling (uitstel antwoord)": POSTPONEMENT,
    "Antwoord schriftelijke vragen": ANSWER,
    "Antwoord schriftelijke vragen (nader)": FOLLOW_UP,
}
ASKER_RELATIONS = ("Indiener", "Medeindiener")
ADDRESSEE_RELATION = "Gericht aan"
# Relations the API documents that say nothing about who asked or who must answer.
OTHER_RELATIONS = ("Voortouwcommissie", "Volgcommissie", "Rapporteur")


WITHDRAWAL_RE = re.compile(r"(?i)\bintrekk|\bingetrokken\b")


class TkParseError(ValueError):
    """A Tweede Kamer response we cannot read; the message is the quarantine reason."""


@dataclass
class TkDocument:
    id: str
    nummer: str | None
    soort: str
    datum: str | None
    koop_twin: str | None = None  # DocumentVersie.ExterneIdentifier naming a KOOP publication
    verwijderd: bool = False  # deleted at the source: to be removed from the archive
    titel: str = ""  # Onderwerp or Titel

    @property
    def is_withdrawal(self) -> bool:
        """A 'Mededeling' announcing that the asker withdrew the questions [I: SOURCES.md 1.3 names
        'Mededeling' for withdrawals; the wording "intrekking"/"ingetrokken" is inferred]."""
        return self.soort == "Mededeling" and bool(WITHDRAWAL_RE.search(self.titel))

    @property
    def kind(self) -> str | None:
        return KINDS.get(self.soort)


@dataclass
class TkZaak:
    id: str
    nummer: str | None
    onderwerp: str
    gestart_op: str | None
    termijn: str | None
    gewijzigd_op: str | None
    verwijderd: bool
    askers: list[Asker] = field(default_factory=list)
    addressed_to: list[str] = field(default_factory=list)
    documents: list[TkDocument] = field(default_factory=list)
    # What was read but not used, with the reason (unknown ZaakActor relations, other Soorts).
    ignored: list[str] = field(default_factory=list)
    withdrawn: bool = False  # a withdrawal notice is among its documents


@dataclass
class TkPage:
    zaken: list[TkZaak]
    next_link: str | None
    # Entities on the page that cannot become documents: (reason, document number or None).
    problems: list[tuple[str, str | None]] = field(default_factory=list)


def zaak_url(since: str, root: str = API_ROOT, *, modified_since: str | None = None, until: str | None = None,
             top: int = MAX_PAGE) -> str:
    """The first discovery page: written-question Zaken started on or after ``since``
    (YYYY-MM-DD), oldest first, with their actors and documents (and each document's versions,
    for the KOOP identifier). Date literals are unquoted ``%Y-%m-%dT%H:%M:%SZ`` (SOURCES.md 1.2).
    An incremental run asks for what changed since the watermark (``GewijzigdOp``) instead, and
    then includes deleted Zaken (``Verwijderd``), so that what the archive holds of them can be
    removed with a trace; a full run leaves them out (``Verwijderd eq false``)."""
    flt = "Soort eq 'Schriftelijke vragen'"
    if modified_since:
        flt += f" and GewijzigdOp ge {_odata_datetime(modified_since)}"
    else:
        flt += f" and Verwijderd eq false and GestartOp ge {since}T00:00:00Z"
    if until:
        flt += f" and GestartOp lt {until}T23:59:59Z"
    return (f"{root}Zaak?$filter={flt}&$expand=ZaakActor,Document($expand=DocumentVersie)"
            f"&$orderby=GestartOp&$top={top}")


def _odata_datetime(value: str) -> str:
    """A stored GewijzigdOp ('2024-11-04T10:12:33.123+01:00') as an OData literal in UTC."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise TkParseError(f"unreadable watermark {value!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def resource_url(document_id: str, root: str = API_ROOT) -> str:
    return f"{root}Document({document_id})/resource"


def human_url(zaak_nummer: str, doc_nummer: str) -> str:
    return f"https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id={zaak_nummer}&did={doc_nummer}"


def _str(entity: dict, key: str, what: str, required: bool = False) -> str | None:
    value = entity.get(key)
    if value is None:
        if required:
            raise TkParseError(f"{what} without {key}")
        return None
    if not isinstance(value, str):
        raise TkParseError(f"{what}: {key} is {type(value).__name__}, expected a string")
    return value


def _list(entity: dict, key: str, what: str) -> list[dict]:
    value = entity.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise TkParseError(f"{what}: {key} is not a list of entities (was it $expand-ed?)")
    return value


def parse_page(body: bytes) -> TkPage:
    """One OData page. A page that is not the JSON envelope (cut off, an error page) raises:
    the whole page is unreadable, and the caller quarantines it."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise TkParseError(f"OData page is not UTF-8: {exc}") from None
    except json.JSONDecodeError as exc:
        raise TkParseError(f"OData page is not valid JSON (cut off?): {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("value"), list):
        raise TkParseError("OData page without a 'value' list")
    next_link = data.get("@odata.nextLink")
    if next_link is not None and not isinstance(next_link, str):
        raise TkParseError("OData page: @odata.nextLink is not a string")
    zaken: list[TkZaak] = []
    problems: list[tuple[str, str | None]] = []
    for i, entity in enumerate(data["value"]):
        try:
            zaak = zaak_from_entity(entity)
        except TkParseError as exc:
            problems.append((f"Zaak entity {i} on the page: {exc}", None))
            continue
        if zaak.nummer is None or not ZAAK_RE.match(zaak.nummer):
            # Its documents cannot be tied to a question: quarantine each, say which.
            for doc in zaak.documents:
                problems.append((f"Document {doc.nummer or doc.id} has no Zaak number"
                                 f" (Zaak {zaak.id}: Nummer {zaak.nummer!r})", doc.nummer))
            continue
        zaken.append(zaak)
    return TkPage(zaken, next_link, problems)


def zaak_from_entity(entity: dict) -> TkZaak:
    if not isinstance(entity, dict):
        raise TkParseError("not a JSON object")
    zid = _str(entity, "Id", "Zaak", required=True)
    what = f"Zaak {entity.get('Nummer') or zid}"
    soort = _str(entity, "Soort", what)
    if soort != "Schriftelijke vragen":
        raise TkParseError(f"{what}: Soort {soort!r} is not 'Schriftelijke vragen'")
    verwijderd = entity.get("Verwijderd", False)
    if not isinstance(verwijderd, bool):
        raise TkParseError(f"{what}: Verwijderd is not a boolean")
    zaak = TkZaak(
        id=zid, nummer=_str(entity, "Nummer", what), onderwerp=_str(entity, "Onderwerp", what) or "",
        gestart_op=_str(entity, "GestartOp", what), termijn=_str(entity, "Termijn", what),
        gewijzigd_op=_str(entity, "GewijzigdOp", what), verwijderd=verwijderd,
    )
    for actor in _list(entity, "ZaakActor", what):
        _actor(zaak, actor, what)
    for doc in _list(entity, "Document", what):
        tkdoc = _document(doc, what)
        if tkdoc is None:
            continue
        if tkdoc.is_withdrawal and not tkdoc.verwijderd:
            zaak.withdrawn = True
            zaak.ignored.append(f"Document {tkdoc.nummer}: withdrawal notice ({tkdoc.titel!r}): question marked withdrawn")
            continue
        if tkdoc.kind is None:
            zaak.ignored.append(f"Document {tkdoc.nummer}: Soort {tkdoc.soort!r} is not a question, notice or answer")
            continue
        zaak.documents.append(tkdoc)
    return zaak


def _actor(zaak: TkZaak, actor: dict, what: str) -> None:
    relatie = _str(actor, "Relatie", f"{what} ZaakActor")
    if relatie in ASKER_RELATIONS:
        name = _str(actor, "ActorNaam", f"{what} ZaakActor {relatie}", required=True)
        asker = Asker(name, _str(actor, "ActorFractie", f"{what} ZaakActor"))
        # The Indiener first: the order the header of the question names them in.
        if relatie == "Indiener":
            zaak.askers.insert(0, asker)
        else:
            zaak.askers.append(asker)
    elif relatie == ADDRESSEE_RELATION:
        role = _str(actor, "Functie", f"{what} ZaakActor") or _str(actor, "ActorNaam", f"{what} ZaakActor")
        if role:
            zaak.addressed_to.append(role)
    elif relatie not in OTHER_RELATIONS:
        # Decision: an unknown relation does not make the question unreadable (askers and
        # addressees come from the known ones and from the text); it is ignored with a reason
        # the spider logs, so a new relation in the API is seen, not silently dropped.
        zaak.ignored.append(f"ZaakActor {actor.get('ActorNaam')!r}: unknown Relatie {relatie!r}")


def _document(doc: dict, what: str) -> TkDocument | None:
    did = _str(doc, "Id", f"{what} Document", required=True)
    twin = None
    for versie in _list(doc, "DocumentVersie", f"{what} Document {did}"):
        ext = versie.get("ExterneIdentifier")
        if isinstance(ext, str) and KOOP_TWIN_RE.match(ext):
            twin = ext
    return TkDocument(id=did, nummer=_str(doc, "DocumentNummer", f"{what} Document {did}"),
                      soort=_str(doc, "Soort", f"{what} Document {did}") or "", datum=_str(doc, "Datum", what),
                      koop_twin=twin, verwijderd=doc.get("Verwijderd") is True,
                      titel=_str(doc, "Onderwerp", f"{what} Document {did}") or _str(doc, "Titel", f"{what} Document {did}") or "")


# --- document files ---------------------------------------------------------------------------

def text_from_resource(body: bytes, content_type: str | None) -> str:
    """Text of a ``Document(<Id>)/resource`` body: DOCX (python-docx) or PDF (pypdf). The
    content type decides; the magic bytes confirm it (a server may send octet-stream)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if body.startswith(b"%PDF") or ctype == "application/pdf":
        return _pdf_text(body)
    if body.startswith(b"PK") or "wordprocessingml" in ctype:
        return _docx_text(body)
    raise TkParseError(f"document file of type {ctype or 'unknown'!r} is neither PDF nor DOCX")


def _pdf_text(body: bytes) -> str:
    try:
        return pdf_bytes_text(body, "resource.pdf")
    except ExtractionError as exc:
        raise TkParseError(str(exc)) from None


def _docx_text(body: bytes) -> str:
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(body))
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as exc:
        raise TkParseError(f"unreadable DOCX: {exc}") from None
    text = "\n".join(p.text for p in document.paragraphs)
    if not text.strip():
        raise TkParseError("the DOCX has no text")
    return text


def document_from_resource(body: bytes, content_type: str | None, zaak: TkZaak, tkdoc: TkDocument) -> SourceDocument:
    """One SourceDocument from a document file and the Zaak it belongs to. The text decides
    the content; the Zaak decides the identity (question key = Zaak number) and gives the
    parties of the askers, which the text names only for some."""
    if not tkdoc.nummer or not DOCNR_RE.match(tkdoc.nummer):
        raise TkParseError(f"Document {tkdoc.id} without a DocumentNummer")
    assert zaak.nummer is not None  # parse_page keeps only Zaken with a number
    text = text_from_resource(body, content_type)
    url = human_url(zaak.nummer, tkdoc.nummer)
    try:
        doc = document_from_text(text, url=url, doc_id=tkdoc.nummer)
    except (KoopParseError, DateParseError) as exc:
        raise TkParseError(f"{tkdoc.nummer}: {exc}") from None
    if doc.kind != tkdoc.kind:
        raise TkParseError(f"{tkdoc.nummer}: the API says Soort {tkdoc.soort!r} but the text reads as {doc.kind}")
    doc.source = SOURCE
    doc.question_key = zaak.nummer
    if not doc.askers:  # the text's names are as a reader writes them; ActorNaam carries initials
        doc.askers = [Asker(a.name, a.party) for a in zaak.askers]
    if not doc.addressed_to:
        doc.addressed_to = list(zaak.addressed_to)
    if doc.asked_on is None and zaak.gestart_op:
        doc.asked_on = _iso_date(zaak.gestart_op, f"Zaak {zaak.nummer} GestartOp")
        if doc.kind == QUESTION:
            doc.date = doc.asked_on
    if doc.kind == QUESTION:
        doc.number = zaak.nummer
    if zaak.termijn:
        doc.deadline = _iso_date(zaak.termijn, f"Zaak {zaak.nummer} Termijn")
    doc.fingerprint = fingerprint(doc.parliament, doc.asked_on, doc.askers, doc.subject)
    return doc


def _iso_date(value: str, what: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise TkParseError(f"unreadable {what} {value!r}") from None
