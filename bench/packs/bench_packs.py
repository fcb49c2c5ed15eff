#!/usr/bin/env python3
"""Content packs at fleet size: build, verify and install a pack of a synthetic library.

    python bench/packs/bench_packs.py [--entries 10000] [--keep DIR]

Generates a library with bench/genlib.py, then times, once each (a build at 10,000 entries takes a
minute or more, most of it Whoosh indexing):
- ``build_pack`` (copy, prebuild the index, hash every file, sign, zip), and the pack's size;
- ``open_pack`` + ``check_files`` (``pack verify``: signature, then every file hashed);
- the first ``PackStore.install`` (verify, unpack with hashing, load the library once, fsync, switch),
  then a second version's install (beside the first) and a rollback;
- a refused install of a tampered copy (it has to read up to the changed file).
Run by hand; not in the tests.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))
sys.path.insert(0, str(HERE.parent))

from common import machine  # noqa: I001
from genlib import generate

from healthreader.packs import PackRefused, PackStore, SigningKey, build_pack, check_files, open_pack


def timed(what: str, fn, results: list[tuple[str, float, str]], note: str = ""):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - started
    results.append((what, seconds, note() if callable(note) else note))
    print(f"  {what}: {seconds:.1f} s", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-packs-"))
    work.mkdir(parents=True, exist_ok=True)
    print(machine())
    print(f"{args.entries} entries, in {work}")
    results: list[tuple[str, float, str]] = []
    lib = work / "library"
    if not (lib / "library.yaml").exists():
        timed("generate the library", lambda: generate(lib, args.entries), results)
    key = SigningKey.generate("bench")
    trusted = {key.public.id: key.public}
    v1, v2 = work / "v1.hrpack", work / "v2.hrpack"
    timed(
        "build v1",
        lambda: build_pack(lib, key, v1, allow_problems=True),
        results,
        lambda: f"{v1.stat().st_size / 1e6:.0f} MB",
    )
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    (lib / "library.yaml").write_text(re.sub(r"^version: .*$", 'version: "2.0"', text, flags=re.M), encoding="utf-8")
    timed("build v2", lambda: build_pack(lib, key, v2, allow_problems=True), results)
    pack = timed(
        "verify (signature + every file)",
        lambda: check_files(open_pack(v1, trusted)) or open_pack(v1, trusted),
        results,
    )
    files = len(pack.manifest.files)
    store = PackStore(work / "packs")
    timed("install v1 (empty packs folder)", lambda: store.install(v1, trusted), results, f"{files} files")
    timed("install v2 beside v1", lambda: store.install(v2, trusted), results)
    timed("rollback to v1", lambda: store.rollback(pack.manifest.library_id), results)
    bad = work / "bad.hrpack"
    with zipfile.ZipFile(v2) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        names = [i for i in zin.infolist()]
        last_entry = max(n.filename for n in names if n.filename.startswith("library/articles/"))
        for info in names:
            data = zin.read(info)
            zout.writestr(info, data + b"\n" if info.filename == last_entry else data)

    def refused() -> None:
        try:
            store.install(bad, trusted)
        except PackRefused as exc:
            print(f"    refused: {exc}")

    timed("refuse a tampered v2 (changed entry)", refused, results)
    print()
    print("| step | seconds | note |\n| --- | ---: | --- |")
    for what, seconds, note in results:
        print(f"| {what} | {seconds:.1f} | {note} |")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
