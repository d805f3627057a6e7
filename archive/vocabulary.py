"""The surveillance-tool vocabulary (``data/vocabulary/tools.yaml``) and the tagger built on it.

``Vocabulary.find(text)`` returns every alias occurrence (``Hit``) with offsets into the original
text; ``tag`` turns them into the ``archive.model.Tool`` list a record carries; ``explain`` is the
human-readable reason kept in ``DocumentProvenance.reason``; ``search_terms`` feeds the remote
full-text queries (``cql.textAndIndexes="..."``) that decide what the crawler fetches.

How matching works, and why:

* The text is folded once: lower case, accents stripped, apostrophe and hyphen variants unified,
  whitespace to a plain space. Folding maps one character to one character, so an offset in the
  folded text is the same offset in the original text and no index table is needed. Only texts
  with characters that must be *dropped* (soft hyphens, zero-width spaces, decomposed accents as
  PDF extraction leaves them) or that change length when lower-cased take a slower path that
  keeps a table of original offsets.
* An Aho-Corasick automaton (pyahocorasick, C) scans the folded text once for the start of every
  alias (its first two words for multi-word aliases) and for the context words; each candidate
  is then checked by that alias's own small regex anchored at the candidate position (word
  boundaries, optional separators, plural endings, compounding, exclusions). Scanning is linear
  in the text whatever the vocabulary size, and the regexes only run where an alias can start.
  Alternation regexes over all aliases (or all context words) re-try every alternative at every
  position: measured 3-4x slower on a 10 KB text. With the bundled vocabulary, tagging runs at
  about 4,500-6,000 texts of 10 KB per second on one core (fold ~80 us, scan and checks
  ~100-150 us); texts that need the dropping path about half that.
* Separators inside an alias (space or hyphen) are optional in the text, so "IMSI-catcher" also
  matches "IMSI catcher" and "imsicatcher", "Sky ECC" matches "SkyECC".
* Ambiguous aliases are opt-in per alias in the data file (``case_sensitive``, ``context``,
  ``not_followed_by``, ``compound``), so the rules live next to the words they are about.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from archive.model import Tool

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "vocabulary" / "tools.yaml"

LANGUAGES = ("nl", "fr", "en")
COMPOUND_MODES = ("none", "head", "tail", "both")
_HEAD = ("head", "both")
_TAIL = ("tail", "both")

# Short acronyms inside longer words are mostly accidents ("lapi" in "lapin", "cas" in "casus"):
# a tool-level `compound` default only reaches aliases this long, and -en plurals likewise
# ("syri" + "en" is French "syrien").
_MIN_DEFAULT_COMPOUND = 5
_MIN_COMPOUND = 4
_MIN_EN_PLURAL = 5
# search_terms() offers only short terms: a long legal phrase is a poor remote query.
_MAX_SEARCH_WORDS = 3

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Up to three spaces/hyphens between the words of an alias: "IMSI-catcher", "IMSI catcher",
# "imsicatcher", and "inlichtingen- en" (a hyphen plus a space).
_SEP = r"[\s\-]{0,3}"
_NOT_AFTER_WORD = r"(?<![^\W_])"
_NOT_BEFORE_WORD = r"(?![^\W_])"
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_TERM_CHARS = re.compile(r"[^\W_][\w'\u2019 \-]*")

# --- folding ------------------------------------------------------------------------------

_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u00b4`\u2032\u02b9"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212\u2043"
# Invisible characters that sit *inside* words (soft hyphen from HTML hyphenation, zero-width
# spaces, BOM): they must be dropped, not replaced, or "gezichts\xadherkenning" would not match.
_DELETABLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\u0300-\u036f]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# ASCII characters that fold to something else (whitespace to a space, backtick to apostrophe).
_ASCII_SPECIALS = "\t\n\r\x0b\x0c`"


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character to exactly one folded character (length-preserving by construction)."""
    if ch in _APOSTROPHES:
        return "'"
    if ch in _HYPHENS:
        return "-"
    if ch.isspace():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    base = base.lower()
    if len(base) == 1:
        return base
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def _droppable(ch: str) -> bool:
    return ch in _DELETABLE or unicodedata.combining(ch) != 0


