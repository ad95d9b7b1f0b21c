// WebKit (Safari's engine) for the browser tests: Debian's WebKitGTK MiniBrowser, driven by
// selenium-webdriver through WebKitWebDriver, behind the page interface that browser.mjs gives
// the tests (the subset of Playwright's and Puppeteer's pages they use).
//
// MiniBrowser has no headless mode, so each launch starts its own Xvfb on a free display, and
// WebKitWebDriver on a free port; close() stops all three. WebKitWebDriver speaks classic W3C
// WebDriver only (no BiDi), which shapes the adapter:
// - one session, one browser: each page is a window of it, and every command first switches to
//   its page's window, one command at a time;
// - there is no request interception: the browser is kept off the network as a whole, by a proxy
//   that refuses every connection, with the local test servers exempted;
// - there is no event stream: a page records its uncaught errors and console.error calls itself,
//   from the moment goto() returns (errors while the page loads are not seen), and each command
//   collects them on its way back;
// - a pop-up is a new window, found by looking for one after each command.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const require = createRequire(new URL('../../www/package.json', import.meta.url));
const { Builder, Capabilities, Key, Origin } = require('selenium-webdriver');
const { DriverService } = require('selenium-webdriver/remote');

const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
/** The MiniBrowser that ships with WebKitGTK (`dpkg -L libwebkit2gtk-4.1-0`), under /usr/lib/<multiarch>/. */
const MINIBROWSER = process.env.MINIBROWSER ?? readdirSync('/usr/lib')
  .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`).find((path) => existsSync(path));

/** Big enough for every window the tests open. */
const SCREEN = '1920x1200x24';
const POLL_MS = 50;
const WAIT_MS = 30_000;

/** Starts Xvfb on a display it picks itself (-displayfd), and gives {display, stop()}. */
function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', SCREEN, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let said = '';
  xvfb.stderr.on('data', (data) => { said += data; });
  return new Promise((resolve, reject) => {
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${said.trim()}`)));
    xvfb.stdio[3].on('data', (data) => resolve({
      display: `:${String(data).trim()}`,
      stop: () => xvfb.kill(),
    }));
  });
}

/** A local port where every connection is closed at once: the proxy that keeps WebKit off the network. */
function startRefusingProxy() {
  const server = createServer((socket) => socket.destroy());
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    address: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((done) => server.close(done)),
  })));
}

/** Keys by the names Playwright and Puppeteer give them; other keys are their own character. */
const KEYS = {
  Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB, Backspace: Key.BACK_SPACE,
  ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT,
};

/**
 * Installed in each page after it loads: keeps uncaught errors, unhandled rejections and
 * console.error calls for the adapter to collect (RECORD is the global it keeps them in).
 */
const RECORD = '__articleHighlighterTestErrors';
const RECORDER = `if (!window.${RECORD}) {
  const seen = window.${RECORD} = [];
  addEventListener('error', (e) => seen.push({ type: 'pageerror', message: e.message, stack: e.error?.stack ?? '', url: e.filename ?? '' }));
  addEventListener('unhandledrejection', (e) => seen.push({ type: 'pageerror', message: e.reason?.message ?? String(e.reason), stack: e.reason?.stack ?? '', url: '' }));
  const error = console.error;
  console.error = function recorded(...args) {
    seen.push({ type: 'console', message: args.map(String).join(' '), stack: '', url: '' });
    return error.apply(this, args);
  };
}`;
/** Script text that hands over what RECORDER kept since the last time. */
const TAKE_RECORDED = `(window.${RECORD} ?? []).splice(0)`;

/** The script that runs `fn` (a function, or code as text) with `arg` and collects errors after it. */
function scriptFor(fn, arg) {
  const run = typeof fn === 'function'
    ? `const value = await (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'});`
    : `const value = undefined; ${fn}\n;`;
  // The function's source goes in as script text, which WebDriver runs outside the page's CSP;
  // eval or new Function inside the page would not pass a policy without 'unsafe-eval'.
  // An error thrown in the page comes back with its stack, which WebDriver's own error leaves out.
  return `return (async () => {
    try { ${run} return { value, recorded: ${TAKE_RECORDED} }; } catch (error) {
      return { thrown: { message: String(error?.message ?? error), stack: String(error?.stack ?? '') }, recorded: ${TAKE_RECORDED} };
    }
  })();`;
}

