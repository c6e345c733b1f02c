"""What users said about answers: one SQLite row per answer (its latest rating, the reason for a dislike, and comment, with the question,
answer and citations it is about), safe to share between several app processes on one file.

A click changes one row in one short transaction (WAL mode: readers never wait, writers queue for at most
BUSY_SECONDS), so two processes never lose each other's rows and a click costs the same at 20 or 200,000
rows. Every field is bounded and at most MAX_ROWS rows are kept (the oldest go first). Does not know Gradio.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from .errors import BotError

MAX_ROWS = 100_000  # rows kept; past this the oldest are dropped (a flood of clicks cannot fill the disk)
BUSY_SECONDS = 10.0  # how long a write waits for another process's
LIMITS = {"question": 2_000, "searched_for": 4_000, "answer": 20_000, "comment": 2_000, "citations": 20_000, "reason": 200}
COLUMNS = ("id", "time", "rating", "reason", "comment", "question", "searched_for", "answer", "citations")
_SCHEMA = """CREATE TABLE IF NOT EXISTS feedback (
    id TEXT PRIMARY KEY, time TEXT NOT NULL, rating TEXT, comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '', searched_for TEXT NOT NULL DEFAULT '', answer TEXT NOT NULL DEFAULT '',
    citations TEXT NOT NULL DEFAULT '[]', reason TEXT NOT NULL DEFAULT '')"""
_UNSET = object()


class FeedbackStore:
    def __init__(self, path):
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            if "reason" not in {row[1] for row in db.execute("PRAGMA table_info(feedback)")}:
                db.execute("ALTER TABLE feedback ADD COLUMN reason TEXT NOT NULL DEFAULT ''")  # a file from before reasons
        except (sqlite3.Error, OSError) as e:
            raise BotError(f"cannot open the feedback file {self.path} ({e}): pass another path with --feedback "
                           "(or BOT_FEEDBACK)") from None
        return db

    def update(self, turn: dict, rating=_UNSET, comment=_UNSET, reason: str = "") -> None:
        """Set the rating ("up", "down", or None to clear it; `reason` says why a "down") and/or the comment of the
        answer `turn` (a dict with its "id", "question", "searched_for", "answer", "citations"); a row with
        neither is deleted."""
        key = str(turn.get("id") or "")[:64]
        if not key:
            return
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")  # one writer at a time, across processes
            try:
                row = db.execute("SELECT rating, comment, reason FROM feedback WHERE id = ?", (key,)).fetchone()
                old_rating, old_comment, old_reason = row if row else (None, "", "")
                new_rating = old_rating if rating is _UNSET else (rating if rating in ("up", "down") else None)
                new_reason = old_reason if rating is _UNSET else (_cut(reason, "reason") if new_rating == "down" else "")
                new_comment = old_comment if comment is _UNSET else _cut(comment, "comment")
                if new_rating is None and not new_comment:
                    db.execute("DELETE FROM feedback WHERE id = ?", (key,))
                else:
                    db.execute(
                        f"INSERT INTO feedback ({', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) "
                        "DO UPDATE SET time = excluded.time, rating = excluded.rating, reason = excluded.reason, "
                        "comment = excluded.comment",
                        (key, now, new_rating, new_reason, new_comment, _cut(turn.get("question"), "question"),
                         _cut(turn.get("searched_for"), "searched_for"), _cut(turn.get("answer"), "answer"),
                         _cut(json.dumps(turn.get("citations") or [], ensure_ascii=False), "citations")))
                    if not row:
                        _drop_oldest(db)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def rows(self) -> list[dict]:
        """Every row, oldest first, citations as a list."""
        if not self.path.is_file():
            return []
        with closing(self._connect()) as db:
            found = db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY time, rowid").fetchall()
        out = []
        for values in found:
            row = dict(zip(COLUMNS, values))
            try:
                row["citations"] = json.loads(row["citations"])
            except ValueError:
                pass
            out.append(row)
        return out

    def export(self, fmt: str = "jsonl") -> str:
        """The rows as JSON lines, or as CSV (citations as JSON text in one column)."""
        rows = self.rows()
        if fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
        writer.writeheader()
        for r in rows:
            writer.writerow(dict(r, citations=json.dumps(r["citations"], ensure_ascii=False)))
        return buffer.getvalue()


def _cut(value, field: str) -> str:
    return str(value or "")[: LIMITS[field]]


def _drop_oldest(db: sqlite3.Connection) -> None:
    (count,) = db.execute("SELECT count(*) FROM feedback").fetchone()
    if count > MAX_ROWS:
        db.execute("DELETE FROM feedback WHERE id IN (SELECT id FROM feedback ORDER BY time, rowid LIMIT ?)",
                   (count - MAX_ROWS,))
