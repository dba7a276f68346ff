// The v1 error codes and descriptions (skyflow-node@1.14.3's contract: code,
// description, `%s1` = index). Entries marked "bridge" are new: they replace a
// legacy TypeError or a wrong text; docs/v1-differences.md lists them.
import type { ErrorBody } from '../types.js';

const e = (code: number, description: string): ErrorBody => ({ code, description });
const init = 'Interface: init - Invalid client credentials.';
const UNREADABLE =
  'Invalid input: it could not be read or sent (a getter or proxy that throws, a cycle, a BigInt). Specify plain values.';

export const ERROR = {
  VAULTID_IS_REQUIRED: e(400, `${init} vaultID is required.`),
  EMPTY_VAULTID_IN_INIT: e(400, `${init} vaultID cannot be empty.`),
  VAULTURL_IS_REQUIRED: e(400, `${init} vaultURL is required.`),
  EMPTY_VAULTURL_IN_INIT: e(400, `${init} vaultURL cannot be empty.`),
  INVALID_VAULTURL_IN_INIT: e(400, `${init} Expecting https://XYZ for vaultURL`),
  GET_BEARER_TOKEN_IS_REQUIRED: e(400, `${init} getBearerToken is required.`),
  /** bridge: 1.14.3 failed later with a TypeError. */
  GET_BEARER_TOKEN_NOT_A_FUNCTION: e(400, `${init} getBearerToken must be a function.`),
  INVALID_BEARER_TOKEN: e(400, 'Bearer token is invalid or expired.'),
  RECORDS_KEY_NOT_FOUND: e(404, 'records object key value not found.'),
  EMPTY_RECORDS: e(400, 'records object is empty.'),
  MISSING_RECORDS: e(400, 'Missing records property.'),
  /** bridge: 1.14.3 failed with a TypeError when records was not an array. */
  INVALID_RECORDS: e(400, 'Invalid records type, records should be an array of objects.'),
  EMPTY_RECORD_IDS: e(400, 'Record ids cannot be Empty.'),
  EMPTY_RECORD_COLUMN_VALUES: e(400, 'Record column values cannot be empty.'),
  INVALID_RECORD_ID_TYPE: e(400, 'Invalid Type of Records Id.'),
  INVALID_RECORD_COLUMN_VALUE_TYPE: e(400, 'Invalid Type of Records Column Values.'),
  INVALID_COLUMN_VALUES_OPTION_TYPE: e(400, 'Invalid Column Values type, should be an Array.'),
  EMPTY_TABLE_AND_FIELDS: e(400, 'table or fields parameter cannot be passed as empty at index %s1 in records array.'),
  EMPTY_TABLE: e(400, "Table can't be passed as empty at index %s1 in records array."),
  MISSING_TABLE: e(400, 'Missing Table Property.'),
  EMPTY_COLUMN_NAME: e(400, 'Column name is empty.'),
  EMPTY_COLUMN_VALUE: e(400, 'Column Value is empty.'),
  INVALID_RECORD_TABLE_VALUE: e(400, 'Invalid Record Table value.'),
  INVALID_RECORD_COLUMN_VALUE: e(400, 'Invalid Record Column value.'),
  MISSING_RECORD_COLUMN_VALUE: e(400, 'Column Values can not be empty when Column Name is specified.'),
  MISSING_RECORD_COLUMN_NAME: e(400, 'Column Name can not be empty when Column Values are specified.'),
  MISSING_ID_AND_COLUMN_NAME: e(400, 'Provide either ids or column name to get records'),
  INVALID_TOKEN_ID: e(400, 'Token provided is invalid.'),
  MISSING_TOKEN: e(400, 'Missing token property.'),
  INVALID_REDACTION_TYPE: e(400, 'Redaction type value isn’t one of: “PLAIN_TEXT”, “REDACTED” ,“DEFAULT” or “MASKED”.'),
  MISSING_REDACTION: e(400, 'Missing Redaction property.'),
  MISSING_IDS: e(400, 'Missing ids property.'),
  MISSING_CONNECTION_URL: e(400, 'connection URL Key is Missing.'),
  INVALID_CONNECTION_URL_TYPE: e(400, 'Invalid connection URL type.'),
  INVALID_CONNECTION_URL: e(400, 'Invalid connection URL.'),
  MISSING_METHODNAME_KEY: e(400, 'methodName Key is Missing.'),
  INVALID_METHODNAME_VALUE: e(400, 'Invalid methodName value.'),
  /** bridge: 1.14.3 failed with a TypeError when the argument was not an object. */
  INVALID_CONNECTION_CONFIG: e(400, 'Invalid connection config, an object with connectionURL and methodName is required.'),
  INVALID_UPSERT_OPTION_TYPE: e(400, 'Interface: insert method - Invalid upsert option, should be an array.'),
  EMPTY_UPSERT_OPTIONS_ARRAY: e(
    400,
    'Interface: insert method - upsert option cannot be an empty array, atleast one object of table and column is required.',
  ),
  INVALID_UPSERT_OPTION_OBJECT_TYPE: e(
    400,
    'Interface: insert method - Invalid upsert object at index %s1, an object of table and column is required.',
  ),
  MISSING_TABLE_IN_UPSERT_OPTION: e(400, 'Interface: insert method - "table" key is required in upsert options object at index %s1.'),
  MISSING_COLUMN_IN_UPSERT_OPTION: e(400, 'Interface: insert method - "column" key is required in upsert option at index %s1.'),
  INVALID_TABLE_IN_UPSERT_OPTION: e(
    400,
    'Interface: insert method - Invalid table in upsert object at index %s1, table of type non empty string is required.',
  ),
  INVALID_COLUMN_IN_UPSERT_OPTION: e(
    400,
    'Interface: insert method - Invalid column in upsert object at index %s1, column of type non empty string is required.',
  ),
  INVALID_TOKENS_IN_INSERT: e(400, 'Interface: insert method - Invalid tokens in options. tokens of type boolean is required.'),
  /** bridge: 1.14.3 reported this with the text of INVALID_TOKENS_IN_INSERT. */
  INVALID_CONTINUE_ON_ERROR_IN_INSERT: e(
    400,
    'Interface: insert method - Invalid continueOnError in options. continueOnError of type boolean is required.',
  ),
  INVALID_TOKENS_IN_UPDATE: e(400, 'Interface: update method - Invalid tokens in options. tokens of type boolean is required.'),
  MISSING_TABLE_IN_IN_UPDATE: e(400, 'Interface: update method - table key is required in records object at index %s1'),
  MISSING_FIELDS_IN_IN_UPDATE: e(400, 'Interface: update method - fields key is required in records object at index %s1'),
  MISSING_ID_IN_UPDATE: e(400, 'Interface: update method - id key is required in records object at index %s1'),
  INVALID_ID_IN_UPDATE: e(
    400,
    'Interface: update method - Invalid id in records object at index %s1, id of type non empty string is required.',
  ),
  INVALID_TABLE_IN_UPDATE: e(
    400,
    'Interface: update method - Invalid table in records object at index %s1, table of type non empty string is required.',
  ),
  INVALID_FIELDS_IN_UPDATE: e(
    400,
    'Interface: update method - Invalid fields in records object at index %s1, object with fields to be updated are required.',
  ),
  INVALID_UPDATE_INPUT: e(400, 'Interface: update method - Invalid argument , object with records key is required.'),
  INVALID_RECORDS_UPDATE_INPUT: e(400, 'Interface: update method - Invalid records type, records should be an array of objects.'),
  INVALID_GET_BY_ID_INPUT: e(400, 'Interface: getById method - columnName or columnValues cannot be passed, use get method instead.'),
  INVALID_TOKENS_IN_GET: e(400, 'Interface: get method - Invalid tokens in options. tokens of type boolean is required.'),
  TOKENS_GET_COLUMN_NOT_SUPPORTED: e(400, 'Interface: get method - column_name or column_values cannot be used with tokens in options.'),
  REDACTION_WITH_TOKENS_NOT_SUPPORTED: e(400, 'Interface: get method - redaction cannot be used when tokens are true in options.'),
  INVALID_ENCODE_URI_IN_GET: e(400, 'Interface: get method - Invalid encodeURI type in get.'),
  MISSING_ID_IN_DELETE: e(400, 'Interface: delete method - id key is required in records object at index %s1'),
  INVALID_ID_IN_DELETE: e(
    400,
    'Interface: delete method - Invalid id in records object at index %s1, id of type non empty string is required.',
  ),
  MISSING_TABLE_IN_DELETE: e(400, 'Interface: delete method - table key is required in records object at index %s1'),
  INVALID_TABLE_IN_DELETE: e(
    400,
    'Interface: delete method - Invalid table in records object at index %s1, table of type non empty string is required.',
  ),
  INVALID_DELETE_INPUT: e(400, 'Interface: delete method - Invalid argument , object with records key is required.'),
  INVLAID_DELETE_RECORDS_INPUT: e(400, 'Interface: delete method - Invalid records type, records should be an array of objects.'),
  DETOKENIZE_INVALID_REDACTION_TYPE: e(400, 'Interface: detokenize method - Invalid redaction type, use Skyflow.RedactionType enum.'),
  /** bridge: 1.14.3 failed with whatever a throwing getter, a proxy, a cycle or a BigInt threw (often a TypeError). */
  UNREADABLE_INPUT: e(400, UNREADABLE),
} as const satisfies Record<string, ErrorBody>;

