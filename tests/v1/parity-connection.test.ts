// Parity of invokeConnection, through the local vault's gateway stand-in
// (`/v1/gateway/echo/...` answers what it received, `/v1/gateway/status/<code>`
// answers that status): skyflow-node@1.14.3 and skyflow-bridge/v1.
import { RequestMethod, echoUrl, parity, statusUrl, type Scenario } from './parity-harness.js';

/** The echo with its multipart boundary (random, and its shape differs per library) replaced. */
function withoutBoundary(echo: { contentType: string; body: string }): unknown {
  const boundary = /boundary=([^;\s]+)/.exec(echo.contentType)?.[1];
  if (boundary === undefined) return echo;
  return { ...echo, contentType: echo.contentType.replaceAll(boundary, '<boundary>'), body: echo.body.replaceAll(boundary, '<boundary>') };
}

const scenarios: Scenario[] = [
  {
    name: 'POST with a JSON body and a path param',
    run: (client) =>
      client.invokeConnection({
        connectionURL: echoUrl('{card_id}/items'),
        methodName: RequestMethod.POST,
        pathParams: { card_id: 'card-1' },
        requestBody: { card_number: '4111-1111-1111-1111', nested: { list: [1, 2], flag: true } },
      }),
  },
  {
    name: 'GET with a path param and query params',
    run: (client) =>
      client.invokeConnection({
        connectionURL: echoUrl('{id}/items'),
        methodName: RequestMethod.GET,
        pathParams: { id: 'abc' },
        queryParams: { page: 2, size: '10', flag: true },
      }),
  },
  {
    name: 'GET with no body, no params',
    run: (client) => client.invokeConnection({ connectionURL: echoUrl('plain'), methodName: RequestMethod.GET }),
  },
  {
    name: 'query param values are sent as given (not encoded)',
    run: (client) =>
      client.invokeConnection({
        connectionURL: echoUrl('search'),
        methodName: RequestMethod.GET,
        queryParams: { q: 'a+b', email: 'x@y.test', list: '1,2' },
      }),
  },
  {
    name: 'query params appended to a URL that has none, with empty queryParams {}',
    run: (client) => client.invokeConnection({ connectionURL: echoUrl('q'), methodName: RequestMethod.GET, queryParams: {} }),
  },
  {
    name: 'a path param that is not in the URL',
    run: (client) =>
      client.invokeConnection({ connectionURL: echoUrl('fixed'), methodName: RequestMethod.GET, pathParams: { id: 'abc' } }),
  },
  {
    name: 'PUT with a JSON body',
    run: (client) =>
      client.invokeConnection({ connectionURL: echoUrl('put'), methodName: RequestMethod.PUT, requestBody: { a: 1 } }),
  },
  {
    name: 'PATCH with a JSON body',
    run: (client) =>
      client.invokeConnection({ connectionURL: echoUrl('patch'), methodName: RequestMethod.PATCH, requestBody: { a: null } }),
  },
  {
    name: 'DELETE without a body',
    run: (client) => client.invokeConnection({ connectionURL: echoUrl('delete/1'), methodName: RequestMethod.DELETE }),
  },
  {
    name: 'POST without a body',
    run: (client) => client.invokeConnection({ connectionURL: echoUrl('empty'), methodName: RequestMethod.POST }),
  },
  {
    name: 'an array body (JSON of a copy of it as an object)',
    run: (client) =>
      client.invokeConnection({ connectionURL: echoUrl('array'), methodName: RequestMethod.POST, requestBody: ['a', 'b'] }),
  },
  {
    name: 'a form-urlencoded body (requestHeader content-type)',
    run: (client) =>
      client.invokeConnection({
        connectionURL: echoUrl('form'),
        methodName: RequestMethod.POST,
        requestHeader: { 'content-type': 'application/x-www-form-urlencoded' },
        requestBody: { name: 'Ada Lovelace', amount: 10, nested: { a: 'b' }, list: ['x', 'y'] },
      }),
  },
  {
    name: 'a form-urlencoded body, header name in mixed case',
    run: (client) =>
      client.invokeConnection({
        connectionURL: echoUrl('form'),
        methodName: RequestMethod.POST,
        requestHeader: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        requestBody: { q: 'a b&c' },
      }),
  },
  {
    name: 'a text/plain content type still gets a JSON body',
    run: (client) =>
      client.invokeConnection({
        connectionURL: echoUrl('text'),
        methodName: RequestMethod.POST,
        requestHeader: { 'content-type': 'text/plain' },
        requestBody: { a: 'b' },
      }),
  },
  {
    name: 'a multipart/form-data body',
    run: async (client) =>
      withoutBoundary(
        await client.invokeConnection({
          connectionURL: echoUrl('multipart'),
          methodName: RequestMethod.POST,
          requestHeader: { 'content-type': 'multipart/form-data' },
          requestBody: { name: 'Ada', nested: { a: 'b' } },
        }),
      ),
  },
  {
    name: 'works without vaultID and vaultURL (the init config is not checked)',
    config: ({ getBearerToken, options }) => ({ getBearerToken, options }),
    run: (client) =>
      client.invokeConnection({ connectionURL: echoUrl('no-vault'), methodName: RequestMethod.POST, requestBody: { a: 1 } }),
  },
  {
    name: 'a failing call: status 500',
    run: (client) => client.invokeConnection({ connectionURL: statusUrl(500), methodName: RequestMethod.POST, requestBody: { a: 1 } }),
  },
  {
    name: 'a failing call: status 404',
    run: (client) => client.invokeConnection({ connectionURL: statusUrl(404), methodName: RequestMethod.GET }),
  },
  {
    name: 'a failing call: status 400',
    run: (client) => client.invokeConnection({ connectionURL: statusUrl(400), methodName: RequestMethod.PUT, requestBody: {} }),
  },
  {
    name: 'a failing call: unknown gateway route',
    run: (client) => client.invokeConnection({ connectionURL: `${statusUrl(404)}/nothing/here`, methodName: RequestMethod.GET }),
  },
];

parity('invokeConnection parity: skyflow-node@1.14.3 vs skyflow-bridge/v1', scenarios);
