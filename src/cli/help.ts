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
  beregn ret-tal <fil.xlsx> [-o ud.xlsx | --in-place] [--overskriv]
      Gør tal skrevet som tekst i Tabel 1 ("1.144") til tal, så Excels SUM tæller dem med og
      næste beregn skriver formler. Anden tekst ("ca. 500") røres ikke. Formatet bevares
      (Tekst bliver Standard). Uden -o og --in-place skrives <fil>-rettet.xlsx ved siden af.
      Fortryd i Beregn-ruden gør dem til tekst igen.
  beregn skabelon <ud.xlsx> [--overskriv]
      Skriver en ny, tom projektmappe efter 2025-skabelonen.
  beregn katalog <mapper eller filer…> -o katalog.xlsx [--format F] [--angivet katalog.xlsx] [--overskriv]
      Samler forslagene i bilagets oversigtstabeller: én linje pr. forslag med link til filen,
      summer som formler, antal fejl og advarsler pr. forslag. F er investering-2025 (Bilag 7),
      tvaergaaende-2025 (Bilag 8) eller 2018 (Bilag 6); uden --format det, de fleste forslag
      har. --angivet (eller et ark i mappen med en oversigtstabel) kontrolleres celle for celle;
      uoverensstemmelser og filer, der ikke kan læses, står på arket Kontrol.
  beregn json <forslag.json>
      Beregner et forslag i JSON-form og skriver resultatet som JSON.
  beregn følsomhed <fil.xlsx | forslag.json> [--forslag N]      (også: folsomhed)
      Viser tilbagebetalingstid og nutidsværdi, når forudsætningerne svigter: effekterne
      et år senere eller 20 % mindre, implementeringsomkostninger eller varig drift 20 %
      højere, renten 0 % eller 4 %, og hvor store effekterne skal være for at holde
      investeringspuljens grænse. Størrelserne er indstillinger (sensitivity…).
  beregn omregn timer <antal> --sats <t.kr. pr. ÅV> [--overhead <t.kr.>] [--timenorm <timer>]
  beregn omregn åv <antal> --sats <t.kr. pr. ÅV> [--overhead <t.kr.>]
      Timer eller årsværk til t.kr.: timer / årstimenorm (standard 1.262,6) × (lønsats +
      overhead), med mellemregningen.
  beregn omregn pl <beløb> --fra <år> --til <år> [--indeks 2025-2026=1,03 …]
      Et beløb fra ét pris- og lønniveau til et andet ved indekstabellen (2024-2025 = 1,048
      er med; --indeks tilføjer eller erstatter et års faktor).
      Tal skrives som i dokumenterne: 1.262,6 og 1,048.

Tilvalg:
  -o, --ud <fil>       skriv resultatet til denne fil
  --in-place           skriv i selve inddatafilen
  --forslag <N>        beregn kun forslag nr. N (1 = det første i projektmappen)
  --overskriv          overskriv en eksisterende uddatafil
  --json <rapport>     skriv også en rapport i JSON (en post pr. fil; katalog: linjer og summer)
  --format <F>         katalog: bilagets layout (investering-2025, tvaergaaende-2025, 2018)
  --angivet <fil>      katalog: et angivet katalog, der kontrolleres mod forslagene
  -h, --help           vis denne hjælp
  -v, --version        vis versionen

Afslutningskoder:
  0  beregnet / ingen fejl       1  valider fandt fejl; katalog: en fil kunne ikke læses
                                   eller det angivne katalog har fejl
  2  filen eller inddata kan ikke læses, eller kommandoen er afvist; intet er skrevet
  3  intern fejl`;
