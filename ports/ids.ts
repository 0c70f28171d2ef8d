/** Where new ids come from (UUIDv7 in production), so domain code and tests stay deterministic. */
export interface IdGenerator {
  newId(): string;
}
