import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { escapeLike } from '../../../db/common/like';

describe('the LIKE helper', () => {
  it('makes %, _ and the escape character match only themselves', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE TABLE p (name TEXT); INSERT INTO p VALUES ('张建国'), ('100%'), ('a_b'), ('axb'), ('c\\d')",
    );
    const starts = (q: string) =>
      (
        db
          .prepare("SELECT name FROM p WHERE name LIKE ? ESCAPE '\\' ORDER BY name")
          .all(`${escapeLike(q)}%`) as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(starts('%')).toEqual([]);
    expect(starts('100%')).toEqual(['100%']);
    expect(starts('a_')).toEqual(['a_b']);
    expect(starts('c\\')).toEqual(['c\\d']);
    expect(starts('张')).toEqual(['张建国']);
    db.close();
  });
});
