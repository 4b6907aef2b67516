import { describe, expect, it } from 'vitest';
import { canStep, stepsFrom } from '../../../db/common/flow';
import { REPORT_FLOW, REPORT_STATUSES } from '../../../db/reports/codes';
import { reportCreateInput } from '../../../db/reports/inputs';

const base = {
  reporterUnit: '济阳区人民医院',
  reporterKind: 'medical',
  reporterName: '刘医生',
  learnedDate: '2026-04-09',
  reportedDate: '2026-04-09',
  trigger: '2',
  situation: '接诊一名不满十四周岁的女童，疑似遭受性侵害。',
  childIds: ['c1'],
};

describe('强制报告 flow table', () => {
  it('gives each role the steps the studio allows, from each status', () => {
    expect(stepsFrom(REPORT_FLOW, 'received', 'caseworker')).toEqual(['verify']);
    expect(stepsFrom(REPORT_FLOW, 'received', 'supervisor')).toEqual(['verify', 'void']);
    expect(stepsFrom(REPORT_FLOW, 'verifying', 'admin')).toEqual(['file', 'handle', 'void']);
    expect(stepsFrom(REPORT_FLOW, 'filed', 'caseworker')).toEqual(['close']);
    expect(stepsFrom(REPORT_FLOW, 'handled', 'caseworker')).toEqual(['close']);
    // Counselling staff run no casework steps; closed and voided reports have none left.
    for (const s of REPORT_STATUSES) expect(stepsFrom(REPORT_FLOW, s, 'counsellor')).toEqual([]);
    expect(stepsFrom(REPORT_FLOW, 'closed', 'admin')).toEqual([]);
    expect(stepsFrom(REPORT_FLOW, 'voided', 'admin')).toEqual([]);
    expect(canStep(REPORT_FLOW, 'void', 'filed', 'admin')).toBe(false);
  });

  it('every step leads to a status and none returns to where it started', () => {
    for (const step of Object.values(REPORT_FLOW)) {
      expect(REPORT_STATUSES).toContain(step.to);
      expect(step.from).not.toContain(step.to);
    }
  });
});

describe('强制报告 input', () => {
  it('accepts a same-day report and refuses one dated before learning', () => {
    expect(reportCreateInput.safeParse(base).success).toBe(true);
    const early = reportCreateInput.safeParse({ ...base, reportedDate: '2026-04-08' });
    expect(early.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['reportedDate', '报告日期不能早于知悉日期'],
    ]);
  });

  it('names the date mistake even when other fields are wrong too', () => {
    const r = reportCreateInput.safeParse({ ...base, trigger: '10', reportedDate: '2026-04-01' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['reportedDate', 'trigger']);
  });
});
