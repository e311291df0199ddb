"""The areas of the main window: Station, Line, Genealogy, Shifts, People, Admin."""
