import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, nativeTheme, protocol, screen, session, shell } from 'electron';
import { EVENT_CHANNEL, registerIpc } from './ipc.ts';
import { serveRenderer } from './protocol.ts';
import { APP_SCHEME, APP_URL, hardenSession, hardenWebContents } from './security.ts';
import { workspaceFromArgs } from './args.ts';
import { userDataDir } from './server/paths.ts';
import { startServerWorker, type ServerWorker } from './server/worker-client.ts';
import type { Display, FileRequest } from './server/context.ts';
import type { WorkerConfig } from './server/worker-protocol.ts';
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
  if (response === 0) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: url is always externalHttpsUrl()'s output (https with a host, no credentials; security.ts) and the user has just confirmed it
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow( // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK: the checks cannot see into mainWindowOptions(), which isolates and sandboxes (tests/shell/window-options.test.ts); a middle-click's new window goes to setWindowOpenHandler (security.ts), which denies all but our presentation window
    mainWindowOptions({
      preload: path.join(buildDir, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK: reviewed; preload.ts, sandboxed and isolated, exposes only invoke(), on() for allow-listed events and the path of a dropped file, through contextBridge
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

const WORKSPACE_FILES = [{ name: 'Strategy Workbench workspace', extensions: ['swb'] }];

/** The shell's file dialogs, for the server's `workspace.chooseFile`. */
async function chooseFile(request: FileRequest): Promise<string | null> {
  const parent = mainWindow ?? BrowserWindow.getFocusedWindow();
  if (request.purpose === 'open') {
    const options = { properties: ['openFile' as const], filters: WORKSPACE_FILES };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const options = { defaultPath: request.suggestedName, filters: WORKSPACE_FILES };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}

type Recovery = { kind: 'restore'; backup: string } | { kind: 'open'; path: string } | { kind: 'quit' };

/**
 * A workspace that will not open (damaged, not a workspace, from a newer version): say so, and
 * offer the newest good backup, another file, or quitting. The file itself is left as it is.
 */
async function recover(error: { message: string; details?: Record<string, unknown> }): Promise<Recovery> {
  const restorable = error.details?.restorable as { name: string; at: string } | null | undefined;
  const backupDir = error.details?.backupDir as string | undefined;
  const buttons = [...(restorable && backupDir ? [`Restore the backup of ${new Date(restorable.at).toLocaleString()}`] : []), 'Open another workspace…', 'Quit'];
  const { response } = await dialog.showMessageBox({ type: 'error', message: 'Strategy Workbench cannot open this workspace', detail: error.message, buttons, defaultId: 0, cancelId: buttons.length - 1 });
  const choice = buttons[response];
  if (restorable && backupDir && response === 0) return { kind: 'restore', backup: path.join(backupDir, restorable.name) };
  if (choice === 'Open another workspace…') {
    const file = await chooseFile({ purpose: 'open' });
    if (file) return { kind: 'open', path: file };
  }
  return { kind: 'quit' };
}

/** Starts the server on the workspace, going through recovery until one opens or the user quits. */
async function startWorker(config: WorkerConfig): Promise<ServerWorker | null> {
  for (;;) {
    try {
      return await startServerWorker(
        path.join(buildDir, 'worker.cjs'),
        config,
        (event, payload) => {
          for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event, payload);
        },
        { chooseFile },
      );
    } catch (error) {
      const body = (error as { body?: { code: string; message: string; details?: Record<string, unknown> } }).body;
      if (!body) throw error;
      const choice = await recover(body);
      if (choice.kind === 'quit') return null;
      const file = typeof body.details?.file === 'string' ? body.details.file : config.dbPath;
      config = choice.kind === 'restore' ? { ...config, dbPath: file, restoreBackup: choice.backup } : { ...config, dbPath: choice.path, restoreBackup: undefined };
    }
  }
}

/** A workspace the system asks us to open (a double-clicked .swb) while the app runs. */
function openWorkspaceFile(file: string): void {
  void server?.call('workspace.open', { path: file });
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}

let fileToOpen: string | null = workspaceFromArgs(process.argv);

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternalWithConsent, presentationWindow));
  serveRenderer(protocol, APP_SCHEME, rendererDir);

  try {
    server = await startWorker({ dbPath: fileToOpen, dataDir, appVersion: app.getVersion(), displays: displays(), userData: userDataDir() });
  } catch (error) {
    dialog.showErrorBox('Strategy Workbench cannot open its workspace', error instanceof Error ? error.message : String(error));
  }
  if (!server) {
    app.exit(1);
    return;
  }
  fileToOpen = null;
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
  // A second launch (a double-clicked workspace while the app runs) hands its file to this one.
  app.on('second-instance', (_event, argv) => {
    const file = workspaceFromArgs(argv);
    if (file) openWorkspaceFile(file);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (server) openWorkspaceFile(file);
    else fileToOpen = file;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && server) mainWindow = createWindow();
  });
  // Close the workspace cleanly (WAL checkpointed, lock released) before the process goes.
  app.on('will-quit', (event) => {
    const running = server;
    if (!running) return;
    event.preventDefault();
    server = null;
    void running.close().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
