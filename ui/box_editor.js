// The box editor of the world-map page: a Streamlit v2 component (st.components.v2).
//
// Streamlit loads this file as an ES module and calls its default export with
// {data, parentElement, setStateValue}; tests/js imports the named exports (the maths)
// under Node. Nothing here fetches anything: the points, the land picture and the samples
// all come in `data` (see ui/box_editor.py for its fields).
//
// While a finger or the mouse is down, everything happens here: the box follows the hand
// and the read-outs are recomputed on every animation frame. Nothing goes to the server
// until the drag ends (or an arrow key is let go); then the box goes once, through
// setStateValue("box", …), and Python recomputes everything with gdl_core.

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

// --------------------------------------------------------------------------- the view

const VERDICT_CODES = { s: "sea", c: "copy", n: "new" };

const instances = new WeakMap(); // parentElement -> the editor mounted in it

export default function mount(component) {
  const { parentElement, data } = component;
  let editor = instances.get(parentElement);
  if (!editor) {
    editor = new BoxEditor(parentElement);
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

class BoxEditor {
  constructor(root) {
    this.root = root;
    const q = (sel) => root.querySelector(sel);
    this.wrap = q(".be-map");
    this.canvas = q(".be-canvas");
    this.legend = q(".be-legend");
    this.live = q(".be-live");
    this.status = q(".be-status");
    this.tip = q(".be-tip");
    this.ctx = this.canvas.getContext("2d");
    this.xy = new Float64Array(0);
    this.samples = new Float32Array(0);
    this.verdicts = "";
    this.box = [...EXTENT];
    this.drag = null; // {mode, edges, start box, start lon/lat, pointer id}
    this.keyBox = null; // the box before a run of key presses
    this.frame = 0;
    this.seq = 0;
    this.staticLayer = document.createElement("canvas");
    this.image = null;
    this.data = {};
    this.listen();
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(this.wrap);
  }

  destroy() {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.abort.abort();
  }

  // ----------------------------------------------------------------- data from Python

  update(data) {
    const old = this.data;
    this.data = data;
    if (data.points !== old.points) this.xy = decodeFloats(data.points, 8);
    if (data.samples !== old.samples) this.samples = decodeFloats(data.samples, 4);
    this.verdicts = data.verdicts || "";
    this.fontScale = data.font_scale || 1;
    this.mleLogL = data.mle_log_l ?? null;
    this.canvas.setAttribute("aria-label", data.label || "World map with the box p_model");
    if (!this.drag && Array.isArray(data.box)) this.box = normalise(data.box);
    this.renderLegend();
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
    this.resize(true);
    this.showScore(true);
  }

  // ----------------------------------------------------------------- geometry

  layout() {
    const f = this.fontScale;
    const width = Math.max(this.wrap.clientWidth, 200);
    const left = Math.round(44 * f), right = Math.round(12 * f);
    const top = 6, bottom = Math.round(21 * f);
    const mapW = width - left - right;
    const mapH = mapW / 2;
    return { width, height: Math.ceil(top + mapH + bottom), left, top, mapW, mapH };
  }

  toPx(lon, lat) {
    const g = this.g;
    return [g.left + ((lon - EXTENT[0]) / 360) * g.mapW, g.top + ((EXTENT[3] - lat) / 180) * g.mapH];
  }

  toLonLat(x, y) {
    const g = this.g;
    return [EXTENT[0] + ((x - g.left) / g.mapW) * 360, EXTENT[3] - ((y - g.top) / g.mapH) * 180];
  }

  resize(force = false) {
    const g = this.layout();
    const dpr = window.devicePixelRatio || 1;
    if (!force && this.g && g.width === this.g.width && dpr === this.dpr) return;
    this.g = g;
    this.dpr = dpr;
    for (const c of [this.canvas, this.staticLayer]) {
      c.width = Math.round(g.width * dpr);
      c.height = Math.round(g.height * dpr);
    }
    this.canvas.style.width = `${g.width}px`;
    this.canvas.style.height = `${g.height}px`;
    // Where the map lies on the canvas (CSS px): for tests and anyone scripting the map.
    this.canvas.dataset.map = [g.left, g.top, g.mapW, g.mapH].join(",");
    this.paintStatic();
    this.paint();
  }

  // ----------------------------------------------------------------- drawing

  paintStatic() {
    const g = this.g;
    if (!g) return;
    const ctx = this.staticLayer.getContext("2d");
    const f = this.fontScale;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, g.width, g.height);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, g.width, g.height);
    if (this.image) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.image, g.left, g.top, g.mapW, g.mapH);
    } else {
      ctx.fillStyle = "#f4f4f2";
      ctx.fillRect(g.left, g.top, g.mapW, g.mapH);
    }
    ctx.strokeStyle = "rgba(0,0,0,0.25)";
    ctx.lineWidth = 1;
    ctx.strokeRect(g.left, g.top, g.mapW, g.mapH);
    // Grid and tick labels: few, well apart, legible on a phone and a projector.
    ctx.font = `${Math.round(13 * f)}px ${getComputedStyle(this.wrap).fontFamily || "sans-serif"}`;
    ctx.fillStyle = "#31333f";
    ctx.strokeStyle = "rgba(0,0,0,0.10)";
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
    // The data, then the samples over it.
    const n = this.xy.length >> 1;
    const r = n <= 200 ? 4 : n <= 1000 ? 2.5 : 1.6;
    ctx.fillStyle = "#1f3a5f";
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = n <= 1000 ? 0.8 : 0;
    ctx.beginPath();
    for (let i = 0; i < this.xy.length; i += 2) {
      const [x, y] = this.toPx(this.xy[i], this.xy[i + 1]);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
    if (n <= 1000) ctx.stroke();
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

  paint() {
    const g = this.g;
    if (!g) return;
    const started = performance.now();
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.staticLayer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
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
    const probe = window.__gdlBoxEditorProbe;
    if (Array.isArray(probe)) probe.push(performance.now() - started);
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
      this.showScore(false);
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

  // ----------------------------------------------------------------- read-outs

  showScore(announce) {
    const score = scoreBox(this.xy, this.box, this.mleLogL);
    const text = readouts(score);
    for (const span of this.live.querySelectorAll("[data-k]")) {
      const value = text[span.dataset.k];
      if (span.textContent !== value) span.textContent = value;
    }
    this.live.dataset.box = this.box.join(",");
    if (announce) {
      const said = `Box ${describeBox(this.box)}. ${text.outside} points outside. `
        + `Log-likelihood ${text.logL}.`;
      if (this.status.textContent !== said) this.status.textContent = said;
    }
  }

  send() {
    this.sent = this.box.slice();
    this.seq += 1;
    this.setStateValue("box", { corners: this.box.slice(), seq: `${Date.now()}-${this.seq}` });
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
    const tolerance = ev.pointerType === "mouse" ? 7 : 14;
    const edges = this.edgesAt(x, y, tolerance);
    // A box over (nearly) the whole map has no room to move and leaves no empty map to
    // draw on: a drag inside it draws a new box. Its edges still resize it.
    const [w, e, s, n] = this.box;
    const everywhere = e - w >= 0.95 * 360 && n - s >= 0.95 * 180;
    const mode = edges ? "resize" : this.inside(x, y) && !everywhere ? "move" : "draw";
    const [lon, lat] = this.toLonLat(x, y);
    this.drag = { mode, edges, id: ev.pointerId, start: this.box.slice(), lon, lat, x, y, moved: false };
    this.canvas.dataset.dragging = mode;
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
    const [lon, lat] = this.toLonLat(x, y);
    let box = null;
    if (drag.mode === "move") box = movedBox(drag.start, lon - drag.lon, lat - drag.lat);
    else if (drag.mode === "resize") box = dragEdges(drag.start, drag.edges, lon, lat);
    else if (drag.moved) box = drawnBox(drag.lon, drag.lat, lon, lat);
    if (box) {
      this.box = box;
      this.schedule();
    }
  }

  up(ev, commit) {
    const drag = this.drag;
    if (!drag || ev.pointerId !== drag.id) return;
    this.drag = null;
    delete this.canvas.dataset.dragging;
    if (this.canvas.hasPointerCapture(ev.pointerId)) this.canvas.releasePointerCapture(ev.pointerId);
    const changed = this.box.some((v, i) => v !== drag.start[i]);
    if (!commit || !drag.moved || !changed) {
      this.box = drag.start;
      this.schedule();
      this.showScore(true);
      return;
    }
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.paint();
    this.showScore(true);
    this.send();
  }

  key(ev) {
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const step = this.data.step || 1;
    let box = null;
    if (ev.key in arrows) {
      const [dx, dy] = arrows[ev.key];
      if (ev.shiftKey) {
        // Shift: the east edge (←/→) or the north edge (↑/↓) moves, so the box resizes.
        const b = this.box.slice();
        if (dx) b[1] = Math.min(b[1] + dx * step, EXTENT[1]);
        if (dy) b[3] = Math.min(b[3] + dy * step, EXTENT[3]);
        box = b[1] > b[0] && b[3] > b[2] ? b.map(round2) : null;
      } else {
        box = shifted(this.box, dx * step, dy * step).map(round2);
      }
    } else if (ev.key === "+" || ev.key === "=" || ev.key === "-") {
      const r = resized(this.box, ev.key === "-" ? -step : step);
      box = r && r.map(round2);
    } else {
      return;
    }
    ev.preventDefault();
    if (this.drag) return;
    if (!this.keyBox) this.keyBox = this.box.slice();
    if (box) {
      this.box = box;
      this.paint();
      this.showScore(true);
    }
  }

  keyUp(ev) {
    if (ev && !(ev.key in { ArrowLeft: 1, ArrowRight: 1, ArrowUp: 1, ArrowDown: 1, "+": 1, "=": 1, "-": 1 })) return;
    const before = this.keyBox;
    this.keyBox = null;
    if (before && this.box.some((v, i) => v !== before[i])) this.send();
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
    this.tip.textContent = `${label} · lon ${at[0].toFixed(2)}°, lat ${at[1].toFixed(2)}°`;
    this.tip.hidden = false;
    const left = Math.min(x + 12, this.g.width - this.tip.offsetWidth - 2);
    this.tip.style.left = `${Math.max(left, 0)}px`;
    this.tip.style.top = `${Math.max(y - 34, 0)}px`;
  }

  cursorAt(x, y) {
    const edges = this.edgesAt(x, y, 7);
    const [w, e, s, n] = this.box;
    const everywhere = e - w >= 0.95 * 360 && n - s >= 0.95 * 180;
    if (!edges) return this.inside(x, y) && !everywhere ? "move" : "crosshair";
    if (edges.length === 2) return edges === "wn" || edges === "es" ? "nwse-resize" : "nesw-resize";
    return "we".includes(edges) ? "ew-resize" : "ns-resize";
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
