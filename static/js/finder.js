// The practice finder, enhanced: the state list shows the chosen country's states
// only, and the brief offers a print button. Without JavaScript both still work:
// every state is listed, and the browser prints the brief from its menu.
(function () {
  "use strict";
  var country = document.getElementById("finder-country");
  var states = document.querySelector("[data-subdivisions]");
  function showStates() {
    if (!country || !states) return;
    var chosen = country.value;
    Array.prototype.forEach.call(states.querySelectorAll("optgroup"), function (group) {
      var keep = !chosen || group.getAttribute("data-country") === chosen;
      group.hidden = !keep;
      group.disabled = !keep;
    });
    var selected = states.options[states.selectedIndex];
    if (selected && selected.parentNode.disabled) states.value = "";
  }
  if (country && states) {
    country.addEventListener("change", showStates);
    showStates();
  }
  var print = document.querySelector("[data-print]");
  if (print) {
    // The button and its separator: without JavaScript, neither shows.
    (print.closest("[data-print-control]") || print).hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  var errors = document.getElementById("finder-errors");
  if (errors) errors.focus();
})();
