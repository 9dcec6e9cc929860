// The plane editor: one Streamlit v2 component (st.components.v2) with two modes.
//
//   "box"   the world-map page: draw, move and resize the box p_model over the points.
//   "point" the representation page: click or drag the latent point z over the training
//           tins, and see f(z), the tin it stands for, drawn at once.
//
// Both modes share one core (PlaneEditor, below): the canvas sized to its column and sharp
// at any device pixel ratio, pointer events (mouse, finger, pen) with capture, the keyboard,
// the tooltip, the live read-out line and the polite status line a screen reader announces.
//
// Streamlit loads this file as an ES module and calls its default export with
// {data, parentElement, setStateValue}; tests/js imports the named exports (the maths)
// under Node. Nothing here fetches anything: the points, the land picture and the samples
// all come in `data` (see ui/box_editor.py for its fields).
//
// While a finger or the mouse is down, everything happens here: the box (or z) follows the
// hand and the read-outs (or f(z)) are recomputed on every animation frame. Nothing goes to
// the server until the drag ends (or an arrow key is let go); then the value goes once,
// through setStateValue("box" | "point", …), and Python recomputes everything with gdl_core.

// --------------------------------------------------------------------------- the maths
// The same formulas as gdl_core (checked by tests/js against fixtures Python makes):
//
//   inside(x)  lon_min ≤ lon ≤ lon_max and lat_min ≤ lat ≤ lat_max   Box.contains (closed)
//   area       (lon_max − lon_min) · (lat_max − lat_min)               Box.area, deg²
//   log p(x)   −log(area) inside, −∞ outside                            Score.log_density
//   ℓ          −N · log(area) if every point is inside, else −∞        Box.log_likelihood
//   L          exp(ℓ), written from ℓ / ln 10 so it never underflows  format_likelihood
//   ℓ − ℓ_MLE  ℓ − ℓ(bounding box); −∞ with ℓ; NaN without an MLE       Training.score

export const EXTENT = Object.freeze([-180, 180, -90, 90]);
export const MINUS = "\u2212";

/** Float64Array from the base64 of little-endian doubles (numpy "<f8" bytes). */
export function decodeFloats(base64, bytesPerValue = 8) {
  if (!base64) return bytesPerValue === 8 ? new Float64Array(0) : new Float32Array(0);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytesPerValue === 8 ? new Float64Array(bytes.buffer) : new Float32Array(bytes.buffer);
}

/** [lon_min, lon_max, lat_min, lat_max] with each pair sorted. */
export function normalise(box) {
  const [a, b, c, d] = box;
  return [Math.min(a, b), Math.max(a, b), Math.min(c, d), Math.max(c, d)];
}

/** What a box makes of the points (xy: lon, lat interleaved): gdl_core's Score. */
export function scoreBox(xy, box, mleLogL) {
  const [w, e, s, n] = box;
  const count = xy.length >> 1;
  let inside = 0;
  for (let i = 0; i < xy.length; i += 2) {
    const lon = xy[i], lat = xy[i + 1];
    if (lon >= w && lon <= e && lat >= s && lat <= n) inside++;
  }
  const area = (e - w) * (n - s);
  const outside = count - inside;
  // (0 − N), not −N: with no points Python's int −0 is 0, and so is this (a float −0 is not).
  const logL = outside > 0 ? -Infinity : (0 - count) * Math.log(area);
  let gap;
  if (mleLogL === null || mleLogL === undefined || Number.isNaN(mleLogL)) gap = NaN;
  else gap = Number.isFinite(logL) ? logL - mleLogL : logL;
  return { n: count, inside, outside, area, logDensity: -Math.log(area), logL, gap };
}

/** x ≥ 0 with `decimals` decimals, an exact tie to the even digit as Python does
 * (JavaScript's toFixed rounds a tie up: 0.5 → "1", where Python writes "0"). */
export function toFixedEven(x, decimals) {
  const exact = x.toFixed(Math.min(decimals + 60, 100));
  const point = exact.indexOf(".");
  const rest = exact.slice(point + 1 + decimals);
  if (/^50*$/.test(rest)) {
    const kept = exact.slice(0, decimals ? point + 1 + decimals : point);
    if (Number(kept[kept.length - 1]) % 2 === 0) return kept;
  }
  return x.toFixed(decimals);
}

function withThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** gdl_core.numbers.format_number: "−54,321.23", "−∞", "—"; never "−0.00". */
export function formatNumber(value, decimals = 2) {
  if (Number.isNaN(value)) return "—";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return `${MINUS}∞`;
  const fixed = toFixedEven(Math.abs(value), decimals);
  const [whole, fraction] = fixed.split(".");
  const text = withThousands(whole) + (fraction === undefined ? "" : `.${fraction}`);
  const zero = Number(fixed) === 0;
  return value < 0 && !zero ? MINUS + text : text;
}

const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶",
  7: "⁷", 8: "⁸", 9: "⁹" };

export function superscript(exponent) {
  return String(Math.trunc(exponent)).split("").map((c) => SUPERSCRIPT[c]).join("");
}

/** gdl_core.numbers.mantissa_exponent: [m, e] with 1 ≤ m < 10 rounded to `digits`. */
export function mantissaExponent(log10, digits = 2) {
  let exponent = Math.floor(log10);
  let mantissa = Number(toFixedEven(10 ** (log10 - exponent), digits - 1));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return [mantissa, exponent];
}

/** gdl_core.numbers.format_likelihood: L = exp(ℓ) written from ℓ, "1.2 × 10⁻⁹⁰". */
export function formatLikelihood(logL, digits = 2) {
  if (Number.isNaN(logL)) return "—";
  if (logL === -Infinity) return "0";
  if (logL === Infinity) return "∞";
  const log10 = logL / Math.log(10);
  const [, exponent] = mantissaExponent(log10, digits);
  if (exponent >= -3 && exponent <= 2) {
    return formatNumber(10 ** log10, Math.max(digits - 1 - exponent, 0));
  }
  const [m, e] = mantissaExponent(log10, digits);
  return `${m.toFixed(digits - 1)} × 10${superscript(e)}`;
}

