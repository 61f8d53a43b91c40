import type { Person } from '@wijkregie/shared';
import { ADDRESS_FIELDS } from '../../components/AddressFields.tsx';
import { type FormSubmitOptions, useForm } from '../../lib/useFormSubmit.ts';
import { issuesToFieldErrors, type Parser } from '../../lib/validation.ts';

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

/**
 * The person form (see `useForm`), for registering (no `person`) and for changing one; errors of the
 * address's fields stand at those fields. `parse` checks the values with `schema` and shows what is
 * wrong: the input to send, or null.
 */
export function usePersonForm(formId: string, person?: Person, options: FormSubmitOptions = {}) {
  const form = useForm(formId, PERSON_FIELDS, () => personValues(person), { leaf: true, ...options });
  function parse<T>(schema: Parser<T>, absent: null | undefined): T | null {
    const parsed = schema.safeParse(personInput(form.values, absent));
    form.validate(parsed.success ? {} : issuesToFieldErrors(parsed.error, { leaf: true }));
    return parsed.success ? parsed.data : null;
  }
  return { ...form, parse };
}
