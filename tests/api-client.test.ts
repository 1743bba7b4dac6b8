import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVetrinaClient, type paths, type VetrinaClient } from "../src/api-client/create-client.js";
import { registeredRoutes } from "../src/api/route-contract.js";
import { useTestApp } from "./helpers/test-app.js";
import { vacancyBody } from "./helpers/sample-bodies.js";

type VacancyCreateBody = NonNullable<paths["/api/v1/vacancies"]["post"]["requestBody"]>["content"]["application/json"];

interface DocumentedOperation {
  responses: Record<string, { description: string }>;
}

const h = useTestApp();
let server: Server;
let baseUrl: string;
let admin: VetrinaClient;
let referent: VetrinaClient;
let operations: Record<string, Record<string, DocumentedOperation>>;

beforeAll(async () => {
  server = h.t.app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = createVetrinaClient({ baseUrl, token: h.p.admin });
  referent = createVetrinaClient({ baseUrl, token: h.p.referent });
  operations = ((await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as { paths: typeof operations }).paths;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the typed client", () => {
  it("publishes, reads, searches and changes a vacancy with typed bodies and answers", async () => {
    const body = vacancyBody({ requestedProfile: "Magazziniere carrellista" }) as VacancyCreateBody;
    const published = await referent.POST("/api/v1/vacancies", { body });
    expect(published.response.status).toBe(201);
    const id: string = published.data!.id;
    expect(published.data!.status).toBe("open");

    const read = await referent.GET("/api/v1/vacancies/{id}", { params: { path: { id } } });
    const positions: number = read.data!.positions;
    expect(positions).toBe(2);

    const found = await referent.GET("/api/v1/vacancies", { params: { query: { q: "carrellista" } } });
    const total: number = found.data!.total;
    expect(total).toBeGreaterThanOrEqual(1);
    expect(found.data!.items.map((v) => v.id)).toContain(id);

    const changed = await referent.POST("/api/v1/vacancies/{id}/status", { params: { path: { id } }, body: { to: "in_preselection" } });
    expect(changed.data!.status).toBe("in_preselection");

    const refused = await referent.POST("/api/v1/vacancies/{id}/status", { params: { path: { id } }, body: { to: "in_preselection" } });
    expect(refused.response.status).toBe(409);
    // The error's code is typed with the codes the route declares.
    const code: "INVALID_TRANSITION" | undefined = refused.error?.code === "INVALID_TRANSITION" ? refused.error.code : undefined;
    expect(code).toBe("INVALID_TRANSITION");
  });

  it("reads who the caller is and the health of the service", async () => {
    const me = await admin.GET("/api/v1/users/me");
    expect(me.data!.role).toBe("admin");
    const health = await createVetrinaClient({ baseUrl }).GET("/health");
    expect(health.data!.status).toBe("ok");
  });

  it("calls every registered route and gets one of the statuses its operation documents", async () => {
    const unknown = "inesistente";
    const seen: string[] = [];
    for (const { contract: c } of registeredRoutes) {
      const path = `/api/v1${c.path.replace(/:(\w+)/g, "{$1}")}`;
      const documented = operations[path]?.[c.method];
      expect(documented, `${c.method} ${path} is not in the document`).toBeDefined();
      const pathParams = Object.fromEntries([...c.path.matchAll(/:(\w+)/g)].map((m) => [m[1], unknown]));
      // Called generically, so that a route added tomorrow is called too.
      type Call = (url: string, init: object) => Promise<{ response: Response; error?: { code: string } }>;
      const call = (admin as unknown as Record<string, Call>)[c.method.toUpperCase()]!;
      const init = {
        params: { path: pathParams },
        ...(c.method === "get" || c.method === "delete" ? {} : { body: {} }),
        ...(c.produces ? { parseAs: "arrayBuffer" } : {}),
      };
      const { response, error } = c.upload
        ? { response: await fetch(`${baseUrl}${path}`, { method: "POST", headers: { authorization: `Bearer ${h.p.admin}` } }), error: undefined }
        : await call(path, init);
      const status = String(response.status);
      expect(Object.keys(documented!.responses), `${c.method} ${path} answered ${status}`).toContain(status);
      if (error) expect(documented!.responses[status]!.description, `${c.method} ${path}`).toContain(error.code);
      seen.push(`${c.method} ${path}`);
    }
    expect(seen.length).toBe(registeredRoutes.length);
  });
});
