// The page: three views chosen by the address (#code, #explore?..., #doc/ID/EVENT), so
// the back button and shared links work without a server round trip for the page.

import { getJSON, postJSON } from "./api.js";
import { createExplorer } from "./explore.js";
import { createReader } from "./reader.js";

const SAMPLE_DATE = "2022-02-17"; // the example article's publication date (a Thursday)

const views = {
  code: document.getElementById("view-code"),
  explore: document.getElementById("view-explore"),
  doc: document.getElementById("view-doc"),
};
const codeReader = createReader(document.getElementById("code-reader"));
const docReader = createReader(document.getElementById("doc-reader"));
const explorer = createExplorer(views.explore);
codeReader.clear();
let lastExplore = "#explore";

function setStatus(node, message, isError) {
  node.textContent = message;
  node.classList.toggle("error", !!isError);
}

// -- Code an article ------------------------------------------------------------------

const form = document.getElementById("code-form");
const textBox = document.getElementById("code-text");
const dateBox = document.getElementById("code-date");
const codeStatus = document.getElementById("code-status");

document.getElementById("code-sample").addEventListener("click", async () => {
  try {
    const response = await fetch("/static/sample.txt");
    textBox.value = await response.text();
    dateBox.value = SAMPLE_DATE;
    setStatus(codeStatus, "The example article: press Code.");
  } catch (error) {
    setStatus(codeStatus, error.message, true);
  }
});

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = textBox.value;
  if (!text.trim()) {
    setStatus(codeStatus, "Paste an article first (or use the example).", true);
    return;
  }
  const button = document.getElementById("code-submit");
  button.disabled = true;
  setStatus(codeStatus, "Coding…");
  const started = performance.now();
  try {
    const doc = await postJSON("/v1/annotate", { text, date: dateBox.value || null });
    codeReader.show(doc);
    textBox.rows = 3; // make room for the coded text; the box can still be resized
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    setStatus(codeStatus, `${doc.events.length} events, ${doc.entities.length} actor mentions (${seconds} s)`);
  } catch (error) {
    setStatus(codeStatus, error.message, true);
  } finally {
    button.disabled = false;
  }
});

// -- A stored document ----------------------------------------------------------------

const docStatus = document.getElementById("doc-status");

async function showDocument(docId, eventId) {
  setStatus(docStatus, "Loading…");
  document.getElementById("doc-back").href = lastExplore;
  try {
    const doc = await getJSON(`/v1/documents/${encodeURIComponent(docId)}`);
    const title = [doc.title || doc.doc_id, doc.source, doc.date].filter(Boolean).join(" · ");
    setStatus(docStatus, title);
    docReader.show(doc, eventId);
  } catch (error) {
    docReader.clear();
    setStatus(docStatus, error.message, true);
  }
}

// -- Routing ----------------------------------------------------------------------------

function route() {
  const hash = window.location.hash || "#code";
  let view = "code";
  if (hash.startsWith("#explore")) {
    view = "explore";
    lastExplore = hash;
    const query = hash.includes("?") ? hash.slice(hash.indexOf("?") + 1) : "";
    explorer.show(query);
  } else if (hash.startsWith("#doc/")) {
    view = "doc";
    const rest = hash.slice("#doc/".length);
    const cut = rest.lastIndexOf("/");
    const docId = decodeURIComponent(cut >= 0 ? rest.slice(0, cut) : rest);
    const eventId = cut >= 0 ? decodeURIComponent(rest.slice(cut + 1)) : "";
    showDocument(docId, eventId);
  }
  for (const [name, node] of Object.entries(views)) node.hidden = name !== view;
  for (const link of document.querySelectorAll("nav a")) {
    const current = link.dataset.view === view || (view === "doc" && link.dataset.view === "explore");
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

window.addEventListener("hashchange", route);
route();
