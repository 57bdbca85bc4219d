// The dtp replay report: everything comes from the JSON embedded in the page (the same as
// `dtp --json replay`), drawn as SVG here; no network. Text from the chain only goes into
// textContent.
"use strict";

const data = JSON.parse(document.getElementById("dtp-data").textContent);
const $ = (id) => document.getElementById(id);
const NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#0969da", "#1a7f37", "#8250df", "#bf8700", "#0a7ea4", "#bc4c00", "#6e7781", "#d1242f"];
const labels = data.labels || {};

function short(a) {
  return a ? a.slice(0, 8) + "…" + a.slice(-4) : "";
}
function name(a) {
  return labels[a] || short(a);
}
function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function svg(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function cell(tr, text, cls) {
  tr.appendChild(el("td", text, cls));
}

const servers = data.summary.servers.map((s) => s.server);
const colour = Object.fromEntries(servers.map((s, i) => [s, PALETTE[i % PALETTE.length]]));

function scope() {
  const pipes = data.pipes.map((p) => short(p.pipe)).join(", ");
  $("scope").textContent =
    "Pipe" + (data.pipes.length === 1 ? " " : "s ") + pipes + " · checkpoints " + data.from + "–" + data.to + " · " + data.events + " events";
}

function verdict() {
  const v = $("verdict");
  if (!data.verify) {
    v.dataset.ok = "unknown";
    v.textContent = "not verified (run dtp replay --verify --html to check the history)";
  } else if (data.verify.violations.length > 0) {
    v.dataset.ok = "false";
    v.textContent = "verify: " + data.verify.violations.length + " violation(s)";
    for (const x of data.verify.violations) v.appendChild(el("div", JSON.stringify(x), "mono"));
  } else if (data.verify.policy.status !== "checked") {
    v.dataset.ok = "unknown";
    v.textContent = "verify: no violation, but the assignments could not be checked (" + data.verify.policy.status + ")";
  } else {
    v.dataset.ok = "true";
    v.textContent =
      "verify: no violation — " + data.verify.policy.assignments + " assignments re-executed on the twin, no request completed twice, every completion by its current attempt";
  }
  const s = data.summary;
  $("totals").textContent =
    s.requests + " requests: " + s.completed + " completed, " + s.failed + " failed, " + s.dead + " dead, " + s.cancelled + " cancelled, " + s.pending + " pending · " +
    s.takeovers + " takeovers, " + s.releases + " releases, " + s.dead_letters + " dead letters";
}

function serverTable() {
  const body = $("servers").tBodies[0];
  for (const s of data.summary.servers) {
    const tr = el("tr");
    tr.dataset.server = s.server;
    const td = el("td");
    const sw = el("span", "■ ");
    sw.style.color = colour[s.server];
    td.appendChild(sw);
    td.appendChild(el("span", name(s.server)));
    tr.appendChild(td);
    for (const k of ["assigned", "completed", "failed", "takeovers", "taken_from", "released", "dead_lettered"]) cell(tr, s[k], "num");
    cell(tr, s.latency ? s.latency.p50 : "—", "num");
    cell(tr, s.latency ? s.latency.p99 : "—", "num");
    body.appendChild(tr);
  }
  const legend = $("legend");
  for (const s of servers) {
    const span = el("span");
    const i = el("i");
    i.style.background = colour[s];
    span.appendChild(i);
    span.appendChild(document.createTextNode(name(s)));
    legend.appendChild(span);
  }
}

function timeline() {
  const chart = $("timeline");
  const steps = data.timelines.flatMap((t) => t.steps.map((s) => ({ t, s })));
  if (steps.length === 0) {
    chart.appendChild(svg("text", { x: 10, y: 20 }, "no events in this range"));
    return;
  }
  const t0 = Math.min(...steps.map((x) => x.s.timestamp_ms));
  const t1 = Math.max(...steps.map((x) => x.s.timestamp_ms));
  const BUCKETS = 60;
  const span = Math.max(1, t1 - t0);
  const at = (ms) => Math.min(BUCKETS - 1, Math.floor(((ms - t0) / span) * BUCKETS));
  const counts = Array.from({ length: BUCKETS }, () => ({}));
  for (const { s } of steps) {
    if (s.event === "completed") counts[at(s.timestamp_ms)][s.server] = (counts[at(s.timestamp_ms)][s.server] || 0) + 1;
  }
  const max = Math.max(1, ...counts.map((c) => Object.values(c).reduce((a, b) => a + b, 0)));
  const W = 900, H = 190, bw = W / BUCKETS;
  counts.forEach((c, i) => {
    let y = H;
    for (const srv of servers) {
      const n = c[srv] || 0;
      if (n === 0) continue;
      const h = (n / max) * (H - 20);
      y -= h;
      chart.appendChild(svg("rect", { x: (i * bw + 1).toFixed(1), y: y.toFixed(1), width: (bw - 2).toFixed(1), height: h.toFixed(1), fill: colour[srv], class: "bar" }));
    }
  });
  const x = (ms) => (((ms - t0) / span) * (W - 8) + 4).toFixed(1);
  for (const { t, s } of steps) {
    if (s.event === "reassigned" && s.reason === "expired") {
      const m = svg("text", { x: x(s.timestamp_ms), y: 14, class: "takeover", "data-seq": t.seq, fill: "#cf222e", "text-anchor": "middle" }, "▲");
      m.appendChild(svg("title", {}, "takeover of #" + t.seq + ": " + name(s.from) + " → " + name(s.to)));
      chart.appendChild(m);
    } else if (s.event === "dead_lettered") {
      const m = svg("text", { x: x(s.timestamp_ms), y: 28, class: "dead", "data-seq": t.seq, fill: "#1f2328", "text-anchor": "middle" }, "✕");
      m.appendChild(svg("title", {}, "dead letter #" + t.seq));
      chart.appendChild(m);
    }
  }
  chart.appendChild(svg("text", { x: 4, y: 216 }, new Date(t0).toISOString().slice(11, 23)));
  chart.appendChild(svg("text", { x: W - 4, y: 216, "text-anchor": "end" }, new Date(t1).toISOString().slice(11, 23) + " (" + span + " ms)"));
  chart.appendChild(svg("text", { x: W / 2, y: 216, "text-anchor": "middle" }, "tallest bar: " + max + " completions"));
}

function latencies() {
  return data.timelines.flatMap((t) => t.steps.filter((s) => s.event === "completed").map((s) => s.latency_ms));
}

function histogram() {
  const chart = $("histogram");
  const l = latencies();
  const p = data.summary.latency;
  $("percentiles").textContent = p ? "p50 " + p.p50 + " ms · p90 " + p.p90 + " ms · p99 " + p.p99 + " ms · max " + p.max + " ms over " + p.count : "no completion";
  if (l.length === 0) return;
  const BINS = 30;
  const lo = Math.min(...l), hi = Math.max(...l);
  const width = Math.max(1, (hi - lo + 1) / BINS);
  const bins = new Array(BINS).fill(0);
  for (const v of l) bins[Math.min(BINS - 1, Math.floor((v - lo) / width))]++;
  const max = Math.max(...bins);
  const W = 500, H = 180, bw = W / BINS;
  bins.forEach((n, i) => {
    const h = (n / max) * (H - 10);
    const r = svg("rect", { x: (i * bw + 1).toFixed(1), y: (H - h).toFixed(1), width: (bw - 2).toFixed(1), height: h.toFixed(1), fill: "#0969da", class: "bin" });
    r.appendChild(svg("title", {}, Math.round(lo + i * width) + "–" + Math.round(lo + (i + 1) * width) + " ms: " + n));
    chart.appendChild(r);
  });
  chart.appendChild(svg("text", { x: 2, y: 196 }, lo + " ms"));
  chart.appendChild(svg("text", { x: W - 2, y: 196, "text-anchor": "end" }, hi + " ms"));
}

function stepText(s) {
  switch (s.event) {
    case "reassigned":
      return (s.reason === "expired" ? "takeover " : "released ") + name(s.from) + "→" + name(s.to);
    case "dead_lettered":
      return "dead-lettered";
    case "completed":
      return "completed" + (s.ok ? "" : " (failed)") + " by " + name(s.server);
    case "assigned":
      return "assigned " + name(s.server);
    case "claimed":
      return "claimed";
    default:
      return s.event;
  }
}

const LIMIT = 2000;
function requests() {
  const q = $("search").value.trim();
  const body = $("requests").tBodies[0];
  body.replaceChildren();
  const match = data.timelines.filter((t) => q === "" || String(t.seq) === q || String(t.seq).startsWith(q));
  for (const t of match.slice(0, LIMIT)) {
    const tr = el("tr");
    tr.dataset.seq = t.seq;
    tr.dataset.status = t.status;
    const takeover = t.steps.some((s) => s.event === "reassigned" && s.reason === "expired");
    if (takeover) tr.classList.add("has-takeover");
    if (t.status === "dead") tr.classList.add("dead");
    cell(tr, short(t.pipe), "mono");
    cell(tr, t.seq, "num");
    cell(tr, t.status);
    cell(tr, t.server ? name(t.server) : "—");
    cell(tr, t.attempt, "num");
    const done = t.steps.find((s) => s.event === "completed");
    cell(tr, done ? done.latency_ms : "—", "num");
    cell(tr, t.steps.map(stepText).join(" → "), "steps");
    body.appendChild(tr);
  }
  $("shown").textContent = match.length + " of " + data.timelines.length + " requests" + (match.length > LIMIT ? " (first " + LIMIT + " shown)" : "");
}

scope();
verdict();
serverTable();
timeline();
histogram();
requests();
$("search").addEventListener("input", requests);