/** Every read-out of the page, as the page writes it. */
export function readouts(score) {
  return {
    inside: `${withThousands(String(score.inside))} of ${withThousands(String(score.n))}`,
    outside: `${withThousands(String(score.outside))} of ${withThousands(String(score.n))}`,
    area: formatNumber(score.area, 0),
    density: formatLikelihood(score.logDensity),
    L: formatLikelihood(score.logL),
    logL: formatNumber(score.logL),
    gap: formatNumber(score.gap),
  };
}

/** Round to hundredths of a degree: the precision boxes are kept at. */
export function round2(value) {
  const r = Math.round(value * 100) / 100;
  return r === 0 ? 0 : r;
}

const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);

/** gdl_core Box.shifted: moved, stopping at the map's edge with its size kept. */
export function shifted(box, dLon, dLat) {
  const [w, e, s, n] = box;
  const [W, E, S, N] = EXTENT;
  dLon = Math.min(Math.max(dLon, W - w), E - e);
  dLat = Math.min(Math.max(dLat, S - s), N - n);
  return [w + dLon, e + dLon, s + dLat, n + dLat];
}

/** gdl_core Box.resized: every side `by` degrees out (in if negative), stopping at the
 * map's edge; null when shrinking would leave nothing. */
export function resized(box, by) {
  const [w, e, s, n] = box;
  const [W, E, S, N] = EXTENT;
  if (by < 0 && (e - w <= -2 * by || n - s <= -2 * by)) return null;
  return [Math.max(w - by, W), Math.min(e + by, E), Math.max(s - by, S), Math.min(n + by, N)];
}

/** A box from a drag: the edges in `edges` ("w", "e", "s", "n") follow the pointer's
 * (lon, lat); rounded to hundredths, clamped to the map; null when it has no area. */
export function dragEdges(start, edges, lon, lat) {
  const b = start.slice();
  lon = clamp(lon, EXTENT[0], EXTENT[1]);
  lat = clamp(lat, EXTENT[2], EXTENT[3]);
  if (edges.includes("w")) b[0] = lon;
  if (edges.includes("e")) b[1] = lon;
  if (edges.includes("s")) b[2] = lat;
  if (edges.includes("n")) b[3] = lat;
  const box = normalise(b.map(round2));
  return box[1] > box[0] && box[3] > box[2] ? box : null;
}

/** The box from a drag started at (lon0, lat0) on empty map; null without area. */
export function drawnBox(lon0, lat0, lon, lat) {
  const c = (v, i) => clamp(v, EXTENT[i], EXTENT[i + 1]);
  const box = normalise([c(lon0, 0), c(lon, 0), c(lat0, 2), c(lat, 2)].map(round2));
  return box[1] > box[0] && box[3] > box[2] ? box : null;
}

/** The box moved by (dLon, dLat) from where the drag started, at hundredths. */
export function movedBox(start, dLon, dLat) {
  return shifted(start, round2(dLon), round2(dLat)).map(round2);
}

/** Degrees as the map's tick labels write them: "60°E", "30°S", "0°". */
export function degrees(value, positive, negative) {
  if (value === 0) return "0°";
  return `${Math.abs(value)}°${value > 0 ? positive : negative}`;
}

/** "west 12.5°W to east 40°E, …" for the spoken announcement. */
export function describeBox(box) {
  const [w, e, s, n] = box;
  const lon = (v) => degrees(round2(v), "E", "W");
  const lat = (v) => degrees(round2(v), "N", "S");
  return `from ${lon(w)} to ${lon(e)}, ${lat(s)} to ${lat(n)}`;
}


// --------------------------------------------------------------------------- the tins' f
// gdl_core/tins/decoder.py, operation for operation, for one tin (checked by tests/js against
// fixtures Python makes: every value to 1e-12, every grey level of the picture exactly).
//
//   the tin stands on row FLOOR, centred, PX_PER_CM pixels to the cm
//   coverage(a, b)[i]  how much of the pixel cell [i, i + 1) the interval [a, b) covers
//   body   rows [FLOOR − h, FLOOR) × columns [16 − w/2, 16 + w/2), shaded like a cylinder:
//          BODY_EDGE + (BODY_MIDDLE − BODY_EDGE) · sin(π · across), across ∈ [0, 1]
//   lid    rows [top − ½, top + max(LID_DEPTH · h, 1)), LID_OVERHANG px wider each side
//   value  (BACKGROUND · (1 − body) + shade · body) · (1 − lid) + LID · lid
//   grey   rint(clip(value, 0, 1) · 255), ties to even: gdl_core.tins.figures.tin_tile

export const TIN = Object.freeze({
  size: 32, pxPerCm: 2.0, heightRange: [2.0, 14.0], widthRange: [2.0, 14.0],
  background: 0.96, lid: 0.18, bodyEdge: 0.30, bodyMiddle: 0.72, lidDepth: 0.15,
  lidOverhang: 0.75, floor: 32 - 2.0,
});

function coverage(start, stop) {
  const out = new Float64Array(TIN.size);
  for (let i = 0; i < TIN.size; i++) {
    const lo = Math.max(i, start);
    const hi = Math.min(i + 1.0, stop);
    out[i] = Math.min(Math.max(hi - lo, 0.0), 1.0);
  }
  return out;
}

/** f(height, width): the tin as SIZE × SIZE values in [0, 1], row by row (0 is black).
 * Heights and widths outside the range f can draw are moved to its edge. */
