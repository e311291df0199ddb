"""Linedesk: the shop-floor application of the cell plant, without its widgets."""

__version__ = "0.1.0"
