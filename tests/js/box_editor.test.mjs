// The plane editor's maths (ui/box_editor.js) against what gdl_core computes
// (fixtures.json, made by make_fixtures.py): the box mode's read-outs and edits, the point
// mode's f(z) and points. Run: node --test tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import {
  TIN, decodeFloats, drawTin, drawnBox, dragEdges, fixed2, formatLikelihood, formatNumber,
  greyLevels, movedBox, readouts, resized, rintEven, scoreBox, shifted, snappedPoint,
  steppedPoint,
} from "../../ui/box_editor.js";

const fixtures = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
// Math.log in V8 and log in the C library may differ in the last bit, so the logarithms
// agree to 1e-12 (relative); counts, areas and every written read-out agree exactly.
const close = (a, b, where) => {
  if (!Number.isFinite(b) || !Number.isFinite(a)) return assert.ok(Object.is(a, b) || a === b, where);
  assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${where}: ${a} vs ${b}`);
};
const num = (v) => (v === "inf" ? Infinity : v === "-inf" ? -Infinity : v === "nan" ? NaN : v);

test("points inside, area, ℓ and ℓ − ℓ(MLE) are gdl_core's", () => {
  let minusInfinity = 0;
  for (const c of fixtures.score) {
    const xy = decodeFloats(c.points);
    assert.equal(xy.length, 2 * c.n);
    const s = scoreBox(xy, c.box, c.mle_log_l);
    const where = `box ${c.box} on ${c.n} points`;
    assert.equal(s.inside, c.inside, where);
    assert.equal(s.outside, c.outside, where);
    assert.equal(s.area, c.area, where);
    close(s.logDensity, c.log_density, where);
    close(s.logL, num(c.log_l), where);
    close(s.gap, num(c.gap), where);
    if (s.logL === -Infinity) minusInfinity += 1;
  }
  assert.ok(minusInfinity >= 10, "the fixtures hold boxes that miss a point (ℓ = −∞)");
});

test("the read-outs are written as the page writes them", () => {
  for (const c of fixtures.score) {
    const s = scoreBox(decodeFloats(c.points), c.box, c.mle_log_l);
    assert.deepEqual(readouts(s), c.text, `box ${c.box} on ${c.n} points`);
  }
});

test("numbers and likelihoods are formatted like gdl_core.numbers", () => {
  for (const c of fixtures.format) {
    if ("value" in c) {
      assert.equal(formatNumber(num(c.value)), c.number, `format_number(${c.value})`);
      assert.equal(formatNumber(num(c.value), 0), c.number0, `format_number(${c.value}, 0)`);
    } else {
      assert.equal(formatLikelihood(num(c.log)), c.likelihood, `format_likelihood(${c.log})`);
    }
  }
});

test("moving and resizing stop at the map's edge like Box.shifted and Box.resized", () => {
  for (const c of fixtures.edit) {
    assert.deepEqual(shifted(c.box, c.d_lon, c.d_lat), c.shifted, `shift ${c.box}`);
    assert.deepEqual(resized(c.box, c.by), c.resized, `resize ${c.box} by ${c.by}`);
  }
});

test("a drag makes boxes at hundredths of a degree, on the map, with an area", () => {
  assert.deepEqual(drawnBox(10.004, 5, -20.456, 95), [-20.46, 10, 5, 90]);
  assert.equal(drawnBox(10, 5, 10.001, 40), null); // no width once rounded
  assert.deepEqual(dragEdges([-10, 10, -5, 5], "en", 30.123, 200), [-10, 30.12, -5, 90]);
  assert.deepEqual(dragEdges([-10, 10, -5, 5], "w", 20, 0), [10, 20, -5, 5]); // crossed over
  assert.equal(dragEdges([-10, 10, -5, 5], "w", 10, 0), null);
  assert.deepEqual(movedBox([170, 175, 0, 10], 20, -0.005), [175, 180, 0, 10]);
  assert.deepEqual(movedBox([-10, 10, -5, 5], 0.333, 1.006), [-9.67, 10.33, -3.99, 6.01]);
});

// --------------------------------------------------------------------------- point mode

test("f(z) drawn in the browser is gdl_core's tin: every value, every grey level", () => {
  let exact = 0;
  for (const c of fixtures.tins) {
    const where = `f(${c.height}, ${c.width})`;
    const picture = drawTin(c.height, c.width);
    assert.equal(picture.length, TIN.size * TIN.size, where);
    if (c.values) {
      const expected = decodeFloats(c.values);
      for (let i = 0; i < expected.length; i++) close(picture[i], expected[i], `${where}[${i}]`);
      exact += 1;
    }
    const grey = Buffer.from(c.grey, "base64");
    assert.deepEqual([...greyLevels(picture)], [...grey], where);
    assert.equal(`f(${fixed2(c.height)}, ${fixed2(c.width)})`, c.caption, where);
  }
  assert.ok(exact >= 4 && fixtures.tins.length >= 40);
});

test("grey levels round a tie to the even level, as numpy's rint does", () => {
  assert.deepEqual([0.5, 1.5, 2.5, -0.5, 254.5, 3.4999, 3.5001].map(rintEven),
    [0, 2, 2, -0, 254, 3, 4]);
  assert.deepEqual([...greyLevels([-1, 0, 0.5, 1, 2])], [0, 0, 128, 255, 255]);
});

test("a press puts z at hundredths on the plane, and an arrow key steps it, as the page keeps it", () => {
  for (const c of fixtures.points) {
    assert.deepEqual(snappedPoint(...c.raw, c.extent), c.snapped, `press at ${c.raw}`);
    assert.deepEqual(steppedPoint(c.start, c.dx, c.dy, c.step, c.extent), c.stepped,
      `${c.start} + (${c.dx}, ${c.dy}) × ${c.step}`);
  }
});
