// 安中市のパブリックコメント（意見公募）を模した架空の案件です（案の本文・数値・意見・提出者はいずれも説明用）。
// 実在の計画や条例の案ではありません。提出者の氏名・住所は架空のもの、電話番号は市の代表番号と
// 027-300-xxxx、メールアドレスは example.jp だけを使います。
//
// Days are counted from today (Tokyo): -18 is eighteen days ago. prisma/seed.ts writes each
// consultation through the domain's own functions at the instants these days give, so the
// periods, receipts, audit entries and states follow from the clock.
import { city } from "../../app/config/city.ts";
import type { Channel, CommenterCategory, Status } from "../../app/consultations/rules.ts";
import { fiscalYearLabel } from "../../app/platform/dates.ts";

export type DemoComment = {
  /** Named when another comment is marked as its duplicate or as identical to it. */
  ref?: string;
  /** The day it was received (a paper one: the day it arrived), from today. */
  day: number;
  channel: Channel;
  /** The draft's section it is about; null for the draft as a whole. */
  section: number | null;
  category: CommenterCategory;
  name: string;
  address: string;
  email?: string;
  body: string;
  /** Sent through the form by the demo resident's account (resident@demo.annaka.example). */
  byDemoResident?: boolean;
  /** The same person's same comment again (counted neither as a person nor as a comment). */
  duplicateOf?: string;
  /** One of an organised set of identical submissions (a person each, one comment for the set). */
  identicalTo?: string;
  /** Art. 43: a passage withheld from publication, with the reason. */
  withhold?: { passage: string; reason: string };
};

/** A summarised opinion (意見の概要) with the city's response (市の考え方) and the comments under it. */
export type DemoOpinion = { section: number | null; summary: string; response: string; comments: DemoComment[] };

export type DemoConsultation = {
  /** Where statusAt puts it today (the seed checks). */
  status: Exclude<Status, "draft">;
  title: string;
  summary: string;
  section: string;
  contact: string;
  /** Markdown; its `##` headings (or 第N条 paragraphs) are the numbered sections. */
  draft: string;
  identityRequired?: boolean;
  eligible?: CommenterCategory[];
  /** Created and announced on this day (before the period opens). */
  createdDay: number;
  firstDay: number;
  lastDay: number;
  /** Art. 40: why the period is shorter than 30 days. */
  shortPeriodReason?: string;
  /** Comments not (yet) under an opinion. */
  comments: DemoComment[];
  opinions?: DemoOpinion[];
  /** The day staff marked, withheld and summarised (after the period). */
  reviewDay?: number;
  changes?: { section: number | null; change: string; reason: string }[];
  results?: { day: number; finalText: string };
  withdrawal?: { day: number; notice: string };
};

const HALL = city.address.ja;
const PHONE = city.contactPhone;

function contact(section: string, fax: string, email: string) {
  return `${section}\n${HALL}\n電話 ${PHONE}（代表）\nFAX ${fax}\nメール ${email}`;
}

