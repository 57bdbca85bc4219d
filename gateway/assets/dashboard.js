// The dtp dashboard: renders the snapshot the page came with, then every snapshot the
// /dashboard/events stream pushes. Everything from the chain (labels, responses) is untrusted
// text: it only ever goes into textContent, never into HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const rates = []; // total completions/s, one point per snapshot
const RATE_POINTS = 120;

function short(a) {
  return a ? a.slice(0, 8) + "…" + a.slice(-4) : "";
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function cell(tr, text, cls) {
  const td = el("td", text, cls);
  tr.appendChild(td);
  return td;
}

function badge(tr, text, cls) {
  const td = el("td");
  td.appendChild(el("span", text, "badge " + cls));
  tr.appendChild(td);
}

function age(ms) {
  if (ms === null || ms === undefined) return "never";
  return ms < 1000 ? ms + " ms ago" : (ms / 1000).toFixed(1) + " s ago";
}

function time(ms) {
  return new Date(ms).toISOString().slice(11, 23);
}

function renderServers(s) {
  const body = $("servers").tBodies[0];
  body.replaceChildren();
  if (s.servers.length === 0) {
    const tr = el("tr");
    cell(tr, s.error ? "—" : "no endpoint registered (or not read yet)").colSpan = 11;
    body.appendChild(tr);
    return;
  }
  for (const v of s.servers) {
    const tr = el("tr");
    tr.dataset.label = v.label;
    tr.dataset.server = v.server;
    tr.dataset.health = v.healthy ? "healthy" : "unhealthy";
    cell(tr, v.label || short(v.server));
    badge(tr, v.healthy ? "healthy" : "unhealthy", v.healthy ? "healthy" : "unhealthy");
    badge(tr, v.role, v.role === "standby" ? "standby" : "healthy");
    badge(tr, v.state, v.state === "up" ? "healthy" : v.state === "draining" ? "draining" : "unhealthy");
    cell(tr, v.load, "num");
    cell(tr, v.inflight, "num");
    cell(tr, v.rps.toFixed(1), "num");
    cell(tr, v.completed, "num");
    cell(tr, v.errors, "num");
    cell(tr, age(v.heartbeat_age_ms), "num");
    cell(tr, short(v.server), "mono").title = v.server;
    body.appendChild(tr);
  }
}

function renderPipes(s) {
  const body = $("pipes").tBodies[0];
  body.replaceChildren();
  for (const p of s.pipes) {
    const tr = el("tr");
    tr.dataset.pipe = p.pipe;
    cell(tr, short(p.pipe), "mono").title = p.pipe;
    cell(tr, p.label);
    cell(tr, p.policy);
    cell(tr, p.pending, "num");
    cell(tr, p.dead, "num");
    cell(tr, p.sent, "num");
    body.appendChild(tr);
  }
}

function renderFeed(s) {
  const labels = Object.fromEntries(s.servers.map((v) => [v.server, v.label]));
  const ul = $("feed");
  ul.replaceChildren();
  for (const f of s.feed) {
    const li = el("li", undefined, "feed-" + f.kind);
    li.dataset.kind = f.kind;
    li.appendChild(el("span", time(f.timestamp_ms) + " ", "mono"));
    li.appendChild(el("span", f.kind.replace("_", " "), "kind"));
    const seq = f.seq === null ? "" : " #" + f.seq;
    const who = labels[f.server] || short(f.server);
    const attempt = f.attempt === null ? "" : " attempt " + f.attempt;
    li.appendChild(el("span", " " + short(f.pipe) + seq + " → " + who + attempt + (f.detail ? " · " + f.detail : "")));
    ul.appendChild(li);
  }
  if (s.feed.length === 0) ul.appendChild(el("li", "nothing yet: assignments, takeovers and fenced calls show here"));
}

function renderLatency(s) {
  const d = $("latency");
  d.replaceChildren();
  if (!s.latency) {
    d.textContent = "no completion yet";
    return;
  }
  for (const k of ["p50", "p90", "p99", "max"]) {
    const box = el("div");
    box.appendChild(el("b", s.latency[k] + " ms"));
    box.appendChild(el("span", k));
    d.appendChild(box);
  }
  d.appendChild(el("div", "over " + s.latency.count + " completions"));
}

function renderRate(s) {
  rates.push(s.servers.reduce((a, v) => a + v.rps, 0));
  if (rates.length > RATE_POINTS) rates.shift();
  const svg = $("rate");
  const ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  const max = Math.max(1, ...rates);
  const pts = rates.map((r, i) => [(i / (RATE_POINTS - 1)) * 600, 110 - (r / max) * 100]);
  const line = document.createElementNS(ns, "polyline");
  line.setAttribute("points", pts.map((p) => p[0].toFixed(1) + "," + p[1].toFixed(1)).join(" "));
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "#0969da");
  line.setAttribute("stroke-width", "2");
  svg.appendChild(line);
  const label = document.createElementNS(ns, "text");
  label.setAttribute("x", "4");
  label.setAttribute("y", "12");
  label.textContent = "max " + max.toFixed(1) + " req/s · now " + rates[rates.length - 1].toFixed(1);
  svg.appendChild(label);
}

function render(s) {
  $("host").textContent = "Host " + (s.host_label ? s.host_label + " " : "") + short(s.host);
  $("host").title = s.host;
  $("chain").textContent = s.chain;
  $("checkpoint").textContent = s.checkpoint === null ? "" : "checkpoint " + s.checkpoint;
  const err = $("error");
  err.textContent = s.error || "";
  err.style.display = s.error ? "block" : "none";
  document.body.dataset.state = s.error ? "error" : "ok";
  renderServers(s);
  renderPipes(s);
  renderFeed(s);
  renderLatency(s);
  renderRate(s);
}

function failed(why) {
  const err = $("error");
  err.textContent = why;
  err.style.display = "block";
  document.body.dataset.state = "error";
}

try {
  render(JSON.parse($("dtp-initial").textContent));
} catch (e) {
  failed("the page came without a readable snapshot: " + e.message);
}

const stream = new EventSource("/dashboard/events");
stream.addEventListener("state", (ev) => {
  $("conn").textContent = "live";
  render(JSON.parse(ev.data));
});
stream.onerror = () => {
  $("conn").textContent = "reconnecting…";
  failed("the dashboard's server does not answer: reconnecting…");
};
