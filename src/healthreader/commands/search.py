"""``healthreader search``: full-text search from the command line, for clinics' scripts and checks.

    healthreader search 面瘫 --limit 5 --type article
    healthreader search 面瘫 --json
    healthreader search 面瘫多久能好 --explain                 # why each hit ranks where it does
    printf '面瘫\\n腰突 萎缩\\n' | healthreader search --stdin     # one JSON array per line, same order

The index is opened (or built, with progress on stderr) exactly as the reader does.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from typing import TYPE_CHECKING, Any

from healthreader.commands.common import data_paths, open_library

if TYPE_CHECKING:
    from healthreader.search import Hit, Results, SearchService

TYPE_LABELS = {"article": "文章", "qa": "问答"}
_MARK_RE = re.compile(r'<b class="match">(.*?)</b>')


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("search", help="search the library")
    p.add_argument("query", nargs="?", help="what to look for (omit with --stdin)")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    p.add_argument("--type", choices=("article", "qa"), help="only articles, or only questions")
    p.add_argument("--category", metavar="C", help="only entries of this category")
    p.add_argument("--exact", action="store_true", help="search exactly what was typed (no homophone correction)")
    p.add_argument(
        "--explain", action="store_true", help="show why each hit ranks where it does (which words matched where)"
    )
    p.add_argument("--json", action="store_true", help="print a JSON array of hits")
    p.add_argument("--stdin", action="store_true", help="read one query per line; print one JSON array per line")
    p.set_defaults(func=run_search)


def hit_json(hit: Hit, explain: bool = False) -> dict[str, Any]:
    out = {
        "id": hit.entry_id,
        "title": hit.title,
        "type": hit.type,
        "category": hit.category,
        "section": hit.anchor,
        "section_title": hit.section_title,
        "snippet": hit.snippet_html,
        "score": hit.score,
    }
    if explain:
        out["explain"] = [{"why": why, "score": score} for why, score in hit.explain]
    return out


def _plain_snippet(snippet_html: str) -> str:
    import html

    return html.unescape(_MARK_RE.sub(r"【\1】", snippet_html))


def _print_table(results: Results, explain: bool = False) -> None:
    from healthreader.search import HINT_EMPTY_QUERY, HINT_UNAVAILABLE

    if results.corrected_from is not None:
        print(f"显示 {results.effective_query} 的结果（仍要搜索 {results.corrected_from}：加 --exact）")
    if not results.hits:
        if results.hint == HINT_EMPTY_QUERY:
            print("请输入要查找的字词（标点和符号不参与搜索）。")
        elif results.hint == HINT_UNAVAILABLE:
            print("搜索索引出错，请运行 healthreader index build 重建。")
        else:
            print(f"没有找到与“{results.query}”相关的内容。")
        if results.nearest_titles:
            print("相近的条目：" + "、".join(f"{title} ({eid})" for eid, title in results.nearest_titles))
        return
    print(f"{results.total} 条结果")
    if results.not_found:
        print("没有找到：" + "、".join(results.not_found))
    for n, hit in enumerate(results.hits, 1):
        where = f" › {hit.section_title}" if hit.section_title else ""
        print(
            f"{n:>3}. [{TYPE_LABELS.get(hit.type, hit.type)}] {hit.title}{where}  ({hit.entry_id}#{hit.anchor}, {hit.score:.2f})"
        )
        print(f"     {_plain_snippet(hit.snippet_html)}")
        if explain:
            for why, score in hit.explain:
                print(f"       {score:>7.3f}  {why}")


def _search(service: SearchService, args: argparse.Namespace, query: str) -> Results:
    return service.search(query, limit=args.limit, type=args.type, category=args.category, exact=args.exact)


def run_search(args: argparse.Namespace) -> int:
    from healthreader.search import IndexBuildError, SearchService  # Whoosh only when searching

    if not args.stdin and args.query is None:
        print("error: give a QUERY, or --stdin", file=sys.stderr)
        return 2

    def progress(done: int, total: int) -> None:
        if done == total or done % 500 == 0:
            print(f"\rpreparing search {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)

    try:
        paths = data_paths(args)
        service = SearchService.open(open_library(args), paths.index_dir, progress=progress, cache_dir=paths.cache_dir)
    except IndexBuildError as exc:
        print(f"error: search is unavailable: {exc}", file=sys.stderr)
        return 1

    def answer(text: str) -> Results:
        nonlocal service
        results = _search(service, args, text)
        if service.damaged:
            # Large index files are only sampled at start: damage between the samples shows here.
            # As the window does, rebuild in the user's folder (never a prebuilt one) and ask again.
            print("the search index is damaged; rebuilding it", file=sys.stderr, flush=True)
            service.close()
            shutil.rmtree(paths.index_dir, ignore_errors=True)
            try:
                service = SearchService.open(
                    open_library(args), paths.index_dir, prebuilt_dirs=[], progress=progress, cache_dir=paths.cache_dir
                )
            except IndexBuildError as exc:
                print(f"error: search is unavailable: {exc}", file=sys.stderr)
                raise SystemExit(1) from exc
            results = _search(service, args, text)
        return results

    try:
        if args.stdin:
            for line in sys.stdin:
                hits = answer(line.rstrip("\r\n")).hits
                print(json.dumps([hit_json(h, args.explain) for h in hits], ensure_ascii=False), flush=True)
            return 0
        results = answer(args.query)
        if args.json:
            if results.corrected_from is not None:
                print(f"showing results for {results.effective_query!r}", file=sys.stderr)
            print(json.dumps([hit_json(h, args.explain) for h in results.hits], ensure_ascii=False, indent=1))
        else:
            _print_table(results, args.explain)
        return 0 if results.hits else 1
    finally:
        service.close()
