/** What every template gives: a subject, a plain-text body and an HTML body saying the same. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Escapes text for HTML element content and attribute values: event data is user input. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Formats integer minor units in their currency (`1299 EUR` → `€12.99`), with the currency's own decimals. */
export function formatMoney(money: { amount: number; currency: string }): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/**
 * Builds the mail from paragraphs of plain text (escaped into HTML) so the text and HTML bodies can
 * never say different things. `rows` become a two-column table in HTML and aligned lines in text.
 */
export function mail(
  subject: string,
  parts: { greeting?: string; paragraphs: string[]; rows?: [string, string][]; footer?: string },
): RenderedMail {
  const rows = parts.rows ?? [];
  const textParts = [
    ...(parts.greeting ? [parts.greeting] : []),
    ...parts.paragraphs,
    ...(rows.length > 0 ? [rows.map(([k, v]) => `${k}: ${v}`).join('\n')] : []),
    ...(parts.footer ? [`-- \n${parts.footer}`] : []),
  ];
  const htmlRows =
    rows.length > 0
      ? `<table>${rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`
      : '';
  const html = [
    '<!doctype html><html><body>',
    ...(parts.greeting ? [`<p>${escapeHtml(parts.greeting)}</p>`] : []),
    ...parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    htmlRows,
    ...(parts.footer ? [`<p><small>${escapeHtml(parts.footer)}</small></p>`] : []),
    '</body></html>',
  ].join('');
  return { subject, text: `${textParts.join('\n\n')}\n`, html };
}
