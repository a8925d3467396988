import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import featureBoundaries from './eslint-rules/feature-boundaries.js';

const noElectron = { name: 'electron', message: 'The renderer talks to its Host (renderer/src/host), never to electron.' };
const noDexie = [
  { name: 'dexie', message: 'Only renderer/src/storage touches IndexedDB.' },
];
/** Which feature files may import which other features, to compose them. */
export const FEATURE_COMPOSITION = {
  'plan/PlanScreen.tsx': '*',
  'plan/sections.ts': '*',
  'plan/sections.tsx': '*',
  'library/*': ['plan-file', 'share'],
};
const uiAndStorage = ['react', 'react-dom', 'react-dom/*', '@mui/*', '@emotion/*', 'dexie', 'dexie-react-hooks'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [noElectron, ...noDexie], patterns: [{ group: ['electron/*', '**/electron/main/*', '**/electron/preload/*'], message: noElectron.message }] }],
    },
  },
  {
    // Colours come from the theme (app/theme.ts), the one place a hex value is written.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/app/theme.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'Literal[value=/#[0-9a-fA-F]{3,8}\\b/]', message: 'Take colours from the theme (colors in app/theme.ts), not hex literals.' },
        { selector: 'TemplateElement[value.raw=/#[0-9a-fA-F]{3,8}\\b/]', message: 'Take colours from the theme (colors in app/theme.ts), not hex literals.' },
      ],
    },
  },
  {
    // Features compose, never borrow: the plan screen composes the sections, the library uses
    // the plan-file commands; anything else two features share lives in components/ or domain/.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      'local/feature-boundaries': ['error', { compose: FEATURE_COMPOSITION }],
    },
  },
  {
    files: ['renderer/src/storage/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/features/*', '**/app/*'], message: 'Storage must not depend on UI code.' }] }],
    },
  },
  {
    files: ['renderer/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          { group: uiAndStorage, message: 'domain/ is pure TypeScript: no React, MUI, Dexie or Electron.' },
          { group: ['**/storage/*', '**/features/*', '**/app/*', '**/host/*', '**/components/*'], message: 'domain/ depends on nothing else in the app.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/*'], message: 'The shell does not import renderer code.' }] }],
    },
  },
);
