"""The stages between parser and store: validate, normalise, tag, resolve ministers."""

import datetime as dt

import pytest

from archive.ministers import default_registry
from archive.model import ANSWER, POSTPONEMENT, QUESTION, AnswerPart, Asker, Minister, QuestionPart, SourceDocument
from archive.vocabulary import default_vocabulary
from crawler import processing


def answer_doc(**overrides) -> SourceDocument:
    doc = SourceDocument(
        source="t", doc_id="ah-tk-20212022-105", kind=ANSWER, country="NL", parliament="Tweede Kamer", url="u",
        title="Antwoord op vragen over Clearview", subject="het gebruik van Clearview AI door de politie",
        askers=[Asker("Van Ginneken", "D66"), Asker("Bouchallikh", "GroenLinks")],
        addressed_to=["Minister voor Rechtsbescherming"],
        ministers=[Minister("Dekker", None, "Rechtsbescherming"),
                   Minister(None, "Minister van Justitie en Veiligheid", "Justitie en Veiligheid", co_signer=True)],
        asked_on=dt.date(2021, 8, 27), date=dt.date(2021, 9, 28),
        questions=[QuestionPart(1, "Heeft de politie gezichtsherkenningssoftware van Clearview gebruikt?")],
        answers=[AnswerPart([1], "Ja, bij wijze van proef.")],
    )
    for k, v in overrides.items():
        setattr(doc, k, v)
    return doc


def test_valid_document_passes():
    processing.validate(answer_doc())


@pytest.mark.parametrize("overrides, reason", [
    ({"askers": []}, "no askers"),
    ({"questions": []}, "no questions"),
    ({"asked_on": None}, "no submission date"),
    ({"date": None}, "answer without a received date"),
    ({"ministers": []}, "answer without a signing minister"),
    ({"answers": []}, "answer without any answer text"),
    ({"date": dt.date(2021, 8, 1)}, "received 2021-08-01 before it was asked 2021-08-27"),
    ({"asked_on": dt.date(1850, 1, 1)}, "implausible submission date 1850-01-01"),
    ({"kind": "speech"}, "unknown document kind 'speech'"),
    ({"subject": "het gebruik van Clearview in BelgiÃ« door de politie"}, "mojibake"),
])
def test_validation_reasons(overrides, reason):
    with pytest.raises(processing.ValidationError, match=reason):
        processing.validate(answer_doc(**overrides))


def test_question_with_answers_and_postponement_without_answers():
    with pytest.raises(processing.ValidationError, match="a question document that contains answers"):
        processing.validate(answer_doc(kind=QUESTION))
    processing.validate(answer_doc(kind=POSTPONEMENT, answers=[]))  # a postponement answers nothing: fine


def test_tag_accepts_with_reason_and_keeps_out_without_tool():
    doc = answer_doc()
    accepted, reason = processing.tag(doc, default_vocabulary())
    assert accepted and {t.id for t in doc.tools} >= {"clearview-ai", "facial-recognition"}
    assert reason.startswith("names ") and "gezichtsherkenningssoftware" in reason
    dull = answer_doc(title="Antwoord over de Tozo", subject="de Tozo",
                      questions=[QuestionPart(1, "Waarom is de rente 8%?")], answers=[AnswerPart([1], "Zie boven.")])
    assert processing.tag(dull, default_vocabulary()) == (False, "names no surveillance tool of the vocabulary")
    assert dull.tools == []


def test_resolve_ministers_by_name_and_by_role_on_the_date():
    doc = answer_doc()
    assert processing.resolve_ministers(doc, default_registry()) == []
    dekker, cosigner = doc.ministers
    assert dekker.person_id == "nl-sander-dekker" and dekker.role == "Minister voor Rechtsbescherming"
    assert cosigner.person_id == "nl-ferd-grapperhaus" and cosigner.co_signer  # J&V on 2021-09-28
    later = answer_doc(date=dt.date(2022, 6, 1), asked_on=dt.date(2022, 5, 1),
                       ministers=[Minister(None, "Minister van Justitie en Veiligheid", "Justitie en Veiligheid")])
    processing.resolve_ministers(later, default_registry())
    assert later.ministers[0].person_id == "nl-dilan-yesilgoz-zegerius"


def test_unknown_minister_kept_as_written_and_reported():
    doc = answer_doc(ministers=[Minister("Pietersen", None, "Sociale Zaken en Werkgelegenheid")])
    assert processing.resolve_ministers(doc, default_registry()) == ["Pietersen"]
    assert doc.ministers[0].name == "Pietersen" and doc.ministers[0].person_id is None


def test_normalise_whitespace_and_footnotes():
    doc = answer_doc(title="  Antwoord \n op  vragen ", footnotes=["https://a", "https://b", "https://a"])
    processing.normalise(doc)
    assert doc.title == "Antwoord op vragen" and doc.footnotes == ["https://a", "https://b"]
