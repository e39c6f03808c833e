"""Command line: `python -m generator build [--seeds DIR] [--docs DIR]`.

Exit status: 0 when every seed built, 1 when some had problems (the others are built),
2 on usage errors.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Turn a folder of news articles into a MkDocs dossier.")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="read seeds/ and write the generated pages into docs/")
    build.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)")
    build.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs docs folder (default: docs)")
    build.add_argument("--dossier", type=Path, default=None,
                       help="the owner's knowledge file (default: dossier.yml beside the seeds folder)")
    build.add_argument("--quiet", action="store_true", help="print problems only")
    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args)
    return 2


def _build(args: argparse.Namespace) -> int:
    from .nlp import ModelMissing
    from .site import build_site

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    if not args.seeds.is_dir():
        print(f"{args.seeds}: no such folder of articles", file=sys.stderr)
        return 2
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


if __name__ == "__main__":
    sys.exit(main())
