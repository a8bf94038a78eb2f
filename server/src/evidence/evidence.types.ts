import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Evidence', {
  description:
    'A file (PDF, image or Office document) attached to an adjustment or an input as its evidence. Download it from `url` with the same token.',
})
export class Evidence {
  @Field(() => ID, { description: 'The evidence file id.' })
  id!: string;

  @Field({ description: 'The file name as uploaded (Chinese names kept).' })
  fileName!: string;

  @Field({ description: "The content type, judged from the file's content (e.g. application/pdf, image/png)." })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes (at most 10 MB).' })
  size!: number;

  @Field({ description: 'SHA-256 of the content, hex.' })
  sha256!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Who uploaded it (a user, or a platform administrator acting in the tenant).',
  })
  uploadedBy!: string | null;

  @Field(() => String, { nullable: true, description: "The uploader's name (null for a platform administrator)." })
  uploadedByName!: string | null;

  @Field({ description: 'When it was uploaded.' })
  uploadedAt!: Date;

  @Field({ description: 'Where to download it: GET with the same bearer token (relative to the server).' })
  url!: string;
}
