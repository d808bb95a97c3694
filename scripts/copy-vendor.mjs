// Copy the built front-end files from node_modules into the Django static tree.
import { cpSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const dest = join(root, "src/sectorhub/static/vendor");
const files = {
  "@uswds/uswds/dist/css/uswds.min.css": "uswds/css/uswds.min.css",
  "@uswds/uswds/dist/js/uswds.min.js": "uswds/js/uswds.min.js",
  "@uswds/uswds/dist/js/uswds-init.min.js": "uswds/js/uswds-init.min.js",
  "@uswds/uswds/dist/img": "uswds/img",
  "@uswds/uswds/dist/fonts": "uswds/fonts",
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "vega/build/vega.min.js": "vega/vega.min.js",
  "vega-lite/build/vega-lite.min.js": "vega/vega-lite.min.js",
  "vega-embed/build/vega-embed.min.js": "vega/vega-embed.min.js",
  "topojson-client/dist/topojson-client.min.js": "topojson/topojson-client.min.js",
  "axe-core/axe.min.js": "axe/axe.min.js",
  "us-atlas/counties-10m.json": "us-atlas/counties-10m.json",
};
for (const [src, dst] of Object.entries(files)) {
  const from = join(root, "node_modules", src);
  if (!existsSync(from)) throw new Error(`missing ${from}: run npm ci`);
  mkdirSync(dirname(join(dest, dst)), { recursive: true });
  cpSync(from, join(dest, dst), { recursive: true });
}
console.log(`vendor files copied to ${dest}`);
