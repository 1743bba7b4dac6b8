import { useState } from "preact/hooks";
import { ErrorBox, html, inputValue, useAction } from "../ui.js";

/** The employer turns a sent list down, with the reason (through the link or signed in): the same form. */
export function DeclineList({ decline, onDone }: { decline: (reason: string) => Promise<unknown>; onDone: () => void }) {
  const [reason, setReason] = useState("");
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => decline(reason))) onDone();
  };
  return html`<section aria-labelledby="rifiuta">
    <h2 id="rifiuta">Rifiutare la rosa</h2>
    <p>Se nessuna persona va bene, dite al centro per l'impiego perché: la rosa si chiude e l'offerta torna in preselezione.</p>
    <form onSubmit=${submit}>
      <div class="field"><label for="decline-reason">Motivo del rifiuto</label>
        <textarea id="decline-reason" required minlength="3" value=${reason} onInput=${(e: Event) => setReason(inputValue(e))}></textarea></div>
      <${ErrorBox} error=${action.error} />
      <button type="submit" class="danger" disabled=${action.busy}>Rifiuta la rosa</button>
    </form>
  </section>`;
}
