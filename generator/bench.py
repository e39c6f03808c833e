"""Benchmark: synthetic dossiers of N articles made from the seeds, built cold and incrementally.

`python -m generator.bench [--sizes 100 1000]` prints one row per size: articles per second,
seconds, peak memory of the process tree, pages, search index bytes, growth between sizes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .read import ReadError, decode
from .search import BUNDLE, first_result_bytes

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- synthetic corpora

# Common French given names and surnames: renamed people recur across articles, as in a real dossier.
FIRST = ("Claire", "Julien", "Sophie", "Marc", "Anne", "Thomas", "Camille", "Nicolas", "Isabelle", "Pierre",
         "Nathalie", "Laurent", "Hélène", "Olivier", "Émilie", "François", "Léa", "Antoine", "Céline", "Hugo",
         "Manon", "Mathieu", "Aurélie", "Sébastien", "Inès", "Vincent", "Chloé", "Bruno", "Lucie", "Damien")
LAST = ("Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Garnier",
        "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin",
        "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez",
        "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël")
# A capitalised word never begins a name at the start of a French sentence ("Selon Le Monde").
FUNCTION_WORDS = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "selon", "pour", "dans", "en",
                  "au", "aux", "ce", "cette", "ces", "il", "elle", "ils", "elles", "mais", "et", "or", "si",
                  "lors", "après", "avant", "depuis", "par", "sur", "sous", "avec", "sans", "entre", "vers"}
_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-Za-zà-öø-ÿ]+)?"
_NAME = re.compile(rf"\b{_CAP}(?: {_CAP}){{1,2}}\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_DAY = re.compile(r"\b([1-9]|[12]\d|3[01])(er)?(\s+)(?=(?:janvier|février|mars|avril|mai|juin|juillet|août|"
                  r"septembre|octobre|novembre|décembre)\b)")


def transform(text: str, rng: random.Random) -> str:
    """One synthetic variant of an article: people renamed, dates moved, long paragraphs reordered."""
    people = [f"{a} {b}" for a in FIRST for b in LAST]
    renamed: dict[str, str] = {}

    def rename(match: re.Match) -> str:
        name = match.group(0)
        if name.split()[0].lower() in FUNCTION_WORDS:
            return name
        if name not in renamed:
            # A few protagonists recur in many articles, most people appear in few; distinct in one article.
            taken = set(renamed.values())
            choice = people[rng.randrange(20)] if rng.random() < 0.3 else rng.choice(people)
            while choice in taken:
                choice = rng.choice(people)
            renamed[name] = choice
        return renamed[name]

    shift = rng.randint(-3, 3)
    text = _NAME.sub(rename, text)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _DAY.sub(lambda m: f"{rng.randint(1, 28)}{m.group(3)}", text)
    lines = text.split("\n")
    # The head (title, kicker, dateline) stays; body paragraphs trade places; short lines stay put.
    long = [i for i, line in enumerate(lines) if i >= 3 and len(line) >= 200]
    moved = [lines[i] for i in long]
    rng.shuffle(moved)
    for i, line in zip(long, moved):
        lines[i] = line
    return "\n".join(lines)


def synthesize(seeds: Path, out: Path, count: int, salt: int = 0) -> list[Path]:
    """Write `count` synthetic articles made from the seeds into `out`; deterministic for a salt."""
    sources = []
    for path in sorted(seeds.glob("*.txt")):
        try:
            sources.append(decode(path.read_bytes()))
        except ReadError:
            continue
    if not sources:
        raise ValueError(f"{seeds}: no readable .txt seed to make a corpus from")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        text = transform(sources[i % len(sources)], random.Random(f"{salt}:{i}"))
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        path = out / f"{i:05d}_{digest}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# --------------------------------------------------------------------------- measuring

# What a build writes under docs/ (render.FOLDERS and the manifest): a copy of the repository's docs/ leaves it out,
# or the projects start with a previous build's data files, which the generator then refuses to overwrite.
GENERATED = ("articles", "acteurs", "evenements", "lieux", "sources", "donnees", ".generated.json")
# Appended to one paragraph for the incremental build: a small edit of one article.
EDIT = " Cette phrase a été ajoutée pour mesurer une reconstruction."
# The same build inside one long-lived process, as `mkdocs serve` keeps the model loaded: one article edited, then
# another. The process's first build finds nothing changed, and reads the corpus into memory as `serve` does
# (build_site's `serving`), so the first edit's build starts from it; the next edit's holds what that one kept in
# memory (a long `serve` session). The first line printed is that first build's.
SERVE_SCRIPT = """
import json, sys, time
from pathlib import Path
from generator.nlp import load_nlp
from generator.site import build_site
seeds, docs = Path(sys.argv[1]), Path(sys.argv[2])
load_nlp()
cpu = time.process_time()
build_site(seeds, docs, serving=True)
print(json.dumps({"start": True, "cpu": time.process_time() - cpu}))
for changed in map(Path, sys.argv[3:5]):
    changed.write_text(changed.read_text(encoding="utf-8") + sys.argv[5], encoding="utf-8")
    start, cpu = time.perf_counter(), time.process_time()
    report = build_site(seeds, docs, serving=True)
    print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "ok": report.ok}))
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    output: str = ""
    cpu: float = 0.0   # user + system seconds of the whole tree: wall time lies on a busy machine
    load: tuple[float, float] = (float("nan"), float("nan"))   # lowest and highest 1-minute load average seen


