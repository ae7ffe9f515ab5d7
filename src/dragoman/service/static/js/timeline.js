// The timeline: events per period as stacked bars, one colour per PLOVER category or
// quad class, drawn as plain SVG. Input is the /v1/stats answer for one dyad.

import { h, PLOVER_COLORS, QUADS, s } from "./dom.js";

const HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 46, left: 38 };

function colorOf(key) {
  return PLOVER_COLORS[key] || (QUADS[key] && QUADS[key].color) || "#999";
}

function labelOf(key) {
  return (QUADS[key] && QUADS[key].label) || key;
}

function niceTicks(max) {
  if (max <= 5) return Array.from({ length: max + 1 }, (_, i) => i);
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((x) => x >= rough);
  const ticks = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(t);
  return ticks;
}

/** Draw ``series`` into ``container`` (replacing what was there). */
export function drawTimeline(container, series) {
  const keys = series.columns.filter((c) => c !== "total");
  const rows = series.rows;
  const shown = keys.filter((k) => rows.some((r) => r[k] > 0));
  if (rows.length === 0 || shown.length === 0) {
    container.replaceChildren(h("p", { class: "empty" },
      "No events dated to the day or month in this selection."));
    return;
  }
  const width = Math.max(320, container.clientWidth || 640);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = rows.map((r) => shown.reduce((sum, k) => sum + (r[k] || 0), 0));
  const ticks = niceTicks(Math.max(1, ...totals));
  const top = ticks[ticks.length - 1];
  const y = (v) => MARGIN.top + plotH - (v / top) * plotH;
  const band = plotW / rows.length;
  const barW = Math.max(1, Math.min(48, band * 0.8));

  const svg = s("svg", {
    class: "timeline-chart", width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`,
    role: "img", "aria-label": `events per ${series.by}`,
  });
  for (const t of ticks) {
    svg.append(
      s("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(t), y2: y(t), class: "grid" }),
      s("text", { x: MARGIN.left - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" }, String(t)),
    );
  }
  const every = Math.max(1, Math.ceil(70 / band));
  rows.forEach((row, i) => {
    const x = MARGIN.left + i * band + (band - barW) / 2;
    let base = 0;
    const bar = s("g", { class: "bar", "data-period": row.period });
    for (const key of shown) {
      const n = row[key] || 0;
      if (!n) continue;
      bar.append(s("rect", {
        x, width: barW, y: y(base + n), height: y(base) - y(base + n),
        fill: colorOf(key), "data-key": key,
      }, s("title", {}, `${row.period} · ${labelOf(key)}: ${n}`)));
      base += n;
    }
    svg.append(bar);
    if (i % every === 0) {
      svg.append(s("text", {
        x: MARGIN.left + i * band + band / 2, y: HEIGHT - MARGIN.bottom + 16,
        class: "tick", "text-anchor": "middle",
      }, row.period));
    }
  });
  svg.append(s("line", {
    x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0), class: "axis",
  }));
  const legend = h("ul", { class: "chart-legend" }, shown.map((key) => {
    const swatch = h("span", { class: "swatch" });
    swatch.style.background = colorOf(key); // a property: the CSP allows no style attributes
    return h("li", {}, swatch, labelOf(key));
  }));
  container.replaceChildren(svg, legend);
}
