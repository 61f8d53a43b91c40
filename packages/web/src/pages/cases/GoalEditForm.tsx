import { type Goal, type UpdateGoal, updateGoalSchema } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Button, SubmitButton } from '../../components/Button.tsx';
import { DateField, SelectField, TextareaField } from '../../components/fields.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { focusSoon } from '../../lib/focus.ts';
import { SCORE_OPTIONS } from '../../lib/plans.ts';
import { type BoundField, useForm } from '../../lib/useFormSubmit.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';

const FIELDS = ['text', 'targetScore', 'dueDate'] as const;

/** What must change, the target score and the date: the fields a goal is added and changed with. */
export function GoalFields({ field }: { field: (name: (typeof FIELDS)[number]) => BoundField }) {
  return (
    <>
      <TextareaField {...field('text')} label="Doel" description="Wat moet er veranderen?" rows={3} />
      <SelectField
        {...field('targetScore')}
        label="Streefscore (optioneel)"
        placeholder="Geen streefscore"
        options={SCORE_OPTIONS}
      />
      <DateField {...field('dueDate')} label="Termijn (optioneel)" />
    </>
  );
}

function valuesOf(goal: Goal) {
  return {
    text: goal.text,
    targetScore: goal.targetScore === null ? '' : String(goal.targetScore),
    dueDate: goal.dueDate ?? '',
  };
}

/** What a form on one goal of the plan takes: the goal, the heading that names it, what to do after a change. */
export interface GoalFormProps {
  goal: Goal;
  labelledBy: string;
  onChanged: (message: string) => void;
}

/**
 * "Doel wijzigen": what must change, the target score and the date of a goal, behind a button so the
 * plan stays short. Only what the user changed is sent; an emptied target or date is cleared (null). The
 * status has its own small form beside it.
 */
export function GoalEditForm({ goal, labelledBy, onChanged }: GoalFormProps) {
  const formId = `goal-edit-${goal.id}`;
  const form = useForm(formId, FIELDS, () => valuesOf(goal));
  const [open, setOpen] = useState(false);
  const openerId = `${formId}-open`;

  function close() {
    setOpen(false);
    focusSoon(openerId);
  }

  if (!open) {
    return (
      <Button
        id={openerId}
        appearance="secondary-action"
        aria-expanded={false}
        aria-describedby={labelledBy}
        onClick={() => {
          form.setValues(valuesOf(goal));
          form.validate({});
          setOpen(true);
          focusSoon(`${formId}-text`);
        }}
      >
        Doel wijzigen
      </Button>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const before = valuesOf(goal);
    const { text, targetScore, dueDate } = form.values;
    const changes: UpdateGoal = {
      ...(text !== before.text ? { text } : {}),
      ...(targetScore !== before.targetScore
        ? { targetScore: targetScore ? Number(targetScore) : null }
        : {}),
      ...(dueDate !== before.dueDate ? { dueDate: dueDate || null } : {}),
    };
    if (Object.keys(changes).length === 0) {
      form.setFormError('Je hebt niets gewijzigd.');
      return;
    }
    const parsed = updateGoalSchema.safeParse(changes);
    if (!form.validate(parsed.success ? {} : issuesToFieldErrors(parsed.error)) || !parsed.success) return;
    await form.submit(async () => {
      const saved = await api.updateGoal(goal.id, parsed.data);
      setOpen(false);
      onChanged(`Het doel „${saved.text}” is gewijzigd.`);
    });
  }

  return (
    <SubmitForm
      id={formId}
      label={`Doel wijzigen: ${goal.text}`}
      error={form.formError}
      onSubmit={onSubmit}
      className="wr-inset wr-goal__edit-form"
    >
      <GoalFields field={form.field} />
      <div className="utrecht-button-group">
        <SubmitButton busy={form.busy}>Wijzigingen opslaan</SubmitButton>
        <Button appearance="subtle" disabled={form.busy} onClick={close}>
          Annuleren
        </Button>
      </div>
    </SubmitForm>
  );
}
