"""Pure functions from bytes on the wire to readings and scans (no I/O, never raise)."""

from hardware.codecs.reading import Reading, ReadingStatus, convert

__all__ = ["Reading", "ReadingStatus", "convert"]
