"""Use cases: each takes a unit of work and the acting user; permission checks live here."""
