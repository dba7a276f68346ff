// A connection request's body, encoded by its content type: JSON (the
// default), form-urlencoded (nested objects as `a[b]=c`, as `qs` writes
// them), multipart (the same names), or text.

export interface EncodedBody {
  payload: string | FormData;
  /** The content-type header to send; undefined lets multipart set its boundary. */
  contentType: string | undefined;
}

/** `contentType` is the caller's header, if any. */
export async function encodeBody(body: unknown, contentType: string | undefined): Promise<EncodedBody> {
  const type = (contentType ?? 'application/json').toLowerCase();
  if (typeof body === 'string') return { payload: body, contentType: contentType ?? 'text/plain' };
  if (type.includes('application/x-www-form-urlencoded')) return { payload: await formUrlEncoded(body), contentType: type };
  if (type.includes('multipart/form-data')) return { payload: formData(body), contentType: undefined };
  return { payload: JSON.stringify(body), contentType: contentType ?? 'application/json' };
}

function formData(body: unknown): FormData {
  const form = new FormData();
  const append = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (value instanceof Blob) form.append(name, value);
    else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) append(name === '' ? key : `${name}[${key}]`, inner);
    } else form.append(name, String(value));
  };
  append('', body);
  return form;
}

/** `a[b]=c` form encoding by qs, loaded on first use: most clients never send a form. */
export async function formUrlEncoded(body: unknown): Promise<string> {
  const { stringify } = await import('qs');
  return stringify(body);
}
