/**
 * What the public sees of the group registry: the directory (/groups), a group's public
 * profile (/groups/:id) and the open data (/opendata/groups.csv, .json). Everything here reads
 * the PUBLISHED version only and only groups listed now (listedGroupWhere): a draft, a pending
 * change or a lapsed registration never shows.
 *
 * The directory with tens of thousands of groups is one or two hand-written SQL statements (the
 * page with everything it shows, and the number of matches), the same text
 * for SQLite and PostgreSQL: Prisma's query builder spent more time building its queries than
 * the databases spent answering them. A word of two or more characters is found through the
 * GroupSearchGram index instead of reading every group's text; a district through the
 * GroupDistrict and main-district indexes. README "Performance" has the measurements.
 */
import { city } from "../config/city.ts";
import { translator } from "../i18n/index.ts";
import { groupsMessages } from "./messages/groups.ts";
import { db, Prisma, type Db } from "../platform/db.server.ts";
import { now } from "../platform/clock.server.ts";
import { quickRead } from "../platform/quick-read.server.ts";
import { fiscalYearAt, lastValidDay } from "../platform/dates.ts";
import { toCsv } from "../platform/csv.ts";
import { searchGrams } from "../platform/search.ts";
import { listedGroupSql, listedGroupWhere, nextListingChange, parseIdList, registrationValidAt, type RegistrationTimes, type VersionRow } from "./group.server.ts";
import { OPEN_DATA_PROFILE_COLUMNS, PUBLIC_TEXT_FIELDS, type PublicTextField } from "./fields.ts";
import { GROUP_KINDS, type GroupKind } from "./rules.ts";
import { DIRECTORY_PAGE_SIZE, excerpt, highlight, type DirectoryQuery, type DirectorySort, type Excerpt } from "./search.ts";

export type DistrictOption = { id: number; code: string; name: string; area: string };

/**
 * The district list a server keeps, valid while the "directory" change counter stays as it was
 * when the list was read. Districts are city data: a migration or the seed writes them and staff
 * may rename one (updateDistrict), on any server or by plain SQL; the triggers raise the counter
 * with every change of a district's code or name, so a rename shows in every server's
 * directory filter, profiles and open data on the next request after its commit. Reading all
 * 101 on every directory page cost about a tenth of the page; the counter is one primary-key row.
 */
const districtOptions = new WeakMap<Db, { counter: string; options: Promise<DistrictOption[]> }>();

/** Districts in code order (the directory's filter, the names and codes of profiles and open data). */
export async function listDistrictOptions(client: Db = db): Promise<DistrictOption[]> {
  return districtsUnder(await directoryCounter(client), client);
}

/** The district list while the counter reads `counter` (null: a database without the counter row). */
function districtsUnder(counter: string | null, client: Db): Promise<DistrictOption[]> {
  const kept = districtOptions.get(client);
  if (kept && counter !== null && kept.counter === counter) return kept.options;
  const options = client.district.findMany({ select: { id: true, code: true, name: true, area: true }, orderBy: { code: "asc" } });
  if (counter === null) return options; // a database without the counter row keeps nothing
  const entry = { counter, options };
  districtOptions.set(client, entry);
  options.catch(() => {
    if (districtOptions.get(client) === entry) districtOptions.delete(client);
  });
  return options;
}

/** At most this many pieces of one word go into the query; LIKE then checks the word itself. */
const MAX_PIECES_PER_WORD = 4;

/**
 * The conditions for one search word. A word of two characters is exactly one piece of the
 * index. A longer one needs its pieces (a few, spread over the word, narrow the groups to
 * read) and then LIKE on those groups' text for the order of the pieces. One character has no
 * piece of its own: LIKE over the text. `drive`: the pieces are where the search starts (IN
 * the list of their groups) rather than a check of each group found otherwise (EXISTS).
 */
