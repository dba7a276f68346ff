import { Type, type Static } from 'typebox';

/** Body of `POST /v1/auth/sa/oauth/token` (RFC 7523 JWT-bearer grant). */
export const TokenRequestBody = Type.Object({
  grant_type: Type.String(),
  assertion: Type.String(),
  scope: Type.Optional(Type.String()),
});
export type TokenRequestBody = Static<typeof TokenRequestBody>;

/** Response of the token endpoint. */
export interface TokenResponseBody {
  accessToken: string;
  tokenType: 'Bearer';
}

/** Claims of the assertion a service account signs (RS256). */
export interface ServiceAccountAssertionClaims {
  iss: string;
  key: string;
  aud: string;
  sub: string;
  exp: number;
  iat?: number;
  ctx?: string | Record<string, unknown>;
}

/** Service-account credentials as a credentials file holds them. */
export interface ServiceAccountCredentials {
  /** The service account's id; issuer and subject of the signed assertion. */
  clientID: string;
  /** The service account's name, for people to read. */
  clientName: string;
  /** The id of the key pair; sent in the assertion's `key` claim. */
  keyID: string;
  /** The token endpoint the assertion is exchanged at. */
  tokenURI: string;
  /** The PEM private key (RSA) the assertion is signed with. Keep it secret. */
  privateKey: string;
}
