// Carries built matcher tables from the background to each frame in a message: typed arrays as base64 strings, since
// Chrome's extension messaging serializes as JSON (a typed array would arrive as an object of numbered keys).
import type { MatcherTables } from './matcher';

type TypedKey = {
  [K in keyof MatcherTables]: MatcherTables[K] extends ArrayBufferView ? K : never;
}[keyof MatcherTables];

/** Tables as a message can carry them. */
export type EncodedTables = {
  readonly format: 1;
} & { readonly [K in TypedKey]: string } & Omit<MatcherTables, TypedKey>;

const TYPED: { readonly [K in TypedKey]: new (buffer: ArrayBuffer) => MatcherTables[K] } = {
  units: Uint16Array,
  dense: Int32Array,
  fail: Int32Array,
  outLink: Int32Array,
  outHead: Int32Array,
  outNext: Int32Array,
  firstChild: Int32Array,
  childCount: Int32Array,
  edgeClass: Uint16Array,
  depth: Uint16Array,
  patLen: Int32Array,
  patEntity: Int32Array,
  patWordEnd: Uint8Array,
};

/** Base64 helpers of ES2026 where the engine has them (both browsers do), binary strings otherwise (Node 20). */
type Base64Uint8Array = { toBase64?(): string };
type Base64Ctor = { fromBase64?(text: string): Uint8Array };

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Uint8Array).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const native = (Uint8Array as unknown as Base64Ctor).fromBase64;
  const bytes = native ? native(text) : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  // A fresh, aligned buffer of exactly these bytes, for the wider views.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}

export function encodeTables(tables: MatcherTables): EncodedTables {
  const typed = Object.fromEntries(
    (Object.keys(TYPED) as TypedKey[]).map((key) => {
      const view = tables[key];
      return [key, toBase64(new Uint8Array(view.buffer, view.byteOffset, view.byteLength))];
    }),
  ) as { [K in TypedKey]: string };
  return {
    format: 1,
    ...typed,
    alphaSize: tables.alphaSize,
    denseCount: tables.denseCount,
    patExact: tables.patExact,
    stats: tables.stats,
  };
}

export function decodeTables(encoded: EncodedTables): MatcherTables {
  if (encoded.format !== 1)
    throw new Error(`unknown matcher tables format ${String(encoded.format)}`);
  const typed = Object.fromEntries(
    (Object.keys(TYPED) as TypedKey[]).map((key) => [
      key,
      new (TYPED[key] as new (buffer: ArrayBuffer) => ArrayBufferView)(fromBase64(encoded[key])),
    ]),
  ) as unknown as { [K in TypedKey]: MatcherTables[K] };
  return {
    ...typed,
    alphaSize: encoded.alphaSize,
    denseCount: encoded.denseCount,
    patExact: encoded.patExact,
    stats: encoded.stats,
  };
}