function wordConditions(word: string, drive: boolean): Prisma.Sql[] {
  const grams = searchGrams(word);
  const chosen =
    grams.length <= MAX_PIECES_PER_WORD
      ? grams
      : Array.from({ length: MAX_PIECES_PER_WORD }, (_, k) => grams[Math.round((k * (grams.length - 1)) / (MAX_PIECES_PER_WORD - 1))]);
  const conditions = chosen.map((gram) =>
    drive
      ? Prisma.sql`g."id" IN (SELECT "groupId" FROM "GroupSearchGram" WHERE "gram" = ${gram})`
      : Prisma.sql`EXISTS (SELECT 1 FROM "GroupSearchGram" s WHERE s."gram" = ${gram} AND s."groupId" = g."id")`,
  );
  if (Array.from(word).length !== 2) conditions.push(Prisma.sql`g."searchText" LIKE ${`%${word}%`}`);
  return conditions;
}

/** The conditions for a word with its spellings (synonyms.ts): any spelling matches. */
function spellingConditions(spellings: readonly string[], drive: boolean): Prisma.Sql[] {
  if (spellings.length === 1) return wordConditions(spellings[0], drive);
  return [Prisma.sql`(${Prisma.join(spellings.map((s) => Prisma.sql`(${Prisma.join(wordConditions(s, drive), " AND ")})`), " OR ")})`];
}

/** A search that an index narrows to a part of the groups: a district, or a word of two or more characters in every spelling. */
function isNarrow(query: Pick<DirectoryQuery, "spellings" | "district">): boolean {
  return query.district !== null || query.spellings.some((spellings) => spellings.every((word) => Array.from(word).length >= 2));
}

/**
 * The WHERE of a directory search at an instant, for the group aliased "g". The search
 * starts from the district's groups when there is one (a few hundred at most, from the
 * GroupDistrict and main-district indexes), else from the groups with the words' pieces;
 * the rest are checks of each group found, validity (a registration subquery) last.
 */
