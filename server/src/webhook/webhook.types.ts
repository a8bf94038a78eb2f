import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum WebhookEvent {
  RESULT_RUN_PUBLISHED = 'RESULT_RUN_PUBLISHED',
  SCHEME_PUBLISHED = 'SCHEME_PUBLISHED',
  SCHEME_CLOSED = 'SCHEME_CLOSED',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'What a webhook is told about.',
  valuesConfig: {
    RESULT_RUN_PUBLISHED: { description: "A scheme's result run was published (data: run and scheme)." },
    SCHEME_PUBLISHED: { description: 'A scheme was published (data: the scheme).' },
    SCHEME_CLOSED: { description: "A scheme's year was closed (data: the scheme)." },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not yet answered with a 2xx; another attempt is scheduled.' },
    DELIVERED: { description: 'The receiver answered an attempt with a 2xx.' },
    FAILED: { description: 'Every attempt failed; redeliverWebhook sends it again.' },
  },
});

@ObjectType({ description: 'An endpoint of the tenant that receives signed POSTs for the events it subscribes to.' })
export class Webhook {
  @Field(() => ID, { description: 'The webhook id.' })
  id!: string;

  @Field({ description: 'Where deliveries are POSTed (http or https).' })
  url!: string;

  @Field(() => [WebhookEvent], { description: 'The events sent to this webhook.' })
  events!: WebhookEvent[];

  @Field({ description: 'A note for the people managing it.' })
  description!: string;

  @Field({ description: 'Inactive webhooks get no new deliveries.' })
  active!: boolean;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A new webhook and its signing secret.' })
export class WebhookCreated {
  @Field(() => Webhook, { description: 'The webhook.' })
  webhook!: Webhook;

  @Field({ description: 'The HMAC-SHA256 signing secret. Shown once.' })
  secret!: string;
}

@ObjectType({ description: 'One try of a delivery.' })
export class WebhookAttempt {
  @Field(() => Int, { description: 'The attempt number, from 1.' })
  attempt!: number;

  @Field({ description: 'When it was made.' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when no answer came." })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null when delivered.' })
  error!: string | null;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  durationMs!: number;
}

@ObjectType({ description: 'One event sent to one webhook, with every attempt. Retries and redeliveries keep its id.' })
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery id: the body's `id` and the Kaoping-Webhook-Id header." })
  id!: string;

  @Field(() => ID, { description: 'The webhook it goes to.' })
  webhookId!: string;

  @Field(() => WebhookEvent, { description: 'The event.' })
  event!: WebhookEvent;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  status!: WebhookDeliveryStatus;

  @Field({ description: 'The JSON body sent, exactly as signed.' })
  body!: string;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due, while PENDING.' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a 2xx came.' })
  deliveredAt!: Date | null;

  @Field({ description: 'When the event happened.' })
  createdAt!: Date;

  @Field(() => [WebhookAttempt], { description: 'Every attempt, oldest first.' })
  attempts!: WebhookAttempt[];
}

@InputType({ description: 'A new webhook.' })
export class CreateWebhookInput {
  @Field({ description: 'Where to POST (http or https; private addresses are refused unless the server allows them).' })
  @Length(1, 2000)
  url!: string;

  @Field(() => [WebhookEvent], { description: 'The events to send (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  events!: WebhookEvent[];

  @Field({ nullable: true, description: 'A note for the people managing it.' })
  @IsOptional()
  @Length(0, 500)
  description?: string;
}

@InputType({ description: 'Changes to a webhook; omitted fields stay.' })
export class UpdateWebhookInput {
  @Field({ nullable: true, description: 'Where to POST.' })
  @IsOptional()
  @Length(1, 2000)
  url?: string;

  @Field(() => [WebhookEvent], { nullable: true, description: 'The events to send (at least one).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  events?: WebhookEvent[];

  @Field({ nullable: true, description: 'A note for the people managing it.' })
  @IsOptional()
  @Length(0, 500)
  description?: string;

  @Field({ nullable: true, description: 'false stops new deliveries.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class DeliveriesArgs {
  @Field(() => ID, { description: 'The webhook.' })
  webhookId!: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' })
  @IsOptional()
  status?: WebhookDeliveryStatus;

  @Field(() => Int, { nullable: true, description: 'Page number, from 0 (newest first).' })
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Deliveries per page, 1–200 (default 25).' })
  perPage?: number;
}
