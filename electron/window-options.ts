import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options, as a pure function so a unit test can hold every security
 * setting in place: isolated, sandboxed, no Node in the page, no webviews, no remote modules.
 */
export function mainWindowOptions(input: { preload: string; backgroundColor: string }): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Strategy Workbench',
    backgroundColor: input.backgroundColor,
    autoHideMenuBar: false,
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: true,
    },
  };
}
