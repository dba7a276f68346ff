// What legitimately differs between two paths is replaced before comparing.
// Request ids always differ. Reads hit the same vault, so ids and tokens must
// be equal and are kept; writes into two vaults (dual writes) generate their
// own ids and tokens, which become numbered placeholders — equal values stay
// equal, so the structure is still compared.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUEST_ID_SUFFIX = / - requestId: \S+$/;
const ID_KEYS = new Set(['skyflow_id', 'id', 'skyflowId']);

/**
 * Normalises a described outcome. With `generated` (writes into two vaults),
 * ids, UUIDs and every string under a `fields` key become placeholders.
 */
export function normalize(value: unknown, generated: boolean): unknown {
  const placeholders = new Map<string, string>();
  const placeholder = (kind: string, text: string) => {
    const key = `${kind}\u0000${text}`;
    let name = placeholders.get(key);
    if (!name) placeholders.set(key, (name = `<${kind}-${placeholders.size + 1}>`));
    return name;
  };
  const walk = (node: unknown, key: string | undefined, inFields: boolean): unknown => {
    if (typeof node === 'string') {
      const text = node.replace(REQUEST_ID_SUFFIX, ' - requestId: <request-id>');
      if (!generated) return text;
      if (key !== undefined && ID_KEYS.has(key)) return placeholder('id', text);
      if (UUID.test(text)) return placeholder('uuid', text);
      if (inFields) return placeholder('value', text);
      return text;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined, inFields));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(
        Object.entries(node).map(([name, inner]) => [name, walk(inner, name, inFields || name === 'fields')]),
      );
    }
    return node;
  };
  return walk(value, undefined, false);
}
