// Client-side error messages, keyed as in Skyflow's v2 SDKs. Each says what is
// wrong and how to fix it, and names options, indexes, ids and types — never a
// credential or a value. Built into a SkyflowError by `validationError`.
import { SkyflowError } from './SkyflowError.js';

type Message = (...args: string[]) => string;

const init = (text: string) => `Initialization failed. ${text}`;
const invalid = (text: string) => `Validation error. ${text}`;

export const messages = {
  // client and vault configuration
  CONFIG_MISSING: () => init('Skyflow config cannot be empty. Specify a valid skyflow config object.'),
  INVALID_TYPE_FOR_CONFIG: (what) => init(`Invalid ${what} config. Specify ${what}Configs as an array.`),
  EMPTY_VAULT_CONFIG: () => init('Vault config cannot be empty. Specify a vault config object.'),
  EMPTY_VAULT_ID: () => init('Invalid vault ID. Specify a non-empty vaultId.'),
  INVALID_VAULT_ID: () => init('Invalid vault ID. Specify vaultId as a string.'),
  EMPTY_CLUSTER_ID: (vaultId) => init(`Invalid cluster ID. Specify a clusterId (or a baseUrl) for vault with vaultId ${vaultId}.`),
  INVALID_CLUSTER_ID: (vaultId) =>
    init(`Invalid cluster ID. Specify clusterId as the cluster's id (letters, digits and "-") for vault with vaultId ${vaultId}.`),
  BASE_URL_WITH_CLUSTER_ID: (vaultId) =>
    init(`Both baseUrl and clusterId are given. Specify one of them for vault with vaultId ${vaultId}.`),
  INVALID_ENV: (vaultId) => init(`Invalid env. Specify env as one of Env.PROD, SANDBOX, DEV, STAGE for vault with vaultId ${vaultId}.`),
  INVALID_BASE_URL: (vaultId) =>
    init(`Invalid baseUrl. Specify an https URL (http only for localhost) without query or credentials for vault with vaultId ${vaultId}.`),
  INVALID_CA_CERT: (vaultId) => init(`Invalid caCert. Specify the PEM text of a CA certificate for vault with vaultId ${vaultId}.`),
  UNKNOWN_CONFIG_KEY: (key, what) => init(`Unknown key ${key} in ${what}. Remove it or check its spelling.`),
  INVALID_LOG_LEVEL: () => init('Invalid log level. Specify one of LogLevel.DEBUG, INFO, WARN, ERROR, OFF.'),
  INVALID_LOGGER: () => init('Invalid logger. Specify logger as a function that receives log entries.'),
  INVALID_TRANSPORT_OPTION: (name, expected) => init(`Invalid ${name}. Specify ${name} as ${expected}.`),
  VAULT_ID_EXISTS_IN_CONFIG_LIST: (vaultId) => invalid(`${vaultId} already exists in the config list. Specify a new vaultId.`),
  VAULT_ID_NOT_IN_CONFIG_LIST: (vaultId) => invalid(`${vaultId} is missing from the config. Specify a vaultId from the config.`),
  EMPTY_VAULT_ID_VALIDATION: () => invalid('Invalid vault ID. Specify a non-empty vaultId.'),
  EMPTY_VAULT_CLIENTS: () => invalid('No vault config found. Add a vault config first.'),

  // connections
  EMPTY_CONNECTION_CONFIG: () => init('Connection config cannot be empty. Specify a connection config object.'),
  EMPTY_CONNECTION_ID: () => init('Invalid connection ID. Specify a non-empty connectionId.'),
  INVALID_CONNECTION_ID: () => init('Invalid connection ID. Specify connectionId as a string.'),
  INVALID_CONNECTION_URL: (connectionId) =>
    init(`Invalid connection URL. Specify connectionUrl as an https URL (http only for localhost) for connection with connectionId ${connectionId}.`),
  CONNECTION_ID_EXISTS_IN_CONFIG_LIST: (connectionId) => invalid(`${connectionId} already exists in the config list. Specify a new connectionId.`),
  CONNECTION_ID_NOT_IN_CONFIG_LIST: (connectionId) => invalid(`${connectionId} is missing from the config. Specify a connectionId from the config.`),
  EMPTY_CONNECTION_ID_VALIDATION: () => invalid('Invalid connection ID. Specify a non-empty connectionId.'),
  EMPTY_CONNECTION_CLIENTS: () => invalid('No connection config found. Add a connection config first.'),
  INVALID_METHOD_NAME: () => invalid('Invalid method. Specify method as a RequestMethod (GET, POST, PUT, PATCH, DELETE).'),
  INVALID_PATH_PARAMS: () => invalid('Invalid path params. Specify pathParams as an object of strings.'),
  INVALID_QUERY_PARAMS: () => invalid('Invalid query params. Specify queryParams as an object of strings, numbers, booleans or arrays of them.'),
  INVALID_HEADERS: () => invalid('Invalid headers. Specify headers as an object of strings.'),
  INVALID_BODY: () => invalid('Invalid body. Specify body as an object JSON can hold (no cycles, no BigInt), or as a string with a content-type header.'),

  // credentials
  EMPTY_CREDENTIALS: (where) => invalid(`Invalid credentials. Credentials must not be empty${where}.`),
  CREDENTIALS_WITH_NO_VALID_KEY: (where) =>
    invalid(`Invalid credentials. Credentials must include one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`),
  MULTIPLE_CREDENTIALS_PASSED: (where) =>
    invalid(`Multiple credentials provided. Specify only one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`),
  INVALID_KEY: (where) => init(`Invalid credentials. Specify a valid API key (it starts with "sky-")${where}.`),
  INVALID_BEARER_TOKEN: (where) => init(`Invalid credentials. Bearer token is invalid or expired. Specify a valid token${where}.`),
  INVALID_BEARER_TOKEN_SOURCE: (where) =>
    init(`Invalid credentials. Specify bearerTokenSource as a function that returns a bearer token or API key${where}.`),
  INVALID_CREDENTIALS_FILE_PATH: (where) => init(`Invalid credentials. Expected path to name an existing file${where}.`),
  INVALID_PARSED_CREDENTIALS_STRING: (where) =>
    init(`Invalid credentials. Specify credentialsString as service-account JSON with clientID, keyID, tokenURI and privateKey${where}.`),
  INVALID_ROLES_KEY_TYPE: (where) => invalid(`Invalid roles. Specify roles as an array of strings${where}.`),
  INVALID_CONTEXT: (where) => invalid(`Invalid context. Specify context as a string or a JSON object${where}.`),
  INVALID_TOKEN_URI: (where) => init(`Invalid credentials. The token URI must be an https URL (http only for localhost)${where}.`),
  INVALID_CREDENTIALS: () =>
    invalid('Invalid credentials. Specify credentials in the vault config, with addSkyflowCredentials, or in SKYFLOW_CREDENTIALS.'),
  INVALID_JSON_FORMAT: () => invalid('SKYFLOW_CREDENTIALS is not valid JSON. Verify the credentials.'),
  FILE_NOT_FOUND: (path) => invalid(`Credential file not found at ${path}. Verify the file path.`),
  INVALID_JSON_FILE: (path) => invalid(`File at ${path} is not in valid JSON format. Verify the file contents.`),
  MISSING_CLIENT_ID: (where = '') => invalid(`Unable to read client ID in credentials${where}. Verify your client ID.`),
  MISSING_KEY_ID: (where = '') => invalid(`Unable to read key ID in credentials${where}. Verify your key ID.`),
  MISSING_TOKEN_URI: (where = '') => invalid(`Unable to read token URI in credentials${where}. Verify your token URI.`),
  MISSING_PRIVATE_KEY: (where = '') => invalid(`Unable to read private key in credentials${where}. Verify your private key.`),
  INVALID_PRIVATE_KEY: () => invalid('The private key in credentials is not a PEM RSA private key. Verify your private key.'),
  NO_ACCESS_TOKEN: () => invalid('The token endpoint answered without an access token. Verify the token URI.'),
  TOKEN_EXPIRED: () => invalid('Token provided is either invalid or has expired. Specify a valid token.'),
  INVALID_BEARER_TOKEN_FROM_SOURCE: (what) =>
    invalid(`Invalid bearer token. bearerTokenSource returned ${what}; return a bearer token or API key: a non-empty string of visible ASCII characters, without spaces.`),
  INVALID_BEARER_TOKEN_OPTIONS: () => invalid('Invalid bearer token options. Specify an object with roles, context, tokenUri, caCert or timeoutMs.'),

  // requests
  INVALID_REQUEST: (operation) => invalid(`Invalid ${operation} request. Specify the request as an object.`),
  EMPTY_TABLE_NAME: () => invalid('Table name cannot be empty. Specify a valid table name.'),
  INVALID_TABLE_NAME: () => invalid('Invalid table name. Specify a valid table name as string.'),
  INVALID_BOOLEAN_OPTION: (name, type) => invalid(`The ${name} key has a value of type ${type}. Specify ${name} as boolean.`),
  INVALID_UPSERT: (type) => invalid(`The upsert key has a value of type ${type}. Specify upsert as a non-empty column name.`),
  INVALID_TOKEN_MODE: (type) => invalid(`The tokenMode key has a value of type ${type}. Specify tokenMode as a TokenMode.`),
  EMPTY_DATA_IN_INSERT: () => invalid('Values array cannot be empty. Specify values in the insert request.'),
  INVALID_TYPE_OF_DATA_IN_INSERT: () => invalid('Invalid type of values in insert request. Specify values as an array of objects.'),
  EMPTY_RECORD_IN_INSERT: (index) => invalid(`A record cannot be empty. Specify at least one field at index ${index}.`),
  INVALID_RECORD_IN_INSERT: (index) => invalid(`Invalid record. Specify the record's fields as an object at index ${index}.`),
  INVALID_INSERT_TOKENS: () => invalid('Invalid tokens. Specify tokens as an array of objects, one per record.'),
  EMPTY_INSERT_TOKEN: (index) => invalid(`Tokens object cannot be empty. Specify a valid tokens object at index ${index}.`),
  INVALID_INSERT_TOKEN: (index) =>
    invalid(`Invalid tokens object. Specify column names mapped to string tokens, for columns of the record, at index ${index}.`),
  NO_TOKENS_WITH_TOKEN_MODE: () => invalid("Tokens weren't specified for records while tokenMode was ENABLE or ENABLE_STRICT."),
  TOKENS_WITH_TOKEN_MODE_DISABLE: () => invalid('Tokens were specified while tokenMode is DISABLE. Set tokenMode to ENABLE or ENABLE_STRICT.'),
  INSUFFICIENT_TOKENS_PASSED_FOR_TOKEN_MODE_ENABLE_STRICT: () =>
    invalid("tokenMode is ENABLE_STRICT, but some fields are missing tokens. Specify tokens for all fields."),
  HOMOGENEOUS_NOT_SUPPORTED_WITH_CONTINUE_ON_ERROR: () =>
    invalid('homogeneous cannot be combined with continueOnError. Remove one of them.'),
  HOMOGENEOUS_NOT_SUPPORTED_WITH_UPSERT: () => invalid('homogeneous cannot be combined with upsert. Remove one of them.'),
  EMPTY_RECORDS_IN_BATCH: () => invalid('Records array cannot be empty. Specify records in the batch insert request.'),
  INVALID_RECORDS_IN_BATCH: () => invalid('Invalid records in batch insert request. Specify records as an array of { table, fields }.'),
  INVALID_RECORD_IN_BATCH: (index) => invalid(`Invalid record in batch insert request. Specify { table, fields, tokens?, upsert? } at index ${index}.`),
  EMPTY_IDS_IN_GET: () => invalid('Ids cannot be empty in get request. Specify valid ids.'),
  INVALID_TYPE_OF_IDS: () => invalid('Invalid ids passed in get request. Specify valid ids as array of string.'),
  EMPTY_ID_IN_GET: (index) => invalid(`Id cannot be empty. Specify a valid Id at index ${index}.`),
  INVALID_ID_IN_GET: (index) => invalid(`Invalid Id. Specify a valid Id at index ${index} as string.`),
  EMPTY_COLUMN_NAME: () => invalid('Column name cannot be empty. Specify a valid column name.'),
  INVALID_COLUMN_NAME: () => invalid('Invalid column name. Specify a valid column name as string.'),
  EMPTY_COLUMN_VALUES: () => invalid('Column values cannot be empty. Specify valid column values.'),
  INVALID_COLUMN_VALUES: () => invalid('Invalid column values. Specify valid column values as string array.'),
  EMPTY_COLUMN_VALUE: (index) => invalid(`Column value cannot be empty. Specify a valid column value at index ${index}.`),
  INVALID_COLUMN_VALUE: (index) => invalid(`Invalid column value. Specify a valid column value at index ${index} as string.`),
  MISSING_COLUMN_VALUES: () => invalid('Column values are required with a column name. Specify columnValues.'),
  MISSING_COLUMN_NAME: () => invalid('A column name is required with column values. Specify columnName.'),
  BOTH_IDS_AND_COLUMN_DETAILS_SPECIFIED: () => invalid('Ids and column details cannot be combined in get request. Specify either ids or columnName with columnValues.'),
  TOKENS_GET_COLUMN_NOT_SUPPORTED: () => invalid('returnTokens can only be used when getting by ids. Specify ids, or remove returnTokens.'),
  REDACTION_WITH_TOKENS_NOT_SUPPORTED: () => invalid('redactionType cannot be used when returnTokens is true. Remove one of them.'),
  INVALID_REDACTION_TYPE: () => invalid('Invalid redaction type. Specify a valid RedactionType.'),
  INVALID_FIELDS: (type) => invalid(`The fields key has a value of type ${type}. Specify fields as array of strings.`),
  EMPTY_FIELD: (index) => invalid(`Field cannot be empty. Specify a valid field at index ${index}.`),
  INVALID_FIELD: (index) => invalid(`Invalid field. Specify a valid field at index ${index} as string.`),
  INVALID_OFFSET: () => invalid('Invalid offset. Specify offset as a non-negative integer.'),
  INVALID_LIMIT: () => invalid('Invalid limit. Specify limit as a positive integer.'),
  INVALID_ORDER_BY: () => invalid('Invalid orderBy. Specify orderBy as an OrderBy.'),
  INVALID_UPDATE_DATA: () => invalid('Invalid update data in update request. Specify data as an object with skyflowId and fields.'),
  MISSING_SKYFLOW_ID_IN_UPDATE: () => invalid('Skyflow id cannot be empty in update request. Specify skyflowId as a string.'),
  INVALID_SKYFLOW_ID_IN_UPDATE: () => invalid('Invalid skyflow Id in update request. Specify a valid skyflowId string.'),
  INVALID_RECORD_IN_UPDATE: () => invalid('Invalid data in update request. Specify at least one field besides skyflowId.'),
  INVALID_UPDATE_TOKENS: () => invalid('Invalid tokens. Specify valid tokens as object.'),
  INVALID_TOKEN_IN_UPDATE: () => invalid('Invalid tokens. Specify tokens as column names of the data mapped to strings.'),
  EMPTY_DELETE_IDS: () => invalid("Delete ids array cannot be empty. Specify id's in delete request."),
  INVALID_DELETE_IDS_INPUT: () => invalid('Invalid delete ids type in delete request. Specify delete ids as a string array.'),
  EMPTY_ID_IN_DELETE: (index) => invalid(`Id cannot be empty in delete request. Specify a valid id at index ${index}.`),
  INVALID_ID_IN_DELETE: (index) => invalid(`Invalid type of id passed in delete request. Id must be of type string at index ${index}.`),
  EMPTY_TOKENS_IN_DETOKENIZE: () => invalid("Tokens array cannot be empty. Specify token's in detokenize request."),
  INVALID_TOKENS_TYPE_IN_DETOKENIZE: () => invalid('Invalid tokens type in detokenize request. Specify tokens as an array of { token, redactionType? }.'),
  INVALID_TOKEN_DATA_IN_DETOKENIZE: (index) => invalid(`Invalid token data in detokenize request. Specify { token, redactionType? } at index ${index}.`),
  EMPTY_TOKEN_IN_DETOKENIZE: (index) => invalid(`Token cannot be empty in detokenize request. Specify a valid token at index ${index}.`),
  INVALID_TOKEN_IN_DETOKENIZE: (index) => invalid(`Invalid type of token passed in detokenize request. token must be of type string at index ${index}.`),
  EMPTY_VALUES_IN_TOKENIZE: () => invalid("Values array cannot be empty. Specify value's in tokenize request."),
  INVALID_VALUES_TYPE_IN_TOKENIZE: () => invalid('Invalid values type in tokenize request. Specify values as an array of { value, columnGroup }.'),
  INVALID_DATA_IN_TOKENIZE: (index) => invalid(`Invalid data. Specify { value, columnGroup } at index ${index}.`),
  EMPTY_VALUE_IN_TOKENIZE: (index) => invalid(`Value cannot be empty in tokenize request. Specify a valid value at index ${index}.`),
  INVALID_VALUE_IN_TOKENIZE: (index) => invalid(`Invalid type of value passed in tokenize request. Value must be a string, number or boolean at index ${index}.`),
  EMPTY_COLUMN_GROUP_IN_TOKENIZE: (index) => invalid(`Column group cannot be empty in tokenize request. Specify a valid column group at index ${index}.`),
  INVALID_COLUMN_GROUP_IN_TOKENIZE: (index) => invalid(`Invalid type of column group passed in tokenize request. Column group must be of type string at index ${index}.`),
  EMPTY_QUERY: () => invalid('Query cannot be empty. Specify a valid query.'),
  INVALID_QUERY: () => invalid('Invalid query. Specify a valid query as string.'),
  INVALID_QUERY_COMMAND: () => invalid('Invalid query. Only SELECT queries are supported. Specify a SELECT statement.'),
  INVALID_CALL_OPTIONS: () => invalid('Invalid call options. Specify { signal?: AbortSignal, timeoutMs?: positive number }.'),
  UNREADABLE_INPUT: (subject) =>
    invalid(`Invalid ${subject}. Reading it threw (a getter, a proxy or a conversion of the caller's); specify plain values.`),
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof messages;

/** A validation error (400, Bad Request) with the message of `key`. */
export function validationError<K extends MessageKey>(key: K, ...args: Parameters<(typeof messages)[K]>): SkyflowError {
  const message = (messages[key] as Message)(...(args as string[]));
  return new SkyflowError({ message, httpCode: 400, httpStatus: 'Bad Request' });
}

/** `typeof`, with arrays and null told apart, for "has a value of type X" messages. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
