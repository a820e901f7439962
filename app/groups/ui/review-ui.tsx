/** Pieces shared by the staff review's pages: labels of states and kinds, and the "already decided" notice. */
import { Link } from "@remix-run/react";
import { isMessageKey, type MessageKey, type Translate } from "../../i18n/index.ts";

/** A catalogue label for a stored code, or the code itself when the catalogue has none. */
export function labelOf(t: Translate, prefix: string, code: string | null | undefined): string {
  if (!code) return "";
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key as MessageKey) : code;
}

export const groupKindLabel = (t: Translate, kind: string) => labelOf(t, "groups.kind", kind);
export const groupStateLabel = (t: Translate, state: string) => labelOf(t, "groupReview.state", state);

/**
 * Shown with status 409 when what the form acted on changed meanwhile (a double click, another
 * member of staff): says nothing was changed and where to look.
 */
export function ConflictNotice({ title, body, backTo, backLabel }: { title: string; body: string; backTo?: string; backLabel?: string }) {
  return (
    <div className="error-summary" role="alert">
      <h2>{title}</h2>
      <p>{body}</p>
      {backTo && backLabel ? (
        <p>
          <Link to={backTo}>{backLabel}</Link>
        </p>
      ) : null}
    </div>
  );
}
