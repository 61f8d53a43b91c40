import { z } from 'zod';
import { itemList } from './contract.js';

/**
 * Attachments: documents and photos on journal entries and signals, and a resident's photo on a
 * report. The kinds of file Wijkregie keeps, by MIME type, with the extension and the word people
 * know them by. The server checks every file's content against its declared type (415 otherwise).
 */
export const ATTACHMENT_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'image/jpeg': { extension: 'jpg', label: 'JPEG' },
  'image/png': { extension: 'png', label: 'PNG' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extension: 'docx',
    label: 'DOCX',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', label: 'XLSX' },
  'application/vnd.oasis.opendocument.text': { extension: 'odt', label: 'ODT' },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_CONTENT_TYPES = Object.keys(ATTACHMENT_TYPES) as [
  AttachmentType,
  ...AttachmentType[],
];

/** Photos: what a browser shows inline (as a thumbnail) and what a resident may send. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const satisfies readonly AttachmentType[];
export const isPhotoType = (type: string): boolean =>
  (PHOTO_CONTENT_TYPES as readonly string[]).includes(type);

/** The extensions a file input offers (`accept`), for all kinds or for photos only. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_CONTENT_TYPES.map((t) => `.${ATTACHMENT_TYPES[t].extension}`)
  .concat('.jpeg')
  .join(',');
export const PHOTO_ACCEPT = '.jpg,.jpeg,.png';

/** 20 MiB a file; at most ten files in one request. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
/** A resident sends one photo of at most 10 MiB (a phone's photo is 2–8 MB). */
export const MAX_PUBLIC_PHOTO_BYTES = 10 * 1024 * 1024;

/** A file as an entry or signal lists it; `GET /attachments/{id}` gives its content. */
export const attachmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
  /** In bytes. */
  size: z.number().int(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** A `file` part of a multipart/form-data body. */
export const uploadSchema = z.file().meta({
  description:
    'Een bestand: PDF, JPEG, PNG, DOCX, XLSX of ODT, tot 20 MiB; de inhoud moet bij het type passen',
});

/** The `file` parts of a form: none, one or more (at most MAX_ATTACHMENTS). */
export const uploadsSchema = z
  .array(uploadSchema)
  .max(MAX_ATTACHMENTS, `Te veel bestanden (max. ${MAX_ATTACHMENTS})`)
  .default([]);

/**
 * A form field that carries what JSON would send as an object, array or number: its JSON text,
 * parsed and then checked by `schema` (a multipart field is always text).
 */
export const jsonField = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Geen geldige JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema)
    .meta({ description: 'JSON-tekst (een multipart-veld is altijd tekst)' });

/** `POST /signals/{id}/attachments`: one or more `file` parts. */
export const addAttachmentsFormSchema = z.strictObject({
  file: z
    .array(uploadSchema)
    .min(1, 'Kies een bestand')
    .max(MAX_ATTACHMENTS, `Te veel bestanden (max. ${MAX_ATTACHMENTS})`),
});
export type AddAttachmentsForm = z.infer<typeof addAttachmentsFormSchema>;
export const attachmentListSchema = itemList(attachmentSchema);
export type AttachmentList = z.infer<typeof attachmentListSchema>;

/** `GET /attachments/{id}`: the file's bytes under its own content type. */
export const attachmentContentSchema = z.unknown().meta({
  description:
    'Het bestand zelf (PDF, JPEG, PNG, DOCX, XLSX of ODT); documenten met Content-Disposition: attachment',
});

/** `1,2 MB`, `830 kB`: a size as people read it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}
