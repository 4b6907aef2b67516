import { describe, expect, it } from 'vitest';
import {
  cellText,
  detectHeaderRow,
  fieldForHeader,
  readDate,
  readIdText,
  readRelation,
  readTermMonths,
  readTownship,
  type SourceCell,
} from '../../../db/ledger/rules';

const text = (s: string): SourceCell => ({ text: s, kind: 'text' });
const num = (n: number): SourceCell => ({ text: String(n), kind: 'number', num: n });

describe('reading a ledger cell', () => {
  it('reads every date form the ledgers use, and refuses the rest', () => {
    for (const s of ['2015.3.4', '2015/3/4', '2015-03-04', '2015年3月4日', '20150304', '２０１５.３.４'])
      expect(readDate(text(s)), s).toEqual({ ok: true, value: '2015-03-04' });
    expect(readDate(num(42067))).toEqual({ ok: true, value: '2015-03-04' });
    expect(readDate(num(20150304))).toEqual({ ok: true, value: '2015-03-04' });
    expect(readDate({ text: '', kind: 'date', num: Date.UTC(2015, 2, 4) })).toEqual({
      ok: true,
      value: '2015-03-04',
    });
    for (const s of ['2015.3', '15/3/4', '2015.2.30', '三月四日'])
      expect(readDate(text(s)).ok, s).toBe(false);
  });

  it('flags an ID number Excel kept as a number, and cleans spaces, full width and lower-case x', () => {
    expect(readIdText(num(370115201503041000))).toEqual({ damaged: true });
    expect(readIdText(text('3.70115E+17'))).toEqual({ damaged: true });
    expect(readIdText(text('370115 20150304 123x'))).toEqual({ damaged: false, text: '37011520150304123X' });
    expect(readIdText(text('３７０１１５２０１５０３０４１２３Ｘ'))).toEqual({
      damaged: false,
      text: '37011520150304123X',
    });
  });

  it('treats 无, - and / as empty', () => {
    for (const s of ['无', '-', '/', '—', ' ／ ']) expect(cellText(text(s)), s).toBeNull();
    expect(cellText(text(' 城关村 '))).toBe('城关村');
  });

  it('knows the header names studios use for each field', () => {
    expect(['姓名', '儿童姓名'].map(fieldForHeader)).toEqual(['name', 'name']);
    expect(['出生日期', '出生年月'].map(fieldForHeader)).toEqual(['birthDate', 'birthDate']);
    expect(['身份证号', '公民身份号码', '身份证号码'].map(fieldForHeader)).toEqual([
      'idNumber',
      'idNumber',
      'idNumber',
    ]);
    expect(['乡镇', '街道', '所在乡镇'].map(fieldForHeader)).toEqual(['township', 'township', 'township']);
    expect(['监护人', '实际监护人'].map(fieldForHeader)).toEqual(['guardianName', 'guardianName']);
    expect(['联系电话', '电话'].map(fieldForHeader)).toEqual(['guardianPhone', 'guardianPhone']);
    expect(fieldForHeader('备注')).toBeNull();
  });

  it('finds the header row below a merged title', () => {
    const title = Array.from({ length: 4 }, () => text('济阳区台账'));
    const header = ['姓名', '性别', '出生日期', '身份证号'].map(text);
    expect(detectHeaderRow([title, [text('填报单位')], header, [text('张三')]])).toBe(2);
  });

  it('reads townships, relations and terms as the ledgers write them', () => {
    expect(readTownship('仁风')).toBe('仁风镇');
    expect(readTownship('济阳区曲堤街道办事处')).toBe('曲堤街道');
    expect(readTownship('历城区')).toBeNull();
    expect(readRelation('奶奶')).toEqual({ relation: 'grandparent', gender: 'female' });
    expect(readRelation('姥爷')).toEqual({ relation: 'maternalGrandparent', gender: 'male' });
    expect(readTermMonths('有期徒刑3年6个月')).toBe(42);
    expect(readTermMonths('三年')).toBe(36);
    expect(readTermMonths('无期徒刑')).toBeNull();
  });
});