@dataclass
class Row:
    articles: int
    cold: Run
    nothing: Run
    one_cli: Run
    one_serve: float
    mkdocs: Run | None
    one_serve_cpu: float = float("nan")   # CPU seconds of this process for that build
    next_serve_cpu: float = float("nan")  # ... and for the next edit's, in the same process
    serve_start_cpu: float = float("nan")  # ... and for its first build, which found nothing changed
    pages: int = 0
    search_bytes: int = 0       # the whole Pagefind bundle
    first_result_bytes: int = 0  # what a query downloads before its first results, at most
    pagefind: Run | None = None
    largest_page: int = 0
    site_bytes: int = 0
    extra: dict = field(default_factory=dict)
    serve: Run | None = None


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in kB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as file:
                fields = file.read().rsplit(b")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    return sum(rss.get(pid, 0) for pid in tree)


def measure(command: list[str], cwd: Path, env: dict | None = None) -> Run:
    """Run a command; its wall time and the peak resident memory of its whole process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = [0]
    loads = [_load()]

    def sample() -> None:
        while process.poll() is None:
            if os.path.isdir("/proc"):
                peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            loads.append(_load())
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0].decode("utf-8", "replace")
    seconds = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    loads = [value for value in loads if value == value]
    return Run(seconds, peak[0] / 1024, process.returncode, output, cpu,
               (min(loads), max(loads)) if loads else (float("nan"), float("nan")))


def _load() -> float:
    """The 1-minute load average (other jobs share the machine: figures are read against it); NaN where unknown."""
    try:
        return os.getloadavg()[0]
    except (OSError, AttributeError):
        return float("nan")


def make_project(root: Path, count: int) -> Path:
    """A throw-away project: synthetic seeds, the hand-written docs, mkdocs.yml without the hook."""
    project = root / f"dossier-{count}"
    if project.exists():
        shutil.rmtree(project)
    synthesize(ROOT / "seeds", project / "seeds", count)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED, "screenshots"))
    for name in ("dossier.yml",):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, project / name)
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "mkdocs.yml").write_text(_without_hook((ROOT / "mkdocs.yml").read_text(encoding="utf-8")),
                                        encoding="utf-8")
    return project


def _without_hook(config: str) -> str:
    """mkdocs.yml minus `hooks:` and `watch:`: the bench times the generator and MkDocs separately."""
    kept, skipping = [], False
    for line in config.splitlines(keepends=True):
        if line[:1] not in (" ", "\t", "-", "\n", "#", ""):
            skipping = line.split(":")[0].strip() in ("hooks", "watch")
        if not skipping:
            kept.append(line)
    return "".join(kept)


def bench_size(root: Path, count: int, mkdocs: bool = True) -> Row:
    project = make_project(root, count)
    seeds, docs = project / "seeds", project / "docs"
    env = dict(os.environ, GENERATOR_CACHE=str(project / ".cache"), PYTHONPATH=str(ROOT))
    build = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--docs", str(docs), "--quiet"]
    cold = measure(build, ROOT, env)
    nothing = measure(build, ROOT, env)
    changed = sorted(seeds.glob("*.txt"))[count // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    one_cli = measure(build, ROOT, env)
    others = sorted(seeds.glob("*.txt"))[count // 3], sorted(seeds.glob("*.txt"))[count // 4]
    serve = measure([sys.executable, "-c", SERVE_SCRIPT, str(seeds), str(docs), *map(str, others), EDIT], ROOT, env)
    try:
        served = [json.loads(line) for line in serve.output.strip().splitlines()[-3:]]
        one_serve, one_serve_cpu, next_serve_cpu = served[1]["seconds"], served[1]["cpu"], served[2]["cpu"]
        serve_start_cpu = served[0]["cpu"]
    except (ValueError, IndexError, KeyError):
        one_serve = one_serve_cpu = next_serve_cpu = serve_start_cpu = float("nan")
    row = Row(count, cold, nothing, one_cli, one_serve, None, one_serve_cpu, next_serve_cpu, serve_start_cpu,
              serve=serve)
    if mkdocs:
        site = project / "site"
        row.mkdocs = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                              "-d", str(site)], ROOT, env)
        html = list(site.rglob("*.html"))
        row.pages = len(html)
        row.largest_page = max((p.stat().st_size for p in html), default=0)
        row.site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        # The hook runs Pagefind after MkDocs; here it is timed on its own.
        row.pagefind = measure([sys.executable, "-c", "import sys; from generator.search import index_site; "
                                "index_site(__import__('pathlib').Path(sys.argv[1]))", str(site)], ROOT, env)
        bundle = site / BUNDLE
        row.search_bytes = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
        row.first_result_bytes = first_result_bytes(bundle)
    return row


def table(rows: list[Row]) -> str:
    """The printed table: one line per corpus size; growth is cold time against the size before."""
    head = ("articles", "cold s", "cold cpu s", "art/s", "peak MB", "unchanged s", "1 edit s", "1 edit cpu s",
            "serve start cpu s", "1 edit serve s", "serve cpu s", "next serve cpu s", "load",
            "mkdocs s", "pagefind s", "pages", "search MB", "first result KB", "max page KB", "growth")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    previous = None
    for row in rows:
        growth = "" if previous is None else (f"×{row.cold.seconds / previous.cold.seconds:.1f} "
                                               f"for ×{row.articles / previous.articles:.0f}")
        cells = (row.articles, f"{row.cold.seconds:.1f}", f"{row.cold.cpu:.1f}", f"{row.articles / row.cold.seconds:.1f}",
                 f"{max(row.cold.peak_mb, row.one_cli.peak_mb):.0f}", f"{row.nothing.seconds:.1f}",
                 f"{row.one_cli.seconds:.1f}", f"{row.one_cli.cpu:.1f}", f"{row.serve_start_cpu:.1f}",
                 f"{row.one_serve:.1f}",
                 f"{row.one_serve_cpu:.1f}", f"{row.next_serve_cpu:.1f}", _loads(row),
                 f"{row.mkdocs.seconds:.1f}" if row.mkdocs else "-",
                 f"{row.pagefind.seconds:.1f}" if row.pagefind else "-", row.pages,
                 f"{row.search_bytes / 1e6:.2f}", f"{row.first_result_bytes / 1e3:.0f}",
                 f"{row.largest_page / 1e3:.0f}", growth)
        lines.append(" | ".join(str(c) for c in cells))
        previous = row
    return "\n".join("| " + line + " |" for line in lines)


def _loads(row: Row) -> str:
    """The range of the 1-minute load average over the generator's runs of a row."""
    runs = [run for run in (row.cold, row.nothing, row.one_cli, row.serve) if run is not None]
    low, high = min(run.load[0] for run in runs), max(run.load[1] for run in runs)
    return f"{low:.1f}-{high:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="corpus sizes (default: 100 1000)")
    parser.add_argument("--no-mkdocs", action="store_true", help="time the generator only")
    parser.add_argument("--keep", type=Path, default=None, help="build the projects here and keep them")
    args = parser.parse_args(argv)
    if any(size < 1 for size in args.sizes):
        parser.error("sizes must be positive")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as scratch:
        root = args.keep or Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            row = bench_size(root, size, not args.no_mkdocs)
            failed = [r for r in (row.cold, row.nothing, row.one_cli, row.mkdocs) if r and r.returncode not in (0, 1)]
            for run in failed:
                print(run.output[-2000:], file=sys.stderr)
            rows.append(row)
            print(table(rows).splitlines()[-1], file=sys.stderr, flush=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
