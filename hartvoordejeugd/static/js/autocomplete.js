/*
 * Hart voor de Jeugd: titles suggested under a search box while the visitor types.
 *
 * Enhances every <input data-autocomplete-url> into an ARIA 1.2 combobox with a listbox popup:
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/
 * Focus stays in the input; ArrowDown and ArrowUp move through the suggestions, Enter opens the
 * chosen one, Escape closes the list. Without JavaScript, or when a request fails, the form
 * simply searches. The Dutch texts come from data- attributes, so the template translates them.
 */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 200; // milliseconds after the last keystroke before asking the server

  function text(input, name, fallback) {
    return input.getAttribute("data-autocomplete-" + name) || fallback;
  }

  function setUpCombobox(input) {
    var url = input.getAttribute("data-autocomplete-url");
    var form = input.form;
    if (!url || !form || !input.id || !window.fetch) {
      return;
    }

    var list = document.createElement("ul");
    list.id = input.id + "-suggesties";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", text(input, "label", "Suggesties"));
    list.hidden = true;

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    form.classList.add("search-form--suggest");
    input.insertAdjacentElement("afterend", list);
    form.appendChild(status);

    var suggestions = [];
    var active = -1;
    var timer = null;
    var request = null;
    var shownFor = null;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function setActive(index) {
      var items = options();
      active = index;
      Array.prototype.forEach.call(items, function (item, position) {
        item.setAttribute("aria-selected", String(position === index));
      });
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function isOpen() {
      return !list.hidden;
    }

    function announce(count) {
      var message;
      if (count === 0) {
        message = text(input, "none", "Geen suggesties");
      } else if (count === 1) {
        message = text(input, "one", "1 suggestie");
      } else {
        message = text(input, "many", "{count} suggesties").replace("{count}", count);
      }
      status.textContent = message;
    }

    function go(index) {
      var suggestion = suggestions[index];
      if (suggestion) {
        close();
        window.location.assign(suggestion.url);
      }
    }

    function show(query, found) {
      suggestions = found;
      shownFor = query;
      list.replaceChildren();
      found.forEach(function (suggestion, index) {
        var item = document.createElement("li");
        item.id = list.id + "-" + index;
        item.className = "search-suggestions__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "search-suggestions__title";
        title.textContent = suggestion.title;
        var type = document.createElement("span");
        type.className = "search-suggestions__type";
        type.textContent = suggestion.type;
        item.append(title, " ", type);
        list.appendChild(item);
      });
      setActive(-1);
      if (found.length) {
        open();
      } else {
        close();
      }
      announce(found.length);
    }

    function clear() {
      suggestions = [];
      shownFor = null;
      list.replaceChildren();
      close();
      status.textContent = "";
    }

    function fetchSuggestions(query) {
      if (request) {
        request.abort();
      }
      request = new AbortController();
      var address = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(address, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: request.signal,
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.statusText);
          }
          return response.json();
        })
        .then(function (data) {
          // Only the answer for what is in the box now counts.
          if (input.value.trim() === query && document.activeElement === input) {
            show(query, Array.isArray(data.suggestions) ? data.suggestions : []);
          }
        })
        .catch(function () {
          // Aborted, offline or an error: the form still searches without suggestions.
        });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      // A new word: Enter searches for it, unless an arrow key chooses a suggestion again.
      setActive(-1);
      if (query.length < MIN_LENGTH) {
        if (request) {
          request.abort();
        }
        clear();
        return;
      }
      if (query === shownFor) {
        open();
        return;
      }
      timer = window.setTimeout(function () {
        fetchSuggestions(query);
      }, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var count = suggestions.length;
      switch (event.key) {
        case "ArrowDown":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (!isOpen()) {
            open();
            setActive(0);
          } else {
            setActive(active + 1 < count ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (!isOpen()) {
            open();
            setActive(count - 1);
          } else {
            setActive(active > 0 ? active - 1 : count - 1);
          }
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();
            event.stopPropagation();
            close();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", close);

    input.addEventListener("focus", function () {
      if (input.value.trim() === shownFor) {
        open();
      }
    });

    // Keep the focus in the input when an option is pressed, so that the click arrives.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });

    list.addEventListener("click", function (event) {
      var item = event.target.closest("[role=option]");
      if (item) {
        go(Array.prototype.indexOf.call(options(), item));
      }
    });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-autocomplete-url]");
    Array.prototype.forEach.call(inputs, setUpCombobox);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
