// Suggestions for any search box marked data-autocomplete: practice titles and
// taxonomy terms from the API, offered through a native datalist (keyboard and screen
// reader support come with it). Without JavaScript the box is a plain search field.
(function () {
  "use strict";
  if (!window.fetch) return;
  var timer = null;
  var latest = 0;

  function listFor(input) {
    var id = input.id + "-suggestions";
    var list = document.getElementById(id);
    if (!list) {
      list = document.createElement("datalist");
      list.id = id;
      document.body.appendChild(list);
    }
    input.setAttribute("list", id);  // the search page may have replaced the input
    return list;
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-autocomplete]")) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      var words = input.value.trim();
      if (words.length < 2) return;
      var request = ++latest;
      var lang = document.documentElement.lang || "es";
      fetch(input.dataset.autocomplete + "?lang=" + lang + "&q=" + encodeURIComponent(words))
        .then(function (r) { return r.ok ? r.json() : { practices: [], terms: [] }; })
        .then(function (data) {
          if (request !== latest) return;  // a later keystroke already asked again
          var list = listFor(input);
          list.innerHTML = "";
          data.terms.concat(data.practices).forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.label || item.title;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 200);
  });
})();
