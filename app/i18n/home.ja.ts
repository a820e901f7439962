/** The home page. */
export const home = {
  "home.title": "市民総働ポータル",
  "home.lead":
    "{city}総合計画 政策大綱6「効率的な行財政運営と、市民総働のまち」を進めるための窓口です。市民活動団体の登録、政策への意見募集、行事の申込み、住民センターの支援申請を、ひとつの場所で行えるよう順次整備しています。",
  "home.sections": "このポータルでできること",
  "home.districts.title": "行政区と住民センター",
  "home.districts.body": "市内 {count} の行政区と、その住民センターの所在地・利用案内を調べられます。",
  "home.contact.title": "ご意見・お問い合わせ",
  "home.contact.body": "ポータルの使いにくい点やアクセシビリティの問題をお知らせください。",
  "home.plan.title": "総合計画 政策大綱6",
  "home.plan.body":
    "市民活動団体の増加、政策形成への市民参画、住民センターの支援、人権教育、審議会への女性参画、デジタルサービス、健全な財政運営を目標としています。",
} as const;
