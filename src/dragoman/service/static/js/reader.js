// The reader: a coded document shown as its own text with every layer highlighted
// (actors, times, places, quotes, event triggers), a table of its events beside it, and
// the details of the event hovered or selected. Used for a pasted article (the Code view)
// and for a stored document (opened from the explore table).
//
// The text is cut at every annotation boundary into segments, each a <span> carrying the
// classes of the annotations that cover it, so overlapping layers (an actor inside a
// quote) show together. Every segment's text is set as text, never parsed as HTML.

import { h, QUAD_NAMES, who } from "./dom.js";

const LAYERS = [
  { key: "ent", label: "actors" },
  { key: "time", label: "times" },
  { key: "place", label: "places" },
  { key: "quote", label: "quotes" },
  { key: "trig", label: "event triggers" },
];

function overlaps(a0, a1, b0, b1) {
  return a0 < b1 && b0 < a1;
}

/** Annotations as marks {start, end, kind, tip, events}. */
function marksOf(doc) {
  const marks = [];
  for (const e of doc.entities || []) {
    const role = [e.code, e.name].filter(Boolean).join(", ");
    marks.push({ start: e.start, end: e.end, kind: "ent", tip: `actor: ${e.text}${role ? ` (${role})` : ""}` });
  }
  for (const t of doc.times || []) {
    marks.push({ start: t.start, end: t.end, kind: "time", tip: `time: ${t.type} ${t.value ?? "unresolved"}` });
  }
  for (const p of doc.places || []) {
    if (p.use === "associative") continue; // stands for a government or people: an actor
    const where = [p.name, p.feature, p.country].filter(Boolean).join(", ");
    marks.push({ start: p.start, end: p.end, kind: "place", tip: `place: ${where}` });
  }
  for (const q of doc.quotes || []) {
    const source = q.source ? q.source.text : "unknown source";
    marks.push({ start: q.content.start, end: q.content.end, kind: "quote", tip: `${q.direct ? "quote" : "reported speech"} of ${source}` });
    if (q.cue) marks.push({ start: q.cue.start, end: q.cue.end, kind: "cue", tip: `said (${source})` });
  }
  (doc.events || []).forEach((ev, i) => {
    marks.push({ start: ev.trigger.start, end: ev.trigger.end, kind: "trig", event: i, quad: ev.cameo.quad_class });
  });
  return marks.filter((m) => Number.isInteger(m.start) && m.end > m.start);
}

/** The details of one event, as a definition list. */
export function eventDetails(ev) {
  const rows = [];
  const add = (term, ...value) => rows.push(h("dt", {}, term), h("dd", {}, ...value));
  const mode = ev.plover.mode ? ` / ${ev.plover.mode}` : "";
  const context = (ev.plover.context || []).length ? ` (${ev.plover.context.join(", ")})` : "";
  add("type", h("strong", {}, `${ev.plover.type}${mode}`), context);
  add("CAMEO", `${ev.cameo.code} · ${QUAD_NAMES[ev.cameo.quad_class] || "?"} · Goldstein ${ev.cameo.goldstein}`);
  add("actor", who(ev.actor));
  add("recipient", who(ev.recipient));
  add("trigger", `“${ev.trigger.text}”`);
  add("modality", ev.modality);
  const date = ev.date || {};
  add("date", date.value || "unknown", date.text ? ` (from “${date.text}”)` : date.value ? " (document date)" : "");
  const loc = ev.location;
  add("place", loc ? [loc.name || loc.text, loc.feature, loc.country].filter(Boolean).join(", ") : "—");
  if (ev.attribution) {
    const sp = ev.attribution.speaker;
    const speaker = sp ? (sp.code ? who([sp]) : sp.text) : "someone";
    add("said by", `${speaker}, “${ev.attribution.cue.text}”`);
  }
  add("evidence", `${ev.evidence.rule} (score ${ev.evidence.score})`);
  return h("dl", { class: "details" }, rows);
}

