import { useState } from 'react';

/**
 * Keyset pages: the API answers a `nextCursor`, never an offset, so going back means remembering the
 * cursors that led here. `reset` starts over (when the filters change).
 */
export function useKeysetPages() {
  const [trail, setTrail] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: trail[trail.length - 1],
    page: trail.length,
    next: (cursor: string) => setTrail((before) => [...before, cursor]),
    previous: () => setTrail((before) => (before.length > 1 ? before.slice(0, -1) : before)),
    reset: () => setTrail([undefined]),
  };
}

export function Pager({
  label,
  pages,
  nextCursor,
}: {
  label: string;
  pages: ReturnType<typeof useKeysetPages>;
  nextCursor: string | null | undefined;
}) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={pages.page === 1} onClick={pages.previous}>
        Previous page
      </button>
      <span>Page {pages.page}</span>
      <button type="button" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        Next page
      </button>
    </nav>
  );
}
