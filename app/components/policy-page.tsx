import { useT, type PlainKey } from "../i18n/index.ts";
import { policiesMessages } from "../i18n/policies.ts";

type MessageKey = PlainKey<typeof policiesMessages>;

/** A policy page: a title, an introduction and titled sections, all from the catalogue. */
export function PolicyPage({
  title,
  intro,
  sections,
  updated,
}: {
  title: MessageKey;
  intro: MessageKey;
  sections: { title: MessageKey; body?: MessageKey; items?: MessageKey[] }[];
  updated: MessageKey;
}) {
  const t = useT(policiesMessages);
  return (
    <article>
      <h1>{t(title)}</h1>
      <p className="lead">{t(intro)}</p>
      {sections.map((s) => (
        <section key={s.title} aria-labelledby={s.title.replace(/\./g, "-")}>
          <h2 id={s.title.replace(/\./g, "-")}>{t(s.title)}</h2>
          {s.body ? <p>{t(s.body)}</p> : null}
          {s.items ? (
            <ul>
              {s.items.map((item) => (
                <li key={item}>{t(item)}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <p>{t(updated)}</p>
    </article>
  );
}
