import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const electronOnly = {
  name: 'electron',
  message: 'Only src-main/electron/ and the preload may import Electron; everything else must run under plain Node.',
}

const rendererOwn = [
  { group: ['**/src-main/**', '../../src-main/*'], message: 'The renderer talks to the main process only through the contract in src-shared/api.' },
  { group: ['node:*'], message: 'No Node in the renderer.' },
]
// Relative specifiers: a leading '**/' does not match '../', so each depth is named.
const upTo = (folder) => ['', '../', '../../', '../../../', '../../../../'].map((up) => `${up}${folder}/*`).concat(`**/src/${folder}/*`)
const appAbove = {
  group: upTo('app'),
  message: 'app/ wires the features into the shell; features and the layers under them never import it. Put what both need in platform/ or components/.',
}
const featuresAbove = {
  group: upTo('features'),
  message: 'api/, components/, i18n/ and platform/ sit under the features; they never import one.',
}
const rendererImports = (...layers) => ['error', { paths: [electronOnly], patterns: [...rendererOwn, ...layers] }]
/** Handlers and the app context compose the domains; nothing below them imports them. */
const composition = { regex: '(^|/)(app|handlers)/', message: 'Domains, engines and repositories never import app/ or handlers/: they receive what they need as arguments.' }
/** Engines and repositories sit under the services: they never reach up into one. */
const servicesFromBelow = [
  { regex: '(^|/)(workspace|feedback|journeys|reports|customers|export|privacy)/(?!\\w+Repository$)', message: 'Engines and repositories never import a service; only *Repository files of another folder.' },
  { regex: '(Service|importHistory|importJob)$', message: 'Engines and repositories never import a service.' },
]
/** Handlers validate, call one service and shape the answer: no database here. */
const databaseFromHandlers = { regex: '(^|/)db/|Repository$', message: 'Handlers never import db/ or a repository: call the domain\'s service.' }
const databaseDrivers = ['kysely', 'better-sqlite3'].map((name) => ({ name, message: 'Handlers never touch the database: call the domain\'s service.' }))
/** Services hold no SQL: the drivers are imported in db/ and the *Repository files only (types for callers: db/sqlite.ts, db/openWorkspace.ts). */
const sqlDrivers = ['kysely', 'better-sqlite3'].map((name) => ({ name, message: 'SQL lives in src-main/db/ and the *Repository.ts files: call a repository (connection types: db/sqlite.ts).' }))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    files: ['src-renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  {
    files: ['src-main/electron/**', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The layers of src-main (docs/architecture.md). Each zone repeats what a wider one forbids: a later
  // block's options replace an earlier one's for the same file.
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly, ...sqlDrivers] }] },
  },
  {
    files: ['src-main/{db,common,text,workers,demo,workspace,feedback,import,journeys,reports,metrics,customers,export,collection,privacy}/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly, ...sqlDrivers], patterns: [composition] }] },
  },
  {
    files: ['src-main/{db,common,text,workers}/**', 'src-main/**/*Repository.ts', 'src-main/metrics/**', 'src-main/import/{csv,formats,mapping,source}/**'],
    ignores: ['src-main/metrics/metricsService.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly, ...sqlDrivers], patterns: [composition, ...servicesFromBelow] }] },
  },
  // Where the SQL lives: the drivers are allowed here, the layers still hold.
  {
    files: ['src-main/db/**', 'src-main/**/*Repository.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [composition, ...servicesFromBelow] }] },
  },
  // Exceptions to "no SQL outside the repositories", each with its reason:
  {
    files: [
      // Copies a file that is not yet a workspace through SQLite's backup API (opens it read-only itself).
      'src-main/workspace/opening/prepareFile.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [composition] }] },
  },
  {
    // Writes a snapshot (Save a copy) through its own connection with the caller's native binding.
    files: ['src-main/app/workspaceActions.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly] }] },
  },
  // Nor through a connection passed in: SQL text, pragmas and transactions outside db/ and the
  // repositories (transactions: db/transaction.ts), with the same exceptions as above.
  {
    files: ['src-main/**/*.ts'],
    ignores: [
      'src-main/db/**',
      'src-main/**/*Repository.ts',
      'src-main/electron/**',
      'src-main/preload/**',
      'src-main/workspace/opening/prepareFile.ts',
      'src-main/app/workspaceActions.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name=/^(prepare|exec)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]', message: 'SQL lives in src-main/db/ and the *Repository.ts files: call a repository.' },
        { selector: 'CallExpression[callee.property.name=/^(pragma|transaction)$/][arguments.0]', message: 'Pragmas and transactions go through db/ (db/transaction.ts inTransaction).' },
      ],
    },
  },
  {
    files: ['src-main/handlers/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly, ...databaseDrivers], patterns: [databaseFromHandlers] }] },
  },
  {
    files: ['src-renderer/**'],
    rules: { 'no-restricted-imports': rendererImports() },
  },
  // The renderer's layers, top down: app/ (shell, page list) → features/ → components/, i18n/,
  // api/, platform/. A file matched here gets only this block's rule (flat config replaces, not
  // merges, a rule's options), so each block restates the renderer's own limits.
  {
    files: ['src-renderer/src/features/**'],
    rules: { 'no-restricted-imports': rendererImports(appAbove) },
  },
  {
    files: ['src-renderer/src/{api,components,i18n,platform}/**'],
    rules: { 'no-restricted-imports': rendererImports(appAbove, featuresAbove) },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, { name: 'react', message: 'src-shared is used by both sides; keep React in the renderer.' }],
          patterns: [
            { group: ['node:*'], message: 'src-shared runs in the renderer too: no Node modules.' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared depends on nothing but itself and zod.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
