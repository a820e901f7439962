/** What the staff area's shell offers other domains: its catalogue, whose navigation, dashboard and centre-form strings they use. */
export { adminMessages, type MessageKey as AdminMessageKey } from "./messages.ts";
