"""Text analysis shared by the index and the queries: analyzers, Dutch decompounding, highlighting.

Analyzers (registered with every tantivy index under these names; the Elasticsearch backend
will declare the same chains in its mapping):

* ``nl``: simple tokenizer (splits on anything not a letter or digit, so "ANPR-camera's" is
  anpr, camera, s), lower case, ASCII folding (België = belgie), Snowball Dutch stemmer.
  Folding comes *before* stemming so that a query typed without accents meets the same stem.
  Note: tantivy's only Dutch stemmer is Snowball 3 ("vragen"/"vraag" -> vraag, but also
  "minister" -> mini, "gebruik" -> bruik); it is applied to index and query alike, so recall is
  what matters, and the stems never reach a user.
* ``fr``: the same chain with the French stemmer. Folding first again: stemming first gives
  "caméras" -> camer but "camera" -> cam, so an unaccented query would miss.
* ``plain``: lower case and folding without stemming: the spelling vocabulary for "did you mean".

Decompounding happens here in Python, at index time, into a separate ``parts`` field, instead
of tantivy's ``split_compound`` filter. Measured with the same word list on seven query/compound
pairs (tests/search/test_analysis.py::test_measured_recall_of_compound_splitting):
``split_compound`` finds 3, ``Decompounder`` 7. ``split_compound`` only splits a word that decomposes *entirely* into list words without linking
letters and then *replaces* it by its parts: "gezichtsherkenningssoftware" (linking -s-) stays
whole, "cameratoezicht" becomes camera + toezicht and the exact word is no longer indexed as
one term, and it cannot emit "gezichtsherkenning" (two parts together). ``Decompounder``
accepts the linking letters s/e/en, a plural ending after the last part, keeps the original
word in the main field, and emits every part and every run of adjacent parts, so
"gezichtsherkenning", "herkenning", "software" and "camera" all find their compounds while an
exact search still ranks the exact word first (``parts`` has a lower weight). It still only
splits words that decompose completely into known words, which keeps false splits out
("voorbeeld" is not voor + beeld: function words are not in the list).
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import tantivy

from archive.vocabulary import Vocabulary, default_vocabulary

WORDS_PATH = Path(__file__).resolve().parent.parent / "data" / "search" / "nl-compound-words.txt"

ANALYZERS = ("nl", "fr", "plain")
# Tokens longer than this are not words (hashes, URLs without separators, base64 in a PDF).
MAX_TOKEN_CHARS = 60

# Decompounding limits: a compound has at least two parts of at least MIN_PART letters.
MIN_COMPOUND_CHARS = 7
MIN_PART = 3
MAX_PARTS = 6
_AFFIX_KEY = 4
LINKERS = ("", "s", "e", "en")
# Endings allowed after the last part ("camerabeelden" = camera + beeld + en).
INFLECTIONS = ("", "s", "en", "e", "n")

# One word as the tokenizers see it: a run of letters and digits.
WORD = re.compile(r"[^\W_]+")
# \w (with "_") instead of [^\W_]: twice as fast in `re`, and a word with "_" is in no list.
_LONG_WORD = re.compile(rf"\w{{{MIN_COMPOUND_CHARS},}}")


class AnalysisError(ValueError):
    """The word list or an analyzer name is unusable."""


# --- analyzers ---------------------------------------------------------------------------

# Single letters left by apostrophes and initials ("camera's", "'t", "d'immatriculation",
# "F.B.J."): they carry no meaning, and as a second token they turn a one-word query into a
# much slower phrase query ("camera's" took 2.5x as long as "camera" at 100k records).
SINGLE_LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]


def _chain(*filters: tantivy.Filter) -> tantivy.TextAnalyzer:
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
    for f in (tantivy.Filter.lowercase(), tantivy.Filter.ascii_fold(),
              tantivy.Filter.custom_stopword(SINGLE_LETTERS), *filters):
        builder = builder.filter(f)
    return builder.build()


@functools.cache
def text_analyzer(name: str) -> tantivy.TextAnalyzer:
    """The tantivy analyzer registered under ``name`` (also used to analyze query words)."""
    if name == "nl":
        return _chain(tantivy.Filter.stemmer("dutch"))
    if name == "fr":
        return _chain(tantivy.Filter.stemmer("french"))
    if name == "plain":
        return _chain()
    raise AnalysisError(f"unknown analyzer {name!r}; known: {', '.join(ANALYZERS)}")


def register_analyzers(index: tantivy.Index) -> None:
    for name in ANALYZERS:
        index.register_tokenizer(name, text_analyzer(name))


@functools.lru_cache(maxsize=1)
def _stop_analyzer() -> tantivy.TextAnalyzer:
    return _chain(tantivy.Filter.stopword("dutch"), tantivy.Filter.stopword("french"))


@functools.lru_cache(maxsize=4096)
def is_stopword(word: str) -> bool:
    """Dutch or French function word ("van", "de", "la"): searched, but not worth a <mark>."""
    return bool(text_analyzer("plain").analyze(word)) and not _stop_analyzer().analyze(word)


def analyze(name: str, text: str) -> list[str]:
    return text_analyzer(name).analyze(text)


# --- folding -----------------------------------------------------------------------------

@functools.lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Lower case without accents, as the decompounder's word list is written."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


# --- decompounding -----------------------------------------------------------------------

@dataclass(frozen=True)
class _Part:
    start: int
    end: int  # end of the word itself
    surface_end: int  # end including a plural ending (last part only)


class Decompounder:
    """Splits Dutch compounds into the words they are made of (see the module docstring)."""

    def __init__(self, words: Iterable[str], heads: Iterable[str] = (), tails: Iterable[str] = ()) -> None:
        self.words = frozenset(w for w in (fold_word(w.strip()) for w in words) if len(w) >= MIN_PART)
        if not self.words:
            raise AnalysisError("the decompounder needs at least one word")
        # Curated tool aliases that may start (heads) or end (tails) a compound even when the
        # rest of the word is not in the list: "gezichtsherkenningsalgoritmes".
        # Indexed by their first / last _AFFIX_KEY letters, so a word costs a few dict lookups
        # instead of a loop over every alias (this runs for every new word of a rebuild).
        self._heads: dict[str, list[str]] = {}
        self._tails: dict[str, list[str]] = {}
        for head in sorted({fold_word(h) for h in heads if len(h) >= _AFFIX_KEY}, key=len, reverse=True):
            self._heads.setdefault(head[:_AFFIX_KEY], []).append(head)
        for tail in sorted({fold_word(t) for t in tails if len(t) >= _AFFIX_KEY}, key=len, reverse=True):
            self._tails.setdefault(tail[-_AFFIX_KEY:], []).append(tail)
        self._automaton = ahocorasick.Automaton()
        for word in self.words:
            self._automaton.add_word(word, len(word))
        self._automaton.make_automaton()
        self._cache: dict[str, tuple[str, ...]] = {}  # lower-cased word -> parts
        self._compounds: set[str] = set()  # the cached words that have parts
        self._generation = 0  # counts cache clears

    @classmethod
    def load(cls, path: Path = WORDS_PATH, vocabulary: Vocabulary | None = None) -> Decompounder:
        words = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        words = [w for w in words if w and not w.startswith("#")]
        bad = [w for w in words if not WORD.fullmatch(w) or w != fold_word(w)]
        if bad:
            raise AnalysisError(f"{path}: words must be one lower-case unaccented word each: {bad[:5]}")
        heads: list[str] = []
        tails: list[str] = []
        for entry in (vocabulary or default_vocabulary()).entries:
            for alias in entry.terms:
                if "nl" not in alias.languages or len(alias.tokens) != 1 or alias.case_sensitive:
                    continue
                token = alias.tokens[0]
                if not WORD.fullmatch(token) or len(token) < 5:
                    continue
                if alias.compound != "none":
                    words.append(token)
                if alias.compound in ("head", "both"):
                    heads.append(token)
                if alias.compound in ("tail", "both"):
                    tails.append(token)
        return cls(words, heads, tails)

    def parts(self, word: str) -> tuple[str, ...]:
        """The words inside ``word`` worth indexing (not ``word`` itself), folded; () when it
        is not a compound of known words."""
        if len(word) < MIN_COMPOUND_CHARS:
            return ()
        key = word.lower()
        cached = self._cache.get(key)
        if cached is None:
            cached = self._remember(key)
        return cached

    def _remember(self, key: str) -> tuple[str, ...]:
        if len(self._cache) > 200_000:  # bounded (~20 MB); a rebuild recomputes what it dropped
            self._cache.clear()
            self._compounds.clear()
            self._generation += 1
        found = self._compute(fold_word(key))
        self._cache[key] = found
        if found:
            self._compounds.add(key)
        return found

    def _compute(self, token: str) -> tuple[str, ...]:
        out: dict[str, None] = {}
        split = self._split(token)
        if split:
            for a in range(len(split)):
                for b in range(a, len(split)):
                    start, last = split[a].start, split[b]
                    for end in {last.end, last.surface_end}:
                        if (start, end) != (0, len(token)):
                            out[token[start:end]] = None
            for part in split:
                for sub in self.parts(token[part.start:part.end]):
                    out[sub] = None
        else:
            for head in self._heads.get(token[:_AFFIX_KEY], ()):
                if token.startswith(head) and len(token) - len(head) >= MIN_PART:
                    out[head] = None
                    break
            tail, at = self._tail(token)
            if tail is not None:
                out[token[at:]] = None
                out[tail] = None
            for alias in list(out):  # "xyzcameratoezicht": camera and toezicht too
                out.update(dict.fromkeys(self.parts(alias)))
        return tuple(out)

    def _tail(self, token: str) -> tuple[str | None, int]:
        """The longest tail alias ending ``token`` (before a plural ending), and where it starts."""
        for ending in INFLECTIONS:
            if not token.endswith(ending):
                continue
            stem_end = len(token) - len(ending)
            for tail in self._tails.get(token[stem_end - _AFFIX_KEY:stem_end], ()):
                at = stem_end - len(tail)
                if at >= MIN_PART and token.startswith(tail, at):
                    return tail, at
        return None, -1

    def _split(self, token: str) -> list[_Part] | None:
        """Fewest-parts complete decomposition (longer words first on ties), or None."""
        n = len(token)
        ends_at: dict[int, list[int]] = {}
        for last, length in self._automaton.iter(token):
            ends_at.setdefault(last - length + 1, []).append(last + 1)
        if not ends_at:
            return None
        best: dict[int, list[_Part] | None] = {n: []}
        for i in range(n - 1, -1, -1):
            choice: list[_Part] | None = None
            for j in sorted(ends_at.get(i, ()), reverse=True):
                candidates: list[list[_Part]] = []
                rest = token[j:]
                # "lekken": a plural may double the last consonant of its word.
                if rest in INFLECTIONS or (len(rest) == 3 and rest == token[j - 1] + "en"):
                    candidates.append([_Part(i, j, n)])
                for link in LINKERS:
                    k = j + len(link)
                    if k < n and token.startswith(link, j) and best.get(k):
                        candidates.append([_Part(i, j, j), *best[k]])  # type: ignore[misc]
                for cand in candidates:
                    # The whole token as one list word is not a split ("cameratoezicht" is in
                    # the list as a tool alias and must still split into camera + toezicht).
                    if i == 0 and len(cand) < 2:
                        continue
                    if len(cand) <= MAX_PARTS and (choice is None or len(cand) < len(choice)):
                        choice = cand
            best[i] = choice
        found = best.get(0)
        return found if found and len(found) >= 2 else None

    def text_parts(self, text: str) -> list[str]:
        """Parts of every compound in ``text``, each once (the ``parts`` field). Runs once per
        record at index time, so the per-word work is set operations in C: only words never
        seen before are split, only known compounds are looked up."""
        words = set(_LONG_WORD.findall(text.lower()))
        generation = self._generation
        for word in words.difference(self._cache):
            self._remember(word)
        if generation != self._generation:  # the cache was cleared half-way: look each word up
            return list(dict.fromkeys(itertools.chain.from_iterable(self.parts(w) for w in sorted(words))))
        cache = self._cache
        return list(dict.fromkeys(itertools.chain.from_iterable(cache[w] for w in words & self._compounds)))


@functools.lru_cache(maxsize=1)
def default_decompounder() -> Decompounder:
    return Decompounder.load()


# --- highlighting ------------------------------------------------------------------------

FRAGMENT_CHARS = 200
MAX_FRAGMENTS = 3
ELLIPSIS = "\u2026"


class _WordTerms:
    """Per process and language: every word seen in a highlighted text -> its analyzed terms
    (with those of its compound parts for Dutch), and the reverse, term -> words. Highlighting
    a record then costs set operations in C: the words of its text that are new are analyzed
    once, the matching words are (words of the text) & (words of the query's terms)."""

    LIMIT = 50_000  # words kept before starting afresh (~20 MB: the web process has a budget)

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.terms: dict[str, frozenset[str]] = {}
        self.words: dict[str, set[str]] = {}
        self.lock = threading.Lock()

    def learn(self, words: set[str], decompounder: Decompounder) -> None:
        new = words.difference(self.terms)
        if not new:
            return
        analyzer = text_analyzer(self.lang)
        with self.lock:
            if len(self.terms) > self.LIMIT:
                self.terms.clear()
                self.words.clear()
                new = words
            for word in new:
                found = set(analyzer.analyze(word))
                if self.lang == "nl":
                    for part in decompounder.parts(word):
                        found.update(analyzer.analyze(part))
                self.terms[word] = frozenset(found)
                for term in found:
                    self.words.setdefault(term, set()).add(word)

    def words_for(self, terms: Iterable[str]) -> set[str]:
        with self.lock:
            return set().union(*(self.words.get(t, ()) for t in terms))


_WORD_TERMS = {lang: _WordTerms(lang) for lang in ("nl", "fr")}
_TEXT_WORD = re.compile(r"\w+")


class Highlighter:
    """Marks the words of a text that a query matched, the way the index matched them: a word
    matches when its analyzed form, or the analyzed form of one of its compound parts, is
    one of the query's analyzed terms (so "gezichtsherkenning" marks
    "gezichtsherkenningssoftware"). Only the returned page is highlighted."""

    def __init__(self, terms: Mapping[str, frozenset[str]], decompounder: Decompounder | None = None) -> None:
        self.terms = terms  # analyzer name ("nl", "fr") -> analyzed query terms
        self.decompounder = decompounder or default_decompounder()

    def _matched_words(self, lowered: str, lang: str) -> set[str]:
        terms = self.terms.get(lang)
        table = _WORD_TERMS.get(lang)
        if not terms or table is None:
            return set()
        words = set(_TEXT_WORD.findall(lowered))
        table.learn(words, self.decompounder)
        return words & table.words_for(terms)

    def fragments(self, segments: Sequence[str], lang: str, fallback: Sequence[str] = ()) -> list[str]:
        """At most MAX_FRAGMENTS HTML-safe fragments of about FRAGMENT_CHARS characters from
        ``segments`` (questions, answers), matches in <mark>; the first of ``fallback`` (the
        title) is tried when nothing in the segments matched, and when still nothing matched
        the opening of the first segment is returned unmarked as an excerpt."""
        found: list[_Window] = []
        for texts in (segments, fallback[:1]):
            # Segment by segment, stopping once there are enough windows to choose the best
            # fragments from: a long answer is not scanned to its end.
            for text in texts:
                lowered = text.lower()
                matched = self._matched_words(lowered, lang)
                if matched:
                    found.extend(_windows(text, lowered, matched))
                    if len(found) >= 2 * MAX_FRAGMENTS:
                        break
            if found:
                break
        if not found:
            opening = next((t for t in (*segments, *fallback) if t.strip()), "")
            return [html.escape(_excerpt(opening))] if opening else []
        order = sorted(range(len(found)), key=lambda i: -found[i].score)[:MAX_FRAGMENTS]
        return [found[i].html() for i in sorted(order)]


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= FRAGMENT_CHARS:
        return text
    cut = text.rfind(" ", 0, FRAGMENT_CHARS)
    return text[: cut if cut > FRAGMENT_CHARS // 2 else FRAGMENT_CHARS] + ELLIPSIS


@dataclass
class _Window:
    text: str
    start: int
    end: int
    spans: list[tuple[int, int]]

    @property
    def score(self) -> int:
        return len({self.text[a:b].lower() for a, b in self.spans})

    def html(self) -> str:
        return _render(self.text, self.start, self.end, self.spans)


def _spans(text: str, lowered: str, words: set[str]) -> list[tuple[int, int]]:
    """Where the words occur as whole words (str.find runs in C; a regex alternation over the
    words was the slowest step of a search). ``lowered`` must align with ``text``."""
    spans = []
    n = len(lowered)
    for word in words:
        at = lowered.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not _is_word_char(lowered[at - 1])) and (end == n or not _is_word_char(lowered[end])):
                spans.append((at, end))
            at = lowered.find(word, end)
    spans.sort()
    return spans


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _windows(text: str, lowered: str, words: set[str]) -> list[_Window]:
    """Windows of ~FRAGMENT_CHARS around the matches of one text (rendered only if chosen)."""
    if len(lowered) != len(text):  # lower() changed lengths ("İ"): offsets would not align
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    spans = _spans(text, lowered, words)
    out: list[_Window] = []
    i = 0
    while i < len(spans):
        first_start, first_end = spans[i]
        start = _window_start(text, first_start)
        end = min(len(text), start + FRAGMENT_CHARS)
        if end < len(text):
            space = text.rfind(" ", first_end, end)
            end = space if space > first_end else max(end, first_end)
        j = i
        while j < len(spans) and spans[j][1] <= end:
            j += 1
        if j == i:  # a match longer than a window
            end = spans[i][1]
            j = i + 1
        out.append(_Window(text, start, end, spans[i:j]))
        i = j
    return out


def _window_start(text: str, match_start: int) -> int:
    """Start a fragment a little before its first match, at a word boundary, and early enough
    to fill the fragment when the match is near the end of the text."""
    start = min(match_start - FRAGMENT_CHARS // 4, len(text) - FRAGMENT_CHARS)
    if start <= 0:
        return 0
    space = text.find(" ", start, match_start)
    return space + 1 if space != -1 else start


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    pieces = [ELLIPSIS] if start > 0 else []
    pos = start
    for a, b in spans:
        pieces.append(html.escape(text[pos:a]))
        pieces.append(f"<mark>{html.escape(text[a:b])}</mark>")
        pos = b
    pieces.append(html.escape(text[pos:end]))
    if end < len(text):
        pieces.append(ELLIPSIS)
    return " ".join("".join(pieces).split()) if "\n" in text[start:end] else "".join(pieces)
