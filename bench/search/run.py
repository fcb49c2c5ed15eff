#!/usr/bin/env python3
"""Search benchmark: index build, first query in a fresh process, warm latency, memory; and the same
queries through python-libzim (Kiwix's engine, Xapian) on a ZIM made from the same library.

    python bench/search/gencorpus.py /tmp/lib10k --entries 10000
    python bench/search/run.py /tmp/lib10k --work /tmp/bench10k [--queries 200] [--no-zim] [--profile]
        [--out results.md]

Run by hand, never in CI.  Every measurement that needs a fresh process gets one (this script
re-runs itself with ``--child``); latencies are per query, with snippets for the top 10 (ours) or the
top 10 entries' content read (libzim: its Python binding exposes no snippets).  Nothing is written
outside ``--work``.
"""

from __future__ import annotations

import argparse
import builtins
import html
import importlib.metadata
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
CATEGORIES = ("suggest 1-3 chars", "suggest pinyin", "single word", "two words", "phrase", "question")
# Whole questions the way patients type them (no punctuation, question words, colloquial fillers),
# about the generated library's own terms.
QUESTION_TEMPLATES = (
    "{d}多久能好",
    "{d}吃什么好",
    "{b}{s}怎么办",
    "{d}会不会遗传",
    "{b}老是{s}是怎么回事",
    "{e}疼不疼",
    "{b}{s}挂什么科",
    "{p}得了{d}怎么治",
    "{d}是什么原因引起的",
    "{d}有哪些症状",
    "做{e}要注意什么",
    "{b}{s}是不是{d}",
)


# --- shared helpers ------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{' '.join(platform.uname())}\nCPU: {cpu} × {os.cpu_count()}; Python {platform.python_version()}"


