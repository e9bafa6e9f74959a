// storyline web UI: click a claim to highlight the sentences it was read from.
// Written for this project; no framework, no build step, no network.
"use strict";

(function () {
  function keysOf(el, name) {
    var value = el.getAttribute(name) || "";
    return value.split(/\s+/).filter(function (k) { return k.length > 0; });
  }

  function clear() {
    document.querySelectorAll(".src.hl, .src.hl-words").forEach(function (el) {
      el.classList.remove("hl", "hl-words");
    });
    document.querySelectorAll("tr.claim.active").forEach(function (row) {
      row.classList.remove("active");
      row.setAttribute("aria-pressed", "false");
    });
  }

  function highlight(row) {
    var wasActive = row.classList.contains("active");
    clear();
    if (wasActive) { return; }
    var wanted = {};
    keysOf(row, "data-keys").forEach(function (k) { wanted[k] = true; });
    row.classList.add("active");
    row.setAttribute("aria-pressed", "true");
    var first = null;
    document.querySelectorAll(".src").forEach(function (el) {
      var hit = keysOf(el, "data-keys").some(function (k) { return wanted[k]; });
      if (!hit) { return; }
      el.classList.add("hl");
      if (keysOf(el, "data-words").some(function (k) { return wanted[k]; })) {
        el.classList.add("hl-words");
      }
      if (first === null) { first = el; }
    });
    if (first !== null) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("tr.claim").forEach(function (row) {
      row.addEventListener("click", function () { highlight(row); });
      row.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          highlight(row);
        }
      });
    });
  });
})();