export function drawTin(height, width) {
  const n = TIN.size;
  const heightPx = clamp(height, ...TIN.heightRange) * TIN.pxPerCm;
  const widthPx = clamp(width, ...TIN.widthRange) * TIN.pxPerCm;
  const centre = n / 2;
  const left = centre - widthPx / 2, right = centre + widthPx / 2;
  const top = TIN.floor - heightPx;
  const lidBottom = top + Math.max(TIN.lidDepth * heightPx, 1.0);
  const bodyRows = coverage(top, TIN.floor);
  const bodyCols = coverage(left, right);
  const lidRows = coverage(top - 0.5, lidBottom);
  const lidCols = coverage(left - TIN.lidOverhang, right + TIN.lidOverhang);
  const shade = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const across = Math.min(Math.max((j + 0.5 - left) / widthPx, 0.0), 1.0);
    shade[j] = TIN.bodyEdge + (TIN.bodyMiddle - TIN.bodyEdge) * Math.sin(Math.PI * across);
  }
  const picture = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const body = bodyRows[i] * bodyCols[j];
      const lid = lidRows[i] * lidCols[j];
      const value = TIN.background * (1.0 - body) + shade[j] * body;
      picture[i * n + j] = value * (1.0 - lid) + TIN.lid * lid;
    }
  }
  return picture;
}

