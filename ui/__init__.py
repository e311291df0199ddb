"""Widgets only: the main window, pages, dialogs, table models and charts.

The UI never touches SQL or a serial port: it calls service functions through the
operations kernel (`desktop.tasks.Ops`, off the GUI thread) and listens to signals.
"""
