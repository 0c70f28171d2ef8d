import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/layout.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { SignInPage } from './pages/sign-in.tsx';

/**
 * The overview (the landing page) and sign-in are in the entry script; every other page is a chunk
 * of its own, loaded when it is first opened (`Layout` holds the Suspense around them). The entry
 * script is what the browser must fetch, parse and run before the overview's requests start, so it
 * carries only what the overview needs.
 */
const page = <Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) =>
  lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));

const InventoryPage = page(() => import('./pages/inventory.tsx'), 'InventoryPage');
const OrdersPage = page(() => import('./pages/orders.tsx'), 'OrdersPage');
const OrderPage = page(() => import('./pages/order.tsx'), 'OrderPage');
const CatalogPage = page(() => import('./pages/catalog.tsx'), 'CatalogPage');
const ProductPage = page(() => import('./pages/product.tsx'), 'ProductPage');
const ReportsPage = page(() => import('./pages/reports.tsx'), 'ReportsPage');
const CartsPage = page(() => import('./pages/carts.tsx'), 'CartsPage');
const AuditPage = page(() => import('./pages/audit.tsx'), 'AuditPage');
const SystemPage = page(() => import('./pages/system.tsx'), 'SystemPage');

export const router = createBrowserRouter(
  [
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <OverviewPage /> },
        { path: 'inventory', element: <InventoryPage /> },
        { path: 'orders', element: <OrdersPage /> },
        { path: 'orders/:orderId', element: <OrderPage /> },
        { path: 'catalog', element: <CatalogPage /> },
        { path: 'catalog/:productId', element: <ProductPage /> },
        { path: 'carts', element: <CartsPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: 'system', element: <SystemPage /> },
      ],
    },
  ],
  { basename: '/dashboard' },
);
