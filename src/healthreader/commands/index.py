"""``healthreader index build|status``: build the search index (at packaging time or by hand), and
say which index the reader would use."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from healthreader.commands.common import add_library_option, data_paths, library_dirs
from healthreader.content import load_library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("index", help="build or inspect the search index")
    isub = p.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    build = isub.add_parser("build", help="build the search index of the library")
    add_library_option(build, "index_library", "index")
    build.add_argument("--out", metavar="DIR", help="write the index here (default: the user's index folder)")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    build.set_defaults(func=run_build)
    status = isub.add_parser("status", help="list where an index is looked for and whether it is usable")
    status.add_argument(
        "--verify", action="store_true", help="check every index file whole (at start, only small files are)"
    )
    status.set_defaults(func=run_status)


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def run_build(args: argparse.Namespace) -> int:
    from healthreader.search import IndexBuildError, build_index  # Whoosh only when indexing

    dirs = [Path(d) for d in args.index_library] or library_dirs(args)
    out = Path(args.out) if args.out else data_paths(args).index_dir
    started = time.perf_counter()
    library = load_library(dirs)
    for problem in library.problems:
        print(f"warning: {problem}", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if not args.quiet and (done == total or done % 500 == 0):
            print(f"\rindexing {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)

    try:
        manifest = build_index(library, out, progress=progress)
    except IndexBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    size_mb = _folder_size(out) / 1e6
    versions = ", ".join(f"{i['id']} {i['version']}".strip() for i in manifest.libraries)
    print(
        f"built the search index of {manifest.entries} entries ({versions}) in {out}: {size_mb:.1f} MB in {seconds:.1f} s"
    )
    return 0


def run_status(args: argparse.Namespace) -> int:
    from healthreader.commands.common import open_library
    from healthreader.search import IndexManager

    paths = data_paths(args)
    manager = IndexManager(open_library(args), paths.index_dir, cache_dir=paths.cache_dir)
    usable = damaged = False
    for folder, status, reason in manager.statuses(verify=args.verify):
        usable = usable or status == "ok"
        damaged = damaged or status == "corrupt"
        print(f"{status:8} {folder}" + (f"  ({reason})" if reason and status != "missing" else ""))
    if damaged:
        print(
            "a damaged index is never used: the reader builds a new one at its next start "
            "(or now: healthreader index build)",
            file=sys.stderr,
        )
    return 0 if usable else 1
