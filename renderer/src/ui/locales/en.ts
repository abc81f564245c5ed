/** English UI strings. Keys are grouped by screen; zh.ts must have the same shape (type-checked). */
export const en = {
  app: {
    name: 'Strategy Workbench',
    loading: 'Loading…',
    retry: 'Try again',
    error: 'Something went wrong',
  },
  nav: {
    library: 'Library',
    maps: 'Maps',
    decisions: 'Decisions',
    main: 'Main navigation',
  },
  settings: {
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'Follow system',
    themeLight: 'Light',
    themeDark: 'Dark',
  },
  library: {
    title: 'Library',
    kinds: 'Kinds',
    all: 'All entities',
    count_one: '{{count}} entity',
    count_other: '{{count}} entities',
    sortBy: 'Sort by',
    sort: { title: 'Title', kind: 'Kind', source: 'Source', updated: 'Last changed' },
    empty: 'Nothing here yet.',
    selectPrompt: 'Select an entry to see its details.',
    source: 'Source',
    summary: 'Summary',
    tags: 'Tags',
    relations: 'Relations',
    noRelations: 'No relations yet.',
    outgoing: 'From this entry',
    incoming: 'To this entry',
    revision: 'Revision {{revision}} · changed {{date}}',
    origin: { seed: 'Default knowledge base', user: 'Edited by you' },
  },
  maps: {
    title: 'Concept maps',
    emptyTitle: 'No concept maps yet',
    emptyBody: 'Maps drawn from the knowledge base, by hand, or imported from Mermaid and CmapTools will appear here.',
  },
  decisions: {
    title: 'Decisions',
    emptyTitle: 'No decisions yet',
    emptyBody: 'Weighted decision matrices that compare options and cite their evidence will appear here.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
