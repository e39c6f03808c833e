/* DOM helpers shared by timeline.js and network.js: elements made by script, text set as text. */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, parent) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function element(tag, className, text, parent) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function plural(n, one, many) { return n + " " + (n > 1 ? many : one); }

  // Draw `View` in every box matching `selector`, from the JSON file its data-src names (relative to
  // the page). If the data cannot be read, the plain lists under the box stay: same facts, no picture.
  function mount(selector, View) {
    function start(box) {
      if (box.getAttribute("data-ready")) return;
      box.setAttribute("data-ready", "1");
      var src = box.getAttribute("data-src");
      if (!src) return;
      fetch(src, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (data) {
        new View(box, data, src);
      }).catch(function () {
        box.classList.add("dossier-viz--failed");
      });
    }
    function init() { Array.prototype.forEach.call(document.querySelectorAll(selector), start); }
    // Material's instant navigation announces each new page on document$; without it, the page is loaded.
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }

  window.DossierViz = { SVG: SVG, svg: svg, element: element, plural: plural, mount: mount };
})();
