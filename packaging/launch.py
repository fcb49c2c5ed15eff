"""Entry script for the frozen bundle (PyInstaller needs a file, not an entry point): the same as the
``healthreader`` console script."""

from healthreader.cli import main

raise SystemExit(main())
