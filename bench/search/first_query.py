#!/usr/bin/env python3
"""First query in a fresh process, spawn to results, as the reader's start does it, for one or more
source trees measured in one run (their runs interleaved, so that the machine's load falls alike).

    python bench/search/first_query.py /tmp/lib10k --work /tmp/fq10k \\
        --src src --index /tmp/now10k/index --src /tmp/before/src --index /tmp/before10k/index [--runs 7]

A tree that has the content snapshot (healthreader.content.snapshot) starts as the app does: the
library from the snapshot, the index opened with the content hash known for that snapshot; an older
tree as its app did: the library loaded from its files (with the catalogue cache), the index opened
by ``SearchService.open`` (which stats every entry to know the hash).  The first child of each tree
writes its caches (not counted).  ``--index`` is used as a prebuilt index, read only.  Run by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from common import machine, median, p, table  # noqa: E402

CHILD = """
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from typing import Any
lib, index, work, query = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
cache = work / "cache"
try:
    from healthreader.content.snapshot import open_library
except ImportError:
    open_library = None
from healthreader.search import SearchService
t1 = time.perf_counter()
if open_library is not None:
    opened = open_library([lib], cache / "content.sqlite", cache_file=cache / "catalogue.bin")
    library = opened.library
    t2 = time.perf_counter()
    from healthreader.search.service import known_hash, remember_hash
    token = getattr(library, "token", "")
    digest = known_hash(cache, token) if token else None
    service = SearchService.open_known(library, work / "user-index", digest, prebuilt_dirs=[index]) if digest else None
    how = "known hash"
    if service is None:
        service = SearchService.open(library, work / "user-index", prebuilt_dirs=[index], cache_dir=cache)
        how = "open (stats every entry)"
        if token:
            remember_hash(cache, token, service.index.manifest.content_hash)
else:
    from healthreader.content import load_library
    library = load_library([lib], cache_file=cache / "catalogue.bin")
    t2 = time.perf_counter()
    service = SearchService.open(library, work / "user-index", prebuilt_dirs=[index], cache_dir=cache)
    how = "open (stats every entry)"
t3 = time.perf_counter()
results = service.search(query, limit=10)
t4 = time.perf_counter()
assert service.folder == index, f"the prebuilt index was not used: {service.folder}"
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "open": t3 - t2, "query": t4 - t3, "hits": results.total, "how": how}))
"""


def child(src: Path, lib: Path, index: Path, work: Path, query: str) -> tuple[dict[str, Any], float, float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(lib), str(index), str(work), query],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    # wait4, not communicate(): it gives this child's own peak RSS (the output is a line or two).
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"child failed: {err[-2000:]}")
    rss = usage.ru_maxrss / 1024
    return json.loads(out.strip().splitlines()[-1]), wall, rss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("library", type=Path)
    ap.add_argument(
        "--index", type=Path, action="append", required=True,
        help="a current index of the library for each --src, in order (read only; one for all if given once)",
    )  # fmt: skip
    ap.add_argument("--work", type=Path, required=True, help="scratch folder (emptied)")
    ap.add_argument("--src", type=Path, action="append", required=True)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--query", default="肌肉萎缩")
    args = ap.parse_args()
    srcs = [s.resolve() for s in args.src]
    shutil.rmtree(args.work, ignore_errors=True)
    works = {s: args.work / f"tree{i}" for i, s in enumerate(srcs)}
    indexes = {s: (args.index[i] if len(args.index) > 1 else args.index[0]).resolve() for i, s in enumerate(srcs)}
    for s in srcs:
        child(s, args.library, indexes[s], works[s], args.query)  # writes the caches; warms the page cache
    runs: dict[Path, list[tuple[dict[str, Any], float, float]]] = {s: [] for s in srcs}
    for _ in range(args.runs):
        for s in srcs:
            runs[s].append(child(s, args.library, indexes[s], works[s], args.query))
    load = os.getloadavg()
    print(f"Machine: {machine()}; load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end")
    print(f"Library: {args.library}; query {args.query!r}; {args.runs} fresh processes per tree\n")
    rows = []
    for s in srcs:
        r = runs[s]
        walls = [w * 1000 for _, w, _ in r]
        parts = {k: median([d[k] * 1000 for d, _, _ in r]) for k in ("import", "load", "open", "query")}
        rows.append([
            str(s), f"{median(walls):.0f}", f"{p(walls, 0.95):.0f}", f"{parts['import']:.0f}", f"{parts['load']:.0f}",
            f"{parts['open']:.0f}", f"{parts['query']:.0f}", f"{median([m for _, _, m in r]):.0f}", r[-1][0]["how"],
        ])  # fmt: skip
    print(
        table(
            [
                "tree",
                "spawn to results median ms",
                "p95 ms",
                "imports",
                "library",
                "index open",
                "query",
                "peak RSS MB",
                "index opened by",
            ],
            rows,
        )  # fmt: skip
    )


if __name__ == "__main__":
    main()
