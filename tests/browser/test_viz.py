"""The timeline, the actor network and the data files in Chromium: they draw, filter, stay on this host.

The pictures read donnees/dossier.json; every expectation below is counted from that same file.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from .conftest import Visit, open_tab

EVENTS = ".dossier-timeline__svg .dossier-timeline__event"
NODES = ".dossier-network__svg .dossier-network__node"
LINKS = ".dossier-network__svg .dossier-network__links line"


@pytest.fixture(scope="module")
def dossier(site_dir) -> dict:
    path = site_dir / "donnees" / "dossier.json"
    assert path.is_file(), "the built site has no donnees/dossier.json (export_files not wired into the build?)"
    return json.loads(path.read_text(encoding="utf-8"))


def dated_events(dossier: dict, actor: str | None = None) -> list[dict]:
    return [e for e in dossier["events"] if e["start"] and (actor is None or actor in e["actors"] + e["places"])]


def assert_clean(visit: Visit) -> None:
    assert visit.errors == [], f"console errors on {visit.page.url}"
    assert visit.violations() == [], f"Content-Security-Policy violations on {visit.page.url}"
    assert visit.foreign == [], f"requests to other hosts from {visit.page.url}"


def test_viz_timeline_draws_every_dated_event(visit, dossier):
    visit.open("evenements/")
    page = visit.page
    page.locator(EVENTS).first.wait_for()
    assert page.locator(EVENTS).count() == len(dated_events(dossier))
    assert page.locator(".dossier-timeline__axis text").count() >= 2
    assert not page.locator(".dossier-timeline .dossier-fallback").is_visible()
    assert_clean(visit)


def test_viz_timeline_filter_by_actor_shows_only_their_events(visit, dossier):
    visit.open("evenements/")
    page = visit.page
    page.locator(EVENTS).first.wait_for()
    select = page.locator("select.dossier-timeline__actor")
    actors = [value for value in select.locator("option").evaluate_all("os => os.map(o => o.value)") if value]
    assert actors, "the actor filter lists no actor"
    # The least frequent actor: its events are certainly fewer than all.
    actor = actors[-1]
    select.select_option(actor)
    expected = dated_events(dossier, actor)
    assert 0 < len(expected) < len(dated_events(dossier))
    page.wait_for_function(f"document.querySelectorAll('{EVENTS}').length === {len(expected)}")
    shown = sorted(page.locator(EVENTS).evaluate_all("as => as.map(a => a.getAttribute('href'))"))
    assert [urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in shown] == sorted(e["slug"] for e in expected)
    select.select_option("")
    page.wait_for_function(f"document.querySelectorAll('{EVENTS}').length === {len(dated_events(dossier))}")
    assert_clean(visit)


def test_viz_timeline_zoom_changes_the_axis(visit):
    visit.open("evenements/")
    page = visit.page
    page.locator(EVENTS).first.wait_for()
    before = page.locator(".dossier-timeline__axis text").all_inner_texts()
    page.get_by_role("button", name="Zoomer", exact=True).click()
    page.get_by_role("button", name="Zoomer", exact=True).click()
    assert page.locator(".dossier-timeline__axis text").all_inner_texts() != before
    page.get_by_role("button", name="Tout voir").click()
    assert page.locator(".dossier-timeline__axis text").all_inner_texts() == before
    assert_clean(visit)


def test_viz_event_links_open_event_pages(visit, dossier):
    visit.open("evenements/")
    page = visit.page
    page.locator(EVENTS).first.wait_for()
    hrefs = page.locator(EVENTS).evaluate_all("as => as.map(a => a.getAttribute('href'))")
    visit.open(urlsplit(hrefs[0]).path.lstrip("/"))
    assert page.locator("article h1").first.inner_text() in {e["title"] for e in dossier["events"]}


def test_viz_network_draws_nodes_and_weighted_links(visit, dossier):
    visit.open("acteurs/")
    page = visit.page
    page.locator(NODES).first.wait_for()
    nodes, links = page.locator(NODES).count(), page.locator(LINKS).count()
    assert nodes >= 2 and links >= 1
    widths = {float(w) for w in page.locator(LINKS).evaluate_all("ls => ls.map(l => l.getAttribute('stroke-width'))")}
    if len({link["weight"] for link in dossier["links"]}) > 1:
        assert len(widths) > 1, "links of different weights are drawn alike"
    labels = page.locator(f"{NODES} text").evaluate_all("ts => ts.map(t => t.textContent)")
    names = {a["name"] for a in dossier["actors"]}
    assert all(label in names or label.endswith("…") for label in labels)
    # Hiding a type of actor takes its nodes away.
    page.locator(".dossier-viz__types input[value=country]").uncheck()
    assert page.locator(f"{NODES}.dossier-type--country").count() == 0
    assert page.locator(NODES).count() < nodes
    assert_clean(visit)


def test_viz_actor_page_has_a_small_timeline_of_its_events(visit, dossier):
    actor = max((a for a in dossier["actors"] if a["type"] in ("person", "organisation")),
                key=lambda a: (len(dated_events(dossier, a["slug"])), a["slug"]))
    expected = dated_events(dossier, actor["slug"])
    assert expected, "no person or organisation takes part in a dated event"
    visit.open(actor["page"])
    page = visit.page
    page.locator(EVENTS).first.wait_for()
    assert page.locator(EVENTS).count() == len(expected)
    assert page.locator("select.dossier-timeline__actor").count() == 0
    assert_clean(visit)


@pytest.mark.parametrize("path", ["evenements/", "acteurs/"])
def test_viz_without_javascript_the_lists_remain(browser, base_url, path):
    visit = open_tab(browser, base_url, viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    try:
        visit.open(path)
        page = visit.page
        assert page.locator(".dossier-fallback").first.is_visible()
        assert page.locator("article li a").count() >= 1
        assert page.locator("svg.dossier-timeline__svg, svg.dossier-network__svg").count() == 0
    finally:
        visit.page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["evenements/", "acteurs/"])
def test_viz_fits_a_phone_in_both_schemes(browser, base_url, path, scheme):
    visit = open_tab(browser, base_url, viewport={"width": 375, "height": 740}, color_scheme=scheme,
                is_mobile=True, has_touch=True)
    try:
        visit.open(path)
        page = visit.page
        page.locator(".dossier-viz svg a").first.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways"
        box = page.locator(".dossier-viz svg").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert_clean(visit)
    finally:
        visit.page.context.close()


@pytest.mark.parametrize("where", ["articles", "acteurs", "evenements"])
def test_viz_pages_carry_schema_org_json_ld(visit, site_dir, where):
    first = sorted(p.parent for p in (site_dir / where).glob("*/index.html")
                   if "zz-essai" not in p.parent.name)[0]
    visit.open(f"{where}/{first.name}/")
    blocks = visit.page.locator('script[type="application/ld+json"]').all_text_contents()
    assert len(blocks) == 1, "one JSON-LD block per page"
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == {"articles": "NewsArticle", "evenements": "Event"}.get(where, data["@type"])
    assert data["@type"] in {"NewsArticle", "Event", "Person", "Organization"}
    assert_clean(visit)


def test_viz_data_files_are_served(visit, site_dir):
    for name in ("dossier.json", "articles.csv", "acteurs.csv", "evenements.csv", "mentions.csv", "flux.xml"):
        assert (site_dir / "donnees" / name).is_file(), f"donnees/{name} is not in the built site"
    visit.open("donnees/flux.xml")
    assert "Articles du dossier" in visit.page.content()
