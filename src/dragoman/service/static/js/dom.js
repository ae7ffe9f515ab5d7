// Building the page from data, safely: every string from a document or the store goes in
// as a text node (textContent), never as HTML, so an article containing <script> or
// markup shows as the text it is. Nothing in this page ever assigns innerHTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else if (key === "text") {
      node.textContent = String(value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: h("td", {class: "x"}, "text", otherNode). Strings become text. */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, the same way. */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Empty a node, then append the given children. */
export function replace(node, ...children) {
  node.replaceChildren();
  return fill(node, {}, children);
}

export const PLOVER_COLORS = {
  AGREE: "#2e7d32", CONSULT: "#66bb6a", SUPPORT: "#9ccc65", CONCEDE: "#26a69a",
  COOPERATE: "#00897b", AID: "#42a5f5", RETREAT: "#7e57c2", REQUEST: "#90a4ae",
  ACCUSE: "#ffb74d", REJECT: "#ff8a65", THREATEN: "#f4511e", PROTEST: "#d81b60",
  SANCTION: "#8d6e63", MOBILIZE: "#ab47bc", COERCE: "#c62828", ASSAULT: "#6d0f0f",
};

export const QUADS = {
  verbal_coop: { label: "verbal cooperation", color: "#81c784" },
  material_coop: { label: "material cooperation", color: "#2e7d32" },
  verbal_conflict: { label: "verbal conflict", color: "#ffa726" },
  material_conflict: { label: "material conflict", color: "#c62828" },
};

export const QUAD_NAMES = [null, "verbal cooperation", "material cooperation",
  "verbal conflict", "material conflict"];

/** "Russian Foreign Ministry [RUSGOV]; Belarus [BLR]", or a dash for nobody. */
export function who(entities) {
  if (!entities || entities.length === 0) return "—";
  return entities.map((e) => `${e.text} [${e.code || "?"}]`).join("; ");
}
