// The emotional timeline: valence and intensity per visitor message as a small SVG chart.

import { clear } from "../shared/dom.js";

const NS = "http://www.w3.org/2000/svg";
const W = 360;
const H = 150;
const L = 30;
const R = 8;
const T = 8;
const B = 20;
const SERIES = [
  ["intensity", "series series--intensity"],
  ["valence", "series series--valence"],
];

function svgEl(tag, attrs) {
  const node = document.createElementNS(NS, tag);
  Object.keys(attrs).forEach((name) => node.setAttribute(name, attrs[name]));
  return node;
}

// y: +1 at the top, -1 at the bottom; intensity (0..1) shares the same scale.
function y(v) {
  return T + (1 - (v + 1) / 2) * (H - T - B);
}

function value(point, key) {
  return Number(point[key]) || 0;
}

function drawSeries(svg, points, x, key, cls) {
  svg.appendChild(
    svgEl("polyline", { points: points.map((p, i) => x(i) + "," + y(value(p, key))).join(" "), class: cls })
  );
  points.forEach((p, i) => {
    const dot = svgEl("circle", { cx: x(i), cy: y(value(p, key)), r: 3, class: "dot dot--" + key, "data-seq": p.seq });
    const title = document.createElementNS(NS, "title");
    title.textContent = "#" + p.seq + " " + p.emotion + ": " + key + " " + value(p, key).toFixed(2);
    dot.appendChild(title);
    svg.appendChild(dot);
  });
}

export function timelineChart(container, points) {
  clear(container);
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  svg.setAttribute("class", "chart");
  const line = (x1, y1, x2, y2, cls) => svg.appendChild(svgEl("line", { x1, y1, x2, y2, class: cls }));
  const label = (x, yy, text, cls) => {
    const n = svgEl("text", { x, y: yy, class: cls || "axis-label" });
    n.textContent = text;
    svg.appendChild(n);
  };
  line(L, y(1), W - R, y(1), "grid");
  line(L, y(0), W - R, y(0), "axis");
  line(L, y(-1), W - R, y(-1), "grid");
  label(2, y(1) + 4, "+1");
  label(6, y(0) + 4, "0");
  label(2, y(-1) + 4, "\u22121");
  if (!points.length) {
    label(L + 10, y(0) - 8, "No readings yet", "axis-label");
    container.appendChild(svg);
    return;
  }
  const step = points.length > 1 ? (W - L - R - 10) / (points.length - 1) : 0;
  const x = (i) => L + 5 + i * step;
  SERIES.forEach(([key, cls]) => drawSeries(svg, points, x, key, cls));
  points.forEach((p, i) => label(x(i) - 3, H - 4, String(i + 1), "axis-label"));
  container.appendChild(svg);
}
