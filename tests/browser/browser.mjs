// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, Debian's
// Firefox ESR driven by puppeteer-core over WebDriver BiDi, and Debian's WebKitGTK driven by
// selenium-webdriver over WebDriver (webkit.mjs; all three clients installed under www/), and the
// static server serving www/dist on localhost.
import { after, before, describe } from 'node:test';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchWebKit } from './webkit.mjs';

const require = createRequire(new URL('../../www/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const puppeteer = require('puppeteer-core');
export { serve } from '../../www/scripts/serve.mjs';
export { launchWebKit };

export const DIST = fileURLToPath(new URL('../../www/dist/', import.meta.url));
/** Screenshots land here (git-ignored), for a person to look at. */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Headless Chromium with a fresh profile (Playwright makes one per launch). */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
}

/** Headless Firefox ESR with a fresh profile, over WebDriver BiDi. */
export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // No update checks, telemetry or captive-portal probes: the machine has no network.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
}

/**
 * The browsers the cross-browser tests run in, behind one small interface: launch(), and
 * newPage(browser, {width, height}) returning a page with goto, evaluate, waitForSelector,
 * waitForFunction (no arguments), screenshot, keyboard.press and .type, mouse.move and .click,
 * on('pageerror'|'console'|'dialog'), once('popup') and close, and darkMode(page) to emulate
 * `prefers-color-scheme: dark` where the browser can.
 */
export const BROWSERS = {
  chromium: {
    launch: launchChromium,
    newPage: (browser, viewport) => browser.newPage({ viewport }),
    darkMode: (page) => page.emulateMedia({ colorScheme: 'dark' }),
  },
  firefox: {
    launch: launchFirefox,
    async newPage(browser, viewport) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      return page;
    },
    // Media emulation needs CDP, which Firefox does not speak; dark screenshots come from Chromium.
    darkMode: null,
  },
  webkit: {
    launch: launchWebKit,
    newPage: (browser, viewport) => browser.newPage(viewport),
    // WebDriver has no media emulation either.
    darkMode: null,
  },
};

/**
 * Whether the browser `name` is to be tested: all of them, unless the environment variable
 * `TEST_BROWSERS` lists some (`TEST_BROWSERS=chromium,firefox`), to try a change in one engine at a
 * time while working. CI leaves it unset.
 */
export function wanted(name) {
  const only = process.env.TEST_BROWSERS;
  return !only || only.split(',').includes(name);
}

/**
 * Declares the same tests for every browser of BROWSERS: `define(name, {engine, newPage})` runs
 * inside a describe block named after the browser, which is launched before its tests and closed
 * after them; `newPage({width, height})` opens a page in it.
 */
export function eachBrowser(define) {
  for (const [name, engine] of Object.entries(BROWSERS)) {
    if (!wanted(name)) continue;
    describe(name, () => {
      let browser;
      before(async () => {
        browser = await engine.launch();
      });
      after(() => browser?.close());
      define(name, { engine, newPage: (viewport) => engine.newPage(browser, viewport) });
    });
  }
}

/** Collects uncaught errors and console errors of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Keeps the files that the sidebar's exports offer in the page instead of letting the browser
 * save them. Returns `take(format)`, which clicks the export of that format (json, csv or
 * markdown) and gives back the file offered, as {name, type, text}.
 */
export async function catchExports(page) {
  await page.evaluate(() => {
    window.exported = [];
    URL.createObjectURL = (blob) => {
      window.exported.push({ blob });
      return 'about:blank#export';
    };
    HTMLAnchorElement.prototype.click = function capture() {
      window.exported.at(-1).name = this.download;
    };
  });
  return (format) => page.evaluate(async (chosen) => {
    document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector(`[data-export="${chosen}"]`).click();
    const { blob, name } = window.exported.at(-1);
    return { name, type: blob.type, text: await blob.text() };
  }, format);
}
