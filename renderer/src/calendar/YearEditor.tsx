import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { t } from '../../../db/i18n';
import { type ApiOutput, api, toApiCallError } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { InfoNote } from '../common/InfoNote';
import type { FormFailure } from '../common/useApiForm';
import { YearGrid } from './YearGrid';

type Preview = ApiOutput<'calendar.preview'>;
type Festival = Preview['festivals'][number];
type Mode = 'notice' | 'manual';

interface ManualRow {
  name?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  workdays?: Dayjs[];
}

const FMT = 'YYYY-MM-DD';

function rangeText(f: Festival): string {
  return f.ranges
    .map((r) =>
      r.from === r.to
        ? t('calendar.rangeOne', { from: r.from })
        : t('calendar.rangeMany', { from: r.from, to: r.to }),
    )
    .join('、');
}

function festivalDays(f: Festival): number {
  return f.ranges.reduce((n, r) => n + dayjs(r.to).diff(dayjs(r.from), 'day') + 1, 0);
}

function toManualRows(festivals: Festival[] | null): ManualRow[] {
  if (!festivals?.length) return [{}];
  return festivals.flatMap((f) =>
    f.ranges.map((r, i) => ({
      name: f.name,
      range: [dayjs(r.from), dayjs(r.to)] as [Dayjs, Dayjs],
      // A festival's 调休 days go with its first range.
      workdays: i === 0 ? f.workdays.map((d) => dayjs(d)) : [],
    })),
  );
}

/** Rows entered by hand, one range each; rows of the same name are one festival. */
function fromManualRows(rows: ManualRow[]): Festival[] {
  const out: Festival[] = [];
  for (const row of rows) {
    const name = row.name?.trim() ?? '';
    const from = row.range?.[0]?.format(FMT);
    const to = row.range?.[1]?.format(FMT);
    let f = out.find((x) => x.name === name);
    if (!f) {
      f = { name, ranges: [], workdays: [] };
      out.push(f);
    }
    if (from && to) f.ranges.push({ from, to });
    for (const d of row.workdays ?? []) f.workdays.push(d.format(FMT));
  }
  return out;
}

/**
 * 添加 or 更正 a year: paste the notice (or enter ranges by hand), see the dates read from it on
 * a calendar with every problem named, and only then save.
 */