def load() -> str:
    """The machine's load now (other work shares it: figures of two runs compare only as ratios)."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


def run_child(*args: str) -> tuple[dict[str, Any], float, int]:
    """Run this script as a child; its JSON answer, wall seconds and peak RSS (KiB)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE), "--child", *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    # wait4, not communicate(): it gives this child's own peak RSS.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"child {args[0]} failed ({proc.returncode})")
    return json.loads(out.strip().splitlines()[-1]), wall, usage.ru_maxrss


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def make_queries(lib: Path, n: int) -> dict[str, list[str]]:
    """The same deterministic queries for both engines, drawn from the library itself."""
    import pypinyin

    from healthreader.content import load_library
    from healthreader.search.text import plain_text

    rng = random.Random(11)
    library = load_library([lib])
    entries = list(library)
    words = [
        line.split()[0]
        for line in (lib / "search" / "userdict.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    suggest_chars, suggest_pinyin, phrases = [], [], []
    while len(suggest_chars) < n:
        title = rng.choice(entries).title
        suggest_chars.append(title[: rng.randint(1, 3)])
    while len(suggest_pinyin) < n:
        syllables = pypinyin.lazy_pinyin(rng.choice(entries).title, errors="ignore")
        if rng.random() < 0.5:
            suggest_pinyin.append("".join(syllables)[: rng.randint(2, 8)])
        else:
            suggest_pinyin.append("".join(s[0] for s in syllables)[: rng.randint(2, 4)])
    while len(phrases) < n:
        body = plain_text(rng.choice(entries).read_body())
        runs = [r for r in re.findall(r"[\u4e00-\u9fff]{4,}", body)]
        if runs:
            run = rng.choice(runs)
            length = rng.randint(4, min(8, len(run)))
            start = rng.randrange(len(run) - length + 1)
            phrases.append(f'"{run[start : start + length]}"')
    sys.path.insert(0, str(HERE.parent))
    import gencorpus

    questions = [
        rng.choice(QUESTION_TEMPLATES).format(
            d=rng.choice(gencorpus.DISEASES),
            b=rng.choice(gencorpus.BODY),
            s=rng.choice(gencorpus.SYMPTOMS),
            e=rng.choice(gencorpus.EXAMS),
            p=rng.choice(gencorpus.PEOPLE),
        )
        for _ in range(n)
    ]
    return {
        "suggest 1-3 chars": suggest_chars,
        "suggest pinyin": suggest_pinyin,
        "single word": [rng.choice(words) for _ in range(n)],
        "two words": [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(n)],
        "phrase": phrases,
        "question": questions,
    }


# --- children ----------------------------------------------------------------------------------


def child_build(lib: str, out: str) -> dict[str, Any]:
    from healthreader.content import load_library
    from healthreader.search import build_index

    started = time.perf_counter()
    library = load_library([Path(lib)])
    manifest = build_index(library, Path(out))
    return {"seconds": time.perf_counter() - started, "entries": manifest.entries}


def child_first(lib: str, work: str, query: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    from healthreader.content import load_library
    from healthreader.search import SearchService

    t1 = time.perf_counter()
    library = load_library([Path(lib)], cache_file=Path(work) / "catalogue.bin")
    t2 = time.perf_counter()
    service = SearchService.open(
        library, Path(work) / "user-index", prebuilt_dirs=[Path(work) / "index"], cache_dir=Path(work) / "cache"
    )
    t3 = time.perf_counter()
    results = service.search(query, limit=10)
    t4 = time.perf_counter()
    assert service.folder == Path(work) / "index", "the prebuilt index was not used"
    return {"import": t1 - t0, "load": t2 - t1, "open": t3 - t2, "query": t4 - t3, "hits": results.total}


def child_update(lib: str, work: str) -> dict[str, Any]:
    """A start after a few files changed: the index in ``work/index`` (left as it is) brought up to
    date into ``work/updated-index``: content hash, update, open, as the reader's start does."""
    from healthreader.content import load_library
    from healthreader.search.index import IndexManager

    library = load_library([Path(lib)])
    started = time.perf_counter()
    manager = IndexManager(
        library, Path(work) / "updated-index", [Path(work) / "index"], cache_dir=Path(work) / "cache-upd"
    )
    opened = manager.open_or_build()
    seconds = time.perf_counter() - started
    segments = len(list(opened.searcher.reader().leaf_readers()))
    opened.close()
    return {"seconds": seconds, "segments": segments, "entries": len(library)}


def edit_library(lib: Path, dest: Path, changes: int) -> None:
    """A copy of ``lib`` (hard links) with ``changes`` files changed as a clinic does: 40 % edited (a
    sentence added), 30 % deleted, 30 % added (an entry copied under a new id), spread over the library."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(lib, dest, copy_function=os.link)
    files = sorted([*(dest / "articles").glob("*.md"), *(dest / "qa").glob("*.md")])
    step = max(1, len(files) // max(changes, 1))
    chosen = files[::step][:changes]
    edited, deleted = round(changes * 0.4), round(changes * 0.3)
    for n, path in enumerate(chosen):
        text = path.read_text(encoding="utf-8")
        path.unlink()  # a hard link: the original library must not change
        if n < edited:
            path.write_text(text + "\n\n斑马鱼疗法没有可靠证据，不要因此耽误治疗。\n", encoding="utf-8")
        elif n < edited + deleted:
            continue
        else:
            path.write_text(text, encoding="utf-8")
            copy = path.with_name(f"{path.stem}-copy.md")
            copy.write_text(re.sub(r"^id: (.+)$", r"id: \1-copy", text, count=1, flags=re.M), encoding="utf-8")


def child_warm(lib: str, work: str, queries_file: str, index: str = "") -> dict[str, Any]:
    from healthreader.content import load_library
    from healthreader.search import SearchService

    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    library = load_library([Path(lib)], cache_file=Path(work) / ("catalogue-upd.bin" if index else "catalogue.bin"))
    if index:  # the updated index, as it is after a start that brought it up to date
        service = SearchService.open(library, Path(index), prebuilt_dirs=[], cache_dir=Path(work) / "cache-upd")
        assert service.folder == Path(index)
    else:
        service = SearchService.open(
            library, Path(work) / "user-index", prebuilt_dirs=[Path(work) / "index"], cache_dir=Path(work) / "cache"
        )
    started = time.perf_counter()
    service.suggest("肌")  # the first keystroke: its first reads of the catalogue (older versions: loads the key lists)
    first_suggest = time.perf_counter() - started
    service.prepare()  # and the character index, as the reader does on its worker thread
    out: dict[str, Any] = {"first_suggest": first_suggest, "prepare": time.perf_counter() - started}
    for category in CATEGORIES:
        times, found = [], 0
        for q in queries[category]:
            t = time.perf_counter()
            if category.startswith("suggest"):
                found += bool(service.suggest(q, limit=10))
            else:
                found += bool(service.search(q, limit=10).hits)
            times.append((time.perf_counter() - t) * 1000)
        out[category] = {"p50": percentile(times, 50), "p95": percentile(times, 95), "answered": found / len(times)}
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def child_profile(lib: str, work: str, queries_file: str) -> dict[str, Any]:
    """cProfile of warm searches (single word, two words, phrase; every query run once before, so the
    page cache and the engine's caches are as a reader's would be): the top functions by own time."""
    import cProfile
    import io
    import pstats

    from healthreader.content import load_library
    from healthreader.search import SearchService

    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    library = load_library([Path(lib)], cache_file=Path(work) / "catalogue.bin")
    service = SearchService.open(
        library, Path(work) / "user-index", prebuilt_dirs=[Path(work) / "index"], cache_dir=Path(work) / "cache"
    )
    chosen = [q for c in ("single word", "two words", "phrase") for q in queries[c]]
    for q in chosen:
        service.search(q, limit=10)
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for q in chosen:
        service.search(q, limit=10)
    profile.disable()
    wall = time.perf_counter() - started
    text = io.StringIO()
    stats = pstats.Stats(profile, stream=text)
    stats.sort_stats("tottime").print_stats(14)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    decode = sum(
        row[2]
        for (file, _, name), row in stats.stats.items()  # type: ignore[attr-defined]
        if "/whoosh/" in file
        or file.endswith(("healthreader/search/codec.py", "numlists.py"))
        or any(k in name for k in ("decompress", "_pickle.loads", "frombytes"))
    )
    lines = text.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return {
        "queries": len(chosen),
        "wall": wall,
        "whoosh_share": decode / max(total, 1e-9),
        "top": [line.replace(str(Path(sys.prefix)), "<venv>") for line in lines[start:] if line.strip()],
    }


def child_zim_build(lib: str, out: str) -> dict[str, Any]:
    from libzim.writer import Creator, Hint, Item, StringProvider

    from healthreader.content import load_library
    from healthreader.search.text import plain_text

    class Page(Item):  # type: ignore[misc]
        def __init__(self, path: str, title: str, content: str) -> None:
            super().__init__()
            self.path, self.title, self.content = path, title, content

        def get_path(self) -> str:
            return self.path

        def get_title(self) -> str:
            return self.title

        def get_mimetype(self) -> str:
            return "text/html"

        def get_contentprovider(self) -> StringProvider:
            return StringProvider(self.content)

        def get_hints(self) -> dict[Hint, int]:
            return {Hint.FRONT_ARTICLE: True}

    started = time.perf_counter()
    library = load_library([Path(lib)])
    with Creator(out).config_indexing(True, "zho") as creator:
        creator.set_mainpath(next(iter(library)).id)
        for key, value in {"Title": "bench", "Language": "zho", "Creator": "bench", "Publisher": "bench",
                           "Date": "2026-11-27", "Description": "search benchmark", "Name": "bench"}.items():  # fmt: skip
            creator.add_metadata(key, value)
        for entry in library:
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in plain_text(entry.read_body()).split("\n") if p.strip())
            page = f"<html><head><title>{html.escape(entry.title)}</title></head><body><h1>{html.escape(entry.title)}</h1>{paras}</body></html>"
            creator.add_item(Page(entry.id, entry.title, page))
    return {"seconds": time.perf_counter() - started}


def child_zim_warm(zim: str, queries_file: str) -> dict[str, Any]:
    from libzim.reader import Archive
    from libzim.search import Query, Searcher
    from libzim.suggestion import SuggestionSearcher

    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    archive = Archive(zim)
    searcher, suggester = Searcher(archive), SuggestionSearcher(archive)
    out: dict[str, Any] = {}
    for category in CATEGORIES:
        times, found = [], 0
        for q in queries[category]:
            t = time.perf_counter()
            if category.startswith("suggest"):
                paths = list(suggester.suggest(q).getResults(0, 10))
            else:
                paths = list(searcher.search(Query().set_query(q)).getResults(0, 10))
                for path in paths:  # what the reader would show: the entries' text
                    bytes(archive.get_entry_by_path(path).get_item().content)
            times.append((time.perf_counter() - t) * 1000)
            found += bool(paths)
        out[category] = {"p50": percentile(times, 50), "p95": percentile(times, 95), "answered": found / len(times)}
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def child_zim_first(zim: str, query: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    from libzim.reader import Archive
    from libzim.search import Query, Searcher

    archive = Archive(zim)
    paths = list(Searcher(archive).search(Query().set_query(query)).getResults(0, 10))
    for path in paths:
        bytes(archive.get_entry_by_path(path).get_item().content)
    return {"query": time.perf_counter() - t0}


CHILDREN = {
    "build": child_build,
    "update": child_update,
    "first": child_first,
    "warm": child_warm,
    "profile": child_profile,
    "zim-build": child_zim_build,
    "zim-warm": child_zim_warm,
    "zim-first": child_zim_first,
}


# --- the table -----------------------------------------------------------------------------------


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        builtins.print(json.dumps(CHILDREN[sys.argv[2]](*sys.argv[3:]), ensure_ascii=False))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("library", type=Path)
    parser.add_argument("--work", type=Path, required=True, help="scratch folder for indexes and the ZIM")
    parser.add_argument("--queries", type=int, default=200, help="queries per category (default 200)")
    parser.add_argument("--no-zim", action="store_true", help="skip the libzim comparison")
    parser.add_argument("--reuse-index", action="store_true", help="keep an index already in --work (if current)")
    parser.add_argument("--profile", action="store_true", help="also cProfile warm searches (top functions)")
    parser.add_argument("--out", type=Path, help="also write the report to this file (Markdown)")
    parser.add_argument(
        "--changes",
        type=int,
        default=0,
        help="also re-index after this many files changed, and measure warm search on the result",
    )
    args = parser.parse_args()
    report: list[str] = []

    def print(*parts: object) -> None:  # noqa: A001 - every line of the report also goes to --out
        line = " ".join(str(p) for p in parts)
        builtins.print(line, flush=True)
        report.append(line)

    lib, work = args.library.resolve(), args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    entries = sum(1 for _ in (lib / "articles").glob("*.md")) + sum(1 for _ in (lib / "qa").glob("*.md"))

    print(f"# Search benchmark, {entries:,} entries ({lib})\n\n{machine()}\nAt the start: {load()}\n")
    if args.reuse_index and (work / "index" / "manifest.json").is_file():
        print(f"Build: reused the index in {work / 'index'} ({folder_mb(work / 'index'):.1f} MB)\n")
    else:
        built, _, rss = run_child("build", str(lib), str(work / "index"))
        print(
            f"Build: {built['seconds']:.1f} s, index {folder_mb(work / 'index'):.1f} MB, peak RSS {rss / 1024:.0f} MB\n"
        )

    queries = make_queries(lib, args.queries)
    qfile = work / "queries.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    probe = queries["single word"][0]
    run_child("first", str(lib), str(work), probe)  # writes the catalogue cache, warms the page cache
    firsts = [run_child("first", str(lib), str(work), probe) for _ in range(3)]
    first, first_wall, first_rss = sorted(firsts, key=lambda f: f[1])[1]
    print(
        f"First query, fresh process (median of 3; catalogue cache warm): {first_wall * 1000:.0f} ms from spawn to results; "
        f"in process: imports {first['import'] * 1000:.0f} ms, library {first['load'] * 1000:.0f} ms, "
        f"open index {first['open'] * 1000:.0f} ms, query with snippets {first['query'] * 1000:.0f} ms; RSS {first_rss / 1024:.0f} MB\n"
    )

    warm, _, warm_rss = run_child("warm", str(lib), str(work), str(qfile))
    zim: dict[str, Any] | None = None
    zim_note = ""
    if args.no_zim:
        zim_note = "libzim: skipped (--no-zim)"
    else:
        try:
            import libzim  # noqa: F401
        except ImportError as exc:
            zim_note = f"libzim: not available ({exc}); `pip install libzim` to compare"
        else:
            zim_file = work / "bench.zim"
            if zim_file.exists():
                zim_file.unlink()
            zb, _, zb_rss = run_child("zim-build", str(lib), str(zim_file))
            zim, _, zim_rss = run_child("zim-warm", str(zim_file), str(qfile))
            zf = [run_child("zim-first", str(zim_file), probe)[1] for _ in range(3)]
            zim_note = (
                f"libzim {importlib.metadata.version('libzim')}: ZIM build {zb['seconds']:.1f} s, {zim_file.stat().st_size / 1e6:.1f} MB, "
                f"build RSS {zb_rss / 1024:.0f} MB; first query fresh process {sorted(zf)[1] * 1000:.0f} ms; warm RSS {zim_rss / 1024:.0f} MB. "
                "Its suggestions match title words only (no pinyin), its results carry no snippets here."
            )

    print(f"Warm latency, ms, {args.queries} queries per row (suggestions: top 10; searches: top 10 with snippets)\n")
    head = "| queries | ours p50 | ours p95 | answered |"
    if zim:
        head += " libzim p50 | libzim p95 | libzim answered | ours/libzim p95 |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for category in CATEGORIES:
        ours = warm[category]
        row = f"| {category} | {ours['p50']:.2f} | {ours['p95']:.2f} | {ours['answered']:.0%} |"
        if zim:
            z = zim[category]
            row += (
                f" {z['p50']:.2f} | {z['p95']:.2f} | {z['answered']:.0%} | {ours['p95'] / max(z['p95'], 1e-6):.1f}× |"
            )
        print(row)
    print(
        f"\nFirst suggestion after opening: {warm['first_suggest'] * 1000:.0f} ms (first reads of the catalogue; older versions load the key lists); all suggestion "
        f"structures: {warm['prepare'] * 1000:.0f} ms (once per start). Peak RSS of the warm process: {warm_rss / 1024:.0f} MB."
    )
    print(zim_note)
    if args.changes:
        edited = work / "lib-edited"
        edit_library(lib, edited, args.changes)
        shutil.rmtree(work / "updated-index", ignore_errors=True)
        shutil.rmtree(work / "cache-upd", ignore_errors=True)
        upd, upd_wall, upd_rss = run_child("update", str(edited), str(work))
        print(
            f"\nRe-index after {args.changes} files changed (40 % edited, 30 % deleted, 30 % added): "
            f"{upd['seconds']:.2f} s in process ({upd_wall:.2f} s from spawn), from reading the library's "
            f"files to the index open; {upd['segments']} segments; peak RSS {upd_rss / 1024:.0f} MB.\n"
        )
        after, _, _ = run_child("warm", str(edited), str(work), str(qfile), str(work / "updated-index"))
        print("| queries | after full build p50 | p95 | after update p50 | p95 | update/full p95 |")
        print("|---|---|---|---|---|---|")
        for category in CATEGORIES:
            a, b = warm[category], after[category]
            print(
                f"| {category} | {a['p50']:.2f} | {a['p95']:.2f} | {b['p50']:.2f} | {b['p95']:.2f} | "
                f"{b['p95'] / max(a['p95'], 1e-6):.2f} |"
            )
    if args.profile:
        prof, _, _ = run_child("profile", str(lib), str(work), str(qfile))
        print(
            f"\nProfile of {prof['queries']} warm searches (single word, two words, phrase; each run once before): "
            f"{prof['wall']:.2f} s under cProfile, {prof['whoosh_share']:.0%} of own time in Whoosh (reading postings and terms, "
            "unpickling, inflating, our posting format). Top functions by own time:\n"
        )
        print("```\n" + "\n".join(prof["top"]) + "\n```")
    print(f"\nAt the end: {load()}")
    if args.out:
        args.out.write_text("\n".join(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
