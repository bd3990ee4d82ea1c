/** Unit spellings (SPEC §1): every spelling seen in the documents maps to its bevilling. */
import { canonicalUnit, foldText, udvalgOf } from "../../src/engine/units";

describe("canonicalUnit", () => {
  it.each([
    ["Kultur- og Fritidsudvalget", "KFU"],
    ["Børne- og Ungdomsforvaltningen", "BUU"],
    ["Sundheds- og Omsorgsudvalget", "SUU"],
    // 2018 Bilag 6 Forslag 2's Bilag 1 and 2 (000:1409, 000:1445)
    ["Sundhed- og Omsorgsudvalget", "SUU"],
    ["Teknik- og Miljøudvalget", "TMU"],
    ["Beskæftigelses- og Integrationsudval-get", "BIU"],
    ["Beskæftigelses- og Integrationsudval-\nget", "BIU"],
    ["Beskæftigelses- og Integrationsudvalget – EI", "BIU"],
    ["Økonomiudvalget inkl. koncernenheder", "ØU"],
    ["Økonomiudvalget ekskl. koncernenhed", "ØU"],
    ["Socialudvalget", "SU"],
    ["Københavns Ejendomme & Indkøb", "KEJD"],
    ["KEID", "KEJD"],
    ["Koncern IT", "KIT"],
    ["ØKF", "ØU"],
    ["bif", "BIU"],
    ["Borgerrådgiveren", "BR"],
    ["Intern Revision", "IR"],
    ["Udenfor Forvaltningsinddeling", "UFI"],
  ])("%j → %s", (text, code) => expect(canonicalUnit(text)).toBe(code));

  it("knows no unit in other text", () => {
    expect(canonicalUnit("timer")).toBeUndefined();
    expect(canonicalUnit("")).toBeUndefined();
  });

  it("folds hyphenation but keeps '- og'", () => {
    expect(foldText("Samlet varig æn-\ndring")).toBe("samlet varig ændring");
    expect(foldText("Kultur- og Fritidsudvalget")).toBe("kultur- og fritidsudvalget");
  });

  it("puts ØU's group units and units outside the template under ØU in Tabel 2.1.1", () => {
    expect(["KS", "KIT", "KEJD", "BYKBH", "BR", "ØU", "TMU"].map(udvalgOf)).toEqual(["ØU", "ØU", "ØU", "ØU", "ØU", "ØU", "TMU"]);
  });
});
