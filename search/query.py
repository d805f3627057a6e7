"""The user's query string as a backend-independent tree.

Syntax (what the search box promises):

* words are ANDed: ``clearview politie`` needs both;
* ``"exact phrase"`` in double quotes;
* ``OR`` (upper case, between two terms) for either: ``drone OR drones``; OR binds tighter than
  the implicit AND, so ``politie drone OR camera`` is politie AND (drone OR camera);
* ``-word`` or ``-"a phrase"`` or ``-(a OR b)`` excludes;
* parentheses group, but are never required; ``AND`` (upper case) is accepted and means nothing
  more than the space.

Everything else is a word: ``field:value``, ``*`` or ``~`` have no meaning here (the backend turns
each word into analyzed terms, so punctuation disappears there). What cannot be read raises
``search.model.QueryError`` with a message a person can act on.

Backends translate the tree (search/embedded.py: tantivy queries; the Elasticsearch backend:
bool/match/match_phrase), and ``render`` writes a tree back as a query string (for "did you mean").
A query that is nothing but a tool's name (``named_tools``) also matches the records tagged with
that tool, whatever their language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from search.model import MAX_QUERY_CHARS, QueryError

MAX_DEPTH = 8  # nested parentheses; deeper is not a person typing


@dataclass(frozen=True)
class Term:
    text: str  # as typed (may contain punctuation: "ANPR-camera's")


@dataclass(frozen=True)
class Phrase:
    text: str  # the words between the quotes, as typed


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Term | Phrase | Not | And | Or


# --- tokens --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Tok:
    kind: str  # word | phrase | or | and | lparen | rparen | minus
    text: str
    pos: int


def _tokens(q: str) -> list[_Tok]:
    out: list[_Tok] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
        elif c == '"':
            end = q.find('"', i + 1)
            if end == -1:
                raise QueryError('the query has an unbalanced quote ("); close the phrase or remove the quote')
            out.append(_Tok("phrase", q[i + 1:end], i))
            i = end + 1
        elif c in "()":
            out.append(_Tok("lparen" if c == "(" else "rparen", c, i))
            i += 1
        elif c == "-" and i + 1 < n and not q[i + 1].isspace() and q[i + 1] not in "-)" and (i == 0 or q[i - 1].isspace() or q[i - 1] == "("):
            out.append(_Tok("minus", c, i))
            i += 1
        else:
            j = i
            while j < n and not q[j].isspace() and q[j] not in '()"':
                j += 1
            word = q[i:j]
            kind = {"OR": "or", "AND": "and"}.get(word, "word")
            out.append(_Tok(kind, word, i))
            i = j
    return out


# --- parser --------------------------------------------------------------------------------

class _Parser:
    def __init__(self, tokens: list[_Tok]) -> None:
        self.toks = tokens
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def sequence(self, depth: int) -> Node | None:
        """Terms until the end or a closing parenthesis, ANDed."""
        nodes: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind != "rparen":
            if tok.kind == "and":
                self.take()
                if not nodes or self.peek() is None or self.peek().kind in ("rparen", "or", "and"):
                    raise QueryError("AND needs a word or phrase on each side")
                continue
            node = self.disjunction(depth)
            if node is not None:
                nodes.append(node)
        return _and(nodes)

    def disjunction(self, depth: int) -> Node | None:
        first = self.unary(depth)
        alternatives = [first]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.take()
            nxt = self.peek()
            if first is None or nxt is None or nxt.kind in ("rparen", "or", "and"):
                raise QueryError("OR needs a word or phrase on each side, e.g. drone OR drones")
            alternatives.append(self.unary(depth))
        kept = [a for a in alternatives if a is not None]
        if len(kept) < len(alternatives) and len(alternatives) > 1:
            # "x OR -" (a bare hyphen) leaves one side empty: that is not an alternative.
            raise QueryError("OR needs a word or phrase on each side, e.g. drone OR drones")
        return kept[0] if len(kept) == 1 else (Or(tuple(kept)) if kept else None)

    def unary(self, depth: int) -> Node | None:
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind == "or":
            raise QueryError("OR needs a word or phrase on each side, e.g. drone OR drones")
        if tok.kind == "minus":
            self.take()
            inner = self.primary(depth)
            return Not(inner) if inner is not None else None
        return self.primary(depth)

    def primary(self, depth: int) -> Node | None:
        tok = self.take()
        if tok.kind == "word":
            return Term(tok.text)
        if tok.kind == "phrase":
            words = " ".join(tok.text.split())
            return Phrase(words) if words else None
        if tok.kind == "lparen":
            if depth >= MAX_DEPTH:
                raise QueryError(f"the query nests parentheses more than {MAX_DEPTH} deep")
            inner = self.sequence(depth + 1)
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise QueryError("the query has an opening parenthesis without a closing one")
            self.take()
            if inner is None:
                raise QueryError("the query has empty parentheses; put words inside or remove them")
            return inner
        if tok.kind == "rparen":
            raise QueryError("the query has a closing parenthesis without an opening one")
        # "and"/"or"/"minus" are consumed by the callers before they get here.
        raise QueryError(f"unexpected {tok.text!r} at position {tok.pos + 1}")


def _and(nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


def parse(q: str) -> Node | None:
    """The tree of a query string; None for a query without terms (all records)."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(q)} characters long; at most {MAX_QUERY_CHARS} are allowed")
    parser = _Parser(_tokens(q))
    node = parser.sequence(0)
    rest = parser.peek()
    if rest is not None:  # only a closing parenthesis stops the top-level sequence
        raise QueryError("the query has a closing parenthesis without an opening one")
    return node


