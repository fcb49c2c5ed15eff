"""Subcommands of ``healthreader``; each module here has ``register(subparsers)``."""

from __future__ import annotations

import argparse
import importlib

# Modules are imported when the parser is built; keep their top level light (no Qt, no Whoosh).
COMMAND_MODULES = ("content", "bookmarks", "search", "index", "export_pdf", "print_job", "kiosk", "pack", "stats")


def register_all(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"healthreader.commands.{name}").register(sub)
