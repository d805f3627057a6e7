"""The OpenAPI 3.1 document of /api/v1, written as data.

Search parameters are generated from web.params (the one place they are parsed), so the
document cannot list a parameter the API refuses or miss one it accepts.
"""

from __future__ import annotations

from typing import Any

from archive.model import RELATIONS
from search.model import FACETS, MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_WINDOW, SORTS, STATUSES
from web.params import COUNTRIES, DEFAULT_PER_PAGE, FILTER_PARAMS, MAX_FILTER_VALUES, RECORD_LANGUAGES, SEARCH_PARAMS

VERSION = "1.0.0"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(type_: str, **extra: Any) -> dict[str, Any]:
    return {"type": [type_, "null"], **extra}


_DATE = {"type": "string", "format": "date"}
_NULL_DATE = {"type": ["string", "null"], "format": "date"}

_SINGLE_PARAMS: dict[str, dict[str, Any]] = {
    "q": {
        "description": (f"Words to find (at most {MAX_QUERY_CHARS} characters): all words must occur (AND); "
                        "\"exact phrase\" in double quotes (quotes must be balanced), OR between alternatives, "
                        "-word to exclude. Searches question and answer texts, titles, askers, and the names, "
                        "roles and ministries of ministers (\"minister van Justitie\", \"Grapperhaus\"). "
                        "Control characters are refused."),
        "schema": {"type": "string", "maxLength": MAX_QUERY_CHARS},
    },
    "date_from": {"description": "Asked on or after this day (YYYY-MM-DD, a real calendar day).", "schema": _DATE},
    "date_to": {"description": "Asked on or before this day (YYYY-MM-DD); not before date_from.", "schema": _DATE},
    "sort": {"description": "Order of the results.", "schema": {"type": "string", "enum": list(SORTS),
                                                                 "default": "relevance"}},
    "page": {"description": (f"Page number, from 1. page x per_page may not exceed {MAX_WINDOW} (narrow the search "
                             "or use /search.csv or /export.jsonl instead); a page past the last result is an "
                             "empty list."),
             "schema": {"type": "integer", "minimum": 1, "default": 1}},
    "per_page": {"description": f"Results per page, 1 to {MAX_PER_PAGE}.",
                 "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE}},
}

_FILTER_ENUMS: dict[str, list[str]] = {
    "status": list(STATUSES),
    "country": list(COUNTRIES),
    "lang": list(RECORD_LANGUAGES),
}
_FILTER_NOTES: dict[str, str] = {
    "minister": " Matches the signer of an answer and co-signers (\"mede namens\"). See /ministers for ids.",
    "tool": " See /tools for ids; an unknown id is a 400.",
    "category": " A tool category id (see category in /tools); an unknown id is a 400.",
    "lang": " Filters on the language of the record (facet key \"lang\").",
    "year": " Four digits.",
}


def _parameter(name: str) -> dict[str, Any]:
    if name in _SINGLE_PARAMS:
        return {"name": name, "in": "query", "required": False, **_SINGLE_PARAMS[name]}
    facet = FILTER_PARAMS[name]
    item: dict[str, Any] = {"type": "string"}
    if name in _FILTER_ENUMS:
        item["enum"] = _FILTER_ENUMS[name]
    if name == "year":
        item["pattern"] = "^[0-9]{4}$"
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": (f"Filter: {FACETS[facet]}. Repeat the parameter for several values (OR within a filter, "
                        f"AND across filters; at most {MAX_FILTER_VALUES}); commas are not separators. "
                        f"An empty value is ignored.{_FILTER_NOTES.get(name, '')}"),
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": item, "maxItems": MAX_FILTER_VALUES},
    }


def _search_parameters(paging: bool) -> list[dict[str, Any]]:
    return [_parameter(name) for name in SEARCH_PARAMS if paging or name not in ("page", "per_page")]


