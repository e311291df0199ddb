"""A lock file beside a SQLite database while the application has it open.

`linedesk db restore` must not replace a database under a running application: the application
holds an exclusive OS lock on `<database>.lock` for as long as it runs (released by the OS even
when the process is killed), and a restore refuses while it cannot take the same lock.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

if os.name == "nt":
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


def lock_path(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + ".lock")


class InstanceLock:
    """Held by the running application; `held_elsewhere` tells a restore to keep off."""

    def __init__(self, database_file: Path) -> None:
        self.path = lock_path(database_file)
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it (a second window is fine)."""
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        if not _try_lock(handle):
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def held_elsewhere(database_file: Path) -> bool:
    path = lock_path(database_file)
    if not path.exists():
        return False
    probe = InstanceLock(database_file)
    if probe.acquire():
        probe.release()
        return False
    return True
