// Lint for what does not ship (tests, the sandbox, scripts, benchmarks). The shipped surface
// (nodes/, credentials/, package.json) is linted by n8n's own strict config in scripts/lint.sh;
// this tooling is allowed process, fs and timers, which n8n's rules rightly ban in node code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'sandbox/openapi/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
);
