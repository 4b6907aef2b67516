import type { MenuItemConstructorOptions } from 'electron';
import { t } from '../db/i18n';

export interface MenuActions {
  lock(): void;
  about(): void;
}

/**
 * The Chinese application menu. Built from roles so Chromium does the editing and zooming;
 * labels are given because role labels would otherwise follow the OS language.
 */
export function menuTemplate(isPackaged: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: t('shell.menu.resetZoom') },
    { role: 'zoomIn', label: t('shell.menu.zoomIn') },
    { role: 'zoomOut', label: t('shell.menu.zoomOut') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t('shell.menu.fullScreen') },
  ];
  if (!isPackaged)
    view.push({ type: 'separator' }, { role: 'toggleDevTools', label: t('shell.menu.devTools') });

  return [
    {
      label: t('shell.menu.file'),
      submenu: [
        { label: t('shell.menu.lock'), accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { type: 'separator' },
        { role: 'quit', label: t('shell.menu.quit') },
      ],
    },
    {
      label: t('shell.menu.edit'),
      submenu: [
        { role: 'undo', label: t('shell.menu.undo') },
        { role: 'redo', label: t('shell.menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('shell.menu.cut') },
        { role: 'copy', label: t('shell.menu.copy') },
        { role: 'paste', label: t('shell.menu.paste') },
        { role: 'selectAll', label: t('shell.menu.selectAll') },
      ],
    },
    { label: t('shell.menu.view'), submenu: view },
    {
      label: t('shell.menu.help'),
      submenu: [{ label: t('shell.menu.about'), click: () => actions.about() }],
    },
  ];
}