/** numpy's rint: to the nearest integer, a tie to the even one. */
export function rintEven(x) {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The grey levels (0–255) a picture of values in [0, 1] is shown with. */
export function greyLevels(picture) {
  const grey = new Uint8ClampedArray(picture.length);
  for (let i = 0; i < picture.length; i++) {
    grey[i] = rintEven(Math.min(Math.max(picture[i], 0.0), 1.0) * 255);
  }
  return grey;
}

// --------------------------------------------------------------------------- a point

/** (x, y) on the plane `extent` [x0, x1, y0, y1], at hundredths: where a press or a drag
 * puts the point (the hand may leave the plane while it holds the point: it stops at the
 * edge). */
export function snappedPoint(x, y, extent) {
  const [x0, x1, y0, y1] = extent;
  return [round2(clamp(x, x0, x1)), round2(clamp(y, y0, y1))];
}

/** The point moved `dx`, `dy` steps of `step`, at hundredths, stopping at the plane's edge. */
export function steppedPoint(point, dx, dy, step, extent) {
  return snappedPoint(point[0] + dx * step, point[1] + dy * step, extent);
}

/** A number as the page writes a size: two decimals ("9.25"), an exact tie to even. */
export function fixed2(value) {
  const text = toFixedEven(Math.abs(value), 2);
  return value < 0 && Number(text) !== 0 ? `-${text}` : text;
}

// --------------------------------------------------------------------------- the view

const VERDICT_CODES = { s: "sea", c: "copy", n: "new" };
const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

const instances = new WeakMap(); // parentElement -> the editor mounted in it

export default function mount(component) {
  const { parentElement, data } = component;
  const mode = data && data.mode === "point" ? "point" : "box";
  let editor = instances.get(parentElement);
  if (editor && editor.mode !== mode) {
    editor.destroy();
    editor = null;
  }
  if (!editor) {
    editor = mode === "point" ? new PointEditor(parentElement) : new BoxEditor(parentElement);
    instances.set(parentElement, editor);
  }
  editor.setStateValue = component.setStateValue;
  editor.update(data || {});
  // Streamlit calls this again with new data, on the same element, without this cleanup;
  // it calls the last cleanup when the element goes away.
  return () => {
    editor.destroy();
    instances.delete(parentElement);
  };
}

/** What both modes share: a plane of data coordinates `extent` [x0, x1, y0, y1] drawn on a
 * canvas, the pointer, the keys, the tooltip, the live line and the status line. A mode
 * says how the plane is laid out and drawn, what a press, a drag and a key do to its value
 * (`current()`, `restore()`), how the value is written, and how it is sent. */
class PlaneEditor {
  constructor(root) {
    this.root = root;
    const q = (sel) => root.querySelector(sel);
    this.wrap = q(".be-map");
    this.canvas = q(".be-canvas");
    this.legend = q(".be-legend");
    this.live = q(".be-live");
    this.status = q(".be-status");
    this.help = q(".be-help-text");
    this.tip = q(".be-tip");
    this.ctx = this.canvas.getContext("2d");
    this.xy = new Float64Array(0);
    this.extent = [...EXTENT];
    this.drag = null; // {mode, start value, pointer id, where it started, moved}
    this.keyStart = null; // the value before a run of key presses
    this.frame = 0;
    this.seq = 0;
    this.staticLayer = document.createElement("canvas");
    this.data = {};
    this.root.querySelector(".be").dataset.mode = this.mode;
    this.live.replaceChildren(...this.liveItems());
    this.listen();
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(this.wrap);
  }

  destroy() {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.abort.abort();
  }

  /** One read-out of the live line: "before <b data-k=key></b> after". */
  static item(before, key, after = "") {
    const span = document.createElement("span");
    const value = document.createElement("b");
    value.dataset.k = key;
    span.append(before, value, after);
    return span;
  }

  // ----------------------------------------------------------------- data from Python

  update(data) {
    const old = this.data;
    this.data = data;
    if (data.points !== old.points) this.xy = decodeFloats(data.points, 8);
    this.fontScale = data.font_scale || 1;
    this.canvas.setAttribute("aria-label", data.label || this.defaultLabel);
    this.canvas.setAttribute("aria-roledescription", this.roleDescription);
    if (this.help.textContent !== this.helpText) this.help.textContent = this.helpText;
    this.receive(data, old);
    this.renderLegend();
    this.resize(true);
    this.showLive(true);
  }

  // ----------------------------------------------------------------- geometry

  toPx(x, y) {
    const g = this.g;
    const [x0, x1, y0, y1] = this.extent;
    return [g.left + ((x - x0) / (x1 - x0)) * g.mapW, g.top + ((y1 - y) / (y1 - y0)) * g.mapH];
  }

  toData(px, py) {
    const g = this.g;
    const [x0, x1, y0, y1] = this.extent;
    return [x0 + ((px - g.left) / g.mapW) * (x1 - x0), y1 - ((py - g.top) / g.mapH) * (y1 - y0)];
  }

  resize(force = false) {
    const g = this.layout();
    const dpr = window.devicePixelRatio || 1;
    if (!force && this.g && g.width === this.g.width && g.height === this.g.height
        && dpr === this.dpr) return;
    this.g = g;
    this.dpr = dpr;
    for (const c of [this.canvas, this.staticLayer]) {
      c.width = Math.round(g.width * dpr);
      c.height = Math.round(g.height * dpr);
    }
    this.canvas.style.width = `${g.width}px`;
    this.canvas.style.height = `${g.height}px`;
    // Where the plane lies on the canvas (CSS px): for tests and anyone scripting it.
    this.canvas.dataset.map = [g.left, g.top, g.mapW, g.mapH].join(",");
    this.paintStatic();
    this.paint();
    this.resized();
  }

  resized() {}

  // ----------------------------------------------------------------- drawing

  font(size, weight = "") {
    const family = getComputedStyle(this.wrap).fontFamily || "sans-serif";
    return `${weight} ${Math.round(size * this.fontScale)}px ${family}`.trim();
  }

  paintStatic() {
    const g = this.g;
    if (!g) return;
    const ctx = this.staticLayer.getContext("2d");
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, g.width, g.height);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, g.width, g.height);
    this.paintBackground(ctx, g);
    ctx.strokeStyle = "rgba(0,0,0,0.25)";
    ctx.lineWidth = 1;
    ctx.strokeRect(g.left, g.top, g.mapW, g.mapH);
    ctx.font = this.font(13);
    ctx.fillStyle = "#31333f";
    ctx.strokeStyle = "rgba(0,0,0,0.10)";
    this.paintAxes(ctx, g);
    this.paintData(ctx, g);
  }

  paint() {
    const g = this.g;
    if (!g) return;
    const started = performance.now();
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.staticLayer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.paintOverlay(ctx, g);
    const probe = window.__gdlBoxEditorProbe;
    if (Array.isArray(probe)) probe.push(performance.now() - started);
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
      this.showLive(false);
    });
  }

  renderLegend() {
    const items = this.data.legend || [];
    this.legend.replaceChildren(...items.map(([label, colour, symbol]) => {
      const item = document.createElement("span");
      item.className = "be-key";
      const swatch = document.createElement("span");
      swatch.className = `be-swatch be-${symbol}`;
      swatch.style.setProperty("--c", colour);
      item.append(swatch, document.createTextNode(label));
      return item;
    }));
  }

  /** The live line (every frame) and, with `announce`, the status line (polite). */
  showLive(announce) {
    const { values, attributes, said } = this.liveText();
    for (const span of this.live.querySelectorAll("[data-k]")) {
      const value = values[span.dataset.k];
      if (span.textContent !== value) span.textContent = value;
    }
    Object.assign(this.live.dataset, attributes);
    if (announce && this.status.textContent !== said) this.status.textContent = said;
  }

  send() {
    this.seq += 1;
    this.sendValue(`${Date.now()}-${this.seq}`);
  }

  // ----------------------------------------------------------------- input

  listen() {
    this.abort = new AbortController();
    const opts = { signal: this.abort.signal };
    const c = this.canvas;
    c.addEventListener("pointerdown", (ev) => this.down(ev), opts);
    c.addEventListener("pointermove", (ev) => this.move(ev), opts);
    c.addEventListener("pointerup", (ev) => this.up(ev, true), opts);
    c.addEventListener("pointercancel", (ev) => this.up(ev, false), opts);
    c.addEventListener("pointerleave", () => { this.tip.hidden = true; }, opts);
    c.addEventListener("keydown", (ev) => this.key(ev), opts);
    c.addEventListener("keyup", (ev) => this.keyUp(ev), opts);
    c.addEventListener("blur", () => this.keyUp(null), opts);
  }

  local(ev) {
    const r = this.canvas.getBoundingClientRect();
    return [ev.clientX - r.left, ev.clientY - r.top];
  }

  down(ev) {
    if (ev.button !== 0 || this.drag) return;
    ev.preventDefault();
    this.canvas.focus({ preventScroll: true });
    try {
      this.canvas.setPointerCapture(ev.pointerId);
    } catch {
      // A synthetic pointer (a script) cannot be captured; the drag works without.
    }
    this.tip.hidden = true;
    const [x, y] = this.local(ev);
    const start = this.current();
    const drag = this.startDrag(x, y, ev);
    this.drag = { ...drag, id: ev.pointerId, start, x, y, moved: false };
    this.canvas.dataset.dragging = drag.mode;
  }

  move(ev) {
    const [x, y] = this.local(ev);
    const drag = this.drag;
    if (!drag) {
      if (ev.pointerType === "mouse") this.hover(x, y);
      return;
    }
    if (ev.pointerId !== drag.id) return;
    ev.preventDefault();
    if (Math.abs(x - drag.x) + Math.abs(y - drag.y) >= 3) drag.moved = true;
    if (this.dragTo(drag, x, y)) this.schedule();
  }

  up(ev, commit) {
    const drag = this.drag;
    if (!drag || ev.pointerId !== drag.id) return;
    this.drag = null;
    delete this.canvas.dataset.dragging;
    if (this.canvas.hasPointerCapture(ev.pointerId)) this.canvas.releasePointerCapture(ev.pointerId);
    const changed = this.current().some((v, i) => v !== drag.start[i]);
    // A press and release in place is a click: it counts only where a click means
    // something (a point: "put z here"; a box: nothing, a box needs a drag).
    if (!commit || !(drag.moved || drag.clickCounts) || !changed) {
      this.restore(drag.start);
      this.schedule();
      this.showLive(true);
      return;
    }
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.paint();
    this.showLive(true);
    this.send();
  }

  key(ev) {
    const next = this.keyStep(ev);
    if (next === undefined) return; // not a key of this editor
    ev.preventDefault();
    if (this.drag) return;
    if (!this.keyStart) this.keyStart = this.current();
    if (next) {
      this.restore(next);
      this.paint();
      this.showLive(true);
    }
  }

  keyUp(ev) {
    if (ev && !this.keys.has(ev.key)) return;
    const before = this.keyStart;
    this.keyStart = null;
    if (before && this.current().some((v, i) => v !== before[i])) this.send();
  }

  paintDots(ctx, colour, r, outline) {
    // Every data point as a dot of radius r, in one path (fast at 5,000 points), with a
    // white outline of width `outline` (0: none).
    ctx.fillStyle = colour;
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = outline;
    ctx.beginPath();
    for (let i = 0; i < this.xy.length; i += 2) {
      const [x, y] = this.toPx(this.xy[i], this.xy[i + 1]);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
    if (outline > 0) ctx.stroke();
  }

  showTip(text, x, y) {
    this.tip.textContent = text;
    this.tip.hidden = false;
    const left = Math.min(x + 12, this.g.width - this.tip.offsetWidth - 2);
    this.tip.style.left = `${Math.max(left, 0)}px`;
    this.tip.style.top = `${Math.max(y - 34, 0)}px`;
  }
}

