"""``healthreader stats export --csv FILE``: the kiosk's local search counts, for the clinic's staff.

Only days and search texts with their counts, each shown only when 3 or more; see ``healthreader.stats``.
Counting is off unless the kiosk policy says ``search_stats = true``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from healthreader.commands.common import data_paths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("stats", help="local search statistics (with the kiosk policy's consent)")
    ssub = p.add_subparsers(dest="stats_command", metavar="ACTION", required=True)
    export = ssub.add_parser("export", help="write the search counts per day as CSV")
    export.add_argument("--csv", required=True, metavar="FILE", help="the CSV file to write ('-' for standard output)")
    export.add_argument("--since", metavar="DATE", help="only days from this one on (2026-12-01)")
    export.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    from healthreader.stats import SearchStats, StatsError

    path = data_paths(args).stats_file
    since = None
    if args.since:
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            print(f"healthreader: --since takes a date like 2026-12-01, not {args.since!r}", file=sys.stderr)
            return 2
    if not path.is_file():
        print(
            f"healthreader: no search statistics in {path}: counting is off unless the kiosk policy says search_stats = true",
            file=sys.stderr,
        )
        return 1
    try:
        with SearchStats.open(path) as stats:
            if args.csv == "-":
                rows = stats.export_csv(sys.stdout, since)
            else:
                with open(args.csv, "w", encoding="utf-8", newline="") as out:
                    rows = stats.export_csv(out, since)
    except (StatsError, OSError) as exc:
        print(f"healthreader: {exc}", file=sys.stderr)
        return 2
    if args.csv != "-":
        print(f"wrote {rows} row(s) to {args.csv} (searches made fewer than 3 times are left out)")
    return 0
