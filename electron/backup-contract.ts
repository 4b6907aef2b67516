// The shell's backup methods: choosing a folder or a backup file needs a native dialog.
// No electron import, so the renderer's wrapper can share the names.
export const BACKUP_SHELL_METHODS: ReadonlySet<string> = new Set([
  'shell.chooseFolder',
  'shell.chooseBackupFile',
]);

/** How long quitting waits for the quit backup before it gives up and quits anyway. */
export const QUIT_BACKUP_TIMEOUT_MS = 120_000;
