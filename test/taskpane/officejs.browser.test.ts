/**
 * The production task pane with the REAL office.js (the npm distribution, @microsoft/office-js,
 * served where Microsoft's CDN would serve it) in headless Chromium, outside Office: the page's
 * CSP lets office.js run, Office.onReady resolves with no host, and the pane says that Beregn
 * only works in Excel. And when office.js cannot be loaded at all (the CDN blocked), the pane says
 * so in Danish instead of waiting on "Indlæser …" for ever.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildPane, ROOT, serve } from "./harness";

const CHROMIUM = "/usr/bin/chromium";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`officejs.browser.test: ${CHROMIUM} mangler, så browsertesten springes over (apt-get install -y chromium).`);
const maybe = haveChromium ? describe : describe.skip;

jest.setTimeout(240_000);

/**
 * The one CSP violation allowed, named exactly: office.js's telemetry beacon. Outside Office it
 * loads Microsoft's telemetry page in a hidden iframe, which the pane's CSP blocks on purpose
 * (no frame-src, so default-src 'self' applies; and connect-src 'self' would stop the same beacon
 * sent by fetch): the pane sends nothing to another origin. Anything else office.js or the pane
 * needs and the CSP refuses fails the test.
 */
const ALLOWED_VIOLATIONS = ["frame-src: https://telemetryservice.firstpartyapps.oaspapps.com"];
const TELEMETRY_ORIGIN = "https://telemetryservice.firstpartyapps.oaspapps.com/";

interface Run {
  page: Page;
  csp: string[];
  requests: string[];
  external: string[];
  errors: string[];
}

maybe("task pane with the real office.js, outside Office", () => {
  let context: BrowserContext;
  let server: { origin: string; close: () => Promise<void> };
  let userData: string;

  beforeAll(async () => {
    expect(fs.existsSync(path.join(DIST, "office.js"))).toBe(true);
    server = await serve(await buildPane());
    userData = fs.mkdtempSync(path.join(os.tmpdir(), "beregn-officejs-"));
    context = await chromium.launchPersistentContext(userData, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 340, height: 600 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  /** Opens the pane; the CDN serves the npm package's files, or nothing when `blockCdn`. */
  async function open(blockCdn: boolean): Promise<Run> {
    const run: Run = { page: await context.newPage(), csp: [], requests: [], external: [], errors: [] };
    const { page } = run;
    page.setDefaultTimeout(60_000);
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      run.requests.push(url);
      if (url.startsWith(server.origin + "/")) return route.continue();
      if (url.startsWith(CDN) && !blockCdn) {
        const file = path.normalize(path.join(DIST, new URL(url).pathname.slice(new URL(CDN).pathname.length)));
        if (file.startsWith(DIST) && fs.existsSync(file) && fs.statSync(file).isFile())
          return route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body: fs.readFileSync(file) });
        return route.fulfill({ status: 404, body: "" });
      }
      run.external.push(url);
      return route.abort();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    page.on("pageerror", (e) => run.errors.push(e.message));
    await page.goto(`${server.origin}/taskpane.html`);
    return run;
  }

  test("office.js loads under the pane's CSP, onReady resolves with no host, the pane says so", async () => {
    const run = await open(false);
    await run.page.getByText("Beregn virker kun i Excel.").waitFor();
    const ready = await run.page.evaluate(() => Office.onReady().then((info) => ({ host: info.host, platform: info.platform })));
    expect(ready).toEqual({ host: null, platform: null });
    // leave office.js time for what it sends after start-up (its telemetry)
    await run.page.waitForTimeout(3000);
    const csp = await run.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    fs.mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
    await run.page.screenshot({ path: path.join(ROOT, "test-output", "taskpane-officejs.png") });
    expect({ csp: [...new Set(csp)], errors: run.errors }).toEqual({ csp: ALLOWED_VIOLATIONS, errors: [] });
    // office.js came from where production loads it, Microsoft's CDN path; nothing reached another origin
    expect(run.requests).toContain(`${CDN}office.js`);
    expect(run.external.filter((u) => !u.startsWith(TELEMETRY_ORIGIN))).toEqual([]);
    await run.page.close();
  });

  test("when office.js cannot be loaded, the pane says so in Danish", async () => {
    const run = await open(true);
    await run.page.getByText(/^Beregn kunne ikke hente Office\.js fra Microsoft/).waitFor();
    expect(await run.page.locator("#container").innerText()).not.toMatch(/Indlæser/);
    expect(run.errors).toEqual([]);
    await run.page.close();
  });
});
