import { orderStream, privacyStream } from '../../domain/streams.ts';

/** The streams holding events about a data subject: their privacy stream and their orders. */
export function subjectStreams(customerId: string, orderIds: readonly string[]): string[] {
  return [privacyStream(customerId), ...orderIds.map(orderStream)];
}
