import { IsBoolean, IsInt, IsOptional, IsTimeZone, Max, MaxLength, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { auditService } from '../audit/audit.service';
import type { RequestContext } from '../context/request-context';

/** A tenant's settings: one row per tenant, absent until first changed (then the defaults apply). Tenant-owned (RLS). */
@Entity('tenant_settings')
export class TenantSettingsEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @Column('boolean', { name: 'separation_of_duties', default: false })
  separationOfDuties!: boolean;

  @Column('text', { name: 'time_zone', default: 'Asia/Shanghai' })
  timeZone!: string;

  @Column('integer', { name: 'reminder_days', default: 3 })
  reminderDays!: number;

  @Column('integer', { default: 1 })
  version!: number;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}

@ObjectType('TenantSettings', {
  description: "The tenant's settings (the defaults until an ADMIN first changes them).",
})
export class TenantSettings {
  @Field({
    description:
      'When on, no person takes two steps of one result run (compute, review, approve, publish), ADMINs included.',
  })
  separationOfDuties!: boolean;

  @Field({ description: 'IANA time zone in which deadlines are set and shown (default Asia/Shanghai).' })
  timeZone!: string;

  @Field(() => Int, {
    description: 'How many days before a deadline reminders go to those who have not submitted (default 3; 0: none).',
  })
  reminderDays!: number;

  @Field(() => Int, { description: '0 until the settings are first changed.' })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When they were last changed; null while the defaults apply.' })
  updatedAt!: Date | null;
}

@InputType({ description: 'Settings to change; omitted fields stay.' })
export class TenantSettingsInput {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'On: no person takes two steps of one result run (compute, review, approve, publish), ADMINs included. Applies to steps taken from then on.',
  })
  @IsOptional()
  @IsBoolean()
  separationOfDuties?: boolean | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Asia/Shanghai.' })
  @IsOptional()
  @IsTimeZone()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days before a deadline to remind (0 to 60).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  reminderDays?: number | null;
}

const DEFAULTS: TenantSettings = {
  separationOfDuties: false,
  timeZone: 'Asia/Shanghai',
  reminderDays: 3,
  version: 0,
  updatedAt: null,
};

function toView(e: TenantSettingsEntity | null): TenantSettings {
  return e
    ? {
        separationOfDuties: e.separationOfDuties,
        timeZone: e.timeZone,
        reminderDays: e.reminderDays,
        version: e.version,
        updatedAt: e.updatedAt,
      }
    : { ...DEFAULTS };
}

export const tenantSettingsService = {
  async get(ctx: RequestContext): Promise<TenantSettings> {
    return toView(await (await ctx.repo(TenantSettingsEntity)).findOne({ where: { tenantId: ctx.tenantId } }));
  },

  /** Upserts the given settings (others kept), audited with before and after. */
  async update(ctx: RequestContext, input: TenantSettingsInput): Promise<TenantSettings> {
    const before = await this.get(ctx);
    const separation = input.separationOfDuties ?? before.separationOfDuties;
    const timeZone = input.timeZone ?? before.timeZone;
    const reminderDays = input.reminderDays ?? before.reminderDays;
    await (
      await ctx.em()
    ).query(
      `INSERT INTO tenant_settings (tenant_id, separation_of_duties, time_zone, reminder_days) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET separation_of_duties = EXCLUDED.separation_of_duties,
         time_zone = EXCLUDED.time_zone, reminder_days = EXCLUDED.reminder_days,
         version = tenant_settings.version + 1, updated_at = now()`,
      [ctx.tenantId, separation, timeZone, reminderDays],
    );
    const after = await this.get(ctx);
    // the settings the call named, and the version
    const named = (['separationOfDuties', 'timeZone', 'reminderDays'] as const).filter(
      (k) => input[k] !== undefined && input[k] !== null,
    );
    const snap = (s: TenantSettings) => ({ ...Object.fromEntries(named.map((k) => [k, s[k]])), version: s.version });
    await auditService.record(ctx, {
      entity: 'tenant_settings',
      entityId: ctx.tenantId,
      action: 'UPDATE',
      before: snap(before),
      after: snap(after),
    });
    return after;
  },
};

@Resolver(() => TenantSettings)
export class TenantSettingsResolver {
  @Authorized(Permission.SETTINGS_READ)
  @Query(() => TenantSettings, { description: "The tenant's settings (defaults until changed)." })
  tenantSettings(@Ctx() ctx: RequestContext): Promise<TenantSettings> {
    return tenantSettingsService.get(ctx);
  }

  @Authorized(Permission.SETTINGS_EDIT)
  @Mutation(() => TenantSettings, { description: "Changes the tenant's settings (e.g. separation of duties)." })
  updateTenantSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => TenantSettingsInput, { description: 'The settings to change.' }) input: TenantSettingsInput,
  ): Promise<TenantSettings> {
    return tenantSettingsService.update(ctx, input);
  }
}
