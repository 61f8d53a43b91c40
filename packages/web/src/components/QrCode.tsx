import { useEffect, useState } from 'react';
import { Paragraph } from './Heading.tsx';

export interface QrCodeProps {
  /** What the code holds: a link residents open with their phone's camera. */
  text: string;
  /** Names the picture for a screen reader and the downloaded file. */
  label: string;
  fileName: string;
}

/**
 * A QR code for a flyer, drawn as SVG by the `qrcode` package (in its own chunk, loaded only where a
 * code is shown), with a download link so it can be put in a flyer. The link stays written out beside it.
 */
export function QrCode({ text, label, fileName }: QrCodeProps) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let gone = false;
    // Cannot reject: a failure shows the message below; the link itself is on the page anyway.
    void import('qrcode')
      .then((qr) => qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((drawn) => {
        if (!gone) setSvg(drawn);
      })
      .catch(() => {
        if (!gone) setFailed(true);
      });
    return () => {
      gone = true;
    };
  }, [text]);
  if (failed) return <Paragraph>De QR-code kon niet worden gemaakt; gebruik de link.</Paragraph>;
  if (!svg) return null;
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return (
    <figure className="wr-qr">
      <img src={src} alt={label} width={160} height={160} />
      <figcaption>
        <a className="utrecht-link" href={src} download={fileName}>
          QR-code downloaden (SVG)
        </a>
      </figcaption>
    </figure>
  );
}