def _fold(text: str) -> tuple[str, list[int] | None]:
    """Folded text, plus a table folded-offset -> original-offset when the lengths differ
    (``None`` means offsets are identical)."""
    specials = set(_NON_ASCII.findall(text))
    if any(_droppable(ch) for ch in specials):
        return _fold_dropping(text)
    folded = text.lower()
    if len(folded) != len(text):  # "İ".lower() is two characters
        return _fold_per_char(text)
    # A text holds few *distinct* special characters (é, ë, ’, newline...): replacing each one
    # with str.replace runs in C, where a per-character callback or str.translate with a dict
    # costs a Python-level lookup per character (measured 3-5x slower on a 10 KB text).
    for ch in {c.lower() for c in specials}.union(c for c in _ASCII_SPECIALS if c in folded):
        replacement = _fold_char(ch)
        if replacement != ch:
            folded = folded.replace(ch, replacement)
    return folded, None


def _fold_dropping(text: str) -> tuple[str, list[int] | None]:
    """Drop invisible characters and combining accents, then fold what is left; the offset
    table is built from whole segments so a long text with a few soft hyphens stays fast."""
    segments: list[str] = []
    index: list[int] = []
    pos = 0
    for match in _DROP.finditer(text):
        segments.append(text[pos:match.start()])
        index.extend(range(pos, match.start()))
        pos = match.end()
    if pos == 0:  # a droppable character outside _DROP (a rare combining mark)
        return _fold_per_char(text)
    segments.append(text[pos:])
    index.extend(range(pos, len(text)))
    folded, inner = _fold("".join(segments))
    if inner is not None:
        index = [index[i] for i in inner[:-1]]
    index.append(len(text))
    return folded, index


