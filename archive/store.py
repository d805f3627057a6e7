"""The record store: every parsed document, the merged records, the quarantine and crawl runs.

SQLite (stdlib, one file, transactional): a crash mid-crawl never leaves half a record, and
"nothing already stored is lost" holds because documents are only ever upserted by their
official id. Records are derived data: ``rebuild`` recomputes them from the documents.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from archive.merge import merge
from archive.model import Record, SourceDocument, document_from_json, record_from_json, to_json

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    question_key TEXT,
    fingerprint TEXT,
    record_id TEXT,
    accepted INTEGER NOT NULL,      -- 1: names a vocabulary tool; 0: kept out of the archive
    reason TEXT NOT NULL,           -- why accepted (tool hits) or why not
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_key ON documents(question_key);
CREATE INDEX IF NOT EXISTS documents_fp ON documents(fingerprint);
CREATE INDEX IF NOT EXISTS documents_record ON documents(record_id);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
-- A record id can change when a later document brings the Zaak number; old links keep working.
CREATE TABLE IF NOT EXISTS record_aliases (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quarantine (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    key TEXT NOT NULL,              -- the document id, or the URL when there is none
    url TEXT NOT NULL,
    reason TEXT NOT NULL,
    doc_id TEXT,
    warc_file TEXT,
    warc_offset INTEGER,
    sha256 TEXT,
    at TEXT NOT NULL,
    UNIQUE (source, key, reason)
);
-- Questions their askers withdrew (a source's notice): their records stay, marked withdrawn.
CREATE TABLE IF NOT EXISTS withdrawn (
    question_key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
-- What a source withdrew (a deleted entity): the documents leave the archive, this trace stays.
CREATE TABLE IF NOT EXISTS deletions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    question_key TEXT,
    record_id TEXT,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    mode TEXT NOT NULL,             -- live | replay | reparse
    documents INTEGER NOT NULL DEFAULT 0,
    quarantined INTEGER NOT NULL DEFAULT 0,
    watermark TEXT,                 -- newest dcterms:modified seen: the next incremental run starts there
    outcome TEXT                    -- ok | failed: <reason>
);
"""


@dataclass
class QuarantineEntry:
    source: str
    url: str
    reason: str
    doc_id: str | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    sha256: str | None = None
    at: str = ""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _dumps(obj) -> str:
    return json.dumps(to_json(obj), ensure_ascii=False, sort_keys=True)