def _errors(*codes: int) -> dict[str, Any]:
    names = {400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed", 500: "InternalError"}
    return {str(code): {"$ref": f"#/components/responses/{names[code]}"} for code in codes}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_STANDARD = (405, 500)

_SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {
                "status": {"type": "integer", "description": "The HTTP status, repeated."},
                "message": {"type": "string", "description": "What was wrong, and what to do instead."},
            },
        }},
        "examples": [{"error": {"status": 400, "message": "per_page must be between 1 and 100, not 500"}}],
    },
    "Asker": {"type": "object", "required": ["name", "party"],
              "properties": {"name": {"type": "string"},
                             "party": _nullable("string", description="As the source wrote it (\"sp.a\", \"PTB*PVDA\")."),
                             "party_id": _nullable("string", description="One id across renames and languages "
                                                   "(sp.a and Vooruit: be-vooruit); null when the label is unknown.")}},
    "Translation": {
        "type": "object", "required": ["language", "title", "subject", "questions", "answers"],
        "description": "The question (and answers) in another language, as the parliament published it.",
        "properties": {"language": {"type": "string", "enum": ["nl", "fr"]}, "title": {"type": "string"},
                       "subject": {"type": "string"},
                       "questions": {"type": "array", "items": _ref("QuestionPart")},
                       "answers": {"type": "array", "items": _ref("AnswerPart")}},
    },
    "Event": {
        "type": "object", "required": ["date", "label", "kind"],
        "description": "A step of the source's own chronology, label as written.",
        "properties": {"date": _NULL_DATE, "label": {"type": "string"},
                       "kind": {"type": "string", "enum": ["sent", "answered", "reminder", "closed", "requalified",
                                                           "refiled", "other"]}},
    },
    "Related": {
        "type": "object", "required": ["relation", "id", "label", "url"],
        "description": "A question the source links to this one.",
        "properties": {"relation": {"type": "string", "enum": list(RELATIONS)}, "id": {"type": "string"},
                       "label": {"type": "string"}, "url": _nullable("string")},
    },
    "RelatedMatch": {
        "type": "object",
        "required": ["id", "title", "parliament", "country", "language", "languages", "asked_on", "status",
                     "askers", "ministers", "shared_tools", "days_apart", "score", "permalink", "api_url"],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "parliament": {"type": "string"},
            "country": {"type": "string", "enum": list(COUNTRIES)}, "language": {"type": "string"},
            "languages": {"type": "array", "items": {"type": "string"}}, "asked_on": _NULL_DATE,
            "status": {"type": "string", "enum": list(STATUSES)},
            "askers": {"type": "array", "items": _ref("Asker")},
            "ministers": {"type": "array", "items": _ref("Minister")},
            "shared_tools": {"type": "array", "items": {"type": "string"}, "description": "Tool ids both name."},
            "days_apart": _nullable("integer"),
            "score": {"type": "number", "description": "Higher is closer: rarer shared tools, nearer in time."},
            "permalink": {"type": "string", "format": "uri"}, "api_url": {"type": "string", "format": "uri"},
        },
    },
    "Completions": {
        "type": "object", "required": ["q", "results"],
        "properties": {
            "q": {"type": "string"},
            "results": {"type": "array", "items": {
                "type": "object", "required": ["id", "title", "permalink", "api_url"],
                "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                               "permalink": {"type": "string", "format": "uri"},
                               "api_url": {"type": "string", "format": "uri"}}}},
        },
    },
    "RelatedResponse": {
        "type": "object", "required": ["id", "thread", "linked", "elsewhere"],
        "properties": {
            "id": {"type": "string"},
            "thread": {"type": "array", "items": _ref("RelatedMatch"),
                       "description": "The same question sent to other ministers (same thread_key), oldest first."},
            "linked": {"type": "array", "items": {"allOf": [_ref("Related"), {"type": "object",
                       "required": ["in_archive"], "properties": {"in_archive": {"type": "boolean"}}}]},
                       "description": "Questions the source itself links to (Ook gesteld aan, refiled, requalified)."},
            "elsewhere": {"type": "array", "items": _ref("RelatedMatch"),
                          "description": "Records of other parliaments naming a tool of this one within a year "
                                         "of it, in either language, best matches first (at most `limit`)."},
        },
    },
    "Minister": {
        "type": "object",
        "required": ["name", "role", "ministry", "person_id", "co_signer"],
        "properties": {
            "name": _nullable("string"),
            "role": _nullable("string", description="Office held on the document's date."),
            "ministry": _nullable("string"),
            "person_id": _nullable("string", description="Registry id (null: name not in the registry)."),
            "co_signer": {"type": "boolean", "description": "Signed \"mede namens\" (on behalf of)."},
        },
    },
    "Tool": {"type": "object", "required": ["id", "name", "category"],
             "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string"}}},
    "FacetValue": {"type": "object", "required": ["value", "label", "count"],
                   "properties": {"value": {"type": "string", "description": "Use as the filter parameter's value."},
                                  "label": {"type": "string"}, "count": {"type": "integer"}}},
    "SearchResultItem": {
        "type": "object",
        "required": ["id", "title", "parliament", "country", "asked_on", "answered_on", "status", "askers",
                     "ministers", "tools", "highlights", "url", "permalink"],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "parliament": {"type": "string"},
            "country": {"type": "string", "enum": list(COUNTRIES)},
            "asked_on": _NULL_DATE,
            "answered_on": _NULL_DATE,
            "status": {"type": "string", "enum": list(STATUSES)},
            "askers": {"type": "array", "items": _ref("Asker")},
            "ministers": {"type": "array", "items": _ref("Minister")},
            "tools": {"type": "array", "items": _ref("Tool")},
            "highlights": {"type": "array", "items": {"type": "string"}, "maxItems": 3,
                           "description": "HTML-safe fragments: text HTML-escaped, matches in <mark>...</mark>."},
            "url": {"type": "string", "format": "uri", "description": "The official text."},
            "permalink": {"type": "string", "format": "uri", "description": "The record's page on this site."},
        },
    },
    "SearchResponse": {
        "type": "object",
        "required": ["total", "page", "per_page", "results", "facets", "suggestion", "fuzzy"],
        "properties": {
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "results": {"type": "array", "items": _ref("SearchResultItem")},
            "facets": {
                "type": "object",
                "description": ("Counts per facet, keyed by the filter parameter name (" + ", ".join(FILTER_PARAMS)
                                + "). Sorted by count, then label; at most 50 values per facet. The counts of a "
                                  "facet ignore the filter on that facet itself, so a selection can be widened."),
                "additionalProperties": {"type": "array", "items": _ref("FacetValue")},
            },
            "suggestion": _nullable("string", description="\"Did you mean\": a corrected query when the query "
                                                          "as typed found nothing."),
            "fuzzy": {"type": "boolean", "description": "The results come from a fuzzy fallback."},
        },
    },
    "QuestionPart": {"type": "object", "required": ["number", "text"],
                     "properties": {"number": {"type": "integer"}, "text": {"type": "string"}}},
    "AnswerPart": {
        "type": "object", "required": ["numbers", "text", "kind", "document_id"],
        "properties": {"numbers": {"type": "array", "items": {"type": "integer"}}, "text": {"type": "string"},
                       "kind": {"type": "string", "enum": ["answer", "follow_up_answer"]},
                       "document_id": _nullable("string")},
    },
    "DocumentRef": {
        "type": "object", "required": ["kind", "url", "date", "id", "ministers", "fetched", "notice"],
        "properties": {
            "kind": {"type": "string", "enum": ["question", "postponement_notice", "answer", "follow_up_answer"]},
            "url": {"type": "string", "format": "uri"}, "date": _NULL_DATE, "id": _nullable("string"),
            "ministers": {"type": "array", "items": _ref("Minister")},
            "fetched": {"type": "boolean", "description": "False: known to exist, text not in the archive yet."},
            "notice": _nullable("string", description="What a postponement notice says."),
        },
    },
    "DocumentProvenance": {
        "type": "object",
        "required": ["id", "url", "fetched_url", "fetched_at", "sha256", "parser_version", "kind"],
        "properties": {
            "id": {"type": "string"}, "url": {"type": "string"}, "fetched_url": {"type": "string"},
            "fetched_at": {"type": "string"}, "sha256": {"type": "string"}, "parser_version": {"type": "string"},
            "kind": {"type": "string", "enum": ["recorded", "abridged", "constructed"]},
            "warc_file": _nullable("string"), "warc_offset": _nullable("integer"), "reason": _nullable("string"),
        },
    },
    "Provenance": {
        "type": "object", "required": ["url", "fetched_at", "sha256", "parser_version", "kind", "documents"],
        "properties": {
            "url": {"type": "string"}, "fetched_at": {"type": "string"}, "sha256": {"type": "string"},
            "parser_version": {"type": "string"},
            "kind": {"type": "string", "enum": ["recorded", "abridged", "constructed"],
                     "description": "constructed: texts written for testing (people, dates and ids are real)."},
            "documents": {"type": "array", "items": _ref("DocumentProvenance")},
        },
    },
    "Pair": {
        "type": "object", "required": ["number", "question", "answers", "answered_at"],
        "properties": {
            "number": _nullable("integer"),
            "question": _nullable("string", description="null when the question text is not in the archive."),
            "answers": {"type": "array", "description": "Answers in document order; a joint answer sits at its "
                                                        "first number.",
                        "items": {"allOf": [_ref("AnswerPart"), {"type": "object", "required": ["follow_up"],
                                  "properties": {"follow_up": {"type": "boolean"}}}]}},
            "answered_at": {"type": "array", "items": {"type": "integer"},
                            "description": "Numbers of the pairs holding a joint answer that also covers this one."},
        },
    },
    "Record": {
        "type": "object",
        "description": "The record contract (archive.model.Record), plus url, permalink and pairs.",
        "required": ["id", "country", "parliament", "number", "title", "language", "askers", "addressed_to",
                     "ministers", "asked_on", "answered_on", "status", "questions", "answers", "footnotes",
                     "documents", "tools", "provenance", "url", "permalink", "pairs"],
        "properties": {
            "id": {"type": "string"}, "country": {"type": "string"}, "parliament": {"type": "string"},
            "number": _nullable("string"), "title": {"type": "string"}, "subject": {"type": "string"},
            "language": {"type": "string"},
            "askers": {"type": "array", "items": _ref("Asker")},
            "addressed_to": {"type": "array", "items": {"type": "string"}},
            "ministers": {"type": "array", "items": _ref("Minister")},
            "asked_on": _NULL_DATE, "answered_on": _NULL_DATE, "postponed_on": _NULL_DATE,
            "days_to_answer": _nullable("integer"),
            "deadline": {**_NULL_DATE, "description": "The source's own deadline, or three weeks after asking."},
            "withdrawn": {"type": "boolean", "description": "The asker withdrew the question (kept, marked)."},
            "languages": {"type": "array", "items": {"type": "string", "enum": ["nl", "fr"]},
                          "description": "The record's language first, then those of its translations."},
            "translations": {"type": "array", "items": _ref("Translation")},
            "closed_on": {**_NULL_DATE, "description": "Closed without an answer (Senate \"Dossier gesloten\")."},
            "events": {"type": "array", "items": _ref("Event")},
            "related": {"type": "array", "items": _ref("Related")},
            "thread_key": _nullable("string", description="Shared by the copies of one question sent to several "
                                                          "ministers."),
            "descriptors": {"type": "array", "items": {"type": "string"}, "description": "Eurovoc/thesaurus terms."},
            "references": {"type": "array", "items": {"type": "string"}, "description": "Bulletin references."},
            "gaps": {"type": "array", "items": {"type": "string"},
                     "description": "What the source did not give (a partial record says so here)."},
            "status": {"type": "string", "enum": list(STATUSES),
                       "description": "late: deadline passed, no answer, no postponement notice; closed: the "
                                      "parliament closed the file without an answer."},
            "questions": {"type": "array", "items": _ref("QuestionPart")},
            "answers": {"type": "array", "items": _ref("AnswerPart")},
            "footnotes": {"type": "array", "items": {"type": "string"}},
            "documents": {"type": "array", "items": _ref("DocumentRef")},
            "tools": {"type": "array", "items": _ref("Tool")},
            "provenance": _ref("Provenance"),
            "url": {"type": "string", "format": "uri"},
            "permalink": {"type": "string", "format": "uri"},
            "pairs": {"type": "array", "items": _ref("Pair")},
        },
    },
    "Role": {
        "type": "object",
        "required": ["title", "role", "ministry", "start", "end", "cabinet", "cabinet_name", "acting", "party"],
        "properties": {
            "title": {"type": "string"}, "role": {"type": "string"}, "ministry": {"type": "string"},
            "start": _DATE, "end": {**_NULL_DATE, "description": "Inclusive; null: in office."},
            "cabinet": {"type": "string"}, "cabinet_name": {"type": "string"}, "acting": {"type": "boolean"},
            "party": _nullable("string"),
        },
    },
    "MinisterResponse": {
        "type": "object",
        "required": ["id", "name", "party", "country", "roles", "answers", "co_signed", "records",
                     "median_days_to_answer", "answers_per_year", "api_url", "permalink"],
        "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "party": _nullable("string"),
            "country": {"type": "string"},
            "roles": {"type": "array", "items": _ref("Role"), "description": "Roles over time, oldest first."},
            "answers": {"type": "integer", "description": "Answer and follow-up answer documents signed, "
                                                          "as first signatory or co-signer."},
            "co_signed": {"type": "integer", "description": "Of which as co-signer (\"mede namens\")."},
            "records": {"type": "integer", "description": "Questions answered."},
            "median_days_to_answer": _nullable("number", description="Over questions whose first answer they "
                                                                     "signed or co-signed."),
            "answers_per_year": {"type": "object", "additionalProperties": {"type": "integer"}},
            "answered": {"type": "integer", "description": "Questions answered (as records)."},
            "open": {"type": "integer", "description": "Unanswered questions addressed to an office they held on "
                                                       "the day of asking, deadline not passed."},
            "postponed": {"type": "integer", "description": "Of those, with a postponement notice."},
            "late": {"type": "integer", "description": "Deadline passed, no answer, no postponement."},
            "p90_days_to_answer": _nullable("number", description="90th percentile, same questions as the median."),
            "api_url": {"type": "string", "format": "uri"}, "permalink": {"type": "string", "format": "uri"},
        },
    },
    "RoleFigures": {
        "type": "object", "description": "One office across holders and ministry renames.",
        "required": ["role", "holders", "answered", "open", "postponed", "late", "median_days_to_answer",
                     "p90_days_to_answer"],
        "properties": {
            "role": {"type": "string"}, "holders": {"type": "array", "items": {"type": "string"}},
            "answered": {"type": "integer"}, "open": {"type": "integer"}, "postponed": {"type": "integer"},
            "late": {"type": "integer"}, "median_days_to_answer": _nullable("number"),
            "p90_days_to_answer": _nullable("number"),
        },
    },
    "MinisterList": {"type": "object", "required": ["total", "results", "roles"],
                     "properties": {"total": {"type": "integer"},
                                    "results": {"type": "array", "items": _ref("MinisterResponse")},
                                    "roles": {"type": "array", "items": _ref("RoleFigures"),
                                              "description": "The same figures by office, across reshuffles."}}},
    "WaitingQuestion": {
        "type": "object", "required": ["id", "title", "asked_on", "deadline", "status", "parliament"],
        "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "asked_on": _NULL_DATE,
                       "deadline": _NULL_DATE, "status": {"type": "string", "enum": ["open", "postponed", "late"]},
                       "parliament": {"type": "string"}},
    },
    "WaitingGroup": {
        "type": "object", "required": ["key", "label", "open", "postponed", "late", "questions"],
        "properties": {"key": {"type": "string"}, "label": {"type": "string"}, "open": {"type": "integer"},
                       "postponed": {"type": "integer"}, "late": {"type": "integer"},
                       "questions": {"type": "array", "items": _ref("WaitingQuestion")}},
    },
    "WaitingList": {
        "type": "object", "required": ["group", "total", "results"],
        "properties": {"group": {"type": "string", "enum": ["minister", "ministry", "party"]},
                       "total": {"type": "integer"}, "results": {"type": "array", "items": _ref("WaitingGroup")}},
    },
    "YearParliamentCount": {"type": "object", "required": ["year", "parliament", "count"],
                            "properties": {"year": {"type": "string"}, "parliament": {"type": "string"},
                                           "count": {"type": "integer"}}},
    "ToolResponse": {
        "type": "object",
        "required": ["id", "name", "category", "category_label", "vendor", "total", "per_year", "per_parliament",
                     "per_year_parliament", "api_url", "permalink"],
        "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string"},
            "category_label": {"type": "object", "additionalProperties": {"type": "string"},
                               "description": "Label per language (nl, fr, en)."},
            "vendor": _nullable("string"),
            "total": {"type": "integer", "description": "Questions naming the tool."},
            "per_year": {"type": "object", "additionalProperties": {"type": "integer"},
                         "description": "By the year the question was asked."},
            "per_parliament": {"type": "object", "additionalProperties": {"type": "integer"}},
            "per_year_parliament": {"type": "array", "items": _ref("YearParliamentCount")},
            "api_url": {"type": "string", "format": "uri"}, "permalink": {"type": "string", "format": "uri"},
            "aliases": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        "description": "Detail only: spellings per language."},
            "note": _nullable("string", description="Detail only."),
        },
    },
    "ToolList": {"type": "object", "required": ["total", "results"],
                 "properties": {"total": {"type": "integer"},
                                "results": {"type": "array", "items": _ref("ToolResponse")}}},
}

