import { SUBJECT_FIELD_LABELS, type SubjectChange, type SubjectValue } from '@wijkregie/shared';
import { DateTime } from '../../components/DateTime.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { Section } from '../../components/Section.tsx';
import { formatAddress, formatDate } from '../../lib/format.ts';

const CLASSIFICATION_LABELS: Record<string, string> = {
  hinderlijk: 'Hinderlijk',
  overlastgevend: 'Overlastgevend',
  crimineel: 'Crimineel',
};

/** A value as the page shows it: dates in Dutch, addresses on one line, nothing as "(leeg)". */
function valueText(field: SubjectChange['changes'][number]['field'], value: SubjectValue): string {
  if (value === null) return '(leeg)';
  if (typeof value === 'string') {
    if (field === 'birthDate') return formatDate(value);
    if (field === 'classification') return CLASSIFICATION_LABELS[value] ?? value;
    return value;
  }
  if ('street' in value) return formatAddress(value);
  return `${value.lat.toFixed(5)}, ${value.lng.toFixed(5)}`;
}

/**
 * The subject's history: each change with when, who (name and organisation as they were then) and
 * every field from its earlier value to its new one. Newest first.
 */
export function HistorySection({ history }: { history: readonly SubjectChange[] }) {
  return (
    <Section id="history" title="Wijzigingen" className="wr-card">
      {history.length === 0 ? (
        <Paragraph>Er is nog niets gewijzigd sinds de registratie.</Paragraph>
      ) : (
        <ol className="wr-plain-list wr-history">
          {history.map((change) => (
            <li key={`${change.at}-${change.by}`} className="wr-history__item">
              <p className="utrecht-paragraph wr-history__when">
                <DateTime value={change.at} /> door {change.by} ({change.organisation})
              </p>
              <ul className="wr-history__changes">
                {change.changes.map((c) => (
                  <li key={c.field}>
                    <span className="wr-history__field">{SUBJECT_FIELD_LABELS[c.field]}:</span>{' '}
                    <del>{valueText(c.field, c.from)}</del> <span aria-hidden="true">→</span>
                    <span className="wr-visually-hidden"> werd </span> <ins>{valueText(c.field, c.to)}</ins>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
