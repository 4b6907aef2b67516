import { describe, expect, it } from 'vitest';
import { stepsFrom } from '../../../db/common/flow';
import { OUTREACH_FLOW } from '../../../db/outreach/codes';
import { outreachCreateInput } from '../../../db/outreach/inputs';

const base = {
  date: '2026-04-15',
  township: '济北街道',
  placeKind: 'school',
  placeName: '济北中学',
  topic: 'online',
  audienceKind: 'students',
  speakers: ['王芳'],
};

describe('法治宣讲 input and flow', () => {
  it('keeps photos as bare image file names', () => {
    const ok = outreachCreateInput.parse({
      ...base,
      photos: ['IMG_0001.JPG', 'IMG_0001.JPG', '宣讲 现场.heic'],
    });
    expect(ok.photos).toEqual(['IMG_0001.JPG', '宣讲 现场.heic']);
    for (const bad of ['D:/照片/a.jpg', 'a.pdf', '..\\a.png', '.jpg'])
      expect(outreachCreateInput.safeParse({ ...base, photos: [bad] }).success, bad).toBe(false);
  });

  it('plans go to 已开展 or 已取消, and nothing leaves either', () => {
    expect(stepsFrom(OUTREACH_FLOW, 'planned', 'caseworker')).toEqual(['hold', 'cancel']);
    expect(stepsFrom(OUTREACH_FLOW, 'held', 'admin')).toEqual([]);
    expect(stepsFrom(OUTREACH_FLOW, 'cancelled', 'admin')).toEqual([]);
    expect(stepsFrom(OUTREACH_FLOW, 'planned', 'counsellor')).toEqual([]);
  });
});
