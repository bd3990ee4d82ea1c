/** The Danish help text (`beregn --help`). */
export const HELP = `beregn – beregner og kontrollerer investerings- og effektiviseringsforslag (Københavns Kommune)

Brug:
  beregn <fil.xlsx> [-o ud.xlsx | --in-place] [--forslag N] [--overskriv]
      Læser projektmappen, beregner hvert forslag (eller kun nr. N) og skriver tabellerne:
      de beregnede rækker i Tabel 1, tilbagebetalingstid, Tabel 2.1.1, Kvantum-tabel A–E og
      arket Kontrol med fundene. Uden -o og --in-place skrives <fil>-beregnet.xlsx ved siden
      af (en .xlsm forbliver .xlsm); inddatafilen ændres kun med --in-place. Alt andet i
      projektmappen (diagrammer, pivottabeller, makroer, navne, formatering) bevares uændret.
  beregn valider <filer eller mapper…>
      Kontrollerer uden at skrive. Én linje pr. fund: fil:ark!celle: alvorlighed KODE besked.
      Mapper gennemsøges for .xlsx og .xlsm.
  beregn skabelon <ud.xlsx> [--overskriv]
      Skriver en ny, tom projektmappe efter 2025-skabelonen.
  beregn json <forslag.json>
      Beregner et forslag i JSON-form og skriver resultatet som JSON.

Tilvalg:
  -o, --ud <fil>       skriv resultatet til denne fil
  --in-place           skriv i selve inddatafilen
  --forslag <N>        beregn kun forslag nr. N (1 = det første i projektmappen)
  --overskriv          overskriv en eksisterende uddatafil
  --json <rapport>     skriv også en rapport i JSON (en post pr. fil)
  -h, --help           vis denne hjælp
  -v, --version        vis versionen

Afslutningskoder:
  0  beregnet / ingen fejl       1  valider fandt fejl
  2  filen eller inddata kan ikke læses, eller kommandoen er afvist; intet er skrevet
  3  intern fejl`;
