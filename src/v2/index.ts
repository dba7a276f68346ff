// skyflow-bridge/v2: the native v2 core. Also the package root.
export { Skyflow } from './Skyflow.js';
export { SkyflowBuilder } from './SkyflowBuilder.js';
export { Env, LogLevel, TokenMode, RedactionType, OrderBy, RequestMethod } from './enums.js';
export {
  SkyflowError,
  SkyflowConnectionError,
  SkyflowTimeoutError,
  SkyflowAbortError,
  isSkyflowError,
} from './errors/SkyflowError.js';
export { VaultClient } from './vault/VaultClient.js';
export { ConnectionClient, InvokeConnectionResponse } from './connection/ConnectionClient.js';
export { InvokeConnectionRequest } from './connection/InvokeConnectionRequest.js';
export { InsertRequest } from './vault/requests/InsertRequest.js';
export { BatchInsertRequest } from './vault/requests/BatchInsertRequest.js';
export { GetRequest } from './vault/requests/GetRequest.js';
export { UpdateRequest } from './vault/requests/UpdateRequest.js';
export { DeleteRequest } from './vault/requests/DeleteRequest.js';
export { DetokenizeRequest } from './vault/requests/DetokenizeRequest.js';
export { TokenizeRequest } from './vault/requests/TokenizeRequest.js';
export { QueryRequest } from './vault/requests/QueryRequest.js';
export {
  InsertResponse,
  GetResponse,
  UpdateResponse,
  DeleteResponse,
  DetokenizeResponse,
  TokenizeResponse,
  QueryResponse,
} from './vault/responses.js';
export { generateBearerToken, generateBearerTokenFromCreds } from './credentials/generate-bearer-token.js';
export { isExpired } from './credentials/jwt.js';
export { VERSION } from './version.js';

export type {
  SkyflowConfig,
  VaultConfig,
  ConnectionConfig,
  Credentials,
  ApiKeyCredentials,
  TokenCredentials,
  PathCredentials,
  StringCredentials,
  BearerTokenSourceCredentials,
  ServiceAccountOptions,
  RetryOptions,
} from './config/types.js';
export type { SkyflowErrorInit, RecordError } from './errors/SkyflowError.js';
export type { LogEntry, LogSink } from './logging/Logger.js';
export type { CallOptions } from './transport/send-authorized.js';
export type { InvokeConnectionRequestInit } from './connection/InvokeConnectionRequest.js';
export type { InsertRequestInit } from './vault/requests/InsertRequest.js';
export type { BatchInsertRequestInit, BatchInsertRecord } from './vault/requests/BatchInsertRequest.js';
export type { GetRequestInit } from './vault/requests/GetRequest.js';
export type { UpdateRequestInit } from './vault/requests/UpdateRequest.js';
export type { DeleteRequestInit } from './vault/requests/DeleteRequest.js';
export type { DetokenizeRequestInit, DetokenizeData } from './vault/requests/DetokenizeRequest.js';
export type { TokenizeRequestInit, TokenizeData } from './vault/requests/TokenizeRequest.js';
export type { QueryRequestInit } from './vault/requests/QueryRequest.js';
export type { InsertedRecord, RecordData, DetokenizedField, QueryRecord } from './vault/responses.js';
export type { BearerTokenOptions } from './credentials/generate-bearer-token.js';
export type { BearerToken } from './credentials/token-exchange.js';
export type { QueryValue } from './connection/InvokeConnectionRequest.js';
export type { ValueType } from '../wire/enums.js';
