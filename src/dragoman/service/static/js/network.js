// The network of actors: nodes are actor codes, directed edges carry the events from one
// to another, as wide as their number and coloured from cooperation (green) through
// mixed (grey) to conflict (red). Laid out by a small force simulation
// (Fruchterman-Reingold) started from a circle, so the same data always gives the same
// picture; drawn as plain SVG. Input is the /v1/network answer.

import { h, s } from "./dom.js";

const HEIGHT = 360;

function mix(a, b, t) {
  const pa = a.match(/\w\w/g).map((x) => parseInt(x, 16));
  const pb = b.match(/\w\w/g).map((x) => parseInt(x, 16));
  return `rgb(${pa.map((v, i) => Math.round(v + (pb[i] - v) * t)).join(",")})`;
}

/** Green for all cooperation, grey for an even mix, red for all conflict. */
export function edgeColor(edge) {
  const known = edge.cooperation + edge.conflict;
  if (!known) return "#9e9e9e";
  const conflict = edge.conflict / known;
  return conflict < 0.5 ? mix("#2e7d32", "#9e9e9e", conflict * 2) : mix("#9e9e9e", "#c62828", (conflict - 0.5) * 2);
}

/** Positions {code: [x, y]} in the unit square. */
function layout(nodes, edges) {
  const n = nodes.length;
  const pos = new Map();
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / n;
    pos.set(node.code, [0.5 + 0.35 * Math.cos(angle), 0.5 + 0.35 * Math.sin(angle)]);
  });
  if (n < 3) return pos;
  const k = Math.sqrt(1 / n) * 0.9;
  const heaviest = Math.max(...edges.map((e) => e.events));
  let heat = 0.1;
  for (let iter = 0; iter < 300; iter++) {
    const move = new Map(nodes.map((node) => [node.code, [0, 0]]));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = pos.get(nodes[i].code);
        const b = pos.get(nodes[j].code);
        let dx = a[0] - b[0];
        let dy = a[1] - b[1];
        const d = Math.max(0.01, Math.hypot(dx, dy));
        const force = (k * k) / d;
        dx = (dx / d) * force;
        dy = (dy / d) * force;
        move.get(nodes[i].code)[0] += dx; move.get(nodes[i].code)[1] += dy;
        move.get(nodes[j].code)[0] -= dx; move.get(nodes[j].code)[1] -= dy;
      }
    }
    for (const edge of edges) {
      if (edge.actor === edge.recipient) continue;
      const a = pos.get(edge.actor);
      const b = pos.get(edge.recipient);
      const dx = a[0] - b[0];
      const dy = a[1] - b[1];
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const force = ((d * d) / k) * (0.5 + 0.5 * Math.sqrt(edge.events / heaviest));
      move.get(edge.actor)[0] -= (dx / d) * force; move.get(edge.actor)[1] -= (dy / d) * force;
      move.get(edge.recipient)[0] += (dx / d) * force; move.get(edge.recipient)[1] += (dy / d) * force;
    }
    for (const node of nodes) {
      const p = pos.get(node.code);
      const m = move.get(node.code);
      m[0] += (0.5 - p[0]) * 0.3; // gravity keeps unconnected parts on the canvas
      m[1] += (0.5 - p[1]) * 0.3;
      const d = Math.max(1e-9, Math.hypot(m[0], m[1]));
      const step = Math.min(d, heat);
      p[0] = Math.min(1, Math.max(0, p[0] + (m[0] / d) * step));
      p[1] = Math.min(1, Math.max(0, p[1] + (m[1] / d) * step));
    }
    heat = Math.max(0.002, heat * 0.985);
  }
  return pos;
}

