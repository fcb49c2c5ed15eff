"""What every subcommand shares: the data folder and the library folders from the global options."""

from __future__ import annotations

import argparse
import atexit
import shutil
import sys
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
    """The data folder of this run, as the window has it (``DataPaths.for_this_run``): ``--data-dir`` or
    the default, made when missing.  When it cannot be made (a read-only home) a temporary folder
    stands in; when it cannot be written it is read as it is, the search index and caches going to a
    temporary folder.  Either way it is said once on stderr, and the temporary folder is removed when
    the command ends.  Asked again in the same run, the same answer."""
    known = getattr(args, "_data_paths", None)
    if isinstance(known, DataPaths):
        return known
    try:
        paths = DataPaths.for_this_run(getattr(args, "data_dir", None))
    except OSError as exc:
        print(f"healthreader: no folder can be written for this run's data: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    if paths.temporary:
        print(
            f"healthreader: the data folder {DataPaths.at(getattr(args, 'data_dir', None)).root} cannot be made "
            f"({paths.problem}); using a temporary folder instead, so {NOT_KEPT}",
            file=sys.stderr,
        )
    elif paths.read_only:
        print(
            f"healthreader: the data folder {paths.root} is read-only: it is read as it is, the search index "
            f"goes to a temporary folder, and {NOT_KEPT}",
            file=sys.stderr,
        )
    temporary = paths.root if paths.temporary else paths.scratch
    if temporary is not None:
        atexit.register(shutil.rmtree, temporary, ignore_errors=True)
    args._data_paths = paths
    return paths


#: How the command line says that what it does now will not last (the window says it in its info bar).
NOT_KEPT = "nothing of this run is kept"


def library_dirs(args: argparse.Namespace) -> list[Path]:
    return library_folders(getattr(args, "library", []) or [], not getattr(args, "no_bundled", False))


def open_library(args: argparse.Namespace, *, cached: bool = True) -> Library:
    data = data_paths(args)
    cache = data.catalogue_file if cached else None
    return load_library(library_dirs(args), cache_file=cache)
