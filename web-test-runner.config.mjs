import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defaultReporter } from '@web/test-runner';
import { launcher } from './scripts/wtr/browsers.mjs';
import { keysPlugin } from './scripts/wtr/keys-plugin.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { templateMinifyOptions } from './scripts/template-minify.mjs';

// BROWSER=firefox or BROWSER=webkit (under xvfb-run) runs the same tests there; Chromium by default.
const browser = process.env.BROWSER ?? 'chromium';

export default {
  files: ['test/{model,api,components,locales}/**/*.test.ts'],
  // The 'browser' condition keeps msw's interceptors on their browser build.
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  middleware: [
    // msw's worker must be served from the site root so that its scope covers the test page.
    function mswWorkerAtRoot(ctx, next) {
      if (ctx.url === '/mockServiceWorker.js') ctx.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' }),
    // The elements' templates as the build ships them (scripts/template-minify.mjs); the tests' own stay as written.
    fromRollup(minifyTemplateLiterals)({ ...templateMinifyOptions, include: 'src/**/*.ts' }),
    keysPlugin(),
  ],
  browsers: [launcher(browser)],
  // WebDriver keeps one session and sends keys and actions to it: one test file at a time.
  ...(browser === 'webkit' ? { concurrency: 1 } : {}),
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 5000 } },
};