class WebKitPage extends EventEmitter {
  constructor(browser, handle) {
    super();
    this.browser = browser;
    this.handle = handle;
    // A pop-up opens when the page pleases (after an import fails, say): while someone listens
    // for one, the windows are looked at between commands.
    this.on('newListener', (event) => {
      if (event !== 'popup' || this.poller) return;
      this.poller = setInterval(() => {
        if (this.listenerCount('popup') === 0) this.stopPolling();
        else this.run(() => {}).catch(() => {});
      }, POLL_MS);
    });
    const { driver } = browser;
    const press = (key) => driver.actions().keyDown(KEYS[key] ?? key).keyUp(KEYS[key] ?? key).perform();
    this.keyboard = {
      press: (key) => this.run(() => press(key)),
      type: (text) => this.run(() => driver.actions().sendKeys(text).perform()),
    };
    const to = (x, y) => ({ origin: Origin.VIEWPORT, x: Math.round(x), y: Math.round(y) });
    this.mouse = {
      move: (x, y) => this.run(() => driver.actions().move(to(x, y)).perform()),
      click: (x, y) => this.run(() => driver.actions().move(to(x, y)).click().perform()),
    };
  }

  /** Runs `command` with this page's window current, then looks for pop-ups it opened. */
  run(command) {
    return this.browser.serially(async () => {
      await this.browser.switchTo(this.handle);
      try {
        return await command();
      } finally {
        if (this.listenerCount('popup') > 0) await this.browser.findPopups(this);
      }
    });
  }

  stopPolling() {
    clearInterval(this.poller);
    this.poller = null;
  }

  /** Hands the errors the page recorded to the 'pageerror' and 'console' listeners. */
  report(recorded) {
    for (const { type, message, stack, url } of recorded ?? []) {
      if (type === 'pageerror') this.emit('pageerror', Object.assign(new Error(message), { stack }));
      else this.emit('console', { type: () => 'error', text: () => message, location: () => ({ url }) });
    }
  }

  /**
   * Sets the window so that the page's viewport is `width` × `height` (the window is larger by
   * MiniBrowser's toolbar), and checks it is: a window resizes a moment after it is asked to.
   */
  async setViewport({ width, height }) {
    const { driver } = this.browser;
    const inner = () => driver.executeScript('return [innerWidth, innerHeight]');
    await driver.manage().window().setRect({ width, height });
    let got = [0, 0];
    for (let tries = 0; tries < 20; tries += 1) {
      got = await inner();
      if (got[0] === width && got[1] === height) return;
      // A window just opened may not have its size yet (0 × 0): then it is only waited for.
      if (got[0] > 0 && got[1] > 0) {
        const rect = await driver.manage().window().getRect();
        const next = { width: Math.round(rect.width + width - got[0]), height: Math.round(rect.height + height - got[1]) };
        // A window still resizing can give its new frame with its old viewport (a size no
        // window can take): then it is only waited for.
        if (next.width > 0 && next.height > 0) await driver.manage().window().setRect(next);
      }
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
    throw new Error(`WebKit cannot give a ${width}×${height} viewport (it gave ${got[0]}×${got[1]}; MiniBrowser's window has a minimum width)`);
  }

  goto(url) {
    return this.run(async () => {
      await this.browser.driver.get(url);
      await this.browser.driver.executeScript(RECORDER);
    });
  }

  evaluate(fn, arg) {
    return this.run(async () => {
      const { value, recorded, thrown } = await this.browser.dismissingDialogs(this, () => this.browser.driver.executeScript(scriptFor(fn, arg)));
      this.report(recorded);
      if (thrown) throw Object.assign(new Error(`${thrown.message} (in the page)\n${thrown.stack}`), { name: 'JavascriptError' });
      return value;
    });
  }

  /** Polls `fn` (run in the page, without arguments) until it returns something truthy. */
  async waitForFunction(fn, { timeout = WAIT_MS } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn);
      if (value) return value;
      if (Date.now() > until) throw new Error(`waitForFunction timed out after ${timeout} ms: ${fn}`);
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  }