/** 安中市市民総働推進計画（案）: open, with a few dozen comments across sections and channels. */
function civicPlan(fy: number): DemoConsultation {
  const start = fiscalYearLabel(fy + 1);
  const end = fiscalYearLabel(fy + 5);
  const postcard =
    "住民センターの修繕や耐震化、バリアフリー化への市の補助を拡充し、区の負担を軽くしてください。住民センターは区の集会や子ども会、高齢者のサロンの場であり、災害時には避難の拠点にもなります。市民総働の土台となる施設として、第4章の施策に補助の拡充を明記してください。";
  const organised = (day: number, name: string, address: string): DemoComment => ({ day, channel: "post", section: 4, category: "resident", name, address, body: postcard, identicalTo: "postcard" });
  return {
    status: "open",
    title: "安中市市民総働推進計画（案）",
    summary: `市民・市民活動団体・行政区・事業者・市がそれぞれの役割を担い、力を合わせてまちづくりを進める「市民総働」の考え方と、${start}から${end}までの5年間に取り組む施策をまとめた計画の案です。安中市総合計画の政策大綱6「効率的な行財政運営と、市民総働のまち」を具体化するものです。`,
    section: "市民部 市民協働課 市民協働係",
    contact: contact("安中市 市民部 市民協働課 市民協働係", "027-300-1101", city.contactEmail),
    draft: `安中市では、人口減少と少子高齢化が進むなかで、地域の課題を行政だけで解決することが難しくなっています。この計画は、市民の皆さん、市民活動団体、行政区、事業者と市が、それぞれの得意なことを持ち寄ってまちをつくる「市民総働」を進めるための指針です。

## 第1章 計画の趣旨

### 1 計画策定の趣旨

市はこれまで、行政区（101区）を単位とする地域の自治と、市民活動団体の自主的な活動に支えられてきました。一方で、区の役員の担い手不足や、活動団体の会員の高齢化が課題となっています。本計画は、これまでの取組を引き継ぎながら、誰もが無理なく地域に関われる仕組みを整えるために策定するものです。

### 2 計画の位置付け

本計画は、安中市総合計画の政策大綱6「効率的な行財政運営と、市民総働のまち」を推進するための個別計画です。安中市地域福祉計画、安中市男女共同参画プランなど関連する計画と連携して推進します。

### 3 計画の期間

${start}から${end}までの5年間とします。社会情勢の変化などにより、必要に応じて見直します。

## 第2章 市民総働を取り巻く現状と課題

### 1 人口と世帯の状況

本市の人口は減少が続いており、65歳以上の方の割合は約4割に達しています。一人暮らしの高齢者の世帯も増えています。

### 2 行政区と住民センターの状況

行政区は、防災・防犯、環境美化、見守りなど、地域の暮らしを支える活動を担っています。区が所有し運営する住民センターの多くは建築から30年以上が経過し、修繕や耐震化、バリアフリー化が必要になっています。

### 3 市民活動団体の状況

市に登録している市民活動団体は、福祉、子育て、環境、文化・スポーツなど幅広い分野で活動しています。会員の高齢化と活動資金、活動場所の確保が共通の課題です。

### 4 課題のまとめ

- 地域活動の担い手の確保と、若い世代・子育て世代の参加
- 活動に関する情報が必要な人に届く仕組み
- 活動の場となる住民センターなどの維持
- 市民・団体・事業者・市をつなぐ仕組み

## 第3章 基本理念と基本目標

### 基本理念

「ひとりひとりの力を持ち寄り、みんなでつくる安中」

### 基本目標

1. 市民総働を知り、参加するきっかけをつくる
2. 地域と市民活動を支える
3. つながりを広げ、ともに課題を解決する

## 第4章 施策の展開

### 基本目標1 市民総働を知り、参加するきっかけをつくる

- 施策1-1 市民総働ポータルによる団体情報・行事・意見募集の発信
- 施策1-2 広報あんなか、回覧板、SNSを組み合わせた情報提供
- 施策1-3 初めての人が参加しやすい体験型の行事の開催

### 基本目標2 地域と市民活動を支える

- 施策2-1 市民活動団体の登録と活動の紹介
- 施策2-2 住民センターの修繕・耐震化・バリアフリー化への支援
- 施策2-3 区の役員の負担を軽くするための事務の見直し

### 基本目標3 つながりを広げ、ともに課題を解決する

- 施策3-1 団体・区・事業者・学校が出会う交流会の開催
- 施策3-2 市民提案による協働事業の実施
- 施策3-3 パブリックコメントなど市政への参加機会の充実

## 第5章 推進体制

### 1 推進体制

学識経験者、市民活動団体、区長会、事業者の代表と公募市民で構成する「安中市市民総働推進委員会」を設置し、計画の進み具合を確認します。庁内では、各部の連絡員による会議で施策を調整します。

### 2 進行管理

毎年度、次の成果指標の実績を推進委員会に報告し、市のホームページで公表します。

| 成果指標 | 現状値 | 目標値（${end}） |
|---|---|---|
| 市民活動団体の登録数 | 86団体 | 110団体 |
| 市民総働ポータルの利用登録者数 | 1,200人 | 5,000人 |
| 地域活動に参加したことがある市民の割合 | 38% | 50% |
`,
    createdDay: -25,
    firstDay: -18,
    lastDay: 13,
    comments: [
      { day: -17, channel: "online", section: null, category: "resident", name: "小林 直樹", address: "安中市安中三丁目", body: "計画の方向性に賛成です。市役所だけでなく、市民や事業者も一緒にまちをつくるという考え方は大切だと思います。ぜひ計画倒れにならないよう、毎年の取組状況を分かりやすく公表してください。" },
      { day: -16, channel: "online", section: 1, category: "resident", name: "田中 美和", address: "安中市原市", body: "「市民総働」という言葉は、まだ多くの市民には知られていないと思います。「協働」とどう違うのか、市民一人ひとりに何を期待しているのかを、第1章の冒頭で具体的な例を挙げて説明してください。" },
      { day: -15, channel: "online", section: 4, category: "resident", name: "斉藤 健一", address: "安中市板鼻", body: "施策1-1の市民総働ポータルについて。高齢の方はスマートフォンを使わない方も多いので、ポータルだけに頼らず、公民館や住民センターに掲示するなど、紙での情報提供も続けてください。" },
      { day: -15, channel: "online", section: 2, category: "resident", name: "上原 さくら", address: "安中市磯部", body: "区の役員の担い手不足は深刻です。私の区でも、若い世帯は共働きで平日夜の会議に出られず、役員を引き受けられないという声が多く聞かれます。会議のオンライン化や回数の削減など、若い世代が参加しやすい工夫を課題として明記してください。" },
      { day: -14, channel: "online", section: 4, category: "business", name: "有限会社 碓氷精機 総務課 佐藤 誠", address: "安中市中宿", body: "事業者も地域の一員として協力したいと考えています。施策3-1の交流会には、事業者が参加しやすいよう平日の夕方の開催も検討してください。社員のボランティア休暇の取得事例などを紹介していただけると、社内でも呼びかけやすくなります。" },
      { day: -13, channel: "online", section: 5, category: "resident", name: "山口 大輔", address: "安中市郷原", body: "推進委員会に公募市民の枠を設けることに賛成です。ただ、平日の昼間の会議では勤めている人は応募できません。夜間や土日の開催、オンラインでの参加もできるようにしてください。" },
      { day: -12, channel: "counter", section: 1, category: "resident", name: "清水 トミ", address: "安中市松井田町松井田", body: "計画の文章が難しく、年寄りには読みにくいです。大きな字の概要版を作って、回覧板で全部の家に回してもらいたい。" },
      { day: -12, channel: "online", section: 3, category: "commuter", name: "高橋 由美", address: "高崎市（安中市内の事業所に勤務）", body: "基本理念の「ひとりひとりの力を持ち寄り」という言葉がよいと思います。市内に通勤している人も地域の活動に参加できるよう、基本目標1に「市内で働く人・学ぶ人」も対象であることを書き加えてください。" },
      { day: -11, channel: "online", section: 4, category: "resident", name: "デモ市民", address: "安中市安中一丁目", body: "施策1-3の体験型の行事に期待しています。子どもと一緒に参加できる清掃活動や、住民センターでの防災訓練など、家族で気軽に参加できるものを増やしてほしいです。", byDemoResident: true },
      { day: -11, channel: "online", section: 2, category: "resident", name: "井上 正", address: "安中市鷺宮", body: "第2章2の住民センターの状況について。私の区のセンターは築40年を超え、雨漏りとトイレの段差が長年の課題です。区費だけでは修繕費がまかなえません。現状の記述に、区の財政負担が大きいことも加えてください。" },
      { day: -10, channel: "post", section: 2, category: "resident", name: "中島 和夫", address: "安中市東上秋間", body: "市民意識調査の回答率が低く、若い世代の意見が反映されていないのではないでしょうか。郵送の調査票だけでなく、インターネットでも回答できるようにし、その結果を第2章に反映してください。" },
      { day: -10, channel: "online", section: 5, category: "interested", name: "NPO法人 あんなか子ども食堂ネット 理事 森 恵子", address: "安中市安中二丁目", body: "成果指標が団体数と登録者数だけでは、市民総働の広がりが分かりません。「市民提案による協働事業の件数」や「協働事業に参加した市民の延べ人数」など、活動の中身が分かる指標も加えてください。" },
      { day: -9, channel: "fax", section: 4, category: "resident", name: "岡田 良子", address: "安中市岩井", body: "施策2-3に賛成します。区長を務めていますが、市から依頼される配布物や調査の取りまとめが多く、本来の地域活動に手が回りません。依頼の窓口を一本化し、事務の量を減らしてください。" },
      { ...organised(-9, "柳沢 正男", "安中市中野谷"), ref: "postcard", identicalTo: undefined },
      organised(-9, "柳沢 貞子", "安中市中野谷"),
      organised(-8, "荻原 勝", "安中市中野谷"),
      organised(-8, "須藤 幸子", "安中市上間仁田"),
      organised(-8, "須藤 茂", "安中市上間仁田"),
      organised(-7, "新井 英二", "安中市野殿"),
      { day: -8, channel: "online", section: 3, category: "resident", name: "吉田 浩", address: "安中市古屋", body: "基本目標の3つに異論はありませんが、「防災」の視点がもう少しあってもよいと思います。地域のつながりは災害の時にこそ力を発揮します。基本目標2か3に、自主防災組織との連携を明記してください。" },
      { day: -7, channel: "online", section: null, category: "resident", name: "松本 彩", address: "安中市安中五丁目", body: "子育て中の親として、地域の活動に参加したい気持ちはあっても、時間と情報がないのが実情です。計画全体を通じて、子育て世代が「少しだけ」関われる参加の形（単発のボランティア、オンラインでの協力など）を示してほしいです。" },
      { day: -7, channel: "email", section: 4, category: "interested", name: "碓氷川をきれいにする会 事務局 青木 修", address: "安中市板鼻", email: "usuigawa.kirei@example.jp", body: "施策2-1の団体の登録について。登録の手続をポータルでできるようになったことは便利です。登録した団体が使える支援（会議室の優先予約、活動保険など）を一覧にして、計画に記載してください。" },
      { day: -6, channel: "online", section: 4, category: "resident", name: "石井 陽子", address: "安中市原市", body: "施策3-2の市民提案による協働事業について、提案の募集時期や選考の方法、予算の規模をあらかじめ示してください。提案する側が準備しやすくなります。" },
      { day: -6, channel: "counter", section: 2, category: "resident", name: "黒沢 清", address: "安中市松井田町新堀", body: "松井田地域では、区によっては世帯数が20を下回り、区の行事を続けることが難しくなっています。区同士の合同の活動や、区の再編についても課題として取り上げてほしい。" },
      { day: -5, channel: "online", section: 5, category: "resident", name: "村田 隆", address: "安中市安中一丁目", body: "進行管理の結果を推進委員会に報告するだけでなく、市民が意見を言える場を設けてください。年に一度、計画の進み具合を市民に説明する報告会を開いてはどうでしょうか。" },
      { ref: "library", day: -5, channel: "online", section: 4, category: "resident", name: "藤井 真理子", address: "安中市磯部", body: "図書館や公民館を、市民活動団体が気軽に打ち合わせに使える場所にしてほしいです。現在は予約の手続が窓口のみで、平日に行けない人には不便です。施策2-1の支援に、施設予約のオンライン化を加えてください。" },
      { day: -4, channel: "email", section: 4, category: "resident", name: "藤井 真理子", address: "安中市磯部", email: "mariko.fujii@example.jp", body: "図書館や公民館を、市民活動団体が気軽に打ち合わせに使える場所にしてほしいです。現在は予約の手続が窓口のみで、平日に行けない人には不便です。施策2-1の支援に、施設予約のオンライン化を加えてください。", duplicateOf: "library" },
      { day: -4, channel: "post", section: 3, category: "resident", name: "今井 ふみ", address: "安中市下秋間", body: "「市民総働」という言葉が、市民に仕事を押し付けるように聞こえるという声を近所で聞きました。市の責任を後退させるものではないことを、基本理念の説明にはっきり書いてください。" },
      { day: -3, channel: "online", section: 1, category: "resident", name: "近藤 剛", address: "安中市中宿", body: "計画の期間を5年とすることについて、総合計画の見直しの時期とずれていると、施策の整合がとりにくくなると思います。見直しの時期を総合計画と合わせる旨を記載してはどうでしょうか。" },
      { day: -3, channel: "online", section: 4, category: "commuter", name: "加藤 翔太", address: "富岡市（安中市内の高校に勤務）", body: "高校生のボランティア活動の受け皿を増やしてください。生徒は地域の行事に参加したい気持ちがあっても、どこに連絡すればよいか分かりません。学校と団体をつなぐ窓口を施策3-1に加えてほしいです。" },
      { day: -2, channel: "fax", section: 5, category: "interested", name: "安中市区長会 副会長 小野 勇", address: "安中市安中三丁目", body: "推進委員会の構成に区長会が入っていることは心強く思います。区長会としても計画の推進に協力しますので、委員会での議論の内容を区長会にも定期的に報告してください。" },
      { day: -2, channel: "online", section: null, category: "resident", name: "平田 美香", address: "安中市郷原", body: "全体として読みやすくまとまっていると思います。ただ、カタカナ語（ポータル、SNSなど）には説明を付けてください。" },
    ],
  };
}

