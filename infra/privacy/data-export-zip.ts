import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

export interface DataExport {
  subject: string;
  generatedAt: string;
  /** File name (without `.json`) to what it holds: `events`, `read-models/orders`, ... */
  files: Record<string, unknown[]>;
}

/**
 * The data export as a ZIP (fflate): one JSON file per source and `manifest.json` naming each
 * file with its row count and SHA-256, so the receiver can tell the archive is whole.
 */
export function dataExportZip(exported: DataExport): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const files: { path: string; rows: number; sha256: string }[] = [];
  for (const [name, rows] of Object.entries(exported.files)) {
    const path = `${name}.json`;
    const bytes = strToU8(JSON.stringify(rows, plainJson, 2));
    entries[path] = bytes;
    files.push({ path, rows: rows.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const manifest = {
    format: 'quartermaster-data-export/1',
    subject: exported.subject,
    generatedAt: exported.generatedAt,
    note: 'Personal fields of an erased subject read as "[erased]"; amounts, SKUs and dates stay for accounting.',
    files,
  };
  entries['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(entries, { level: 6 });
}

/** bigint as text, bytes as base64: what JSON cannot hold as it is. */
function plainJson(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}
