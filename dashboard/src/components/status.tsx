import { ApiProblem } from '../api/problem.ts';

/** A failed query or command in plain words (the API's problem details), announced to screen readers. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const text =
    error instanceof ApiProblem
      ? error.plainWords
      : error instanceof Error
        ? error.message
        : 'Something failed.';
  return (
    <p role="alert" className="problem">
      {text}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Loading {what}…
    </p>
  );
}

/** Money in minor units, as the APIs carry it. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 100);
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString();
}
