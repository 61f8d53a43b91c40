import type { FieldErrors } from '../lib/validation.ts';
import { TextField } from './fields.tsx';

export interface AddressValues {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

export const EMPTY_ADDRESS: AddressValues = { street: '', houseNumber: '', postalCode: '', city: '' };
export const ADDRESS_FIELDS = ['street', 'houseNumber', 'postalCode', 'city'] as const;

/** The parts of the address that were filled in (trimmed), for a `location` in the API. */
export function addressInput(values: AddressValues): Partial<AddressValues> {
  const out: Partial<AddressValues> = {};
  for (const key of ADDRESS_FIELDS) {
    const value = values[key].trim();
    if (value) out[key] = value;
  }
  return out;
}

export interface AddressFieldsProps {
  formId: string;
  values: AddressValues;
  onChange: (next: AddressValues) => void;
  errors: FieldErrors;
}

/** Street, house number, postal code and city, with the browser's address autocomplete. */
export function AddressFields({ formId, values, onChange, errors }: AddressFieldsProps) {
  const set = (key: keyof AddressValues, value: string) => onChange({ ...values, [key]: value });
  return (
    <>
      <div className="wr-field-row">
        <TextField
          id={`${formId}-street`}
          label="Straat"
          error={errors.street}
          name="street"
          autoComplete="address-line1"
          value={values.street}
          onChange={(e) => set('street', e.target.value)}
        />
        <TextField
          id={`${formId}-houseNumber`}
          label="Huisnummer"
          error={errors.houseNumber}
          name="houseNumber"
          className="wr-number"
          autoComplete="address-line2"
          value={values.houseNumber}
          onChange={(e) => set('houseNumber', e.target.value)}
        />
      </div>
      <div className="wr-field-row">
        <TextField
          id={`${formId}-postalCode`}
          label="Postcode"
          error={errors.postalCode}
          name="postalCode"
          className="wr-number"
          autoComplete="postal-code"
          value={values.postalCode}
          onChange={(e) => set('postalCode', e.target.value)}
        />
        <TextField
          id={`${formId}-city`}
          label="Plaats"
          error={errors.city}
          name="city"
          autoComplete="address-level2"
          value={values.city}
          onChange={(e) => set('city', e.target.value)}
        />
      </div>
    </>
  );
}