// --------------------------------------------------------------------------- mode "box"

class BoxEditor extends PlaneEditor {
  get mode() { return "box"; }
  get defaultLabel() { return "World map with the box p_model"; }
  get roleDescription() { return "box editor"; }
  get helpText() {
    return "Drag on the map to draw a box, inside it to move it, on an edge or a corner to "
      + "resize it. Keyboard: arrows move the box, Shift and arrows move its east or north "
      + "edge, plus and minus grow or shrink it.";
  }

  get keys() {
    return new Set([...Object.keys(ARROWS), "+", "=", "-"]);
  }

  liveItems() {
    const item = PlaneEditor.item;
    return [item("inside ", "inside"), item("outside ", "outside"), item("area ", "area", " deg²"),
      item("L = ", "L"), item("ℓ = ", "logL"), item("ℓ − ℓ(MLE) = ", "gap")];
  }

  current() { return this.box.slice(); }

  restore(box) { this.box = box.slice(); }

  receive(data, old) {
    this.samples = this.samples || new Float32Array(0);
    if (data.samples !== old.samples) this.samples = decodeFloats(data.samples, 4);
    this.verdicts = data.verdicts || "";
    this.mleLogL = data.mle_log_l ?? null;
    if (!this.box) this.box = [...EXTENT];
    if (!this.drag && Array.isArray(data.box)) this.box = normalise(data.box);
    if (data.land !== old.land) {
      this.image = null;
      if (data.land) {
        const image = new Image();
        image.onload = () => {
          if (this.data.land === data.land) {
            this.image = image;
            this.paintStatic();
            this.schedule();
          }
        };
        image.src = data.land;
      }
    }
  }

  layout() {
    const f = this.fontScale;
    const width = Math.max(this.wrap.clientWidth, 200);
    const left = Math.round(44 * f), right = Math.round(12 * f);
    const top = 6, bottom = Math.round(21 * f);
    const mapW = width - left - right;
    const mapH = mapW / 2;
    return { width, height: Math.ceil(top + mapH + bottom), left, top, mapW, mapH };
  }

