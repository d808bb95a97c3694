// Vega-Lite charts on any page: every element with data-vega-chart names the JSON script holding its
// Vega-Lite spec. Vega runs with its AST interpreter (ast: true) so the Content-Security-Policy needs no eval.
(function () {
  "use strict";
  function start() {
    document.querySelectorAll("[data-vega-chart]").forEach(function (element) {
      var spec = JSON.parse(document.getElementById(element.dataset.vegaChart).textContent);
      vegaEmbed(element, spec, {actions: false, renderer: "svg", ast: true})
        .then(function () { element.dataset.rendered = "true"; })
        .catch(function (error) {
          element.textContent = "The chart could not be drawn; the table has the same figures.";
          element.dataset.rendered = "error";
          console.error(error);
        });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
