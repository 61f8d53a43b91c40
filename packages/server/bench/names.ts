/**
 * Name material for the benchmark: surnames and first names as they occur in a Dutch city, roughly
 * most common first (the seed picks with a skew toward the front), plus the query mix for person
 * search. Everything is deterministic (seeded PRNG), so two runs search for the same things.
 */
/** A list written as a paragraph: items separated by `sep` (a comma unless given), spaces trimmed. */
const list = (text: string, sep = ','): string[] =>
  text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);

export const LAST_NAMES: readonly string[] = list(`
  de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer,
  Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra,
  Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel,
  van der Veen, van den Broek, de Bruijn, de Bruin, van der Heijden, Schouten, van Beek, Willems,
  van Vliet, van de Ven, Hoekstra, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom,
  Huisman, Peeters, de Jonge, Kuipers, van Veen, Post, Kuiper, Veenstra, Kramer, van den Brink,
  Scholten, van Wijk, Postma, Martens, Vink, de Ruiter, Timmermans, Groen, Gerritsen, Jonker,
  van Loon, Boer, van der Velde, Willemsen, Smeets, de Lange, de Vos, Bosch, van Dongen, Schipper,
  de Koning, van der Laan, Koning, van der Velden, Driessen, van Doorn, Hermans, Evers,
  van den Bosch, van der Meulen, Hofman, Bosman, Wolters, Sanders, van der Horst, Mol, Kuijpers,
  Molenaar, van de Pol, de Leeuw, Verbeek, Hoogendoorn, Dijkman, Claassen, Wouters, van Rijn,
  Pauwels, Lammers, Hoogland, Kroon, Brands, Verschuren, Bouwman, Rutten, van Es, de Kok, Geurts,
  Zwart, Kooistra, van Schaik, Nijland, Verweij, Tielemans, Roos, Wijnands, Aalbers, Hendriksen,
  Brink, Vlaar, Meulenbelt, Oosterhout, van Beekum, Teunissen, Franken, Beekman, van Os, Pronk,
  Sluiter, Ruiter, Heijnen, Yilmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Arslan, Doğan,
  Kılıç, Aslan, Koç, Kurt, Özdemir, El Amrani, Bouzid, El Idrissi, Benali, Ahmadi, Mohamed,
  Ait Taleb, El Khattabi, Boukhari, Azzouz, Bennani, El Ouali, Haddou, Ouahbi, Tahiri, Belhaj,
  Amrani, Ziani, Chaouch, Mansouri, Nguyen, Tran, Le, Pham, Pinas, Kromo, Sitaldin, Ramdin, Biharie,
  Soekhoe, Jairam, Mahabier, Ramcharan, Doekhie, Girjasing, Wongsodikromo, Karijo, Redjosentono,
  Martina, Isenia, Statia, Rosaria, Cijntje, Kowalski, Nowak, Wiśniewski, Popescu, Ionescu, Haile,
  Tesfay, Abdi, Hassan, Warsame, Osei, Mensah, Boateng, da Silva, dos Santos, Fernandes
`);

