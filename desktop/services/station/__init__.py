"""Station operation: every scan validated, recorded (accepted or rejected) and committed before
the verdict is shown.

A rejection is a result, not an error: it is stored as a rejected scan (who, what, why) in the
same unit of work that found it, and the station shows it in red. Errors are kept for what is not
the operator's doing: an unknown station, a refused permission, and a database that cannot store
(read-only, full disk), which the operations kernel turns into a `StorageFailure` alarm (told by
the database's error code, `desktop.services.storage_failures`): nothing is acknowledged that was
not stored.

Weights convert only between units of mass (`hardware.units`, the balances' own table): a
balance, a recipe or a lot in units that do not convert is refused (`Rejection.UNIT`), never
taken as if it were in the other unit.

Each scan carries a UUID (`event_id`); the same UUID again (a retry after a timeout) returns the
stored verdict and records nothing new. The same code at the same station within
`DUPLICATE_WINDOW_S` seconds records no second business record.

The modules, in the order a scan meets them:
- `pipeline`: `record_scan`, the common start (station, retried UUID, operator, duplicates);
- `scan`: the scan being recorded, how its verdict is stored and read back (`ScanResult`);
- `checks`: look-ups and the checks every mode shares (usable, route, units, recipes);
- `modes`: what a scan does at a make, pass, assemble or mix station;
- `weighing`: the weighed steps, electrolyte filling and mixing additions;
- `state`: what a station has loaded and open, what it asks next, unloading;
- `operator`: who scans at a headless station.
"""
