/** What an outbox message is about: one kind per template. */
export const EMAIL_KINDS = ["segnalazione_nuova", "segnalazione_decisa", "rosa_inviata", "scadenza", "verifica_esito", "riepilogo"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  segnalazione_nuova: "Nuova segnalazione (al referente dell'offerta)",
  segnalazione_decisa: "Decisione su una segnalazione (al tutor)",
  rosa_inviata: "Rosa inviata (al contatto dell'azienda)",
  scadenza: "Scadenza della rosa o della selezione (al referente dell'offerta)",
  verifica_esito: "Verifica dell'esito con l'azienda (al referente dell'offerta)",
  riepilogo: "Riepilogo giornaliero del notiziario (a tutor e navigator)",
};
