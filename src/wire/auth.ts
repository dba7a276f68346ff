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
  clientID: string;
  clientName: string;
  keyID: string;
  tokenURI: string;
  privateKey: string;
}
