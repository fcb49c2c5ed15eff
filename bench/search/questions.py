#!/usr/bin/env python3
"""How well search answers patients' questions: top-1, top-3 and MRR over ``tests/data/questions.yaml``.

    python bench/search/questions.py [--library content] [--questions tests/data/questions.yaml] [-v]

Builds an index of the library in a temporary folder and searches each question as typed.  A question
counts at rank k when the k-th hit is one of the entries listed for it; MRR takes the first such hit
in the top 10 (0 when none).  Questions whose entries are all missing from the library are skipped and
counted.  The search code is whatever ``healthreader`` imports: run it with ``PYTHONPATH=<checkout>/src``
to measure another checkout (a "before" table) on the same library and questions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPTH = 10


@dataclass(frozen=True)
class Question:
    text: str
    ids: tuple[str, ...]
    section: str = ""


@dataclass
class Scores:
    asked: int = 0
    top1: int = 0
    top3: int = 0
    rr: float = 0.0
    sections_asked: int = 0
    sections_right: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, float]:
        n = max(self.asked, 1)
        return {
            "questions": self.asked,
            "top1": self.top1 / n,
            "top3": self.top3 / n,
            "mrr": self.rr / n,
            "sections": self.sections_right / max(self.sections_asked, 1),
            "skipped": self.skipped,
        }


def load_questions(path: Path) -> list[Question]:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Question(str(d["q"]), tuple(d["ids"]), str(d.get("section", ""))) for d in data]


def rank_of(hit_ids: list[str], answers: tuple[str, ...]) -> int | None:
    """1-based rank of the first answering hit, or None."""
    for n, hit in enumerate(hit_ids[:DEPTH], 1):
        if hit in answers:
            return n
    return None


def evaluate(service: Any, known_ids: set[str], questions: list[Question], verbose: bool = False) -> Scores:
    scores = Scores()
    for q in questions:
        answers = tuple(i for i in q.ids if i in known_ids)
        if not answers:
            scores.skipped += 1
            continue
        hits = service.search(q.text, limit=DEPTH).hits
        ids = [h.entry_id for h in hits]
        rank = rank_of(ids, answers)
        scores.asked += 1
        scores.top1 += rank == 1
        scores.top3 += rank is not None and rank <= 3
        scores.rr += 1 / rank if rank else 0.0
        if q.section and answers[0] == q.ids[0]:
            scores.sections_asked += 1
            first = next((h for h in hits if h.entry_id == q.ids[0]), None)
            scores.sections_right += first is not None and first.anchor == q.section
        if verbose and rank != 1:
            shown = ", ".join(ids[:3]) or "(nothing)"
            print(f"  rank {rank or '-':>2}  {q.text}  ->  {shown}   wanted {'/'.join(answers)}")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--library", type=Path, default=ROOT / "content")
    parser.add_argument("--questions", type=Path, default=ROOT / "tests" / "data" / "questions.yaml")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the questions not answered first")
    args = parser.parse_args(argv)

    import healthreader
    from healthreader.content import load_library
    from healthreader.search import SearchService

    library = load_library([args.library])
    questions = load_questions(args.questions)
    with tempfile.TemporaryDirectory(prefix="hr-questions-") as tmp:
        service = SearchService.open(library, Path(tmp) / "index", prebuilt_dirs=[])
        try:
            scores = evaluate(service, {e.id for e in library}, questions, args.verbose)
        finally:
            service.close()
    s = scores.as_dict()
    print(f"code: {Path(healthreader.__file__).parent}; library: {args.library} ({len(library)} entries)")
    print(
        f"questions {s['questions']} (skipped {s['skipped']}): top-1 {s['top1']:.3f}, top-3 {s['top3']:.3f}, "
        f"MRR {s['mrr']:.3f}; opened at the answering section {scores.sections_right}/{scores.sections_asked}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
