// Lint: TypeScript + React hooks, kebab-case file names, and the one-way import flow of ARCHITECTURE.md:
// domain <- db/sync <- features <- routes; no feature imports another; the UI reaches sync via its facade.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';
import path from 'node:path';

const SRC = path.resolve('src');

/** Where a file sits in the layering: domain, db, sync, pwa, i18n, ui, feature:<name>, routes, server... */
function layerOf(file) {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel[0] === 'domain') return 'domain';
  if (rel[0] === 'server') return 'server';
  if (rel[0] === 'app') {
    if (rel[1] === 'features') return `feature:${rel[2]}`;
    return rel.length > 2 ? rel[1] : 'app';
  }
  return 'other';
}

const ALLOWED = {
  domain: ['domain'],
  server: ['domain', 'server'],
  db: ['domain', 'db'],
  sync: ['domain', 'db', 'sync'],
  pwa: ['pwa', 'i18n', 'ui'],
  i18n: ['i18n'],
  ui: ['ui', 'i18n', 'db'],
};

const layering = {
  meta: {
    type: 'problem',
    messages: { bad: '{{from}} may not import {{to}} (ARCHITECTURE.md: imports flow one way)' },
  },
  create(context) {
    const from = layerOf(context.filename);
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) {
          if (from === 'domain' && /^(dexie|react|hono|pg|better-sqlite3|kysely)/.test(spec)) {
            context.report({ node, messageId: 'bad', data: { from, to: spec } });
          }
          return;
        }
        const target = path.resolve(path.dirname(context.filename), spec);
        if (!target.startsWith(SRC)) return;
        const to = layerOf(target);
        const rel = path.relative(SRC, target).split(path.sep);
        let ok;
        if (from === 'i18n' && (to.startsWith('feature:') || to === 'pwa') && rel[rel.length - 1] === 'messages') {
          ok = true;
        } else if (from.startsWith('feature:')) {
          ok =
            to === from || ['domain', 'db', 'i18n', 'ui', 'pwa'].includes(to) || (to === 'sync' && rel[2] === 'index');
        } else if (from === 'routes' || from === 'layout' || from === 'app') {
          ok = to !== 'server' && (to !== 'sync' || rel[2] === 'index');
        } else {
          ok = (ALLOWED[from] ?? [from, 'domain']).includes(to);
        }
        if (!ok) context.report({ node, messageId: 'bad', data: { from, to: spec } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'dev-dist', 'coverage', '.tmp', 'screenshots', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'check-file': checkFile, dangol: { rules: { layering } } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE' }],
    },
  },
  { files: ['src/**/*.{ts,tsx}'], rules: { 'dangol/layering': 'error' } },
  {
    files: ['src/app/features/**/*.{ts,tsx}', 'src/app/routes/**/*.{ts,tsx}', 'src/app/layout/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='db'][property.name=/^(markets|tutors|stalls|visits|notes|steps|stepEvents|consents|outbox|rejected|meta)$/]",
          message: 'Components never call Dexie tables directly: use a repository in src/app/db (ARCHITECTURE.md 3).',
        },
      ],
    },
  },
);