/** 安中市公民館使用料の見直し（案）: open, with a period shorter than 30 days (Art. 40). */
function hallFees(): DemoConsultation {
  return {
    status: "open",
    title: "安中市公民館使用料の見直し（案）",
    summary: "公民館の光熱水費や維持管理費の上昇を踏まえ、平成の合併以来据え置いてきた使用料を見直す案です。あわせて、市民活動団体や子ども会などの減免の基準を分かりやすく整理します。",
    section: "教育委員会事務局 生涯学習課 社会教育係",
    contact: contact("安中市教育委員会事務局 生涯学習課 社会教育係", "027-300-1102", "shogai@city.annaka.example.jp"),
    draft: `## 第1 見直しの趣旨

公民館の使用料は、合併後の平成18年に定めてから見直しを行っていません。この間、電気料金をはじめとする光熱水費や、施設の修繕費は大きく上昇しています。施設を利用する方と利用しない方との負担の公平を図るため、使用料を見直します。

## 第2 見直しの考え方

1. 使用料は、施設の維持管理に要する経費のうち、利用者に負担していただく割合を50%として算定します。
2. 急激な負担の増加を避けるため、引上げ幅は現行の1.5倍を上限とします。
3. 冷暖房の使用料は、部屋の使用料に含めます。

## 第3 新しい使用料（1時間あたり）

| 部屋 | 現行 | 見直し後 |
|---|---|---|
| 大会議室 | 400円 | 600円 |
| 小会議室 | 200円 | 300円 |
| 和室 | 200円 | 300円 |
| 調理実習室 | 300円 | 450円 |

## 第4 減免

次の利用は、これまでどおり使用料を免除します。

- 行政区、子ども会、老人クラブが行う地域の活動
- 市に登録している市民活動団体が行う公益的な活動
- 市または教育委員会が共催する事業

## 第5 施行期日

新しい使用料は、条例の改正後、周知期間を置いて次の4月1日から適用します。
`,
    createdDay: -9,
    firstDay: -6,
    lastDay: 8,
    shortPeriodReason:
      "次の市議会定例会に条例の改正案を提出するため、意見の検討に要する期間を確保する必要があります。このため、募集期間を15日間とします。あわせて、各公民館の窓口に案を備え置き、利用団体には個別にお知らせしています。",
    comments: [
      { day: -5, channel: "counter", section: 3, category: "resident", name: "佐々木 京子", address: "安中市原市", body: "大正琴のサークルで毎週和室を使っています。1.5倍の値上げは、年金暮らしの会員には負担が大きいです。引上げを段階的にしてもらえないでしょうか。" },
      { day: -4, channel: "online", section: 4, category: "interested", name: "安中市子ども会育成連絡協議会 事務局 大塚 亮", address: "安中市安中四丁目", body: "子ども会の活動が引き続き免除とされていることに感謝します。行事の準備のための打合せも免除の対象となるのか、基準に明記してください。" },
      { day: -3, channel: "email", section: 2, category: "resident", name: "野村 智子", address: "安中市板鼻", email: "t.nomura@example.jp", body: "冷暖房費を部屋の使用料に含めることには賛成です。これまで冷暖房の申込みを忘れて当日に追加料金を払うことがあり、分かりにくかったので、料金が一本化されるのは助かります。" },
      { day: -1, channel: "online", section: 5, category: "resident", name: "原田 修一", address: "安中市松井田町横川", body: "見直しの時期について、利用団体は年度の活動計画と予算を前年度のうちに決めています。周知期間を少なくとも半年は確保してください。" },
    ],
  };
}

