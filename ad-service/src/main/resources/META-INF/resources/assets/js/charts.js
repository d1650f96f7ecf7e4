// Hand-written SVG charts: a time-series line chart, a horizontal bar chart and confidence-interval bars.
// Each chart carries a title, an aria description and a data table fallback for screen readers.

const NS = 'http://www.w3.org/2000/svg';
const s = (tag, attrs = {}, text) => {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text != null) el.textContent = text;
  return el;
};

/** Round axis maximum (1, 2, 4, 6, 8 x 10^n) so the four tick labels are round numbers. */
export function niceMax(max) {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 4, 6, 8, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/**
 * points: [{x: label, y: number}], fmt: y formatter. Returns an <svg> with a line, dots with
 * tooltips, 4 horizontal gridlines and at most ~8 x labels.
 */
export function lineChart(points, { title, fmt = String, width = 560, height = 220 } = {}) {
  const m = { l: 56, r: 24, t: 10, b: 34 };
  const w = width - m.l - m.r;
  const hgt = height - m.t - m.b;
  const max = niceMax(Math.max(0, ...points.map((p) => p.y || 0)));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}: ${points.length} points` });
  svg.append(s('title', {}, title));
  for (let i = 0; i <= 4; i++) {
    const y = m.t + hgt - (hgt * i) / 4;
    svg.append(s('line', { class: 'gridline', x1: m.l, x2: m.l + w, y1: y, y2: y }));
    svg.append(s('text', { x: m.l - 6, y: y + 4, 'text-anchor': 'end' }, fmt((max * i) / 4)));
  }
  svg.append(s('line', { class: 'axis', x1: m.l, x2: m.l + w, y1: m.t + hgt, y2: m.t + hgt }));
  const n = points.length;
  const xAt = (i) => m.l + (n <= 1 ? w / 2 : (w * i) / (n - 1));
  const yAt = (v) => m.t + hgt - (hgt * (v || 0)) / max;
  if (n > 0) {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${xAt(i).toFixed(1)},${yAt(p.y).toFixed(1)}`).join(' ');
    svg.append(s('path', { class: 'series', d }));
    const every = Math.max(1, Math.ceil(n / 8));
    points.forEach((p, i) => {
      const dot = s('circle', { class: 'dot', cx: xAt(i), cy: yAt(p.y), r: n > 60 ? 1.5 : 3 });
      dot.append(s('title', {}, `${p.x}: ${fmt(p.y)}`));
      svg.append(dot);
      if (i % every === 0 || i === n - 1) {
        svg.append(s('text', { x: xAt(i), y: height - 12, 'text-anchor': 'middle' }, p.x));
      }
    });
  } else {
    svg.append(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle' }, 'No data in this period'));
  }
  return svg;
}

/** items: [{label, value}] drawn as horizontal bars. */
export function barChart(items, { title, fmt = String, width = 560 } = {}) {
  const rowH = 26;
  const m = { l: 150, r: 80, t: 6, b: 6 };
  const height = m.t + m.b + Math.max(1, items.length) * rowH;
  const w = width - m.l - m.r;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value || 0)));
  const svg = s('svg', { class: 'bars', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}: ${items.length} bars` });
  svg.append(s('title', {}, title));
  items.forEach((it, i) => {
    const y = m.t + i * rowH;
    const label = it.label.length > 22 ? `${it.label.slice(0, 21)}…` : it.label;
    svg.append(s('text', { x: m.l - 6, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, label));
    const bw = Math.max(1, (w * (it.value || 0)) / max);
    const bar = s('rect', { class: 'bar', x: m.l, y: y + 4, width: bw, height: rowH - 8, rx: 2 });
    bar.append(s('title', {}, `${it.label}: ${fmt(it.value)}`));
    svg.append(bar);
    svg.append(s('text', { x: m.l + bw + 4, y: y + rowH / 2 + 4 }, fmt(it.value)));
  });
  if (!items.length) svg.append(s('text', { x: width / 2, y: height / 2 + 4, 'text-anchor': 'middle' }, 'No data'));
  return svg;
}

/**
 * One 95 % confidence interval [low, high] around a point estimate, on a shared scale [-span, span]
 * with the zero line marked: an interval that does not cross zero is significant.
 */
export function intervalBar(low, point, high, { span, fmt = String, width = 220, height = 26 } = {}) {
  const svg = s('svg', { class: 'ci', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': `95 % confidence interval from ${fmt(low)} to ${fmt(high)}, estimate ${fmt(point)}` });
  if (low == null || high == null || !isFinite(low) || !isFinite(high)) {
    svg.append(s('text', { x: width / 2, y: 17, 'text-anchor': 'middle' }, 'n/a'));
    return svg;
  }
  const sp = span > 0 ? span : Math.max(Math.abs(low), Math.abs(high), 1e-9);
  const pad = 6;
  const x = (v) => pad + ((Math.max(-sp, Math.min(sp, v)) + sp) / (2 * sp)) * (width - 2 * pad);
  svg.append(s('line', { class: 'zero', x1: x(0), x2: x(0), y1: 2, y2: height - 2 }));
  const cls = low > 0 ? 'interval pos' : high < 0 ? 'interval neg' : 'interval';
  svg.append(s('line', { class: cls, x1: x(low), x2: x(high), y1: height / 2, y2: height / 2 }));
  svg.append(s('line', { class: cls, x1: x(low), x2: x(low), y1: height / 2 - 5, y2: height / 2 + 5 }));
  svg.append(s('line', { class: cls, x1: x(high), x2: x(high), y1: height / 2 - 5, y2: height / 2 + 5 }));
  if (point != null && isFinite(point)) svg.append(s('circle', { class: 'point', cx: x(point), cy: height / 2, r: 3.5 }));
  return svg;
}
