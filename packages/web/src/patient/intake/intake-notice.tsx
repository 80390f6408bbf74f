/** @jsxImportSource preact */

/** A problem with saving or sending, read out when it appears. */
export function IntakeNotice({ notice }: { readonly notice: string | null }) {
  return notice ? (
    <p class="notice" role="alert">
      {notice}
    </p>
  ) : null;
}
