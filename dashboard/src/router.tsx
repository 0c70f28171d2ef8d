import { createBrowserRouter } from 'react-router';
import { Layout } from './components/layout.tsx';
import { AuditPage } from './pages/audit.tsx';
import { CatalogPage } from './pages/catalog.tsx';
import { ProductPage } from './pages/product.tsx';
import { InventoryPage } from './pages/inventory.tsx';
import { OrderPage } from './pages/order.tsx';
import { OrdersPage } from './pages/orders.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { ReportsPage } from './pages/reports.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { SystemPage } from './pages/system.tsx';

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
        { path: 'reports', element: <ReportsPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: 'system', element: <SystemPage /> },
      ],
    },
  ],
  { basename: '/dashboard' },
);
