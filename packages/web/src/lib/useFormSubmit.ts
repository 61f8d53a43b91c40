import { useState } from 'react';
import { apiErrorToSubmitErrors, type FieldErrors, focusFirstError } from './validation.ts';

export interface FormSubmitOptions {
  /** Field errors of nested fields by their last path segment (see `apiErrorToSubmitErrors`). */
  leaf?: boolean;
  /** Move focus to the first field the server rejected (default true). */
  focusServerErrors?: boolean;
  /** Stay busy after a success, for a form that goes away then (the page navigates or reloads). */
  keepBusyOnSuccess?: boolean;
}

export interface FormSubmit {
  busy: boolean;
  /** The message above the form after a failed submit. */
  formError: string | null;
  setFormError: (message: string | null) => void;
  errors: FieldErrors;
  /** Shows the errors of a check in the browser and focuses the first; true when there are none. */
  validate: (found: FieldErrors) => boolean;
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
  const { leaf = false, focusServerErrors = true, keepBusyOnSuccess = false } = options;
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
        setFormError(submitErrors.form);
        setErrors(submitErrors.fields);
        if (focusServerErrors) focusFirstError(formId, fields, submitErrors.fields);
      }
      setBusy(false);
    }
  }

  return { busy, formError, setFormError, errors, validate, submit };
}
