import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { type ApiOutput, api, toApiCallError } from '../api/client';
import { formatDateTime } from '../common/dates';
import { fromBase64, saveFile, XLSX_MIME } from '../common/saveFile';

type Report = ApiOutput<'ledger.commit'>;

export function DoneStep({
  report,
  file,
  onAgain,
}: {
  report: Report;
  file: { fileName: string; data: string };
  onAgain: () => void;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const c = report.counts;

  const download = async () => {
    if (!report.importId) return;
    setBusy(true);
    try {
      const x = await api('ledger.skippedReport', { ...file, importId: report.importId });
      await saveFile(fromBase64(x.data), x.fileName, XLSX_MIME);
    } catch (err) {
      message.error(toApiCallError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      {report.repeatOf ? (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('ledger.done.repeat', { at: formatDateTime(report.repeatOf.at), rows: c.rows })}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('ledger.done.summary', { ...c, total: c.imported + c.merged + c.skipped })}
        />
      )}
      {report.children.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('ledger.done.children')}</Typography.Title>
          <Flex wrap gap={8}>
            {report.children.map((ch) => (
              <Link key={ch.id} to={`/children/${ch.id}`}>
                {ch.name}
              </Link>
            ))}
          </Flex>
        </div>
      )}
      {report.skipped.length > 0 && (
        <div>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('ledger.done.skippedTitle')}
            </Typography.Title>
            <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
              {t('ledger.done.download')}
            </Button>
          </Flex>
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 20, showSizeChanger: false }}
            dataSource={report.skipped}
            columns={[
              { title: t('ledger.report.rowNumber'), dataIndex: 'row', width: 80 },
              { title: t('ledger.report.reason'), dataIndex: 'reason' },
            ]}
          />
        </div>
      )}
      <Space>
        <Button onClick={onAgain}>{t('ledger.done.again')}</Button>
        <Button type="primary" onClick={() => navigate('/children')}>
          {t('ledger.done.back')}
        </Button>
      </Space>
    </Flex>
  );
}
