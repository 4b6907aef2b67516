// 儿童档案 → 从 Excel 导入: file → sheet → header row → columns → preview → import. The file
// stays in this page's memory and goes with every call, so cancelling leaves nothing anywhere.
import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Select, Space, Spin, Steps, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type MessageKey, t } from '../../../db/i18n';
import { LEDGER_FIELDS, type LedgerField } from '../../../db/ledger/codes';
import { type ApiOutput, api, toApiCallError } from '../api/client';
import { formatDateTime } from '../common/dates';
import { PageHeader } from '../common/PageHeader';
import { toBase64 } from '../common/saveFile';
import { DoneStep } from './DoneStep';
import { JobProgress } from './JobProgress';
import './ledger.css';
import { type Decisions, PreviewStep } from './PreviewStep';

type View = ApiOutput<'ledger.read'>;
type Preview = ApiOutput<'ledger.preview'>;
type Report = ApiOutput<'ledger.commit'>;
type Columns = (LedgerField | null)[];

const STEP_KEYS = ['file', 'sheet', 'header', 'mapping', 'preview', 'done'] as const;
const fieldLabel = (f: LedgerField) => t(`ledger.fields.${f}` as MessageKey);
const FIELD_OPTIONS = [
  { value: '', label: t('ledger.mapping.skip') },
  ...LEDGER_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) })),
];

