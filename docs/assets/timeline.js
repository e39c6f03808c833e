/* The dossier's events on an SVG timeline: zoom, pan, filter by actor. No library, no other host.
 * Fills every .dossier-timeline box from the JSON file its data-src names (relative to the page);
 * data-actor="slug" makes a small timeline of one actor's events. Text goes in as text, never as HTML. */
(function () {
  "use strict";

  var dom = window.DossierViz;  // viz-dom.js, loaded first
  var SVG = dom.SVG, svg = dom.svg, element = dom.element, plural = dom.plural;
  var DAY = 864e5;
  var MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
  var MIN_SPAN = 20 * DAY;     // the closest zoom: about three weeks across
  var LANE = 36, LANE_BARE = 16, AXIS = 30, CHAR = 6.6;  // pixels; CHAR is an average glyph of the 12px label


  function time(iso) { return Date.parse(iso + "T00:00:00Z"); }


  // A title without the date in brackets the generator appends: the axis already says when.
  function shortTitle(title) { return title.replace(/\s*\([^()]*\)\s*$/, ""); }

  function truncate(text, chars) {
    return text.length <= chars ? text : text.slice(0, Math.max(chars - 1, 1)).replace(/\s+\S*$/, "") + "…";
  }

  // Ticks for the visible span: years, then quarters, months, weeks or days as one zooms in.
  function ticks(from, to, width) {
    var span = (to - from) / DAY, out = [], d, step;
    var room = Math.max(2, Math.floor(width / 70));
    var steps = [[1, "day"], [7, "day"], [1, "month"], [3, "month"], [12, "month"], [24, "month"], [60, "month"], [120, "month"]];
    for (var i = 0; i < steps.length; i++) {
      var days = steps[i][1] === "day" ? steps[i][0] : steps[i][0] * 30.4;
      if (span / days <= room) { step = steps[i]; break; }
    }
    step = step || steps[steps.length - 1];
    d = new Date(from);
    if (step[1] === "day") {
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      if (step[0] === 7) d = new Date(d.getTime() + ((8 - d.getUTCDay()) % 7) * DAY);  // Mondays
      for (; d.getTime() <= to; d = new Date(d.getTime() + step[0] * DAY)) out.push({t: d.getTime(), label: d.getUTCDate() + " " + MONTHS[d.getUTCMonth()]});
    } else {
      var months = step[0], m = d.getUTCFullYear() * 12 + d.getUTCMonth();
      m = Math.ceil(m / months) * months;
      for (;; m += months) {
        var t = Date.UTC(Math.floor(m / 12), m % 12, 1);
        if (t > to) break;
        var label = months >= 12 || m % 12 === 0 ? String(Math.floor(m / 12)) : MONTHS[m % 12];
        if (t >= from) out.push({t: t, label: label});
      }
    }
    return out;
  }

  // Lanes so that no two events (marker and label) overlap; returns the number of lanes.
  function layout(items, labelled, width) {
    var ends = [];
    items.forEach(function (item) {
      var right = item.x1 + 3;
      item.anchorEnd = false;
      if (labelled) {
        var room = Math.max(item.x1 - item.x0, item.label.length * CHAR + 6);
        if (item.x0 + room > width) { item.anchorEnd = true; item.left = Math.max(0, item.x1 - room); right = item.x1 + 3; }
        else { item.left = item.x0; right = item.x0 + room + 10; }
      } else {
        item.left = item.x0;
      }
      var lane = 0;
      while (lane < ends.length && ends[lane] > item.left) lane++;
      ends[lane] = right;
      item.lane = lane;
    });
    return ends.length;
  }

  function Timeline(box, data, src) {
    this.box = box;
    this.root = new URL("../", new URL(src, window.location.href));
    this.mini = !!box.getAttribute("data-actor");
    this.actors = {};
    var self = this;
    data.actors.forEach(function (a) { self.actors[a.slug] = a; });
    this.all = data.events.map(function (e) {
      return {event: e, start: e.start ? time(e.start) : null, end: e.end ? time(e.end) : null,
              people: e.actors.concat(e.places)};
    });
    this.filter = box.getAttribute("data-actor") || "";
    this.build();
    this.fit();
  }

  Timeline.prototype.build = function () {
    var self = this, box = this.box;
    box.classList.add("dossier-viz--ready");
    var wrap = element("div", "dossier-viz dossier-timeline__viz");
    box.insertBefore(wrap, box.firstChild);
    var bar = element("div", "dossier-viz__controls", null, wrap);
    if (!this.mini) {
      var label = element("label", "dossier-viz__field", null, bar);
      element("span", null, "Acteur", label);
      var select = element("select", "dossier-timeline__actor", null, label);
      element("option", null, "Tous les acteurs", select).value = "";
      var counts = {};
      this.all.forEach(function (item) { if (item.start !== null) item.people.forEach(function (s) { counts[s] = (counts[s] || 0) + 1; }); });
      Object.keys(counts).filter(function (s) { return self.actors[s]; }).sort(function (a, b) {
        return counts[b] - counts[a] || self.actors[a].name.localeCompare(self.actors[b].name, "fr");
      }).forEach(function (slug) {
        element("option", null, self.actors[slug].name + " (" + counts[slug] + ")", select).value = slug;
      });
      select.addEventListener("change", function () { self.filter = select.value; self.fit(); });
    }
    var zoom = element("div", "dossier-viz__buttons", null, bar);
    [["‹", "Plus tôt", function () { self.pan(-0.4); }],
     ["−", "Dézoomer", function () { self.zoom(2); }],
     ["+", "Zoomer", function () { self.zoom(0.5); }],
     ["›", "Plus tard", function () { self.pan(0.4); }],
     ["Tout voir", null, function () { self.fit(); }]].forEach(function (b) {
      var button = element("button", "md-button dossier-viz__button", b[0], zoom);
      button.type = "button";
      if (b[1]) { button.title = b[1]; button.setAttribute("aria-label", b[1]); }
      button.addEventListener("click", b[2]);
    });
    this.svg = svg("svg", {"class": "dossier-timeline__svg", role: "group",
                           "aria-label": this.mini ? "Frise de ses événements" : "Frise chronologique des événements"}, wrap);
    this.status = element("p", "dossier-viz__status", null, wrap);
    this.status.setAttribute("aria-live", "polite");
    this.dragging(this.svg);
    var width = 0;
    window.addEventListener("resize", function () {
      if (box.clientWidth !== width) { width = box.clientWidth; self.draw(); }
    });
  };

  Timeline.prototype.visible = function () {
    var filter = this.filter;
    return this.all.filter(function (item) { return !filter || item.people.indexOf(filter) >= 0; });
  };

  // The view that holds every shown event, with a margin; an empty selection keeps the old view.
  Timeline.prototype.fit = function () {
    var dated = this.visible().filter(function (i) { return i.start !== null; });
    if (dated.length) {
      var lo = Math.min.apply(null, dated.map(function (i) { return i.start; }));
      var hi = Math.max.apply(null, dated.map(function (i) { return i.end; }));
      var span = Math.max(hi - lo, MIN_SPAN);
      this.bounds = [lo - span * 0.04, lo + span * 1.04];
      this.view = this.bounds.slice();
    }
    this.draw();
  };

  Timeline.prototype.zoom = function (factor) {
    if (!this.view) return;
    var mid = (this.view[0] + this.view[1]) / 2;
    var span = Math.min(Math.max((this.view[1] - this.view[0]) * factor, MIN_SPAN), (this.bounds[1] - this.bounds[0]) * 1.5);
    this.setView(mid - span / 2, mid + span / 2);
  };

  Timeline.prototype.pan = function (share) {
    if (!this.view) return;
    var shift = (this.view[1] - this.view[0]) * share;
    this.setView(this.view[0] + shift, this.view[1] + shift);
  };

  // Keep at least part of the events in sight: the view may not leave the fitted range.
  Timeline.prototype.setView = function (from, to) {
    var span = to - from, lo = this.bounds[0], hi = this.bounds[1];
    if (span < hi - lo) { from = Math.min(Math.max(from, lo), hi - span); }
    else { from = Math.min(Math.max(from, hi - span), lo); }
    this.view = [from, from + span];
    this.draw();
  };

  Timeline.prototype.dragging = function (target) {
    var self = this, start = null;
    target.addEventListener("pointerdown", function (e) {
      if (!self.view || e.button !== 0 || e.target.closest("a")) return;
      start = {x: e.clientX, view: self.view.slice()};
      target.setPointerCapture(e.pointerId);
      target.classList.add("is-dragging");
    });
    target.addEventListener("pointermove", function (e) {
      if (!start) return;
      var shift = (start.x - e.clientX) / Math.max(self.width, 1) * (start.view[1] - start.view[0]);
      self.setView(start.view[0] + shift, start.view[1] + shift);
    });
    function stop() { start = null; target.classList.remove("is-dragging"); }
    target.addEventListener("pointerup", stop);
    target.addEventListener("pointercancel", stop);
    // A trackpad pinch arrives as a wheel event with ctrlKey; a plain wheel keeps scrolling the page.
    target.addEventListener("wheel", function (e) {
      if (!e.ctrlKey) return;
      e.preventDefault();
      self.zoom(e.deltaY > 0 ? 1.25 : 0.8);
    }, {passive: false});
  };

  Timeline.prototype.draw = function () {
    var self = this, root = this.root, graph = this.svg;
    var width = this.width = Math.max(this.box.clientWidth, 200);
    while (graph.firstChild) graph.removeChild(graph.firstChild);
    var shown = this.visible(), dated = shown.filter(function (i) { return i.start !== null; });
    var undated = shown.length - dated.length;
    if (!this.view || !dated.length) {
      graph.setAttribute("width", width);
      graph.setAttribute("height", 0);
      this.status.textContent = dated.length ? "" : "Aucun événement daté" + (undated ? " (" + plural(undated, "événement sans date", "événements sans date") + " dans la liste)." : ".");
      return;
    }
    var from = this.view[0], to = this.view[1];
    function x(t) { return (t - from) / (to - from) * width; }
    var items = dated.filter(function (i) { return i.end > from && i.start < to; }).map(function (i) {
      var x0 = Math.max(x(i.start), 0), x1 = Math.min(Math.max(x(i.end), x0 + 8), width);
      return {item: i, x0: Math.min(x0, width - 8), x1: x1, label: ""};
    }).sort(function (a, b) { return a.x0 - b.x0 || a.x1 - b.x1; });
    var chars = Math.max(14, Math.min(44, Math.floor(width / 2 / CHAR)));
    items.forEach(function (d) { d.label = truncate(shortTitle(d.item.event.title), chars); });
    var maxLanes = this.mini ? 6 : 20;
    var labelled = true, lanes = layout(items, true, width);
    if (lanes > maxLanes) { labelled = false; lanes = layout(items, false, width); }
    // Many events in one stretch: squeeze the rows rather than draw a page-long picture.
    var lane = labelled ? LANE : Math.max(6, Math.min(LANE_BARE, Math.floor(480 / lanes)));
    var thick = Math.min(8, lane - 3);
    var height = AXIS + lanes * lane + 8;
    graph.setAttribute("width", width);
    graph.setAttribute("height", height);
    graph.setAttribute("viewBox", "0 0 " + width + " " + height);

    var axis = svg("g", {"class": "dossier-timeline__axis"}, graph);
    svg("line", {x1: 0, x2: width, y1: AXIS - 6, y2: AXIS - 6}, axis);
    ticks(from, to, width).forEach(function (tick) {
      var tx = x(tick.t);
      svg("line", {"class": "dossier-timeline__grid", x1: tx, x2: tx, y1: AXIS - 10, y2: height}, axis);
      if (tx < width - 20) svg("text", {x: tx + 3, y: AXIS - 12}, axis).textContent = tick.label;
    });

    var marks = svg("g", {"class": "dossier-timeline__events"}, graph);
    items.forEach(function (d) {
      var e = d.item.event, y = AXIS + d.lane * lane + 4;
      var link = svg("a", {href: new URL(e.page, root).href, "class": "dossier-timeline__event dossier-timeline__event--" + (e.precision || "none")}, marks);
      svg("title", {}, link).textContent = e.title + " — " + e.date_label + " — " + plural(e.articles.length, "article", "articles");
      svg("rect", {x: d.x0, y: y, width: Math.max(d.x1 - d.x0, 8), height: thick, rx: Math.min(3, thick / 2)}, link);
      if (labelled) {
        svg("text", {x: d.anchorEnd ? d.x1 : d.x0, y: y + 22, "text-anchor": d.anchorEnd ? "end" : "start"}, link).textContent = d.label;
      }
    });
    var parts = [plural(items.length, "événement affiché", "événements affichés") + " sur " + dated.length + " daté" + (dated.length > 1 ? "s" : "")];
    if (undated) parts.push(plural(undated, "sans date", "sans date") + " (dans la liste)");
    if (!labelled) parts.push("zoomez pour lire les titres");
    this.status.textContent = parts.join(" · ") + ".";
  };

  dom.mount(".dossier-timeline[data-src]", Timeline);
})();