/** Descriptions of the service-account helpers' errors (code 400). */
export const SERVICE_ACCOUNT_ERROR = {
  ClientIDNotFound: 'clientID not found',
  TokenURINotFound: 'tokenURI not found',
  KeyIDNotFound: 'keyID not found',
  PrivateKeyNotFound: 'privateKey not found',
  NotAValidJSON: 'not a valid JSON object',
  FileNotFound: 'file not found',
  EmptyFile: 'Empty file found',
  CredentialsContentEmpty: 'Empty string passed for credentials',
  ExpectedStringParameter: 'Parameter type passed is invalid, expected string',
  ScopedRolesEmpty: 'Empty array passed for roleIDs',
  ExpectedRoleIDParameter: 'RoleID type passed is invalid, expected string[]',
  DataTokensNotFound: 'dataTokens not found',
  DataTokensEmpty: 'Empty array passed for data tokens',
  ExpectedDataTokensParameter: 'Data tokens type passed is invalid, expected string[]',
  ExpectedTimeToLiveParameter: 'Time to live type passed is invalid, expected number',
  /** bridge: 1.14.3 signed with whatever privateKey held and failed with a library error. */
  InvalidPrivateKey: 'privateKey is not a valid PEM RSA private key',
  /** bridge: as UNREADABLE_INPUT above. */
  UnreadableInput: UNREADABLE,
} as const;

/** The description of an API error that came without a readable message. */
export const ERROR_OCCURRED = 'Error occurred.';