function directoryWhere(query: Pick<DirectoryQuery, "spellings" | "field" | "district" | "volunteers">, at: Date): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (query.district) {
    and.push(Prisma.sql`g."id" IN (SELECT "groupId" FROM "GroupDistrict" WHERE "districtId" = ${query.district}
      UNION SELECT "id" FROM "Group" WHERE "mainDistrictId" = ${query.district})`);
  }
  and.push(...query.spellings.flatMap((spellings) => spellingConditions(spellings, !query.district)));
  if (query.volunteers) and.push(Prisma.sql`g."welcomesVolunteers" = ${true}`);
  if (query.field) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "GroupField" f WHERE f."groupId" = g."id" AND f."field" = ${query.field})`);
  and.push(listedGroupSql(at));
  return Prisma.join(and, " AND ");
}

const ORDER: Record<DirectorySort, Prisma.Sql> = {
  kana: Prisma.sql`g."nameKana" ASC, g."id" ASC`,
  new: Prisma.sql`g."createdAt" DESC, g."id" DESC`,
};

export type DirectoryEntry = {
  id: number;
  name: ReturnType<typeof highlight>;
  nameKana: string;
  kind: GroupKind;
  fields: number[];
  mainDistrict: string | null;
  welcomesVolunteers: boolean;
  excerpt: Excerpt;
};

export type DirectoryPage = {
  total: number;
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last group on this page (0 when none). */
  from: number;
  to: number;
  groups: DirectoryEntry[];
};

function asKind(kind: string): GroupKind {
  return GROUP_KINDS.find((k) => k === kind) ?? "other";
}

/** A row of the page query: the activity fields come from the published version (as JSON). */
type DirectoryRow = {
  id: number;
  name: string;
  nameKana: string;
  kind: string;
  welcomesVolunteers: boolean | number;
  mainDistrict: string | null;
  purpose: string;
  activities: string;
  activityFields: string;
  /** All matches, in a narrow search (COUNT(*) OVER (): a bigint on PostgreSQL); else null. */
  total: number | bigint | null;
};

// ---------------------------------------------------------------------------------------
// Kept answers

/**
 * How many answers (pages of searches) a server keeps: the most recently asked. About 15 KB
 * each; a search nobody repeats costs one entry until it is pushed out.
 */
const DIRECTORY_CACHE_SIZE = 500;

/**
 * The answers a server keeps, valid while two things stay as they were when they were read:
 * the "directory" change counter, which database triggers raise in every transaction that
 * changes a column this file reads (any process, any server; a draft save or a reminder sent
 * changes none: migration 20261202030000_directory_counter_visible_changes, decision record
 * 0024), and the window of time in which no registration
 * starts, lapses or ends by itself ([from, until): nextListingChange). An approval, a
 * cancellation or a renamed district shows on the next request after its commit; the lapse of
 * unrenewed registrations at midnight on March 31 shows at 00:00:00.000 exactly. Decision
 * record 0012.
 */
type KeptAnswers = {
  counter: string;
  from: number;
  until: number;
  answers: Map<string, Promise<DirectoryPage>>;
};
const keptAnswers = new WeakMap<Db, KeptAnswers>();

/**
 * The counter, read on every directory page and profile: by the app's own client as a quick read
 * (a read-only connection with its statement kept on SQLite, decision 0033: it sees committed
 * rows only, which is what the counter needs), by any other client (tests, a second server's
 * client in a test) through that client.
 */
async function directoryCounter(client: Db): Promise<string | null> {
  const sql = Prisma.sql`SELECT "value" FROM "ChangeCounter" WHERE "name" = 'directory'`;
  const rows = client === db ? await quickRead<{ value: bigint | number }>(sql) : await client.$queryRaw<{ value: bigint | number }[]>(sql);
  return rows.length ? String(rows[0].value) : null;
}

/** What decides a page's contents: the same key for the same answer. */
function answerKey(query: DirectoryQuery): string {
  return JSON.stringify([query.words, query.field, query.district, query.volunteers, query.sort, query.page]);
}

/**
 * One page of the directory (a page past the end shows the last page). The same answer object
 * goes to every request that asks the same while nothing changed: callers must not modify it.
 */
export async function searchDirectory(query: DirectoryQuery, { at = now(), client = db }: { at?: Date; client?: Db } = {}): Promise<DirectoryPage> {
  return answerUnder(await directoryCounter(client), query, at, client);
}

/**
 * The directory's page and the district list of its filter, both under one reading of the
 * change counter: the directory page's loader. (Each of searchDirectory and listDistrictOptions
 * reads the counter itself; the page needs both, and the reading was about a twentieth of it.)
 */
export async function directoryPageWithDistricts(
  query: DirectoryQuery,
  { at = now(), client = db }: { at?: Date; client?: Db } = {},
): Promise<{ result: DirectoryPage; districts: DistrictOption[] }> {
  const counter = await directoryCounter(client);
  const [result, districts] = await Promise.all([answerUnder(counter, query, at, client), districtsUnder(counter, client)]);
  return { result, districts };
}

async function answerUnder(counter: string | null, query: DirectoryQuery, at: Date, client: Db): Promise<DirectoryPage> {
  if (counter === null) return readDirectoryPage(query, at, client); // a database without the counter row keeps nothing
  const instant = at.getTime();
  let kept = keptAnswers.get(client);
  if (!kept || kept.counter !== counter || instant < kept.from || instant >= kept.until) {
    const next = await nextListingChange(at, client);
    kept = { counter, from: instant, until: next ? next.getTime() : Infinity, answers: new Map() };
    keptAnswers.set(client, kept);
  }
  const key = answerKey(query);
  const answers = kept.answers;
  let answer = answers.get(key);
  if (answer) {
    answers.delete(key); // most recently asked last
  } else {
    answer = readDirectoryPage(query, at, client);
    answer.catch(() => {
      if (answers.get(key) === answer) answers.delete(key);
    });
    if (answers.size >= DIRECTORY_CACHE_SIZE) answers.delete(answers.keys().next().value as string);
  }
  answers.set(key, answer);
  return answer;
}

async function readDirectoryPage(query: DirectoryQuery, at: Date, client: Db): Promise<DirectoryPage> {
  const where = directoryWhere(query, at);
  const lastPage = (total: number) => Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  // A narrow search gets the page's ids with the number of all matches (a window COUNT over
  // the same rows, so each match is checked once). A broad one walks the sort's index and
  // stops after the page, then COUNTs (the window would sort every group). Then the texts of
  // the page's groups only: joined before the sort, every match's texts would go through it.
  // LEFT JOINs (every row has its group and version) keep SQLite from starting at "Group":
  // with the LIMIT a parameter, it does not know that p has 20 rows and read all groups.
  const narrow = isNarrow(query);
  const pageOf = (page: number) =>
    client.$queryRaw<DirectoryRow[]>`
      SELECT g."id", g."name", g."nameKana", g."kind", g."welcomesVolunteers", d."name" AS "mainDistrict",
             v."purpose", v."activities", v."activityFields", p."total"
        FROM (SELECT g."id", ${narrow ? Prisma.sql`COUNT(*) OVER ()` : Prisma.sql`NULL`} AS "total" FROM "Group" g
               WHERE ${where}
               ORDER BY ${ORDER[query.sort]}
               LIMIT ${DIRECTORY_PAGE_SIZE} OFFSET ${(page - 1) * DIRECTORY_PAGE_SIZE}) p
        LEFT JOIN "Group" g ON g."id" = p."id"
        LEFT JOIN "GroupVersion" v ON v."id" = g."publishedVersionId"
        LEFT JOIN "District" d ON d."id" = g."mainDistrictId"
       ORDER BY ${ORDER[query.sort]}`;
  const count = async () => {
    const [row] = await client.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "Group" g WHERE ${where}`;
    return Number(row.total);
  };
  let page = query.page;
  let rows = await pageOf(page);
  let total: number;
  if (rows.length && rows[0].total !== null) {
    total = Number(rows[0].total);
  } else if (rows.length > 0 && rows.length < DIRECTORY_PAGE_SIZE) {
    total = (page - 1) * DIRECTORY_PAGE_SIZE + rows.length; // a page that is not full is the last
  } else if (rows.length === 0 && page === 1) {
    total = 0;
  } else {
    total = await count();
  }
  if (rows.length === 0 && total > 0) {
    // Past the end: show the last page.
    page = lastPage(total);
    rows = await pageOf(page);
  }
  const pageCount = lastPage(total);
  const marked = query.spellings.flat();
  const groups = rows.map((row) => {
    let context = excerpt(row.purpose, marked);
    if (!context.matched && marked.length) {
      const inActivities = excerpt(row.activities, marked);
      if (inActivities.matched) context = inActivities;
    }
    return {
      id: Number(row.id),
      name: highlight(row.name, marked),
      nameKana: row.nameKana,
      kind: asKind(row.kind),
      fields: parseIdList(row.activityFields).sort((a, b) => a - b),
      mainDistrict: row.mainDistrict,
      welcomesVolunteers: Boolean(row.welcomesVolunteers),
      excerpt: context,
    };
  });
  const from = total === 0 ? 0 : (page - 1) * DIRECTORY_PAGE_SIZE + 1;
  return { total, page, pageCount, from, to: from === 0 ? 0 : from + groups.length - 1, groups };
}

