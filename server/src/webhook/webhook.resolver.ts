import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { webhookService } from './webhook.service';
import {
  CreateWebhookInput,
  DeliveriesArgs,
  UpdateWebhookInput,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
} from './webhook.types';

@Resolver(() => Webhook)
export class WebhookResolver {
  @Authorized(Permission.WEBHOOK_MANAGE)
  @Query(() => [Webhook], { description: "The tenant's webhooks." })
  webhooks(@Ctx() ctx: RequestContext): Promise<Webhook[]> {
    return webhookService.list(ctx);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Query(() => [WebhookDelivery], {
    description: "A webhook's deliveries, newest first, with every attempt.",
    complexity: listComplexity,
  })
  webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Args(() => DeliveriesArgs) a: DeliveriesArgs,
  ): Promise<WebhookDelivery[]> {
    return webhookService.deliveries(ctx, a);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => WebhookCreated, {
    description: 'Creates a webhook; its signing secret is shown only in this answer.',
  })
  createWebhook(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookInput, { description: 'The webhook.' }) input: CreateWebhookInput,
  ): Promise<WebhookCreated> {
    return webhookService.create(ctx, input);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => Webhook, { description: 'Changes a webhook (its secret stays).' })
  updateWebhook(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The webhook.' }) id: string,
    @Arg('input', () => UpdateWebhookInput, { description: 'The changes.' }) input: UpdateWebhookInput,
  ): Promise<Webhook> {
    return webhookService.update(ctx, id, input);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => Webhook, { description: 'Deletes a webhook and its deliveries; answers the deleted webhook.' })
  deleteWebhook(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The webhook.' }) id: string,
  ): Promise<Webhook> {
    return webhookService.remove(ctx, id);
  }

  @Authorized(Permission.WEBHOOK_MANAGE)
  @Mutation(() => WebhookDelivery, {
    description: 'Sends a DELIVERED or FAILED delivery again, with the same id and body.',
  })
  redeliverWebhook(
    @Ctx() ctx: RequestContext,
    @Arg('deliveryId', () => ID, { description: 'The delivery.' }) deliveryId: string,
  ): Promise<WebhookDelivery> {
    return webhookService.redeliver(ctx, deliveryId);
  }
}
