/** What the staff area's shell offers other domains: its catalogue, whose navigation and dashboard strings their contributions use. */
export { adminMessages } from "./messages.ts";
