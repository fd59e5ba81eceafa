import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const frameworkPackages = ['vue', 'vue-router', 'vue-i18n', 'pinia', 'dexie', 'workbox-window', '@vueuse/*']

/** A `no-restricted-imports` rule forbidding the given project layers and packages. */
function layerRule(layers, packages, message) {
  return [
    'error',
    {
      patterns: [
        ...(layers.length > 0
          ? [
              {
                regex: `^(?:@/|(?:\\.\\.?/)+)(?:${layers.join('|')})(?:/|$)`,
                message,
              },
            ]
          : []),
        ...(packages.length > 0 ? [{ group: packages, message }] : []),
      ],
    },
  ]
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'e2e/.artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, __APP_VERSION__: 'readonly' },
      ecmaVersion: 'latest',
      sourceType: 'module',
    },
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (Vue single-file components excepted).' },
      ],
    },
  },
  {
    files: ['**/*.vue', '*.config.ts', '*.config.js', 'playwright.config.ts', 'e2e/support/globalSetup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**', 'e2e/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The layers (see DESIGN.md): each may import only those below it.
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': layerRule(
        ['db', 'services', 'stores', 'app', 'features', 'routes', 'main'],
        frameworkPackages,
        'src/domain is pure: no framework, no storage, no other layer.',
      ),
    },
  },
  {
    files: ['src/db/**'],
    rules: {
      'no-restricted-imports': layerRule(
        ['services', 'stores', 'app', 'features', 'routes', 'main'],
        ['vue', 'vue-router', 'vue-i18n', 'pinia', 'workbox-window'],
        'src/db may import only src/domain and Dexie.',
      ),
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      'no-restricted-imports': layerRule(
        ['db', 'stores', 'app', 'features', 'routes', 'main'],
        ['dexie', 'pinia', 'vue-router'],
        'src/services may import only src/domain; IndexedDB belongs to src/db.',
      ),
    },
  },
  {
    files: ['src/stores/**'],
    rules: {
      'no-restricted-imports': layerRule(
        ['app', 'features', 'routes', 'main'],
        ['dexie'],
        'src/stores may import db, services and domain; Dexie only through src/db.',
      ),
    },
  },
  {
    files: ['src/app/**'],
    rules: {
      'no-restricted-imports': layerRule(
        ['db', 'features', 'routes', 'main'],
        ['dexie'],
        'src/app reaches data through stores, and never imports a feature (routes.ts does).',
      ),
    },
  },
  {
    files: ['src/features/**'],
    rules: {
      'no-restricted-imports': layerRule(
        ['db', 'routes', 'main'],
        ['dexie'],
        'Features reach data through stores, never src/db or Dexie.',
      ),
    },
  },
)
