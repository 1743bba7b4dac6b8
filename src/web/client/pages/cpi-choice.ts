import { answer, vetrina } from "../api.js";
import { navigate, useLocation } from "../router.js";
import type { Me } from "../session.js";
import { html, inputValue, useLoad } from "../ui.js";

/** The CPI a per-CPI page shows (from its address, else the user's first one) and the select that changes it. */
export function useCpiChoice(me: Me, page: string, id: string) {
  const { search } = useLocation();
  const cpis = useLoad(() => answer(vetrina().GET("/api/v1/cpis")), []);
  const mine = cpis.data?.filter((c) => me.role === "admin" || me.cpiCodes.includes(c.code)) ?? [];
  const cpi = search.get("cpi") ?? me.cpiCodes[0] ?? mine[0]?.code;
  const select = html`<div class="field small">
    <label for=${id}>Centro per l'impiego</label>
    <select id=${id} value=${cpi} onChange=${(e: Event) => navigate(`${page}?cpi=${encodeURIComponent(inputValue(e))}`)}>
      ${mine.map((c) => html`<option value=${c.code}>${c.name}</option>`)}
    </select>
  </div>`;
  return { cpi, select };
}
