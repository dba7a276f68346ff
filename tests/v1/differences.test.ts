// The intended differences between skyflow-bridge/v1 and skyflow-node@1.14.3
// (docs/v1-differences.md): legacy bugs no application can depend on. Each
// test pins the facade's behaviour and, where practical, what 1.14.3 does
// instead, so that a change on either side is noticed.
import { Skyflow as LegacySkyflow } from 'skyflow-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { Skyflow as BridgeSkyflow } from '../../src/v1/index.js';
import {
  BRIDGE,
  CONSTRUCTOR,
  LEGACY,
  MESSAGE,
  NAME,
  RequestMethod,
  bothOutcomes,
  echoUrl,
  outcomeOf,
  quietSdks,
  vault,
  vaultToken,
  type Scenario,
  type V1Client,
} from './parity-harness.js';

const GOOD_RECORDS = { records: [{ table: 'cards', fields: { cvv: '123' } }] };
const TYPE_ERROR = { [CONSTRUCTOR]: 'TypeError', [NAME]: 'TypeError' };

/** A v1 SkyflowError as the harness describes it (plural form unless `singular`). */
function v1Error(code: number, description: string, singular = false) {
  return {
    [CONSTRUCTOR]: 'SkyflowError',
    [NAME]: 'Error',
    [MESSAGE]: description,
    ...(singular ? { error: { code, description } } : { errors: [{ code, description }] }),
  };
}

function config(overrides: Record<string, unknown> = {}) {
  return {
    vaultID: vault.vaultId,
    vaultURL: vault.url,
    getBearerToken: vaultToken,
    options: { deprecationWarnings: 'silent' as const },
    ...overrides,
  };
}

beforeAll(quietSdks);

