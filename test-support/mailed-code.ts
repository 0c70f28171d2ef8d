import type { SqlExecutor } from '../infra/sql/sql-client.ts';

/** The code (six digits) or token in the last mail of `template` to `to`, as a user would read it. */
export async function mailedCode(sql: SqlExecutor, to: string, template: string): Promise<string> {
  const [row] = await sql.query<{ text_body: string }>(
    `select text_body from qm_mail_deliveries where recipient = $1 and template = $2
     order by created_at desc, id desc limit 1`,
    [to, template],
  );
  if (!row) throw new Error(`no ${template} mail to ${to}`);
  const match =
    template === 'staff-invitation' ? /: (\S+)\s*$/.exec(row.text_body) : /\b(\d{6})\b/.exec(row.text_body);
  if (!match?.[1]) throw new Error(`no code in the ${template} mail to ${to}`);
  return match[1];
}
