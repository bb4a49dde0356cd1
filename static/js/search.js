// Progressive enhancement of the search page: it works as a plain GET form without
// this script. With it, filters apply at once without a full reload, the URL keeps
// the whole state (back and forward work), and focus stays where the person was.
(function () {
  "use strict";
  var root = document.querySelector("[data-search-root]");
  if (!root || !window.fetch || !window.history) return;

  function form() { return root.querySelector("form.search-form"); }
  // Counts shown by the page are live from here on ("Show 12 results").
  root.classList.add("live-counts");

  // Wide screens show the filters as a column; browsers without ::details-content
  // (which the stylesheet uses for that) get the disclosure opened instead.
  var wide = window.matchMedia("(min-width: 52.01rem)");
  function openFiltersOnWideScreens() {
    var panel = root.querySelector("[data-filters]");
    if (panel && wide.matches && !CSS.supports("selector(::details-content)")) panel.open = true;
  }
  openFiltersOnWideScreens();
  // The query string shown now; a history step that changes only the hash (the skip
  // link does) must not reload the results under the person's cursor.
  var shownSearch = window.location.search;

  function urlFor(f) {
    var params = new URLSearchParams(new FormData(f));
    Array.from(params.keys()).forEach(function (key) {
      if (params.get(key) === "") params.delete(key);
    });
    // "Include undated" sends a hidden 0 before its box's 1; the last one counts.
    var undated = params.getAll("undated");
    if (undated.length > 1) params.set("undated", undated[undated.length - 1]);
    // The order the list starts with is no choice: the address leaves it out, as
    // the page's own links do (and the server redirects a form that sends it).
    var sort = f.querySelector("select[name=sort]");
    if (sort && params.get("sort") === sort.options[0].value) params.delete("sort");
    var query = params.toString();
    return f.getAttribute("action") + (query ? "?" + query : "");
  }

  function focusKey(el) {
    if (!el || !el.name) return null;
    return { name: el.name, value: el.type === "checkbox" ? el.value : null };
  }

  function restoreFocus(key) {
    if (!key) return;
    var selector = "[name='" + key.name + "']" + (key.value !== null ? "[value='" + CSS.escape(key.value) + "']" : "");
    var el = root.querySelector(selector);
    if (el) el.focus();
  }

  // Only the latest request may draw: a slow answer (a first search while the
  // encoder warms up) arriving after a quicker, newer one would otherwise undo the
  // box the person ticked meanwhile. The older request is aborted, and its answer,
  // if already on the way, is dropped.
  var latest = null;

  function load(url, push, key) {
    if (latest) latest.abort();
    var request = new AbortController();
    latest = request;
    function stale() { return latest !== request; }
    root.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { "X-Requested-With": "fetch" }, signal: request.signal })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (stale()) return false;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-search-root]");
        if (!fresh) { window.location.href = url; return false; }
        var panel = root.querySelector("[data-filters]");
        var filtersOpen = panel && panel.open;
        root.innerHTML = fresh.innerHTML;
        // The filters a person opened on a phone stay open while they tick boxes.
        var freshPanel = root.querySelector("[data-filters]");
        if (freshPanel && filtersOpen) freshPanel.open = true;
        openFiltersOnWideScreens();
        document.title = doc.title;
        // The feed of the search shown, for feed readers that look in the head.
        var feed = 'link[rel="alternate"][type="application/atom+xml"]';
        var freshFeed = doc.querySelector(feed), shownFeed = document.querySelector(feed);
        if (freshFeed && shownFeed) shownFeed.href = freshFeed.getAttribute("href");
        if (push) history.pushState({ search: true }, "", url);
        shownSearch = window.location.search;
        restoreFocus(key);
        return true;
      })
      .catch(function () {
        if (!stale()) window.location.href = url;
        return false;
      })
      .finally(function () { if (!stale()) root.removeAttribute("aria-busy"); });
  }

  root.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("input[type=checkbox], select[name=sort]")) {
      var f = form();
      var page = f.querySelector("input[name=page]");
      if (page) page.remove();
      load(urlFor(f), true, focusKey(el));
    }
  });

  // Typed words and years apply with a button, not at once: until then "Show 81
  // results" would count the last search, so the button says it applies them.
  root.addEventListener("input", function (event) {
    if (!event.target.matches("input:not([type=checkbox])")) return;
    var show = root.querySelector(".show-results");
    var shown = window.location.pathname + window.location.search;
    if (show) show.classList.toggle("waiting", urlFor(form()) !== shown);
  });

  function showResults() {
    var panel = root.querySelector("[data-filters]");
    if (panel && !wide.matches) panel.open = false;
    var heading = root.querySelector("#results-heading");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      heading.scrollIntoView({ block: "start" });
    }
  }

  root.addEventListener("submit", function (event) {
    event.preventDefault();
    var showing = event.submitter && event.submitter.hasAttribute("data-show-results");
    var url = urlFor(event.target);
    // Ticked boxes apply at once; only typed years may still be waiting.
    if (showing && url === window.location.pathname + window.location.search) {
      showResults();
      return;
    }
    load(url, true, showing ? null : focusKey(document.activeElement)).then(function (drawn) {
      if (drawn && showing) showResults();
    });
  });

  root.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || !link.getAttribute("href") || link.getAttribute("href").charAt(0) !== "?") return;
    event.preventDefault();
    load(link.href, true, null).then(function (drawn) {
      if (!drawn) return;
      var heading = root.querySelector("#results-heading");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
  });

  window.addEventListener("popstate", function () {
    if (window.location.search === shownSearch) return;
    load(window.location.href, false, null);
  });
})();
