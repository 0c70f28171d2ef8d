/**
 * A read started before anyone awaits it (to overlap it with a wait), marked as handled: it may be
 * awaited later or never (the command refused before needing it), and its failure is then the
 * awaiting code's to report, not an unhandled rejection that ends the process.
 */
export function startedEarly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
