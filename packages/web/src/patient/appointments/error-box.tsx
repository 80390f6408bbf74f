/** @jsxImportSource preact */
/** A message that is announced at once. */
export function ErrorBox({ message }: { readonly message: string | null }) {
  if (!message) return null;
  return (
    <p class="appt-error" role="alert">
      {message}
    </p>
  );
}
