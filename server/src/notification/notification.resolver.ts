import { Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, forbidden } from '../common/errors';
import { isId } from '../common/ids';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { MarkReadArgs, Notification, NotificationsArgs } from './notification.types';

/** The inbox belongs to a tenant user (platform administrators and API keys have none). */
function me(ctx: RequestContext): string {
  const p = ctx.principal;
  if (p?.kind !== 'user') throw forbidden('Only a tenant user has an inbox');
  return p.id;
}

interface Row {
  id: string;
  kind: Notification['kind'];
  params: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized(Permission.INBOX_READ)
  @Query(() => [Notification], { description: "The caller's notifications, newest first." })
  async notifications(
    @Ctx() ctx: RequestContext,
    @Args(() => NotificationsArgs) a: NotificationsArgs,
  ): Promise<Notification[]> {
    const rows: Row[] = await (
      await ctx.em()
    ).query(
      `SELECT id, kind, params, created_at, read_at FROM notifications
        WHERE tenant_id = $1 AND user_id = $2 AND ($3::boolean IS FALSE OR read_at IS NULL)
        ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`,
      [ctx.tenantId, me(ctx), a.unreadOnly, a.limit, a.offset],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, params: r.params, createdAt: r.created_at, readAt: r.read_at }));
  }

  @Authorized(Permission.INBOX_READ)
  @Query(() => Int, { description: "How many of the caller's notifications are unread (the app bar's badge)." })
  async unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    const [r] = await (
      await ctx.em()
    ).query(`SELECT count(*)::int AS n FROM notifications WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL`, [
      ctx.tenantId,
      me(ctx),
    ]);
    return r.n;
  }

  @Authorized(Permission.INBOX_READ)
  @Mutation(() => Int, {
    description: "Marks the caller's notifications read (the given ones, or all); answers how many changed.",
  })
  async markNotificationsRead(@Ctx() ctx: RequestContext, @Args(() => MarkReadArgs) a: MarkReadArgs): Promise<number> {
    if (!a.all && !a.ids?.length) throw badInput('Give ids or all: true');
    const ids = (a.ids ?? []).filter(isId);
    const rows: unknown = await (
      await ctx.em()
    ).query(
      `UPDATE notifications SET read_at = now() WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::boolean OR id = ANY($4::uuid[])) RETURNING id`,
      [ctx.tenantId, me(ctx), a.all, ids],
    );
    return Array.isArray(rows) ? (rows[1] as number) : 0;
  }
}
