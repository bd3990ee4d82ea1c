/**
 * What the add-in schema and the store demand of manifest.xml (DESIGN.md: the online validator
 * of `office-addin-manifest validate` cannot be reached from these machines), and that the
 * manifest points at what the build serves.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { contentModelErrors } from "./manifestSchema";

const ROOT = path.join(__dirname, "..", "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const webpackConfig = require(path.join(ROOT, "webpack.config.js")) as ((
  env: object,
  argv: object,
) => Promise<{
  plugins: { constructor: { name: string }; userOptions?: { filename?: string }; patterns?: { from: string; to: string }[] }[];
  devServer: { port: number | string };
}>) & { rewriteManifest: (content: string, url: string) => string };

const attr = (element: string, name = "DefaultValue") => {
  const m = new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(XML);
  return m?.[1];
};
const text = (element: string) => new RegExp(`<${element}>([^<]*)</${element}>`).exec(XML)?.[1];

describe("manifest.xml", () => {
  test("office-addin-manifest info reads it", () => {
    // its CLI, as a user runs it (the library pulls in ESM that jest cannot require)
    const cli = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
    const out = execFileSync(process.execPath, [cli, "info", "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(out).toMatch(/Name: Beregn/);
    expect(out).toMatch(/Provider: Københavns Kommune/);
    expect(out).toMatch(/Hosts: Workbook/);
    expect(out).toMatch(/Permissions: ReadWriteDocument/);
    expect(out).toMatch(/Default Locale: da-DK/);
    expect(out).toMatch(/Source Location: https:\/\/localhost:3000\/taskpane.html/);
  });

  test("identity: GUID, version, provider, names", () => {
    expect(XML).toMatch(/xsi:type="TaskPaneApp"/);
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    // the schema's version: n.n(.n(.n)) with each part up to 5 digits
    expect(text("Version")).toMatch(/^\d{1,5}(\.\d{1,5}){1,3}$/);
    expect(text("ProviderName")).toBe("Københavns Kommune");
    expect(attr("DisplayName")!.length).toBeGreaterThan(0);
    expect(attr("DisplayName")!.length).toBeLessThanOrEqual(125);
    const description = attr("Description")!;
    expect(description.length).toBeGreaterThan(20);
    expect(description.length).toBeLessThanOrEqual(250);
    expect(description).toMatch(/[æøå]/); // Danish
    expect(text("DefaultLocale")).toBe("da-DK");
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(XML).toMatch(/<Host Name="Workbook"\s*\/>/);
  });

  test("icons and support over https, icons present in assets at their sizes", () => {
    for (const el of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) expect(attr(el)).toMatch(/^https:\/\//);
    for (const m of XML.matchAll(/DefaultValue="(https:\/\/[^"]+\.png)"/g)) {
      const file = path.join(ROOT, new URL(m[1]).pathname.replace(/^\//, ""));
      expect(fs.existsSync(file)).toBe(true);
      const png = fs.readFileSync(file);
      const size = /icon-(\d+)\.png$/.exec(file)![1];
      expect(png.readUInt32BE(16)).toBe(Number(size)); // IHDR width
    }
    for (const m of XML.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)) expect(m[1]).toMatch(/^https:\/\//);
  });

  test("every resid is defined once in Resources, with the right kind", () => {
    const resources = /<Resources>([\s\S]*)<\/Resources>/.exec(XML)![1];
    const defined = new Map<string, string>();
    for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
      const block = new RegExp(`<bt:${kind}>([\\s\\S]*?)</bt:${kind}>`).exec(resources)?.[1] ?? "";
      for (const m of block.matchAll(/id="([^"]+)"/g)) {
        expect(defined.has(m[1])).toBe(false);
        expect(m[1].length).toBeLessThanOrEqual(32);
        defined.set(m[1], kind);
      }
    }
    const used = [...XML.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined.has(id)).toBe(true);
    for (const m of XML.matchAll(/<bt:Image size="\d+" resid="([^"]+)"/g)) expect(defined.get(m[1])).toBe("Images");
    expect(defined.get(/<SourceLocation resid="([^"]+)"/.exec(XML)![1])).toBe("Urls");
    expect(defined.get(/<Label resid="([^"]+)"/.exec(XML)![1])).toBe("ShortStrings");
    for (const m of resources.matchAll(/<bt:String id="[^"]+" DefaultValue="([^"]*)"/g)) expect(m[1].length).toBeLessThanOrEqual(250);
    for (const m of /<bt:ShortStrings>([\s\S]*?)<\/bt:ShortStrings>/.exec(resources)![1].matchAll(/DefaultValue="([^"]*)"/g))
      expect(m[1].length).toBeLessThanOrEqual(125);
    // 16, 32 and 80 px images for every icon of the ribbon
    for (const icon of XML.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)) {
      const sizes = [...icon[1].matchAll(/size="(\d+)"/g)].map((m) => m[1]);
      expect(sizes).toEqual(["16", "32", "80"]);
    }
  });

  test("every element fits the schema's content model: allowed children, in order, the required ones", () => {
    expect(contentModelErrors(XML)).toEqual([]);
  });

  test("the content model refuses what Microsoft's schema refuses", () => {
    // RequestedWidth belongs to a content add-in's DefaultSettings, not a task pane's
    const width = XML.replace("</SourceLocation>", "").replace(
      /(<SourceLocation [^>]*\/>)/,
      "$1\n    <RequestedWidth>320</RequestedWidth>",
    );
    expect(contentModelErrors(width)).toEqual([
      expect.stringMatching(
        /^\/OfficeApp\/DefaultSettings: <RequestedWidth> .* is not expected here; the schema allows, in order: SourceLocation$/,
      ),
    ]);
    // order: Permissions must come after DefaultSettings
    const order = XML.replace("<Permissions>ReadWriteDocument</Permissions>", "").replace(
      "<DefaultSettings>",
      "<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>",
    );
    expect(contentModelErrors(order)).toContain("/OfficeApp: <DefaultSettings> is required");
    // required: a Button without Supertip
    const noTip = XML.replace(/<Supertip>[\s\S]*?<\/Supertip>/, "");
    expect(contentModelErrors(noTip)).toContain(
      "/OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Control: <Supertip> is required",
    );
  });

  test("a ribbon button on the Home tab shows the task pane", () => {
    expect(XML).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Group id="Beregn.Group">[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  test("SourceLocation is what the build and the dev server serve", async () => {
    const config = await webpackConfig({}, { mode: "production" });
    const html = config.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin")!;
    const source = new URL(attr("SourceLocation")!);
    expect(source.pathname).toBe("/" + html.userOptions!.filename);
    expect(source.port).toBe(String(config.devServer.port));
    const resUrl = /<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/.exec(XML)![1];
    expect(resUrl).toBe(source.href);
    const support = new URL(attr("SupportUrl")!);
    const copy = config.plugins.find((p) => Array.isArray(p.patterns))!;
    expect(copy.patterns!.map((p) => p.to)).toContain(support.pathname.slice(1));
  });

  test("the manifest the build writes for ADDIN_URL=https://x/beregn/ fits the content model too", async () => {
    const config = await webpackConfig({}, { mode: "production" });
    const copy = config.plugins.find((p) => Array.isArray(p.patterns))!;
    const pattern = copy.patterns!.find((p) => p.to === "manifest.xml") as unknown as { transform: (c: Buffer) => string };
    const prev = process.env.ADDIN_URL;
    process.env.ADDIN_URL = "https://x/beregn/";
    try {
      // the production config reads ADDIN_URL when it is made
      const built = await webpackConfig({}, { mode: "production" });
      const bp = built.plugins.find((p) => Array.isArray(p.patterns))!.patterns!.find((p) => p.to === "manifest.xml") as unknown as {
        transform: (c: Buffer) => string;
      };
      const out = bp.transform(Buffer.from(XML));
      expect(out).toMatch(/<SourceLocation DefaultValue="https:\/\/x\/beregn\/taskpane\.html"\/>/);
      expect(out).not.toMatch(/localhost/);
      expect(contentModelErrors(out)).toEqual([]);
    } finally {
      if (prev === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = prev;
    }
    expect(pattern.transform(Buffer.from(XML))).toBe(XML); // the dev build leaves it as it is
  });

  test("a production build for another URL rewrites every localhost URL", () => {
    const out = webpackConfig.rewriteManifest(XML, "https://addin.kk.dk/beregn/");
    expect(out).not.toMatch(/localhost/);
    expect(out).toMatch(/<SourceLocation DefaultValue="https:\/\/addin\.kk\.dk\/beregn\/taskpane\.html"\/>/);
    expect(out).toMatch(/<AppDomain>https:\/\/addin\.kk\.dk<\/AppDomain>/);
    expect(out).toMatch(/"https:\/\/addin\.kk\.dk\/beregn\/assets\/icon-80\.png"/);
  });
});
