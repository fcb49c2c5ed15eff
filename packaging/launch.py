"""Entry script for the frozen bundle (PyInstaller needs a file, not an entry point): the same as the
``healthreader`` console script."""

import multiprocessing

from healthreader.cli import main

if __name__ == "__main__":
    # A full index build of a large library prepares entries in spawned processes; in a frozen bundle
    # each of them starts this executable again, and freeze_support() turns that start into the worker
    # instead of a second reader window (PyInstaller needs it on every OS for the spawn method).
    multiprocessing.freeze_support()
    raise SystemExit(main())