/** 第4期安中市地域福祉計画（案）: announced, its period not yet begun. */
function welfarePlan(fy: number): DemoConsultation {
  const start = fiscalYearLabel(fy + 1);
  const end = fiscalYearLabel(fy + 6);
  return {
    status: "scheduled",
    title: "第4期安中市地域福祉計画（案）",
    summary: `誰もが住み慣れた地域で安心して暮らせるよう、市民、地域、福祉の事業者、社会福祉協議会と市が支え合う仕組みを定める計画の案です。計画期間は${start}から${end}までの6年間です。`,
    section: "保健福祉部 福祉課 福祉総務係",
    contact: contact("安中市 保健福祉部 福祉課 福祉総務係", "027-300-1103", "fukushi@city.annaka.example.jp"),
    draft: `## 第1章 計画の策定にあたって

地域福祉計画は、社会福祉法第107条に基づく計画です。安中市社会福祉協議会が策定する地域福祉活動計画と一体的に策定し、${start}から${end}までの6年間を計画期間とします。

## 第2章 地域福祉を取り巻く現状

高齢者の一人暮らし世帯、支援が必要な子育て家庭、ひきこもりの状態にある方など、地域には複合的な課題を抱える世帯が増えています。民生委員・児童委員の担い手の確保も課題です。

## 第3章 計画の基本理念と目標

基本理念：「支え合い、誰もが自分らしく暮らせるまち あんなか」

1. 身近な地域で支え合う
2. 困ったときに相談できる
3. 安心して暮らせる環境をつくる

## 第4章 施策の展開

- 重層的支援体制整備事業による、分野を問わない相談の受け止め
- 住民センターを拠点とした見守りとサロン活動への支援
- 災害時に支援が必要な方の個別避難計画の作成
- 成年後見制度の利用の促進（安中市成年後見制度利用促進基本計画を含む）

## 第5章 計画の推進

安中市地域福祉計画推進委員会で毎年度の取組を評価し、結果を公表します。
`,
    createdDay: -4,
    firstDay: 6,
    lastDay: 35,
    comments: [],
  };
}

