import type { App, Session } from 'electron';
import { NO_DICTIONARY_URL } from './guard';
import type { Log } from './log';
import { isAllowedRequestUrl, isSamePage } from './security';

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable)';
  }
}

/**
 * The app asks for no permission and opens no connection, so the session grants nothing and
 * refuses every request that is not our own files. Logged by origin only: a URL's path or
 * query could carry personal data.
 */
export function hardenSession(ses: Session, devUrl: string | undefined, log: Log): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log('warn', 'permission request denied', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  // Per-window spellcheck: false is not enough: Chromium may still fetch dictionaries for the
  // session (electron/electron#22995), the one request that could leave the machine.
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_URL);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, devUrl);
    if (!allowed) log('warn', 'request blocked', { origin: originOf(details.url) });
    callback({ cancel: !allowed });
  });
  // Files leave only through the app's own audited saves (dialog + write in the main process).
  // A download would bypass the audit: the PDF viewer's save button, Ctrl+S on an attachment.
  ses.on('will-download', (event) => {
    log('warn', 'download refused');
    event.preventDefault();
  });
}

/** Applies to every web contents ever created, including ones a bug or an attacker might open. */
export function hardenAllWebContents(app: App, log: Log): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      log('warn', 'window.open denied', { origin: originOf(url) });
      return { action: 'deny' };
    });
    const guard = (event: Electron.Event, url: string) => {
      if (isSamePage(contents.getURL(), url)) return;
      event.preventDefault();
      log('warn', 'navigation denied', { origin: originOf(url) });
    };
    contents.on('will-navigate', (event) => guard(event, event.url));
    contents.on('will-redirect', (event) => guard(event, event.url));
  });
}
