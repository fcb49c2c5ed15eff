"""Allow ``python -m healthreader``."""

from healthreader.cli import main

raise SystemExit(main())