/** 第3次安中市男女共同参画プラン（改定案）: closed, its results being prepared. */
function genderPlan(fy: number): DemoConsultation {
  const start = fiscalYearLabel(fy + 1);
  return {
    status: "closed",
    title: "第3次安中市男女共同参画プラン（改定案）",
    summary: `男女共同参画社会基本法に基づく市の計画を、中間見直しにあわせて改定する案です。${start}からの後期5年間に、女性活躍推進法に基づく推進計画と、配偶者等からの暴力の防止に関する基本計画を一体として進めます。`,
    section: "市民部 人権男女共同参画課 男女共同参画係",
    contact: contact("安中市 市民部 人権男女共同参画課 男女共同参画係", "027-300-1104", "danjo@city.annaka.example.jp"),
    draft: `## 第1章 プランの基本的な考え方

本プランは、男女共同参画社会基本法第14条第3項に基づく市町村男女共同参画計画です。中間見直しにより、後期5年間の施策と成果指標を改めます。

## 第2章 現状と課題

- 市の審議会等における女性委員の割合は約3割にとどまっています。
- 行政区の役員に占める女性の割合は1割未満です。
- 家事・育児・介護の多くを女性が担っているとの回答が、市民意識調査で6割を超えています。

## 第3章 施策の内容

### 基本目標I 男女共同参画の意識づくり

学校、家庭、地域での啓発と学習の機会を充実します。

### 基本目標II あらゆる分野への参画

審議会等の委員や地域活動の役員への女性の参画を進めます。

### 基本目標III 仕事と生活の調和

事業所への働きかけと、子育て・介護の支援を進めます。

### 基本目標IV 安心して暮らせる社会

配偶者等からの暴力の防止と被害者の支援を進めます。

## 第4章 推進体制

安中市男女共同参画推進委員会で進み具合を評価し、毎年度、結果を公表します。

| 成果指標 | 現状値 | 目標値 |
|---|---|---|
| 審議会等の女性委員の割合 | 31% | 40% |
| 行政区の役員に占める女性の割合 | 8% | 15% |
`,
    createdDay: -56,
    firstDay: -49,
    lastDay: -19,
    reviewDay: -12,
    opinions: [
      {
        section: 2,
        summary: "行政区の役員に女性が少ない理由を分析し、課題として記載すべき。",
        response: "ご意見を踏まえ、第2章に区長会と協力して行った聞き取りの結果を加え、会議の時間帯や役員の仕事の進め方が参加の妨げになっていることを課題として記載します。",
        comments: [
          { day: -45, channel: "online", section: 2, category: "resident", name: "小島 由紀", address: "安中市安中二丁目", body: "区の役員に女性が1割未満という数字に驚きました。なぜ女性が役員にならないのか、原因を調べて書いてほしいです。夜の会議が多く、子育て中の女性は出席しにくいことも一因だと思います。" },
          { day: -31, channel: "post", section: 2, category: "resident", name: "遠藤 はる", address: "安中市松井田町八城", body: "区の班長を務めましたが、会合はいつも夜で、家を空けにくく苦労しました。女性が役員を引き受けにくい事情をよく調べて、計画に書いてください。" },
        ],
      },
      {
        section: 3,
        summary: "男性の家事・育児への参加を進める具体的な取組を示すべき。",
        response: "",
        comments: [
          { day: -40, channel: "online", section: 3, category: "commuter", name: "野口 拓也", address: "前橋市（安中市内の事業所に勤務）", body: "基本目標IIIについて、男性が育児休業を取りやすくするための事業所への働きかけを、もう少し具体的に書いてください。市役所が率先して男性職員の育休取得率を公表してはどうでしょうか。" },
        ],
      },
    ],
    comments: [
      { day: -38, channel: "fax", section: 3, category: "business", name: "株式会社 秋間フーズ 人事担当 関口 奈々", address: "安中市東上秋間", body: "基本目標IIIの事業所への働きかけについて、小さな事業所でも取り組める両立支援の事例を紹介する場があるとありがたいです。市の表彰制度についても周知してください。" },
      { day: -33, channel: "online", section: 4, category: "resident", name: "宮崎 亜紀", address: "安中市郷原", body: "推進委員会の評価結果は、市のホームページだけでなく広報でも知らせてください。成果指標に「市民意識調査で『男女が平等』と答えた人の割合」を加えてはどうでしょうか。" },
      { day: -27, channel: "counter", section: 3, category: "resident", name: "杉本 信子", address: "安中市中野谷", body: "配偶者からの暴力について、相談窓口の場所と時間をもっと周知してほしい。公民館や住民センターのトイレに相談カードを置いてはどうか。" },
      { day: -24, channel: "online", section: 1, category: "resident", name: "増田 光", address: "安中市岩井", body: "プランの名称や文章に「男女」とありますが、性の多様性への配慮についても基本的な考え方に書き加えてください。" },
      { day: -20, channel: "email", section: null, category: "resident", name: "福田 和子", address: "安中市板鼻", email: "fukuda.kazuko@example.jp", body: "改定案全体として、前期の取組の成果と反省が分かりにくいです。前期5年間の成果指標の実績を一覧にして示してから、後期の施策を説明してください。" },
    ],
  };
}

