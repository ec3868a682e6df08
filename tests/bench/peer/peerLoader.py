#!/usr/bin/env python3
"""The fair peer of CX Desk's import (issue 12, "Import speed, restated"): a hand-written loader in
Python's sqlite3 module that does the same storage work as the app on the generator's CSV.

It loads into a workspace file the app created (so the responses table, its unique dedup key, the
contentless FTS5 table and the secondary indexes are the app's own DDL, read from sqlite_master,
never copied by hand): csv.DictReader, ONE transaction, the secondary indexes dropped first and
created again (same SQL) after the rows, every comment fed to the FTS table, then ANALYZE.

What it does NOT do, and the app does: sentiment, language detection, rule tags, customer facts
beyond the id, metrics rollups. The rollup triggers are taken out for the load and not put back
(the peer keeps no summaries). That is in the peer's favour, on purpose. It uses the app's
connection settings where they matter to speed: WAL with synchronous NORMAL, a 16 MB page cache for
the load, 8 MB and two sorter threads for the index rebuild. (In the rollback-journal mode a closed
workspace is left in, with SQLite's defaults, it took 118–137 s for the generator's 1,000,000 rows on
a quiet machine, 2026-12-03, most of it in the rows' phase.)

Usage: peerLoader.py WORKSPACE.cxdesk RESPONSES.csv
Prints one JSON line: {"rows": …, "imported": …, "duplicates": …, "phasesMs": {…}}.
"""
import csv
import hashlib
import json
import re
import sqlite3
import sys
import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo


def fts_target(db: sqlite3.Connection) -> str:
    """The app's FTS table, when this SQLite can write it: its contentless_delete option needs 3.43."""
    return "feedback_fts" if sqlite3.sqlite_version_info >= (3, 43, 0) else "peer_fts"


def fts_table_sql(db: sqlite3.Connection, name: str) -> str:
    """The app's FTS5 DDL (same column, tokenizer and contentless storage) under another name, without the option an older SQLite lacks."""
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'feedback_fts'").fetchone()
    sql = re.sub(r",\s*contentless_delete\s*=\s*1", "", sql)
    return re.sub(r"^CREATE VIRTUAL TABLE feedback_fts", f"CREATE VIRTUAL TABLE {name}", sql)


def main(db_path: str, csv_path: str) -> None:
    t0 = time.perf_counter()
    phases = {}
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = OFF")
    # The app's connection settings (db/connect.ts, import/worker/importWorker.ts): WAL with
    # synchronous NORMAL and a 16 MB page cache. A closed workspace is left in rollback-journal mode,
    # where every spill of the cache in the one long transaction syncs the journal first.
    db_mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA cache_size = -16384")
    zone_row = db.execute("SELECT value FROM meta WHERE key = 'timezone'").fetchone()
    zone = ZoneInfo(zone_row[0]) if zone_row else timezone.utc
    questions = {
        metric: (qid, good, poor)
        for qid, metric, good, poor in db.execute("SELECT id, metric, good_threshold, poor_threshold FROM questions WHERE key IN ('nps', 'csat', 'ces')")
    }
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('responses', 'response_tags') AND sql IS NOT NULL"
    ).fetchall()
    triggers = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'responses' AND name LIKE 'rollup%'").fetchall()

    fts_table = fts_target(db)

    db.execute("BEGIN IMMEDIATE")
    if fts_table != "feedback_fts":
        db.execute(fts_table_sql(db, fts_table))
    for (name,) in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    for name, _ in indexes:
        db.execute(f'DROP INDEX "{name}"')

    now = int(time.time() * 1000)
    insert = """INSERT INTO responses (dedup_key, external_ref, customer_id, question_id, score, band, submitted_at, local_date,
        channel, touchpoint, stage, location, language, comment, respondent_email, status, resolved_at, status_changed_at,
        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (dedup_key) DO NOTHING"""
    fts = f"INSERT INTO {fts_table} (rowid, body) VALUES (?, ?)"
    new_customer = "INSERT INTO customers (external_ref, email, created_at, updated_at) VALUES (?, ?, ?, ?)"
    customers = dict(db.execute("SELECT external_ref, id FROM customers WHERE external_ref IS NOT NULL").fetchall())

    def epoch_ms(text: str):
        if not text:
            return None
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)

    rows = imported = 0
    cur = db.cursor()
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for r in reader:
            rows += 1
            key = "hash:" + hashlib.sha1(json.dumps([v.strip() for v in r.values()], ensure_ascii=False).encode()).hexdigest()
            submitted = epoch_ms(r["submitted_at"])
            local_date = datetime.fromtimestamp(submitted / 1000, zone).date().isoformat()
            q = questions.get(r["metric"])
            score = int(r["score"]) if r["score"] != "" and q else None
            band = None
            if score is not None:
                band = 1 if score >= q[1] else -1 if score <= q[2] else 0
            ref = r["customer_id"] or None
            customer = None
            if ref:
                customer = customers.get(ref)
                if customer is None:
                    cur.execute(new_customer, (ref, r["customer_email"] or None, now, now))
                    customer = customers[ref] = cur.lastrowid
            comment = r["comment"].strip() or None
            status = r["status"] or "new"
            resolved = epoch_ms(r["resolved_at"])
            cur.execute(
                insert,
                (
                    key, r["response_id"] or None, customer, q[0] if score is not None else None, score, band, submitted, local_date,
                    r["channel"] or None, r["touchpoint"] or None, r["stage"] or None, r["location"] or None, r["language"] or None,
                    comment, r["customer_email"] or None, status, resolved, None if status == "new" else (resolved or submitted), now, now,
                ),
            )
            if cur.rowcount == 1:
                imported += 1
                if comment:
                    cur.execute(fts, (cur.lastrowid, comment))
    phases["rows"] = round((time.perf_counter() - t0) * 1000)

    t = time.perf_counter()
    # The app's index rebuild settings (import/importWriteRepository.ts): an 8 MB cache, two sorter threads.
    db.execute("PRAGMA cache_size = -8192")
    db.execute("PRAGMA threads = 2")
    for _, sql in indexes:
        db.execute(sql)
    phases["indexes"] = round((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    db.execute("PRAGMA analysis_limit = 400")
    db.execute("ANALYZE")
    phases["analyze"] = round((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    db.execute("COMMIT")
    phases["commit"] = round((time.perf_counter() - t) * 1000)
    db.close()
    print(json.dumps({"rows": rows, "imported": imported, "duplicates": rows - imported, "phasesMs": phases, "journalMode": db_mode, "ftsTable": fts_table, "sqlite": sqlite3.sqlite_version}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: peerLoader.py WORKSPACE.cxdesk RESPONSES.csv")
    main(sys.argv[1], sys.argv[2])