/** Draw the network; ``onPick({actor, recipient})`` is called when a node or edge is clicked. */
export function drawNetwork(container, data, onPick) {
  const { nodes, edges } = data;
  if (edges.length === 0) {
    container.replaceChildren(h("p", { class: "empty" },
      "No events between two coded actors in this selection."));
    return;
  }
  const width = Math.max(320, container.clientWidth || 640);
  const pad = 40;
  const unit = layout(nodes, edges);
  const xy = (code) => {
    const [ux, uy] = unit.get(code);
    return [pad + ux * (width - 2 * pad), pad + uy * (HEIGHT - 2 * pad)];
  };
  const most = Math.max(...nodes.map((n) => n.events));
  const radius = new Map(nodes.map((n) => [n.code, 5 + 12 * Math.sqrt(n.events / most)]));
  const heaviest = Math.max(...edges.map((e) => e.events));

  const svg = s("svg", {
    class: "network-chart", width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`,
    role: "img", "aria-label": "network of actors",
  });
  const edgeLayer = s("g", { class: "edges" });
  const nodeLayer = s("g", { class: "nodes" });
  svg.append(edgeLayer, nodeLayer);

  for (const edge of edges) {
    if (edge.actor === edge.recipient) continue; // an actor on itself: counted on the node
    const [x1, y1] = xy(edge.actor);
    const [x2, y2] = xy(edge.recipient);
    const dx = x2 - x1;
    const dy = y2 - y1;
    const d = Math.max(1, Math.hypot(dx, dy));
    // bend to the right of the direction of travel, so A->B and B->A do not overlap
    const bend = Math.min(40, d * 0.15);
    const cx = (x1 + x2) / 2 - (dy / d) * bend;
    const cy = (y1 + y2) / 2 + (dx / d) * bend;
    // stop at the edge of the recipient's circle, where the arrowhead goes
    const tx = x2 - cx;
    const ty = y2 - cy;
    const td = Math.max(1, Math.hypot(tx, ty));
    const r = radius.get(edge.recipient) + 2;
    const ex = x2 - (tx / td) * r;
    const ey = y2 - (ty / td) * r;
    const color = edgeColor(edge);
    const widthPx = 1 + 5 * Math.sqrt(edge.events / heaviest);
    const head = 5 + widthPx;
    const ux = tx / td;
    const uy = ty / td;
    const arrow = [
      [ex, ey],
      [ex - ux * head - uy * head * 0.55, ey - uy * head + ux * head * 0.55],
      [ex - ux * head + uy * head * 0.55, ey - uy * head - ux * head * 0.55],
    ].map((p) => p.join(",")).join(" ");
    const tip = `${edge.actor} → ${edge.recipient}: ${edge.events} event${edge.events === 1 ? "" : "s"}` +
      ` (${edge.cooperation} cooperation, ${edge.conflict} conflict; Goldstein ${edge.goldstein})`;
    const group = s("g", { class: "edge", "data-actor": edge.actor, "data-recipient": edge.recipient },
      s("path", {
        d: `M${x1},${y1} Q${cx},${cy} ${ex - ux * head * 0.6},${ey - uy * head * 0.6}`,
        stroke: color, "stroke-width": widthPx, fill: "none",
      }),
      s("polygon", { points: arrow, fill: color }),
      s("title", {}, tip));
    group.addEventListener("click", () => onPick({ actor: edge.actor, recipient: edge.recipient }));
    edgeLayer.append(group);
  }
  for (const node of nodes) {
    const [x, y] = xy(node.code);
    const r = radius.get(node.code);
    const group = s("g", { class: "node", "data-code": node.code, tabindex: 0 },
      s("circle", { cx: x, cy: y, r }),
      s("text", { x, y: y + r + 12, "text-anchor": "middle" }, node.code),
      s("title", {}, `${node.code}${node.name ? ` (${node.name})` : ""}: ${node.events} event${node.events === 1 ? "" : "s"}`));
    group.addEventListener("click", () => onPick({ actor: node.code }));
    nodeLayer.append(group);
  }
  const legend = h("ul", { class: "chart-legend" },
    [["#2e7d32", "cooperation"], ["#9e9e9e", "mixed"], ["#c62828", "conflict"]].map(([color, label]) => {
      const swatch = h("span", { class: "swatch" });
      swatch.style.background = color;
      return h("li", {}, swatch, label);
    }),
    data.truncated ? h("li", { class: "note" }, "only the heaviest edges are drawn") : null);
  container.replaceChildren(svg, legend);
}
