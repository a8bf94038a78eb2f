import { IsEnum, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ResultStatus } from './result.entity';

@InputType({ description: 'Which result runs to list.' })
export class ResultRunFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only this scheme's." })
  @IsOptional()
  schemeId?: string;

  @Field(() => ResultStatus, { nullable: true, description: 'Only in this state.' })
  @IsOptional()
  @IsEnum(ResultStatus)
  status?: ResultStatus;
}
