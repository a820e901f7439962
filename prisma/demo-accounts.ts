/**
 * The demo accounts `npm run demo` makes (prisma/seed.ts) and the README lists. Plain data with
 * no imports, so that browser tests can read it without loading the app's database client.
 */
export const DEMO_PASSWORD = "demo-password-2026";
export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  role: "resident" | "staff" | "admin";
  /** Base32, as authenticator apps and `oathtool --totp -b` take it. */
  totpSecret?: string;
  districtCode?: string;
}[] = [
  { email: "admin@demo.annaka.example", displayName: "デモ管理者", role: "admin", totpSecret: "ANNAKADEMOADMINAANNAKADEMOADMINA" },
  { email: "staff@demo.annaka.example", displayName: "デモ職員", role: "staff", totpSecret: "ANNAKADEMOSTAFFAANNAKADEMOSTAFFA" },
  { email: "resident@demo.annaka.example", displayName: "デモ市民", role: "resident" },
  { email: "applicant@demo.annaka.example", displayName: "デモ申請者", role: "resident" },
  { email: "kucho1@demo.annaka.example", displayName: "デモ区長 安中一区", role: "resident", districtCode: "001" },
  { email: "kucho2@demo.annaka.example", displayName: "デモ区長 東上秋間二区", role: "resident", districtCode: "045" },
];
