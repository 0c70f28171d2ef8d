import { Suspense } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router';
import type { Permission } from '../../../domain/access/permissions.ts';
import { logout } from '../api/auth.ts';
import { useSession } from '../api/use-session.ts';
import { LiveProvider, useLive } from '../live/live-context.tsx';
import { formatMoney, Loading } from './status.tsx';

/** The pages and what each needs; a role sees only those it may open (the API still checks every call). */
export const pages: { to: string; label: string; needs: Permission }[] = [
  { to: '/', label: 'Overview', needs: 'analytics:read' },
  { to: '/inventory', label: 'Inventory', needs: 'stock:read' },
  { to: '/orders', label: 'Orders', needs: 'orders:act-for-others' },
  { to: '/catalog', label: 'Catalog', needs: 'stock:read' },
  { to: '/carts', label: 'Carts', needs: 'analytics:read' },
  { to: '/reports', label: 'Reports', needs: 'analytics:read' },
  { to: '/audit', label: 'Audit trail', needs: 'audit:read' },
  { to: '/system', label: 'System', needs: 'operations:manage' },
];

export function Layout() {
  const { session, claims, can } = useSession();
  if (!session || !claims) return <Navigate to="/sign-in" replace />;
  return (
    <LiveProvider enabled>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header>
        <strong>Quartermaster</strong>
        <nav aria-label="Pages">
          <ul>
            {pages
              .filter((page) => can.has(page.needs))
              .map((page) => (
                <li key={page.to}>
                  <NavLink to={page.to} end={page.to === '/'}>
                    {page.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <LiveBadge />
        <span className="who">
          {claims.sub} ({(claims.roles ?? [claims.role]).join(', ')})
        </span>
        <button type="button" onClick={() => void logout(session)}>
          Sign out
        </button>
      </header>
      <div className="body">
        <main id="main" tabIndex={-1}>
          {/* Pages other than the overview load as chunks of their own (router.tsx). */}
          <Suspense fallback={<Loading what="the page" />}>
            <Outlet />
          </Suspense>
        </main>
        <LiveFeed />
      </div>
    </LiveProvider>
  );
}

function LiveBadge() {
  const { state } = useLive();
  return (
    <span className={`live live-${state}`} role="status" data-live={state}>
      {state === 'open' ? 'Live' : state === 'reconnecting' ? 'Reconnecting…' : 'Offline'}
    </span>
  );
}

function LiveFeed() {
  const { feed } = useLive();
  return (
    <aside aria-label="Live updates">
      <h2>Live</h2>
      {feed.length === 0 ? <p className="empty">No updates since you opened the page.</p> : null}
      <ul aria-live="polite" data-testid="live-feed">
        {feed.map((event, index) => (
          <li key={index}>
            {event.kind === 'order-placed' ? (
              <NavLink to={`/orders/${event.data.orderId}`}>
                New order {event.data.orderId}:{' '}
                {formatMoney(event.data.total.amount, event.data.total.currency)}
              </NavLink>
            ) : event.kind === 'low-stock' ? (
              <span>
                Low stock: {event.data.sku} at {event.data.location} ({event.data.available} left)
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