export function LedgerImportPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const inputRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<{ fileName: string; data: string } | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [columns, setColumns] = useState<Columns>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  /** A long call with a progress bar and 取消 (reading a file, the preview, the import). */
  const [job, setJob] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mappingName, setMappingName] = useState('');

  const run = async <T,>(label: string, fn: () => Promise<T>, tracked = false): Promise<T | null> => {
    (tracked ? setJob : setBusy)(label);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      const e = toApiCallError(err);
      // Cancelled by the caseworker: nothing was written, and the step stays where it was.
      if (e.reason === 'cancelled') message.info(t('ledger.progress.cancelled'));
      else setError(e.fields?.file ?? e.message);
      return null;
    } finally {
      (tracked ? setJob : setBusy)(null);
    }
  };

  const read = async (
    f: { fileName: string; data: string },
    sheet?: string,
    headerRow?: number,
    tracked = false,
  ) => {
    const v = await run(
      t('ledger.file.reading'),
      () => api('ledger.read', { ...f, sheet, headerRow }),
      tracked,
    );
    if (v) {
      setView(v);
      setColumns(v.suggested);
    }
    return v;
  };

  const chooseFile = async (picked: File | undefined) => {
    if (!picked) return;
    const f = { fileName: picked.name, data: await toBase64(picked) };
    setFile(f);
    setPreview(null);
    setReport(null);
    if (await read(f, undefined, undefined, true)) setStep(1);
  };

  const runPreview = async () => {
    if (!file || !view || view.headerRow === null) return;
    const rows = view.sheets.find((s) => s.name === view.sheet)?.rows ?? 0;
    const p = await run(
      t('ledger.preview.running', { rows }),
      () =>
        api('ledger.preview', { ...file, sheet: view.sheet, headerRow: view.headerRow as number, columns }),
      true,
    );
    if (p) {
      setPreview(p);
      setStep(4);
    }
  };

  const commit = async (decisions: Decisions) => {
    if (!file || !view || view.headerRow === null) return;
    const r = await run(
      t('ledger.preview.committing'),
      () =>
        api('ledger.commit', {
          ...file,
          sheet: view.sheet,
          headerRow: view.headerRow as number,
          columns,
          decisions,
        }),
      true,
    );
    if (r) {
      setReport(r);
      setStep(5);
    }
  };

  const cancel = () => {
    void api('ledger.forget', {}).catch(() => {});
    setFile(null);
    setView(null);
    setPreview(null);
    setStep(0);
    message.info(t('ledger.preview.cancelled'));
  };

  const applySaved = (id: string) => {
    const saved = view?.mappings.find((m) => m.id === id);
    if (!saved || !view) return;
    const key = (h: string) => h.normalize('NFKC').replace(/[\s()（）:：*＊]/g, '');
    setColumns(view.headers.map((h) => saved.headers[key(h)] ?? null));
  };

  const saveMapping = async () => {
    if (!view) return;
    const headers: Record<string, LedgerField> = {};
    view.headers.forEach((h, i) => {
      const f = columns[i];
      if (h && f) headers[h] = f;
    });
    const ok = await run('', () => api('ledger.saveMapping', { name: mappingName, headers }));
    if (ok) message.success(t('ledger.mapping.savedOk', { name: mappingName }));
  };

  const headerRow = view?.headerRow ?? null;
  const dataRowExample = (col: number) => {
    if (!view || headerRow === null) return '';
    return view.top[headerRow + 1]?.[col] ?? '';
  };

  return (
    <>
      <PageHeader
        title={t('ledger.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/children')}>
            {t('ledger.done.back')}
          </Button>
        }
      />
      <Card>
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 24 }}
          items={STEP_KEYS.map((k) => ({ title: t(`ledger.steps.${k}` as MessageKey) }))}
        />
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} />}
        {view?.prior && step > 0 && step < 5 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('ledger.file.prior', {
              sheet: view.sheet,
              at: formatDateTime(view.prior.at),
              imported: view.prior.counts.imported,
              merged: view.prior.counts.merged,
              skipped: view.prior.counts.skipped,
            })}
          />
        )}
        {job !== null && <JobProgress label={job} />}
        {/* Hidden, not unmounted, while a long call runs: a cancelled import returns to the
            preview with every decision the caseworker made still there. */}
        <div style={job !== null ? { display: 'none' } : undefined}>
          <Spin spinning={busy !== null} description={busy ?? undefined}>
            {step === 0 && (
              <Flex vertical gap={12} align="start">
                <Typography.Paragraph>{t('ledger.file.hint')}</Typography.Paragraph>
                <input
                  ref={inputRef}
                  type="file"
                  accept=".xlsx,.csv,.xls"
                  aria-label={t('ledger.file.choose')}
                  style={{ display: 'none' }}
                  onChange={(e) => {
                    void chooseFile(e.target.files?.[0]);
                    e.target.value = '';
                  }}
                />
                <Button type="primary" icon={<UploadOutlined />} onClick={() => inputRef.current?.click()}>
                  {t('ledger.file.choose')}
                </Button>
              </Flex>
            )}

            {step === 1 && view && file && (
              <Flex vertical gap={16} align="start">
                <Typography.Text>{file.fileName}</Typography.Text>
                <Space>
                  <span>{t('ledger.sheet.label')}</span>
                  <Select
                    aria-label={t('ledger.sheet.label')}
                    value={view.sheet}
                    style={{ minWidth: 240 }}
                    options={view.sheets.map((s) => ({ value: s.name, label: t('ledger.sheet.rows', s) }))}
                    onChange={(sheet) => void read(file, sheet)}
                  />
                </Space>
                <Space>
                  <Button onClick={cancel}>{t('ledger.preview.cancel')}</Button>
                  <Button type="primary" onClick={() => setStep(2)}>
                    {t('ledger.nav.next')}
                  </Button>
                </Space>
              </Flex>
            )}

            {step === 2 && view && file && (
              <Flex vertical gap={12}>
                <Alert
                  type="info"
                  showIcon
                  title={
                    headerRow === null
                      ? t('ledger.header.none')
                      : t('ledger.header.hint', { row: headerRow + 1 })
                  }
                />
                <div style={{ overflowX: 'auto' }}>
                  <table className="ledger-grid" aria-label={t('ledger.steps.header')}>
                    <tbody>
                      {view.top.map((cells, i) => (
                        <tr
                          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the sheet.
                          key={i}
                          className={i === headerRow ? 'ledger-grid-header' : undefined}
                          onClick={() => void read(file, view.sheet, i)}
                          title={t('ledger.header.row', { row: i + 1 })}
                        >
                          <th>{i === headerRow ? t('ledger.header.chosen') : i + 1}</th>
                          {cells.slice(0, 14).map((c, j) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in the row.
                            <td key={j}>{c}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Space>
                  <Button onClick={cancel}>{t('ledger.preview.cancel')}</Button>
                  <Button onClick={() => setStep(1)}>{t('ledger.nav.previous')}</Button>
                  <Button type="primary" disabled={headerRow === null} onClick={() => setStep(3)}>
                    {t('ledger.nav.next')}
                  </Button>
                </Space>
              </Flex>
            )}

            {step === 3 && view && (
              <Flex vertical gap={12}>
                <Typography.Paragraph>{t('ledger.mapping.hint')}</Typography.Paragraph>
                {view.mappings.length > 0 && (
                  <Space>
                    <span>{t('ledger.mapping.saved')}</span>
                    <Select
                      aria-label={t('ledger.mapping.saved')}
                      style={{ minWidth: 200 }}
                      options={view.mappings.map((m) => ({ value: m.id, label: m.name }))}
                      onChange={applySaved}
                    />
                  </Space>
                )}
                <Table
                  size="small"
                  pagination={false}
                  rowKey="col"
                  dataSource={view.headers.map((h, col) => ({ col, h }))}
                  columns={[
                    {
                      title: t('ledger.mapping.column'),
                      dataIndex: 'h',
                      render: (h: string, r) => h || `#${r.col + 1}`,
                    },
                    {
                      title: t('ledger.mapping.example'),
                      key: 'ex',
                      render: (_, r) => dataRowExample(r.col),
                    },
                    {
                      title: t('ledger.mapping.field'),
                      key: 'field',
                      render: (_, r) => (
                        <Select
                          aria-label={`${t('ledger.mapping.field')} ${r.h}`}
                          style={{ width: 200 }}
                          value={columns[r.col] ?? ''}
                          options={FIELD_OPTIONS}
                          onChange={(v: string) =>
                            setColumns((cs) =>
                              cs.map((c, i) => (i === r.col ? ((v || null) as LedgerField | null) : c)),
                            )
                          }
                        />
                      ),
                    },
                  ]}
                />
                <Space wrap>
                  <Input
                    aria-label={t('ledger.mapping.saveName')}
                    placeholder={t('ledger.mapping.saveName')}
                    value={mappingName}
                    onChange={(e) => setMappingName(e.target.value)}
                    style={{ width: 200 }}
                  />
                  <Button disabled={!mappingName.trim()} onClick={() => void saveMapping()}>
                    {t('ledger.mapping.save')}
                  </Button>
                </Space>
                <Space>
                  <Button onClick={cancel}>{t('ledger.preview.cancel')}</Button>
                  <Button onClick={() => setStep(2)}>{t('ledger.nav.previous')}</Button>
                  <Button type="primary" onClick={() => void runPreview()}>
                    {t('ledger.steps.preview')}
                  </Button>
                </Space>
              </Flex>
            )}

            {step === 4 && preview && (
              <PreviewStep preview={preview} onCancel={cancel} onBack={() => setStep(3)} onCommit={commit} />
            )}

            {step === 5 && report && file && (
              <DoneStep
                report={report}
                file={file}
                onAgain={() => {
                  setFile(null);
                  setView(null);
                  setStep(0);
                }}
              />
            )}
          </Spin>
        </div>
      </Card>
    </>
  );
}
