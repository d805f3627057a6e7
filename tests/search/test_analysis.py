"""Analysis (search/analysis.py): analyzers, the Dutch decompounder, the highlighter.

Texts here are constructed examples of the words these features are for."""

from __future__ import annotations

import re

import pytest
import tantivy

from search.analysis import (
    MAX_FRAGMENTS,
    WORDS_PATH,
    AnalysisError,
    Decompounder,
    Highlighter,
    analyze,
    default_decompounder,
    is_stopword,
    text_analyzer,
)

# --- analyzers ---------------------------------------------------------------------------------

def test_dutch_analyzer_stems_folds_and_splits_on_punctuation():
    assert analyze("nl", "vragen") == analyze("nl", "vraag")
    assert analyze("nl", "België") == analyze("nl", "belgie") == analyze("nl", "BELGIË")
    # the letter after the apostrophe is dropped: "camera's" is one word for search, not a phrase
    assert analyze("nl", "ANPR-camera's") == ["anpr", "camera"]
    assert analyze("nl", "camera's") == analyze("nl", "camera")
    assert analyze("fr", "lecture d'immatriculation") == analyze("fr", "lecture immatriculation")
    assert "5" in analyze("nl", "artikel 5")  # digits stay


def test_french_analyzer_folds_before_stemming():
    # Stemming first would give "camer" for "caméras" and "cam" for "camera".
    assert analyze("fr", "caméras") == analyze("fr", "camera") == analyze("fr", "caméra")
    assert analyze("fr", "utilisation") == analyze("fr", "utiliser") == analyze("fr", "utilise")


def test_plain_analyzer_only_folds():
    assert analyze("plain", "Gezichtsherkenning België") == ["gezichtsherkenning", "belgie"]


def test_unknown_analyzer():
    with pytest.raises(AnalysisError):
        text_analyzer("de")


def test_stopwords():
    assert is_stopword("van") and is_stopword("de") and is_stopword("la")
    assert not is_stopword("Clearview") and not is_stopword("politie")


# --- decompounding -----------------------------------------------------------------------------

@pytest.mark.parametrize("word,expected", [
    ("gezichtsherkenningssoftware", {"gezichtsherkenning", "gezicht", "herkenning", "software"}),
    ("cameratoezicht", {"camera", "toezicht"}),
    ("Cameratoezicht", {"camera", "toezicht"}),
    ("camerabeelden", {"camera", "beeld", "beelden", "camerabeeld"}),  # plural after the last part
    ("datalekken", {"data", "lek", "lekken", "datalek"}),  # plural with a doubled consonant
    ("persoonsgegevens", {"persoon", "gegevens"}),  # linking -s-
    ("cameratoezichtsysteem", {"cameratoezicht", "camera", "toezicht", "systeem"}),  # parts of parts
    ("politiedrones", {"politie", "drone", "drones", "politiedrone"}),
    # Tool aliases marked as compound heads/tails also work with an unknown rest.
    ("gezichtsherkenningsalgoritmes", {"gezichtsherkenning", "gezicht", "herkenning", "algoritme"}),
    ("xyzcameratoezicht", {"cameratoezicht", "camera", "toezicht"}),
])
def test_decompounder_finds_parts(word, expected):
    assert expected <= set(default_decompounder().parts(word))


@pytest.mark.parametrize("word", [
    "voorbeeld",  # voor + beeld: function words are not in the list
    "bestemming", "nederland", "herkenning", "camera", "beeldscherm", "toezichthouders", "politie",
])
def test_decompounder_does_not_split_words_that_do_not_decompose(word):
    parts = default_decompounder().parts(word)
    assert word.lower() not in parts
    if word in ("voorbeeld", "bestemming", "nederland", "herkenning", "camera", "politie"):
        assert parts == ()


def test_decompounder_text_parts_once_each():
    parts = default_decompounder().text_parts("Cameratoezicht en camerabeelden; cameratoezicht! Een voorbeeld.")
    assert len(parts) == len(set(parts))
    assert {"camera", "toezicht", "beeld"} <= set(parts)
    assert "voor" not in parts


def test_decompounder_word_list_is_checked(tmp_path):
    bad = tmp_path / "words.txt"
    bad.write_text("# comment\ncamera\nGezicht\n")
    with pytest.raises(AnalysisError, match="lower-case"):
        Decompounder.load(bad)
    with pytest.raises(AnalysisError):
        Decompounder([])


def test_word_list_says_how_it_was_made():
    head = WORDS_PATH.read_text(encoding="utf-8")[:2000]
    assert "How this list was made" in head
    words = [w for w in WORDS_PATH.read_text(encoding="utf-8").split("\n") if w and not w.startswith("#")]
    assert len(words) >= 300 and len(words) == len(set(words))


