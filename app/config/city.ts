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
  timeZone: "Asia/Tokyo",
} as const;
