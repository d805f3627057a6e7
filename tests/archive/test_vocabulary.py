"""Tests for archive.vocabulary (the tool vocabulary and the tagger).

All sentences below are CONSTRUCTED for these tests (written by us, not taken from any
parliamentary document); they imitate the Dutch and French of written questions.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from archive.model import Tool
from archive.vocabulary import (
    DEFAULT_PATH,
    LANGUAGES,
    Vocabulary,
    VocabularyError,
    default_vocabulary,
    fold,
)


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.load()


def tool_ids(vocab: Vocabulary, text: str) -> list[str]:
    return [tool.id for tool in vocab.tag(text)]


# --- the data file ----------------------------------------------------------------------------

REQUIRED_TOOLS = [
    "clearview-ai", "pegasus", "anpr", "facial-recognition", "smart-cameras", "cctv", "drones",
    "imsi-catcher", "palantir", "hansken", "cellebrite", "predictive-policing", "cas", "syri",
    "bodycams", "ring-doorbell", "smart-doorbell", "bulk-interception", "data-retention",
    "encrochat", "sky-ecc", "spyware", "social-media-monitoring", "coosto", "osint",
    "police-hacking", "hikvision", "dahua", "biometrics", "rfid", "thermal-cameras", "sensor-data",
    "candiru", "predator", "finfisher", "paragon-graphite", "silent-sms", "wifi-bluetooth-tracking",
    "emotion-recognition", "icolumbo", "catch", "i-police", "amazon-rekognition", "voice-recognition",
]


def test_bundled_file_loads_with_enough_entries(vocab: Vocabulary) -> None:
    assert DEFAULT_PATH.is_file()
    assert len(vocab.entries) >= 45
    for entry in vocab.entries:
        for lang in LANGUAGES:
            assert entry.aliases[lang], f"{entry.id} has no {lang} alias"


def test_required_tools_present(vocab: Vocabulary) -> None:
    for tool_id in REQUIRED_TOOLS:
        assert vocab.get(tool_id).id == tool_id


def test_every_used_category_is_declared_with_three_labels(vocab: Vocabulary) -> None:
    for entry in vocab.entries:
        assert entry.category in vocab.categories, entry.id
    for labels in vocab.categories.values():
        assert set(labels) == set(LANGUAGES) and all(labels.values())


def test_known_vendors(vocab: Vocabulary) -> None:
    assert vocab.get("pegasus").vendor == "NSO Group"
    assert vocab.get("clearview-ai").vendor == "Clearview AI"
    assert vocab.get("drones").vendor is None


def test_get_unknown_id_raises_key_error(vocab: Vocabulary) -> None:
    with pytest.raises(KeyError):
        vocab.get("no-such-tool")


def test_default_vocabulary_is_cached() -> None:
    assert default_vocabulary() is default_vocabulary()
    assert default_vocabulary().get("anpr").name


# --- folding ------------------------------------------------------------------------------------

def test_fold_lowercases_strips_accents_and_unifies_apostrophes() -> None:
    assert fold("België") == "belgie"
    assert fold("CAMÉRA d’immatriculation ‐ ʼs") == "camera d'immatriculation - 's"
    assert len(fold("Éé’\n")) == 4  # one character per character: offsets stay valid


# --- hits (constructed sentences) --------------------------------------------------------------

POSITIVE = [
    # (text, tool id, matched text)
    ("Heeft de politie gezichtsherkenningssoftware van Clearview gebruikt?", "facial-recognition", "gezichtsherkenningssoftware"),
    ("Heeft de politie gezichtsherkenningssoftware van Clearview gebruikt?", "clearview-ai", "Clearview"),
    ("Werkt de gemeente met de Clearview-app?", "clearview-ai", "Clearview"),
    ("Past de Belgische politie gelaatsherkenning toe op de luchthaven?", "facial-recognition", "gelaatsherkenning"),
    ("La police utilise-t-elle la Reconnaissance Faciale ?", "facial-recognition", "Reconnaissance Faciale"),
    ("Hoeveel ANPR-camera's staan er langs de snelweg?", "anpr", "ANPR-camera's"),
    ("Het aantal kentekencamera's is verdubbeld.", "anpr", "kentekencamera's"),
    ("Combien de caméras ANPR la zone de police a-t-elle installées ?", "anpr", "caméras ANPR"),
    ("Le système de lecture automatique de plaques d’immatriculation est-il conforme ?", "anpr",
     "lecture automatique de plaques d’immatriculation"),
    ("Les données LAPI sont conservées trente jours.", "anpr", "LAPI"),
    ("Zet de politie politiedrones in bij demonstraties?", "drones", "politiedrones"),
    ("La police a-t-elle utilisé un drone lors de la manifestation ?", "drones", "drone"),
    ("Dragen agenten bodycams tijdens de nachtdienst?", "bodycams", "bodycams"),
    ("Les caméras-piétons de la police fédérale sont-elles activées ?", "bodycams", "caméras-piétons"),
    ("Les caméras intelligentes détectent-elles les dépôts clandestins ?", "smart-cameras", "caméras intelligentes"),
    ("Hoeveel slimme camera's hangen er in de binnenstad?", "smart-cameras", "slimme camera's"),
    ("La vidéosurveillance à Bruxelles est-elle étendue ?", "cctv", "vidéosurveillance"),
    ("Is het cameratoezicht in de wijk uitgebreid?", "cctv", "cameratoezicht"),
    ("Is de Pegasus-spyware van NSO in Nederland gebruikt?", "pegasus", "Pegasus-spyware"),
    ("Is de Pegasus-spyware van NSO in Nederland gebruikt?", "spyware", "spyware"),
    ("Is Pegasus aangetroffen op de telefoon van journalisten?", "pegasus", "Pegasus"),
    ("Le logiciel espion Pegasus a-t-il infecté le téléphone du ministre ?", "pegasus", "Pegasus"),
    ("Heeft de politie een IMSI catcher ingezet?", "imsi-catcher", "IMSI catcher"),
    ("Hoe vaak zijn imsicatchers gebruikt?", "imsi-catcher", "imsicatchers"),
    ("La police a-t-elle recours à l’IMSI-catcher ?", "imsi-catcher", "IMSI-catcher"),
    ("De politie zette een stingray in om mobiele telefoons te volgen.", "imsi-catcher", "stingray"),
    ("Zijn berichten van SkyECC als bewijs gebruikt?", "sky-ecc", "SkyECC"),
    ("Zijn de berichten van Sky ECC ontsleuteld?", "sky-ecc", "Sky ECC"),
    ("Hoeveel EncroChat-berichten zijn er gelezen?", "encrochat", "EncroChat"),
    ("Het CAS voorspelt waar de criminaliteit gaat toenemen.", "cas", "CAS"),
    ("Gebruikt de politie nog het Criminaliteits Anticipatie Systeem?", "cas", "Criminaliteits Anticipatie Systeem"),
    ("Worden foto's in CATCH vergeleken met camerabeelden?", "catch", "CATCH"),
    ("Het systeem Catch wordt gebruikt voor gezichtsherkenning.", "catch", "Catch"),
    ("Mogen beelden van een Ring-deurbel met de politie worden gedeeld?", "ring-doorbell", "Ring-deurbel"),
    ("Hoeveel slimme deurbellen hangen er in Amsterdam?", "smart-doorbell", "slimme deurbellen"),
    ("Les images des sonnettes connectées sont-elles partagées ?", "smart-doorbell", "sonnettes connectées"),
    ("Wat is de stand van zaken rond de sleepwet?", "bulk-interception", "sleepwet"),
    ("Le Comité R a-t-il contrôlé l’interception de masse ?", "bulk-interception", "interception de masse"),
    ("Geldt de bewaarplicht ook voor telecommunicatiegegevens van reizigers?", "data-retention", "bewaarplicht"),
    ("Wat betekent het arrest voor dataretentie?", "data-retention", "dataretentie"),
    ("La conservation des données de communication est-elle proportionnée ?", "data-retention", "conservation des données"),
    ("Hoe vaak is de hackbevoegdheid uit de Wet computercriminaliteit III gebruikt?", "police-hacking", "hackbevoegdheid"),
    ("Hoe vaak is een onderzoek in een geautomatiseerd werk verricht?", "police-hacking",
     "onderzoek in een geautomatiseerd werk"),
    ("Koopt de overheid spionagesoftware in?", "spyware", "spionagesoftware"),
    ("Zijn er Hikvision-camera's in ministeries?", "hikvision", "Hikvision"),
    ("Gebruikt de gemeente wifi-sensoren om bezoekers te tellen?", "wifi-bluetooth-tracking", "wifi-sensoren"),
    ("Hoeveel stille sms'jes verstuurde de politie?", "silent-sms", "stille sms'jes"),
    ("La police envoie-t-elle des SMS furtifs ?", "silent-sms", "SMS furtifs"),
    ("Zet de politie een warmtebeeldcamera in bij hennepkwekerijen?", "thermal-cameras", "warmtebeeldcamera"),
    ("Welke gegevens verzamelt iColumbo?", "icolumbo", "iColumbo"),
    ("La plateforme i-Police de la police fédérale est-elle opérationnelle ?", "i-police", "i-Police"),
    ("Wordt Hansken ook door de FIOD gebruikt?", "hansken", "Hansken"),
    ("Heeft de recherche UFED-apparatuur van Cellebrite?", "cellebrite", "UFED"),
    ("Worden biometrische gegevens opgeslagen?", "biometrics", "biometrische"),
    ("La biométrie est-elle utilisée aux frontières ?", "biometrics", "biométrie"),
    ("Gebruikt de politie stemherkenning bij het uitluisteren van taps?", "voice-recognition", "stemherkenning"),
    ("Is emotieherkenning op Schiphol getest?", "emotion-recognition", "emotieherkenning"),
    ("Was de telefoon van de journalist besmet met Predator?", "predator", "Predator"),
    ("Gebruikt de politie Amazon Rekognition?", "amazon-rekognition", "Amazon Rekognition"),
    ("Heeft het ministerie een contract met Palantir?", "palantir", "Palantir"),
    ("Wat is de rol van het Systeem Risico Indicatie (SyRI)?", "syri", "Systeem Risico Indicatie"),
    ("Hoeveel sensordata deelt de gemeente met G4S?", "sensor-data", "sensordata"),
]


@pytest.mark.parametrize(("text", "tool_id", "matched"), POSITIVE)
def test_hit(vocab: Vocabulary, text: str, tool_id: str, matched: str) -> None:
    hits = [h for h in vocab.find(text) if h.tool_id == tool_id]
    assert hits, f"{tool_id} not found in {text!r}"
    assert hits[0].matched == matched
    assert text[hits[0].start:hits[0].end] == matched


NEGATIVE = [
    # (text, tool id that must not be tagged)
    ("In de Griekse mythologie is Pegasus een gevleugeld paard.", "pegasus"),
    ("De Pegasus-brug over de rivier wordt gerenoveerd.", "pegasus"),
    ("Het festival programmeert dronemuziek en drone-metal.", "drones"),
    ("The chairman drones on about the budget.", "drones"),
    ("Het verkeer op de A10 Ring staat elke ochtend vast.", "ring-doorbell"),
    ("Zij draagt een ring aan haar vinger.", "ring-doorbell"),
    ("Een catch-all bepaling maakt de wet onduidelijk.", "catch"),
    ("Catch-22 is een roman over de oorlog.", "catch"),
    ("Cas de Vries stelde vragen aan de politie.", "cas"),
    ("Dans ce cas, la police ne peut rien faire.", "cas"),
    ("Het CAS-nummer van de stof is bekend bij de politie.", "cas"),
    ("De stingray is een rog die in tropische zeeën leeft.", "imsi-catcher"),
    ("De wolf is een predator voor schapen.", "predator"),
    ("Defensie koopt Predator-drones; spyware is een ander dossier.", "predator"),
    ("Le lapis-lazuli est une pierre bleue.", "anpr"),
    ("De bewaarplicht voor facturen is zeven jaar.", "data-retention"),
    ("Le crayon en graphite est noir.", "paragon-graphite"),
    ("Le régime syrien a été condamné.", "syri"),
    ("Het ministerie stelt dat de NSO-subsidie naar sportclubs gaat.", "pegasus"),
    ("Online predators benaderen kinderen via hun smartphone.", "predator"),
    ("Bij de prikpost kan de arts bloed aftappen.", "telephone-tapping"),
    ("Een monocamera is goedkoper dan een stereocamera.", "smart-cameras"),
    ("La messagerie cryptée WhatsApp est populaire.", "crypto-phones"),
    ("Het Catch-up-aanbod bevat een film over gezichtsherkenning.", "catch"),
]


@pytest.mark.parametrize(("text", "tool_id"), NEGATIVE)
def test_no_hit(vocab: Vocabulary, text: str, tool_id: str) -> None:
    assert tool_id not in tool_ids(vocab, text)


@pytest.mark.parametrize("text", [
    "De camera in het gemeentehuis is kapot.",
    "La caméra du bâtiment est en panne.",
    "Het verkeer op de A10 Ring staat vast; zij draagt een ring.",
])
def test_plain_words_are_not_tools(vocab: Vocabulary, text: str) -> None:
    assert vocab.find(text) == []
    assert vocab.explain(text) == ""


def test_alias_is_not_its_own_context(vocab: Vocabulary) -> None:
    # "NSO" is a spyware context word, but a bare upper-case NSO needs *another* one.
    assert "pegasus" not in tool_ids(vocab, "Het NSO organiseert een toernooi.")
    assert "pegasus" in tool_ids(vocab, "Het NSO verkoopt spyware aan staten.")


# --- offsets and odd characters -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "tool_id", "matched"), [
    # soft hyphen inside the word (HTML hyphenation)
    ("Wordt gezichts\u00adherkenning gebruikt?", "facial-recognition", "gezichts\u00adherkenning"),
    # decomposed accent (NFD, as PDF extraction can leave it), before and inside the hit
    ("Belgie\u0308: came\u0301ras intelligentes", "smart-cameras", "came\u0301ras intelligentes"),
    # a character whose lower case is longer ("İ" -> "i̇") before the hit
    ("İstanbul en Clearview", "clearview-ai", "Clearview"),
    # zero-width space before the hit and a line break inside it
    ("\u200bDe IMSI-\ncatcher werd ingezet.", "imsi-catcher", "IMSI-\ncatcher"),
])
def test_offsets_point_into_the_original_text(vocab: Vocabulary, text: str, tool_id: str, matched: str) -> None:
    [hit] = [h for h in vocab.find(text) if h.tool_id == tool_id]
    assert hit.matched == matched
    assert text[hit.start:hit.end] == matched


def test_find_returns_every_hit_in_text_order(vocab: Vocabulary) -> None:
    text = "Drones, ANPR en nog een drone. Daarna opnieuw ANPR."
    hits = vocab.find(text)
    assert [(h.tool_id, h.matched) for h in hits] == [
        ("drones", "Drones"), ("anpr", "ANPR"), ("drones", "drone"), ("anpr", "ANPR"),
    ]
    assert [h.start for h in hits] == sorted(h.start for h in hits)


def test_overlapping_aliases_of_one_tool_give_one_hit(vocab: Vocabulary) -> None:
    hits = vocab.find("De NSO Group verkoopt spyware.")
    assert [(h.tool_id, h.alias) for h in hits if h.tool_id == "pegasus"] == [("pegasus", "NSO Group")]


# --- tag and explain ------------------------------------------------------------------------------

def test_tag_returns_distinct_tools_in_order_of_first_hit(vocab: Vocabulary) -> None:
    text = "Clearview en gezichtsherkenningssoftware; later weer Clearview en een drone."
    tools = vocab.tag(text)
    assert tools == [
        Tool(id="clearview-ai", name=vocab.get("clearview-ai").name, category="biometrics"),
        Tool(id="facial-recognition", name=vocab.get("facial-recognition").name, category="biometrics"),
        Tool(id="drones", name=vocab.get("drones").name, category="drones"),
    ]


def test_explain(vocab: Vocabulary) -> None:
    text = "Gebruikt de politie Clearview of andere gezichtsherkenningssoftware?"
    assert vocab.explain(text) == 'clearview-ai ("Clearview"), facial-recognition ("gezichtsherkenningssoftware")'
    assert vocab.explain("Een vraag over de begroting.") == ""


# --- search terms ----------------------------------------------------------------------------------

def test_search_terms_content(vocab: Vocabulary) -> None:
    terms = vocab.search_terms()
    for term in ("clearview", "pegasus", "anpr", "gezichtsherkenning", "reconnaissance faciale", "drone"):
        assert term in terms
    assert terms == sorted(set(terms))
    assert all(term == term.lower() for term in terms)
    # context-only or case-sensitive words would flood a remote full-text query
    for term in ("stingray", "predator", "cas", "catch", "nso", "graphite", "paragon", "ring",
                 "bewaarplicht", "conservation des données", "camera"):
        assert term not in terms
    # long legal phrases are left out; their short forms are in
    assert "onderzoek in een geautomatiseerd werk" not in terms
    assert "hackbevoegdheid" in terms


def test_search_terms_exclude_every_context_alias_not_marked_searchable(vocab: Vocabulary) -> None:
    terms = set(vocab.search_terms())
    searchable = {a.term.lower() for e in vocab.entries for a in e.terms if a.search}
    for entry in vocab.entries:
        for alias in entry.terms:
            if (alias.context or alias.case_sensitive) and not alias.search:
                assert alias.term.lower() not in terms or alias.term.lower() in searchable


def test_search_terms_by_language(vocab: Vocabulary) -> None:
    french = vocab.search_terms(["fr"])
    assert "reconnaissance faciale" in french
    assert "gezichtsherkenning" not in french
    with pytest.raises(ValueError):
        vocab.search_terms(["de"])


# --- malformed files -------------------------------------------------------------------------------

VALID = """\
version: 1
categories:
  drones: {nl: Drones, fr: Drones, en: Drones}
  spyware: {nl: Spionagesoftware, fr: Logiciels espions, en: Spyware}
