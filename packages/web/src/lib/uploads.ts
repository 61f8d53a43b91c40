import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_TYPES,
  type AttachmentType,
  attachmentOperations,
  formatFileSize,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_PUBLIC_PHOTO_BYTES,
  PHOTO_CONTENT_TYPES,
  pathOf,
} from '@wijkregie/shared';

/**
 * A body with files as multipart/form-data, the way the server reads a form: text values as they
 * are, other values (objects, lists, numbers) as JSON text, each file as a `file` part.
 */
export function formDataOf(body: object, files: readonly File[]): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    data.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  for (const file of files) data.append('file', file, file.name);
  return data;
}

/** Where a browser fetches an attachment: a link, or an image's `src`. */
export const attachmentUrl = (id: string): string => pathOf(attachmentOperations.getAttachment.path, { id });

/** What a file input takes: which kinds, how many, how large. */
export interface UploadRules {
  types: readonly AttachmentType[];
  maxFiles: number;
  maxBytes: number;
}

export const DOCUMENT_RULES: UploadRules = {
  types: ATTACHMENT_CONTENT_TYPES,
  maxFiles: MAX_ATTACHMENTS,
  maxBytes: MAX_ATTACHMENT_BYTES,
};

/** A resident's report: one photo. */
export const PHOTO_RULES: UploadRules = {
  types: PHOTO_CONTENT_TYPES,
  maxFiles: 1,
  maxBytes: MAX_PUBLIC_PHOTO_BYTES,
};

/** The `accept` of a file input for these kinds: extensions and types, so every system offers them. */
export function acceptOf(rules: UploadRules): string {
  return rules.types
    .flatMap((t) => [t, `.${ATTACHMENT_TYPES[t].extension}`, ...(t === 'image/jpeg' ? ['.jpeg'] : [])])
    .join(',');
}

/** "PDF, JPEG of PNG, tot 20 MB per bestand": what the field tells before anything is chosen. */
export function describeRules(rules: UploadRules): string {
  const labels = rules.types.map((t) => ATTACHMENT_TYPES[t].label);
  const kinds = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} of ${labels.at(-1)}` : labels[0];
  const count = rules.maxFiles > 1 ? `, hoogstens ${rules.maxFiles} bestanden` : '';
  return `${kinds}, tot ${formatFileSize(rules.maxBytes)} per bestand${count}.`;
}

const extensionOf = (name: string) => name.toLowerCase().split('.').pop() ?? '';

/**
 * What is wrong with the chosen files before they are sent (the server checks again, and checks the
 * content): too many, too large, or a kind that is not taken. Undefined when all is well.
 */
export function checkFiles(files: readonly File[], rules: UploadRules): string | undefined {
  if (files.length > rules.maxFiles) {
    return rules.maxFiles === 1 ? 'Kies één bestand.' : `Kies hoogstens ${rules.maxFiles} bestanden.`;
  }
  for (const file of files) {
    const ext = extensionOf(file.name);
    const known = rules.types.some(
      (t) =>
        t === file.type || ATTACHMENT_TYPES[t].extension === ext || (t === 'image/jpeg' && ext === 'jpeg'),
    );
    if (!known) return `${file.name}: dit soort bestand kan niet. ${describeRules(rules)}`;
    if (file.size > rules.maxBytes) return `${file.name} is groter dan ${formatFileSize(rules.maxBytes)}.`;
    if (file.size === 0) return `${file.name} is leeg.`;
  }
  return undefined;
}
