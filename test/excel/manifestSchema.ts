/**
 * The content model (allowed child elements, their order, how many) of every element Beregn's
 * manifest uses, copied as data from Microsoft's published schemas for task-pane add-ins:
 * OfficeAppManifestV1_1.xsd (namespace appforoffice/1.1), TaskPaneAppVersionOverridesV1_0.xsd
 * (taskpaneappversionoverrides) and OfficeAppBasicTypesV1_0.xsd (officeappbasictypes/1.0), from
 * the office-js-docs-pr repository (docs/overview/schemas). Each type is named as in its schema;
 * a type's children are that complexType's xs:sequence (after its extension base's), in the
 * schema's namespace (the schemas are elementFormDefault="qualified").
 *
 * Attributes and simple types (GUID and version patterns, string lengths) are checked by
 * manifest.test.ts's own tests; this is the structure the store and sideloading refuse when it
 * is wrong, and what `xmllint --schema` checks by hand (../shared/xsd/README.md).
 */
import { DOMParser } from "@xmldom/xmldom";

export const NS = {
  o: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** One xs:element of a sequence: [name, type, minOccurs, maxOccurs]; ns when not the type's own. */
type Particle = { name: string; type: string; min: number; max: number; ns?: string };
interface TypeModel {
  ns: string;
  seq: Particle[];
  /** Abstract: the element must name one of these derived types in xsi:type. */
  derived?: string[];
}

const p = (name: string, type: string, min: number, max: number, ns?: string): Particle => ({ name, type, min, max, ns });
const N = Infinity;
/** Elements with text or attributes only (xs:simpleType, or a complexType without particles). */
const LEAF: TypeModel = { ns: "", seq: [] };

const officeApp = [
  p("Id", "leaf", 1, 1),
  p("AlternateId", "leaf", 0, 1),
  p("Version", "leaf", 1, 1),
  p("ProviderName", "leaf", 1, 1),
  p("DefaultLocale", "leaf", 1, 1),
  p("DisplayName", "o:ShortLocaleAwareSetting", 1, 1),
  p("Description", "o:LongLocaleAwareSetting", 1, 1),
  p("IconUrl", "o:URLLocaleAwareSetting", 0, 1),
  p("HighResolutionIconUrl", "o:URLLocaleAwareSetting", 0, 1),
  p("SupportUrl", "o:URLLocaleAwareSetting", 0, 1),
  p("AppDomains", "o:AppDomains", 0, 1),
  p("Hosts", "o:Hosts", 0, 1),
];

export const TYPES: Record<string, TypeModel> = {
  leaf: LEAF,
  // OfficeAppManifestV1_1.xsd
  "o:OfficeApp": { ns: NS.o, seq: [], derived: ["TaskPaneApp"] },
  "o:TaskPaneApp": {
    ns: NS.o,
    seq: [
      ...officeApp,
      p("Requirements", "o:Requirements", 0, 1),
      p("DefaultSettings", "o:TaskPaneAppSettings", 1, 1),
      p("Permissions", "leaf", 1, 1),
      p("Dictionary", "o:Dictionary", 0, 1),
      p("VersionOverrides", "ov:VersionOverrides", 0, 1, NS.ov),
    ],
  },
  "o:ShortLocaleAwareSetting": { ns: NS.o, seq: [p("Override", "leaf", 0, N)] },
  "o:LongLocaleAwareSetting": { ns: NS.o, seq: [p("Override", "leaf", 0, N)] },
  "o:URLLocaleAwareSetting": { ns: NS.o, seq: [p("Override", "leaf", 0, N)] },
  // ContentAppSettings has SourceLocation, RequestedWidth, RequestedHeight; a task pane's only SourceLocation
  "o:TaskPaneAppSettings": { ns: NS.o, seq: [p("SourceLocation", "o:URLLocaleAwareSetting", 1, 1)] },
  "o:AppDomains": { ns: NS.o, seq: [p("AppDomain", "leaf", 1, N)] },
  "o:Hosts": { ns: NS.o, seq: [p("Host", "leaf", 1, N)] },
  "o:Requirements": { ns: NS.o, seq: [p("Sets", "o:Sets", 0, 1), p("Methods", "o:Methods", 0, 1)] },
  "o:Sets": { ns: NS.o, seq: [p("Set", "leaf", 1, N)] },
  "o:Methods": { ns: NS.o, seq: [p("Method", "leaf", 1, N)] },
  "o:Dictionary": { ns: NS.o, seq: [] /* not used by Beregn: any child fails */ },

  // TaskPaneAppVersionOverridesV1_0.xsd
  "ov:VersionOverrides": { ns: NS.ov, seq: [], derived: ["VersionOverridesV1_0"] },
  "ov:VersionOverridesV1_0": {
    ns: NS.ov,
    seq: [
      p("Description", "leaf", 0, 1),
      p("Requirements", "bt:Requirements", 0, 1),
      p("Hosts", "ov:Hosts", 0, 1),
      p("Resources", "bt:Resources", 0, 1),
      p("WebApplicationInfo", "ov:WebApplicationInfo", 0, 1),
      p("EquivalentAddins", "ov:EquivalentAddins", 0, 1),
    ],
  },
  "ov:Hosts": { ns: NS.ov, seq: [p("Host", "ov:Host", 1, N)] },
  "ov:Host": { ns: NS.ov, seq: [], derived: ["Workbook"] },
  "ov:Workbook": {
    ns: NS.ov,
    seq: [p("AllFormFactors", "ov:FormFactor", 0, 1), p("DesktopFormFactor", "ov:FormFactor", 0, 1)],
  },
  "ov:FormFactor": {
    ns: NS.ov,
    seq: [p("GetStarted", "ov:GetStarted", 0, 1), p("FunctionFile", "leaf", 0, 1), p("ExtensionPoint", "ov:ExtensionPoint", 1, N)],
  },
  "ov:GetStarted": { ns: NS.ov, seq: [p("Title", "leaf", 1, 1), p("Description", "leaf", 1, 1), p("LearnMoreUrl", "leaf", 1, 1)] },
  "ov:ExtensionPoint": { ns: NS.ov, seq: [], derived: ["PrimaryCommandSurface"] },
  "ov:PrimaryCommandSurface": { ns: NS.ov, seq: [p("OfficeTab", "ov:OfficeTab", 0, N), p("CustomTab", "ov:CustomTab", 0, N)] },
  "ov:OfficeTab": { ns: NS.ov, seq: [p("Group", "ov:Group", 1, N)] },
  "ov:CustomTab": { ns: NS.ov, seq: [p("Group", "ov:Group", 1, N), p("Label", "leaf", 1, 1)] },
  "ov:Group": { ns: NS.ov, seq: [p("Label", "leaf", 1, 1), p("Icon", "bt:IconList", 1, 1), p("Control", "ov:UIControl", 1, N)] },
  "ov:UIControl": { ns: NS.ov, seq: [], derived: ["Button"] },
  // UIControl (Label, Supertip), UIControlWithIcon (Icon), Button (Action)
  "ov:Button": {
    ns: NS.ov,
    seq: [p("Label", "leaf", 1, 1), p("Supertip", "ov:Supertip", 1, 1), p("Icon", "bt:IconList", 1, 1), p("Action", "ov:Action", 1, 1)],
  },
  "ov:Supertip": { ns: NS.ov, seq: [p("Title", "leaf", 1, 1), p("Description", "leaf", 1, 1)] },
  "ov:Action": { ns: NS.ov, seq: [], derived: ["ShowTaskpane"] },
  "ov:ShowTaskpane": { ns: NS.ov, seq: [p("TaskpaneId", "leaf", 0, 1), p("SourceLocation", "leaf", 1, 1), p("Title", "leaf", 0, 1)] },
  "ov:WebApplicationInfo": { ns: NS.ov, seq: [] },
  "ov:EquivalentAddins": { ns: NS.ov, seq: [] },

  // OfficeAppBasicTypesV1_0.xsd
  "bt:Requirements": { ns: NS.bt, seq: [p("Sets", "bt:Sets", 1, 1)] },
  "bt:Sets": { ns: NS.bt, seq: [p("Set", "leaf", 1, N)] },
  "bt:IconList": { ns: NS.bt, seq: [p("Image", "leaf", 1, N)] },
  "bt:Resources": {
    ns: NS.bt,
    seq: [
      p("Images", "bt:ImageResources", 0, 1),
      p("Urls", "bt:URLResources", 0, 1),
      p("ShortStrings", "bt:ShortStringResources", 0, 1),
      p("LongStrings", "bt:LongStringResources", 0, 1),
    ],
  },
  "bt:ImageResources": { ns: NS.bt, seq: [p("Image", "bt:WithId", 0, N)] },
  "bt:URLResources": { ns: NS.bt, seq: [p("Url", "bt:WithId", 0, N)] },
  "bt:ShortStringResources": { ns: NS.bt, seq: [p("String", "bt:WithId", 0, N)] },
  "bt:LongStringResources": { ns: NS.bt, seq: [p("String", "bt:WithId", 0, N)] },
  // ImageLocaleAwareSettingWithId, URLLocaleAwareSettingWithId, Short…/LongLocaleAwareSettingWithId
  "bt:WithId": { ns: NS.bt, seq: [p("Override", "leaf", 0, N)] },
};

/** Where the manifest breaks the content model: one line per problem, empty when it fits. */
export function contentModelErrors(xml: string): string[] {
  const errors: string[] = [];
  const fail = (msg: string) => void errors.push(`XML: ${msg}`);
  const doc = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp" || root.namespaceURI !== NS.o)
    return [...errors, "the root is not <OfficeApp> of appforoffice/1.1"];
  check(root, "o:OfficeApp", "/OfficeApp", errors);
  return errors;
}

function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function check(el: Element, typeName: string, where: string, errors: string[]): void {
  let type = TYPES[typeName];
  if (!type) return void errors.push(`${where}: type ${typeName} is not in the model`);
  if (type.derived) {
    const xsi = (el.getAttributeNS(NS.xsi, "type") ?? "").replace(/^.*:/, "");
    if (!type.derived.includes(xsi)) return void errors.push(`${where}: xsi:type "${xsi}" is not one of ${type.derived.join(", ")}`);
    typeName = `${typeName.split(":")[0]}:${xsi}`;
    type = TYPES[typeName];
  }
  const children = elementChildren(el);
  let i = 0;
  for (const part of type.seq) {
    const ns = part.ns ?? type.ns;
    let n = 0;
    while (i < children.length && children[i].localName === part.name && children[i].namespaceURI === ns) {
      check(children[i], part.type, `${where}/${part.name}`, errors);
      i++;
      n++;
    }
    if (n < part.min) errors.push(`${where}: <${part.name}> is required${part.min > 1 ? ` ${part.min} times` : ""}`);
    if (n > part.max) errors.push(`${where}: <${part.name}> at most ${part.max} time(s), found ${n}`);
  }
  if (i < children.length) {
    const c = children[i];
    const allowed = type.seq.map((s) => s.name).join(", ") || "no child elements";
    errors.push(`${where}: <${c.localName}> (${c.namespaceURI}) is not expected here; the schema allows, in order: ${allowed}`);
  }
}
