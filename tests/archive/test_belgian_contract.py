"""The record contract for Belgian sources: two languages, answer dates without text, closed
files, chronology, links between questions, party normalisation, ministers by office and date
within the right government."""

import datetime as dt

import pytest

from archive.merge import merge
from archive.model import (
    ANSWER, ANSWERED, BE_SENATE, BRUSSELS_PARLIAMENT, CLOSED, LATE, QUESTION, RECORDED, SAME_QUESTION, AnswerPart, Asker,
    DocumentProvenance, Event, Minister, QuestionPart, RecordError, Related, SourceDocument, Translation,
    record_from_json, to_json, validate_record_json,
)
from archive.ministers import default_registry
from archive.parties import Parties, PartyError, default_parties, label_key
from crawler.processing import ValidationError, normalise, resolve_ministers, validate

D = dt.date


def senate_doc(**kw):
    base = dict(
        source="senaat", doc_id="sv-7-400", kind=QUESTION, country="BE", parliament=BE_SENATE,
        url="https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=7&NR=400&LANG=nl", number="7-400",
        language="nl", title="Politie - Clearview AI - gezichtsherkenning", askers=[Asker("Rik D'Hose", "Open Vld")],
        addressed_to=["minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel"],
        asked_on=D(2020, 3, 10), date=D(2020, 3, 10), deadline=D(2020, 4, 9),
        questions=[QuestionPart(1, "Gebruikt de politie Clearview AI?")],
        translations=[Translation("fr", "Police - Clearview AI - reconnaissance faciale",
                                  questions=[QuestionPart(1, "La police utilise-t-elle Clearview AI ?")])],
        events=[Event(D(2020, 3, 10), "Verzending vraag", "sent"), Event(D(2020, 4, 9), "Antwoord", "answered")],
        related=[Related(SAME_QUESTION, "sv-7-399", "7-399"), Related(SAME_QUESTION, "sv-7-401", "7-401")],
        thread_key="sv-7-399", descriptors=["gezichtsherkenning"], references=[],
        provenance=DocumentProvenance("sv-7-400", "u", "u", "2026-11-26T00:00:00Z", "ab" * 32, "senaat-1", RECORDED),
    )
    base.update(kw)
    return SourceDocument(**base)


def test_a_stated_answer_date_without_text_makes_the_record_answered_and_says_the_text_is_missing():
    r = merge([senate_doc(answered_on=D(2020, 4, 9))], as_of=D(2024, 1, 1))
    assert r.status == ANSWERED and r.answered_on == D(2020, 4, 9) and r.days_to_answer == 30
    answer_refs = [d for d in r.documents if d.kind == ANSWER]
    assert len(answer_refs) == 1 and answer_refs[0].fetched is False and answer_refs[0].date == D(2020, 4, 9)
    assert r.answers == []


def test_without_answer_date_the_question_becomes_late_after_the_source_deadline():
    r = merge([senate_doc()], as_of=D(2020, 4, 10))
    assert r.status == LATE and r.deadline == D(2020, 4, 9)


def test_a_closed_file_is_closed_not_late():
    r = merge([senate_doc(closed_on=D(2020, 10, 1))], as_of=D(2024, 1, 1))
    assert r.status == CLOSED and r.closed_on == D(2020, 10, 1)


def test_both_languages_travel_to_the_record_and_survive_json():
    r = merge([senate_doc()], as_of=D(2020, 3, 11))
    assert r.language == "nl" and r.languages == ["nl", "fr"]
    assert r.translations[0].language == "fr" and r.translations[0].title.startswith("Police")
    assert r.translations[0].questions[0].text.startswith("La police")
    assert [(x.relation, x.id) for x in r.related] == [(SAME_QUESTION, "sv-7-399"), (SAME_QUESTION, "sv-7-401")]
    assert r.thread_key == "sv-7-399" and r.descriptors == ["gezichtsherkenning"]
    assert [e.label for e in r.events] == ["Verzending vraag", "Antwoord"]
    again = record_from_json(to_json(r))
    assert again == r
    assert validate_record_json(to_json(r))["translations"][0]["language"] == "fr"


