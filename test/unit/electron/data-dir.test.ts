import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../electron/data-dir';

const base = { argv: ['/opt/sunward/sunward'], env: {}, userDataDir: '/home/u/.config/向阳', cwd: '/home/u' };

describe('resolveDataDir', () => {
  it('defaults to <userData>/data', () => {
    expect(resolveDataDir(base)).toBe(path.join('/home/u/.config/向阳', 'data'));
  });

  it('takes SUNWARD_DATA_DIR', () => {
    expect(resolveDataDir({ ...base, env: { SUNWARD_DATA_DIR: '/mnt/d/sunward' } })).toBe(
      path.resolve('/mnt/d/sunward'),
    );
  });

  it('prefers --data-dir over the environment, and the last flag over earlier ones', () => {
    const argv = ['/opt/sunward/sunward', '--data-dir=/a', '--data-dir=/b'];
    expect(resolveDataDir({ ...base, argv, env: { SUNWARD_DATA_DIR: '/env' } })).toBe(path.resolve('/b'));
  });

  it('resolves a relative path from the working directory', () => {
    expect(resolveDataDir({ ...base, argv: ['electron', '.', '--data-dir=.data'] })).toBe(
      path.resolve('/home/u', '.data'),
    );
  });

  it('ignores empty or blank values', () => {
    const argv = ['electron', '--data-dir='];
    expect(resolveDataDir({ ...base, argv, env: { SUNWARD_DATA_DIR: '  ' } })).toBe(
      path.join('/home/u/.config/向阳', 'data'),
    );
  });

  it('does not mistake a similar flag for the data flag', () => {
    expect(resolveDataDir({ ...base, argv: ['electron', '--data-directory=/x', '--user-data-dir=/y'] })).toBe(
      path.join('/home/u/.config/向阳', 'data'),
    );
  });
});
