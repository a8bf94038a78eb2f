import { IsEnum, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ResultStatus } from './result.entity';

@InputType()
export class ResultRunFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  schemeId?: string;

  @Field(() => ResultStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ResultStatus)
  status?: ResultStatus;
}
