import PDFDocument from 'pdfkit';

export interface PdfTable {
  title: string;
  /** Lines under the title: the period, the definition. */
  subtitle: readonly string[];
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/**
 * A report as a PDF: a title, what it covers, and its rows as a table (pdfkit's own `table`, which
 * breaks pages and repeats nothing by hand). Helvetica, a standard PDF font, so no font file ships.
 * The creation date is left out, so the same figures give the same bytes.
 */
export async function pdfTable(table: PdfTable): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: table.title, Producer: 'Quartermaster', Creator: 'Quartermaster' },
  });
  doc.info.CreationDate = new Date(0);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(table.title);
  doc.font('Helvetica').fontSize(9).fillColor('#444444');
  for (const line of table.subtitle) doc.text(line);
  doc.moveDown().fillColor('#000000').fontSize(9);
  if (table.rows.length === 0) {
    doc.text('No rows: nothing was sold in this period with these filters.');
  } else {
    doc.table({
      rowStyles: (index) => (index === 0 ? { font: 'Helvetica-Bold', backgroundColor: '#eeeeee' } : {}),
      data: [table.columns.map(String), ...table.rows.map((row) => row.map(String))],
    });
  }
  doc.end();
  return done;
}
