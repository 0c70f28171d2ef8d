/**
 * An immutable map from strings to values, held as plain JSON data (objects, arrays, null) so that
 * a state holding one stays JSON: it is stored, compared and shown as it is.
 *
 * Why not a record copied on every change: a hot stock stream holds thousands of open reservations,
 * and copying them all for each new one made every order cost O(open reservations). This is a hash
 * trie instead: an update copies one path of small nodes (at most `WIDTH` children each, at most
 * `BUCKET` entries in a leaf) and shares everything else with the version before, which stays valid
 * and unchanged. Get, set and remove cost O(log₃₂ n).
 *
 * The shape is a function of the keys alone (a node is a leaf exactly when its subtree holds at most
 * `BUCKET` entries, or at the last level), so equal key sets give equal tries whatever the history;
 * only the order of entries within a leaf may differ. Iteration order is unspecified.
 *
 * Use it through the functions here (`get`, `set`, `remove`, `entries`, …), never by hand.
 */
export type PersistentMap<V> = {
  readonly size: number;
  readonly root: TrieNode<V>;
};

/** A leaf holds its entries as `[key, value]` pairs, unordered. */
type Leaf<V> = { readonly entries: readonly (readonly [string, V])[] };
/** A branch picks its child by the next 5 bits of the key's hash; `size` counts the entries below. */
type Branch<V> = { readonly size: number; readonly children: readonly (TrieNode<V> | null)[] };
type TrieNode<V> = Leaf<V> | Branch<V>;

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;
/** Entries a leaf holds before it splits: small enough to copy and scan in a few hundred ns. */
const BUCKET = 16;
/** Six levels use 30 of the hash's 32 bits; deeper, keys that share those bits stay in one leaf. */
const LAST_SHIFT = 25;

export function empty<V>(): PersistentMap<V> {
  return { size: 0, root: { entries: [] } };
}

export function size(map: PersistentMap<unknown>): number {
  return map.size;
}

export function has(map: PersistentMap<unknown>, key: string): boolean {
  return find(map, key) !== null;
}

export function get<V>(map: PersistentMap<V>, key: string): V | undefined {
  return find(map, key)?.[1];
}

/** A new map with `key` set to `value`; `map` itself is unchanged. */
export function set<V>(map: PersistentMap<V>, key: string, value: V): PersistentMap<V> {
  const { node, added } = setIn(map.root, hash(key), 0, key, value);
  return node === map.root ? map : { size: map.size + (added ? 1 : 0), root: node };
}

/** A new map without `key` (the same map when it has no such key); `map` itself is unchanged. */
export function remove<V>(map: PersistentMap<V>, key: string): PersistentMap<V> {
  const node = removeIn(map.root, hash(key), 0, key);
  if (node === map.root) return map;
  return { size: map.size - 1, root: node ?? { entries: [] } };
}

/** Every `[key, value]` pair, in no particular order. */
export function entries<V>(map: PersistentMap<V>): [string, V][] {
  const out: [string, V][] = [];
  collect(map.root, out);
  return out;
}

export function fromEntries<V>(pairs: Iterable<readonly [string, V]>): PersistentMap<V> {
  let map = empty<V>();
  for (const [key, value] of pairs) map = set(map, key, value);
  return map;
}

/** Whether `value` has this map's shape (for data from before a state held one). */
export function isPersistentMap(value: unknown): value is PersistentMap<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { size, root } = value as { size?: unknown; root?: unknown };
  return typeof size === 'number' && typeof root === 'object' && root !== null;
}

const isLeaf = <V>(node: TrieNode<V>): node is Leaf<V> => 'entries' in node;

function find<V>(map: PersistentMap<V>, key: string): readonly [string, V] | null {
  const h = hash(key);
  let node: TrieNode<V> | null = map.root;
  for (let shift = 0; node !== null && !isLeaf(node); shift += BITS)
    node = node.children[(h >>> shift) & MASK]!;
  if (node === null) return null;
  for (const entry of node.entries) if (entry[0] === key) return entry;
  return null;
}

function setIn<V>(
  node: TrieNode<V>,
  h: number,
  shift: number,
  key: string,
  value: V,
): { node: TrieNode<V>; added: boolean } {
  if (isLeaf(node)) {
    const at = node.entries.findIndex((entry) => entry[0] === key);
    if (at >= 0) {
      if (node.entries[at]![1] === value) return { node, added: false };
      const copy = node.entries.slice();
      copy[at] = [key, value];
      return { node: { entries: copy }, added: false };
    }
    return { node: nodeOf([...node.entries, [key, value]], shift), added: true };
  }
  const slot = (h >>> shift) & MASK;
  const child = node.children[slot]!;
  const next =
    child === null
      ? { node: { entries: [[key, value]] } as Leaf<V>, added: true }
      : setIn(child, h, shift + BITS, key, value);
  if (next.node === child) return { node, added: false };
  const children = node.children.slice();
  children[slot] = next.node;
  return { node: { size: node.size + (next.added ? 1 : 0), children }, added: next.added };
}

/** The node without `key`: the same node when it has no such key, null when nothing is left. */
function removeIn<V>(node: TrieNode<V>, h: number, shift: number, key: string): TrieNode<V> | null {
  if (isLeaf(node)) {
    const at = node.entries.findIndex((entry) => entry[0] === key);
    if (at < 0) return node;
    if (node.entries.length === 1) return null;
    return { entries: node.entries.filter((_, i) => i !== at) };
  }
  const slot = (h >>> shift) & MASK;
  const child = node.children[slot]!;
  if (child === null) return node;
  const next = removeIn(child, h, shift + BITS, key);
  if (next === child) return node;
  // Small enough again for one leaf: collapse, so the shape depends on the keys only.
  if (node.size - 1 <= BUCKET) {
    const pairs: [string, V][] = [];
    for (const [i, other] of node.children.entries()) {
      const kept = i === slot ? next : other;
      if (kept !== null) collect(kept, pairs);
    }
    return { entries: pairs };
  }
  const children = node.children.slice();
  children[slot] = next;
  return { size: node.size - 1, children };
}

/** A leaf for these pairs if they fit (or no hash bits are left), else a branch splitting them. */
function nodeOf<V>(pairs: (readonly [string, V])[], shift: number): TrieNode<V> {
  if (pairs.length <= BUCKET || shift > LAST_SHIFT) return { entries: pairs };
  const groups: (readonly [string, V])[][] = Array.from({ length: WIDTH }, () => []);
  for (const pair of pairs) groups[(hash(pair[0]) >>> shift) & MASK]!.push(pair);
  return {
    size: pairs.length,
    children: groups.map((group) => (group.length === 0 ? null : nodeOf(group, shift + BITS))),
  };
}

function collect<V>(node: TrieNode<V>, out: [string, V][]): void {
  if (isLeaf(node)) {
    for (const [key, value] of node.entries) out.push([key, value]);
    return;
  }
  for (const child of node.children) if (child !== null) collect(child, out);
}

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser so that similar keys (uuids) spread. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
