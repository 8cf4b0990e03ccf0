import fc from 'fast-check';

/** Strings people and attackers send: odd Unicode, lone surrogates, control characters, huge ones. */
export const oddString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'a\udfffb', '\u202e', '<script>alert(1)</script>', '💥'.repeat(300), 'x'.repeat(20_001), '{"$ne":null}', '__proto__'),
);

/** Any JSON value, including the wrong types for every field. */
export const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddString, fc.constant(null));

/** A request body that is not valid JSON at all. */
export const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"subject":', '[1,2', 'nul', '{"a":1}}', "{'subject':'x'}", '\u0000', ''),
  fc.string({ maxLength: 40 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }),
);

/** A valid body with one field replaced by junk, removed, or an unknown field added. */
export function mutated(valid: Record<string, unknown>) {
  const fields = Object.keys(valid);
  return fc.oneof(
    fc.record({ field: fc.constantFrom(...fields), value: anyJson }).map(({ field, value }) => ({ ...valid, [field]: value })),
    fc.constantFrom(...fields).map((field) => { const copy = { ...valid }; delete copy[field]; return copy; }),
    fc.record({ field: fc.string({ minLength: 1, maxLength: 12 }), value: anyJson }).map(({ field, value }) => ({ ...valid, [field]: value })),
    anyJson,
  );
}