/** 安中市地球温暖化対策実行計画（区域施策編）（案）: results published, with comments and changes. */
function climatePlan(fy: number): DemoConsultation {
  const target = fiscalYearLabel(fy + 4);
  const solar =
    "山林を切り開く大規模な太陽光発電施設の設置には反対です。秋間や松井田の山林で開発が進めば、土砂災害や景観の悪化が心配です。計画の再生可能エネルギーの導入目標は、住宅や事業所の屋根への設置を中心とし、山林の開発を抑える方針を明記してください。";
  const organised = (day: number, name: string, address: string): DemoComment => ({ day, channel: "post", section: 4, category: "resident", name, address, body: solar, identicalTo: "solar" });
  return {
    status: "published",
    title: "安中市地球温暖化対策実行計画（区域施策編）（案）",
    summary: `市域から排出される温室効果ガスを削減するため、市民、事業者、市が取り組む施策と、${target}までの削減目標を定める計画の案です。`,
    section: "市民部 環境政策課 環境政策係",
    contact: contact("安中市 市民部 環境政策課 環境政策係", "027-300-1105", "kankyo@city.annaka.example.jp"),
    draft: `## 第1章 計画の基本的事項

地球温暖化対策の推進に関する法律第21条第4項に基づき、市域の温室効果ガスの排出削減等に関する施策を定めます。

## 第2章 温室効果ガス排出量の現状

市域の排出量のうち、産業部門が約半分、運輸部門が約2割を占めます。家庭部門は、世帯数の減少にかかわらず横ばいで推移しています。

## 第3章 削減目標

${target}の温室効果ガス排出量を、基準年度（平成25年度）比で46%削減することを目指します。

## 第4章 目標達成に向けた施策

1. 住宅・事業所への太陽光発電と蓄電池の導入の支援
2. 省エネルギー家電と住宅の断熱改修の普及
3. 公共交通の利用促進と、電気自動車の充電設備の整備
4. 森林の整備による二酸化炭素の吸収源の確保
5. ごみの減量とリサイクルの推進

## 第5章 推進体制と進行管理

安中市環境審議会に毎年度の排出量と施策の実施状況を報告し、結果を公表します。
`,
    createdDay: -137,
    firstDay: -130,
    lastDay: -100,
    reviewDay: -85,
    opinions: [
      {
        section: 4,
        summary: "山林を開発する大規模な太陽光発電施設の設置を抑え、屋根置きの太陽光発電を中心とすべき。",
        response:
          "再生可能エネルギーの導入は、自然環境や景観、防災との調和が前提であると考えています。ご意見を踏まえ、第4章の施策1に「住宅・事業所の屋根や駐車場など、既に開発された場所への設置を優先する」ことを明記し、山林の開発を伴う設置については、市のガイドラインに基づき、地域の皆さんへの説明と防災上の措置を求めることを加えました。",
        comments: [{ ref: "solar", day: -120, channel: "post", section: 4, category: "resident", name: "桜井 光男", address: "安中市下秋間", body: solar }],
      },
      {
        section: 4,
        summary: "公共交通の利用促進の具体策として、市内循環バスの便数の増加や運行経路の見直しを示すべき。",
        response:
          "市内の公共交通は、安中市地域公共交通計画に基づき、利用状況を踏まえて見直しを進めています。いただいたご意見は、次の見直しの際の参考とさせていただきます。本計画では、施策3に地域公共交通計画と連携して取り組むことを記載しています。",
        comments: [
          { day: -126, channel: "online", section: 4, category: "resident", name: "大野 健太", address: "安中市原市", body: "車がないと生活できない地域なので、公共交通の利用促進と言われても現実的ではありません。市内循環バスの便数を増やす、駅と病院や商業施設を結ぶ経路にするなど、具体的な改善策を示してください。" },
          { day: -112, channel: "fax", section: 4, category: "resident", name: "丸山 静江", address: "安中市松井田町松井田", body: "免許を返納した高齢者のために、バスの便を増やしてほしい。乗る人が増えれば温暖化対策にもなると思います。" },
        ],
      },
      {
        section: 3,
        summary: "46%削減という目標の根拠と、部門ごとの目標を示すべき。",
        response: "ご意見を踏まえ、第3章に国の地球温暖化対策計画との関係を記載するとともに、部門ごとの削減量の目安を表にして加えました。",
        comments: [
          { day: -118, channel: "email", section: 3, category: "interested", name: "あんなか環境ネットワーク 代表 荒木 浩二", address: "安中市安中一丁目", email: "kankyo.net@example.jp", body: "削減目標の46%は国の目標と同じですが、市の産業構造を踏まえた根拠が示されていません。部門ごとにどれだけ削減するのか、目安を示してください。" },
        ],
      },
      {
        section: 2,
        summary: "産業部門の排出量の内訳を示し、大規模な事業所の取組を明らかにすべき。",
        response:
          "市域の排出量は、国の統計を按分して推計しているため、個々の事業所の排出量は把握していません。温室効果ガスの排出量が多い事業所の排出量は、国の制度に基づき公表されていますので、第2章に参照先を記載しました。",
        comments: [
          {
            day: -108,
            channel: "online",
            section: 2,
            category: "resident",
            name: "森田 俊介",
            address: "安中市中宿",
            body: "産業部門が排出量の半分を占めるのであれば、大きな工場の取組が重要です。中宿にある某社の工場は夜間も煙を出しており、近所では体調を崩した人もいると聞いています。大規模な事業所ごとの排出量と取組を公表してください。",
            withhold: { passage: "中宿にある某社の工場は夜間も煙を出しており、近所では体調を崩した人もいると聞いています。", reason: "特定の事業者とその周辺の住民の健康状態に関する記述であり、公にすることにより当該事業者及び個人の権利利益を害するおそれがあるため。" },
          },
        ],
      },
      {
        section: 4,
        summary: "家庭での省エネルギーの取組を分かりやすく紹介すべき。",
        response: "ご意見を踏まえ、施策2に家庭でできる省エネルギーの取組を紹介するパンフレットの作成と、公民館での講座の開催を加えました。",
        comments: [
          { day: -104, channel: "counter", section: 4, category: "resident", name: "中山 道子", address: "安中市板鼻", body: "家庭でできる省エネの方法を、具体的に分かりやすく教えてほしい。公民館で講座を開いてもらえれば参加したい。" },
        ],
      },
      {
        section: null,
        summary: "計画の内容に賛成する。着実に実行してほしい。",
        response: "計画の推進にあたっては、毎年度の進み具合を安中市環境審議会に報告し、市のホームページで公表してまいります。",
        comments: [
          { ref: "agree", day: -124, channel: "online", section: null, category: "resident", name: "西村 美穂", address: "安中市磯部", body: "計画の内容に賛成します。子どもたちの将来のために、市役所が率先して取り組んでください。" },
        ],
      },
    ],
    comments: [
      organised(-119, "桜井 キヨ", "安中市下秋間"),
      organised(-117, "北村 昭", "安中市下秋間"),
      organised(-115, "北村 和子", "安中市東上秋間"),
      organised(-113, "長谷川 進", "安中市松井田町土塩"),
      { day: -123, channel: "email", section: null, category: "resident", name: "西村 美穂", address: "安中市磯部", email: "miho.nishimura@example.jp", body: "計画の内容に賛成します。子どもたちの将来のために、市役所が率先して取り組んでください。", duplicateOf: "agree" },
    ],
    changes: [
      { section: 4, change: "施策1に「住宅・事業所の屋根や駐車場など、既に開発された場所への設置を優先する」ことと、山林の開発を伴う設置にはガイドラインに基づく地域への説明と防災上の措置を求めることを加えました。", reason: "山林の開発による土砂災害や景観への影響を心配するご意見を踏まえたため。" },
      { section: 3, change: "第3章に、国の地球温暖化対策計画との関係と、部門ごとの削減量の目安を示す表を加えました。", reason: "目標の根拠と部門ごとの目標を示すべきとのご意見を踏まえたため。" },
      { section: 4, change: "施策2に、家庭でできる省エネルギーの取組のパンフレットの作成と、公民館での講座の開催を加えました。", reason: "家庭での取組を分かりやすく紹介すべきとのご意見を踏まえたため。" },
    ],
    results: {
      day: -60,
      finalText: `# 安中市地球温暖化対策実行計画（区域施策編）

意見募集の結果を踏まえ、案の一部を修正して次のとおり策定しました。

## 削減目標

${target}の市域の温室効果ガス排出量を、平成25年度比で46%削減します。

| 部門 | 削減量の目安 |
|---|---|
| 産業部門 | 48% |
| 業務その他部門 | 51% |
| 家庭部門 | 66% |
| 運輸部門 | 35% |

## 主な施策

1. 住宅・事業所の屋根や駐車場など、既に開発された場所を優先した太陽光発電と蓄電池の導入の支援
2. 省エネルギー家電と住宅の断熱改修の普及（家庭向けパンフレット、公民館での講座）
3. 地域公共交通計画と連携した公共交通の利用促進と、電気自動車の充電設備の整備
4. 森林の整備による二酸化炭素の吸収源の確保
5. ごみの減量とリサイクルの推進

計画の全文は、環境政策課と各支所の窓口でご覧いただけます。
`,
    },
  };
}