export function YearEditor({
  correcting,
  onClose,
  onSaved,
}: {
  /** The year being corrected, with what it holds now; null to add a year. */
  correcting: { year: number; festivals: Festival[] | null; sourceLabel: string } | null;
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; text?: string; rows?: ManualRow[] }>();
  const [mode, setMode] = useState<Mode>('notice');
  const [preview, setPreview] = useState<{ year: number; text: string | null; result: Preview } | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown) => {
    const e = toApiCallError(err);
    setFailure({ message: e.message, details: Object.values(e.fields ?? {}).filter((m) => m !== e.message) });
  };

  const check = async () => {
    // A field left wrong says so beside itself; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    setBusy(true);
    try {
      const year = correcting?.year ?? values.year;
      const text = mode === 'notice' ? (values.text ?? '') : null;
      const result = await api(
        'calendar.preview',
        text !== null ? { year, text } : { year, festivals: fromManualRows(values.rows ?? []) },
      );
      setPreview({ year, text, result });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!preview) return;
    setFailure(null);
    setBusy(true);
    try {
      const existing = preview.result.existing;
      const saved = await api('calendar.save', {
        year: preview.year,
        festivals: preview.result.festivals,
        source: mode,
        noticeText: preview.text,
        replace: correcting !== null,
        version: correcting && existing?.version ? existing.version : undefined,
      });
      message.success(
        t('calendar.editor.saved', { year: saved.year }) +
          (saved.moved ? t('calendar.editor.moved', { count: saved.moved }) : ''),
      );
      onSaved(saved.year);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const problems = preview
    ? [
        ...(preview.result.existing && !correcting
          ? [
              t('calendar.rules.yearPresent', {
                year: preview.year,
                source: t(`calendar.source.${preview.result.existing.source}`),
              }),
            ]
          : []),
        ...preview.result.problems,
      ]
    : [];

  const title = correcting
    ? t('calendar.editor.correctTitle', { year: correcting.year })
    : t('calendar.editor.addTitle');

  return (
    <Modal
      open
      title={title}
      width={preview ? 1040 : 760}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        preview ? (
          <Space>
            <Button onClick={() => setPreview(null)}>{t('calendar.editor.back')}</Button>
            <Button type="primary" loading={busy} disabled={problems.length > 0} onClick={save}>
              {t('calendar.editor.confirm')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('app.common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={check}>
              {mode === 'notice' ? t('calendar.editor.parse') : t('calendar.editor.preview')}
            </Button>
          </Space>
        )
      }
    >
      <FormAlert failure={failure} />
      <div style={{ display: preview ? 'none' : undefined }}>
        {correcting && (
          <InfoNote
            title={t('calendar.editor.correctingHint', {
              year: correcting.year,
              source: correcting.sourceLabel,
            })}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ year: correcting?.year, rows: toManualRows(correcting?.festivals ?? null) }}
        >
          <Flex gap={24} wrap>
            <Form.Item
              label={t('calendar.editor.year')}
              name="year"
              rules={[
                {
                  required: true,
                  type: 'integer',
                  min: 2000,
                  max: 2100,
                  message: t('calendar.rules.yearRange'),
                },
              ]}
            >
              <InputNumber
                disabled={correcting !== null}
                placeholder={t('calendar.editor.yearPlaceholder')}
                precision={0}
                style={{ width: 140 }}
              />
            </Form.Item>
            <Form.Item label={t('calendar.editor.mode')}>
              <Radio.Group
                value={mode}
                onChange={(e) => setMode(e.target.value)}
                optionType="button"
                options={[
                  { value: 'notice', label: t('calendar.editor.modeNotice') },
                  { value: 'manual', label: t('calendar.editor.modeManual') },
                ]}
              />
            </Form.Item>
          </Flex>
          {mode === 'notice' ? (
            <Form.Item
              label={t('calendar.editor.notice')}
              name="text"
              rules={[{ required: true, whitespace: true, message: t('calendar.parse.noDates') }]}
            >
              <Input.TextArea rows={12} placeholder={t('calendar.editor.noticePlaceholder')} />
            </Form.Item>
          ) : (
            <Form.List name="rows">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, i) => (
                    <Flex key={field.key} gap={8} align="start" wrap>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={i === 0 ? t('calendar.editor.festival') : undefined}
                        rules={[
                          { required: true, whitespace: true, message: t('calendar.rules.nameRequired') },
                        ]}
                      >
                        <Input
                          placeholder={t('calendar.editor.festivalPlaceholder')}
                          aria-label={t('calendar.editor.festival')}
                          style={{ width: 140 }}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'range']}
                        label={i === 0 ? t('calendar.editor.ranges') : undefined}
                        rules={[{ required: true, message: t('calendar.rules.rangeRequired') }]}
                      >
                        <DatePicker.RangePicker format={FMT} style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'workdays']}
                        label={i === 0 ? t('calendar.editor.workdays') : undefined}
                      >
                        <DatePicker multiple format={FMT} style={{ width: 240 }} />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('calendar.editor.removeFestival')}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: i === 0 ? 30 : 0 }}
                        disabled={fields.length === 1}
                      />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('calendar.editor.addFestival')}
                  </Button>
                </>
              )}
            </Form.List>
          )}
        </Form>
      </div>
      {preview && (
        <Flex vertical gap={12} data-testid="calendar-preview">
          {problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problems[0]}
              description={
                problems.length > 1 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {problems.slice(1).map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          ) : (
            <Alert type="success" showIcon title={t('calendar.editor.parsedTitle')} />
          )}
          <Table
            size="small"
            pagination={false}
            rowKey={(f) => f.name + rangeText(f)}
            dataSource={preview.result.festivals}
            columns={[
              { title: t('calendar.editor.festival'), dataIndex: 'name', key: 'name', width: 140 },
              {
                title: t('calendar.editor.ranges'),
                key: 'ranges',
                render: (_, f) =>
                  `${rangeText(f)}（${t('calendar.editor.days', { days: festivalDays(f) })}）`,
              },
              {
                title: t('calendar.editor.workdays'),
                key: 'workdays',
                render: (_, f) => (f.workdays.length ? f.workdays.join('、') : t('calendar.noWorkdays')),
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('calendar.yearLabel', { year: preview.year })}
          </Typography.Title>
          <YearGrid
            year={preview.year}
            holidays={preview.result.holidays}
            workdays={preview.result.workdays}
          />
        </Flex>
      )}
    </Modal>
  );
}
