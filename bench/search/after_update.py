#!/usr/bin/env python3
"""Warm search on an index after an incremental update beside the same library's full build, in one
process, rounds alternating (so the machine's load falls on both alike): the p95 ratio of each kind.

    python bench/search/run.py LIB --work WORK --changes 10     # makes WORK/index, WORK/updated-index
    python bench/search/after_update.py LIB --work WORK [--rounds 3]

Run by hand, never in CI.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("library", type=Path)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from healthreader.content import load_library
    from healthreader.search import SearchService

    work = args.work.resolve()
    queries = json.loads((work / "queries.json").read_text(encoding="utf-8"))
    full = SearchService.open(load_library([args.library.resolve()]), work / "index", prebuilt_dirs=[])
    updated = SearchService.open(load_library([work / "lib-edited"]), work / "updated-index", prebuilt_dirs=[])
    segments = len(list(updated.index.searcher.reader().leaf_readers()))
    print(
        f"| queries ({args.rounds} alternating rounds) | full build p50 | p95 | after update ({segments} segments) p50 | p95 | update/full p95 |"
    )
    print("|---|---|---|---|---|---|")
    for category in ("single word", "two words", "phrase", "question"):
        for service in (full, updated):  # warm: every query once before
            for q in queries[category]:
                service.search(q, limit=10)
        times: dict[str, list[float]] = {"full": [], "updated": []}
        for _ in range(args.rounds):
            for name, service in (("full", full), ("updated", updated)):
                for q in queries[category]:
                    started = time.perf_counter()
                    service.search(q, limit=10)
                    times[name].append((time.perf_counter() - started) * 1000)
        a, b = times["full"], times["updated"]
        print(
            f"| {category} | {percentile(a, 50):.2f} | {percentile(a, 95):.2f} | {percentile(b, 50):.2f} | "
            f"{percentile(b, 95):.2f} | {percentile(b, 95) / max(percentile(a, 95), 1e-9):.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