def _fold_per_char(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if _droppable(ch):
            continue
        out.append(_fold_char(ch))
        index.append(i)
    index.append(len(text))
    return "".join(out), index


def fold(text: str) -> str:
    """The folded form of ``text`` (lower case, no accents, unified apostrophes/hyphens) as the
    matcher sees it."""
    return _fold(text)[0]


def _tokens(term: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s\-]+", fold(term).strip()) if t)


# --- public data types --------------------------------------------------------------------

class VocabularyError(ValueError):
    """The vocabulary file is malformed (the message names the file and the entry)."""


@dataclass(frozen=True)
class Alias:
    """One way a tool is written, with the options that govern matching it."""

    term: str  # as written in the data file
    languages: tuple[str, ...]
    case_sensitive: bool = False
    context: str | None = None  # name of a context set that must occur in the same text
    compound: str = "none"  # none | head | tail | both (Dutch compounds)
    plural: bool = True
    not_followed_by: tuple[str, ...] = ()
    search: bool = True  # offered by search_terms()

    @property
    def tokens(self) -> tuple[str, ...]:
        return _tokens(self.term)


@dataclass(frozen=True)
class ToolEntry:
    id: str
    name: str
    category: str
    vendor: str | None
    aliases: dict[str, tuple[str, ...]] = field(hash=False)  # language -> terms as written
    terms: tuple[Alias, ...] = ()  # the aliases with their matching options, deduplicated
    note: str | None = None

    def tool(self) -> Tool:
        return Tool(id=self.id, name=self.name, category=self.category)


@dataclass(frozen=True)
class Hit:
    tool_id: str
    alias: str  # the vocabulary term that matched
    matched: str  # the original text, widened to the whole word for compounds
    start: int  # offsets into the original text
    end: int


# --- loading and validation -----------------------------------------------------------------

_TOP_KEYS = {"version", "categories", "contexts", "tools"}
_TOOL_KEYS = {"id", "name", "category", "vendor", "aliases", "compound", "note"}
_ALIAS_KEYS = {"term", "case_sensitive", "context", "compound", "plural", "not_followed_by", "search"}


class _Loader:
    """Turns the parsed YAML into entries, raising VocabularyError with the file and entry."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, reason: str) -> VocabularyError:
        return VocabularyError(f"{self.source}: {where}: {reason}")

    def load(self, data: Any) -> tuple[dict[str, dict[str, str]], dict[str, tuple[str, ...]],
                                       tuple[ToolEntry, ...]]:
        if not isinstance(data, dict):
            raise self.fail("top level", f"expected a mapping, got {type(data).__name__}")
        unknown = set(data) - _TOP_KEYS
        if unknown:
            raise self.fail("top level", f"unknown keys {sorted(unknown)}")
        if data.get("version") != 1:
            raise self.fail("top level", f"unsupported version {data.get('version')!r} (expected 1)")
        categories = self.categories(data.get("categories"))
        contexts = self.contexts(data.get("contexts", {}))
        raw_tools = data.get("tools")
        if not isinstance(raw_tools, list) or not raw_tools:
            raise self.fail("tools", "expected a non-empty list")
        entries = tuple(self.tool(raw, i, categories, contexts) for i, raw in enumerate(raw_tools))
        self.check_unique(entries)
        return categories, contexts, entries

    def categories(self, raw: Any) -> dict[str, dict[str, str]]:
        if not isinstance(raw, dict) or not raw:
            raise self.fail("categories", "expected a non-empty mapping id -> {nl, fr, en}")
        out: dict[str, dict[str, str]] = {}
        for cid, labels in raw.items():
            if not isinstance(cid, str) or not _SLUG.fullmatch(cid):
                raise self.fail(f"category {cid!r}", "id must be a lower-case slug")
            if not isinstance(labels, dict) or set(labels) != set(LANGUAGES):
                raise self.fail(f"category {cid}", "needs exactly the labels nl, fr, en")
            for lang, label in labels.items():
                if not isinstance(label, str) or not label.strip():
                    raise self.fail(f"category {cid}", f"empty {lang} label")
            out[cid] = {lang: labels[lang] for lang in LANGUAGES}
        return out

    def contexts(self, raw: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(raw, dict):
            raise self.fail("contexts", "expected a mapping name -> list of words")
        out: dict[str, tuple[str, ...]] = {}
        for name, words in raw.items():
            if not isinstance(name, str) or not _SLUG.fullmatch(name):
                raise self.fail(f"context {name!r}", "name must be a lower-case slug")
            if not isinstance(words, list) or not words:
                raise self.fail(f"context {name}", "expected a non-empty list of words")
            for word in words:
                if not isinstance(word, str) or not _tokens(word):
                    raise self.fail(f"context {name}", f"bad word {word!r}")
            out[name] = tuple(words)
        return out

    def tool(self, raw: Any, position: int, categories: Mapping[str, Any],
             contexts: Mapping[str, Any]) -> ToolEntry:
        if not isinstance(raw, dict):
            raise self.fail(f"tools[{position}]", "expected a mapping")
        where = f"tool {raw.get('id', f'#{position}')!r}"
        unknown = set(raw) - _TOOL_KEYS
        if unknown:
            raise self.fail(where, f"unknown keys {sorted(unknown)}")
        for key in ("id", "name", "category", "vendor", "aliases"):
            if key not in raw:
                raise self.fail(where, f"missing {key!r}")
        tool_id = raw["id"]
        if not isinstance(tool_id, str) or not _SLUG.fullmatch(tool_id):
            raise self.fail(where, "id must be a lower-case slug such as 'clearview-ai'")
        if not isinstance(raw["name"], str) or not raw["name"].strip():
            raise self.fail(where, "empty name")
        if raw["category"] not in categories:
            raise self.fail(where, f"unknown category {raw['category']!r} (declare it under categories)")
        vendor = raw["vendor"]
        if vendor is not None and (not isinstance(vendor, str) or not vendor.strip()):
            raise self.fail(where, "vendor must be a name or null")
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            raise self.fail(where, "note must be text")
        default_compound = raw.get("compound", "none")
        if default_compound not in COMPOUND_MODES:
            raise self.fail(where, f"compound must be one of {COMPOUND_MODES}")
        aliases = raw["aliases"]
        if not isinstance(aliases, dict):
            raise self.fail(where, "aliases must be a mapping nl/fr/en -> list")
        unknown = set(aliases) - set(LANGUAGES)
        if unknown:
            raise self.fail(where, f"unknown alias languages {sorted(unknown)}")
        by_lang: dict[str, tuple[str, ...]] = {}
        terms: dict[tuple[Any, ...], Alias] = {}
        for lang in LANGUAGES:
            items = aliases.get(lang)
            if not isinstance(items, list) or not items:
                raise self.fail(where, f"missing {lang} alias (every entry needs nl, fr and en aliases)")
            written = []
            for item in items:
                alias = self.alias(item, lang, default_compound, contexts, where)
                written.append(alias.term)
                self.merge(terms, alias, where)
            by_lang[lang] = tuple(written)
        return ToolEntry(id=tool_id, name=raw["name"], category=raw["category"], vendor=vendor,
                         aliases=by_lang, terms=tuple(terms.values()), note=note)

    def alias(self, item: Any, lang: str, default_compound: str, contexts: Mapping[str, Any],
              where: str) -> Alias:
        options: dict[str, Any] = {"term": item} if isinstance(item, str) else item
        if not isinstance(options, dict):
            raise self.fail(where, f"{lang} alias must be text or a mapping, got {item!r}")
        unknown = set(options) - _ALIAS_KEYS
        if unknown:
            raise self.fail(where, f"alias {options.get('term')!r}: unknown options {sorted(unknown)}")
        term = options.get("term")
        if not isinstance(term, str) or not _TERM_CHARS.fullmatch(term.strip()):
            raise self.fail(where, f"bad alias {term!r} (letters, digits, apostrophes, spaces, hyphens)")
        term = term.strip()
        tokens = _tokens(term)
        if not tokens or not all(_TOKEN.fullmatch(t) for t in tokens):
            raise self.fail(where, f"bad alias {term!r}")
        letters = sum(len(t) for t in tokens)
        case_sensitive = options.get("case_sensitive", False)
        if not isinstance(case_sensitive, bool):
            raise self.fail(where, f"alias {term!r}: case_sensitive must be true/false")
        if case_sensitive and term == term.lower():
            raise self.fail(where, f"alias {term!r}: case_sensitive needs an upper-case letter")
        context = options.get("context")
        if context is not None and context not in contexts:
            raise self.fail(where, f"alias {term!r}: unknown context {context!r}")
        if "compound" in options:
            compound = options["compound"]
            if compound not in COMPOUND_MODES:
                raise self.fail(where, f"alias {term!r}: compound must be one of {COMPOUND_MODES}")
            if compound != "none" and letters < _MIN_COMPOUND:
                raise self.fail(where, f"alias {term!r}: too short to match inside compounds")
            if compound in _TAIL and len(tokens) > 1:
                raise self.fail(where, f"alias {term!r}: only a one-word alias can end a compound")
        else:
            compound = default_compound if letters >= _MIN_DEFAULT_COMPOUND else "none"
            # A multi-word alias ending a compound would glue its first word onto anything
            # ("loi caméras" inside "emploi caméras").
            if len(tokens) > 1 and compound in _TAIL:
                compound = "head" if compound == "both" else "none"
        plural = options.get("plural", True)
        if not isinstance(plural, bool):
            raise self.fail(where, f"alias {term!r}: plural must be true/false")
        not_followed = options.get("not_followed_by", [])
        if not isinstance(not_followed, list) or not all(isinstance(w, str) and _tokens(w) for w in not_followed):
            raise self.fail(where, f"alias {term!r}: not_followed_by must be a list of words")
        search = options.get("search", context is None and not case_sensitive)
        if not isinstance(search, bool):
            raise self.fail(where, f"alias {term!r}: search must be true/false")
        return Alias(term=term, languages=(lang,), case_sensitive=case_sensitive, context=context,
                     compound=compound, plural=plural, not_followed_by=tuple(not_followed),
                     search=search)

    def merge(self, terms: dict[tuple[Any, ...], Alias], alias: Alias, where: str) -> None:
        # The same term in several languages of one tool is one matcher; a case-sensitive
        # spelling ("CATCH") is a different term from another spelling ("Catch").
        key = (alias.term if alias.case_sensitive else None, alias.tokens)
        known = terms.get(key)
        if known is None:
            terms[key] = alias
            return
        if _options(known) != _options(alias):
            raise self.fail(where, f"alias {alias.term!r} listed twice with different options")
        if alias.languages[0] not in known.languages:
            terms[key] = Alias(**{**_fields(known), "languages": known.languages + alias.languages})

    def check_unique(self, entries: Iterable[ToolEntry]) -> None:
        seen_ids: set[str] = set()
        owner: dict[str, str] = {}
        for entry in entries:
            if entry.id in seen_ids:
                raise self.fail(f"tool {entry.id!r}", "duplicate id")
            seen_ids.add(entry.id)
            for alias in entry.terms:
                # Separators are optional when matching, so "Sky ECC" and "SkyECC" are one alias.
                key = "".join(alias.tokens)
                other = owner.get(key)
                if other is not None and other != entry.id:
                    raise self.fail(f"tool {entry.id!r}", f"alias {alias.term!r} is also an alias of {other!r}")
                owner[key] = entry.id


def _fields(alias: Alias) -> dict[str, Any]:
    return {f: getattr(alias, f) for f in Alias.__dataclass_fields__}


def _options(alias: Alias) -> tuple[Any, ...]:
    return (alias.case_sensitive, alias.context, alias.compound, alias.plural,
            alias.not_followed_by, alias.search)


# --- compiled matchers --------------------------------------------------------------------

def _inner_plural(token: str) -> str:
    # French multi-word aliases inflect every word: "caméras intelligentes", "balises GPS".
    return "(?:s|x)?" if token.endswith(("au", "eu")) else "s?"


def _final_plural(token: str, letters: int) -> str:
    endings = ["'s", "s"]
    if letters >= _MIN_EN_PLURAL:
        endings.append("en")
    if token.endswith(("au", "eu")):
        endings.append("x")
    return "(?:" + "|".join(re.escape(e) for e in endings) + ")?"


def _words_pattern(words: Iterable[str]) -> str:
    alternatives = sorted({_SEP.join(re.escape(t) for t in _tokens(w)) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(alternatives) + ")"


def _alias_regex(alias: Alias) -> re.Pattern[str]:
    tokens = alias.tokens
    letters = sum(len(t) for t in tokens)
    parts = []
    for i, token in enumerate(tokens):
        part = re.escape(token)
        if i < len(tokens) - 1:
            part += (_inner_plural(token) if alias.plural else "") + _SEP
        parts.append(part)
    left = "" if alias.compound in _TAIL else _NOT_AFTER_WORD
    exclude = ""
    if alias.not_followed_by:
        exclude = rf"(?!s?{_SEP}{_words_pattern(alias.not_followed_by)}{_NOT_BEFORE_WORD})"
    plural = _final_plural(tokens[-1], letters) if alias.plural else ""
    right = r"[^\W_]*" if alias.compound in _HEAD else _NOT_BEFORE_WORD
    return re.compile(f"{left}(?P<core>{''.join(parts)}){exclude}{plural}{right}")


def _automaton_keys(alias: Alias) -> set[str]:
    """The folded strings an occurrence of the alias starts with, for the automaton.

    A one-word alias is its own key. A longer alias is keyed on its first two words with every
    separator the text may put between them (none, space, hyphen, hyphen + line break) and the
    inner plural: keying "caméra de surveillance" on "camera" alone would stop the scan at
    every "caméra" and run all the "caméra ..." regexes there. Two words also keep one- or
    two-letter first words ("i-Police", "wi-fi") from firing at nearly every word."""
    tokens = alias.tokens
    if len(tokens) == 1:
        return {tokens[0]}
    first, second = tokens[0], tokens[1]
    endings = [""]
    if alias.plural:
        endings.append("s")
        if first.endswith(("au", "eu")):
            endings.append("x")
    return {first + ending + sep + second for ending in endings for sep in ("", " ", "-", "- ")}


@dataclass(frozen=True)
class _Matcher:
    entry: ToolEntry
    alias: Alias
    regex: re.Pattern[str]
    exact: str | None  # separator-free spelling a case-sensitive alias must have in the original


@dataclass(frozen=True)
class _Candidate:
    entry: ToolEntry
    alias: Alias
    start: int  # folded offsets
    end: int


def _strip_separators(text: str) -> str:
    return "".join(ch for ch in text if not (ch.isspace() or ch in _DELETABLE or ch == "-" or ch in _HYPHENS))


class Vocabulary:
    """The loaded vocabulary; immutable after construction and safe to share."""

    def __init__(self, entries: tuple[ToolEntry, ...], categories: dict[str, dict[str, str]],
                 contexts: dict[str, tuple[str, ...]]) -> None:
        self.entries = entries
        self.categories = categories
        self.contexts = contexts
        self._by_id = {entry.id: entry for entry in entries}
        self._automaton = self._build_automaton()

    @classmethod
    def load(cls, path: Path | None = None) -> Vocabulary:
        path = Path(path) if path is not None else DEFAULT_PATH
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise VocabularyError(f"{path}: not valid YAML: {exc}") from exc
        categories, contexts, entries = _Loader(str(path)).load(data)
        return cls(entries, categories, contexts)

    def _build_automaton(self) -> ahocorasick.Automaton:
        # One automaton for alias starts and context words alike, so a text is scanned once.
        # Value per key: (key length, alias matchers starting there, context sets it belongs to).
        matchers_by_key: dict[str, list[_Matcher]] = {}
        for entry in self.entries:
            for alias in entry.terms:
                exact = _strip_separators(alias.term) if alias.case_sensitive else None
                matcher = _Matcher(entry, alias, _alias_regex(alias), exact)
                for key in _automaton_keys(alias):
                    matchers_by_key.setdefault(key, []).append(matcher)
        contexts_by_key: dict[str, set[str]] = {}
        for name, words in self.contexts.items():
            for word in words:
                for key in _context_keys(word):
                    contexts_by_key.setdefault(key, set()).add(name)
        automaton = ahocorasick.Automaton()
        for key in matchers_by_key.keys() | contexts_by_key.keys():
            value = (len(key), tuple(matchers_by_key.get(key, ())), tuple(sorted(contexts_by_key.get(key, ()))))
            automaton.add_word(key, value)
        automaton.make_automaton()
        return automaton

    def get(self, tool_id: str) -> ToolEntry:
        try:
            return self._by_id[tool_id]
        except KeyError:
            raise KeyError(f"unknown tool id {tool_id!r}") from None

    def __len__(self) -> int:
        return len(self.entries)

    # --- matching ----------------------------------------------------------------------------

    def find(self, text: str) -> list[Hit]:
        """Every hit in text order; overlapping hits of one tool are reduced to the longest
        (hits of different tools may overlap: "Pegasus-spyware" is Pegasus and spyware)."""
        folded, index = _fold(text)
        candidates = self._candidates(text, folded, index)
        hits = []
        for cand in _longest_per_tool(candidates):
            start, end = cand.start, cand.end
            if cand.alias.compound in _TAIL:
                # Report the whole compound word ("politiedrones"), not just its tail.
                while start > 0 and folded[start - 1].isalnum():
                    start -= 1
            ostart, oend = _original_span(index, start, end)
            hits.append(Hit(cand.entry.id, cand.alias.term, text[ostart:oend], ostart, oend))
        hits.sort(key=lambda h: (h.start, -h.end, h.tool_id))
        return hits

    def _candidates(self, text: str, folded: str, index: list[int] | None) -> list[_Candidate]:
        context_spans: dict[str, list[tuple[int, int]]] = {}
        pending: list[tuple[_Matcher, re.Match[str]]] = []
        for last, (key_len, matchers, contexts) in self._automaton.iter(folded):
            pos = last - key_len + 1
            # A context word matches at the start of a word, as a prefix ("telefo" = telefoon).
            if contexts and (pos == 0 or not folded[pos - 1].isalnum()):
                for name in contexts:
                    context_spans.setdefault(name, []).append((pos, last + 1))
            for matcher in matchers:
                match = matcher.regex.match(folded, pos)
                if match is not None:
                    pending.append((matcher, match))
        seen: set[tuple[str, int, int]] = set()
        out = []
        for matcher, match in pending:
            span = (matcher.entry.id, match.start(), match.end())
            if span in seen:
                continue
            if matcher.exact is not None:
                ostart, oend = _original_span(index, *match.span("core"))
                if _strip_separators(text[ostart:oend]) != matcher.exact:
                    continue
            context = matcher.alias.context
            if context is not None:
                # The alias itself never counts as its own context ("NSO" in the spyware set);
                # a context word that only overlaps it does ("conservation des données" +
                # "données de communication").
                spans = context_spans.get(context, ())
                if not any(s < match.start() or e > match.end() for s, e in spans):
                    continue
            seen.add(span)
            out.append(_Candidate(matcher.entry, matcher.alias, match.start(), match.end()))
        return out

    def tag(self, text: str) -> list[Tool]:
        """Distinct tools in the order of their first hit."""
        tools: dict[str, Tool] = {}
        for hit in self.find(text):
            if hit.tool_id not in tools:
                tools[hit.tool_id] = self._by_id[hit.tool_id].tool()
        return list(tools.values())

    def explain(self, text: str) -> str:
        """Why the text was tagged: 'clearview-ai ("Clearview"), facial-recognition
        ("gezichtsherkenningssoftware")', first hit per tool; "" when nothing matched."""
        first: dict[str, Hit] = {}
        for hit in self.find(text):
            first.setdefault(hit.tool_id, hit)
        return ", ".join(f'{tool_id} ("{hit.matched}")' for tool_id, hit in first.items())

    def search_terms(self, languages: Iterable[str] | None = None) -> list[str]:
        """Lower-case terms for a remote full-text query, sorted, without duplicates: aliases of
        at most three words that match without a context word and are not case-sensitive (or are
        marked ``search: true``). Multi-word terms are phrases; the caller quotes them."""
        wanted = set(languages) if languages is not None else set(LANGUAGES)
        unknown = wanted - set(LANGUAGES)
        if unknown:
            raise ValueError(f"unknown languages {sorted(unknown)}")
        terms = set()
        for entry in self.entries:
            for alias in entry.terms:
                if alias.search and wanted & set(alias.languages) and len(alias.tokens) <= _MAX_SEARCH_WORDS:
                    terms.add(" ".join(alias.term.replace("\u2019", "'").lower().split()))
        return sorted(terms)


def _context_keys(word: str) -> list[str]:
    tokens = _tokens(word)
    keys = [tokens[0]]
    for token in tokens[1:]:
        keys = [key + sep + token for key in keys for sep in ("", " ", "-")]
    return keys


def _original_span(index: list[int] | None, start: int, end: int) -> tuple[int, int]:
    if index is None:
        return start, end
    # end - 1: a dropped character right after the hit (a soft hyphen) is not part of it.
    return index[start], index[end - 1] + 1


def _longest_per_tool(candidates: list[_Candidate]) -> list[_Candidate]:
    kept: list[_Candidate] = []
    reach: dict[str, int] = {}  # tool id -> end of its last kept hit
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if cand.start >= reach.get(cand.entry.id, -1):
            kept.append(cand)
            reach[cand.entry.id] = cand.end
    return kept


@functools.lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The bundled vocabulary, loaded once per process."""
    return Vocabulary.load()
