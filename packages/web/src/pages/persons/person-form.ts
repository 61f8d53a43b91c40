import type { Person } from '@wijkregie/shared';
import { ADDRESS_FIELDS } from '../../components/AddressFields.tsx';

/** The fields of the person form, for registering and for changing a person. */
export const PERSON_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'bsn',
  'street',
  'houseNumber',
  'postalCode',
  'city',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type PersonValues = Record<PersonField, string>;

/** The form's values for a person (empty strings where the person has nothing). */
export const personValues = (p?: Person): PersonValues => ({
  firstName: p?.firstName ?? '',
  lastName: p?.lastName ?? '',
  birthDate: p?.birthDate ?? '',
  bsn: p?.bsn ?? '',
  street: p?.address?.street ?? '',
  houseNumber: p?.address?.houseNumber ?? '',
  postalCode: p?.address?.postalCode ?? '',
  city: p?.address?.city ?? '',
});

/**
 * What the form sends. An address is all four fields or none: one filled field sends the four, so the
 * server names the missing ones. `absent` is what an empty optional field becomes: left out when
 * registering (`undefined`), cleared when changing (`null`).
 */
export function personInput<A extends null | undefined>(values: PersonValues, absent: A) {
  const hasAddress = ADDRESS_FIELDS.some((f) => values[f].trim() !== '');
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    birthDate: values.birthDate || absent,
    bsn: values.bsn.replace(/\s/g, '') || absent,
    address: hasAddress
      ? {
          street: values.street,
          houseNumber: values.houseNumber,
          postalCode: values.postalCode,
          city: values.city,
        }
      : absent,
  };
}
