// Lighthouse's SEO audits on several pages of one site, with one Chromium for all of them.
//
// Usage: node lighthouse_seo.mjs CHROME_PATH BASE_URL PATH [PATH ...]
// Prints JSON to stdout, per PATH: {"score": 0..1 or null, "failing": [audit, ...],
// "genericLinks": [text, ...]}.
//
// Lighthouse's own command line starts a browser per page (seconds each); its Node API with
// chrome-launcher (a dependency of lighthouse) audits every page type with a single browser.
// Lighthouse's "links have descriptive text" audit knows no Dutch ("lees meer", "klik hier"),
// so the links it collected are also checked against the Dutch list below.
// Used by tests/e2e/test_lighthouse.py.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [chromePath, baseUrl, ...paths] = process.argv.slice(2);

// Link texts that say nothing of where the link goes, after Lighthouse's lists for other
// languages (core/audits/seo/link-text.js).
const DUTCH_GENERIC_LINK_TEXTS = new Set([
  'klik hier', 'hier', 'hier klikken', 'lees meer', 'lees verder', 'verder lezen', 'verder',
  'meer', 'meer info', 'meer informatie', 'bekijk', 'bekijk meer', 'bekijken', 'link',
  'deze link', 'dit', 'deze', 'ga naar', 'ga verder', 'start', 'toon meer',
]);

// What a failing audit names: the first few offending items (links, images, directives).
function itemsOf(audit) {
  const items = audit.details?.items ?? [];
  return items.slice(0, 5).map((item) => {
    const node = item.node?.snippet ?? item.node?.selector;
    const source = item.source?.url && `${item.source.url} line ${item.source.line + 1}`;
    return node ?? source ?? item.text ?? item.href ?? JSON.stringify(item);
  });
}

// Audits that do not count for the score: nothing to check on this page (no hreflang, no
// images), or checked by hand (structured data).
const NOT_SCORED = new Set(['notApplicable', 'manual', 'informative']);

function failingAudits(lhr) {
  const {categories, audits} = lhr;
  return categories.seo.auditRefs
    .filter((ref) => ref.weight > 0 && audits[ref.id].score !== 1)
    .filter((ref) => !NOT_SCORED.has(audits[ref.id].scoreDisplayMode))
    .map((ref) => ({
      id: ref.id,
      title: audits[ref.id].title,
      explanation: audits[ref.id].explanation ?? audits[ref.id].errorMessage ?? '',
      details: itemsOf(audits[ref.id]),
    }));
}

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
});
const results = {};
try {
  for (const path of paths) {
    const {lhr, artifacts} = await lighthouse(new URL(path, baseUrl).href, {
      port: chrome.port,
      onlyCategories: ['seo'],
      output: 'json',
      logLevel: 'error',
      // The SEO audits read the loaded page, they do not time it: no quiet windows to wait
      // out (throttling stays simulated, which only performance audits would use).
      throttlingMethod: 'simulate',
      pauseAfterFcpMs: 0,
      pauseAfterLoadMs: 0,
      networkQuietThresholdMs: 0,
      cpuQuietThresholdMs: 0,
      skipAboutBlank: true,
      disableFullPageScreenshot: true,
    });
    const genericLinks = (artifacts.AnchorElements ?? [])
      .map((link) => link.text.trim().toLowerCase())
      .filter((text) => DUTCH_GENERIC_LINK_TEXTS.has(text));
    results[path] = {
      score: lhr.categories.seo.score,
      runtimeError: lhr.runtimeError?.message ?? null,
      failing: failingAudits(lhr),
      genericLinks,
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results));
