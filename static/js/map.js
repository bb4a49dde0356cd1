// A click on a shaded place of a home page map opens its search. Only a pointer
// convenience: the same links are in the list or table beside each map.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var shape = event.target.closest && event.target.closest("svg.map path[data-href]");
    if (shape && shape.getAttribute("data-href")) {
      window.location.href = shape.getAttribute("data-href");
    }
  });
})();
