/*
 * Hart voor de Jeugd: small enhancements on top of pages that work without JavaScript.
 * - the main menu folds away behind a toggle button on small screens;
 * - an external video (YouTube, Vimeo) loads only after the visitor asks for it;
 * - the search filters (a closed disclosure on a phone) stand open as a sidebar on wide screens;
 * - a photo chosen in a form shows as a preview under its field;
 * - a form on a page the page cache shares gets its security tokens when it is first touched
 *   (hartvoordejeugd/form_tokens.py); sent before they arrived, it waits for them.
 */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!nav) {
      return;
    }

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-open", open);
    }

    toggle.hidden = false;
    setOpen(false);

    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });

    // Escape closes the open menu and returns focus to its button.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  function setUpVideoEmbeds() {
    var embeds = document.querySelectorAll("[data-video-embed]");
    Array.prototype.forEach.call(embeds, function (embed) {
      var button = embed.querySelector(".video-embed__play");
      var url = embed.getAttribute("data-embed-url");
      if (!button || !url) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        var iframe = document.createElement("iframe");
        iframe.className = "video-embed__iframe";
        iframe.src = url;
        iframe.title = embed.getAttribute("data-embed-title") || "Video";
        iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
        iframe.allowFullscreen = true;
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        embed.classList.add("is-playing");
        embed.replaceChildren(iframe);
        iframe.focus();
      });
    });
  }

  function setUpSearchFilters() {
    var filters = document.querySelector("[data-search-filters]");
    var wide = window.matchMedia("(min-width: 60em)");
    if (!filters) {
      return;
    }
    function follow() {
      filters.open = wide.matches;
    }
    follow();
    wide.addEventListener("change", follow);
  }

  // The preview is an object URL of the file itself: nothing is uploaded until the form is sent.
  function setUpPhotoPreviews() {
    var inputs = document.querySelectorAll('form input[type="file"][accept^="image/"]');
    Array.prototype.forEach.call(inputs, function (input) {
      var preview = document.createElement("div");
      var image = document.createElement("img");
      preview.className = "photo-preview";
      preview.hidden = true;
      image.alt = input.getAttribute("data-preview-alt") || "Voorbeeld van de gekozen foto";
      preview.appendChild(image);
      input.insertAdjacentElement("afterend", preview);

      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (image.src) {
          URL.revokeObjectURL(image.src);
          image.removeAttribute("src");
        }
        preview.hidden = !file;
        if (file) {
          image.src = URL.createObjectURL(file);
        }
      });
      // A format the browser cannot show (HEIC outside Safari) gets no broken image.
      image.addEventListener("error", function () {
        preview.hidden = true;
      });
    });
  }

  function setUpFormTokens() {
    var inputs = document.querySelectorAll("input[data-form-tokens]");
    var pending = null;
    if (!inputs.length) {
      return;
    }

    function fetchTokens() {
      if (!pending) {
        pending = fetch(inputs[0].getAttribute("data-form-tokens"), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            if (!response.ok) {
              throw new Error(response.status);
            }
            return response.json();
          })
          .then(function (tokens) {
            Array.prototype.forEach.call(inputs, function (input) {
              input.value = tokens[input.name] || "";
            });
          })
          .catch(function () {
            pending = null; // tried again on the next touch; the server copes without them
          });
      }
      return pending;
    }

    Array.prototype.forEach.call(inputs, function (input) {
      var form = input.form;
      if (!form || form.hasAttribute("data-form-tokens-ready")) {
        return;
      }
      form.setAttribute("data-form-tokens-ready", "");
      form.addEventListener("focusin", fetchTokens);
      form.addEventListener("submit", function (event) {
        if (!form.querySelector("input[data-form-tokens]").value) {
          event.preventDefault();
          // Sent without them (the fetch failed), the server shows the form again, filled in.
          Promise.resolve(fetchTokens()).then(function () {
            form.submit();
          });
        }
      });
    });
  }

  function init() {
    setUpMenu();
    setUpVideoEmbeds();
    setUpSearchFilters();
    setUpPhotoPreviews();
    setUpFormTokens();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
