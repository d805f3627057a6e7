"""Pure helpers of the web layer on plain data: question/answer pairing, the highlight safety
net, CSV cells, catalogue completeness, figures per minister and tool, chart geometry.
(Texts below are constructed for the test.)"""

from __future__ import annotations

import csv
import io

from web import charts, i18n
from web.api import _csv_line, csv_row
from web.present import pairs, safe_highlight
from web.stats import compute


def _record(questions, answers):
    return {"questions": [{"number": n, "text": f"vraag {n}"} for n in questions],
            "answers": [{"numbers": nums, "text": text, "kind": kind, "document_id": doc}
                        for nums, text, kind, doc in answers]}


def test_pairs_by_number_with_joint_and_follow_up_answers():
    record = _record([1, 2, 3, 4], [
        ([1], "a1", "answer", "ah-1"), ([2, 4], "a2+4", "answer", "ah-1"), ([3], "a3", "answer", "ah-1"),
        ([2, 4], "nader 2+4", "follow_up_answer", "ah-2"),
    ])
    result = {p.number: p for p in pairs(record)}
    assert [p.number for p in pairs(record)] == [1, 2, 3, 4]
    assert [a["text"] for a in result[2].answers] == ["a2+4", "nader 2+4"]
    assert [a["follow_up"] for a in result[2].answers] == [False, True]
    assert result[4].answers == [] and result[4].answered_at == [2]  # points to the joint answer
    assert result[3].answered_at == []


def test_answers_without_question_text_are_never_hidden():
    record = _record([1], [([1], "a1", "answer", "d"), ([5], "a5", "answer", "d"), ([], "loose", "answer", "d")])
    result = pairs(record)
    assert [(p.number, p.question, [a["text"] for a in p.answers]) for p in result] == [
        (1, "vraag 1", ["a1"]), (5, None, ["a5"]), (None, None, ["loose"])]


def test_safe_highlight_keeps_marks_and_escapes_anything_else():
    assert str(safe_highlight("de <mark>Clearview</mark> &amp; co")) == "de <mark>Clearview</mark> &amp; co"
    # An engine that forgot to escape: the payload becomes text, the marks stay.
    bad = safe_highlight("<mark>x</mark><script>alert(1)</script>")
    assert "<script>" not in bad and "&lt;script&gt;" in bad and bad.startswith("<mark>x</mark>")


def test_csv_row_neutralises_formulas_and_joins_people():
    item = {"id": "2021Z1", "title": "=HYPERLINK(\"http://evil\")", "parliament": "Tweede Kamer", "country": "NL",
            "asked_on": "2021-01-02", "answered_on": None, "status": "open",
            "askers": [{"name": "A", "party": "D66"}, {"name": "B", "party": None}],
            "ministers": [{"name": "Ferd Grapperhaus", "role": "Minister van Justitie en Veiligheid", "co_signer": True},
                          {"name": "-X", "role": None, "co_signer": False}],
            "tools": [{"id": "t", "name": "Clearview AI", "category": "c"}],
            "url": "https://zoek.officielebekendmakingen.nl/x.html", "permalink": "http://localhost/questions/2021Z1"}
    row = next(csv.reader(io.StringIO(_csv_line(csv_row(item)))))
    assert row[1] == "'=HYPERLINK(\"http://evil\")"
    assert row[5] == "" and row[7] == "A (D66); B"
    assert row[8] == "Ferd Grapperhaus (Minister van Justitie en Veiligheid, co-signer); -X"
    assert row[9] == "Clearview AI"


def test_catalogues_have_the_same_keys_and_dates_are_localised():
    assert set(i18n.CATALOGUE["nl"]) == set(i18n.CATALOGUE["en"])
    assert i18n.format_date("2021-09-28", "nl") == "28 september 2021"
    assert i18n.format_date("2021-03-01", "en") == "1 March 2021"
    assert i18n.choose("fr") == "nl" and i18n.choose("en") == "en" and i18n.choose(None) == "nl"


