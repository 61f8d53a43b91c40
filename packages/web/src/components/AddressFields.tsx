import { type BoundField, filledIn } from '../lib/useFormSubmit.ts';
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
  return filledIn(values, ADDRESS_FIELDS);
}

export interface AddressFieldsProps {
  /** The form's `field` (see `useForm`): the address is part of the form's values. */
  field: (name: keyof AddressValues) => BoundField;
}

/** Street, house number, postal code and city, with the browser's address autocomplete. */
export function AddressFields({ field }: AddressFieldsProps) {
  return (
    <>
      <div className="wr-field-row">
        <TextField {...field('street')} label="Straat" autoComplete="address-line1" />
        <TextField
          {...field('houseNumber')}
          label="Huisnummer"
          className="wr-number"
          autoComplete="address-line2"
        />
      </div>
      <div className="wr-field-row">
        <TextField
          {...field('postalCode')}
          label="Postcode"
          className="wr-number"
          autoComplete="postal-code"
        />
        <TextField {...field('city')} label="Plaats" autoComplete="address-level2" />
      </div>
    </>
  );
}