export const FIRST_NAMES: readonly string[] = list(`
  Jan, Maria, Johannes, Anna, Cornelis, Johanna, Hendrik, Elisabeth, Willem, Cornelia, Pieter,
  Wilhelmina, Gerrit, Hendrika, Jacob, Geertruida, Dirk, Petronella, Thomas, Emma, Daan, Julia, Sem,
  Sophie, Lucas, Tess, Levi, Zoë, Finn, Sara, Milan, Eva, Noah, Lotte, Luuk, Fleur, Bram, Lisa,
  Jesse, Sanne, Lars, Anouk, Tim, Iris, Ruben, Femke, Thijs, Esther, Stijn, Linda, Jasper, Sandra,
  Sander, Petra, Martijn, Monique, Bas, Ingrid, Rob, Marieke, Mark, Wendy, Erik, Karin, Peter,
  Nicole, Johan, Patricia, Marco, Miranda, Dennis, Kim, Kevin, Manon, Niels, Mirjam, Arjan, Yvonne,
  Frank, Angela, Hans, Marjolein, Kees, Ria, Henk, Joke, Piet, Gerda, Wim, Annie, Ton, Truus, Gert,
  Bep, Ad, Nel, Mohamed, Fatima, Ahmed, Khadija, Youssef, Aisha, Mehmet, Nora, Mustafa, Yasmina,
  Ibrahim, Salma, Omar, Zeynep, Adam, Elif, Ayoub, Ayşe, Bilal, Fatma, Emre, Merve, Can, Hatice,
  Murat, Emine, Hasan, Meryem, Ali, Naima, Hamza, Samira, Mounir, Latifa, Rachid, Hanane, Karim,
  Soufiane, Ilias, Imane, Anass, Hiba, Oussama, Malika, Tarik, Rajesh, Shanti, Sunil, Priya, Ravi,
  Anjali, Dewi, Sarini, Ricardo, Shirley, Gregory, Natasha, Jurgen, Chantal, Dylan, Kimberley, Ryan,
  Shanice, Jayden, Jaylinn, Kacper, Zuzanna, Piotr, Agnieszka, Andrei, Elena, Mihai, Ioana, Yonas,
  Senait, Abdullahi, Hodan, Kwame, Ama, Kofi, Akosua, Duc, Linh, Minh, Huong, Joao, Ana, Mateus,
  Beatriz, Liam, Mila, Sam, Nina, Max, Yara, Teun, Roos, Gijs, Isa, Jens, Saar, Olivier, Noor, Hugo,
  Lieke, Sven, Maud, Koen, Vera, Floris, Merel, Wouter, Rianne
`);

export const STREETS: readonly string[] = list(`
  Kerkstraat, Dorpsstraat, Schoolstraat, Molenweg, Stationsweg, Julianastraat, Beatrixlaan,
  Wilhelminastraat, Oranjestraat, Nieuwstraat, Marktplein, Lindenlaan, Eikenlaan, Kastanjelaan,
  Beukenlaan, Parkweg, Industrieweg, Havenstraat, Sportlaan, Tulpstraat, Rozenstraat,
  Prins Bernhardlaan, Vondelstraat, Rembrandtlaan, Hoofdstraat, Burgemeester de Withstraat,
  Spoorstraat, Zuidwal, Noordsingel, Weverstraat, Laan van Meerdervoort, Dr. Lelylaan,
  Van Goghstraat, Koningin Julianaplein, Ambachtstraat, Merelstraat, Lijsterlaan, Zonnebloemweg,
  Mercuriusweg, Grote Markt
`);

export const CASE_TITLES: readonly string[] = list(`
  Overlast en schulden, Zorgen om kinderen, Woningvervuiling, Huiselijk geweld, Verward gedrag,
  Dreigende huisuitzetting, Hennepkwekerij, Schoolverzuim, Eenzaamheid en zelfverwaarlozing,
  Burenruzie, Jeugdoverlast, Mensenhandel (signaal), Betalingsachterstanden, Verslaving, Na detentie,
  Multiprobleemgezin
`);

export const ENTRY_FRAGMENTS: readonly string[] = list(
  `
  Huisbezoek afgelegd samen met de wijkagent. |
  Cliënt was niet thuis, briefje achtergelaten. |
  Gesprek met moeder over de schoolgang van de kinderen. |
  Achterstand bij de energieleverancier gemeld. |
  Melding van buren over geluidsoverlast in de nacht. |
  Afspraak gemaakt met de huisarts. |
  Aanmelding schuldhulpverlening in gang gezet. |
  Woning maakt een vervuilde indruk. |
  Cliënt staat open voor begeleiding door het wijkteam. |
  Overleg met de woningcorporatie gepland. |
  Zorgen over de veiligheid van de jongste zoon. |
  Toezegging gedaan om de huur te betalen. |
  Geen contact mogelijk geweest deze week. |
  Plan van aanpak besproken in het casusoverleg. |
  Signaal van school ontvangen over verzuim. |
  Cliënt is verwezen naar de GGZ. |
  Bewindvoering aangevraagd bij de rechtbank. |
  Evaluatie: situatie is stabieler dan vorige maand.
`,
  '|',
);

