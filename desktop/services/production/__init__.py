"""Production: units completed at stations, throughput, OEE, downtime, and the live event poll.

Writes go through `ingest` (one event from a station scan, or a simulator batch): the events,
their per-minute totals and the stops they reveal are written in the caller's unit of work.
Reads compute a window's figures from the minute totals (a shift of the whole plant is a few
thousand rows whatever the event rate) and the downtime rows, with the pure OEE arithmetic of
desktop.domain.oee. Shifts are the Shifts part's (desktop/services/shifts.py): the Line page and
the shift report see the same shift, holidays included.

The modules:
- `rates`: each station's ideal cycle, target rate and stop multiple (defaults from capacity);
- `ingest`: storing completed units, their minute totals and the stops they reveal;
- `downtime`: stops recorded, explained, ended and listed;
- `figures`: units, NG, FPY, OEE and the bottleneck over a window (`throughput`);
- `plan`: the plan so far, planned stops counted out, and whether output is ahead or behind;
- `live`: what the Line page loads and polls while a shift runs.
"""
