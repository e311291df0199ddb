"""Command-line subcommands, each a small module with `register(subparsers)`.

Modules here are cheap to import (no Qt, nothing heavy at module top), so `linedesk --help` and
headless commands start fast; the work is imported inside each handler.
"""
