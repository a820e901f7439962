/**
 * Facts about the municipality that runs this portal. Another city changes this file
 * (and its district data) and nothing else.
 */
export const city = {
  /** 全国地方公共団体コード (6 digits with check digit). */
  code: "102113",
  prefecture: { ja: "群馬県", en: "Gunma" },
  name: { ja: "安中市", en: "Annaka City" },
  siteName: { ja: "安中市 市民総働ポータル", en: "Annaka Citizen Collaboration Portal" },
  section: { ja: "安中市 市民部 市民協働課", en: "Civic Collaboration Division, Annaka City" },
  /** The section's short name, as the messages mention it ("市民協働課が確認します"). */
  division: { ja: "市民協働課", en: "Civic Collaboration Division" },
  /** The council of social welfare whose volunteer centre registers groups (indicator 6-1). */
  welfareCouncil: { ja: "安中市社会福祉協議会", en: "Annaka Council of Social Welfare" },
  /** Where accessibility and privacy enquiries are delivered. */
  contactEmail: "kyodo@city.annaka.example.jp",
  contactPhone: "027-382-1111",
  /** The section's address, office hours and the city's own site: the footer of every page and /contact. */
  address: { ja: "〒379-0192 群馬県安中市安中一丁目23番13号（安中市役所）", en: "Annaka City Hall, 1-23-13 Annaka, Annaka, Gunma 379-0192" },
  officeHours: {
    ja: "平日 午前8時30分〜午後5時15分（土・日曜日、祝日、年末年始を除く）",
    en: "Weekdays 8:30–17:15 (closed at weekends, on national holidays and over the New Year)",
  },
  website: "https://www.city.annaka.lg.jp/",
  timeZone: "Asia/Tokyo",
} as const;
