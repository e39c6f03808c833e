/* The header search box, answered by Pagefind (site/pagefind/, built after MkDocs by generator/search.py).
 * Pagefind is fetched on the first focus of the box, then only the index chunks a query needs.
 * Results go into Material's results panel with its classes; their text goes in as text, never as HTML. */
(function () {
  "use strict";

  var MAX_RESULTS = 20;
  var box = document.querySelector("[data-dossier-search]");
  var config = document.getElementById("__config");
  if (!box || !config) return;
  var form = box.querySelector("form");
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var text = box.dataset;
  // Material's config names the site's root relative to this page ("..", "../.."): the site may live under /repo/.
  var site = new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), window.location.href);
  var engine = null;
  var asked = 0;  // the latest query: an answer to an older one is dropped

  function say(message) { meta.textContent = message; }

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", site).href).then(function (pagefind) {
        return pagefind.options({baseUrl: site.pathname, highlightParam: "h", excerptLength: 24})
          .then(function () { return pagefind; });
      });
      engine.then(function () { if (!input.value) say(text.placeholder); }, function () { say(text.unavailable); });
    }
    return engine;
  }

  function open(on) {
    if (toggle && toggle.checked !== on) {
      toggle.checked = on;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  // Pagefind's excerpt is HTML (escaped text and <mark>); it is parsed in an inert document and copied as text.
  function excerpt(html, into) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body;
    parsed.querySelectorAll("p").forEach(function (p) {
      p.childNodes.forEach(function (node) {
        if (node.nodeName === "MARK") {
          into.appendChild(document.createElement("mark")).textContent = node.textContent;
        } else {
          into.appendChild(document.createTextNode(node.textContent));
        }
      });
    });
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = li.appendChild(document.createElement("a"));
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;
    var article = link.appendChild(document.createElement("article"));
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    article.appendChild(document.createElement("div")).className = "md-search-result__icon md-icon";
    article.appendChild(document.createElement("h1")).textContent = (data.meta && data.meta.title) || data.url;
    excerpt(data.excerpt || "", article.appendChild(document.createElement("p")));
    return li;
  }

  function show(query) {
    var mine = ++asked;
    if (!query.trim()) {
      list.replaceChildren();
      if (engine) engine.then(function () { if (mine === asked) say(text.placeholder); }, function () {});
      return;
    }
    load().then(function (pagefind) {
      return pagefind.search(query).then(function (found) {
        return Promise.all(found.results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }))
          .then(function (pages) {
            if (mine !== asked) return;
            var count = found.results.length;
            say(count === 0 ? text.none : count === 1 ? text.one : text.other.replace("#", count));
            list.replaceChildren.apply(list, pages.map(item));
          });
      });
    }).catch(function () { if (mine === asked) say(text.unavailable); });
  }

  // Up and down walk from the box through the results, as in Material; Escape closes.
  function move(step) {
    var stops = [input].concat(Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link")));
    var at = stops.indexOf(document.activeElement);
    stops[(at + step + stops.length) % stops.length].focus();
  }

  input.addEventListener("focus", function () { open(true); load(); });
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();  // the policy forbids form submissions; Enter opens the first result
    var first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", function () { window.setTimeout(function () { show(""); input.focus(); }); });
  box.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      open(false);
      input.blur();
    }
  });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) open(false);
  });
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  // "/", "s" or "f" anywhere but in a field opens the search, Material's shortcuts.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.metaKey || event.ctrlKey || event.altKey || "/sf".indexOf(event.key) < 0 || event.key === "") return;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  // A result link carries its words in ?h=: Pagefind's highlighter marks them in the page's text.
  if (new URLSearchParams(window.location.search).has("h")) {
    import(new URL("pagefind/pagefind-highlight.js", site).href).then(function () {
      new window.PagefindHighlight({highlightParam: "h", addStyles: false});
    }, function () {});
  }
})();
