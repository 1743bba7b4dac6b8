import { useState } from "preact/hooks";
import { answer, vetrina } from "../api.js";
import { navigate } from "../router.js";
import { signIn, type Me } from "../session.js";
import { ErrorBox, html, inputValue, PageTitle, useAction } from "../ui.js";

/** Sign in with the user's API token: checked against /users/me, then kept for this tab only. */
export function SignInPage() {
  const [token, setToken] = useState("");
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = token.trim();
    let me: Me | undefined;
    const ok = await action.run(async () => {
      me = await answer(vetrina(value).GET("/api/v1/users/me"));
    });
    if (!ok || !me) return;
    signIn(value, me);
    const after = new URLSearchParams(location.search).get("dopo");
    navigate(after && after.startsWith("/") && !after.startsWith("//") ? after : me.role === "navigator" ? "/attenzione" : "/vetrina");
  };
  return html`<section class="narrow">
    <${PageTitle} text="Accedi" />
    <p>Incolla il token personale che ti ha dato l'amministrazione regionale. Resta solo in questa scheda del browser e si cancella quando la chiudi o premi «Esci».</p>
    <form onSubmit=${submit}>
      <div class="field">
        <label for="token">Token personale</label>
        <input id="token" name="token" type="password" autocomplete="off" required value=${token} onInput=${(e: Event) => setToken(inputValue(e))} aria-describedby="token-hint" />
        <p class="hint" id="token-hint">Inizia con «vtr_».</p>
      </div>
      <${ErrorBox} error=${action.error} />
      <button type="submit" disabled=${action.busy}>Accedi</button>
    </form>
  </section>`;
}
