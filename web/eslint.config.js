import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every folder under src/features is a feature; a new one is fenced in without touching this file.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The cut bulletproof-react enforces: a feature sees only itself and the shared code; app/ composes features;
// shared code sees neither. src/testing is the test harness (it renders the whole app), so like bulletproof-react's
// it may import app/ and features, and production code may not import it (see the rule below).
const restrictedPaths = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features do not import each other: compose them in src/app, or move the shared part to src/components or src/lib.',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'src/app composes features, not the other way round.',
  },
  {
    target: ['./src/components', './src/hooks', './src/lib', './src/types', './src/utils', './src/config'],
    from: ['./src/features', './src/app'],
    message: 'Shared code does not depend on features or on src/app.',
  },
];

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'target/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [importX.flatConfigs.recommended, importX.flatConfigs.typescript, reactHooks.configs.flat.recommended],
    plugins: { 'check-file': checkFile },
    languageOptions: {
      globals: globals.browser,
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.app.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: fileURLToPath(new URL('.', import.meta.url)), zones: restrictedPaths }],
      'import-x/no-cycle': 'error',
      // No barrel files: import a module from the file that defines it (barrels defeat tree shaking and hide cycles).
      'check-file/no-index': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration, ExportNamedDeclaration[source]',
          message: 'No re-exports (barrel files): import from the module that defines the name.',
        },
      ],
      'check-file/filename-naming-convention': [
        'error',
        { 'src/**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/!(__tests__)/': 'KEBAB_CASE' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Production code never reaches into the test harness.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/testing/**', 'src/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/testing/*'], message: 'Only tests import the test harness.' }] },
      ],
    },
  },
  {
    files: ['*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The browser flows run in Node, and the callbacks they hand to page.evaluate run in the page.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
