// ESLint for the whole project (run by `npm test`, see package.json "lint").
// - typescript-eslint recommended everywhere, and its type-aware rules on src/;
// - import cycles are errors everywhere (import-x/no-cycle, dynamic imports included);
// - the library (src/ outside cli/ and action/) imports neither cli/ nor action/, never reads
//   process.env and never sets process.exitCode: the CLI and the Action are its clients.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ADAPTERS = ['src/cli/**', 'src/action/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-action/**', 'node_modules/**', 'native/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // Resolves "./x.js" to ./x.ts as TypeScript does, so cycles are seen through every import.
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Type-aware rules on the sources; tests parse JSON from the CLI on every line, where `any`
  // is the honest type, and keep the recommended set.
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['src/**/*.ts'] })),
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ADAPTERS,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/*', '**/action/*'], message: 'the library does not import its clients (src/cli, src/action)' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'the library takes settings as parameters: read process.env in src/cli or src/action' },
        { selector: "AssignmentExpression > MemberExpression.left[object.name='process'][property.name='exitCode']", message: 'the library returns results: only the CLI sets process.exitCode' },
        { selector: "ImportExpression[source.value=/\\/(cli|action)\\//]", message: 'the library does not import its clients (src/cli, src/action)' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