def _doc(kind, date, *ministers):
    return {"kind": kind, "date": date, "ministers": [
        {"name": n, "person_id": p, "co_signer": c, "role": None, "ministry": None} for n, p, c in ministers]}


def test_minister_figures_count_signed_and_co_signed_answers():
    records = [
        {"id": "r1", "parliament": "Tweede Kamer", "asked_on": "2021-08-27", "days_to_answer": 32, "tools": [],
         "documents": [_doc("question", "2021-08-27"),
                       _doc("answer", "2021-09-28", ("Dekker", "nl-dekker", False), ("Grapperhaus", "nl-gr", True)),
                       _doc("follow_up_answer", "2022-01-05", ("Grapperhaus", "nl-gr", False))]},
        {"id": "r2", "parliament": "Eerste Kamer", "asked_on": "2020-01-01", "days_to_answer": 10, "tools": [],
         "documents": [_doc("postponement_notice", "2020-01-20", ("Grapperhaus", "nl-gr", False)),
                       _doc("answer", "2020-01-11", ("Grapperhaus", "nl-gr", False))]},
    ]
    stats = compute(records)
    gr = stats.ministers["nl-gr"].as_json()
    assert (gr["answers"], gr["co_signed"], gr["records"]) == (3, 1, 2)  # the postponement notice is no answer
    assert gr["answers_per_year"] == {"2020": 1, "2021": 1, "2022": 1}
    assert gr["median_days_to_answer"] == 21  # median of 32 and 10: the follow-up does not count
    assert stats.ministers["nl-dekker"].as_json()["median_days_to_answer"] == 32


def test_tool_figures_per_year_and_parliament():
    tool = {"id": "drones", "name": "Drones", "category": "drones"}
    records = [
        {"id": "a", "parliament": "Tweede Kamer", "asked_on": "2018-07-13", "tools": [tool], "documents": []},
        {"id": "b", "parliament": "Tweede Kamer", "asked_on": "2018-01-01", "tools": [tool, tool], "documents": []},
        {"id": "c", "parliament": "Eerste Kamer", "asked_on": "2020-05-05", "tools": [tool], "documents": []},
        {"id": "d", "parliament": "Eerste Kamer", "asked_on": None, "tools": [tool], "documents": []},
    ]
    figures = compute(records).tools["drones"].as_json()
    assert figures["total"] == 4
    assert figures["per_year"] == {"2018": 2, "2020": 1}
    assert figures["per_parliament"] == {"Eerste Kamer": 2, "Tweede Kamer": 2}
    assert figures["per_year_parliament"] == [{"year": "2018", "parliament": "Tweede Kamer", "count": 2},
                                              {"year": "2020", "parliament": "Eerste Kamer", "count": 1}]


def test_stacked_bars_scale_to_the_largest_row():
    chart = charts.stacked_bars([("2020", {"TK": 2, "EK": 2}), ("2021", {"TK": 1})], ["EK", "TK"])
    first, second = chart.rows
    assert [s.title for s in first.segments] == ["EK: 2", "TK: 2"]
    assert abs(sum(s.width for s in first.segments) - 4 * second.segments[0].width) < 1e-6
    assert first.total == 4 and second.total == 1 and second.y > first.y


def test_waiting_parties_are_grouped_under_their_current_name():
    from archive.ministers import default_registry
    from web.stats import _add_waiting  # one record through the grouping, without an index
    from collections import defaultdict

    waiting = {"minister": {}, "ministry": {}, "party": {}}
    record = {"id": "sv-5-8890", "title": "t", "asked_on": "2013-04-29", "deadline": None, "status": "late",
              "parliament": "Belgische Senaat", "country": "BE", "addressed_to": [],
              "askers": [{"name": "Ludo Sannen", "party": "sp.a"}]}
    _add_waiting(defaultdict(lambda: None), {}, waiting, default_registry(), record)
    assert list(waiting["party"]) == ["Vooruit"]
