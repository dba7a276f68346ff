// What legitimately differs between two paths is replaced before comparing:
// request ids, and the ids and tokens each path's vault generated. Each
// distinct value gets a numbered placeholder, so that equal values stay equal.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUEST_ID_SUFFIX = / - requestId: \S+$/;
const ID_KEYS = new Set(['skyflow_id', 'id', 'skyflowId']);

/**
 * Normalises a described outcome. With `generatedValues`, every string under
 * a `fields` key is a placeholder too: writes into two different vaults get
 * different tokens for the same data.
 */
export function normalize(value: unknown, generatedValues: boolean): unknown {
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
      if (key !== undefined && ID_KEYS.has(key)) return placeholder('id', text);
      if (UUID.test(text)) return placeholder('uuid', text);
      if (generatedValues && inFields) return placeholder('value', text);
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
