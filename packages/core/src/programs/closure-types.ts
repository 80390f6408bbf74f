/**
 * When the program's study ended (dates the clinic records once they are known):
 * `endedOn` — the study's end (the last participant's last visit); `endReportedOn` — the day the
 * end (総括報告書 / 終了報告) was reported; `finalPublicationOn` — the day the final publication of
 * the results was reported. Retention counts from them (`retentionOf`).
 */
export type ProgramClosure = { readonly endedOn?: string; readonly endReportedOn?: string; readonly finalPublicationOn?: string };
