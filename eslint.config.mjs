// One lint configuration for every package: typescript-eslint with type information (each file is
// checked against its own package's tsconfig), React's hook rules for the console.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'test-artifacts/**', '**/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Values that cross a boundary (GraphQL variables and results, pg rows, JSON bodies, supertest
      // responses) are `any` by the libraries' own types and are checked where they are read (zod,
      // class-validator, the schema). The no-unsafe-* family would flag each use of them again, so it
      // stays off; every other type-aware rule of the recommended set is on.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // String(x) is used on JSON and Excel cell values that are strings or numbers when read (each is
      // validated where it enters); 13 such places. Typing each value is left for later.
      '@typescript-eslint/no-base-to-string': 'off',
      // An async function without await is how an interface that wants a promise is implemented
      // (react-admin's authProvider, Apollo's plugin hooks): a throw in it is a rejection.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'scripts/**/*.js', 'test/support/ts-register.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The rules of hooks and complete effect dependencies. The plugin's React Compiler rules
    // (set-state-in-effect and the like) are not switched on: the console does not use the compiler.
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
    languageOptions: { globals: { ...globals.browser } },
  },
);
