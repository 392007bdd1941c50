// Render or parse documents with the real JavaScript libraries, one per input line.
// usage: node render_lines.mjs NODE_MODULES_DIR   (stdin: one JSON request per line)
// A request is {"kind": "marked" | "mermaid", "text": "..."}; the answer, one JSON line:
//   marked:  {"html": "..."}  (marked's own rendering, GitHub-flavoured, no sanitizer)
//   mermaid: {"ok": true, "type", "vertices", "edges", "theme", "themeCSS"} or {"ok": false, "error"}
// NODE_MODULES_DIR holds the npm packages marked, mermaid and jsdom (tests/js/package.json).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import readline from 'node:readline';

const require = createRequire(process.argv[2].replace(/\/?$/, '/') + 'x.js');
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
const { JSDOM } = await load('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { marked } = await load('marked');
const mermaid = (await load('mermaid')).default;

async function answer(request) {
  if (request.kind === 'marked') return { html: marked.parse(request.text) };
  mermaid.mermaidAPI.reset();
  try {
    await mermaid.parse(request.text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(request.text);
    const config = mermaid.mermaidAPI.getConfig();
    return {
      ok: true,
      type: diagram.type,
      vertices: diagram.db.getVertices().size,
      edges: diagram.db.getEdges().length,
      theme: config.theme ?? null,
      themeCSS: config.themeCSS ?? null,
    };
  } catch (e) {
    return { ok: false, error: String(e.message || e) };
  }
}

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  process.stdout.write(JSON.stringify(await answer(JSON.parse(line))) + '\n');
}
