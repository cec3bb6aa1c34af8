/* mkdocs-decisions: filter the record tables of index pages by status, kind, project,
   tag and text, in the browser. Without JavaScript the form stays hidden and the tables
   are shown whole. The state is kept in the page address (?status=accepted&q=feast),
   so a filtered view can be shared. Works with Material's instant navigation.
   A list split over pages (a page per year) links its pages in nav.decisions-parts:
   those links carry the filter over, so it applies on the next page too. */
(function () {
  "use strict";
  var FIELDS = ["status", "kind", "project", "tag", "q"];

  function setup() {
    var form = document.querySelector("form.decisions-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && params.has(name)) field.value = params.get(name);
    });
    form.addEventListener("input", function () { apply(form, true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(form, false);
  }

  function apply(form, remember) {
    var wanted = {};
    FIELDS.forEach(function (name) {
      var field = form.elements.namedItem(name);
      wanted[name] = field ? field.value.trim().toLowerCase() : "";
    });
    var shown = 0;
    document.querySelectorAll("tr[data-decisions-row]").forEach(function (row) {
      var d = row.dataset;
      var visible =
        (!wanted.status || d.status === wanted.status) &&
        (!wanted.kind || d.kind === wanted.kind) &&
        (!wanted.project || (" " + d.projects + " ").indexOf(" " + wanted.project + " ") >= 0) &&
        (!wanted.tag || (" " + d.tags + " ").indexOf(" " + wanted.tag + " ") >= 0) &&
        (!wanted.q || d.text.indexOf(wanted.q) >= 0);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    document.querySelectorAll("table.decisions-index").forEach(function (table) {
      if (!table.querySelector("tr[data-decisions-row]")) return; // e.g. "Recently changed"
      var any = table.querySelector("tr[data-decisions-row]:not([hidden])");
      var heading = table.previousElementSibling;
      table.hidden = !any;
      if (heading && /^H[2-4]$/.test(heading.tagName)) heading.hidden = !any;
    });
    var count = form.querySelector("output");
    if (count) count.value = shown + (shown === 1 ? " record" : " records");
    if (remember) {
      var params = new URLSearchParams();
      FIELDS.forEach(function (name) { if (wanted[name]) params.set(name, wanted[name]); });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
    carry(window.location.search);
  }

  function carry(search) {
    document.querySelectorAll("nav.decisions-parts a").forEach(function (link) {
      if (!link.dataset.plain) link.dataset.plain = link.getAttribute("href");
      var plain = link.dataset.plain;
      var hash = plain.indexOf("#") >= 0 ? plain.slice(plain.indexOf("#")) : "";
      link.setAttribute("href", plain.split("#")[0] + search + hash);
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup); // Material: runs after every instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
