import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Adjustment } from '../adjustment/adjustment.entity';
import type { RequestContext } from '../context/request-context';
import { DataInput } from '../input/input.entity';
import { Permission } from '../auth/permissions';
import { evidenceService } from './evidence.service';
import { Evidence } from './evidence.types';

@Resolver(() => Adjustment)
export class AdjustmentEvidenceResolver {
  @FieldResolver(() => [Evidence], {
    description: "The claim's evidence files, upload order (POST /files/adjustments/{id}/evidence adds one).",
  })
  evidence(@Ctx() ctx: RequestContext, @Root() a: Adjustment): Promise<Evidence[]> {
    return evidenceService.of(ctx, 'adjustment', a.id);
  }
}

@Resolver(() => DataInput)
export class InputEvidenceResolver {
  @FieldResolver(() => [Evidence], {
    description: "The input's evidence files, upload order (POST /files/inputs/{id}/evidence adds one).",
  })
  evidence(@Ctx() ctx: RequestContext, @Root() i: DataInput): Promise<Evidence[]> {
    return evidenceService.of(ctx, 'input', i.id);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @Authorized(Permission.EVIDENCE_ATTACH)
  @Mutation(() => Boolean, {
    description:
      'Deletes an evidence file: its uploader or an ADMIN, while the scheme is PUBLISHED and the adjustment is not VERIFIED (else CONFLICT). Audited.',
  })
  deleteEvidence(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The evidence file id.' }) id: string,
  ): Promise<boolean> {
    return evidenceService.delete(ctx, id);
  }
}