  paintBackground(ctx, g) {
    if (this.image) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.image, g.left, g.top, g.mapW, g.mapH);
    } else {
      ctx.fillStyle = "#f4f4f2";
      ctx.fillRect(g.left, g.top, g.mapW, g.mapH);
    }
  }

  paintAxes(ctx, g) {
    // Grid and tick labels: few, well apart, legible on a phone and a projector.
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (let lon = -180; lon <= 180; lon += 90) {
      const [x] = this.toPx(lon, 0);
      ctx.beginPath();
      ctx.moveTo(x, g.top);
      ctx.lineTo(x, g.top + g.mapH);
      ctx.stroke();
      ctx.textAlign = lon === -180 ? "left" : lon === 180 ? "right" : "center";
      ctx.fillText(degrees(lon, "E", "W"), x, g.top + g.mapH + 5);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (let lat = -90; lat <= 90; lat += 45) {
      const [, y] = this.toPx(0, lat);
      ctx.beginPath();
      ctx.moveTo(g.left, y);
      ctx.lineTo(g.left + g.mapW, y);
      ctx.stroke();
      const shift = lat === 90 ? 6 : lat === -90 ? -6 : 0;
      ctx.fillText(degrees(lat, "N", "S"), g.left - 5, y + shift);
    }
  }

  paintData(ctx) {
    // The data, then the samples over it.
    const n = this.xy.length >> 1;
    const r = n <= 200 ? 4 : n <= 1000 ? 2.5 : 1.6;
    this.paintDots(ctx, "#1f3a5f", r, n <= 1000 ? 0.8 : 0);
    const styles = this.data.styles || {};
    const m = this.samples.length >> 1;
    const size = m <= 500 ? 4 : 3;
    for (let i = 0; i < m; i++) {
      const [x, y] = this.toPx(this.samples[2 * i], this.samples[2 * i + 1]);
      const verdict = VERDICT_CODES[this.verdicts[i]];
      const style = styles[verdict || "unjudged"] || { colour: "#7f7f7f", symbol: "circle" };
      marker(ctx, style, x, y, size);
    }
  }

  paintOverlay(ctx) {
    const [w, e, s, n] = this.box;
    const [x0, y0] = this.toPx(w, n);
    const [x1, y1] = this.toPx(e, s);
    ctx.fillStyle = "rgba(232, 113, 10, 0.10)";
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    ctx.strokeStyle = this.data.box_colour || "#e8710a";
    ctx.lineWidth = 3;
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    // Handles on the corners: where a resize can start.
    ctx.fillStyle = "#ffffff";
    ctx.lineWidth = 2;
    for (const [hx, hy] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]]) {
      ctx.fillRect(hx - 4, hy - 4, 8, 8);
      ctx.strokeRect(hx - 4, hy - 4, 8, 8);
    }
    // The book's points A, B and C: one real sample of each kind, labelled.
    const f = this.fontScale;
    ctx.font = `bold ${Math.round(15 * f)}px sans-serif`;
    ctx.textAlign = "left";
    ctx.textBaseline = "bottom";
    for (const ex of this.data.examples || []) {
      const [x, y] = this.toPx(ex.lon, ex.lat);
      ctx.strokeStyle = "#111111";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, 9, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.lineWidth = 4;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(ex.label, x + 8, y - 6);
      ctx.fillStyle = "#111111";
      ctx.fillText(ex.label, x + 8, y - 6);
    }
  }

  liveText() {
    const score = scoreBox(this.xy, this.box, this.mleLogL);
    const values = readouts(score);
    const said = `Box ${describeBox(this.box)}. ${values.outside} points outside. `
      + `Log-likelihood ${values.logL}.`;
    return { values, attributes: { box: this.box.join(",") }, said };
  }

  sendValue(seq) {
    this.setStateValue("box", { corners: this.box.slice(), seq });
  }

  /** Which edges of the box are under (x, y): a subset of "wesn", or "" . */
  edgesAt(x, y, tolerance) {
    const [x0, y0] = this.toPx(this.box[0], this.box[3]);
    const [x1, y1] = this.toPx(this.box[1], this.box[2]);
    const withinY = y >= y0 - tolerance && y <= y1 + tolerance;
    const withinX = x >= x0 - tolerance && x <= x1 + tolerance;
    let edges = "";
    if (withinY && Math.abs(x - x0) <= tolerance) edges += "w";
    else if (withinY && Math.abs(x - x1) <= tolerance) edges += "e";
    if (withinX && Math.abs(y - y1) <= tolerance) edges += "s";
    else if (withinX && Math.abs(y - y0) <= tolerance) edges += "n";
    return edges;
  }

  inside(x, y) {
    const [x0, y0] = this.toPx(this.box[0], this.box[3]);
    const [x1, y1] = this.toPx(this.box[1], this.box[2]);
    return x > x0 && x < x1 && y > y0 && y < y1;
  }

  everywhere() {
    const [w, e, s, n] = this.box;
    return e - w >= 0.95 * 360 && n - s >= 0.95 * 180;
  }

  startDrag(x, y, ev) {
    const tolerance = ev.pointerType === "mouse" ? 7 : 14;
    const edges = this.edgesAt(x, y, tolerance);
    // A box over (nearly) the whole map has no room to move and leaves no empty map to
    // draw on: a drag inside it draws a new box. Its edges still resize it.
    const mode = edges ? "resize" : this.inside(x, y) && !this.everywhere() ? "move" : "draw";
    const [lon, lat] = this.toData(x, y);
    return { mode, edges, lon, lat };
  }

  dragTo(drag, x, y) {
    const [lon, lat] = this.toData(x, y);
    let box = null;
    if (drag.mode === "move") box = movedBox(drag.start, lon - drag.lon, lat - drag.lat);
    else if (drag.mode === "resize") box = dragEdges(drag.start, drag.edges, lon, lat);
    else if (drag.moved) box = drawnBox(drag.lon, drag.lat, lon, lat);
    if (!box) return false;
    this.box = box;
    return true;
  }

  /** The box a key makes; null for a key of ours that changes nothing; undefined for a key
   * that is not ours. */
  keyStep(ev) {
    const step = this.data.step || 1;
    if (ev.key in ARROWS) {
      const [dx, dy] = ARROWS[ev.key];
      if (ev.shiftKey) {
        // Shift: the east edge (←/→) or the north edge (↑/↓) moves, so the box resizes.
        const b = this.box.slice();
        if (dx) b[1] = Math.min(b[1] + dx * step, EXTENT[1]);
        if (dy) b[3] = Math.min(b[3] + dy * step, EXTENT[3]);
        return b[1] > b[0] && b[3] > b[2] ? b.map(round2) : null;
      }
      return shifted(this.box, dx * step, dy * step).map(round2);
    }
    if (ev.key === "+" || ev.key === "=" || ev.key === "-") {
      const r = resized(this.box, ev.key === "-" ? -step : step);
      return r && r.map(round2);
    }
    return undefined;
  }

  hover(x, y) {
    let best = 100, label = "", at = null;
    const near = (lon, lat, what) => {
      const [px, py] = this.toPx(lon, lat);
      const d = (px - x) ** 2 + (py - y) ** 2;
      if (d < best) { best = d; label = what; at = [lon, lat]; }
    };
    for (let i = 0; i < this.xy.length; i += 2) near(this.xy[i], this.xy[i + 1], "data point");
    const names = this.data.verdict_names || {};
    for (let i = 0; i < this.samples.length; i += 2) {
      const v = VERDICT_CODES[this.verdicts[i >> 1]];
      near(this.samples[i], this.samples[i + 1], v ? `sample: ${names[v] || v}` : "sample");
    }
    this.canvas.style.cursor = this.cursorAt(x, y);
    if (!at) {
      this.tip.hidden = true;
      return;
    }
    this.showTip(`${label} · lon ${at[0].toFixed(2)}°, lat ${at[1].toFixed(2)}°`, x, y);
  }

  cursorAt(x, y) {
    const edges = this.edgesAt(x, y, 7);
    if (!edges) return this.inside(x, y) && !this.everywhere() ? "move" : "crosshair";
    if (edges.length === 2) return edges === "wn" || edges === "es" ? "nwse-resize" : "nesw-resize";
    return "we".includes(edges) ? "ew-resize" : "ns-resize";
  }
}

// --------------------------------------------------------------------------- mode "point"

