import pytest

from generator.slugs import MAX_BYTES, SlugRegistry, slugify


@pytest.mark.parametrize("text, expected", [
    ("Kim Jong-un réconforte les familles", "kim-jong-un-reconforte-les-familles"),
    ("../../etc/passwd", "etc-passwd"),
    ("Élysée : l’été", "elysee-l-ete"),
    ("Au cœur d'Œdipe, Łódź", "au-coeur-d-oedipe-lodz"),
    ("...", ""),
    ("😀😀", ""),
])
def test_slugs_slugify(text, expected):
    assert slugify(text) == expected


def test_slugs_are_unique_without_regard_to_case():
    registry = SlugRegistry()
    first = registry.claim("Kim", "a")
    second = registry.claim("KIM", "b")
    assert first == "kim" and second == "kim-2"


@pytest.mark.parametrize("title", ["...", "😀", "con", "AUX", "com1", "index", "🙂 !!!"])
def test_slugs_fall_back_to_a_hash_for_empty_or_reserved_names(title):
    slug = SlugRegistry().claim(title, "seeds/x.txt", "article")
    assert slug.startswith("article-") and len(slug) > len("article-")
    assert slug.lower() not in {"con", "aux", "com1", "index"}


def test_slugs_stay_short():
    slug = SlugRegistry().claim("mot " * 200, "k")
    assert len(slug.encode()) <= MAX_BYTES