_RESPONSES = {
    "BadRequest": {"description": "Bad input; the message says what to change.",
                   "content": {"application/json": {"schema": _ref("Error")}}},
    "NotFound": {"description": "No such record, minister, tool or endpoint.",
                 "content": {"application/json": {"schema": _ref("Error")}}},
    "MethodNotAllowed": {"description": "The API is read-only: only GET, HEAD and OPTIONS.",
                         "headers": {"Allow": {"schema": {"type": "string"}}},
                         "content": {"application/json": {"schema": _ref("Error")}}},
    "InternalError": {"description": "A bug; the message is generic, the details are logged.",
                      "content": {"application/json": {"schema": _ref("Error")}}},
}

_ID_PARAM = {"in": "path", "required": True, "schema": {"type": "string"}}


def _paths() -> dict[str, Any]:
    return {
        "/search": {"get": {
            "operationId": "search",
            "summary": "Search questions and answers, with facets and highlights.",
            "description": ("Any parameter not listed here is refused with a 400, as is every bad value (dates, "
                            "numbers, unknown sort/status/tool/category/country/lang, unbalanced quotes, control "
                            "characters, a query over the length limit, a page beyond the result window)."),
            "parameters": _search_parameters(paging=True),
            "responses": {"200": _json(_ref("SearchResponse"), "One page of results and the facet counts."),
                          **_errors(400, *_STANDARD)},
        }},
        "/search.csv": {"get": {
            "operationId": "searchCsv",
            "summary": "The whole result set of a search as CSV, streamed.",
            "description": (f"Same parameters as /search except page and per_page (a 400 here): every matching "
                            f"record, at most {MAX_WINDOW} rows, one row per record with the columns id, title, "
                            "parliament, country, asked_on, answered_on, status, askers, ministers, tools, url, "
                            "permalink. Several askers, ministers or tools are separated by \"; \". Text cells "
                            "that would start a spreadsheet formula (=, +, -, @) get a leading apostrophe."),
            "parameters": _search_parameters(paging=False),
            "responses": {
                "200": {"description": "CSV (RFC 4180, UTF-8, header row first).",
                        "headers": {"X-Total-Count": {"description": "Records that matched.",
                                                      "schema": {"type": "integer"}},
                                    "X-Result-Truncated": {"description": f"true when more than {MAX_WINDOW} "
                                                                          "matched and the CSV stops there.",
                                                           "schema": {"type": "string", "enum": ["true", "false"]}}},
                        "content": {"text/csv": {"schema": {"type": "string"}}}},
                **_errors(400, *_STANDARD),
            },
        }},
        "/questions/{id}": {"get": {
            "operationId": "getQuestion",
            "summary": "One record: questions and answers paired, documents, provenance.",
            "parameters": [{"name": "id", "description": "Record id, e.g. 2021Z13971 or ah-tk-20212022-105.",
                            **_ID_PARAM}],
            "responses": {"200": _json(_ref("Record"), "The full record."),
                          "301": {"description": "The record's id changed; Location has the current one."},
                          **_errors(400, 404, *_STANDARD)},
        }},
        "/questions/{id}/related": {"get": {
            "operationId": "getRelatedQuestions",
            "summary": "The same question sent to other ministers, the questions the source links, and the same "
                       "subject in other parliaments.",
            "parameters": [{"name": "id", "description": "Record id.", **_ID_PARAM},
                           {"name": "limit", "in": "query", "required": False,
                            "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                            "description": "At most this many `elsewhere` matches."}],
            "responses": {"200": _json(_ref("RelatedResponse"), "Related questions."),
                          **_errors(400, 404, *_STANDARD)},
        }},
        "/complete": {"get": {
            "operationId": "complete",
            "summary": "Typeahead: records whose titles or names hold the words typed so far, the last one as "
                       "a prefix.",
            "description": "Earlier words must be whole (\"clearview grapp\" finds the Clearview questions "
                           "Grapperhaus answered); the last word needs at least 2 letters, and a query ending in "
                           "a space completes nothing.",
            "parameters": [{"name": "q", "in": "query", "required": True,
                            "schema": {"type": "string", "minLength": 1, "maxLength": 100}},
                           {"name": "limit", "in": "query", "required": False,
                            "schema": {"type": "integer", "minimum": 1, "maximum": 20, "default": 8}}],
            "responses": {"200": _json(_ref("Completions"), "The completions, best first."),
                          **_errors(400, *_STANDARD)},
        }},
        "/ministers": {"get": {
            "operationId": "listMinisters",
            "summary": "Everyone in the minister registry, with roles over time and figures from the archive.",
            "responses": {"200": _json(_ref("MinisterList"), "All registry people, by surname."),
                          **_errors(400, *_STANDARD)},
        }},
        "/open-questions": {"get": {
            "operationId": "listOpenQuestions",
            "summary": "Unanswered questions (open, postponed, late) by minister, ministry or party",
            "description": "A question waits for whoever held the office it was addressed to on the day it "
                           "was asked. Groups with late questions first.",
            "parameters": [{"name": "group", "in": "query", "required": False,
                            "schema": {"type": "string", "enum": ["minister", "ministry", "party"],
                                       "default": "minister"}}],
            "responses": {"200": _json(_ref("WaitingList"), "The groups."), **_errors(400, *_STANDARD)},
        }},
        "/ministers/{id}": {"get": {
            "operationId": "getMinister",
            "summary": "One person: roles over time, answers, median days to answer.",
            "parameters": [{"name": "id", "description": "Registry id, e.g. nl-ferd-grapperhaus.", **_ID_PARAM}],
            "responses": {"200": _json(_ref("MinisterResponse"), "The person."), **_errors(400, 404, *_STANDARD)},
        }},
        "/tools": {"get": {
            "operationId": "listTools",
            "summary": "The tool vocabulary with question counts per year and parliament.",
            "responses": {"200": _json(_ref("ToolList"), "Every tool, in vocabulary order."),
                          **_errors(400, *_STANDARD)},
        }},
        "/tools/{id}": {"get": {
            "operationId": "getTool",
            "summary": "One tool: spellings and question counts per year and parliament.",
            "parameters": [{"name": "id", "description": "Tool id, e.g. clearview-ai.", **_ID_PARAM}],
            "responses": {"200": _json(_ref("ToolResponse"), "The tool."), **_errors(400, 404, *_STANDARD)},
        }},
        "/export.jsonl": {"get": {
            "operationId": "exportRecords",
            "summary": "Every record in the contract shape, one JSON object per line, streamed.",
            "description": "The format `kamerwacht import` reads.",
            "responses": {"200": {"description": "JSON Lines.",
                                  "content": {"application/x-ndjson": {"schema": {"type": "string"}}}},
                          **_errors(400, *_STANDARD)},
        }},
        "/openapi.json": {"get": {
            "operationId": "openapi",
            "summary": "This document.",
            "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1 document."), **_errors(400, *_STANDARD)},
        }},
    }


def openapi_document(server_url: str = "/api/v1") -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kamerwacht API",
            "version": VERSION,
            "summary": "Written parliamentary questions about surveillance tools, and the ministers' answers.",
            "description": ("Read-only. Every error is {\"error\": {\"status\": ..., \"message\": ...}}. "
                            "Records marked provenance.kind = constructed carry texts written for testing."),
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": server_url}],
        "paths": _paths(),
        "components": {"schemas": _SCHEMAS, "responses": _RESPONSES},
    }
