import { useEffect, useState } from 'react';
import { fromBase64 } from '../common/saveFile';

/**
 * A blob: URL over bytes held in memory, revoked when the component goes: an attachment is
 * shown from memory, never written to disk on its way to the screen.
 */
export function useObjectUrl(data: { base64: string; mime: string } | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!data) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(new Blob([fromBase64(data.base64) as BlobPart], { type: data.mime }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [data]);
  return url;
}
