/**
 * What the group registry offers other domains on the server (decision 0017). Anything else
 * in app/groups is the registry's own; ESLint keeps other domains to this file and public.ts.
 */
export { countRegisteredGroups, registeredGroupsAt, type CountedGroup } from "./registered.server.ts";
