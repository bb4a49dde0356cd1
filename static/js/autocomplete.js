// Suggestions for any search box marked data-autocomplete: taxonomy terms and practice
// titles from the API, shown as a WAI-ARIA 1.2 combobox with a listbox. Unlike a
// native datalist, which hides any option that does not start with what was typed,
// it shows what the API found, one typo included ("municpal" offers "municipal").
// Keys: Down and Up move through the options, Enter takes one, Escape closes the
// list. A term (named with its facet: "Datos abiertos · Tema") applies its filter to
// the search shown, as ticking its box would; a practice opens. Without JavaScript
// the box is a plain search field.
(function () {
  "use strict";
  if (!window.fetch) return;
  var timer = null;
  var latest = 0;

  // The listbox of a box, made the first time it is needed: the search page may have
  // replaced the box (and its listbox) since, so it is looked up every time.
  function listboxFor(input) {
    var id = input.id + "-suggestions";
    var listbox = document.getElementById(id);
    if (!listbox) {
      listbox = document.createElement("ul");
      listbox.id = id;
      listbox.className = "suggestions";
      listbox.setAttribute("role", "listbox");
      listbox.setAttribute("aria-label", input.dataset.suggestionsLabel || "");
      listbox.hidden = true;
      input.insertAdjacentElement("afterend", listbox);
    }
    if (input.getAttribute("role") !== "combobox") {
      input.setAttribute("role", "combobox");
      input.setAttribute("aria-autocomplete", "list");
      input.setAttribute("aria-controls", id);
      input.setAttribute("aria-expanded", "false");
    }
    return listbox;
  }

  function options(listbox) {
    return Array.prototype.slice.call(listbox.querySelectorAll("[role=option]"));
  }

  function close(input) {
    // An answer still on its way must not open the list again (after Escape, a
    // choice, or leaving the box).
    clearTimeout(timer);
    latest++;
    var listbox = listboxFor(input);
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    options(listbox).forEach(function (option) { option.setAttribute("aria-selected", "false"); });
  }

  function open(input) {
    var listbox = listboxFor(input);
    if (!options(listbox).length) return false;
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
    return true;
  }

  function activate(input, option) {
    var listbox = listboxFor(input);
    options(listbox).forEach(function (each) {
      each.setAttribute("aria-selected", each === option ? "true" : "false");
    });
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function submit(form) {
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  // The words typed only found the term: the box goes back to the words of the
  // search shown (none on the home page), and the term's box is ticked, or its
  // value sent along where the page has no such box.
  function applyFilter(input, option) {
    var form = input.form;
    if (!form) return;
    var facet = option.dataset.facet, value = option.dataset.value;
    input.value = input.defaultValue;
    var box = Array.prototype.filter.call(form.elements, function (el) {
      return el.type === "checkbox" && el.name === facet && el.value === value;
    })[0];
    var added = null;
    if (box) {
      box.checked = true;
    } else {
      added = document.createElement("input");
      added.type = "hidden";
      added.name = facet;
      added.value = value;
      form.appendChild(added);
    }
    submit(form);
    // The form's fields were read on submitting; a page restored from history
    // must not carry the filter into its next search.
    if (added) added.remove();
  }

  function choose(input, option) {
    close(input);
    if (option.dataset.url) {
      window.location.href = option.dataset.url;
    } else if (option.dataset.facet) {
      applyFilter(input, option);
    }
  }

  // What an option stands for: the practice it opens, or the filter it applies.
  function optionKey(option) {
    return option.dataset.url || option.dataset.facet + "=" + option.dataset.value;
  }

  function show(input, data) {
    var listbox = listboxFor(input);
    // An answer may come while the keys move through the list shown (a later
    // keystroke's, late): the option chosen stays chosen if it is still offered.
    var chosen = listbox.hidden ? null : listbox.querySelector("[aria-selected=true]");
    var chosenKey = chosen && optionKey(chosen);
    listbox.innerHTML = "";
    // A term is a filter, named with its facet: "Open data" the theme and "Open
    // data" the practice type are two options, each applying its own.
    var items = data.terms.map(function (term) {
      return { text: term.label, kind: term.facet_label, facet: term.facet, value: term.value };
    }).concat(data.practices.map(function (practice) {
      return { text: practice.title, url: practice.url };
    }));
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = listbox.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      if (item.url) option.dataset.url = item.url;
      if (item.facet) {
        option.dataset.facet = item.facet;
        option.dataset.value = item.value;
      }
      var text = document.createElement("span");
      text.textContent = item.text;
      option.appendChild(text);
      if (item.kind) {
        // Read as "Open data, Theme"; shown as a quieter word beside the label.
        var pause = document.createElement("span");
        pause.className = "visually-hidden";
        pause.textContent = ", ";
        var kind = document.createElement("span");
        kind.className = "suggestion-kind";
        kind.textContent = item.kind;
        option.appendChild(pause);
        option.appendChild(kind);
      }
      listbox.appendChild(option);
    });
    input.removeAttribute("aria-activedescendant");
    if (!items.length || document.activeElement !== input) {
      close(input);
      return;
    }
    open(input);
    var still = chosenKey && options(listbox).filter(function (option) {
      return optionKey(option) === chosenKey;
    })[0];
    if (still) activate(input, still);
  }

  function isBox(el) {
    return el && el.matches && el.matches("input[data-autocomplete]");
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!isBox(input)) return;
    listboxFor(input);
    clearTimeout(timer);
    var words = input.value.trim();
    if (words.length < 2) { close(input); return; }
    timer = setTimeout(function () {
      var request = ++latest;
      var lang = document.documentElement.lang || "es";
      fetch(input.dataset.autocomplete + "?lang=" + lang + "&q=" + encodeURIComponent(words))
        .then(function (r) { return r.ok ? r.json() : { practices: [], terms: [] }; })
        .then(function (data) {
          if (request !== latest) return;  // a later keystroke already asked again
          show(input, data);
        })
        .catch(function () {});
    }, 200);
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!isBox(input)) return;
    var listbox = listboxFor(input);
    var all = options(listbox);
    var current = listbox.querySelector("[aria-selected=true]");
    var at = all.indexOf(current);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      if (listbox.hidden) {
        open(input);
        activate(input, event.key === "ArrowDown" ? all[0] : all[all.length - 1]);
        return;
      }
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      // Past either end the focus is back in the box, as typed (APG's wrap point).
      activate(input, all[next] || null);
    } else if (event.key === "Enter" && !listbox.hidden && current) {
      event.preventDefault();
      choose(input, current);
    } else if (event.key === "Escape" && !listbox.hidden) {
      event.preventDefault();  // the first Escape closes the list, not the box's text
      close(input);
    }
  });

  // mousedown, not click: the box would lose focus (and close the list) first.
  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest && event.target.closest(".suggestions [role=option]");
    if (!option) return;
    event.preventDefault();
    var input = document.querySelector("[aria-controls='" + option.parentNode.id + "']");
    if (input) choose(input, option);
  });

  document.addEventListener("focusout", function (event) {
    if (isBox(event.target)) close(event.target);
  });

  // A box is a combobox from the start (and again once the search page has
  // replaced it), so that a screen reader announces it as one before any typing.
  document.addEventListener("focusin", function (event) {
    if (isBox(event.target)) listboxFor(event.target);
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete]"), listboxFor);
})();
