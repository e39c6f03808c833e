"""The writer touches only what the generator owns, atomically, and only when content changed."""
import json

from generator.write import MANIFEST, write_pages

OWNED = ("articles", "acteurs")


def test_write_writes_then_rewrites_nothing(tmp_path):
    pages = {"articles/a.md": "A", "acteurs/b.md": "B"}
    first = write_pages(tmp_path, pages, OWNED)
    assert first.written == ["acteurs/b.md", "articles/a.md"] and not first.problems
    mtime = (tmp_path / "articles/a.md").stat().st_mtime_ns
    manifest = (tmp_path / MANIFEST).read_bytes()
    second = write_pages(tmp_path, pages, OWNED)
    assert second.written == [] and second.unchanged == ["acteurs/b.md", "articles/a.md"]
    assert (tmp_path / "articles/a.md").stat().st_mtime_ns == mtime
    assert (tmp_path / MANIFEST).read_bytes() == manifest


def test_write_never_overwrites_a_file_a_person_wrote(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles/a.md").write_text("mine")
    result = write_pages(tmp_path, {"articles/a.md": "generated"}, OWNED)
    assert (tmp_path / "articles/a.md").read_text() == "mine"
    assert len(result.problems) == 1 and "not written by the generator" in result.problems[0].message


def test_write_removes_its_stale_pages_but_not_edited_ones(tmp_path):
    write_pages(tmp_path, {"articles/a.md": "A", "articles/b.md": "B"}, OWNED)
    (tmp_path / "articles/b.md").write_text("edited by hand")
    (tmp_path / "articles/mine.md").write_text("hand-written")
    result = write_pages(tmp_path, {}, OWNED)
    assert result.removed == ["articles/a.md"]
    assert (tmp_path / "articles/b.md").read_text() == "edited by hand"
    assert (tmp_path / "articles/mine.md").exists()


def test_write_refuses_paths_outside_its_folders(tmp_path):
    result = write_pages(tmp_path, {"index.md": "x", "articles/../../x.md": "x", "autre/x.md": "x"}, OWNED)
    assert len(result.problems) == 3
    assert not (tmp_path / "index.md").exists() and not (tmp_path.parent / "x.md").exists()


def test_write_refuses_symbolic_links(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "articles").symlink_to(outside)
    result = write_pages(docs, {"articles/a.md": "A"}, OWNED)
    assert result.problems and not (outside / "a.md").exists()


def test_write_after_an_interrupted_build_recognises_its_files(tmp_path):
    write_pages(tmp_path, {"articles/a.md": "old"}, OWNED)
    # A build that died after recording its intent and writing the file, before the final manifest.
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    import hashlib
    manifest["articles/a.md"].append(hashlib.sha256(b"half-way").hexdigest())
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    (tmp_path / "articles/a.md").write_text("half-way")
    result = write_pages(tmp_path, {"articles/a.md": "new"}, OWNED)
    assert not result.problems and (tmp_path / "articles/a.md").read_text() == "new"


def test_write_leaves_no_temporary_files(tmp_path):
    write_pages(tmp_path, {"articles/a.md": "A" * 100000}, OWNED)
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["a.md"]


def _kept(tmp_path, relative: str, text: str, calls: list):
    import hashlib

    from generator.write import Kept
    info = (tmp_path / relative).stat()
    return Kept(hashlib.sha256(text.encode()).hexdigest(), info.st_size, info.st_mtime_ns,
                lambda: calls.append(relative) or text)


def test_write_kept_page_is_neither_rendered_nor_read_while_its_file_is_untouched(tmp_path):
    write_pages(tmp_path, {"articles/a.md": "A"}, OWNED)
    calls = []
    result = write_pages(tmp_path, {"articles/a.md": _kept(tmp_path, "articles/a.md", "A", calls)}, OWNED)
    assert calls == [] and result.unchanged == ["articles/a.md"] and not result.written and not result.problems
    assert set(json.loads((tmp_path / MANIFEST).read_text())) == {"articles/a.md"}
    assert result.digests["articles/a.md"] == json.loads((tmp_path / MANIFEST).read_text())["articles/a.md"][0]


def test_write_kept_page_is_rendered_when_its_file_changed(tmp_path):
    write_pages(tmp_path, {"articles/a.md": "A", "articles/b.md": "B"}, OWNED)
    calls = []
    pages = {"articles/a.md": _kept(tmp_path, "articles/a.md", "A", calls),
             "articles/b.md": _kept(tmp_path, "articles/b.md", "B", calls)}
    (tmp_path / "articles/a.md").write_text("edited by hand")
    (tmp_path / "articles/b.md").unlink()
    result = write_pages(tmp_path, pages, OWNED)
    assert sorted(calls) == ["articles/a.md", "articles/b.md"]
    assert (tmp_path / "articles/a.md").read_text() == "edited by hand"       # a person's edit is kept...
    assert len(result.problems) == 1 and "edited" in result.problems[0].message   # ...and reported
    assert result.written == ["articles/b.md"] and (tmp_path / "articles/b.md").read_text() == "B"
