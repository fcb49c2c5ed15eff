"""Run Orca with what it says written line by line to a file: ``orca_speech_log.py LOGFILE [orca args]``.

Run by the system Python, as Orca is.  Orca's debug file (``--debug-file``), where every utterance is
logged as ``SPEECH OUTPUT: '...'``, is opened with Python's default block buffering, so a reader of
the file sees what Orca said only some keys later.  Opening that one file line-buffered lets the
tests read each utterance as Orca says it; Orca itself runs unchanged.
"""

from __future__ import annotations

import builtins
import runpy
import sys

log_file = sys.argv[1]
_open = builtins.open


def _line_buffered(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
    if file == log_file and "w" in mode:
        kwargs["buffering"] = 1
    return _open(file, mode, *args, **kwargs)


builtins.open = _line_buffered
sys.argv = ["orca", "--debug-file", log_file, *sys.argv[2:]]
runpy.run_path("/usr/bin/orca", run_name="__main__")