class Store:
    def __init__(self, path: Path, *, read_only: bool = False, as_of: dt.date | None = None):
        """``read_only``: open an existing store with SQLite's ``mode=ro`` (the site): any write
        raises sqlite3.OperationalError, so a bug there cannot change the archive. ``as_of``: the
        day merged records get their status for (default: today; archive.lifecycle)."""
        self.path = path
        self.as_of = as_of
        if read_only:
            self.db = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    # --- documents and records ---------------------------------------------------------------

    def put_document(self, doc: SourceDocument, accepted: bool, reason: str) -> str | None:
        """Upsert one document and re-merge the record it belongs to. Returns the record id
        (None for a document kept out of the archive). Earlier quarantine entries of the same
        document are settled by it (its raw bytes stay in the WARC archive)."""
        with self.db:
            self.db.execute("DELETE FROM quarantine WHERE source=? AND doc_id=?", (doc.source, doc.doc_id))
            self.db.execute(
                "INSERT INTO documents(doc_id, source, question_key, fingerprint, record_id, accepted, reason, json)"
                " VALUES (?,?,?,?,NULL,?,?,?) ON CONFLICT(doc_id) DO UPDATE SET source=excluded.source,"
                " question_key=excluded.question_key, fingerprint=excluded.fingerprint,"
                " accepted=excluded.accepted, reason=excluded.reason, json=excluded.json",
                (doc.doc_id, doc.source, doc.question_key, doc.fingerprint, int(accepted), reason, _dumps(doc)),
            )
            return self._remerge(doc.doc_id)

    def _group(self, doc_id: str) -> list[tuple[str, str | None, str | None, str | None]]:
        """All accepted documents connected to ``doc_id`` by question key or fingerprint."""
        rows = {}
        todo = [doc_id]
        while todo:
            current = todo.pop()
            row = self.db.execute(
                "SELECT doc_id, question_key, fingerprint, record_id FROM documents WHERE doc_id=? AND accepted=1",
                (current,)).fetchone()
            if row is None or row[0] in rows:
                continue
            rows[row[0]] = row
            _, key, fp, _ = row
            for col, value in (("question_key", key), ("fingerprint", fp)):
                if value:
                    todo += [r[0] for r in self.db.execute(
                        f"SELECT doc_id FROM documents WHERE {col}=? AND accepted=1", (value,))]
        return list(rows.values())

    def _remerge(self, doc_id: str) -> str | None:
        group = self._group(doc_id)
        # Documents that left the group (e.g. re-parsed as not accepted) still point at the old record.
        stale_ids = {r[3] for r in group if r[3]}
        old = self.db.execute("SELECT record_id FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        if old and old[0]:
            stale_ids.add(old[0])
        new_id = None
        if group:
            docs = [self.get_document(r[0]) for r in group]
            record = merge(docs, as_of=self.as_of)
            keys = sorted({d.question_key for d in docs if d.question_key})
            if keys and self.db.execute(
                    f"SELECT 1 FROM withdrawn WHERE question_key IN ({','.join('?' * len(keys))})", keys).fetchone():
                record.withdrawn = True
            new_id = record.id
            self.db.execute("INSERT OR REPLACE INTO records(id, json) VALUES (?,?)", (record.id, _dumps(record)))
            self.db.executemany("UPDATE documents SET record_id=? WHERE doc_id=?", [(new_id, r[0]) for r in group])
        self.db.execute("UPDATE documents SET record_id=NULL WHERE doc_id=? AND accepted=0", (doc_id,))
        for sid in stale_ids - {new_id}:
            remaining = self.db.execute("SELECT doc_id FROM documents WHERE record_id=? AND accepted=1", (sid,)).fetchone()
            if remaining is None:
                self.db.execute("DELETE FROM records WHERE id=?", (sid,))
                if new_id:
                    self.db.execute("INSERT OR REPLACE INTO record_aliases(old_id, new_id) VALUES (?,?)", (sid, new_id))
            else:  # the old record lost a document but lives on: re-merge it too
                self._remerge(remaining[0])
        return new_id

    def put_records(self, records: list[dict]) -> None:
        """Store records that arrive whole (``kamerwacht import``), validated by the caller.
        They have no source documents here; a later reparse of a source that holds documents
        of the same question re-merges the record from those documents."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO records(id, json) VALUES (?,?)",
                [(r["id"], json.dumps(r, ensure_ascii=False, sort_keys=True)) for r in records])

    def mark_withdrawn(self, source: str, question_key: str, reason: str) -> str | None:
        """A question its asker withdrew: kept, and marked (also when its documents arrive
        later, or from another source). Returns the record id, if the record exists yet."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO withdrawn(question_key, source, reason, at) VALUES (?,?,?,?)",
                            (question_key, source, reason, _now()))
            row = self.db.execute("SELECT doc_id FROM documents WHERE question_key=? AND accepted=1 LIMIT 1",
                                  (question_key,)).fetchone()
            return self._remerge(row[0]) if row else None

    def delete_documents(self, source: str, *, doc_ids: list[str] | None = None, question_key: str | None = None,
                         reason: str) -> list[str]:
        """Remove documents a source says are deleted (by id, or all of one question from that
        source), re-merge what is left of their records, and keep a trace of each removal.
        Returns the removed document ids."""
        sql = "SELECT doc_id, question_key, record_id FROM documents WHERE source=?"
        args: list = [source]
        if doc_ids is not None:
            sql += f" AND doc_id IN ({','.join('?' * len(doc_ids))})"
            args += doc_ids
        elif question_key is not None:
            sql += " AND question_key=?"
            args.append(question_key)
        else:
            raise ValueError("delete_documents needs doc_ids or question_key")
        with self.db:
            rows = self.db.execute(sql, args).fetchall()
            for doc_id, key, record_id in rows:
                self.db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
                self.db.execute(
                    "INSERT INTO deletions(source, doc_id, question_key, record_id, reason, at) VALUES (?,?,?,?,?,?)",
                    (source, doc_id, key, record_id, reason, _now()))
            for record_id in {r[2] for r in rows if r[2]}:
                self._settle(record_id)
        return [r[0] for r in rows]

    def deletions(self, source: str | None = None) -> list[dict]:
        sql = "SELECT source, doc_id, question_key, record_id, reason, at FROM deletions"
        rows = self.db.execute(sql + (" WHERE source=?" if source else "") + " ORDER BY id", (source,) if source else ())
        keys = ("source", "doc_id", "question_key", "record_id", "reason", "at")
        return [dict(zip(keys, r)) for r in rows]

    def _settle(self, record_id: str) -> None:
        """After documents left a record: re-merge it from what remains (a record can hold
        documents of other sources too), or drop it when nothing does."""
        remaining = self.db.execute(
            "SELECT doc_id FROM documents WHERE record_id=? AND accepted=1 LIMIT 1", (record_id,)).fetchone()
        if remaining:
            self._remerge(remaining[0])
        else:
            self.db.execute("DELETE FROM records WHERE id=?", (record_id,))

    def get_document(self, doc_id: str) -> SourceDocument:
        row = self.db.execute("SELECT json FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return document_from_json(json.loads(row[0]))

    def document_status(self, doc_id: str) -> tuple[bool, str] | None:
        row = self.db.execute("SELECT accepted, reason FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return (bool(row[0]), row[1]) if row else None

    def alias_target(self, record_id: str) -> str | None:
        """The current id of a record whose id changed (a later document brought its Zaak number)."""
        row = self.db.execute("SELECT new_id FROM record_aliases WHERE old_id=?", (record_id,)).fetchone()
        return row[0] if row else None

    def get_record(self, record_id: str) -> Record:
        row = self.db.execute("SELECT json FROM records WHERE id=?", (record_id,)).fetchone()
        if row is None:
            target = self.alias_target(record_id)
            if target is None:
                raise KeyError(record_id)
            return self.get_record(target)
        return record_from_json(json.loads(row[0]))

    def record_json(self, record_id: str) -> dict:
        return json.loads(self.db.execute("SELECT json FROM records WHERE id=?", (record_id,)).fetchone()[0])

    def iter_records(self) -> Iterator[Record]:
        for (raw,) in self.db.execute("SELECT json FROM records ORDER BY id"):
            yield record_from_json(json.loads(raw))

    def iter_record_json(self) -> Iterator[dict]:
        for (raw,) in self.db.execute("SELECT json FROM records ORDER BY id"):
            yield json.loads(raw)

    def count_records(self, source: str | None = None) -> int:
        if source is None:
            return self.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        return self.db.execute(
            "SELECT COUNT(DISTINCT record_id) FROM documents WHERE source=? AND accepted=1", (source,)).fetchone()[0]

    def document_counts(self, source: str) -> tuple[int, int]:
        """(accepted, kept out) documents of a source."""
        rows = dict(self.db.execute(
            "SELECT accepted, COUNT(*) FROM documents WHERE source=? GROUP BY accepted", (source,)).fetchall())
        return rows.get(1, 0), rows.get(0, 0)

    def rejected_reasons(self, source: str) -> list[tuple[str, int]]:
        return self.db.execute(
            "SELECT reason, COUNT(*) FROM documents WHERE source=? AND accepted=0 GROUP BY reason ORDER BY 2 DESC",
            (source,)).fetchall()

    def clear_source(self, source: str) -> None:
        """Forget what was parsed from a source (documents, their records, quarantine): used by
        reparse, which rebuilds all of it from the raw archive."""
        with self.db:
            ids = [r[0] for r in self.db.execute(
                "SELECT DISTINCT record_id FROM documents WHERE source=? AND record_id IS NOT NULL", (source,))]
            self.db.execute("DELETE FROM documents WHERE source=?", (source,))
            self.db.execute("DELETE FROM quarantine WHERE source=?", (source,))
            for record_id in ids:
                self._settle(record_id)

    def sources(self) -> list[str]:
        rows = self.db.execute(
            "SELECT source FROM documents UNION SELECT source FROM runs UNION SELECT source FROM quarantine ORDER BY 1")
        return [r[0] for r in rows]

    # --- quarantine --------------------------------------------------------------------------

    def quarantine(self, entry: QuarantineEntry) -> None:
        """The same problem with the same document, met again in a later crawl, stays one entry
        pointing at the newest raw bytes."""
        with self.db:
            self.db.execute(
                "INSERT INTO quarantine(source, key, url, reason, doc_id, warc_file, warc_offset, sha256, at)"
                " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(source, key, reason) DO UPDATE SET url=excluded.url,"
                " warc_file=excluded.warc_file, warc_offset=excluded.warc_offset, sha256=excluded.sha256, at=excluded.at",
                (entry.source, entry.doc_id or entry.url, entry.url, entry.reason, entry.doc_id, entry.warc_file,
                 entry.warc_offset, entry.sha256, entry.at or _now()),
            )

    def quarantined(self, source: str | None = None) -> list[QuarantineEntry]:
        sql = "SELECT source, url, reason, doc_id, warc_file, warc_offset, sha256, at FROM quarantine"
        args: tuple = ()
        if source:
            sql += " WHERE source=?"
            args = (source,)
        return [QuarantineEntry(*row) for row in self.db.execute(sql + " ORDER BY id", args)]

    # --- runs --------------------------------------------------------------------------------

    def start_run(self, source: str, mode: str) -> int:
        with self.db:
            cur = self.db.execute("INSERT INTO runs(source, started_at, mode) VALUES (?,?,?)", (source, _now(), mode))
            return int(cur.lastrowid)

    def finish_run(self, run_id: int, documents: int, quarantined: int, watermark: str | None, outcome: str) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET finished_at=?, documents=?, quarantined=?, watermark=?, outcome=? WHERE id=?",
                (_now(), documents, quarantined, watermark, outcome, run_id))

    def last_run(self, source: str, *, finished_ok: bool = False, mode: str | None = None) -> dict | None:
        sql = "SELECT id, source, started_at, finished_at, mode, documents, quarantined, watermark, outcome FROM runs WHERE source=?"
        args: list = [source]
        if finished_ok:
            sql += " AND outcome='ok'"
        if mode:
            sql += " AND mode=?"
            args.append(mode)
        row = self.db.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        if row is None:
            return None
        keys = ("id", "source", "started_at", "finished_at", "mode", "documents", "quarantined", "watermark", "outcome")
        return dict(zip(keys, row))