class PointEditor extends PlaneEditor {
  constructor(root) {
    super(root);
    // f(z), drawn over the plane: made here, so that a box editor has one canvas only.
    this.preview = document.createElement("figure");
    this.preview.className = "be-preview";
    this.preview.setAttribute("aria-hidden", "true");
    this.previewCanvas = document.createElement("canvas");
    this.previewCanvas.width = TIN.size;
    this.previewCanvas.height = TIN.size;
    this.previewCaption = document.createElement("figcaption");
    this.preview.append(this.previewCanvas, this.previewCaption);
    this.wrap.append(this.preview);
    this.drawn = null; // the point the preview shows
  }

  get mode() { return "point"; }
  get defaultLabel() { return "The latent plane with the point z"; }
  get roleDescription() { return "point picker"; }
  get helpText() {
    const big = this.data.big_step || 1, step = this.data.step || 0.25;
    return `Click or drag anywhere on the plane to move the point z there. Keyboard: the `
      + `arrows move z by ${step} ${this.unit}, Shift and the arrows by ${big} ${this.unit}.`;
  }

  get keys() { return new Set(Object.keys(ARROWS)); }
  get unit() { return this.data.unit || ""; }
  get axes() { return this.data.axes || { x: "x", y: "y" }; }
  /** The order the live line names the coordinates in ("yx": the book's z = (height, width)). */
  get order() { return (this.data.order || "xy").split(""); }

  liveItems() {
    // Built before the data arrives: the words are filled in by showLive.
    return ["first", "second"].map((k) => {
      const span = PlaneEditor.item("", k);
      const name = document.createElement("span");
      name.className = "be-name";
      span.prepend(name);
      return span;
    });
  }

  current() { return this.z.slice(); }

  restore(z) { this.z = z.slice(); }

  receive(data) {
    this.extent = Array.isArray(data.extent) ? data.extent.map(Number) : [0, 1, 0, 1];
    if (!this.z) this.z = [this.extent[0], this.extent[2]];
    if (!this.drag && Array.isArray(data.point)) {
      this.z = snappedPoint(Number(data.point[0]), Number(data.point[1]), this.extent);
    }
    this.preview.hidden = data.preview !== "tin";
    this.live.querySelectorAll(".be-name").forEach((label, i) => {
      const axis = this.order[i];
      const text = `${i === 0 && data.name ? `${data.name}: ` : ""}${this.axes[axis]} `;
      if (label.textContent !== text) label.textContent = text;
      label.parentElement.lastChild.textContent = this.unit ? ` ${this.unit}` : "";
    });
  }

  layout() {
    const f = this.fontScale;
    const width = Math.max(this.wrap.clientWidth, 200);
    const left = Math.round(52 * f), right = Math.round(14 * f);
    const top = Math.round(10 * f), bottom = Math.round(44 * f);
    // A square plane, as wide as the column allows, but never taller than most of the
    // window (a projector is short) nor than the page asks (`max_side`, CSS px).
    const tallest = Math.max(220, 0.72 * (window.innerHeight || 800) - top - bottom);
    const side = Math.floor(Math.max(120, Math.min(width - left - right,
      (this.data.max_side || 480) * f, tallest)));
    return { width: left + side + right, height: top + side + bottom, left, top,
      mapW: side, mapH: side };
  }

  paintBackground(ctx, g) {
    ctx.fillStyle = "#fbfbfa";
    ctx.fillRect(g.left, g.top, g.mapW, g.mapH);
  }

