// The progress of a long read, preview or import, polled from the core while the call runs,
// with its 取消: the core stops at its next chunk of rows and an import rolls back whole.
import { Button, Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type MessageKey, t } from '../../../db/i18n';
import { type ApiOutput, api } from '../api/client';

type LedgerProgress = NonNullable<ApiOutput<'ledger.progress'>>;

/** How often the bar asks: often enough to move smoothly, rare enough to cost nothing. */
const POLL_MS = 200;

export function JobProgress({ label }: { label: string }) {
  const [progress, setProgress] = useState<LedgerProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let alive = true;
    const tick = () =>
      api('ledger.progress', {})
        .then((p) => alive && setProgress(p))
        .catch(() => {});
    void tick();
    const timer = setInterval(tick, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  const cancel = () => {
    setCancelling(true);
    void api('ledger.cancel', {}).catch(() => setCancelling(false));
  };

  const counted = progress !== null && progress.total > 0;
  const percent = counted ? Math.floor((100 * progress.done) / progress.total) : 0;
  return (
    <Flex vertical gap={12} align="start" className="ledger-progress" role="status" aria-live="polite">
      <Typography.Text strong>
        {progress ? t(`ledger.progress.${progress.phase}` as MessageKey) : label}
      </Typography.Text>
      {counted && (
        <>
          <Progress
            percent={percent}
            status="active"
            style={{ width: 480 }}
            aria-label={t(`ledger.progress.${progress.phase}` as MessageKey)}
          />
          <Typography.Text>
            {t('ledger.progress.rows', { done: progress.done, total: progress.total })}
          </Typography.Text>
        </>
      )}
      <Button onClick={cancel} disabled={cancelling}>
        {cancelling ? t('ledger.progress.cancelling') : t('ledger.progress.cancel')}
      </Button>
    </Flex>
  );
}
