import { formatDateTime } from '../lib/format.ts';

/** A moment in Dutch ("24 nov 2026 12:24") with its ISO timestamp for machines. */
export function DateTime({ value, className }: { value: string; className?: string }) {
  return (
    <time className={className} dateTime={value}>
      {formatDateTime(value)}
    </time>
  );
}
