import { type Dispatch, type SetStateAction, useState } from 'react';
import {
  apiErrorToSubmitErrors,
  type FieldErrors,
  focusFirstError,
  issuesToFieldErrors,
  type Parser,
} from './validation.ts';

export interface FormSubmitOptions {
  /** Field errors of nested fields by their last path segment (see `apiErrorToSubmitErrors`). */
  leaf?: boolean;
  /** Move focus to the first field the server rejected (default true). */
  focusServerErrors?: boolean;
  /** Stay busy after a success, for a form that goes away then (the page navigates or reloads). */
  keepBusyOnSuccess?: boolean;
  /** A server error on a field the form does not show (key) is shown at the field that sets it (value). */
  aliases?: Readonly<Record<string, string>>;
}

export interface FormSubmit {
  busy: boolean;
  /** The message above the form after a failed submit. */
  formError: string | null;
  setFormError: (message: string | null) => void;
  errors: FieldErrors;
  /** Shows the errors of a check in the browser and focuses the first; true when there are none. */
  validate: (found: FieldErrors) => boolean;
  /** The input as the schema reads it, or null after showing the schema's complaints at their fields. */
  checked: <T>(schema: Parser<T>, input: unknown) => T | null;
  /** Runs the request with the form busy; a failure becomes the form's message and field errors. */
  submit: (action: () => Promise<void>, onError?: (error: unknown) => boolean) => Promise<void>;
}

/**
 * The state every form of the app shares: busy while sending, a message for the form, a message per field,
 * focus on the first field with an error. `fields` are the field names in form order; a field's control
 * has the id "<formId>-<field>".
 */
export function useFormSubmit(
  formId: string,
  fields: readonly string[],
  options: FormSubmitOptions = {},
): FormSubmit {
  const { leaf = false, focusServerErrors = true, keepBusyOnSuccess = false, aliases = {} } = options;
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  function validate(found: FieldErrors): boolean {
    setFormError(null);
    setErrors(found);
    if (Object.keys(found).length === 0) return true;
    focusFirstError(formId, fields, found);
    return false;
  }

  function checked<T>(schema: Parser<T>, input: unknown): T | null {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      validate(issuesToFieldErrors(parsed.error, { leaf }));
      return null;
    }
    validate({});
    return parsed.data;
  }

  /** `onError` may handle a failure itself (and return true), e.g. to show a message of its own. */
  async function submit(action: () => Promise<void>, onError?: (error: unknown) => boolean): Promise<void> {
    setFormError(null);
    setBusy(true);
    try {
      await action();
      if (!keepBusyOnSuccess) setBusy(false);
    } catch (error) {
      if (!onError?.(error)) {
        const submitErrors = apiErrorToSubmitErrors(error, fields, { leaf });
        for (const [from, to] of Object.entries(aliases)) {
          const message = submitErrors.fields[from];
          if (message !== undefined) submitErrors.fields[to] = message;
        }
        setFormError(submitErrors.form);
        setErrors(submitErrors.fields);
        if (focusServerErrors) focusFirstError(formId, fields, submitErrors.fields);
      }
      setBusy(false);
    }
  }

  return { busy, formError, setFormError, errors, validate, checked, submit };
}

/** The props that tie a field component to a value of the form (see `useForm`). */
export interface BoundField {
  id: string;
  name: string;
  value: string;
  error: string | undefined;
  onValue: (value: string) => void;
}

export interface Form<V extends Record<string, string>> extends FormSubmit {
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  /** id `<formId>-<name>`, name, value, error and change handler of one text value, for a field component. */
  field: (name: keyof V & string) => BoundField;
}

/**
 * `useFormSubmit` with the form's text values in one state object: `field('title')` gives a TextField or
 * SelectField all it needs to show and change `values.title`.
 */
export function useForm<V extends Record<string, string>>(
  formId: string,
  fields: readonly string[],
  initial: V | (() => V),
  options: FormSubmitOptions = {},
): Form<V> {
  const form = useFormSubmit(formId, fields, options);
  const [values, setValues] = useState<V>(initial);
  const field = (name: keyof V & string): BoundField => ({
    id: `${formId}-${name}`,
    name,
    value: values[name] ?? '',
    error: form.errors[name],
    onValue: (value) => setValues((current) => ({ ...current, [name]: value })),
  });
  return { ...form, values, setValues, field };
}

/** The values of `keys` that were filled in, trimmed; an empty or blank value is left out (not sent). */
export function filledIn<K extends string>(
  values: Readonly<Record<K, string>>,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = values[key].trim();
    if (value) out[key] = value;
  }
  return out;
}