// ---------------------------------------------------------------------------------------
// The public profile

const REGISTRATION_TIMES = {
  fiscalYear: true,
  status: true,
  validFrom: true,
  validUntil: true,
  endedAt: true,
  renewalSubmittedAt: true,
  renewalDecidedAt: true,
} as const;

type RegistrationRow = RegistrationTimes & { fiscalYear: number };

/**
 * The registration that makes a group listed now, and the last day its approved, unbroken
 * registrations run to (a first approval after February 1 also covers the next year).
 */
function currentRegistration(registrations: RegistrationRow[], at: Date): { fiscalYear: number; validThrough: string } | null {
  const valid = registrations.filter((r) => registrationValidAt(r, at)).sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  if (!valid) return null;
  const chain = registrations.filter(
    (r) => r.status === "approved" && r.fiscalYear >= valid.fiscalYear && (!r.endedAt || r.endedAt.getTime() > at.getTime()),
  );
  const until = Math.max(...chain.map((r) => r.validUntil.getTime()));
  return { fiscalYear: valid.fiscalYear, validThrough: lastValidDay(new Date(until)) };
}

/** Only http(s) links are ever rendered (the form validates this; old or imported data is checked again). */
function httpUrlOrEmpty(value: string): string {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? value : "";
  } catch {
    return "";
  }
}

