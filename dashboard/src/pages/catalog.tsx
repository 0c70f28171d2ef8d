import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { must, readApi } from '../api/clients.ts';
import { useSession } from '../api/use-session.ts';
import type { paths } from '../api/read-api.generated.ts';
import { DataTable } from '../components/data-table.tsx';
import { Pager, useKeysetPages } from '../components/keyset-pager.tsx';
import { formatMoney, Loading, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';
import { CatalogImport } from './catalog-import.tsx';

type ListQuery = NonNullable<paths['/products']['get']['parameters']['query']>;
type Sort = NonNullable<ListQuery['sort']>;
const SORTS: { value: Sort; label: string }[] = [
  { value: 'newest', label: 'newest first' },
  { value: 'name', label: 'name' },
  { value: 'price', label: 'price, lowest first' },
  { value: '-price', label: 'price, highest first' },
];

/**
 * The catalog: every product (keyset pages, by category and sort, kept in the address), each
 * opening its page with the price history and the edit forms. Reads the public `GET /products`.
 * Who may create products (`catalog:write`) also gets the CSV import.
 */
export function CatalogPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const pages = useKeysetPages();
  const category = params.get('category') ?? '';
  const sort = SORTS.find((s) => s.value === params.get('sort'))?.value ?? 'newest';
  const query: ListQuery = {
    sort,
    limit: 50,
    ...(category ? { category } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  };
  const list = useQuery({
    queryKey: ['catalog', 'list', query],
    queryFn: async ({ signal }) => must(await readApi.GET('/products', { params: { query }, signal })),
  });
  return (
    <>
      <h1>Catalog</h1>
      {can.has('catalog:write') ? <CatalogImport /> : null}
      <form
        className="inline"
        aria-label="Filter products"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of ['category', 'sort']) {
            const value = formText(form, name);
            if (value) next.set(name, value);
          }
          pages.reset();
          setParams(next);
        }}
      >
        <label>
          Category <input name="category" defaultValue={category} />
        </label>
        <label>
          Sort
          <select name="sort" defaultValue={sort}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      <ProblemMessage error={list.error} />
      {list.data ? (
        <>
          <DataTable
            caption="Products"
            rows={list.data.items}
            empty="No products match."
            columns={[
              {
                header: 'Product',
                cell: (product) => (
                  <Link to={`/catalog/${encodeURIComponent(product.productId)}`}>{product.name}</Link>
                ),
              },
              { header: 'SKU', cell: (product) => product.sku },
              { header: 'Category', cell: (product) => product.category },
              { header: 'Brand', cell: (product) => product.brand },
              {
                header: 'Price',
                cell: (product) => formatMoney(product.price.amount, product.price.currency),
                numeric: true,
              },
              {
                header: 'Available',
                cell: (product) => `${product.available}${product.inStock ? '' : ' (out of stock)'}`,
                numeric: true,
              },
            ]}
          />
          <Pager label="Product pages" pages={pages} nextCursor={list.data.nextCursor} />
        </>
      ) : list.error ? null : (
        <Loading what="the products" />
      )}
    </>
  );
}
