"""Search index: Pagefind reads the built site/ and writes site/pagefind/, an index in chunks.

A reader downloads only the chunks a query needs (docs/assets/search.js), not the whole index.
Pages say <html lang="fr">, so Pagefind stems French; only data-pagefind-body is indexed.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"  # the folder of site/ the index goes into; docs/assets/search.js loads it from there


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed: the site works, its search box says search is unavailable."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    words: int
    bundle: Path


def pagefind_executable() -> Path:
    """The Pagefind binary the `pagefind[bin]` wheel ships (nothing is downloaded)."""
    try:
        import pagefind_bin
        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexError(f"Pagefind is not installed ({error}): pip install 'pagefind[bin]'") from error


def pagefind_command(executable: Path, site_dir: Path) -> list[str]:
    """The indexing command line: the site in place, its bundle under site/pagefind/."""
    return [str(executable), "--site", str(site_dir), "--output-subdir", BUNDLE, "--quiet"]


def parse_summary(log: str) -> tuple[int, int]:
    """(pages, words) from Pagefind's verbose log ("Indexed 42 pages", "Indexed 1234 words")."""
    def count(what: str) -> int:
        found = re.search(rf"Indexed (\d+) {what}", log)
        return int(found[1]) if found else 0
    return count("pages?"), count("words?")


def index_site(site_dir: Path) -> IndexReport:
    """Run Pagefind over site_dir; raises SearchIndexError when it cannot, or indexes no page."""
    command = pagefind_command(pagefind_executable(), site_dir)
    command.remove("--quiet")  # the summary lines are the report
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind failed ({done.returncode}): {(done.stderr or done.stdout)[-2000:]}")
    pages, words = parse_summary(done.stdout)
    if pages == 0 or "Did not find a data-pagefind-body" in done.stdout:
        # Without the mark Pagefind indexes whole pages, navigation included: a theme override was lost.
        raise SearchIndexError(f"Pagefind indexed {pages} pages with no data-pagefind-body: "
                               "overrides/partials/content.html puts it around each page's text")
    return IndexReport(pages, words, site_dir / BUNDLE)


def first_result_bytes(bundle: Path, shown: int = 20) -> int:
    """An upper bound of what a reader downloads before the first results show: the script, the entry
    file, the French WebAssembly and metadata, the largest index chunk and the `shown` largest fragments
    (a query loads the chunks of its words and the fragments of the results it shows)."""
    def size(paths) -> list[int]:
        return sorted((p.stat().st_size for p in paths if p.is_file()), reverse=True)
    fixed = [bundle / "pagefind.js", bundle / "pagefind-entry.json", *bundle.glob("wasm.fr.pagefind"),
             *bundle.glob("pagefind.fr_*.pf_meta")]
    return sum(size(fixed)) + sum(size(bundle.glob("index/*.pf_index"))[:1]) + \
        sum(size(bundle.glob("fragment/*.pf_fragment"))[:shown])

