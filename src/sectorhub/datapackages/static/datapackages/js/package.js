// Data package pages: draw each .package-chart from the JSON script it names (vega-embed), and make every package
// table sortable by its column headers. Runs on load and after every htmx swap of the package body. Vega's AST
// interpreter keeps the Content-Security-Policy free of eval.
(function () {
  "use strict";
  function charts(root) {
    root.querySelectorAll(".package-chart[data-spec-id]").forEach(function (element) {
      if (element.dataset.rendered) { return; }
      var spec = JSON.parse(document.getElementById(element.dataset.specId).textContent);
      vegaEmbed(element, spec, {actions: false, renderer: "svg", ast: true})
        .then(function () { element.dataset.rendered = "true"; })
        .catch(function (error) {
          element.textContent = "The chart could not be drawn; the tables have the same figures.";
          element.dataset.rendered = "error";
          console.error(error);
        });
    });
  }
  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) { return ""; }
    var raw = cell.dataset.sortValue;
    if (raw === undefined) { return cell.textContent.trim().toLowerCase(); }
    return raw === "" ? null : parseFloat(raw);  // suppressed or missing values sort last
  }
  function sortBy(table, index, button) {
    var th = button.closest("th");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (x === null) { return y === null ? 0 : 1; }
      if (y === null) { return -1; }
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function tables(root) {
    root.querySelectorAll("table.sh-package__table").forEach(function (table) {
      if (table.dataset.sortReady) { return; }
      table.dataset.sortReady = "true";
      table.querySelectorAll("th[data-sh-sort]").forEach(function (th, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "usa-button usa-button--unstyled sh-sort";
        button.textContent = th.textContent;
        button.setAttribute("aria-label", "Sort by " + th.textContent);
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, index, button); });
      });
    });
  }
  function draw(root) { charts(root); tables(root); }
  document.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { draw(document); });
  } else {
    draw(document);
  }
})();
