"""Command line: `python -m generator build [--seeds DIR] [--docs DIR]` and `python -m generator review`,
`python -m generator bench`.

Exit status: 0 when every seed built, 1 when some had problems (the others are built),
2 on usage errors.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:  # its own options: python -m generator bench --help
        from .bench import main as bench
        return bench(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Turn a folder of news articles into a MkDocs dossier.")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="read seeds/ and write the generated pages into docs/")
    build.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)")
    build.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs docs folder (default: docs)")
    build.add_argument("--dossier", type=Path, default=None,
                       help="the owner's knowledge file (default: dossier.yml beside the seeds folder)")
    build.add_argument("--quiet", action="store_true", help="print problems only")
    commands.add_parser("bench", help="time builds of synthetic dossiers of growing size (see bench/README.md)")
    review = commands.add_parser("review", help="list what the dossier's owner should check, with YAML to paste")
    review.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)")
    review.add_argument("--dossier", type=Path, default=None,
                        help="the owner's knowledge file (default: dossier.yml beside the seeds folder)")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"{args.seeds}: no such folder of articles", file=sys.stderr)
        return 2
    return _build(args) if args.command == "build" else _review(args)


def _review(args: argparse.Namespace) -> int:
    from .knowledge import load_knowledge
    from .review import format_review, review
    from .site import Report, read_corpus

    report = Report()
    dossier = args.dossier if args.dossier is not None else args.seeds.parent / "dossier.yml"
    corpus = read_corpus(args.seeds, dossier, report)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    knowledge, _ = load_knowledge(dossier)
    print(format_review(review(corpus, knowledge)), end="")
    return 0 if report.ok else 1


def _build(args: argparse.Namespace) -> int:
    from .nlp import ModelMissing
    from .site import build_site

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    try:
        report = build_site(args.seeds, args.docs, args.dossier, progress)
    except ModelMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if not args.quiet:
        print(f"{len(report.built)}/{report.seeds} articles built; {len(report.written)} pages written, "
              f"{len(report.unchanged)} unchanged, {len(report.removed)} removed; "
              f"{len(report.problems)} problem(s)")
    return 0 if report.ok else 1


def _exit(code: int) -> None:
    """Leave without tearing down the heap: freeing a 1,000-article corpus object by object costs about
    1 CPU-s, for nothing when the process ends. Files are written and closed by then; flush the streams."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    _exit(main())
