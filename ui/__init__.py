"""Widgets only: the main window, pages, dialogs, table models and charts.

The UI never touches SQL or a serial port: it asks services (off the GUI thread, through
desktop.tasks) and listens to signals.
"""
