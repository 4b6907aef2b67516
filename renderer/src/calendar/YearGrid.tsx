import { Flex, Typography, theme } from 'antd';
import { t } from '../../../db/i18n';

const WEEK_HEAD = [1, 2, 3, 4, 5, 6, 0];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One month as a small table, Monday first as Chinese wall calendars are: 休 days off, 班 weekends worked. */
function MonthGrid({
  year,
  month,
  holidays,
  workdays,
}: {
  year: number;
  month: number;
  holidays: Set<string>;
  workdays: Set<string>;
}) {
  const { token } = theme.useToken();
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first + 6) % 7;
  const cells: (number | null)[] = [
    ...Array(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const names = t('calendar.weekdays');
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong>{t('calendar.month', { month })}</Typography.Text>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', marginTop: 4 }}>
        <thead>
          <tr>
            {WEEK_HEAD.map((d) => (
              <th
                key={d}
                style={{
                  fontWeight: 400,
                  fontSize: 12,
                  color: d === 0 || d === 6 ? token.colorTextTertiary : token.colorTextSecondary,
                }}
              >
                {names[d]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find((d) => d !== null)}>
              {week.map((d, i) => {
                if (d === null) return <td key={`empty-${WEEK_HEAD[i]}`} />;
                const date = `${year}-${pad(month)}-${pad(d)}`;
                const off = holidays.has(date);
                const on = workdays.has(date);
                const weekend = WEEK_HEAD[i] === 0 || WEEK_HEAD[i] === 6;
                return (
                  <td
                    key={date}
                    data-date={date}
                    data-kind={off ? 'holiday' : on ? 'workday' : undefined}
                    title={
                      off
                        ? t('calendar.dayHoliday', { date })
                        : on
                          ? t('calendar.dayWorkday', { date })
                          : undefined
                    }
                    style={{
                      textAlign: 'center',
                      fontSize: 12,
                      lineHeight: '20px',
                      position: 'relative',
                      borderRadius: 4,
                      background: off ? token.colorErrorBg : on ? token.colorInfoBg : undefined,
                      color: off
                        ? token.colorError
                        : on
                          ? token.colorInfo
                          : weekend
                            ? token.colorTextTertiary
                            : token.colorText,
                      fontWeight: off || on ? 600 : undefined,
                    }}
                  >
                    {d}
                    {(off || on) && (
                      <span style={{ fontSize: 9, position: 'absolute', top: -3, right: 1, fontWeight: 400 }}>
                        {off ? '休' : '班'}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A year's 放假 and 调休 days as twelve months. */
export function YearGrid({
  year,
  holidays,
  workdays,
}: {
  year: number;
  holidays: string[];
  workdays: string[];
}) {
  const { token } = theme.useToken();
  const off = new Set(holidays);
  const on = new Set(workdays);
  return (
    <div data-testid={`year-grid-${year}`}>
      <Flex gap={16} style={{ marginBottom: 8 }} align="center">
        <Legend
          color={token.colorErrorBg}
          text={token.colorError}
          label={t('calendar.holidayLegend')}
          mark="休"
        />
        <Legend
          color={token.colorInfoBg}
          text={token.colorInfo}
          label={t('calendar.workdayLegend')}
          mark="班"
        />
        <Typography.Text type="secondary">
          {t('calendar.counts', {
            holidays: holidays.filter((d) => d.startsWith(`${year}-`)).length,
            workdays: workdays.length,
          })}
        </Typography.Text>
      </Flex>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 16 }}>
        {MONTHS.map((m) => (
          <MonthGrid key={m} year={year} month={m} holidays={off} workdays={on} />
        ))}
      </div>
    </div>
  );
}

function Legend({ color, text, label, mark }: { color: string; text: string; label: string; mark: string }) {
  return (
    <Flex gap={4} align="center">
      <span
        style={{
          display: 'inline-block',
          width: 20,
          textAlign: 'center',
          background: color,
          color: text,
          borderRadius: 4,
          fontSize: 12,
        }}
      >
        {mark}
      </span>
      <Typography.Text>{label}</Typography.Text>
    </Flex>
  );
}