  waitForSelector(selector, options) {
    return this.waitForFunction(new Function(`return document.querySelector(${JSON.stringify(selector)}) !== null;`), options);
  }

  /** The viewport as PNG (written to `path` if given). */
  async screenshot({ path } = {}) {
    const png = Buffer.from(await this.run(() => this.browser.driver.takeScreenshot()), 'base64');
    if (path) writeFileSync(path, png);
    return png;
  }

  close() {
    this.stopPolling();
    return this.browser.closeWindow(this.handle);
  }
}

class WebKitBrowser {
  constructor(driver, stop) {
    this.driver = driver;
    this.stop = stop;
    this.queue = Promise.resolve();
    this.current = null;
    /** Every window this browser has seen; the first is never closed, which would end the session. */
    this.handles = new Set();
  }

  /** Runs `task` after every command before it: the session has one current window at a time. */
  serially(task) {
    const result = this.queue.then(task);
    this.queue = result.catch(() => {});
    return result;
  }

  async switchTo(handle) {
    if (this.current === handle) return;
    await this.driver.switchTo().window(handle);
    this.current = handle;
  }

  /** Gives each window that `page` opened since its last command to its 'popup' listeners. */
  async findPopups(page) {
    for (const handle of await this.driver.getAllWindowHandles()) {
      if (this.handles.has(handle)) continue;
      this.handles.add(handle);
      const popup = new WebKitPage(this, handle);
      await this.switchTo(handle);
      await this.driver.executeScript(RECORDER);
      page.emit('popup', popup);
    }
  }

  /**
   * Runs `command`; if a dialog (alert, confirm) interrupts it, WebDriver dismisses the dialog and
   * fails the command: 'dialog' listeners hear of it and the command runs again.
   */
  async dismissingDialogs(page, command) {
    try {
      return await command();
    } catch (error) {
      if (error.name !== 'UnexpectedAlertOpenError') throw error;
      page.emit('dialog', { message: () => error.message, dismiss: async () => {} });
      return command();
    }
  }

  async newPage(viewport) {
    return this.serially(async () => {
      await this.driver.switchTo().newWindow('window');
      const handle = await this.driver.getWindowHandle();
      this.handles.add(handle);
      this.current = handle;
      const page = new WebKitPage(this, handle);
      await page.setViewport(viewport);
      return page;
    });
  }

  closeWindow(handle) {
    return this.serially(async () => {
      await this.switchTo(handle);
      await this.driver.close();
      this.handles.delete(handle);
      this.current = null;
      await this.switchTo(this.home);
    });
  }

  /** The WebKitGTK version, as Playwright's and Puppeteer's browsers give theirs. */
  async version() {
    return (await this.driver.getCapabilities()).get('browserVersion');
  }

  async close() {
    await this.queue;
    await this.stop();
  }
}

/**
 * WebKitGTK's MiniBrowser in a fresh session, kept off the network but for 127.0.0.1. With
 * `javaScript: false` the pages' own scripts do not run (the tests' scripts still do).
 */
export async function launchWebKit({ javaScript = true } = {}) {
  const stops = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s();
  };
  try {
    const xvfb = await startXvfb();
    stops.push(xvfb.stop);
    const proxy = await startRefusingProxy();
    stops.push(proxy.stop);
    const service = new DriverService.Builder(WEBKIT_DRIVER).setLoopback(true)
      .setEnvironment({ ...process.env, DISPLAY: xvfb.display }).build();
    const server = await service.start();
    stops.push(() => service.kill());
    const args = ['--automation', `--proxy=${proxy.address}`, '--ignore-host=127.0.0.1'];
    if (!javaScript) args.push('--enable-javascript-markup=false');
    const driver = await new Builder().usingServer(server).withCapabilities(new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args },
    })).build();
    stops.push(() => driver.quit().catch(() => {}));
    await driver.manage().setTimeouts({ script: 120_000 });
    const browser = new WebKitBrowser(driver, stop);
    browser.home = await driver.getWindowHandle();
    browser.handles.add(browser.home);
    browser.current = browser.home;
    return browser;
  } catch (error) {
    await stop();
    throw error;
  }
}
