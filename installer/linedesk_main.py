"""The bundle's entry point: the same `linedesk` command line as the installed console script."""

from desktop.cli import entry_point

if __name__ == "__main__":
    entry_point()
