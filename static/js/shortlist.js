// "My list": practice ids kept in this browser's localStorage, never sent anywhere
// but in the addresses of the list and comparison pages (?ids=…), which the server
// draws from the address alone. This script shows the add/remove buttons (hidden
// without it), keeps the header's count and link, and keeps the list page in step.
(function () {
  "use strict";
  var KEY = "repertorio.my-list";
  var MAX = 50;
  var ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  function read() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return ID.test(id); }).slice(0, MAX) : [];
    } catch (error) {
      return [];
    }
  }

  function write(ids) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(ids));
      return true;
    } catch (error) {
      return false;  // storage off (private mode, blocked): the buttons stay hidden
    }
  }

  function storageWorks() {
    try {
      window.localStorage.setItem(KEY + ".probe", "1");
      window.localStorage.removeItem(KEY + ".probe");
      return true;
    } catch (error) {
      return false;
    }
  }

  function sameIds(a, b) {
    return a.length === b.length && a.every(function (id) { return b.indexOf(id) !== -1; });
  }

  var link = document.querySelector("[data-shortlist-link]");
  var count = document.querySelector("[data-shortlist-count]");
  var status = document.querySelector("[data-shortlist-status]");
  var listPage = document.querySelector("[data-shortlist-page]");
  var listUrl = link ? link.getAttribute("data-list-url") : null;

  function listAddress(ids) {
    return ids.length ? listUrl + "?ids=" + ids.join(",") : listUrl;
  }

  function showCount(ids) {
    if (link && listUrl) link.href = listAddress(ids);
    if (count) {
      count.textContent = "(" + ids.length + ")";
      count.hidden = false;
    }
  }

  function announce(name, total) {
    if (!status) return;
    status.textContent = status.getAttribute("data-" + name).replace("__N__", total);
  }

  function showButton(button, ids) {
    var chosen = ids.indexOf(button.getAttribute("data-shortlist-toggle")) !== -1;
    button.setAttribute("aria-pressed", chosen ? "true" : "false");
    button.querySelector("[data-shortlist-label]").textContent =
      button.getAttribute(chosen ? "data-label-remove" : "data-label-add");
    button.hidden = false;
  }

  if (!storageWorks()) return;
  var ids = read();
  // The list page shows the list kept here, unless it was opened from a shared address.
  var pageIds = listPage ? (listPage.getAttribute("data-ids") || "").split(",").filter(Boolean) : null;
  if (listPage && !pageIds.length && ids.length && !listPage.querySelector("[role=alert]")) {
    window.location.replace(listAddress(ids));
    return;
  }
  var pageIsMine = listPage && sameIds(pageIds, ids);
  if (listPage && !pageIsMine && pageIds.length) {
    var shared = listPage.querySelector("[data-shortlist-shared]");
    if (shared) {
      shared.hidden = false;
      shared.querySelector("[data-shortlist-adopt]").addEventListener("click", function () {
        if (write(pageIds)) window.location.replace(listAddress(pageIds));
      });
    }
  }
  showCount(ids);

  var buttons = document.querySelectorAll("[data-shortlist-toggle]");
  Array.prototype.forEach.call(buttons, function (button) {
    showButton(button, ids);
    button.addEventListener("click", function () {
      var id = button.getAttribute("data-shortlist-toggle");
      var current = read();
      var at = current.indexOf(id);
      if (at === -1 && current.length >= MAX) {
        announce("full", current.length);
        return;
      }
      if (at === -1) current.push(id); else current.splice(at, 1);
      if (!write(current)) return;
      Array.prototype.forEach.call(buttons, function (other) { showButton(other, current); });
      showCount(current);
      announce(at === -1 ? "added" : "removed", current.length);
      // On one's own list page, a removed practice leaves the page too.
      if (pageIsMine) window.location.replace(listAddress(current));
    });
  });

  // Another tab changed the list: the count and the buttons follow.
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY) return;
    var current = read();
    Array.prototype.forEach.call(buttons, function (button) { showButton(button, current); });
    showCount(current);
  });

  var print = document.querySelector("[data-print]");
  if (print && listPage) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
