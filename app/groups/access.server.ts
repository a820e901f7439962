/**
 * Who reaches which group (decision 0014): the one filter every registry query on behalf of a
 * person is scoped by, and the guard of the pages under /my/groups/:id. The permissions and
 * who holds them are in app/auth/permissions.ts; this module only turns them into queries.
 */
import { actorOf, notFound, refusal, requireSession } from "../auth/guards.server.ts";
import { can, groupReach, type Actor, type GroupRole, type Permission } from "../auth/permissions.ts";
import { db, type Db, type Prisma } from "../platform/db.server.ts";
import { idParam as groupIdFrom } from "../platform/forms/params.ts";

type Client = Prisma.TransactionClient | Db;

/** The groups a permission reaches for the person, as a filter on Group (none: matches nothing). */
export function groupScope(actor: Actor, permission: Permission): Prisma.GroupWhereInput {
  const reach = groupReach(actor, permission);
  if (reach === "any") return {};
  return { members: { some: { userId: actor.id, role: { in: reach } } } };
}

export type ReachedGroup = { id: number; role: GroupRole | null };

/** The group when the permission reaches it for the person (with their role in it), else null. */
export async function reachGroup(actor: Actor, groupId: number, permission: Permission, client: Client = db): Promise<ReachedGroup | null> {
  const group = await client.group.findFirst({
    where: { id: groupId, ...groupScope(actor, permission) },
    select: { id: true, members: { where: { userId: actor.id }, select: { role: true } } },
  });
  return group ? { id: group.id, role: (group.members[0]?.role as GroupRole | undefined) ?? null } : null;
}

/**
 * The guard of every page under /my/groups/:id: the person's membership decides. Not a member
 * (or not a group id): 404, the group does not exist for them, drafts included. A member whose
 * role does not hold the permission: 403 (they know the group); one whose address is not
 * confirmed yet is sent to confirm it.
 */
export async function requireGroupRole(request: Request, idParam: string | undefined, permission: Permission) {
  const session = await requireSession(request);
  const actor = actorOf(session);
  const groupId = groupIdFrom(idParam);
  const membership =
    groupId === null ? null : await db.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId: actor.id } }, select: { role: true } });
  if (groupId === null || !membership) throw notFound();
  const group = { id: groupId, role: membership.role as GroupRole };
  if (!can(actor, permission, { groupRole: group.role })) throw refusal(actor, permission);
  return { session, actor, group };
}
