import { Length } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { User } from '../user/user.entity';
import { authService } from './auth.service';

@ObjectType({ description: 'A signed-in session: the token and who it belongs to.' })
export class AuthPayload {
  @Field({ description: 'A JWT to send as `Authorization: Bearer <token>`; it expires (sign in again).' })
  token!: string;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}

@ArgsType()
class LoginArgs {
  @Field({ description: "The user's email (case-insensitive)." })
  @Length(1, 254)
  email!: string;

  @Field({ description: "The user's password. Any wrong part answers the same UNAUTHENTICATED, without saying which." })
  @Length(1, 1000)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: "The tenant's code, for tenant users; omitted for platform administrators.",
  })
  tenant?: string | null;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description:
      'Signs in with email and password (and the tenant code for tenant users); answers a token for the Authorization header.',
  })
  login(@Ctx() ctx: RequestContext, @Args(() => LoginArgs) a: LoginArgs): Promise<AuthPayload> {
    return authService.login(ctx, a.email, a.password, a.tenant);
  }
}
