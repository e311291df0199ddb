"""Why the database refused to store, told by its error code, not by the words of its message.

SQLite reports a result code (`sqlite3.Error.sqlite_errorcode`, primary code in the low byte:
https://www.sqlite.org/rescode.html); PostgreSQL an SQLSTATE (appendix A of its manual). A
message can say "full" for reasons that have nothing to do with the disk, a code cannot.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from desktop.domain.messages import QT_TRANSLATE_NOOP, LinedeskError

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL = 5, 6, 8, 10, 13
PG_READ_ONLY = {"25006"}  # read_only_sql_transaction
PG_FULL = {"53100"}  # disk_full
PG_BUSY = {"55P03", "40P01"}  # lock_not_available, deadlock_detected


class StorageFailure(LinedeskError):
    """The database could not store the work (read-only, disk full, locked): an operator alarm."""


def _codes(exc: DBAPIError) -> tuple[int | None, str | None]:
    """The SQLite primary result code and the PostgreSQL SQLSTATE of a driver error."""
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return (code & 0xFF if isinstance(code, int) else None), sqlstate


def storage_failure(exc: DBAPIError) -> StorageFailure:
    """The operator's alarm for a database that refused to store."""
    code, sqlstate = _codes(exc)
    if code == SQLITE_READONLY or sqlstate in PG_READ_ONLY:
        return StorageFailure(
            QT_TRANSLATE_NOOP(
                "Messages",
                "NOT RECORDED: the database is read-only. Stop scanning and call the supervisor.",
            )
        )
    if code == SQLITE_FULL or sqlstate in PG_FULL:
        return StorageFailure(
            QT_TRANSLATE_NOOP(
                "Messages",
                "NOT RECORDED: the disk is full. Stop scanning and call the supervisor.",
            )
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or sqlstate in PG_BUSY:
        return StorageFailure(
            QT_TRANSLATE_NOOP(
                "Messages",
                "NOT RECORDED: the database stayed busy with other work. Scan again.",
            )
        )
    return StorageFailure(
        QT_TRANSLATE_NOOP("Messages", "NOT RECORDED: the database refused the scan ({reason})"),
        reason=str(exc.orig or exc).strip().splitlines()[0],
    )