# --- walking and writing back --------------------------------------------------------------

def positive_leaves(node: Node | None) -> Iterator[Term | Phrase]:
    """Terms and phrases a matching record contains (not those under an exclusion)."""
    if node is None or isinstance(node, Not):
        return
    if isinstance(node, (Term, Phrase)):
        yield node
        return
    for child in node.nodes:
        yield from positive_leaves(child)


_WORD = re.compile(r"\w")


def named_tools(node: Node | None, vocabulary: Any) -> tuple[str, ...]:
    """The tool ids a query consists of, when every word of it belongs to a tool name of the
    vocabulary in any language ("reconnaissance faciale", "ANPR-camera's", "Clearview
    politie" does not qualify: "politie" is no tool name). Only plain words: an "exact phrase"
    asks for exactly those words, and OR or an exclusion make it a query of its own. Backends let such a query also match records *tagged* with all those tools,
    so a tool named in French finds the Dutch questions about it and the reverse."""
    if node is None:
        return ()
    leaves = [node] if isinstance(node, Term) else (
        list(node.nodes) if isinstance(node, And) and all(isinstance(c, Term) for c in node.nodes) else [])
    if not leaves:
        return ()
    text = " ".join(leaf.text for leaf in leaves)  # type: ignore[union-attr]
    hits = vocabulary.find(text)
    covered = set()
    for hit in hits:
        covered.update(range(hit.start, hit.end))
    if not hits or _WORD.search("".join(c for i, c in enumerate(text) if i not in covered)):
        return ()
    return tuple(dict.fromkeys(hit.tool_id for hit in hits))


def replace_terms(node: Node | None, fix: Callable[[Term], Node]) -> Node | None:
    """A copy of the tree with every Term passed through ``fix`` (terms under Not included)."""
    if node is None or isinstance(node, Phrase):
        return node
    if isinstance(node, Term):
        return fix(node)
    if isinstance(node, Not):
        return Not(replace_terms(node.node, fix))  # type: ignore[arg-type]
    children = tuple(replace_terms(c, fix) for c in node.nodes)
    return And(children) if isinstance(node, And) else Or(children)  # type: ignore[arg-type]


def render(node: Node | None) -> str:
    """The query string of a tree: ``parse(render(t)) == t``."""
    if node is None:
        return ""
    if isinstance(node, Term):
        return node.text
    if isinstance(node, Phrase):
        return f'"{node.text}"'
    if isinstance(node, Not):
        return "-" + _render_primary(node.node)
    if isinstance(node, Or):
        return " OR ".join(_render_unary(c) for c in node.nodes)
    # An Or inside an And needs no parentheses: OR binds tighter than the implicit AND.
    return " ".join(render(c) if isinstance(c, Or) else _render_unary(c) for c in node.nodes)


def _render_primary(node: Node) -> str:
    return render(node) if isinstance(node, (Term, Phrase)) else f"({render(node)})"


def _render_unary(node: Node) -> str:
    return render(node) if isinstance(node, Not) else _render_primary(node)
