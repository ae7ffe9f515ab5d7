// Explore the store: one selection (the export filters, kept in the address as
// #explore?actor=RUS&...) drives a timeline, a network of actors and a table of events,
// each event linking to its sentence in its document.

import { getJSON } from "./api.js";
import { drawNetwork } from "./network.js";
import { drawTimeline } from "./timeline.js";
import { h, PLOVER_COLORS, replace, who } from "./dom.js";

const FILTERS = ["from", "to", "actor", "recipient", "type", "country", "dedup"];
const PAGE = 25;

/** The hash of a document view that opens at one event. */
export function documentHash(docId, eventId) {
  return `#doc/${encodeURIComponent(docId)}/${encodeURIComponent(eventId || "")}`;
}

function selectionParams(state) {
  const params = new URLSearchParams();
  for (const key of FILTERS) {
    if (state.get(key)) params.set(key, state.get(key));
  }
  return params;
}

/** The sentence with its trigger marked (all as text). */
function sentenceCell(ev) {
  const sentence = ev.text || "";
  const offset = ev.sentence_start;
  const start = Number.isInteger(offset) ? ev.trigger.start - offset : -1;
  const end = start + (ev.trigger.end - ev.trigger.start);
  const body = start >= 0 && end <= sentence.length && sentence.slice(start, end) === ev.trigger.text
    ? [sentence.slice(0, start), h("mark", {}, sentence.slice(start, end)), sentence.slice(end)]
    : [sentence];
  return h("td", { class: "sentence" },
    h("a", { href: documentHash(ev.doc_id, ev.event_id), title: `open ${ev.doc_id} at this sentence` }, body));
}

export function createExplorer(root) {
  const form = root.querySelector("#filters");
  const status = root.querySelector("#explore-status");
  const timeline = root.querySelector("#timeline");
  const network = root.querySelector("#network");
  const tableBox = root.querySelector("#events-table");
  const pager = root.querySelector("#events-pager");
  const typeSelect = form.elements.type;
  for (const type of Object.keys(PLOVER_COLORS)) typeSelect.append(h("option", { value: type }, type));

  let state = new URLSearchParams();

  function go(next) {
    window.location.hash = `#explore?${next.toString()}`;
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const key of [...FILTERS, "by", "measure"]) {
      const value = (form.elements[key].value || "").trim();
      if (value && !(key === "dedup" && value === "none")) next.set(key, value);
    }
    go(next);
  });
  for (const key of ["by", "measure"]) {
    form.elements[key].addEventListener("change", () => form.requestSubmit());
  }
  form.addEventListener("reset", () => setTimeout(() => go(new URLSearchParams()), 0));

  function fail(error) {
    status.textContent = error.message;
    status.classList.add("error");
  }

  async function loadTimeline() {
    const params = selectionParams(state);
    params.delete("actor");
    params.delete("recipient");
    params.set("by", state.get("by") || "month");
    params.set("measure", state.get("measure") || "count");
    const dyad = `${state.get("actor") || "*"}:${state.get("recipient") || "*"}`;
    params.set("dyad", dyad);
    const series = await getJSON("/v1/stats", params);
    root.querySelector("#timeline-dyad").textContent = dyad === "*:*" ? "all events" : `dyad ${dyad.replace(":", " → ")}`;
    drawTimeline(timeline, series);
  }

  async function loadNetwork() {
    const data = await getJSON("/v1/network", selectionParams(state));
    drawNetwork(network, data, (pick) => {
      const next = new URLSearchParams(state);
      next.delete("offset");
      next.delete("actor");
      next.delete("recipient");
      if (pick.actor) next.set("actor", pick.actor);
      if (pick.recipient) next.set("recipient", pick.recipient);
      go(next);
    });
  }

  async function loadEvents() {
    const params = selectionParams(state);
    const offset = Number(state.get("offset") || 0);
    params.set("limit", String(PAGE));
    params.set("offset", String(offset));
    const page = await getJSON("/v1/events", params);
    const head = h("thead", {}, h("tr", {},
      ["date", "actor", "event", "recipient", "sentence (opens the document)"].map((c) => h("th", { scope: "col" }, c))));
    const rows = page.events.map((ev) => h("tr", { "data-event-id": ev.event_id },
      h("td", { class: "nowrap" }, (ev.date && ev.date.value) || "—"),
      h("td", {}, who(ev.actor)),
      h("td", {}, h("span", { class: `chip q${ev.cameo.quad_class}` }, ev.plover.type),
        h("span", { class: "mode" }, ` ${ev.plover.mode || ""} ${ev.cameo.code}`),
        ev.num_mentions > 1 ? h("span", { class: "mode" }, ` ×${ev.num_mentions}`) : null),
      h("td", {}, who(ev.recipient)),
      sentenceCell(ev)));
    replace(tableBox, h("table", { class: "events" }, head, h("tbody", {}, rows)));
    const last = Math.min(page.total, offset + page.events.length);
    const move = (to) => {
      const next = new URLSearchParams(state);
      next.set("offset", String(to));
      go(next);
    };
    replace(pager,
      h("button", { type: "button", disabled: offset === 0, onclick: () => move(Math.max(0, offset - PAGE)) }, "‹ previous"),
      h("span", {}, page.total ? ` ${offset + 1}–${last} of ${page.total} events ` : " no events "),
      h("button", { type: "button", disabled: last >= page.total, onclick: () => move(offset + PAGE) }, "next ›"));
  }

  return {
    /** Show the selection in ``query`` (the part of the hash after "?"). */
    async show(query) {
      state = new URLSearchParams(query);
      for (const key of [...FILTERS, "by", "measure"]) {
        const defaults = { dedup: "none", by: "month", measure: "count" };
        form.elements[key].value = state.get(key) || defaults[key] || "";
      }
      status.textContent = "Loading…";
      status.classList.remove("error");
      try {
        await Promise.all([loadTimeline(), loadNetwork(), loadEvents()]);
        status.textContent = "";
      } catch (error) {
        fail(error);
      }
    },
  };
}
