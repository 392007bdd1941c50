// Parse Mermaid source from stdin with the real `mermaid` parser under Node.
// usage: node mermaid_parse.mjs NODE_MODULES_DIR < chart.mmd
// NODE_MODULES_DIR holds the npm packages `mermaid` (11.x) and `jsdom`.
// Prints {"ok": true, "type", "vertices", "edges"} or {"ok": false, "error"}.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';

const require = createRequire(process.argv[2].replace(/\/?$/, '/') + 'x.js');
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
const { JSDOM } = await load('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await load('mermaid')).default;
const text = fs.readFileSync(0, 'utf8');
try {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db;
  console.log(JSON.stringify({
    ok: true,
    type: diagram.type,
    vertices: db.getVertices().size,
    edges: db.getEdges().length,
  }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: String(e.message || e) }));
  process.exit(1);
}
