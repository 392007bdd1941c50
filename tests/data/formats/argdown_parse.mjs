// Parse Argdown from stdin with the real @argdown/core and print what it found as JSON:
// errors, statements (text, tags, data), arguments (premises, conclusion, data) and
// relations. Usage: node argdown_parse.mjs NODE_MODULES [--json] < map.argdown
// (--json: print Argdown's own JSON export instead).
import path from "node:path";
import { pathToFileURL } from "node:url";

const modules = process.argv[2];
const core = await import(pathToFileURL(path.join(modules, "@argdown/core/dist/index.js")).href);
const input = await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
});
const json = process.argv.includes("--json");
const response = core.argdown.run({
  input,
  process: json ? "export-json" : ["parse-input", "build-model"],
  logLevel: "error",
});
if (json) {
  process.stdout.write(response.json);
  process.exit(0);
}
const errors = [...(response.lexerErrors || []), ...(response.parserErrors || [])].map(
  (e) => e.message,
);
if (!response.ast) errors.push("the parser gave no syntax tree");
const statements = {};
for (const [title, ec] of Object.entries(response.statements || {})) {
  const member = ec.members.find((m) => m.text);
  statements[title] = { text: member ? member.text : "", tags: ec.tags || [], data: ec.data || {} };
}
const args = {};
for (const [title, a] of Object.entries(response.arguments || {})) {
  const pcs = a.pcs || [];
  args[title] = {
    premises: pcs.filter((s) => s.role === "premise").map((s) => s.title),
    conclusion: pcs.filter((s) => s.role !== "premise").map((s) => s.title),
    data: a.data || {},
  };
}
const relations = (response.relations || []).map((r) => ({
  from: r.from.title,
  fromType: r.from.type,
  to: r.to.title ?? r.to.argumentTitle,
  type: r.relationType,
}));
process.stdout.write(JSON.stringify({ errors, statements, arguments: args, relations }));