/** 安中市空家等対策計画（第2期）（案）: results published, no comment received. */
function vacantHouses(fy: number): DemoConsultation {
  const start = fiscalYearLabel(fy + 1);
  const end = fiscalYearLabel(fy + 5);
  return {
    status: "published",
    title: "安中市空家等対策計画（第2期）（案）",
    summary: `空家等対策の推進に関する特別措置法に基づき、空き家の発生の予防、活用、管理が不十分な空き家への対応を定める第2期計画の案です。計画期間は${start}から${end}までです。`,
    section: "建設部 建築住宅課 住宅係",
    contact: contact("安中市 建設部 建築住宅課 住宅係", "027-300-1106", "jutaku@city.annaka.example.jp"),
    draft: `## 第1章 計画の趣旨と期間

空家等対策の推進に関する特別措置法第7条に基づく計画です。計画期間は${start}から${end}までの5年間です。

## 第2章 空き家の現状

市内の空き家は約1,900戸と推計され、このうち約3割は管理が不十分な状態にあります。

## 第3章 基本方針と施策

1. 発生の予防：相続や住まいの将来について考える機会の提供
2. 活用の促進：空き家バンクと改修費の補助
3. 適切な管理：所有者への助言と、管理不全空家・特定空家への措置

## 第4章 推進体制

建築住宅課を窓口とし、安中市空家等対策協議会で施策の実施状況を確認します。
`,
    createdDay: -117,
    firstDay: -110,
    lastDay: -80,
    results: {
      day: -50,
      finalText: `# 安中市空家等対策計画（第2期）

意見募集の期間中にご意見の提出はありませんでした。案のとおり策定しました。

## 計画の概要

- 計画期間：${start}から${end}まで
- 基本方針：空き家の発生の予防、活用の促進、適切な管理の3つ
- 主な施策：空き家バンクの運営、空き家の改修費の補助、所有者への助言と管理不全空家・特定空家への措置

計画の全文は、建築住宅課の窓口でご覧いただけます。
`,
    },
    comments: [],
  };
}

