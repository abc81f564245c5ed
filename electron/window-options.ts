import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options, as a pure function so a unit test can hold every security
 * setting in place: isolated, sandboxed, no Node in the page, no webviews, no remote modules.
 */
export function mainWindowOptions(input: { preload: string; backgroundColor: string }): BrowserWindowConstructorOptions {
  return {
    ...SIZE,
    show: false,
    title: 'Strategy Workbench',
    backgroundColor: input.backgroundColor,
    autoHideMenuBar: false,
    webPreferences: securePreferences(input.preload),
  };
}

/**
 * The audience window of a presentation: the same locked-down page, fullscreen on the screen the
 * presenter chose (or the current one), black behind the map while it loads.
 */
export function presentationWindowOptions(input: {
  preload: string;
  bounds: { x: number; y: number; width: number; height: number } | null;
}): BrowserWindowConstructorOptions {
  return {
    ...(input.bounds ?? SIZE),
    fullscreen: true,
    title: 'Strategy Workbench — presentation',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: securePreferences(input.preload),
  };
}

const SIZE = { width: 1360, height: 860, minWidth: 960, minHeight: 600 } as const;

function securePreferences(preload: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
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
  };
}
