// `npm run lint`: ESLint with typescript-eslint, the import directions of docs (STYLE: "Where things
// live") and no import cycles. Each rule here is one that has caught, or would catch, a real problem.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `from` may not be imported by files in `target` (paths from the repository root). */
const zone = (target, from, message) => ({ target, from, message });

/**
 * The parts import in one direction: indexer <- server <- (client: types only). Inside server/ the
 * folders stack (STYLE.md): api at the bottom; the loaded index below query, search and the engine;
 * HTTP and the command line at the top.
 */
const DIRECTIONS = [
  zone('./indexer', ['./server', './client', './tests'], 'indexer/ imports nothing of the other parts.'),
  zone('./server', ['./client', './tests'], 'server/ imports only indexer/ (the analyzer and the index format).'),
  zone('./client', ['./indexer', './tests'], 'client/ imports only the API types of server/api.'),
  zone('./server/api', ['./server/!(api)/**', './server/*.ts'], 'server/api is the contract: it imports nothing.'),
  zone('./server/api', ['./indexer'], 'server/api is the contract: it imports nothing.'),
  zone('./server/index', ['./server/search', './server/engine', './server/http', './server/cli', './server/citation', './server/facets'], 'Loading an index never imports search or what sits above it: warm-up belongs above (server/search/warm-index.ts).'),
  zone('./server/index', ['./server/*.ts'], 'Loading an index never imports what serves it.'),
  zone('./server/query', ['./server/index', './server/search', './server/engine', './server/http', './server/cli', './server/suggest', './server/facets', './server/citation'], 'The query language stands alone: it is read before any index is consulted.'),
  zone('./server/!(http|cli)/**', ['./server/http', './server/cli'], 'Only the top (HTTP, the command line) imports HTTP or the command line.'),
  zone('./server/http', ['./server/cli'], 'HTTP does not import the command line.'),
  zone('./indexer/index', ['./indexer/build', './indexer/build-cache', './indexer/threads'], 'indexer/index is the index on disk: what a build writes, never the build.'),
  zone('./indexer/analyzer', ['./indexer/!(analyzer)/**'], 'The analyzer is the bottom of the indexer.'),
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'client/dist/**', 'data/**', 'bench-results/**', 'tests/.artifacts/**', 'server/opensearch/**/target/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection ends the server).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': ['error', { zones: DIRECTIONS }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // `import type`, not `import { type X }`: under verbatimModuleSyntax the latter still loads the module.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[importKind!='type'][source.value=/server\\u002Fapi\\u002F/]",
          message: 'The client imports the API contract with `import type` only (an inline `type` still loads the module).',
        },
      ],
      // The client shares the API contract's types and nothing else: no server code in the bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/api/*'], allowTypeImports: true, message: 'The client imports the API contract with `import type` only.' },
            { group: ['**/server/**', '!**/server/api/*'], message: 'The client imports nothing of server/ but the API types (server/api).' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
