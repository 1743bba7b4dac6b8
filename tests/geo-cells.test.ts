import { describe, expect, it } from "vitest";
import { cellOf, cellsWithin } from "../src/geo/geo-cells.js";
import { haversineKm } from "../src/geo/haversine.js";
import { SeededRandom } from "../src/demo/seeded-random.js";

describe("grid cells for retrieval by area", () => {
  it("every point within the radius lies in one of the cells looked up (random points across Italy)", () => {
    const rng = new SeededRandom(1, "cells");
    for (let i = 0; i < 2000; i++) {
      const centre = { lat: 36.5 + rng.float() * 10.5, lon: 6.6 + rng.float() * 12 };
      const radius = 5 + rng.float() * 245;
      const cells = new Set(cellsWithin(centre, radius));
      // A point at a random bearing, just inside the radius.
      const bearing = rng.float() * 2 * Math.PI;
      const d = radius * 0.999 * rng.float();
      const p = {
        lat: centre.lat + ((d / 111.2) * Math.cos(bearing)),
        lon: centre.lon + ((d / (111.2 * Math.cos((centre.lat * Math.PI) / 180))) * Math.sin(bearing)),
      };
      if (haversineKm(centre, p) > radius) continue;
      expect(cells.has(cellOf(p)), `${JSON.stringify(centre)} r=${radius.toFixed(1)} p=${JSON.stringify(p)}`).toBe(true);
    }
  });

  it("keeps the lookup small for a commuting radius", () => {
    expect(cellsWithin({ lat: 45.07, lon: 7.69 }, 60).length).toBeLessThanOrEqual(30);
  });
});
