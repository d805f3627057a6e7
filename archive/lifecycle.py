"""The life of a written question: deadline, lateness, status on a given day.

Status depends on the day it is looked at: a question nobody answered becomes *late* when its
deadline passes. The merge computes it for the day it runs, and ``kamerwacht index`` refreshes
it for the day of indexing (``refresh``), so a record never stays "open" in the search index
after its deadline just because no new document arrived.

Rules (Reglement van Orde TK, art. 12.4: answer within three weeks; a postponement notice says
it will take longer):
- answered: an answer or follow-up answer exists (or the question's metadata links to one);
- postponed: a postponement notice and no answer yet (a postponement is not an answer);
- closed: the parliament closed the file without an answer (Belgian Senate "Dossier gesloten");
- late: the deadline has passed, no answer and no postponement;
- open: otherwise.

Belgian deadlines come from the source (Chamber "Termijndatum", Senate "Einde van de
antwoordtermijn"); without one, the same three weeks are assumed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

DEADLINE_DAYS = 21
OPEN, POSTPONED, ANSWERED, LATE, CLOSED = "open", "postponed", "answered", "late", "closed"


def deadline(asked_on: dt.date | None, termijn: dt.date | None = None) -> dt.date | None:
    """The source's own deadline (TK ``Zaak.Termijn``) when given, else three weeks after asking."""
    if termijn is not None:
        return termijn
    return asked_on + dt.timedelta(days=DEADLINE_DAYS) if asked_on else None


def status(*, answered: bool, postponed: bool, due: dt.date | None, as_of: dt.date, closed: bool = False) -> str:
    if answered:
        return ANSWERED
    if closed:
        return CLOSED
    if postponed:
        return POSTPONED
    if due is not None and as_of > due:
        return LATE
    return OPEN


def refresh(record: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    """The record (JSON contract shape) with its status as of ``as_of``; only open and late
    can change with the day alone."""
    if record.get("status") not in (OPEN, LATE):
        return record
    due = dt.date.fromisoformat(record["deadline"]) if record.get("deadline") else None
    new = status(answered=False, postponed=False, due=due, as_of=as_of)
    return record if new == record["status"] else {**record, "status": new}
