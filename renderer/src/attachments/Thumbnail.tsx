import { FileImageOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { type ApiOutput, api } from '../api/client';
import type { AttachmentView } from './types';
import { useObjectUrl } from './useObjectUrl';

const SIZE = 56;

/** A thumbnail fetched only once it scrolls into view, so a file with fifty attachments opens at once. */
export function Thumbnail({ item }: { item: AttachmentView }) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  const [thumb, setThumb] = useState<ApiOutput<'attachments.thumbnail'>>(null);
  const url = useObjectUrl(thumb);

  useEffect(() => {
    if (!item.hasThumbnail || !ref.current) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setSeen(true);
        io.disconnect();
      }
    });
    io.observe(ref.current);
    return () => io.disconnect();
  }, [item.hasThumbnail]);

  useEffect(() => {
    if (!seen) return;
    let current = true;
    api('attachments.thumbnail', { id: item.id })
      .then((v) => current && setThumb(v))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [seen, item.id]);

  const icon =
    item.fileType === 'pdf' ? (
      <FilePdfOutlined />
    ) : item.fileType === 'doc' || item.fileType === 'docx' ? (
      <FileWordOutlined />
    ) : (
      <FileImageOutlined />
    );
  return (
    <div
      ref={ref}
      style={{
        width: SIZE,
        height: SIZE,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 4,
        fontSize: 24,
        color: '#8c8c8c',
        overflow: 'hidden',
      }}
    >
      {url ? (
        <img
          src={url}
          alt=""
          data-testid="attachment-thumb"
          style={{ width: '100%', height: '100%', objectFit: 'cover' }}
        />
      ) : (
        icon
      )}
    </div>
  );
}