export function createReader(root) {
  const legend = h("div", { class: "legend", role: "group", "aria-label": "layers shown" });
  const article = h("article", { class: "article", lang: "en" });
  const detail = h("div", { class: "detail", "aria-live": "polite" });
  const table = h("table", { class: "events" });
  const tooltip = h("div", { class: "tooltip", role: "tooltip", hidden: true });
  root.replaceChildren(
    h("div", { class: "reader-grid" },
      h("div", { class: "article-col" }, legend, article),
      h("aside", { class: "events-col" }, detail, h("div", { class: "table-wrap" }, table))),
    tooltip,
  );
  for (const layer of LAYERS) {
    const box = h("input", { type: "checkbox", checked: true, "data-layer": layer.key });
    box.addEventListener("change", () => article.classList.toggle(`hide-${layer.key}`, !box.checked));
    legend.append(h("label", { class: `key key-${layer.key}` }, box, h("span", {}, layer.label)));
  }

  let doc = null;
  let segments = [];
  let rows = [];
  let selected = null;

  function mark(index, on) {
    const ev = index === null ? null : doc.events[index];
    for (const seg of segments) {
      const a = seg.start;
      const b = seg.end;
      const inside = (spans) => on && spans.some((x) => x && overlaps(a, b, x.start, x.end));
      seg.node.classList.toggle("sel-actor", !!ev && inside(ev.actor));
      seg.node.classList.toggle("sel-recipient", !!ev && inside(ev.recipient));
      seg.node.classList.toggle("sel-trigger", !!ev && inside([ev.trigger]));
      seg.node.classList.toggle("sel-date", !!ev && inside([ev.date]));
      seg.node.classList.toggle("sel-place", !!ev && inside([ev.location]));
    }
    rows.forEach((row, i) => row.classList.toggle("active", i === index));
  }

  function showDetail(index) {
    if (index === null) {
      detail.replaceChildren(h("p", { class: "hint" }, doc.events.length
        ? "Hover over or select an event (in the text or the table) to see who did what to whom."
        : "No events were coded in this text."));
      return;
    }
    detail.replaceChildren(h("h3", {}, `Event ${index + 1} of ${doc.events.length}`), eventDetails(doc.events[index]));
  }

  function preview(index) {
    mark(index, true);
    showDetail(index);
  }

  function endPreview() {
    mark(selected, true);
    showDetail(selected);
  }

  function select(index, scroll) {
    selected = index;
    endPreview();
    if (scroll && index !== null) {
      const trigger = article.querySelector(`.trig[data-event-ids~="${CSS.escape(doc.events[index].event_id)}"]`);
      if (trigger) trigger.scrollIntoView({ block: "center" });
    }
  }

  function showTooltip(node, index) {
    // beside the text the details panel already shows the event; the tooltip is for
    // narrow screens, where the panel sits below the article and out of sight
    const panel = detail.getBoundingClientRect();
    if (panel.top >= 0 && panel.bottom <= window.innerHeight && panel.left > node.getBoundingClientRect().right) return;
    tooltip.replaceChildren(eventDetails(doc.events[index]));
    tooltip.hidden = false;
    const box = node.getBoundingClientRect();
    const top = window.scrollY + box.bottom + 6;
    const left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8));
    tooltip.style.top = `${top}px`;
    tooltip.style.left = `${left}px`;
  }

  function renderText() {
    const text = doc.text;
    const marks = marksOf(doc);
    const cuts = new Set([0, text.length]);
    for (const m of marks) {
      cuts.add(Math.max(0, Math.min(text.length, m.start)));
      cuts.add(Math.max(0, Math.min(text.length, m.end)));
    }
    const points = [...cuts].sort((x, y) => x - y);
    segments = [];
    const nodes = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = marks.filter((m) => m.start <= a && m.end >= b);
      if (covering.length === 0) {
        nodes.push(document.createTextNode(piece));
        continue;
      }
      const kinds = new Set(covering.map((m) => m.kind));
      const span = h("span", { class: [...kinds].join(" ") }, piece);
      const tips = covering.filter((m) => m.tip).map((m) => m.tip);
      if (tips.length) span.title = [...new Set(tips)].join("\n");
      const events = covering.filter((m) => m.kind === "trig").map((m) => m.event);
      if (events.length) {
        const first = events[0];
        span.classList.add(`q${doc.events[first].cameo.quad_class}`);
        span.dataset.eventIds = events.map((e) => doc.events[e].event_id).join(" ");
        span.tabIndex = 0;
        span.setAttribute("role", "button");
        span.setAttribute("aria-label", `event: ${doc.events[first].plover.type}, ${who(doc.events[first].actor)}`);
        span.addEventListener("mouseenter", () => { preview(first); showTooltip(span, first); });
        span.addEventListener("mouseleave", () => { tooltip.hidden = true; endPreview(); });
        span.addEventListener("click", () => select(first, false));
        span.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(first, false); }
        });
      }
      segments.push({ start: a, end: b, node: span });
      nodes.push(span);
    }
    article.replaceChildren(...nodes);
  }

  function renderTable() {
    const head = h("thead", {}, h("tr", {},
      ["#", "type", "actor", "recipient", "trigger", "modality", "date"].map((c) => h("th", { scope: "col" }, c))));
    rows = doc.events.map((ev, i) => {
      const row = h("tr", { tabindex: 0, "data-event-id": ev.event_id },
        h("td", {}, String(i + 1)),
        h("td", {}, h("span", { class: `chip q${ev.cameo.quad_class}` }, ev.plover.type),
          ev.plover.mode ? h("span", { class: "mode" }, ` ${ev.plover.mode}`) : null),
        h("td", {}, who(ev.actor)),
        h("td", {}, who(ev.recipient)),
        h("td", {}, ev.trigger.text),
        h("td", {}, ev.modality),
        h("td", { class: "nowrap" }, (ev.date && ev.date.value) || "—"));
      row.addEventListener("mouseenter", () => preview(i));
      row.addEventListener("mouseleave", endPreview);
      row.addEventListener("click", () => select(i, true));
      row.addEventListener("keydown", (e) => {
        if (e.key === "Enter") select(i, true);
      });
      return row;
    });
    table.replaceChildren(
      h("caption", {}, `${doc.events.length} event${doc.events.length === 1 ? "" : "s"}`),
      head,
      h("tbody", {}, rows),
    );
  }

  return {
    /** Show a coded document (the annotate JSON); select the event with that id, if any. */
    show(document_, selectId) {
      doc = document_;
      selected = null;
      tooltip.hidden = true;
      renderText();
      renderTable();
      const index = selectId ? doc.events.findIndex((e) => e.event_id === selectId) : -1;
      select(index >= 0 ? index : null, index >= 0);
      root.hidden = false;
    },
    clear() {
      doc = null;
      root.hidden = true;
    },
  };
}
