// The files a local vault keeps in its data folder.

/** The service-account credentials file written to the data folder. */
export const CREDENTIALS_FILE = 'credentials.json';
/** The CA certificate file written to the data folder when TLS is on. */
export const CA_FILE = 'ca.pem';
/** The SQLite database file in the data folder. */
export const DATABASE_FILE = 'vault.db';
