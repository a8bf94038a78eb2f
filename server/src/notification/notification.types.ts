import { ArrayMaxSize, IsOptional, Max, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What a notification says; the console words it from the kind and its params, in the reader's language. */
export enum NotificationKind {
  DEADLINE_REMINDER = 'DEADLINE_REMINDER',
  RUN_AWAITS_REVIEW = 'RUN_AWAITS_REVIEW',
  RUN_AWAITS_APPROVAL = 'RUN_AWAITS_APPROVAL',
  RUN_AWAITS_PUBLISH = 'RUN_AWAITS_PUBLISH',
  CLAIM_AWAITS_VERIFICATION = 'CLAIM_AWAITS_VERIFICATION',
  RESULTS_PUBLISHED = 'RESULTS_PUBLISHED',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: {
    DEADLINE_REMINDER: {
      description: 'A deadline is near and your unit or department has not entered all its inputs.',
    },
    RUN_AWAITS_REVIEW: { description: 'A computed result run awaits review.' },
    RUN_AWAITS_APPROVAL: { description: 'A reviewed result run awaits approval.' },
    RUN_AWAITS_PUBLISH: { description: 'An approved result run awaits publication.' },
    CLAIM_AWAITS_VERIFICATION: { description: 'A bonus or deduction claim awaits verification.' },
    RESULTS_PUBLISHED: { description: 'Results of a scheme were published.' },
  },
});

@ObjectType('Notification', { description: "One message in a person's inbox." })
export class Notification {
  @Field(() => ID, { description: 'The notification.' })
  id!: string;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind!: NotificationKind;

  @Field(() => GraphQLJSON, { description: 'The facts it carries (scheme, run, deadline, …), by kind.' })
  params!: Record<string, unknown>;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was marked read; null while unread.' })
  readAt!: Date | null;
}

@ArgsType()
export class NotificationsArgs {
  @Field({ defaultValue: false, description: 'Only the unread ones.' })
  unreadOnly!: boolean;

  @Field(() => Int, { defaultValue: 20, description: 'At most this many (1 to 100).' })
  @Min(1)
  @Max(100)
  limit!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Skip this many (newest first).' })
  @Min(0)
  @Max(100000)
  offset!: number;
}

@ArgsType()
export class MarkReadArgs {
  @Field(() => [ID], { nullable: true, description: "These notifications (the caller's own)." })
  @IsOptional()
  @ArrayMaxSize(500)
  ids?: string[] | null;

  @Field({ defaultValue: false, description: 'Every notification of the caller.' })
  all!: boolean;
}
