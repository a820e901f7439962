/**
 * The message machinery (docs/decisions/0018-messages-per-domain-typed.md). A catalogue is a
 * Japanese module and an English one with the same keys; each domain defines its own with
 * `defineMessages` and whoever shows a message imports the catalogue it comes from, so a page's
 * bundle carries only the strings it can show. Placeholders are typed: `{max}` in the Japanese
 * text makes `max` a required parameter of `t(key, …)`.
 */
import { city } from "../config/city.ts";

export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];
export const DEFAULT_LANG: Lang = "ja";

export type Catalogue = { readonly [key: string]: string };
export type Params = Readonly<Record<string, string | number>>;

/**
 * City-specific words: a catalogue writes `{city}` or `{section}` and the translator fills in
 * the city configuration's value, so another municipality changes app/config/city.ts only.
 */
const CITY_WORDS = {
  city: city.name,
  site: city.siteName,
  section: city.section,
  division: city.division,
  welfareCouncil: city.welfareCouncil,
  phone: { ja: city.contactPhone, en: city.contactPhone },
  address: city.address,
  officeHours: city.officeHours,
} as const satisfies Record<string, Record<Lang, string>>;
export type CityWord = keyof typeof CITY_WORDS;

/** The names between braces in a message: "{min}〜{max}文字" → "min" | "max". */
export type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamNames<S> = Exclude<Placeholders<S>, CityWord>;
/** The arguments after the key: none for a message without placeholders, else an object naming each. */
export type ArgsFor<S> = [ParamNames<S>] extends [never] ? [] : [params: { readonly [P in ParamNames<S>]: string | number }];

declare const catalogueType: unique symbol;
type Pair = { readonly ja: Catalogue; readonly en: Catalogue };
/** A catalogue in both languages, with the catalogues it includes; `C` is the type of all their Japanese texts. */
export type Messages<C extends Catalogue = Catalogue> = {
  readonly pairs: readonly Pair[];
  readonly [catalogueType]?: C;
};
type CatalogueOf<M> = M extends Messages<infer C> ? C : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The Japanese texts of several catalogues as one type. */
export type Combined<M extends Messages> = Intersect<CatalogueOf<M>>;

/** Any translator, for functions that only look up keys arriving as data. */
export type AnyTranslate = (key: never, ...params: never) => string;
/** The part after `Prefix` of each key that has it: `KeySuffix<K, "groups.kind.">` → "npo" | … */
export type KeySuffix<K, Prefix extends string> = K extends `${Prefix}${infer Rest}` ? Rest : never;

/**
 * A translator: a key of its catalogues and the parameters its placeholders ask for. The optional
 * `keys` member is never set; it makes a translator of fewer catalogues unassignable where one of
 * more is expected (generic call signatures alone are compared too loosely).
 */
export type Translate<C = Catalogue> = (<K extends keyof C & string>(key: K, ...params: ArgsFor<C[K]>) => string) & {
  readonly keys?: (key: keyof C) => void;
};
/** The keys of `M` whose messages take no parameters: the kind a function returns for a page to show. */
export type PlainKey<M extends Messages> = {
  [K in keyof Combined<M> & string]: ArgsFor<Combined<M>[K]> extends [] ? K : never;
}[keyof Combined<M> & string];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type MismatchedPlaceholders<J, E> = {
  [K in keyof J & keyof E]: Same<Placeholders<J[K]>, Placeholders<E[K]>> extends true ? never : K;
}[keyof J & keyof E];
type English<J> = { readonly [K in keyof J]: string };
/** English with exactly the Japanese keys and, key by key, the same placeholders. */
type CheckedEnglish<J, E> = [Exclude<keyof E, keyof J>] extends [never]
  ? [MismatchedPlaceholders<J, E>] extends [never]
    ? E
    : { "placeholders differ from the Japanese in": MismatchedPlaceholders<J, E> }
  : { "keys the Japanese lacks": Exclude<keyof E, keyof J> };

/**
 * A catalogue from its two language modules (both `as const`, so the types see the texts) and
 * the catalogues its pages always show beside it (e.g. the registry's field labels).
 */
export function defineMessages<const J extends Catalogue, const E extends English<J>, const I extends readonly Messages[] = []>(
  ja: J,
  en: E & CheckedEnglish<J, E>,
  ...includes: I
): Messages<J & Combined<I[number]>> {
  return { pairs: [{ ja, en }, ...includes.flatMap((m) => m.pairs)] };
}

const PLACEHOLDER = /\{(\w+)\}/g;

function isCityWord(name: string): name is CityWord {
  return Object.prototype.hasOwnProperty.call(CITY_WORDS, name);
}

function format(lang: Lang, text: string, params: Params | undefined): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (params && Object.prototype.hasOwnProperty.call(params, name)) return String(params[name]);
    return isCityWord(name) ? CITY_WORDS[name][lang] : whole;
  });
}

