import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "ウェブアクセシビリティ方針" }];

/** Static text: 23 paragraphs make the page about as long as the portal's /accessibility (9.2 KB). */
const PARAGRAPH =
  "安中市は、高齢の方や障害のある方を含め、誰もがこのサイトの情報を利用できるよう、日本産業規格 JIS X 8341-3:2016 の適合レベル AA に準拠することを目標としています。";

export function loader() {
  return { paragraphs: 23 };
}

export default function Index() {
  const { paragraphs } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>ウェブアクセシビリティ方針</h1>
      {Array.from({ length: paragraphs }, (_, i) => (
        <p key={i}>{PARAGRAPH}</p>
      ))}
    </main>
  );
}
