"""The index schema declaration and document_for (record -> index values), as pure code."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from search import schema
from search.model import FACETS, HIDDEN_FILTERS
from search.schema import FIELDS, RecordError, document_for
from tests.search.corpus import BY_ID, CORPUS


def test_declaration_covers_every_facet_and_filter_once():
    assert set(schema.FACET_FIELDS) == set(FACETS)
    assert set(schema.FILTER_FIELDS) == set(FACETS) | set(HIDDEN_FILTERS)
    assert len({f.name for f in FIELDS}) == len(FIELDS)
    assert {f.analyzer for f in FIELDS if f.kind == "text"} <= {"nl", "fr", "plain"}
    assert schema.BY_NAME["record"].kind == "stored"
    # The free text searches these fields, titles weighing most and compound parts least.
    boosts = {f.name: f.boost for f in schema.SEARCHED_FIELDS}
    assert set(boosts) == {"title", "title_fr", "text", "text_fr", "names", "parts"}
    assert boosts["title"] > boosts["text"] > boosts["parts"] > 0


def test_field_declaration_is_validated():
    with pytest.raises(ValueError, match="kind"):
        schema.Field("x", "blob", "nothing")
    with pytest.raises(ValueError, match="analyzer"):
        schema.Field("x", "text", "nothing")
    with pytest.raises(ValueError, match="analyzer"):
        schema.Field("x", "keyword", "nothing", analyzer="nl")
    with pytest.raises(ValueError, match="unknown analyzer"):
        schema.Field("x", "text", "nothing", analyzer="de")


def test_every_field_gets_a_value():
    for record in CORPUS:
        doc = document_for(record)
        assert set(doc) == {f.name for f in FIELDS}


def test_co_signed_answer():
    doc = document_for(BY_ID["ah-tk-20212022-105"])
    assert doc["id"] == ["ah-tk-20212022-105"]
    assert json.loads(doc["record"]) == BY_ID["ah-tk-20212022-105"]
    assert doc["minister"] == ["nl-sander-dekker", "nl-ferd-grapperhaus"]  # co-signer included, once
    assert set(doc["minister_key"]) == {"nl-sander-dekker", "Sander Dekker", "nl-ferd-grapperhaus", "Ferd Grapperhaus"}
    assert doc["ministry"] == ["Justitie en Veiligheid"]
    assert doc["party"] == ["D66", "GroenLinks"]
    assert doc["asker"] == ["Van Ginneken", "Bouchallikh"]
    assert doc["tool"] == ["facial-recognition", "clearview-ai"]
    assert doc["category"] == ["biometrics"]
    assert doc["year"] == ["2021"] and doc["asked_on"] == dt.date(2021, 8, 27)
    assert doc["answered_on"] == dt.date(2021, 9, 28)
    assert doc["status"] == ["answered"] and doc["country"] == ["NL"] and doc["language"] == ["nl"]
    assert doc["provenance"] == ["constructed"]
    assert doc["title"].startswith("Het gebruik van gezichtsherkenningssoftware")
    assert doc["title_fr"] == "" and doc["text_fr"] == ""
    assert "Wet politiegegevens" in doc["text"] and "vragen binnen drie weken" in doc["text"]
    assert "Kamerstuk" not in doc["text"]  # footnotes are not indexed
    # Who asked, to whom, who signed (name, role, ministry), and the tools' names.
    for expected in ("Van Ginneken", "D66", "Minister voor Rechtsbescherming", "Ferd Grapperhaus",
                     "Minister van Justitie en Veiligheid", "Justitie en Veiligheid", "Clearview AI"):
        assert expected in doc["names"].split("\n")
    assert {"gezichtsherkenning", "software", "gezicht", "herkenning"} <= set(doc["parts"].split())


def test_subject_equal_to_the_title_is_not_indexed_twice():
    record = BY_ID["2018Z14045"]
    assert record["subject"].lower() == record["title"].lower()
    lines = document_for(record)["text"].split("\n")
    assert lines == [q["text"] for q in record["questions"]]
    changed = copy.deepcopy(record)
    changed["subject"] = "cameratoezicht en privacy in de wijk"
    assert document_for(changed)["text"].split("\n")[0] == changed["subject"]


def test_postponement_notice_signer_and_sentence():
    doc = document_for(BY_ID["2020Z04331"])
    assert doc["minister"] == ["nl-ferd-grapperhaus"]  # signed the notice; the record has no answer
    assert doc["status"] == ["postponed"]
    assert "navraag bij de politie nodig is" in doc["text"]
    assert "Minister van Justitie en Veiligheid" in doc["names"]
    assert doc["provenance"] == ["recorded"]


def test_minister_not_in_the_registry_keeps_the_name_as_written():
    doc = document_for(BY_ID["2024Z16676"])
    assert doc["minister"] == ["J. Jansen"] and doc["minister_key"] == ["J. Jansen"]


def test_french_record_goes_to_the_french_fields_without_parts():
    doc = document_for(BY_ID["be-ch-55-0123"])
    assert doc["title"] == "" and doc["text"] == ""
    assert doc["title_fr"].startswith("L'utilisation") and "conservation des images" in doc["text_fr"]
    assert doc["parts"] == ""
    assert doc["country"] == ["BE"] and doc["language"] == ["fr"]
    assert doc["minister"] == ["Annelies Verlinden"]


def test_sort_keys_order_by_date_then_id_with_undated_last():
    docs = [document_for(r) for r in CORPUS]
    newest = [d["id"][0] for d in sorted(docs, key=lambda d: d["sort_newest"][0])]
    oldest = [d["id"][0] for d in sorted(docs, key=lambda d: d["sort_oldest"][0])]
    dated = [r for r in CORPUS if r["asked_on"]]
    assert newest[:-1] == [r["id"] for r in sorted(sorted(dated, key=lambda r: r["id"]),
                                                   key=lambda r: r["asked_on"], reverse=True)]
    assert oldest[:-1] == [r["id"] for r in sorted(dated, key=lambda r: (r["asked_on"], r["id"]))]
    assert newest[-1] == oldest[-1] == "ek-20192020-10"
    undated = document_for(BY_ID["ek-20192020-10"])
    assert undated["year"] == [] and undated["asked_on"] is None


@pytest.mark.parametrize("key", ["id", "title", "language", "questions", "answers", "askers", "ministers",
                                 "documents", "tools", "provenance", "status"])
def test_missing_key_is_an_error_naming_it(key):
    record = copy.deepcopy(BY_ID["2019Z02671"])
    del record[key]
    with pytest.raises(RecordError, match=key):
        document_for(record)


def test_bad_values_are_errors():
    record = copy.deepcopy(BY_ID["2019Z02671"])
    record["asked_on"] = "11 februari 2019"
    with pytest.raises(RecordError, match="asked_on"):
        document_for(record)
    record = copy.deepcopy(BY_ID["2019Z02671"])
    record["id"] = ""
    with pytest.raises(RecordError, match="id"):
        document_for(record)
