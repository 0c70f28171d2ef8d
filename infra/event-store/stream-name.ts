/**
 * Stream names are `<category>-<id>`: `product-p1`, `stock-SKU-1@berlin`, `order-0192...`.
 * The category (before the first `-`) is what global-log filters match on. `$` is reserved for
 * EventStoreDB system streams, and whitespace, slashes and quotes would break subjects and URLs downstream.
 */
const STREAM_NAME = /^[a-z][a-zA-Z0-9]{0,63}-[A-Za-z0-9._~:@+=-]{1,190}$/;

export function isValidStreamName(stream: string): boolean {
  return STREAM_NAME.test(stream);
}

export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}