contexts:
  spyware: [spyware, telefoon]
tools:
  - id: drones
    name: Drones
    category: drones
    vendor: null
    aliases:
      nl: [drone]
      fr: [drone]
      en: [UAV]
  - id: pegasus
    name: Pegasus
    category: spyware
    vendor: NSO Group
    aliases:
      nl: [{term: Pegasus, context: spyware}]
      fr: [logiciel Pegasus]
      en: [NSO Group]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tools.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_minimal_valid_file_loads(tmp_path: Path) -> None:
    vocab = Vocabulary.load(write(tmp_path, VALID))
    assert [e.id for e in vocab.entries] == ["drones", "pegasus"]
    assert tool_ids(vocab, "Pegasus op de telefoon, gezien vanaf een drone") == ["pegasus", "drones"]


@pytest.mark.parametrize(("old", "new", "reason"), [
    ("  - id: pegasus\n", "  - id: drones\n", "duplicate id"),
    ("      en: [NSO Group]\n", "      en: [NSO Group, UAV]\n", "also an alias"),
    ("      en: [NSO Group]\n", "      en: [NSO Group, U-A-V]\n", "also an alias"),  # separators do not make it new
    ("    category: spyware\n", "    category: hacking\n", "unknown category"),
    ("      fr: [logiciel Pegasus]\n", "", "missing fr alias"),
    ("      fr: [drone]\n", "      fr: []\n", "missing fr alias"),
    ("{term: Pegasus, context: spyware}", "{term: Pegasus, context: horses}", "unknown context"),
    ("{term: Pegasus, context: spyware}", "{term: Pegasus, colour: blue}", "unknown options"),
    ("    vendor: NSO Group\n", "    vendor: NSO Group\n    website: x\n", "unknown keys"),
    ("    vendor: NSO Group\n", "", "missing 'vendor'"),
    ("version: 1\n", "version: 2\n", "unsupported version"),
    ("      en: [UAV]\n", "      en: [{term: UAV, compound: head}]\n", "too short"),
    ("      en: [UAV]\n", "      en: [{term: uav, case_sensitive: true}]\n", "upper-case"),
    ("      fr: [drone]\n", "      fr: [{term: drone, plural: false}]\n", "different options"),
    ("      en: [UAV]\n", "      en: [{term: unmanned drone, compound: tail}]\n", "one-word alias"),
    ("  - id: drones\n", "  - id: Drones!\n", "slug"),
    ("      en: [UAV]\n", "      en: ['UAV\"s']\n", "bad alias"),
    ("  drones: {nl: Drones, fr: Drones, en: Drones}\n", "  drones: {nl: Drones, fr: Drones}\n", "labels"),
])
def test_malformed_file_raises(tmp_path: Path, old: str, new: str, reason: str) -> None:
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(VocabularyError, match=reason):
        Vocabulary.load(path)


def test_invalid_yaml_raises_vocabulary_error(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="not valid YAML"):
        Vocabulary.load(write(tmp_path, "tools: [unclosed\n"))


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="expected a mapping"):
        Vocabulary.load(write(tmp_path, "- just a list\n"))


def test_camera_footage_counts_but_a_bare_camera_does_not():
    # constructed sentences
    voc = default_vocabulary()
    assert [t.id for t in voc.tag("Worden de camerabeelden van de stichting aan de politie gekoppeld?")] == ["cctv"]
    assert [t.id for t in voc.tag("Hoeveel verborgen camera's staan er in straatkasten?")] == ["cctv"]
    assert voc.tag("De minister stond voor de camera van de NOS.") == []