/** 安中市自転車駐車場条例の一部を改正する条例（案）: withdrawn while it was open. */
function bicycleParking(): DemoConsultation {
  return {
    status: "withdrawn",
    title: "安中市自転車駐車場条例の一部を改正する条例（案）",
    summary: "安中駅北口と磯部駅の自転車駐車場を有料化し、放置自転車の処分の手続を定める条例改正の案です。",
    section: "建設部 都市計画課 交通政策係",
    contact: contact("安中市 建設部 都市計画課 交通政策係", "027-300-1107", "toshikei@city.annaka.example.jp"),
    draft: `安中駅北口と磯部駅の自転車駐車場は、長期間置かれたままの自転車が増え、利用したい方が駐車できない状況が続いています。施設の維持管理の費用を利用者に負担していただき、放置自転車を減らすため、条例を次のように改正します。

第1条（使用料）自転車駐車場の使用料は、1回100円、1か月1,000円とします。高校生以下の方の定期利用は1か月500円とします。

第2条（長期放置自転車の処分）連続して30日を超えて置かれている自転車は、所有者への告知を経て、市が撤去し保管します。保管の期間を過ぎた自転車は、市が処分することができます。

第3条（施行期日）この条例は、公布の日から起算して6か月を経過した日から施行します。
`,
    createdDay: -47,
    firstDay: -40,
    lastDay: -10,
    withdrawal: {
      day: -28,
      notice:
        "安中駅北口周辺の再整備の計画を見直すこととなり、自転車駐車場の有料化は、その計画と併せて改めて検討することとしました。このため、本案による意見募集を取りやめ、条例の改正を見送ります。それまでにお寄せいただいたご意見は、今後の検討の参考とさせていただきます。",
    },
    comments: [
      { day: -37, channel: "online", section: 1, category: "resident", name: "吉川 陽菜", address: "安中市安中三丁目", body: "高校への通学で安中駅の駐輪場を毎日使っています。高校生の料金を下げてもらえるのはありがたいですが、できれば無料のままにしてほしいです。" },
      { day: -33, channel: "counter", section: 2, category: "resident", name: "内田 良一", address: "安中市磯部", body: "磯部駅の駐輪場には何年も置かれたままの自転車があり、困っていました。長期放置の自転車の処分の手続を定めることに賛成です。" },
    ],
  };
}

/** Every demo consultation, its texts dated from the fiscal year of today (the seed's clock). */
export function demoConsultations(fy: number): DemoConsultation[] {
  return [welfarePlan(fy), civicPlan(fy), hallFees(), genderPlan(fy), climatePlan(fy), vacantHouses(fy), bicycleParking()];
}
