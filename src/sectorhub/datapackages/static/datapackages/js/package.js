// Data package charts: each .package-chart names the JSON script holding its Vega-Lite spec. Runs on page load
// and after every htmx swap of the package body. Vega's AST interpreter keeps the CSP free of eval.
(function () {
  "use strict";
  function draw(root) {
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
    if (window.uswds && window.uswds.components && window.uswds.components.table) {
      window.uswds.components.table.on(root);
    }
  }
  function start() { draw(document); }
  document.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