/** mulberry32: a small seeded PRNG, so the query mix is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `list[i]`, which must exist (an index taken modulo the list's length, or drawn within it). */
export function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i} in a list of ${list.length}`);
  return item;
}

/** An item of `list` chosen by `rnd` (one draw). */
export function pick<T>(rnd: () => number, list: readonly T[]): T {
  return nth(list, Math.floor(rnd() * list.length));
}

/** One realistic typing mistake: a dropped, doubled or swapped letter, or a Dutch spelling mix-up. */
export function typo(word: string, rnd: () => number): string {
  const swaps: [RegExp, string][] = [
    [/ij/, 'y'],
    [/y/, 'ij'],
    [/ss/, 's'],
    [/s(?=en$)/, 'ss'],
    [/dt/, 't'],
    [/ks/, 'x'],
    [/ou/, 'au'],
    [/ch/, 'g'],
    [/ee/, 'e'],
    [/oo/, 'o'],
  ];
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) {
    const usable = swaps.filter(([re]) => re.test(word));
    if (usable.length) {
      const [re, to] = pick(rnd, usable);
      return word.replace(re, to);
    }
  }
  // Only touch letters of the last word (the surname proper, not "van der").
  const start = word.lastIndexOf(' ') + 1;
  const len = word.length - start;
  if (len < 4) return `${word}${word.at(-1)}`;
  const i = start + 1 + Math.floor(rnd() * (len - 2));
  if (kind === 1 || kind === 0) return word.slice(0, i) + word.slice(i + 1); // dropped letter
  if (kind === 2) return word.slice(0, i) + word[i] + word.slice(i); // doubled letter
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swapped neighbours
}

export interface SearchQuery {
  kind: 'last' | 'last-typo' | 'first-last' | 'first-last-typo' | 'first' | 'birth-date' | 'postal-code';
  q: string;
}

/**
 * About 200 queries: exact surnames, surnames with a typo ("Janssen" for "Jansen", a dropped
 * letter), "first last" with and without a typo, bare first names, and birth dates and postal codes
 * of existing persons (sampled from the database, in both the Dutch and the ISO/compact notation).
 */
export function searchQueries(samples: { birthDate: string; postalCode: string }[]): SearchQuery[] {
  const rnd = prng(20240611);
  const out: SearchQuery[] = [
    // The classic confusions, always in the mix.
    { kind: 'last-typo', q: 'Janssen' },
    { kind: 'last-typo', q: 'de Vris' },
    { kind: 'last-typo', q: 'Bakkr' },
    { kind: 'last-typo', q: 'Meyer' },
    { kind: 'first-last-typo', q: 'Mohammed el Amrani' },
  ];
  const add = (n: number, kind: SearchQuery['kind'], make: () => string) => {
    for (let i = 0; i < n; i++) out.push({ kind, q: make() });
  };
  add(40, 'last', () => pick(rnd, LAST_NAMES));
  add(35, 'last-typo', () => typo(pick(rnd, LAST_NAMES), rnd));
  add(35, 'first-last', () => `${pick(rnd, FIRST_NAMES)} ${pick(rnd, LAST_NAMES)}`);
  add(20, 'first-last-typo', () => `${pick(rnd, FIRST_NAMES)} ${typo(pick(rnd, LAST_NAMES), rnd)}`);
  add(15, 'first', () => pick(rnd, FIRST_NAMES));
  samples.forEach((s, i) => {
    const [y, m, d] = s.birthDate.split('-');
    out.push({ kind: 'birth-date', q: i % 2 ? s.birthDate : `${d}-${m}-${y}` });
    const pc = s.postalCode;
    out.push({ kind: 'postal-code', q: i % 2 ? `${pc.slice(0, 4)} ${pc.slice(4)}` : pc.toLowerCase() });
  });
  return out;
}
