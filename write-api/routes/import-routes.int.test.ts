import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productInput } from '../../test-support/product-input.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

type Status = {
  state: string;
  total: number;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; field: string; code: string }[];
};
type Problem = { status: number; code: string; errors?: { path: string }[] };

const header = 'productId,sku,name,brand,category,priceAmount,priceCurrency,allowBackorder';
const file = [
  header,
  'imp-1,IMP-1,Claw hammer,Acme,tools,1299,EUR,false', // row 2: new
  'imp-2,IMP-2,"Spanner, adjustable",Acme,tools,950,EUR,true', // row 3: name, backorder and price change
  'imp-3,IMP-3,Chisel,Acme,tools,700,EUR,', // row 4: new
  'imp-4,IMP-4,Saw,Acme,tools,12.50,EUR,false', // row 5: not minor units
  'imp-5,IMP-1,Mallet,Acme,tools,800,EUR,false', // row 6: the SKU of imp-1
  'imp-6,SKU-imp-6,Product imp-6,Acme,tools,1299,EUR,false', // row 7: equal to the product
].join('\n');

/**
 * `POST /imports/products` end to end on each backend: the rows run through the catalog commands,
 * the counts and row errors say what each did, the same file again appends nothing, and a file
 * that is not a product CSV is a 400 naming what is wrong, with nothing appended.
 */
describe.each(['pglite', 'postgres'] as const)('product import over HTTP on %s', (backend) => {
  let h: WriteApiHarness;
  const appended = async () => {
    const [row] = await h.sql.query<{ count: number }>('select count(*)::int as count from qm_events');
    return row!.count;
  };
  const upload = (body: string | Uint8Array, as = () => token) =>
    h.app.request('/imports/products', {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        'idempotency-key': crypto.randomUUID(),
        authorization: `Bearer ${as()}`,
      },
      body,
    });
  let token = '';
  const finished = async (response: Response): Promise<Status> => {
    expect(response.status, await response.clone().text()).toBe(202);
    const { status } = (await response.json()) as { status: string };
    return waitUntil('the import to finish', async () => {
      const answer = await h.app.request(status, { headers: { authorization: `Bearer ${token}` } });
      const body = (await answer.json()) as Status;
      return body.state === 'finished' ? body : undefined;
    });
  };

  beforeAll(async () => {
    h = await writeApiHarness(backend);
    token = await h.token('admin', 'admin-1');
    const admin = h.context({ id: 'admin-1', role: 'admin' });
    await h.handlers.createProduct(productInput('imp-2', { sku: 'IMP-2', name: 'Spanner' }), admin);
    await h.handlers.createProduct(productInput('imp-6'), admin);
  });
  afterAll(() => h.dispose());

  it('creates new products, updates changed ones, leaves equal ones, and names each bad row', async () => {
    const status = await finished(await upload(file));
    expect(status).toMatchObject({ total: 6, done: 6, created: 2, updated: 1, unchanged: 1, failed: 2 });
    expect(status.errors).toEqual([
      expect.objectContaining({ row: 5, field: 'priceAmount', code: 'validation_failed' }),
      expect.objectContaining({ row: 6, field: 'sku', code: 'sku_already_used' }),
    ]);
    const spanner = await h.store.readStream('product-imp-2');
    expect(spanner.slice(1).map((event) => event.type)).toEqual(['ProductUpdated', 'PriceChanged']);
    expect(spanner[1]!.metadata.actor).toEqual({ id: 'admin-1', role: 'admin' });
    expect((await h.store.readStream('product-imp-3'))[0]?.data).toMatchObject({
      name: 'Chisel',
      allowBackorder: false,
      price: { amount: 700, currency: 'EUR' },
    });
  });

  it('appends nothing when the same file runs again', async () => {
    const before = await appended();
    const status = await finished(await upload(file));
    expect(status).toMatchObject({ created: 0, updated: 0, unchanged: 4, failed: 2 });
    expect(await appended()).toBe(before);
  });

  it('refuses a price change to an importer without prices:write, and imports the other rows', async () => {
    await h.handlers.defineRole(
      { name: 'catalog-only', description: '', permissions: ['catalog:write'] },
      h.context({ id: 'admin-1', role: 'admin' }),
    );
    const clerk = await h.token('staff', 'clerk-1', ['catalog-only']);
    const status = await finished(
      await upload(
        [
          header,
          'imp-1,IMP-1,Claw hammer,Acme,tools,1399,EUR,false',
          'imp-7,IMP-7,Rasp,Acme,tools,450,EUR,false',
        ].join('\n'),
        () => clerk,
      ),
    );
    expect(status).toMatchObject({ created: 1, updated: 0, failed: 1 });
    expect(status.errors).toEqual([expect.objectContaining({ row: 2, field: 'priceAmount' })]);
  });

  it.each([
    [
      'a missing column',
      'productId,sku,name,brand,category,priceAmount\nx,X,X,X,X,1',
      'header.priceCurrency',
    ],
    ['an unknown column', `${header},colour\nx,X,X,X,X,1,EUR,false,red`, 'header.colour'],
    ['unbalanced quotes', `${header}\nx,"X,X,X,X,1,EUR,false`, 'body'],
    ['rows wider than the header', `${header}\nx,X,X,X,X,1,EUR,false,extra`, 'body'],
    ['no header at all', '', 'body'],
  ])('refuses a file with %s as a 400 naming it, appending nothing', async (_what, body, path) => {
    const before = await appended();
    const response = await upload(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.map((error) => error.path)).toContain(path);
    expect(await appended()).toBe(before);
  });

  it('refuses a file that is not UTF-8 text, appending nothing', async () => {
    const before = await appended();
    const response = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]));
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]?.path).toBe('body');
    expect(await appended()).toBe(before);
  });

  it('answers 404 problem+json for an import it does not know', async () => {
    const response = await h.app.request('/imports/no-such-import', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as Problem).code).toBe('import_not_found');
  });
});
