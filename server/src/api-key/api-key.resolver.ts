import { ArrayMaxSize, IsBoolean, IsOptional, Length } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { notFound } from '../common/errors';
import { ListArgs, ListMetadata, listComplexity } from '../common/pagination';
import type { RequestContext } from '../context/request-context';
import { Permission } from '../auth/permissions';
import { ApiKey } from './api-key.entity';
import { apiKeyService } from './api-key.service';

@ObjectType({ description: 'A new API key: the full key is in this answer only.' })
export class ApiKeyCreated {
  @Field({ description: 'The full key. Shown once; only a hash of its secret is stored.' })
  key!: string;

  @Field(() => ApiKey, { description: "The key's record." })
  apiKey!: ApiKey;
}

@ArgsType()
class CreateApiKeyArgs {
  @Field({ description: 'A name for the people managing keys, e.g. the application using it (1–200 characters).' })
  @Length(1, 200)
  name!: string;

  @Field(() => [String], {
    description:
      'What the key may read: `results:read`, `schemes:read` (at most 10; only scopes you hold, else FORBIDDEN).',
  })
  @ArrayMaxSize(10)
  scopes!: string[];

  @Field(() => Date, {
    nullable: true,
    description: 'When the key stops working (must be in the future); never when omitted.',
  })
  @IsOptional()
  expiresAt?: Date | null;
}

@InputType({ description: 'Which API keys to list.' })
export class ApiKeyFilter {
  @Field({ nullable: true, description: 'Text in the name.' })
  @IsOptional()
  @Length(0, 200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];

  @Field({ nullable: true, description: 'true: revoked keys only; false: active ones only.' })
  @IsOptional()
  @IsBoolean()
  revoked?: boolean;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Permission.API_KEY_MANAGE)
  @Mutation(() => ApiKeyCreated, {
    description: 'Creates an API key with scopes you hold; the full key is in this answer only.',
  })
  createApiKey(@Ctx() ctx: RequestContext, @Args(() => CreateApiKeyArgs) a: CreateApiKeyArgs): Promise<ApiKeyCreated> {
    return apiKeyService.create(ctx, a.name, a.scopes, a.expiresAt);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Query(() => [ApiKey], { complexity: listComplexity, description: 'API keys, paged and filtered.' })
  allApiKeys(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) args: ListArgs,
    @Arg('filter', () => ApiKeyFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: ApiKeyFilter,
  ): Promise<ApiKey[]> {
    return apiKeyService.list(ctx, args, filter);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Query(() => ListMetadata, { description: 'How many API keys match the filter (for paging allApiKeys).' })
  async _allApiKeysMeta(
    @Ctx() ctx: RequestContext,
    @Args(() => ListArgs) _args: ListArgs,
    @Arg('filter', () => ApiKeyFilter, { nullable: true, description: 'Which items to list (all when omitted).' })
    filter?: ApiKeyFilter,
  ): Promise<ListMetadata> {
    return { count: await apiKeyService.count(ctx, filter) };
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Query(() => ApiKey, { nullable: true, description: 'One API key by id.' })
  async ApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<ApiKey | null> {
    const k = await apiKeyService.get(ctx, id);
    if (!k) throw notFound('ApiKey');
    return k;
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Mutation(() => ApiKey, { description: 'Revokes an API key at once (it answers UNAUTHENTICATED from then on).' })
  revokeApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The id.' }) id: string,
  ): Promise<ApiKey> {
    return apiKeyService.revoke(ctx, id);
  }
}
