declare const brand: unique symbol;

/** A nominal type: `Brand<number, "LineItemId">` is a number that a plain number cannot stand in for. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/** Index of a line item in a model's line item table. */
export type LineItemId = Brand<number, "LineItemId">;

/** Index of a period (financial year) within a model's period range, 0 for the first. */
export type PeriodIndex = Brand<number, "PeriodIndex">;

/** A monotonically increasing document revision; replies computed for an older one are dropped. */
export type Revision = Brand<number, "Revision">;

/** Casts a number to a `LineItemId`. */
export const lineItemId = (n: number): LineItemId => n as LineItemId;
/** Casts a number to a `PeriodIndex`. */
export const periodIndex = (n: number): PeriodIndex => n as PeriodIndex;
/** Casts a number to a `Revision`. */
export const revision = (n: number): Revision => n as Revision;
