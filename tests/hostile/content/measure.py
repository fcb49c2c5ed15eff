"""The before/after table for issue 14: every corpus case through the loader, the check and the app.

    python -m tests.hostile.content.measure [--src DIR] [--only NAME] [--timeout S]

``--src`` is the ``src`` folder of the code to measure (default: this checkout's), so the same corpus
can be run against an older commit checked out elsewhere (``git worktree add /tmp/before HEAD``).
Each stage is its own process with a time limit and a 4 GB address-space cap (a billion-laughs file
once took 6 GB), so a hang or a blow-up on the old code is counted, not suffered.

A stage *crashes* when it prints a traceback, dies of a signal or aborts; it *hangs* when it takes
longer than the hang bound (5 s) or is killed at the timeout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from tests.hostile.content import corpus

ROOT = Path(__file__).resolve().parents[3]
HANG_SECONDS = 5.0
MEMORY_CAP = 4 << 30

LOADER = """
import sys, json
from healthreader.content import load_library
from healthreader.render import PageLabels, entry_page, home_page, render_markdown
lib = load_library([sys.argv[1]])
page = home_page(lib, PageLabels())
out = {"ids": sorted(e.id for e in lib), "problems": [str(p)[:300] for p in lib.problems][:50]}
if sys.argv[2]:
    e = lib.find(sys.argv[2])
    if e is not None:
        r = render_markdown(e.read_body())
        out["page"] = len(entry_page(e, r.html, "", PageLabels()))
print(json.dumps(out, ensure_ascii=False))
"""


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(cmd: list[str], src: Path, timeout: float) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(src), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd, capture_output=True, timeout=timeout, env=env, cwd=src.parent, preexec_fn=_limits, check=False
        )
    except subprocess.TimeoutExpired as exc:
        return {
            "rc": None,
            "seconds": timeout,
            "killed": True,
            "stderr": (exc.stderr or b"")[-2000:].decode("utf-8", "replace"),
        }
    err = proc.stderr[-4000:].decode("utf-8", "replace")
    return {
        "rc": proc.returncode,
        "seconds": round(time.perf_counter() - started, 2),
        "killed": False,
        "stderr": err,
        "stdout": proc.stdout[-4000:].decode("utf-8", "replace"),
        "traceback": "Traceback (most recent call last)" in err or "Fatal Python error" in err,
    }


def verdict(stage: str, r: dict[str, object]) -> tuple[bool, bool]:
    """(crashed, hung) for one stage's result."""
    hung = bool(r["killed"]) or float(r["seconds"]) > HANG_SECONDS  # type: ignore[arg-type]
    if r["killed"]:
        return False, True
    rc = r["rc"]
    ok_rcs = (0, 1) if stage == "check" else (0,)
    crashed = bool(r.get("traceback")) or rc not in ok_rcs
    return crashed, hung


def outcome(case: corpus.Case, loader: dict[str, object], check: dict[str, object]) -> tuple[bool, bool]:
    """(good entries lost, hostile part not reported): from the loader's ids and the check's lines."""
    try:
        out = json.loads(str(loader.get("stdout") or "").strip().splitlines()[-1])
        lost = not set(corpus.GOOD_IDS) <= set(out["ids"])
    except (ValueError, IndexError, KeyError):
        lost = True
    good = ("good-article.md:", "good-qa.md:")  # problems with the good entries (old code, new format) do not count
    reported = [
        line
        for line in str(check.get("stdout") or "").splitlines()
        if line.startswith("/") and ": " in line and not any(g in line for g in good)
    ]
    return lost, bool(case.expect) and not reported


def measure(src: Path, only: str | None, timeout: float) -> list[dict[str, object]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        for case in corpus.cases():
            if only and only not in case.name:
                continue
            try:
                lib = corpus.build(case, Path(tmp))
            except Exception as exc:  # a case the old code's tree cannot build (e.g. needs new limits)
                print(f"skip {case.name}: {exc}", file=sys.stderr)
                continue
            data = Path(tmp) / f"data-{case.name}"
            shot = Path(tmp) / f"{case.name}.png"
            stages = {
                "loader": run([sys.executable, "-c", LOADER, str(lib), case.open_id or ""], src, timeout),
                "check": run([sys.executable, "-m", "healthreader", "content", "check", "--library", str(lib)], src, timeout),
                "app": run(
                    [sys.executable, "-m", "healthreader", "--data-dir", str(data), "--no-bundled", "--library", str(lib),
                     "--screenshot", str(shot), *(["--open", case.open_id] if case.open_id else [])],
                    src,
                    timeout,
                ),
            }  # fmt: skip
            log = data / "healthreader.log"
            row: dict[str, object] = {"case": case.name, "cls": case.cls}
            for stage, r in stages.items():
                crashed, hung = verdict(stage, r)
                row[stage] = {"crashed": crashed, "hung": hung, "seconds": r["seconds"], "rc": r["rc"]}
            row["log_bytes"] = log.stat().st_size if log.exists() else 0
            row["lost"], row["silent"] = outcome(case, stages["loader"], stages["check"])
            print(json.dumps(row, ensure_ascii=False), flush=True)
            rows.append(row)
            for p in Path(tmp).glob(f"{case.name}*"):
                subprocess.run(["chmod", "-R", "u+rwx", str(p)], check=False)
                subprocess.run(["rm", "-rf", str(p)], check=False)
    return rows


def table(rows: list[dict[str, object]]) -> str:
    by_cls: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        by_cls[str(row["cls"])].append(row)
    out = [
        "| class | inputs | crashes (loader/check/app) | hangs > 5 s (loader/check/app) | good entries lost | hostile file not reported by content check | slowest stage |",
        "|---|---|---|---|---|---|---|",
    ]
    for cls, members in by_cls.items():
        crashes = [sum(1 for m in members if m[s]["crashed"]) for s in ("loader", "check", "app")]  # type: ignore[index]
        hangs = [sum(1 for m in members if m[s]["hung"]) for s in ("loader", "check", "app")]  # type: ignore[index]
        slow = max((m[s]["seconds"], f"{m['case']} {s}") for m in members for s in ("loader", "check", "app"))  # type: ignore[index]
        out.append(
            f"| {cls} | {len(members)} | {'/'.join(map(str, crashes))} | {'/'.join(map(str, hangs))} "
            f"| {sum(1 for m in members if m['lost'])} | {sum(1 for m in members if m['silent'])} | {slow[0]} s ({slow[1]}) |"
        )
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--only")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    rows = measure(args.src.resolve(), args.only, args.timeout)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
