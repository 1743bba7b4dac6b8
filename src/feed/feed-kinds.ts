/**
 * What a feed item is about, each with its Italian label. The first kinds are written when something
 * happens (events, the rematch job); the last two are states of the navigator's CPIs, refreshed daily
 * (src/feed/refresh-navigator-items.ts).
 */
export const FEED_KINDS = [
  "abbinamento_nuovo",
  "abbinamento_migliorato",
  "segnalazione_nuova",
  "segnalazione_decisa",
  "scadenza",
  "verifica_esito",
  "senza_offerta_coerente",
  "offerta_da_preselezionare",
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const FEED_KIND_LABELS: Record<FeedKind, string> = {
  abbinamento_nuovo: "Nuovo abbinamento",
  abbinamento_migliorato: "Abbinamento migliorato",
  segnalazione_nuova: "Segnalazione da esaminare",
  segnalazione_decisa: "Decisione su una segnalazione",
  scadenza: "Scadenza della rosa o della selezione",
  verifica_esito: "Esito da verificare con l'azienda",
  senza_offerta_coerente: "Persona RdC/ADI/SFL senza offerta coerente",
  offerta_da_preselezionare: "Offerta in attesa di preselezione",
};

/** The kinds that describe a state rather than an event: removed from the feed when the state ends. */
export const STATE_KINDS = ["senza_offerta_coerente", "offerta_da_preselezionare"] as const satisfies readonly FeedKind[];

export const isFeedKind = (kind: string): kind is FeedKind => (FEED_KINDS as readonly string[]).includes(kind);
