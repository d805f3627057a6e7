"""The sources the archive crawls: one entry per spider, with what a reader of the coverage page
needs to know (parliament, languages, where the data comes from, what was verified). The command
line finds each spider here (``spider``), so adding a source is one spider, its recordings and
one entry below."""

from __future__ import annotations

from dataclasses import dataclass

from archive.model import BE_CHAMBER, BE_SENATE, BRUSSELS_PARLIAMENT, FLEMISH_PARLIAMENT, TWEEDE_KAMER


@dataclass(frozen=True)
class Source:
    name: str
    country: str
    parliaments: tuple[str, ...]
    languages: tuple[str, ...]
    site: str
    endpoint: str  # what the spider reads
    verified: str  # what was verified against real material, and what is inferred
    spider: str  # "module:Class"


SOURCES: tuple[Source, ...] = (
    Source("officielebekendmakingen", "NL", (TWEEDE_KAMER, "Eerste Kamer"), ("nl",),
           "https://zoek.officielebekendmakingen.nl",
           "KOOP SRU search (repository.overheid.nl/sru) and the XML/HTML of each publication",
           "SRU response and document XML/HTML verified on byte-exact recordings; the CQL index names are inferred.",
           "crawler.spiders.officielebekendmakingen:OfficieleBekendmakingenSpider"),
    Source("tweedekamer", "NL", (TWEEDE_KAMER,), ("nl",), "https://www.tweedekamer.nl",
           "Tweede Kamer open data (OData v4: Zaak, Document, actors; DOCX/PDF resources)",
           "Field names from the published entity model and public client code; recordings are constructed in "
           "that shape.",
           "crawler.spiders.tweedekamer:TweedeKamerSpider"),
    Source("dekamer", "BE", (BE_CHAMBER,), ("nl", "fr"), "https://www.dekamer.be",
           "Chamber open data (data.dekamer.be/v0/qrva: list and items), else the QRVA bulletin listing and "
           "tables of contents, and the QRVA detail pages",
           "JSON list/item/empty shapes verified on byte-exact recordings (2017-19); whether /v0/qrva is still "
           "served is not verified; the detail page layout is from real page text; the bulletin list layout is "
           "inferred.",
           "crawler.spiders.dekamer:DekamerSpider"),
    Source("vlaamsparlement", "BE", (FLEMISH_PARLIAMENT,), ("nl",), "https://www.vlaamsparlement.be",
           "Flemish Parliament open data (ws.vlpar.be: search API, /e/opendata/schv/{id}) and the answer PDFs",
           "Field names seen only in third-party code; recordings are constructed in that shape.",
           "crawler.spiders.vlaamsparlement:VlaamsParlementSpider"),
    Source("senaat", "BE", (BE_SENATE,), ("nl", "fr"), "https://www.senate.be",
           "Senate written-question pages (SchriftelijkeVraag, NL and FR; bilingual print)",
           "Page layouts from real page text; discovery by number is inferred (no list endpoint is documented).",
           "crawler.spiders.senaat:SenaatSpider"),
    Source("brussels", "BE", (BRUSSELS_PARLIAMENT,), ("fr", "nl"), "https://www.parlement.brussels",
           "Brussels Parliament weblex question pages (FR and NL) and the weblex index JSON",
           "Page layouts from real page text; the index JSON row layout is seen only in third-party code.",
           "crawler.spiders.brussels:BrusselsSpider"),
)

BY_NAME: dict[str, Source] = {s.name: s for s in SOURCES}