export type PublicProfile = {
  id: number;
  name: string;
  nameKana: string;
  kind: GroupKind;
  fields: number[];
  mainDistrict: string | null;
  districts: string[];
  purpose: string;
  activities: string;
  foundedOn: string;
  memberCount: number;
  welcomesMembers: boolean;
  welcomesVolunteers: boolean;
  meetingPlace: string;
  phone: string;
  email: string;
  website: string;
  sns: string;
  logoFile: string;
  /** Present only when the group chose to publish it. */
  representativeName: string | null;
  fiscalYear: number;
  validThrough: string;
};

export type ProfileLookup = { status: "listed"; profile: PublicProfile } | { status: "ended" } | { status: "unknown" };

/**
 * A group's public profile from its published version. A group that was registered but is
 * not valid now is "ended" (the page answers 410 and shows nothing of it); a group that was
 * never approved is "unknown" (404), as is an id that does not exist.
 */
export async function getPublicProfile(id: number, { at = now(), client = db }: { at?: Date; client?: Db } = {}): Promise<ProfileLookup> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) return { status: "unknown" };
  const group = await client.group.findUnique({
    where: { id },
    select: {
      id: true,
      publishedVersion: true,
      registrations: { where: { status: "approved" }, select: REGISTRATION_TIMES },
    },
  });
  const version = group?.publishedVersion;
  // Never approved (no published version or no approved registration ever): as if absent.
  if (!group || !version || group.registrations.length === 0) return { status: "unknown" };
  const registration = currentRegistration(group.registrations, at);
  if (!registration) return { status: "ended" };

  const districts = await listDistrictOptions(client);
  const byId = new Map(districts.map((d) => [d.id, d]));
  const worksIn = parseIdList(version.districtIds)
    .map((d) => byId.get(d))
    .filter((d): d is DistrictOption => Boolean(d))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((d) => d.name);
  return {
    status: "listed",
    profile: {
      id: group.id,
      name: version.name,
      nameKana: version.nameKana,
      kind: asKind(version.kind),
      fields: parseIdList(version.activityFields).sort((a, b) => a - b),
      mainDistrict: version.mainDistrictId ? (byId.get(version.mainDistrictId)?.name ?? null) : null,
      districts: worksIn,
      purpose: version.purpose,
      activities: version.activities,
      foundedOn: version.foundedOn,
      memberCount: version.memberCount,
      welcomesMembers: version.welcomesMembers,
      welcomesVolunteers: version.welcomesVolunteers,
      meetingPlace: version.meetingPlace,
      phone: version.phone,
      email: version.email,
      website: httpUrlOrEmpty(version.website),
      sns: httpUrlOrEmpty(version.sns),
      logoFile: /^[\w.-]+$/.test(version.logoFile) ? version.logoFile : "",
      representativeName: version.representativePublic && version.representativeName ? version.representativeName : null,
      fiscalYear: registration.fiscalYear,
      validThrough: registration.validThrough,
    },
  };
}

// ---------------------------------------------------------------------------------------
// Open data

/**
 * The open-data record: JSON key, CSV header (Japanese, as the municipal standard data sets
 * name columns) in the order of the CSV. README.md "Open data" documents each column.
 */
export const OPEN_DATA_COLUMNS = [
  ["cityCode", "市区町村コード"],
  ["no", "NO"],
  ...OPEN_DATA_PROFILE_COLUMNS,
  ["registrationFiscalYear", "登録年度"],
  ["validUntil", "登録有効期限"],
] as readonly (readonly [keyof OpenDataGroup, string])[];

export type OpenDataGroup = Record<PublicTextField, string> & {
  cityCode: string;
  no: number;
  nameKana: string;
  /** npo | volunteer | other (the CSV has the Japanese name of the kind). */
  kind: GroupKind;
  corporateNumber: string;
  mainOfficeInCity: boolean;
  volunteerCenter: boolean;
  /** Empty unless the group publishes it. */
  representativeName: string;
  phone: string;
  email: string;
  url: string;
  sns: string;
  mainDistrictCode: string;
  districtCodes: string[];
  activityFields: number[];
  foundedOn: string;
  memberCount: number;
  welcomesMembers: boolean;
  welcomesVolunteers: boolean;
  registrationFiscalYear: number;
  /** The last day of validity (ISO date, a March 31). */
  validUntil: string;
};

