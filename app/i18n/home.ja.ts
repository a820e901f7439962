/** The home page (each domain's blocks come from its own catalogue: HomeSection in platform/contributions.ts). */
export const home = {
  "home.title": "市民総働ポータル",
  "home.lead": "市内で活動する市民活動団体を探したり、団体を登録したりできる、{city}と市民がともに働くまちづくりの窓口です。",
  "home.sections": "このポータルでできること",
  "home.more": "そのほかの案内",
  "home.plan.title": "総合計画 政策大綱6",
  "home.plan.body":
    "このポータルは、{city}総合計画 政策大綱6「効率的な行財政運営と、市民総働のまち」を進めるためのものです。市民活動団体の増加、政策形成への市民参画、住民センターの支援、人権教育、審議会への女性参画、デジタルサービス、健全な財政運営を目標としています。政策への意見募集や行事の申込みも、順次ここで行えるようにします。",
} as const;
