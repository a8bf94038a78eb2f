import { Length } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { User } from '../user/user.entity';
import { authService } from './auth.service';

@ObjectType()
export class AuthPayload {
  @Field()
  token!: string;

  @Field(() => User)
  user!: User;
}

@ArgsType()
class LoginArgs {
  @Field()
  @Length(1, 254)
  email!: string;

  @Field()
  @Length(1, 1000)
  password!: string;

  @Field(() => String, { nullable: true })
  tenant?: string | null;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Signs in with email and password (and the tenant code for tenant users); answers a token for the Authorization header.' })
  login(@Ctx() ctx: RequestContext, @Args(() => LoginArgs) a: LoginArgs): Promise<AuthPayload> {
    return authService.login(ctx, a.email, a.password, a.tenant);
  }
}
