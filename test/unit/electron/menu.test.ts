import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../electron/menu';

const noop = { lock: () => {}, about: () => {} };
const items = (m: MenuItemConstructorOptions) => m.submenu as MenuItemConstructorOptions[];

describe('menuTemplate', () => {
  it('has the four Chinese menus', () => {
    expect(menuTemplate(true, noop).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('labels every item in Chinese', () => {
    for (const menu of menuTemplate(false, noop)) {
      for (const item of items(menu)) {
        if (item.type !== 'separator') expect(item.label, String(item.role)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('locks with Ctrl+L', () => {
    const lock = vi.fn();
    const file = items(menuTemplate(true, { ...noop, lock })[0]);
    const item = file.find((i) => i.label === '锁定')!;
    expect(item.accelerator).toBe('CmdOrCtrl+L');
    (item.click as () => void)();
    expect(lock).toHaveBeenCalledOnce();
  });

  it('offers developer tools only in development', () => {
    const roles = (packaged: boolean) => items(menuTemplate(packaged, noop)[2]).map((i) => i.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
  });

  it('opens the about dialog from 帮助', () => {
    const about = vi.fn();
    const help = items(menuTemplate(true, { ...noop, about })[3]);
    expect(help.map((i) => i.label)).toEqual(['关于向阳']);
    (help[0].click as () => void)();
    expect(about).toHaveBeenCalledOnce();
  });
});
