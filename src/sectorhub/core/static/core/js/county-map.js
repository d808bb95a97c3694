// County maps: every element with data-county-map gets a choropleth of one state's counties.
// The page supplies {state_fips, title, missing, counties: {fips: group}, names} as JSON; the shapes come from the
// shared TopoJSON. Vega runs with its AST interpreter (ast: true) so the Content-Security-Policy needs no eval.
(function () {
  "use strict";
  var PALETTE = ["#005ea2", "#e5a000", "#00a398", "#d83933", "#8168b3", "#4d8055", "#c05600", "#0050d8",
    "#936f38", "#2e6276", "#b50909", "#5e9f3a", "#6f3331", "#1a4480", "#e66f0e", "#3d4551", "#8b0a03",
    "#00bde3", "#4c2c92", "#538200"];
  var MISSING_COLOR = "#dfe1e2";

  function render(element, topo) {
    var data = JSON.parse(document.getElementById(element.dataset.countyMap).textContent);
    var objectName = Object.keys(topo.objects)[0];
    var features = topojson.feature(topo, topo.objects[objectName]).features.filter(function (f) {
      return f.properties.STATEFP === data.state_fips;
    });
    features.forEach(function (f) {
      f.properties.group = data.counties[f.properties.GEOID] || data.missing;
    });
    var groups = Array.from(new Set(Object.values(data.counties))).filter(function (g) {
      return g !== data.missing;
    }).sort();
    var colors = data.colors || {};
    var domain = groups.concat([data.missing]);
    var range = groups.map(function (g, i) { return colors[g] || PALETTE[i % PALETTE.length]; }).concat([MISSING_COLOR]);
    var spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      description: "Map of counties colored by " + data.title,
      width: "container",
      height: 420,
      data: {values: features},
      projection: {type: "mercator"},
      mark: {type: "geoshape", stroke: "#ffffff", strokeWidth: 0.6},
      encoding: {
        color: {field: "properties.group", type: "nominal", title: data.title,
          scale: {domain: domain, range: range}, legend: {orient: groups.length > 12 ? "bottom" : "right", columns: groups.length > 12 ? 3 : 1}},
        tooltip: [{field: "properties.NAME", title: "County"}, {field: "properties.group", title: data.title}]
      }
    };
    return vegaEmbed(element, spec, {actions: false, renderer: "svg", ast: true});
  }

  function start() {
    var maps = document.querySelectorAll("[data-county-map]");
    if (!maps.length) { return; }
    fetch(maps[0].dataset.topojson, {credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (topo) {
        maps.forEach(function (element) {
          render(element, topo).then(function () { element.dataset.rendered = "true"; });
        });
      })
      .catch(function (error) {
        maps.forEach(function (element) {
          element.textContent = "The map could not be drawn; the table below has the same information.";
          element.dataset.rendered = "error";
        });
        console.error(error);
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
