import { randomInt, randomUUID } from 'node:crypto';

/** A card number no other test uses (card_number is unique in the demo schema). */
export function uniqueCardNumber(): string {
  const digits = Array.from({ length: 16 }, () => randomInt(10)).join('');
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`;
}

/** An email no other test uses (email is unique in the demo schema). */
export function uniqueEmail(): string {
  return `${randomUUID()}@example.test`;
}

export function card(overrides: Record<string, unknown> = {}) {
  return {
    card_number: uniqueCardNumber(),
    cardholder_name: 'Ada Lovelace',
    expiry_date: '12/30',
    cvv: String(randomInt(100, 1000)),
    ...overrides,
  };
}

export function person(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Grace Hopper',
    email: uniqueEmail(),
    ssn: `${randomInt(100, 1000)}-${randomInt(10, 100)}-${randomInt(1000, 10000)}`,
    date_of_birth: '1906-12-09',
    ...overrides,
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
