import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';

export const MAX_PER_PAGE = 200;
export const DEFAULT_PER_PAGE = 25;

/** ra-data-graphql-simple list arguments (page is 0-based). */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, description: 'Page number, from 0.' })
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Items per page, 1–200 (default 25).' })
  perPage?: number;

  @Field(() => String, { nullable: true, description: 'The field to sort by (each list names the ones it accepts).' })
  sortField?: string;

  @Field(() => String, { nullable: true, description: 'ASC (default) or DESC.' })
  sortOrder?: string;
}

@ObjectType({ description: 'The size of a list, for paging.' })
export class ListMetadata {
  @Field(() => Int, { description: 'How many items match the filter.' })
  count!: number;
}

export interface Paging {
  skip: number;
  take: number;
  sortColumn: string;
  order: 'ASC' | 'DESC';
}

/** Validates paging and maps the sort field through a whitelist (field name → column). */
export function paging(args: ListArgs, sortable: Record<string, string>, defaultSort: string): Paging {
  const page = args.page ?? 0;
  const perPage = args.perPage ?? DEFAULT_PER_PAGE;
  if (!Number.isInteger(page) || page < 0) throw badInput('page must be 0 or more');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
    throw badInput(`perPage must be between 1 and ${MAX_PER_PAGE}`);
  const field = args.sortField ?? defaultSort;
  const sortColumn = sortable[field];
  if (!sortColumn) throw badInput(`Cannot sort by ${field}; use one of ${Object.keys(sortable).join(', ')}`);
  const so = (args.sortOrder ?? 'ASC').toUpperCase();
  if (so !== 'ASC' && so !== 'DESC') throw badInput('sortOrder must be ASC or DESC');
  return { skip: page * perPage, take: perPage, sortColumn, order: so };
}

/** Cost of a list field for the complexity limit. */
export const listComplexity = ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }) =>
  1 +
  Math.min(Number(args.perPage ?? DEFAULT_PER_PAGE) || DEFAULT_PER_PAGE, MAX_PER_PAGE) * Math.max(childComplexity, 1);
