import { useEffect, useState } from 'react';

/** A link to download text as a file, made in the browser (an object URL, released when it changes). */
export function DownloadLink({
  text,
  filename,
  type = 'text/csv;charset=utf-8',
  children,
}: {
  text: string;
  filename: string;
  type?: string;
  children: string;
}) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(new Blob([text], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [text, type]);
  if (!url) return null;
  return (
    <a className="utrecht-link utrecht-link--html-a" href={url} download={filename}>
      {children}
    </a>
  );
}
