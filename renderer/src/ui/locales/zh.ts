import type { Messages } from './en.ts';

/** 中文界面文字。结构须与 en.ts 相同（由类型检查保证）。 */
export const zh: Messages = {
  app: {
    name: '战略工作台',
    loading: '加载中…',
    retry: '重试',
    error: '出现问题',
  },
  nav: {
    library: '知识库',
    maps: '概念图',
    decisions: '决策',
    main: '主导航',
  },
  settings: {
    language: '语言',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
  },
  library: {
    title: '知识库',
    kinds: '类别',
    all: '全部条目',
    count_one: '{{count}} 个条目',
    count_other: '{{count}} 个条目',
    sortBy: '排序',
    sort: { title: '标题', kind: '类别', source: '出处', updated: '最近修改' },
    empty: '这里还没有内容。',
    selectPrompt: '选择一个条目以查看详情。',
    source: '出处',
    summary: '摘要',
    tags: '标签',
    relations: '关系',
    noRelations: '暂无关系。',
    outgoing: '由此条目指出',
    incoming: '指向此条目',
    revision: '第 {{revision}} 版 · 修改于 {{date}}',
    origin: { seed: '默认知识库', user: '已由你修改' },
  },
  maps: {
    title: '概念图',
    emptyTitle: '还没有概念图',
    emptyBody: '由知识库生成、手工绘制或从 Mermaid、CmapTools 导入的概念图将显示在这里。',
  },
  decisions: {
    title: '决策',
    emptyTitle: '还没有决策',
    emptyBody: '比较方案、引用证据的加权决策矩阵将显示在这里。',
  },
};
