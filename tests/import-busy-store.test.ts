import { describe, expect, it } from "vitest";
import { AppError } from "../src/errors/app-error.js";
import { storeStayedBusy, writeWhileBusy } from "../src/imports/busy-retry.js";
import { problemsFromError } from "../src/imports/import-report.js";

/** What the SQLite driver adapter throws when another writer holds the lock past the wait. */
const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });

describe("a busy store is never a rejected row", () => {
  it("problemsFromError lets a busy error through instead of rejecting the row", () => {
    expect(() => problemsFromError(busy(), (f) => f)).toThrow("database is locked");
    expect(problemsFromError(new Error("boom"), (f) => f)).toEqual([{ column: "(riga)", message: expect.stringContaining("Errore imprevisto") }]);
  });

  it("writes again after a pause while the store is busy, then gives up naming the rows not written", async () => {
    let attempts = 0;
    const flaky = async () => {
      attempts += 1;
      if (attempts < 3) throw busy();
      return "scritto";
    };
    expect(await writeWhileBusy([4, 5, 6], flaky, [1, 1])).toBe("scritto");
    expect(attempts).toBe(3);

    const stuck = writeWhileBusy([12, 13, 14], async () => Promise.reject(busy()), [1, 1]);
    await expect(stuck).rejects.toBeInstanceOf(AppError);
    await expect(stuck).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("le righe da 12 a 14 non sono state scritte (non sono righe scartate)") });
    expect(storeStayedBusy([7]).message).toContain("la riga 7 non è stata scritta (non è una riga scartata)");
  });

  it("any other error is not retried", async () => {
    let attempts = 0;
    await expect(writeWhileBusy([2], async () => {
      attempts += 1;
      throw new Error("vincolo violato");
    }, [1, 1])).rejects.toThrow("vincolo violato");
    expect(attempts).toBe(1);
  });
});
