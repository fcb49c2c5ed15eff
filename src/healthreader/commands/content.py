"""``healthreader content check``: validate a library; ``path:line: message`` per problem."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from healthreader.commands.common import add_library_option, library_dirs
from healthreader.commands.content_new import register_new
from healthreader.content import Library, Problem, load_library
from healthreader.content.limits import body_problems, control_lines
from healthreader.content.validate import check_provenance, check_references
from healthreader.render import render_markdown
from healthreader.render.body import citations


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("content", help="work with library content")
    csub = p.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    check = csub.add_parser("check", help="validate library folders; exit 1 when any problem is found")
    add_library_option(check, "check_library", "check")
    check.set_defaults(func=run_check)
    register_new(csub)


_LIST_ITEM_RE = re.compile(r"^(\d+\.|[-*+])\s")


def glued_list_lines(body: str) -> list[int]:
    r"""Lines where a list starts right under a paragraph line: Markdown then shows it as running text.

    >>> glued_list_lines("建议：\n1. 复诊\n2. 检查\n\n- 好\n")
    [2]
    """
    found = []
    lines = body.splitlines()
    in_fence = False
    for n, line in enumerate(lines, 1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or n == 1 or not _LIST_ITEM_RE.match(line):
            continue
        prev = lines[n - 2]
        if prev.strip() and not prev.startswith((" ", "\t", "#")) and not _LIST_ITEM_RE.match(prev):
            found.append(n)
    return found


def check_bodies(library: Library) -> list[Problem]:
    """Render every body: sections must be well formed, no raw HTML, internal links must resolve."""
    problems: list[Problem] = []
    rendered = {}
    for entry in library:
        try:
            body = entry.read_body()
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(entry.path, 1, f"cannot read: {exc}"))
            continue
        base = entry.body_line - 1
        # The limits the renderer enforces, reported where they are first exceeded.
        for over in body_problems(body):
            problems.append(Problem(entry.path, base + over.line, f"{over.message}: the entry is shown as plain text"))
        for line in control_lines(body):
            problems.append(
                Problem(entry.path, base + line, "a control character or bidirectional override (removed when shown)")
            )
        for line, number in citations(body):
            if number > len(entry.sources):
                problems.append(
                    Problem(
                        entry.path,
                        base + line,
                        f"cites source [{number}], but the entry lists {len(entry.sources)} source(s)",
                    )
                )
        r = render_markdown(body, sources=len(entry.sources))
        rendered[entry.id] = r
        for line in r.raw_html_lines:
            problems.append(Problem(entry.path, base + line, "raw HTML is not allowed; write Markdown"))
        for line in glued_list_lines(body):
            problems.append(
                Problem(entry.path, base + line, "put a blank line before this list, or it shows as running text")
            )
        for s in r.sections:
            if not s.title.strip():
                problems.append(Problem(entry.path, entry.body_line, "a '##' heading is empty"))
        if not body.strip():
            problems.append(Problem(entry.path, entry.body_line, "the entry has no body"))
    for entry in library:
        found = rendered.get(entry.id)
        if found is None:
            continue
        r = found
        base = entry.body_line - 1
        for link in r.links:
            if link.is_entry:
                target = rendered.get(link.target)
                if link.target not in library:
                    problems.append(Problem(entry.path, base + link.line, f"link to unknown entry '{link.target}'"))
                elif link.anchor and target and not target.section(link.anchor):
                    problems.append(
                        Problem(
                            entry.path, base + link.line, f"link to unknown section '{link.anchor}' of '{link.target}'"
                        )
                    )
            elif link.href.startswith("#"):
                if not r.section(link.href[1:]):
                    problems.append(Problem(entry.path, base + link.line, f"link to unknown section '{link.href}'"))
            elif not link.href.startswith(("http://", "https://", "mailto:")):
                problems.append(Problem(entry.path, base + link.line, f"link '{link.href}' is not allowed"))
    return problems


def check_library(dirs: list[Path], today: dt.date | None = None) -> tuple[Library, list[Problem]]:
    library = load_library(dirs)
    problems = (
        list(library.problems)
        + check_references(library)
        + check_provenance(library, today or dt.date.today())
        + check_bodies(library)
    )
    problems.sort(key=lambda p: (str(p.path), p.line))
    return library, problems


def run_check(args: argparse.Namespace) -> int:
    dirs = [Path(d) for d in args.check_library] or library_dirs(args)
    library, problems = check_library(dirs)
    for p in problems:
        print(p)
    errors = [p for p in problems if not p.warning]
    warnings = len(problems) - len(errors)
    n_art = sum(1 for e in library if e.type == "article")
    summary = f"{len(library)} entries ({n_art} articles, {len(library) - n_art} questions) in {len(dirs)} folder(s): "
    summary += f"{len(errors)} problem(s)" if errors else "no problems"
    if warnings:
        summary += f", {warnings} warning(s) (warnings do not fail the check)"
    print(summary, file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0
