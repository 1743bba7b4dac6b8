import { beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { buildWeb } from "../../scripts/build-web.js";
import { useTestApp } from "../helpers/test-app.js";

/** What the service answers for the web interface itself, without a browser. */
describe("the web pages' shell and assets", () => {
  const h = useTestApp();
  beforeAll(() => buildWeb());

  it.each(["/", "/vetrina", "/offerte/abc/rosa", "/link/some-token"])("%s answers the Italian page shell, never cached", async (path) => {
    const res = await request(h.t.app).get(path);
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/html");
    expect(res.text).toContain('<html lang="it">');
    expect(res.text).toContain('<script type="module" src="/assets/app.js"></script>');
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("keeps scripts to the service's own files and, over plain HTTP, does not send the browser to HTTPS for them", async () => {
    const csp = (await request(h.t.app).get("/vetrina")).headers["content-security-policy"] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("serves the bundle and the stylesheet, and leaves other paths to the 404", async () => {
    const js = await request(h.t.app).get("/assets/app.js");
    expect(js.status).toBe(200);
    expect(js.type).toBe("text/javascript");
    expect((await request(h.t.app).get("/assets/app.css")).type).toBe("text/css");
    const unknown = await request(h.t.app).get("/pagina-che-non-esiste");
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND");
    expect((await request(h.t.app).get("/assets/nulla.js")).status).toBe(404);
  });
});
