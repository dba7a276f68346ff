import type { VaultSchema } from './types.js';

/**
 * The built-in schema: payment cards and persons. Card numbers and SSNs get
 * format-preserving tokens and are masked to their last four digits; names
 * share one column group, so a name has the same token in both tables.
 */
export const demoSchema: VaultSchema = {
  tables: {
    cards: {
      columns: {
        card_number: {
          unique: true,
          tokenFormat: 'format-preserving',
          mask: { keepLast: 4 },
          redaction: 'MASKED',
          columnGroup: 'card_number',
        },
        cardholder_name: { columnGroup: 'name' },
        expiry_date: {},
        cvv: { redaction: 'REDACTED' },
      },
    },
    persons: {
      columns: {
        name: { columnGroup: 'name' },
        email: { unique: true, columnGroup: 'email' },
        ssn: {
          tokenFormat: 'format-preserving',
          mask: { keepLast: 4 },
          redaction: 'MASKED',
          columnGroup: 'ssn',
        },
        date_of_birth: { type: 'date' },
      },
    },
  },
};
