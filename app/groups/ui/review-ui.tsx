/** Pieces shared by the staff review's pages: labels of states and kinds, and the "already decided" notice. */
import { Link } from "@remix-run/react";
import { lookupMessage, type AnyTranslate } from "../../i18n/index.ts";

/** A catalogue label for a stored code, or the code itself when the catalogue has none. */
export function labelOf(t: AnyTranslate, prefix: string, code: string | null | undefined): string {
  if (!code) return "";
  return lookupMessage(t, `${prefix}.${code}`) ?? code;
}

export const groupKindLabel = (t: AnyTranslate, kind: string) => labelOf(t, "groups.kind", kind);
export const groupStateLabel = (t: AnyTranslate, state: string) => labelOf(t, "groupReview.state", state);

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
