// A practice page's citation: a copy button, shown only when this script runs and the
// browser can copy; without it the citation is plain text to select.
(function () {
  "use strict";
  var button = document.querySelector("[data-copy-citation]");
  if (!button || !navigator.clipboard) return;
  var source = document.getElementById(button.getAttribute("data-copy-citation"));
  var status = document.querySelector("[data-copy-status]");
  if (!source) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var text = source.textContent.replace(/\s+/g, " ").trim();
    navigator.clipboard.writeText(text).then(
      function () { status.textContent = status.getAttribute("data-copied"); },
      function () { status.textContent = status.getAttribute("data-failed"); }
    );
  });
})();
