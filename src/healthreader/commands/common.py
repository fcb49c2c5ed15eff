"""What every subcommand shares: the data folder and the library folders from the global options."""

from __future__ import annotations

import argparse
from pathlib import Path

from healthreader.content import Library, load_library
from healthreader.packs.folders import library_folders
from healthreader.paths import DataPaths


def add_library_option(parser: argparse.ArgumentParser, dest: str, verb: str) -> None:
    """``--library DIR`` (repeatable) on a subcommand: work on these folders instead of the bundled one."""
    parser.add_argument(
        "--library",
        dest=dest,
        metavar="DIR",
        action="append",
        default=[],
        help=f"{verb} this folder instead of the bundled library (repeatable)",
    )


def data_paths(args: argparse.Namespace) -> DataPaths:
    return DataPaths.at(getattr(args, "data_dir", None))


def library_dirs(args: argparse.Namespace) -> list[Path]:
    return library_folders(getattr(args, "library", []) or [], not getattr(args, "no_bundled", False))


def open_library(args: argparse.Namespace, *, cached: bool = True) -> Library:
    data = data_paths(args)
    cache = data.catalogue_file if cached else None
    return load_library(library_dirs(args), cache_file=cache)
