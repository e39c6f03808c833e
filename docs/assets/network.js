/* Who is named with whom: the dossier's actors as an SVG network, links weighted by shared sentences.
 * Fills every .dossier-network box from the JSON file its data-src names (relative to the page).
 * No library, no other host; the layout is a small deterministic force simulation. Text goes in as text. */
(function () {
  "use strict";

  var dom = window.DossierViz;  // viz-dom.js, loaded first
  var SVG = dom.SVG, svg = dom.svg, element = dom.element, plural = dom.plural;
  var TYPES = [["person", "Personnes"], ["organisation", "Organisations"], ["country", "Pays"], ["place", "Lieux"]];
  var MAX_NODES = 60;      // beyond this the picture is a hairball: the most connected actors only
  var ITERATIONS = 300;
  var GRAVITY = 0.02;
  var CHAR = 6.6;          // pixels: an average glyph of the 12px labels



  // Fruchterman-Reingold from a fixed start (a circle in slug order): the same data, the same picture.
  function place(nodes, links, width, height) {
    var n = nodes.length, k = Math.sqrt(width * height / Math.max(n, 1)) * 0.9, temperature = width / 8;
    nodes.forEach(function (node, i) {
      var angle = 2 * Math.PI * i / n;
      node.x = width / 2 + Math.cos(angle) * width / 3;
      node.y = height / 2 + Math.sin(angle) * height / 3;
    });
    for (var step = 0; step < ITERATIONS; step++) {
      nodes.forEach(function (node) { node.dx = 0; node.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
          var d2 = Math.max(dx * dx + dy * dy, 0.01), push = k * k / d2;
          a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
        }
      }
      links.forEach(function (link) {
        var a = link.a, b = link.b, dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.1;
        var pull = d / k * (1 + Math.log(link.weight)) / 2;  // stronger links hold closer
        a.dx -= dx * pull; a.dy -= dy * pull; b.dx += dx * pull; b.dy += dy * pull;
      });
      nodes.forEach(function (node) {
        // A pull to the centre keeps actors with no link among the shown ones on the page.
        node.dx += (width / 2 - node.x) * GRAVITY;
        node.dy += (height / 2 - node.y) * GRAVITY;
        var len = Math.sqrt(node.dx * node.dx + node.dy * node.dy) || 1, move = Math.min(len, temperature);
        node.x = Math.min(Math.max(node.x + node.dx / len * move, node.r + 4), width - node.r - 4);
        node.y = Math.min(Math.max(node.y + node.dy / len * move, node.r + 14), height - node.r - 4);
      });
      temperature = Math.max(temperature * 0.985, 0.5);
    }
  }

  function Network(box, data, src) {
    this.box = box;
    this.root = new URL("../", new URL(src, window.location.href));
    this.actors = {};
    var self = this;
    data.actors.forEach(function (a) { self.actors[a.slug] = a; });
    this.links = data.links.filter(function (l) { return self.actors[l.source] && self.actors[l.target]; });
    this.types = {person: true, organisation: true, country: true, place: false};
    this.minWeight = 1;
    this.build();
    this.draw();
  }

  Network.prototype.build = function () {
    var self = this, box = this.box;
    box.classList.add("dossier-viz--ready");
    var wrap = element("div", "dossier-viz dossier-network__viz");
    box.insertBefore(wrap, box.firstChild);
    var bar = element("div", "dossier-viz__controls", null, wrap);
    var kinds = element("fieldset", "dossier-viz__types", null, bar);
    element("legend", null, "Montrer", kinds);
    TYPES.forEach(function (type) {
      var label = element("label", "dossier-viz__check dossier-type--" + type[0], null, kinds);
      var box = element("input", null, null, label);
      box.type = "checkbox";
      box.checked = self.types[type[0]];
      box.value = type[0];
      box.addEventListener("change", function () { self.types[type[0]] = box.checked; self.draw(); });
      element("span", "dossier-network__swatch", null, label);
      element("span", null, type[1], label);
    });
    var field = element("label", "dossier-viz__field", null, bar);
    element("span", null, "Liens d’au moins", field);
    var select = element("select", "dossier-network__weight", null, field);
    [1, 2, 3, 5, 10].forEach(function (w) { element("option", null, plural(w, "phrase", "phrases"), select).value = String(w); });
    select.addEventListener("change", function () { self.minWeight = Number(select.value); self.draw(); });
    this.svg = svg("svg", {"class": "dossier-network__svg", role: "group",
                           "aria-label": "Réseau des acteurs nommés dans les mêmes phrases"}, wrap);
    this.status = element("p", "dossier-viz__status", null, wrap);
    this.status.setAttribute("aria-live", "polite");
    var width = 0;
    window.addEventListener("resize", function () {
      if (box.clientWidth !== width) { width = box.clientWidth; self.draw(); }
    });
  };

  // The actors and links to show: wanted types, strong enough links, the most connected first.
  Network.prototype.select = function () {
    var self = this, degree = {};
    var links = this.links.filter(function (l) {
      return l.weight >= self.minWeight && self.types[self.actors[l.source].type] && self.types[self.actors[l.target].type];
    });
    links.forEach(function (l) {
      degree[l.source] = (degree[l.source] || 0) + l.weight;
      degree[l.target] = (degree[l.target] || 0) + l.weight;
    });
    var slugs = Object.keys(degree).sort(function (a, b) { return degree[b] - degree[a] || (a < b ? -1 : 1); });
    var total = slugs.length;
    slugs = slugs.slice(0, MAX_NODES).sort();
    var nodes = {}, list = slugs.map(function (slug) {
      var actor = self.actors[slug];
      return (nodes[slug] = {actor: actor, degree: degree[slug], r: Math.min(5 + 2 * Math.sqrt(actor.mentions || 1), 20)});
    });
    links = links.filter(function (l) { return nodes[l.source] && nodes[l.target]; }).map(function (l) {
      return {a: nodes[l.source], b: nodes[l.target], weight: l.weight, articles: l.articles};
    });
    return {nodes: list, links: links, total: total};
  };

  Network.prototype.draw = function () {
    var self = this, graph = this.svg, root = this.root;
    var width = Math.max(this.box.clientWidth, 240);
    var height = Math.round(Math.min(Math.max(width * (width < 600 ? 1.1 : 0.6), 320), 640));
    while (graph.firstChild) graph.removeChild(graph.firstChild);
    var chosen = this.select(), nodes = chosen.nodes, links = chosen.links;
    graph.setAttribute("width", width);
    graph.setAttribute("height", nodes.length ? height : 0);
    graph.setAttribute("viewBox", "0 0 " + width + " " + (nodes.length ? height : 0));
    if (!nodes.length) { this.status.textContent = "Aucun lien pour ce choix."; return; }
    place(nodes, links, width, height);

    var labelled = this.labels(nodes, width < 600 ? 8 : 18, width);
    var strongest = Math.max.apply(null, links.map(function (l) { return l.weight; }).concat([1]));
    var edges = svg("g", {"class": "dossier-network__links"}, graph);
    links.forEach(function (l) {
      var line = svg("line", {x1: l.a.x, y1: l.a.y, x2: l.b.x, y2: l.b.y,
                              "stroke-width": (1 + 5 * Math.sqrt(l.weight / strongest)).toFixed(2)}, edges);
      svg("title", {}, line).textContent = l.a.actor.name + " — " + l.b.actor.name + " : " +
        plural(l.weight, "phrase", "phrases") + ", " + plural(l.articles, "article", "articles");
      l.line = line;
      (l.a.lines = l.a.lines || []).push(l);
      (l.b.lines = l.b.lines || []).push(l);
    });
    var group = svg("g", {"class": "dossier-network__nodes"}, graph);
    nodes.forEach(function (node) {
      var a = node.actor;
      var link = svg("a", {href: new URL(a.page, root).href,
                           "class": "dossier-network__node dossier-type--" + a.type + (node.labelled ? " is-labelled" : "")}, group);
      svg("title", {}, link).textContent = a.name + " — " + plural(a.mentions, "mention", "mentions") + ", " +
        plural(a.articles.length, "article", "articles");
      svg("circle", {cx: node.x.toFixed(1), cy: node.y.toFixed(1), r: node.r.toFixed(1)}, link);
      svg("text", {x: (node.x + (node.right ? node.r + 3 : -node.r - 3)).toFixed(1), y: (node.y + 4).toFixed(1),
                   "text-anchor": node.right ? "start" : "end"}, link).textContent = node.name;
      node.link = link;
      function on() { self.highlight(node, true); }
      function off() { self.highlight(node, false); }
      link.addEventListener("pointerenter", on);
      link.addEventListener("pointerleave", off);
      link.addEventListener("focus", on);
      link.addEventListener("blur", off);
    });
    var hidden = chosen.total - nodes.length;
    this.status.textContent = plural(nodes.length, "acteur", "acteurs") + ", " + plural(links.length, "lien", "liens") +
      (hidden > 0 ? " (les " + nodes.length + " plus liés sur " + chosen.total + ")" : "") +
      ". Épaisseur d’un lien : nombre de phrases qui les nomment ensemble.";
  };

  // Names shown without hovering: the most connected actors whose label overlaps no label already kept.
  Network.prototype.labels = function (nodes, most, width) {
    var boxes = [];
    nodes.forEach(function (node) {
      node.name = node.actor.name.length > 30 ? node.actor.name.slice(0, 29).replace(/\s+\S*$/, "") + "…" : node.actor.name;
      var w = node.name.length * CHAR;
      node.right = node.x + node.r + 3 + w < width || node.x - node.r - 3 - w < 0;
      node.box = node.right ? [node.x + node.r + 3, node.x + node.r + 3 + w] : [node.x - node.r - 3 - w, node.x - node.r - 3];
      node.box.push(node.y - 8, node.y + 6);
    });
    var order = nodes.slice().sort(function (a, b) { return b.degree - a.degree || (a.actor.slug < b.actor.slug ? -1 : 1); });
    order.forEach(function (node, rank) {
      if (boxes.length >= most) return;
      var b = node.box;
      // The three hubs keep their names even over a neighbour: they are what the reader looks for.
      var clear = boxes.every(function (o) { return b[1] < o[0] || b[0] > o[1] || b[3] < o[2] || b[2] > o[3]; }) &&
        (rank < 3 || nodes.every(function (o) { return o === node || o.x + o.r < b[0] || o.x - o.r > b[1] || o.y + o.r < b[2] || o.y - o.r > b[3]; }));
      if (clear) { node.labelled = true; boxes.push(b); }
    });
  };

  // Bring one actor and its neighbours forward; the rest fades (classes only: the policy forbids inline style).
  Network.prototype.highlight = function (node, on) {
    this.svg.classList.toggle("is-focused", on);
    (node.lines || []).forEach(function (l) {
      l.line.classList.toggle("is-near", on);
      l.a.link.classList.toggle("is-near", on);
      l.b.link.classList.toggle("is-near", on);
    });
    node.link.classList.toggle("is-near", on);
  };

  dom.mount(".dossier-network[data-src]", Network);
})();
