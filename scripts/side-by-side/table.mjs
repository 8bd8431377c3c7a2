// node table.mjs <ours smoke.json> <ours trace.jsonl> <original smoke.json> <original trace.jsonl>
// One Markdown table from two `astroaws smoke --json` runs and the traces of the previews they ran against: per request
// class the status (and whether it met the smoke expectation), the origin fetches in order, and what reached the
// function URL. Used by scripts/side-by-side.sh.
import { readFileSync } from "node:fs";

const [oursSmoke, oursTrace, theirsSmoke, theirsTrace] = process.argv.slice(2);
if (!theirsTrace) {
  console.error("usage: node table.mjs <ours smoke.json> <ours trace.jsonl> <original smoke.json> <original trace.jsonl>");
  process.exit(2);
}

const load = (smoke, trace) => ({
  checks: JSON.parse(readFileSync(smoke, "utf8")).checks,
  entries: readFileSync(trace, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)),
});
const ours = load(oursSmoke, oursTrace);
const theirs = load(theirsSmoke, theirsTrace);

const cell = (s) => String(s).replaceAll("|", "\\|").replaceAll("\n", " ");

function side(run, name) {
  const check = run.checks.find((c) => c.class === name);
  if (!check) return { status: "not sent", fetches: "-", reached: "-" };
  // The first trace entry of this method and path: the smoke run's discovery GETs (of /about, /images) come later.
  const entry = run.entries.find((e) => e.method === check.method && e.path === check.path);
  let status = check.status === null ? "no answer" : String(check.status);
  status += check.ok ? " ✓" : ` ✗ ${check.problem}`;
  if (!entry) return { status, fetches: "not in the trace", reached: "-" };
  if (entry.origins.length === 0) status += entry.answeredBy === "cloudfront" ? " (refused by CloudFront, no origin fetch)" : ` (answered by ${entry.answeredBy})`;
  const fetches = entry.origins.length === 0 ? "0" : `${entry.origins.length}: ${entry.origins.map((o) => `${o.origin} ${o.status}`).join(" → ")}`;
  const reached = entry.origins.filter((o) => o.reached).map((o) => {
    const r = o.reached;
    return `${r.path}${r.query ? "?" + r.query : ""}; cookies: ${r.cookies.length ? r.cookies.join(", ") : "none"}; headers: ${r.headers.join(", ") || "none"}`;
  });
  const none = entry.origins.length === 0 ? "nothing" : "(S3 only)";
  return { status, fetches, reached: reached.length ? [...new Set(reached)].join(" / ") : none };
}

const classes = [...new Set([...ours.checks, ...theirs.checks].map((c) => c.class))];
const lines = [
  "| request class | request | AstroAws: status | AstroAws: origin fetches | AstroAws: what reached the function | original: status | original: origin fetches | original: what reached the function |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
];
for (const name of classes) {
  const check = ours.checks.find((c) => c.class === name) ?? theirs.checks.find((c) => c.class === name);
  const request = `${check.method} ${check.path.replace(/smoke-[0-9a-f]{8}/g, "smoke-…")}`;
  const a = side(ours, name);
  const b = side(theirs, name);
  lines.push(`| ${[name, request, a.status, a.fetches, a.reached, b.status, b.fetches, b.reached].map(cell).join(" | ")} |`);
}
const total = (run) => run.checks.reduce((n, c) => n + (run.entries.find((e) => e.method === c.method && e.path === c.path)?.origins.length ?? 0), 0);
lines.push("");
lines.push(`Origin fetches for the ${classes.length} request classes: AstroAws ${total(ours)}, original ${total(theirs)}. ` +
  `Expectations met: AstroAws ${ours.checks.filter((c) => c.ok).length} of ${ours.checks.length}, original ${theirs.checks.filter((c) => c.ok).length} of ${theirs.checks.length}.`);
console.log(lines.join("\n"));