def test_answers_of_the_other_language_are_kept_per_language():
    answer = senate_doc(kind=ANSWER, date=D(2020, 4, 9), ministers=[Minister(None, "minister van Veiligheid en Binnenlandse Zaken")],
                        answers=[AnswerPart([1], "Nee.")],
                        translations=[Translation("fr", "Police", questions=[QuestionPart(1, "Q?")],
                                                  answers=[AnswerPart([1], "Non.")])])
    r = merge([answer], as_of=D(2024, 1, 1))
    assert [a.text for a in r.answers] == ["Nee."]
    assert [a.text for a in r.translations[0].answers] == ["Non."]


def test_import_rejects_an_unknown_language():
    data = to_json(merge([senate_doc()], as_of=D(2020, 3, 11)))
    data["language"] = "de"
    with pytest.raises(RecordError, match="language"):
        validate_record_json(data)


def test_validation_reads_translations_too():
    with pytest.raises(ValidationError, match="mojibake"):
        validate(senate_doc(translations=[Translation("fr", "S\u00c3\u00a9nat")]), today=D(2026, 1, 1))
    with pytest.raises(ValidationError, match="own language"):
        validate(senate_doc(translations=[Translation("nl", "Dubbel")]), today=D(2026, 1, 1))


@pytest.mark.parametrize("label, country, party_id, name", [
    ("sp.a", "BE", "be-vooruit", "Vooruit"),
    ("SP.A", "BE", "be-vooruit", "Vooruit"),
    ("Vooruit", "BE", "be-vooruit", "Vooruit"),
    ("PTB*PVDA", "BE", "be-pvda-ptb", "PVDA-PTB"),
    ("PVDA", "BE", "be-pvda-ptb", "PVDA-PTB"),
    ("PTB", "BE", "be-pvda-ptb", "PVDA-PTB"),
    ("Ecolo-Groen", "BE", "be-ecolo-groen", "Ecolo-Groen"),
    ("Groen!", "BE", "be-groen", "Groen"),
    ("cdH", "BE", "be-les-engages", "Les Engagés"),
    ("Open Vld", "BE", "be-open-vld", "Open Vld"),
    ("PvdA", "NL", "nl-pvda", "PvdA"),  # the Dutch PvdA is not the Belgian PVDA
    ("GroenLinks-PvdA", "NL", "nl-groenlinks-pvda", "GroenLinks-PvdA"),
])
def test_party_labels_are_normalised_across_renames_and_languages(label, country, party_id, name):
    parties = default_parties()
    assert parties.resolve(label, country=country) == party_id
    assert parties.display(label, country=country) == name


def test_an_unknown_party_label_is_kept_as_written():
    assert default_parties().resolve("Lijst Nieuw", country="BE") is None
    assert default_parties().display("Lijst Nieuw", country="BE") == "Lijst Nieuw"
    assert label_key(" S.P.A ") == label_key("sp.a")


def test_normalise_keeps_the_written_label_and_adds_the_party_id():
    doc = senate_doc(askers=[Asker("Bart Sannen", "sp.a")])
    normalise(doc)
    assert doc.askers[0].party == "sp.a" and doc.askers[0].party_id == "be-vooruit"


def test_a_label_claimed_by_two_parties_is_refused(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("schema: 1\nparties:\n  - {id: a, country: BE, name: A, labels: [X]}\n"
                    "  - {id: b, country: BE, name: B, labels: [x]}\n", encoding="utf-8")
    with pytest.raises(PartyError, match="belongs to both"):
        Parties.load(path)


def test_a_role_without_a_name_resolves_by_date_and_keeps_the_written_role():
    doc = senate_doc(kind=ANSWER, date=D(2022, 8, 11), asked_on=D(2022, 6, 2),
                     ministers=[Minister(None, "vice-premier ministre et ministre de la Justice et de la Mer du Nord")])
    assert resolve_ministers(doc, default_registry()) == []
    m = doc.ministers[0]
    assert m.person_id == "be-vincent-van-quickenborne"
    assert m.role == "vice-premier ministre et ministre de la Justice et de la Mer du Nord"  # as written


def test_a_federal_role_is_not_resolved_for_a_regional_parliament():
    doc = senate_doc(parliament=BRUSSELS_PARLIAMENT, kind=ANSWER, date=D(2022, 8, 11), asked_on=D(2022, 6, 2),
                     ministers=[Minister(None, "vice-eersteminister en minister van Justitie en Noordzee")])
    assert resolve_ministers(doc, default_registry()) == ["vice-eersteminister en minister van Justitie en Noordzee"]
    assert doc.ministers[0].person_id is None
