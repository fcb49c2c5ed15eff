"""``healthreader bookmarks ...``: add, remove, list, export and import bookmarks from the command line.

    healthreader [--data-dir DIR] bookmarks add ID [--section ANCHOR] [--note TEXT] [--folder NAME]
    healthreader [--data-dir DIR] bookmarks remove ID [--section ANCHOR]
    healthreader [--data-dir DIR] bookmarks list [--json] [--sort newest|title] [--filter WORDS]
    healthreader [--data-dir DIR] bookmarks export FILE
    healthreader [--data-dir DIR] bookmarks import FILE

Exit status: 0 done, 1 nothing to do (e.g. removing a bookmark that is not there), 2 an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from healthreader.commands.common import data_paths, open_library
from healthreader.render import render_markdown
from healthreader.store import BookmarkOrder, ImportFileError, StoreError, UserStore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("bookmarks", help="add, remove, list, export and import bookmarks")
    bsub = p.add_subparsers(dest="bookmarks_command", metavar="ACTION", required=True)

    add = bsub.add_parser("add", help="bookmark an entry, or one section of it")
    add.add_argument("entry_id", metavar="ID")
    add.add_argument("--section", metavar="ANCHOR", default="", help="the section's anchor (as in ID#ANCHOR)")
    add.add_argument("--note", metavar="TEXT", default="", help="a note kept beside the bookmark")
    add.add_argument("--folder", metavar="NAME", default="", help="put the bookmark in this folder")
    add.set_defaults(func=_guarded(run_add, saves=True))

    remove = bsub.add_parser("remove", help="remove a bookmark")
    remove.add_argument("entry_id", metavar="ID")
    remove.add_argument("--section", metavar="ANCHOR", default="")
    remove.set_defaults(func=_guarded(run_remove, saves=True))

    lst = bsub.add_parser("list", help="list bookmarks")
    lst.add_argument("--json", action="store_true", help="print the export format (JSON) instead")
    lst.add_argument("--sort", choices=[o.value for o in BookmarkOrder], default=BookmarkOrder.NEWEST.value)
    lst.add_argument("--filter", metavar="WORDS", default="", help="only bookmarks containing every word")
    lst.set_defaults(func=_guarded(run_list))

    exp = bsub.add_parser("export", help="write all bookmarks, notes and folders to a JSON file")
    exp.add_argument("file", metavar="FILE")
    exp.set_defaults(func=_guarded(run_export))

    imp = bsub.add_parser("import", help="merge bookmarks from an exported JSON file (no duplicates)")
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(func=_guarded(run_import, saves=True))

    # For the kill test: add N bookmarks, printing each key once its transaction has committed.
    stress = bsub.add_parser("stress")
    bsub._choices_actions.pop()  # hidden: argparse lists help=SUPPRESS sub-commands as "==SUPPRESS=="
    stress.add_argument("count", type=int)
    stress.add_argument("--prefix", default="stress")
    stress.add_argument("--trace", action="store_true", help="on stderr: 'adding KEY' and 'COMMIT KEY' as they start")
    stress.set_defaults(func=_guarded(run_stress, saves=True))


def _open_store(args: argparse.Namespace) -> UserStore:
    store = UserStore.open(data_paths(args).store_file)
    if store.recovery is not None:
        print(f"healthreader: {store.recovery.message}", file=sys.stderr)
    return store


def _guarded(
    run: Callable[[argparse.Namespace, UserStore], int], *, saves: bool = False
) -> Callable[[argparse.Namespace], int]:
    """Open the store, run, close; a store error becomes one line on stderr and exit status 2.  A
    command that ``saves`` is refused on a temporary data folder: what it saved would be thrown away."""

    def command(args: argparse.Namespace) -> int:
        paths = data_paths(args)
        if saves and paths.temporary:
            print(
                f"healthreader: nothing was saved: there is no data folder to keep bookmarks in ({paths.problem})",
                file=sys.stderr,
            )
            return 2
        try:
            with _open_store(args) as store:
                return run(args, store)
        except ImportFileError as exc:
            print(f"healthreader: nothing was imported: {exc}", file=sys.stderr)
            return 2
        except (StoreError, OSError) as exc:
            print(f"healthreader: {exc}", file=sys.stderr)
            return 2

    return command


def run_add(args: argparse.Namespace, store: UserStore) -> int:
    entry = open_library(args).find(args.entry_id)
    if entry is None:
        print(f"healthreader: there is no entry '{args.entry_id}' in the library", file=sys.stderr)
        return 2
    section_title = ""
    if args.section:
        section = render_markdown(entry.read_body()).section(args.section)
        if section is None:
            print(f"healthreader: '{args.entry_id}' has no section '{args.section}'", file=sys.stderr)
            return 2
        section_title = section.title
    existed = store.is_bookmarked(entry.id, args.section)
    b = store.add_bookmark(
        entry.id, args.section, title=entry.title, section_title=section_title, note=args.note, folder=args.folder
    )
    print(f"{'updated' if existed else 'added'} {b.ref}: {_label(b.title, b.section_title)}")
    return 0


def run_remove(args: argparse.Namespace, store: UserStore) -> int:
    removed = store.remove_bookmark(args.entry_id, args.section)
    ref = f"{args.entry_id}#{args.section}" if args.section else args.entry_id
    if removed is None:
        print(f"healthreader: {ref} is not bookmarked", file=sys.stderr)
        return 1
    print(f"removed {removed.ref}: {_label(removed.title, removed.section_title)}")
    return 0


def _label(title: str, section_title: str) -> str:
    return f"{title} › {section_title}" if section_title else title


def run_list(args: argparse.Namespace, store: UserStore) -> int:
    bookmarks = store.list_bookmarks(BookmarkOrder(args.sort), args.filter)
    if args.json:
        doc = store.export_data()
        keep = {b.key for b in bookmarks}
        doc["bookmarks"] = [r for r in doc["bookmarks"] if (r["entry_id"], r["anchor"]) in keep]
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for b in bookmarks:
        line = f"{b.ref}\t{_label(b.title, b.section_title)}"
        if b.folder:
            line += f"\t[{b.folder}]"
        if b.note:
            line += f"\t{' '.join(b.note.split())}"
        print(line)
    return 0


def run_export(args: argparse.Namespace, store: UserStore) -> int:
    count = store.export_json(args.file)
    print(f"exported {count} bookmark(s) to {args.file}")
    return 0


def run_import(args: argparse.Namespace, store: UserStore) -> int:
    r = store.import_json(args.file)
    print(
        f"imported from {args.file}: {r.added} added, {r.updated} updated, {r.unchanged} already there, "
        f"{r.folders_added} new folder(s)"
    )
    return 0


def run_stress(args: argparse.Namespace, store: UserStore) -> int:
    adding = ""
    if args.trace:  # the kill test reads these to know where its kill landed: before, inside or after a COMMIT

        def trace(sql: str) -> None:
            if sql.lstrip().upper().startswith("COMMIT"):
                sys.stderr.write(f"COMMIT {adding}\n")
                sys.stderr.flush()

        store.trace_statements(trace)
    for n in range(args.count):
        adding = f"{args.prefix}-{n}"
        if args.trace:
            sys.stderr.write(f"adding {adding}\n")
            sys.stderr.flush()
        b = store.add_bookmark(adding, title=f"压力测试 {n}", note=f"第 {n} 条")
        # Printed only after add_bookmark returned, i.e. after COMMIT: a line on stdout is a promise.
        sys.stdout.write(b.entry_id + "\n")
        sys.stdout.flush()
    return 0