  paintAxes(ctx, g) {
    const [x0, x1, y0, y1] = this.extent;
    const tick = this.data.tick_step || 2;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (let v = Math.ceil(x0 / tick) * tick; v <= x1 + 1e-9; v += tick) {
      const [x] = this.toPx(v, y0);
      ctx.beginPath();
      ctx.moveTo(x, g.top);
      ctx.lineTo(x, g.top + g.mapH);
      ctx.stroke();
      ctx.fillText(String(v), x, g.top + g.mapH + 5);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (let v = Math.ceil(y0 / tick) * tick; v <= y1 + 1e-9; v += tick) {
      const [, y] = this.toPx(x0, v);
      ctx.beginPath();
      ctx.moveTo(g.left, y);
      ctx.lineTo(g.left + g.mapW, y);
      ctx.stroke();
      ctx.fillText(String(v), g.left - 6, y);
    }
    // Axis titles: x below the ticks, y up the left side.
    const unit = this.unit ? ` (${this.unit})` : "";
    ctx.font = this.font(14, "600");
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText(`${this.axes.x}${unit}`, g.left + g.mapW / 2, g.height - 2);
    ctx.save();
    ctx.translate(2, g.top + g.mapH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "top";
    ctx.fillText(`${this.axes.y}${unit}`, 0, 0);
    ctx.restore();
  }

  paintData(ctx) {
    const r = 4.5 * Math.min(this.fontScale, 1.2);
    this.paintDots(ctx, this.data.point_colour || "#1b2f5e", r, 1);
  }

  /** Where z + offset is, or null when it is off the plane. */
  target() {
    const offset = this.data.offset;
    if (!Array.isArray(offset)) return null;
    const [x, y] = [this.z[0] + offset[0], this.z[1] + offset[1]];
    const [x0, x1, y0, y1] = this.extent;
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 ? [x, y] : null;
  }

  paintOverlay(ctx) {
    const [x, y] = this.toPx(...this.z);
    const target = this.target();
    const colour = this.data.z_colour || "#e8710a";
    if (target) {
      // An arrow from z to z + offset (one cm taller): the step the page talks about.
      const [tx, ty] = this.toPx(...target);
      const angle = Math.atan2(ty - y, tx - x);
      const head = 12;
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(x + 11 * Math.cos(angle), y + 11 * Math.sin(angle));
      ctx.lineTo(tx - head * Math.cos(angle), ty - head * Math.sin(angle));
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(tx, ty);
      ctx.lineTo(tx - head * Math.cos(angle - 0.45), ty - head * Math.sin(angle - 0.45));
      ctx.lineTo(tx - head * Math.cos(angle + 0.45), ty - head * Math.sin(angle + 0.45));
      ctx.closePath();
      ctx.fill();
    }
    // z: a ring with a dot, outlined in white so it shows over the points.
    ctx.lineWidth = 6;
    ctx.strokeStyle = "#ffffff";
    ctx.beginPath();
    ctx.arc(x, y, 9, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.lineWidth = 3;
    ctx.strokeStyle = colour;
    ctx.stroke();
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.arc(x, y, 2.5, 0, 2 * Math.PI);
    ctx.fill();
    this.paintPreview();
  }

  /** f(z) in the plane's lower corner (no training tin is that short), drawn here, now,
   * with square pixels: a whole number of device pixels to each of the tin's. */
  paintPreview() {
    if (this.preview.hidden || !this.g) return;
    const [w, h] = this.z;
    if (!this.drawn || this.drawn[0] !== w || this.drawn[1] !== h) {
      this.drawn = [w, h];
      const grey = greyLevels(drawTin(h, w));
      const rgba = new ImageData(TIN.size, TIN.size);
      const pixels = rgba.data;
      for (let i = 0; i < grey.length; i++) {
        pixels[4 * i] = pixels[4 * i + 1] = pixels[4 * i + 2] = grey[i];
        pixels[4 * i + 3] = 255;
      }
      this.previewCanvas.getContext("2d").putImageData(rgba, 0, 0);
      this.previewCaption.textContent = `f(${fixed2(h)}, ${fixed2(w)})`;
      this.preview.dataset.z = `${h},${w}`;
    }
    this.placePreview();
  }

  resized() {
    this.previewSide = 0;
    this.placePreview();
  }

  placePreview() {
    const g = this.g;
    if (!g || this.preview.hidden) return;
    const dpr = this.dpr;
    if (!this.previewSide) {
      // About a fifth of the plane: the bottom quarter (heights under 5 cm) is empty.
      const k = Math.max(1, Math.floor((0.17 * g.mapW * dpr) / TIN.size));
      this.previewSide = (TIN.size * k) / dpr;
      this.previewCanvas.style.width = `${this.previewSide}px`;
      this.previewCanvas.style.height = `${this.previewSide}px`;
      this.previewCaption.style.fontSize = `${Math.round(12 * this.fontScale)}px`;
    }
    const pad = 6;
    const boxW = this.preview.offsetWidth || this.previewSide + 6;
    const boxH = this.preview.offsetHeight || this.previewSide + 22;
    const top = g.top + g.mapH - boxH - pad;
    let left = g.left + g.mapW - boxW - pad;
    // Out of z's way: to the other corner when z is under the preview.
    const [x, y] = this.toPx(...this.z);
    if (x > left - 14 && y > top - 14) left = g.left + pad;
    this.preview.style.left = `${left}px`;
    this.preview.style.top = `${top}px`;
  }

  liveText() {
    const [x, y] = this.z.map(fixed2);
    const named = { x: [this.axes.x, x], y: [this.axes.y, y] };
    const [first, second] = this.order.map((axis) => named[axis]);
    const unit = this.unit ? ` ${this.unit}` : "";
    const what = this.data.name ? `Point ${this.data.name}` : "Point";
    const said = `${what}: ${first[0]} ${first[1]}${unit}, ${second[0]} ${second[1]}${unit}.`;
    return { values: { first: first[1], second: second[1] },
      attributes: { point: this.z.join(",") }, said };
  }

  sendValue(seq) {
    this.setStateValue("point", { xy: this.z.slice(), seq });
  }

  startDrag(x, y) {
    // A press puts z where it is: a click is enough, and a drag carries z along.
    this.dragTo(null, x, y);
    this.schedule();
    return { mode: "point", clickCounts: true };
  }

  dragTo(_drag, x, y) {
    const z = snappedPoint(...this.toData(x, y), this.extent);
    if (z[0] === this.z[0] && z[1] === this.z[1]) return false;
    this.z = z;
    return true;
  }

  keyStep(ev) {
    if (!(ev.key in ARROWS)) return undefined;
    const [dx, dy] = ARROWS[ev.key];
    const step = ev.shiftKey ? this.data.big_step || 1 : this.data.step || 0.25;
    return steppedPoint(this.z, dx, dy, step, this.extent);
  }

  hover(x, y) {
    this.canvas.style.cursor = "crosshair";
    const unit = this.unit ? ` ${this.unit}` : "";
    const describe = ([px, py]) => {
      const named = { x: `${this.axes.x} ${fixed2(px)}${unit}`,
        y: `${this.axes.y} ${fixed2(py)}${unit}` };
      return this.order.map((axis) => named[axis]).join(", ");
    };
    let best = 100, at = null;
    for (let i = 0; i < this.xy.length; i += 2) {
      const [px, py] = this.toPx(this.xy[i], this.xy[i + 1]);
      const d = (px - x) ** 2 + (py - y) ** 2;
      if (d < best) { best = d; at = [this.xy[i], this.xy[i + 1]]; }
    }
    const g = this.g;
    const onPlane = x >= g.left && x <= g.left + g.mapW && y >= g.top && y <= g.top + g.mapH;
    if (at) this.showTip(`${this.data.point_name || "point"} · ${describe(at)}`, x, y);
    else if (onPlane) this.showTip(describe(snappedPoint(...this.toData(x, y), this.extent)), x, y);
    else this.tip.hidden = true;
  }
}

function marker(ctx, style, x, y, r) {
  ctx.fillStyle = style.colour;
  ctx.strokeStyle = style.colour;
  if (style.symbol === "x") {
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r);
    ctx.moveTo(x - r, y + r); ctx.lineTo(x + r, y - r);
    ctx.stroke();
    return;
  }
  ctx.beginPath();
  if (style.symbol === "diamond") {
    ctx.moveTo(x, y - r - 1); ctx.lineTo(x + r + 1, y); ctx.lineTo(x, y + r + 1); ctx.lineTo(x - r - 1, y);
    ctx.closePath();
  } else {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.strokeStyle = "#ffffff";
  ctx.lineWidth = 0.8;
  ctx.stroke();
}
