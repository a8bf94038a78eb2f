import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { CodedText, Language, Receipt } from './receipt.entity';
import { explainParts, explainText, receiptView } from './receipt';
import { ResultNode, SubjectResult } from './result.entity';

const LANG = { nullable: true, description: 'zh or en; default: the Accept-Language header, else zh.' } as const;
const langFor = (ctx: RequestContext, lang: Language | null | undefined) => lang ?? ctx.lang;

@Resolver(() => SubjectResult)
export class SubjectReceiptResolver {
  @FieldResolver(() => Receipt, {
    nullable: true,
    description: 'Why this rank, grade, adjustments and values (null for a run stored before receipts).',
  })
  receipt(
    @Root() r: SubjectResult,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, LANG) lang?: Language | null,
  ): Receipt | null {
    const s = r.stored;
    return s?.receipt ? receiptView(s.receipt, s.hashes, s.names, langFor(ctx, lang)) : null;
  }
}

@Resolver(() => ResultNode)
export class ResultNodeResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "How the indicator's points came about, in the asked language; null for categories.",
  })
  explain(
    @Root() n: ResultNode,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, LANG) lang?: Language | null,
  ): string | null {
    return n.out ? (n.raw.explain ?? null) : explainText(n.raw, langFor(ctx, lang));
  }

  @FieldResolver(() => [CodedText], {
    description: "The explanation as data: each step's code and params (empty for categories and runs stored before).",
  })
  explainParts(
    @Root() n: ResultNode,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, LANG) lang?: Language | null,
  ): CodedText[] {
    return explainParts(n.raw, langFor(ctx, lang));
  }
}
