"""``healthreader content new ID``: start an entry from the template, with every field a writer fills in.

The file goes to ``articles/ID.md`` or ``qa/ID.md`` of the library folder (``--library``, default the
current folder); an existing file is never overwritten.  Open it in the reader while writing with
``healthreader --no-bundled --library DIR --open ID --watch``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from healthreader.content.frontmatter import ID_RE

ARTICLE = """\
---
id: {id}
type: article
title: {title}
summary: 用一两句话说清这篇文章讲什么，显示在搜索结果和侧栏里。
category: {category}
tags: []
aliases: []  # 病人常说的其他叫法
related: []
reviewed: {today}
reviewer: 待填写（审阅人姓名和科室）
next_review: {next_year}
sources:
  - 待填写（指南或教科书名称，带年份或版次）
red_flags:
  emergency:
    - 待填写：需要立即拨打120的情况
  same_day:
    - 待填写：需要当天就医的情况
  soon:
    - 待填写：需要几天内就诊的情况
---
## 这是什么

先讲最常见、最不用担心的解释，再讲需要就医的疾病。

## 怎么办

1. 第一步。
2. 第二步。

## 什么时候去医院

写清楚多久不好转要复诊。
"""

QA = """\
---
id: {id}
type: qa
title: {title}
summary: 一两句话的回答要点。
category: {category}
tags: []
aliases: []
related: []
reviewed: {today}
reviewer: 待填写（审阅人姓名和科室）
next_review: {next_year}
sources:
  - 待填写（指南或教科书名称，带年份或版次）
---
回答正文，150到600字。先说结论，再说原因和做法。
"""


def register_new(csub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = csub.add_parser("new", help="start a new entry from the template")
    new.add_argument("entry_id", metavar="ID", help="the new entry's id (lower-case letters, digits, '-')")
    new.add_argument("--type", choices=("article", "qa"), default="article")
    new.add_argument("--title", default="新条目标题", help="the title (Chinese)")
    new.add_argument("--category", default="神经与肌肉", help="one of library.yaml's categories")
    new.add_argument(
        "--library", dest="new_library", metavar="DIR", default=".", help="the library folder (default: here)"
    )
    new.set_defaults(func=run_new)


def run_new(args: argparse.Namespace) -> int:
    entry_id = args.entry_id
    if not ID_RE.match(entry_id):
        print(f"healthreader: id {entry_id!r} must be lower-case ASCII letters, digits and '-'", file=sys.stderr)
        return 2
    folder = Path(args.new_library)
    if not (folder / "library.yaml").is_file():
        print(f"healthreader: {folder} is not a library folder (it has no library.yaml)", file=sys.stderr)
        return 2
    path = folder / ("articles" if args.type == "article" else "qa") / f"{entry_id}.md"
    if path.exists():
        print(f"healthreader: {path} exists already; nothing was written", file=sys.stderr)
        return 2
    today = dt.date.today()
    text = (ARTICLE if args.type == "article" else QA).format(
        id=entry_id,
        title=args.title,
        category=args.category,
        today=today.isoformat(),
        next_year=today.replace(year=today.year + 1).isoformat()
        if (today.month, today.day) != (2, 29)
        else today.replace(year=today.year + 1, day=28).isoformat(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {path}")
    print(f"see it as patients will: healthreader --no-bundled --library {folder} --open {entry_id} --watch")
    return 0
