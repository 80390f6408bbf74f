import { useQuery } from '@tanstack/react-query';
import type { ProductLot } from '@mimamori/core/treatment/product-lot';
import { api } from '../../../shared/api/client.ts';

// Types mirror the server's answers (`packages/server/src/services/programs/product-lot-service.ts`); `import type` only.
export interface LotView {
  readonly lot: ProductLot;
  readonly certificate: { readonly fileName: string | null; readonly mediaType: string | null; readonly size: number | null; readonly sha256: string } | null;
  readonly releaseProblems: readonly string[];
  readonly createdAt: string;
}

export function useLots(programId: string, enabled = true) {
  return useQuery({ queryKey: ['program-lots', programId], queryFn: ({ signal }) => api<{ items: LotView[] }>(`/api/programs/${encodeURIComponent(programId)}/lots`, { signal }), enabled });
}


/** A file as base64 (without the data-URL prefix) for a JSON upload. */
export function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** A dose for people: 3.2e8 → "3.2×10⁸", 12.5 → "12.5". */
export function formatDose(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Math.abs(v) < 1e5) return String(Number(v.toPrecision(4)));
  const exp = Math.floor(Math.log10(Math.abs(v)));
  const sup = String(exp).replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]!);
  return `${Number((v / 10 ** exp).toPrecision(4))}×10${sup}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Now as a `datetime-local` value on the browser's clock. */
export function nowLocal(offsetMinutes = 0): string {
  const d = new Date(Date.now() + offsetMinutes * 60_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
/** `<input type="datetime-local">` has no zone: the browser's offset is added so the server never guesses. */
export const withOffset = (local: string): string => (local ? new Date(local).toISOString() : '');