/** The free texts everyone may read, as the version holds them (the field table says which). */
function publicTexts(v: VersionRow): Record<PublicTextField, string> {
  return Object.fromEntries(PUBLIC_TEXT_FIELDS.map((name) => [name, v[name]])) as Record<PublicTextField, string>;
}

/** Every group listed at the instant, one record each, by group number. */
export async function openDataGroups({ at = now(), client = db }: { at?: Date; client?: Db } = {}): Promise<OpenDataGroup[]> {
  const [groups, districts] = await Promise.all([
    client.group.findMany({
      where: listedGroupWhere(at),
      orderBy: { id: "asc" },
      select: {
        id: true,
        publishedVersion: true,
        registrations: { where: { status: "approved" }, select: REGISTRATION_TIMES },
      },
    }),
    listDistrictOptions(client),
  ]);
  const codeOf = new Map(districts.map((d) => [d.id, d.code]));
  const records: OpenDataGroup[] = [];
  for (const group of groups) {
    const v = group.publishedVersion;
    const registration = currentRegistration(group.registrations, at);
    if (!v || !registration) continue;
    const record: OpenDataGroup = {
      ...publicTexts(v),
      cityCode: city.code,
      no: group.id,
      nameKana: v.nameKana,
      kind: asKind(v.kind),
      corporateNumber: v.corporateNumber,
      mainOfficeInCity: v.kind === "npo" && v.mainOfficeInCity,
      volunteerCenter: v.volunteerCenter,
      representativeName: v.representativePublic ? v.representativeName : "",
      phone: v.phone,
      email: v.email,
      url: httpUrlOrEmpty(v.website),
      sns: httpUrlOrEmpty(v.sns),
      mainDistrictCode: v.mainDistrictId ? (codeOf.get(v.mainDistrictId) ?? "") : "",
      districtCodes: parseIdList(v.districtIds)
        .map((d) => codeOf.get(d))
        .filter((c): c is string => Boolean(c))
        .sort(),
      activityFields: parseIdList(v.activityFields).sort((a, b) => a - b),
      foundedOn: v.foundedOn,
      memberCount: v.memberCount,
      welcomesMembers: v.welcomesMembers,
      welcomesVolunteers: v.welcomesVolunteers,
      registrationFiscalYear: registration.fiscalYear,
      validUntil: registration.validThrough,
    };
    // The JSON keys in the order of the CSV columns.
    records.push(Object.fromEntries(OPEN_DATA_COLUMNS.map(([key]) => [key, record[key]])) as OpenDataGroup);
  }
  return records;
}

/** Open data may be cached briefly by browsers and proxies: a new registration shows within five minutes. */
export const OPEN_DATA_CACHE_CONTROL = "public, max-age=300";

const ja = translator("ja", groupsMessages);

/** A record's value as a CSV cell: booleans 1/0, lists joined with ";", the kind in Japanese. */
function csvCell(record: OpenDataGroup, key: keyof OpenDataGroup): string {
  const value = record[key];
  if (key === "kind") return ja(`groups.kind.${record.kind}`);
  if (typeof value === "boolean") return value ? "1" : "0";
  if (Array.isArray(value)) return value.join(";");
  return String(value);
}

/**
 * groups.csv: UTF-8 with BOM, CRLF, the Japanese header row. toCsv escapes every cell that
 * would start a formula (free text such as "=SUM(…)" gets a leading apostrophe); phone numbers
 * and URLs are validated at input and never start that way, so they come out as they are.
 */
export function openDataCsv(records: OpenDataGroup[]): string {
  const header = OPEN_DATA_COLUMNS.map(([, title]) => title);
  const rows = records.map((r) => OPEN_DATA_COLUMNS.map(([key]) => csvCell(r, key)));
  return toCsv([header, ...rows]);
}

/** groups.json: the same records under the English keys, with when and for which city. */
export function openDataJson(records: OpenDataGroup[], at: Date = now()) {
  return {
    cityCode: city.code,
    cityName: city.name.ja,
    generatedAt: at.toISOString(),
    fiscalYear: fiscalYearAt(at),
    count: records.length,
    groups: records,
  };
}