type Lookup = (key: string, params?: Params) => string | undefined;
/** The untyped lookup behind each translator, for messages that arrive as data (translateMessage). */
const lookups = new WeakMap<object, Lookup>();

/** A number per catalogue, for the key of a list of them. */
const catalogueIds = new WeakMap<Messages, number>();
let nextCatalogueId = 0;
/**
 * The translators made so far, by language and list of catalogues: a page asks for the same
 * few lists on every render (decision 0029). Catalogues are module constants, so the lists are
 * few; the bound only guards against catalogues made at run time.
 */
type UntypedTranslate = (key: string, params?: Params) => string;
const translators = new Map<string, UntypedTranslate>();
const MAX_TRANSLATORS = 500;

/** A translator over the given catalogues; a key of none of them shows as itself. */
export function translatorOf<const M extends readonly Messages[]>(lang: Lang, messages: M): Translate<Combined<M[number]>> {
  let key: string = lang;
  for (const m of messages) {
    let id = catalogueIds.get(m);
    if (id === undefined) catalogueIds.set(m, (id = nextCatalogueId++));
    key += `,${id}`;
  }
  let t = translators.get(key);
  if (!t) {
    if (translators.size >= MAX_TRANSLATORS) translators.clear();
    t = makeTranslator(lang, messages);
    translators.set(key, t);
  }
  return t;
}

function makeTranslator(lang: Lang, messages: readonly Messages[]): UntypedTranslate {
  // The first catalogue that has a key wins, as the list says; a message without parameters
  // always reads the same, so it is formatted once.
  const texts = new Map<string, string>();
  for (const m of messages) for (const pair of m.pairs) for (const [key, text] of Object.entries(pair[lang])) if (!texts.has(key)) texts.set(key, text);
  const plain = new Map<string, string>();
  const lookup: Lookup = (key, params) => {
    if (!params) {
      const done = plain.get(key);
      if (done !== undefined) return done;
    }
    const text = texts.get(key);
    if (text === undefined) return undefined;
    const formatted = format(lang, text, params);
    if (!params) plain.set(key, formatted);
    return formatted;
  };
  const t = (key: string, params?: Params) => lookup(key, params) ?? key;
  lookups.set(t, lookup);
  return t;
}

/**
 * Catalogues register their types here (`declare module` in each catalogue file) so that an
 * encoded message, which travels as data, can name a key of any domain and be checked.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface RegisteredCatalogues {}
type AnyCatalogue = Intersect<RegisteredCatalogues[keyof RegisteredCatalogues]>;
/** A key of any catalogue whose message takes no parameters. */
export type AnyPlainKey = { [K in keyof AnyCatalogue & string]: ArgsFor<AnyCatalogue[K]> extends [] ? K : never }[keyof AnyCatalogue &
  string];

/** A key of any catalogue whose one parameter is {count}: a number with its unit ("{count} 団体"). */
export type AnyCountKey = {
  [K in keyof AnyCatalogue & string]: [ParamNames<AnyCatalogue[K]>] extends ["count"] ? (["count"] extends [ParamNames<AnyCatalogue[K]>] ? K : never) : never;
}[keyof AnyCatalogue & string];

/**
 * Validation messages travel as "key" or "key|{json params}" so that one zod schema serves
 * the server and the browser and is rendered in the language of whoever reads it.
 */
export function encodeMessage<K extends keyof AnyCatalogue & string>(key: K, ...params: ArgsFor<AnyCatalogue[K]>): string;
export function encodeMessage(key: string, params?: Params): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

/** A key of any catalogue, with or without parameters. */
export type AnyMessageKey = keyof AnyCatalogue & string;

/**
 * encodeMessage for a key that a table hands over (an import's messages, chosen per file):
 * the key is checked, its parameters are not — keep `encodeMessage` wherever the key is written.
 */
export function encodeTableMessage(key: AnyMessageKey, params?: Params): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

/** An encoded message (or a plain key) in the translator's language; text that is no key of its catalogues passes through. */
export function translateMessage(t: AnyTranslate, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const lookup = lookups.get(t);
  const bar = message.indexOf("|");
  const key = bar === -1 ? message : message.slice(0, bar);
  const params = bar === -1 ? undefined : parseParams(message.slice(bar + 1));
  return lookup?.(key, params) ?? message;
}

/**
 * The message of a key chosen at run time (a stored code, a mail kind), or undefined when the
 * translator has none. Nothing checks its parameters: prefer `t(key, …)` wherever the key is known.
 */
export function lookupMessage(t: AnyTranslate, key: string, params?: Params): string | undefined {
  return lookups.get(t)?.(key, params);
}

function parseParams(json: string): Params | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Params) : undefined;
  } catch {
    return undefined;
  }
}
