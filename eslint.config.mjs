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
