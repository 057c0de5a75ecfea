// Lint rules, including the layer rules of STYLE.md: imports point one way,
// ui → state → audio | storage | workers | device | tabs | pwa → analysis → core.
// state may name the services' types (its injected ports), never their code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const noUi = { group: ['**/ui/**', '../ui', '../ui/*'], message: 'Nothing imports ui: the UI sits on top of every layer.' };
const noTone = { group: ['tone', 'tone/*'], message: 'Only src/audio imports Tone.js: keep the audio engine behind one module.' };
const noReact = { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'The pure core and analysis run in Node and workers: no React or store here.' };
const noUpper = (names, why) => ({ group: names.flatMap((n) => [`**/${n}/**`, `../${n}`, `../${n}/*`]), message: why });
const SERVICES = ['audio', 'storage', 'workers', 'device', 'tabs', 'pwa'];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', '.bench', 'dev-dist', '.dist-*', '.tmp', '.corpus'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Browser tests reach into the page's untyped `window.montage` handle inside page.evaluate.
    files: ['tests/browser/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  layer(['src/core/**'], [noUi, noTone, noReact,
    noUpper(['analysis', ...SERVICES, 'state'], 'core is the bottom layer: pure domain, no I/O, imports nothing above it.')]),
  layer(['src/analysis/**'], [noUi, noTone, noReact,
    noUpper([...SERVICES, 'state'], 'analysis imports core only: it runs in workers and in Node.')]),
  layer(['src/workers/**', 'src/storage/**', 'src/device/**'], [noUi, noTone, noReact,
    noUpper(['audio', 'state', 'pwa', 'tabs'], 'workers, storage and device are services below state: they must not reach up.')]),
  layer(['src/audio/**'], [noUi, noReact,
    noUpper(['storage', 'workers', 'state', 'pwa', 'tabs', 'device'], 'the audio engine plays what it is given; it does not load or store.')]),
  {
    // state owns the store; the services are injected (main.tsx wires them), so state names their types only.
    files: ['src/state/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUi, noTone, { group: ['react', 'react-dom'], message: 'state holds no React: the UI reads it through selectors.' }] }],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{
        group: SERVICES.flatMap((n) => [`../${n}`, `../${n}/*`]), allowTypeImports: true,
        message: 'state receives its services from main.tsx: import their types only.',
      }] }],
    },
  },
  layer(['src/pwa/**', 'src/tabs/**'], [noUi, noTone,
    noUpper(['storage', 'workers', 'audio'], 'the PWA and tab adapters talk to the store, not to the services behind it.')]),
  layer(['src/ui/**'], [noTone,
    noUpper(['storage', 'workers', 'audio', 'pwa', 'tabs', 'device'], 'the UI reads and changes state only; services reach it through the store (types are fine via state).')]),
);
