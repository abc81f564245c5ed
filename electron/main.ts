import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, nativeTheme, protocol, screen, session, shell } from 'electron';
import { EVENT_CHANNEL, registerIpc } from './ipc.ts';
import { serveRenderer } from './protocol.ts';
import { APP_SCHEME, APP_URL, hardenSession, hardenWebContents } from './security.ts';
import { defaultWorkspacePath, userDataDir } from './server/paths.ts';
import { startServerWorker, type ServerWorker } from './server/worker-client.ts';
import type { Display } from './server/context.ts';
import { mainWindowOptions, presentationWindowOptions } from './window-options.ts';

/**
 * The Electron shell: lifecycle, the window, and the wiring between IPC and the server worker.
 * Everything that is not about Electron lives in electron/server/ and core/.
 */

// Same folder as the CLI's default (electron/server/paths.ts), whatever Electron would pick.
app.setPath('userData', userDataDir());

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const buildDir = __dirname; // build/electron, inside app.asar when packaged
const rendererDir = path.join(buildDir, '..', 'renderer');
const dataDir = app.isPackaged ? path.join(process.resourcesPath, 'data') : path.join(app.getAppPath(), 'data');

/** `--workspace FILE` (tests, scripts) or the app's default workspace in the user-data folder. */
function workspaceFromArgs(argv: readonly string[]): string {
  const flag = argv.findIndex((a) => a === '--workspace');
  const value = flag >= 0 ? argv[flag + 1] : argv.find((a) => a.startsWith('--workspace='))?.slice('--workspace='.length);
  return value ? path.resolve(value) : defaultWorkspacePath();
}

let mainWindow: BrowserWindow | null = null;
let server: ServerWorker | null = null;

async function openExternalWithConsent(url: string): Promise<void> {
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(url);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preload: path.join(buildDir, 'preload.cjs'),
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181e' : '#f6f7f9',
    }),
  );
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_URL);
  return window;
}

function displays(): Display[] {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d, i) => ({
    id: d.id,
    label: d.label || `Screen ${i + 1}`,
    width: d.size.width,
    height: d.size.height,
    primary: d.id === primary,
  }));
}

/** An audience window goes fullscreen on the screen the presenter picked, if it is still there. */
function presentationWindow({ display }: { display: number | null }) {
  const target = screen.getAllDisplays().find((d) => d.id === display);
  return presentationWindowOptions({ preload: path.join(buildDir, 'preload.cjs'), bounds: target?.bounds ?? null });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternalWithConsent, presentationWindow));
  serveRenderer(protocol, APP_SCHEME, rendererDir);

  const dbPath = workspaceFromArgs(process.argv);
  try {
    server = await startServerWorker(
      path.join(buildDir, 'worker.cjs'),
      { dbPath, dataDir, appVersion: app.getVersion(), displays: displays() },
      (event, payload) => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event, payload);
      },
    );
  } catch (error) {
    dialog.showErrorBox('Strategy Workbench cannot open its workspace', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const worker = server;
  const reportDisplays = () => worker.setDisplays(displays());
  screen.on('display-added', reportDisplays);
  screen.on('display-removed', reportDisplays);
  screen.on('display-metrics-changed', reportDisplays);
  registerIpc(ipcMain, (method, args) => worker.call(method, args));
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && server) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    void server?.close();
  });
  void app.whenReady().then(start);
}
