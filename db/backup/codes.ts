// Fixed values of the backup area.
export const DEFAULT_BACKUP_WARN_DAYS = 3;
/** How many of the newest backups' anchors the live audit chain is compared with. */
export const ANCHORS_CHECKED = 3;
export const BACKUP_DIR_NAME = 'backups';