describe('documented differences', () => {
  it('1. insert with a non-boolean continueOnError names continueOnError (1.14.3 used the text of the tokens error)', async () => {
    const scenario: Scenario = { name: 'continueOnError: "yes"', run: (client) => client.insert(GOOD_RECORDS, { continueOnError: 'yes' }) };
    const { legacy, bridge } = await bothOutcomes(scenario);
    expect(bridge).toStrictEqual({
      rejected: v1Error(
        400,
        'Interface: insert method - Invalid continueOnError in options. continueOnError of type boolean is required.',
        true,
      ),
    });
    expect(legacy).toMatchObject({
      rejected: { error: { code: 400, description: 'Interface: insert method - Invalid tokens in options. tokens of type boolean is required.' } },
    });
  });

  it('2. invokeConnection fills every path param (1.14.3 filled only the last one)', async () => {
    const scenario: Scenario = {
      name: 'two path params',
      run: (client) =>
        client.invokeConnection({
          connectionURL: echoUrl('{first}/items/{second}'),
          methodName: RequestMethod.GET,
          pathParams: { first: 'one', second: 'two' },
        }),
    };
    const { legacy, bridge } = await bothOutcomes(scenario);
    expect(bridge).toMatchObject({ resolved: { method: 'GET', path: '/echo/one/items/two' } });
    const legacyPath = (legacy as { resolved: { path: string } }).resolved.path;
    expect(legacyPath).toMatch(/\/items\/two$/);
    expect(legacyPath).not.toContain('one');
  });

  it("3a. invokeConnection leaves the caller's config unchanged (1.14.3 wrote the filled URL into connectionURL)", async () => {
    const connection = () => ({
      connectionURL: echoUrl('{id}/items'),
      methodName: RequestMethod.GET,
      pathParams: { id: 'abc' },
      queryParams: { page: '1' },
    });
    const bridgeConfig = connection();
    await BridgeSkyflow.init(config()).invokeConnection(bridgeConfig);
    expect(bridgeConfig).toStrictEqual(connection());

    const legacyConfig = connection();
    await LegacySkyflow.init(config()).invokeConnection(legacyConfig);
    expect(legacyConfig.connectionURL).toBe(echoUrl('abc/items?page=1'));
  });

  it("3b. Skyflow.init leaves the caller's vaultURL unchanged (1.14.3 removed the trailing slash in the caller's object)", async () => {
    const bridgeConfig = config({ vaultURL: `${vault.url}/` });
    const client = BridgeSkyflow.init(bridgeConfig);
    expect(bridgeConfig.vaultURL).toBe(`${vault.url}/`);
    // The client itself uses the URL without the slash, as 1.14.3 did.
    await expect(client.insert({ records: [{ table: 'persons', fields: { name: 'x' } }] }, { tokens: false })).resolves.toMatchObject({
      records: [{ table: 'persons', request_index: 0 }],
    });

    const legacyConfig = config({ vaultURL: `${vault.url}/` });
    LegacySkyflow.init(legacyConfig);
    expect(legacyConfig.vaultURL).toBe(vault.url);
  });

  it('4. a vault that cannot be reached rejects with a singular SkyflowError (1.14.3: a TypeError)', async () => {
    const scenario: Scenario = {
      name: 'closed port',
      config: (base) => ({ ...base, vaultURL: 'https://127.0.0.1:1' }),
      run: (client) => client.insert(GOOD_RECORDS),
    };
    const { legacy, bridge } = await bothOutcomes(scenario);
    expect(bridge).toStrictEqual({
      rejected: v1Error(500, 'Network error: the request to the vault failed (ECONNREFUSED).', true),
    });
    expect(legacy).toStrictEqual({ rejected: { ...TYPE_ERROR, [MESSAGE]: "Cannot read properties of undefined (reading 'data')" } });
  });

  it('5. a getBearerToken that is not a function rejects with a singular SkyflowError (1.14.3: a TypeError)', async () => {
    const scenario: Scenario = {
      name: 'getBearerToken is a string',
      config: (base) => ({ ...base, getBearerToken: 'a-token' }),
      run: (client) => client.insert(GOOD_RECORDS),
    };
    const { legacy, bridge } = await bothOutcomes(scenario);
    expect(bridge).toStrictEqual({
      rejected: v1Error(400, 'Interface: init - Invalid client credentials. getBearerToken must be a function.', true),
    });
    expect(legacy).toMatchObject({ rejected: TYPE_ERROR });
  });

  describe('6. inputs that made 1.14.3 throw a TypeError reject with a v1 SkyflowError', () => {
    const RECORDS_TYPE = 'Invalid records type, records should be an array of objects.';
    const cases: Array<[string, (client: V1Client) => Promise<unknown>, ReturnType<typeof v1Error>]> = [
      ['insert(undefined)', (client) => client.insert(undefined), v1Error(404, 'records object key value not found.', true)],
      ['insert("abc")', (client) => client.insert('abc'), v1Error(404, 'records object key value not found.', true)],
      ["insert({ records: 'abc' })", (client) => client.insert({ records: 'abc' }), v1Error(400, RECORDS_TYPE, true)],
      [
        'insert({ records: [null] })',
        (client) => client.insert({ records: [null] }),
        v1Error(400, 'table or fields parameter cannot be passed as empty at index 0 in records array.', true),
      ],
      ['detokenize(undefined)', (client) => client.detokenize(undefined), v1Error(400, 'Missing records property.')],
      ["detokenize({ records: 'abc' })", (client) => client.detokenize({ records: 'abc' }), v1Error(400, RECORDS_TYPE)],
      ['detokenize({ records: [null] })', (client) => client.detokenize({ records: [null] }), v1Error(400, 'records object is empty.')],
      ['getById(undefined)', (client) => client.getById(undefined), v1Error(400, 'Missing records property.')],
      [
        "getById({ records: [{ ids: 'abc', … }] })",
        (client) => client.getById({ records: [{ ids: 'abc', table: 'cards', redaction: 'PLAIN_TEXT' }] }),
        v1Error(400, 'Invalid Type of Records Id.'),
      ],
      ['get(undefined)', (client) => client.get(undefined), v1Error(400, 'Missing records property.')],
      ['get({ records: [null] })', (client) => client.get({ records: [null] }), v1Error(400, 'records object is empty.')],
      ["get({ records: 'abc' })", (client) => client.get({ records: 'abc' }), v1Error(400, RECORDS_TYPE)],
      [
        'update({ records: [null] })',
        (client) => client.update({ records: [null] }),
        v1Error(400, 'records object is empty.'),
      ],
      [
        'delete({ records: [null] })',
        (client) => client.delete({ records: [null] }),
        v1Error(400, 'records object is empty.'),
      ],
      [
        'invokeConnection(undefined)',
        (client) => client.invokeConnection(undefined),
        v1Error(400, 'Invalid connection config, an object with connectionURL and methodName is required.'),
      ],
    ];
    for (const [name, run, expected] of cases) {
      it(name, async () => {
        const { legacy, bridge } = await bothOutcomes({ name, run });
        expect(bridge).toStrictEqual({ rejected: expected });
        expect(legacy).toMatchObject({ rejected: TYPE_ERROR });
      });
    }
  });

  it.each([
    ['{}', {}],
    ['null', null],
  ])('8. update with fields %s is refused before sending, with the v2 check (1.14.3 sent it; the vault refused it)', async (_label, fields) => {
    const scenario: Scenario = {
      name: 'update without fields',
      run: async (client, run) => {
        const { id } = await run.seedCard();
        return client.update({ records: [{ id, table: 'cards', fields: fields as Record<string, unknown> }] });
      },
    };
    const { legacy, bridge } = await bothOutcomes(scenario);
    expect(bridge).toStrictEqual({
      rejected: {
        errors: [
          {
            id: '<seed-1>',
            error: {
              code: 400,
              description: 'Validation error. Invalid data in update request. Specify at least one field besides skyflowId.',
            },
          },
        ],
      },
    });
    expect(legacy).toStrictEqual({
      rejected: {
        errors: [
          { id: '<seed-1>', error: { code: 400, description: 'A record needs at least one field. - requestId: <request-id>' } },
        ],
      },
    });
  });

  it('7. a getBearerToken that returns the token synchronously is accepted (1.14.3: a TypeError)', async () => {
    const token = await vaultToken();
    const scenario: Scenario = {
      name: 'synchronous token',
      getBearerToken: () => () => token,
      run: (client, run) => client.insert({ records: [{ table: 'cards', fields: run.card() }] }, { tokens: false }),
    };
    const bridge = await outcomeOf(BRIDGE, scenario);
    expect(bridge).toStrictEqual({ resolved: { records: [{ table: 'cards', skyflow_id: '<id-1>', request_index: 0 }] } });
    const legacy = await outcomeOf(LEGACY, scenario);
    expect(legacy).toMatchObject({ rejected: TYPE_ERROR });
  });
});
