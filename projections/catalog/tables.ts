/**
 * The catalog read model's tables (schema `rm_catalog_g<generation>`): what the storefront lists,
 * searches and shows. Written only by `catalogProjection`; read by the read API.
 */
import type { Generated } from 'kysely';
import type { Int8, Json, Timestamp } from '../column-types.ts';

export type ProductStatus = 'active' | 'discontinued';

/** One row per product: current details, price, Omnibus reference price, stock totals, search columns. */
export interface ProductsTable {
  product_id: string;
  /**
   * Unique among products without `sku_conflict`: stock events name SKUs, and this is how they find
   * their product. The write side claims each SKU for one product (see `skuClaimDecider`).
   */
  sku: string;
  /**
   * The SKU was already another product's when this one was created, which only a store written
   * before SKUs were claimed can hold. Kept out of listings and search until staff resolve it; its
   * stock is the SKU's, the same as the first product's.
   */
  sku_conflict: boolean;
  name: string;
  description: string;
  brand: string;
  category: string;
  /** Flat `{ name: value }` strings; filter with `attributes @> '{"color":"red"}'`. */
  attributes: Json<Record<string, string>>;
  allow_backorder: boolean;
  status: ProductStatus;
  discontinued_reason: string | null;
  /** Current price in minor units of `currency`. */
  price_amount: Int8;
  currency: string;
  /** When the current price took effect. */
  price_since: Timestamp;
  /**
   * EU Omnibus reference: the lowest price applied during the 30 days before the current price took
   * effect (null when there was none, e.g. the launch price). Show a discount only against this.
   */
  lowest_price_30d: Int8 | null;
  /** Totals over every location (see `availability` for the split). */
  on_hand: number;
  reserved: number;
  available: number;
  backordered: number;
  in_stock: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Revision of the product stream last applied (the ETag the write API compares). */
  revision: number;
  /** Generated: name (A), brand and category (B), description (C), with the 'simple' configuration. */
  search_document: Generated<string>;
  /** Generated: lower(name || ' ' || brand), trigram-indexed for typo-tolerant search. */
  search_text: Generated<string>;
}

/** One row per price a product ever had: its launch price (`kind = 'created'`) and every change. */
export interface PriceHistoryTable {
  product_id: string;
  /** Revision of the product stream that set this price. */
  revision: number;
  kind: 'created' | 'changed';
  old_amount: Int8 | null;
  new_amount: Int8;
  currency: string;
  reason: string | null;
  actor_id: string;
  actor_role: string;
  changed_at: Timestamp;
  event_id: string;
}

/** Stock of one SKU at one location, as far as the catalog needs it (the inventory model has more). */
export interface AvailabilityTable {
  sku: string;
  location: string;
  on_hand: number;
  reserved: number;
  available: number;
  backordered: number;
  updated_at: Timestamp;
}

/** Location names, so availability reads "Berlin warehouse" instead of an id. */
export interface LocationsTable {
  location_id: string;
  name: string;
}

export interface CatalogDatabase {
  products: ProductsTable;
  price_history: PriceHistoryTable;
  availability: AvailabilityTable;
  locations: LocationsTable;
}