# Why decompounding is done in Python rather than with tantivy's split_compound filter: with the
# same word list, split_compound only splits words that decompose entirely without linking
# letters or plural endings, and it replaces the word by its parts.
COMPOUND_CASES = [  # (query word, compound in a text)
    ("gezichtsherkenning", "gezichtsherkenningssoftware"),
    ("herkenning", "gezichtsherkenningssoftware"),
    ("camera", "camerabeelden"),
    ("persoon", "persoonsgegevens"),
    ("toezicht", "cameratoezicht"),
    ("politie", "politiecamera"),
    ("kenteken", "kentekenherkenning"),
]


def _split_compound_analyzer() -> tantivy.TextAnalyzer:
    words = [w for w in WORDS_PATH.read_text(encoding="utf-8").split("\n") if w and not w.startswith("#")]
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.split_compound(words)).build())


def test_measured_recall_of_compound_splitting():
    split_compound = _split_compound_analyzer()
    by_filter = [query in split_compound.analyze(text) for query, text in COMPOUND_CASES]
    by_decompounder = [query in default_decompounder().parts(text) for query, text in COMPOUND_CASES]
    assert sum(by_decompounder) == len(COMPOUND_CASES)
    assert sum(by_filter) == 3  # only cameratoezicht, politiecamera, kentekenherkenning
    # ...and the filter loses the exact word, the decompounder keeps it (in the main field).
    assert "cameratoezicht" not in split_compound.analyze("cameratoezicht")


# --- highlighting ------------------------------------------------------------------------------

def _nl(*words: str) -> Highlighter:
    return Highlighter({"nl": frozenset(t for w in words for t in analyze("nl", w)), "fr": frozenset()})


def test_highlighter_marks_stems_and_compounds_and_escapes():
    text = "Zijn de <b>vragen</b> over gezichtsherkenningssoftware & camera's beantwoord?"
    [fragment] = _nl("vraag", "gezichtsherkenning", "camera").fragments([text], "nl")
    assert fragment == ("Zijn de &lt;b&gt;<mark>vragen</mark>&lt;/b&gt; over <mark>gezichtsherkenningssoftware</mark>"
                        " &amp; <mark>camera</mark>&#x27;s beantwoord?")


def test_highlighter_keeps_the_case_of_the_text():
    [fragment] = _nl("clearview").fragments(["Is CLEARVIEW gebruikt?"], "nl")
    assert fragment == "Is <mark>CLEARVIEW</mark> gebruikt?"


def test_highlighter_does_not_mark_inside_words():
    assert _nl("camera").fragments(["De cameraman en de era."], "nl") == ["De cameraman en de era."]


def test_highlighter_fragments_are_short_and_at_most_three():
    filler = "Dit is een lange zin zonder het gezochte woord erin, die maar doorgaat. " * 8
    segments = [f"{filler} Clearview {filler}" for _ in range(5)]
    fragments = _nl("clearview").fragments(segments, "nl")
    assert len(fragments) == MAX_FRAGMENTS
    for fragment in fragments:
        assert "<mark>Clearview</mark>" in fragment
        assert len(re.sub(r"</?mark>", "", fragment)) <= 220
        assert fragment.startswith("\u2026") and fragment.endswith("\u2026")


def test_highlighter_prefers_fragments_with_more_distinct_matches():
    segments = ["Alleen politie hier.", "Nog eens politie.", "Clearview en de politie samen.", "Weer politie.",
                "Politie, politie."]
    fragments = _nl("clearview", "politie").fragments(segments, "nl")
    assert "<mark>Clearview</mark> en de <mark>politie</mark> samen." in fragments


def test_highlighter_falls_back_to_the_title_then_to_an_excerpt():
    assert _nl("pegasus").fragments(["Geen treffer hier."], "nl", fallback=["Over Pegasus"]) == [
        "Over <mark>Pegasus</mark>"]
    long_text = "Een vraag <zonder> treffer " * 20
    [excerpt] = _nl("pegasus").fragments([long_text], "nl", fallback=["Titel"])
    assert "<mark>" not in excerpt and "&lt;zonder&gt;" in excerpt and excerpt.endswith("\u2026")
    assert len(excerpt) <= 260


def test_highlighter_uses_the_language_of_the_record():
    highlighter = Highlighter({"nl": frozenset(analyze("nl", "camera")), "fr": frozenset(analyze("fr", "caméra"))})
    [fragment] = highlighter.fragments(["Les caméras intelligentes."], "fr")
    assert fragment == "Les <mark>caméras</mark> intelligentes."


def test_decompounder_cache_clear_half_way_loses_no_parts(monkeypatch):
    decompounder = Decompounder.load()
    text = "cameratoezicht gezichtsherkenningssoftware persoonsgegevens kentekenherkenning"
    expected = set(decompounder.text_parts(text))
    fresh = Decompounder.load()
    remember = fresh._remember
    calls = []

    def clearing(key):  # clear the cache after the first new word, as a full cache would
        calls.append(key)
        if len(calls) == 2:
            fresh._cache.clear()
            fresh._compounds.clear()
            fresh._generation += 1
        return remember(key)

    monkeypatch.setattr(fresh, "_remember", clearing)
    assert set(fresh.text_parts(text)) == expected
