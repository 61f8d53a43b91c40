import { ATTACHMENT_TYPES, type Attachment, formatFileSize, isPhotoType } from '@wijkregie/shared';
import { type ChangeEvent, useId, useState } from 'react';
import { acceptOf, attachmentUrl, checkFiles, describeRules, type UploadRules } from '../lib/uploads.ts';
import { cx } from './classNames.ts';
import { FormField } from './FormField.tsx';

export interface FileFieldProps {
  /** The input's id (`<form>-file`, so a server error on `file` lands here). */
  id: string;
  label: string;
  rules: UploadRules;
  files: readonly File[];
  onFiles: (files: File[]) => void;
  error?: string | undefined;
  /** Changing it empties the input (after a successful submit). */
  resetKey?: number;
}

/**
 * The files chosen in a FileField for `rules`: `field` holds the field's props besides id, label and
 * error; `problem()` says what is wrong with the choice (null when nothing is); `clear()` empties the
 * choice and the input once the files were sent.
 */
export function useFileChoice(rules: UploadRules) {
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState(0);
  return {
    files,
    problem: () => checkFiles(files, rules),
    clear: () => {
      setFiles([]);
      setSent((n) => n + 1);
    },
    field: { rules, files, onFiles: setFiles, resetKey: sent },
  };
}

/**
 * A file input with what it takes said beforehand (kinds, size, count) and the chosen files listed
 * with their sizes, so a user sees what will be sent before sending it.
 */
export function FileField({ id, label, rules, files, onFiles, error, resetKey }: FileFieldProps) {
  const listId = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => onFiles([...(event.target.files ?? [])]);
  return (
    <FormField id={id} label={label} description={describeRules(rules)} error={error}>
      {(control) => (
        <>
          <input
            key={resetKey}
            id={control.id}
            name="file"
            type="file"
            className={cx('wr-file-input', control.invalid && 'wr-file-input--invalid')}
            accept={acceptOf(rules)}
            multiple={rules.maxFiles > 1}
            aria-describedby={[control['aria-describedby'], files.length > 0 ? listId : undefined]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={control.invalid || undefined}
            onChange={onChange}
          />
          {files.length > 0 && (
            <ul id={listId} className="wr-file-list" aria-label="Gekozen bestanden">
              {files.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two chosen files may carry the same name.
                <li key={`${f.name}-${i}`}>
                  {f.name} ({formatFileSize(f.size)})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </FormField>
  );
}

const kindLabel = (a: Attachment) => ATTACHMENT_TYPES[a.contentType].label;

/**
 * The files of an entry or signal: photos as small thumbnails that link to the full picture,
 * documents as download links with their kind and size.
 */
export function AttachmentList({
  attachments,
  label,
}: {
  attachments: readonly Attachment[];
  label: string;
}) {
  if (attachments.length === 0) return null;
  const photos = attachments.filter((a) => isPhotoType(a.contentType));
  const documents = attachments.filter((a) => !isPhotoType(a.contentType));
  return (
    <div className="wr-attachments">
      {photos.length > 0 && (
        <ul className="wr-attachments__photos" aria-label={`Foto's bij ${label}`}>
          {photos.map((a) => (
            <li key={a.id}>
              <a
                className="utrecht-link utrecht-link--html-a wr-attachments__photo"
                href={attachmentUrl(a.id)}
                target="_blank"
                rel="noopener"
              >
                <img
                  src={attachmentUrl(a.id)}
                  alt={`Foto: ${a.name} (opent groot in een nieuw tabblad)`}
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {documents.length > 0 && (
        <ul className="wr-attachments__documents" aria-label={`Documenten bij ${label}`}>
          {documents.map((a) => (
            <li key={a.id}>
              <a className="utrecht-link utrecht-link--html-a" href={attachmentUrl(a.id)} download={a.name}>
                {a.name}
              </a>{' '}
              <span className="wr-muted">
                ({kindLabel(a)}, {formatFileSize(a.size)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
