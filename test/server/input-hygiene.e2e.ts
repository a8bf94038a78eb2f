/** The reusable edge checks on their own (no server): what passes, what is refused and where. */
import { idProblem, jsonProblem, numberProblem, stringProblem } from '../../server/src/common/input-hygiene';

test('ordinary JSON passes: null, booleans, numbers, nested objects and arrays, Chinese text and emoji', () => {
  expect(jsonProblem({ a: null, b: true, c: [1, 2.5, -0, { d: '考评 😀' }], e: {} }, '/x')).toBeUndefined();
  expect(jsonProblem(null, '/x')).toBeUndefined();
  expect(stringProblem('plain', '/s')).toBeUndefined();
  expect(idProblem('7b0c7c3e-0000-4000-8000-000000000000', '/id')).toBeUndefined();
});

test('each kind of bad value is named with its path', () => {
  expect(jsonProblem({ a: [0, { b: 'x\u0000' }] }, '/arg')).toEqual({
    path: '/arg/a/1/b',
    message: 'text contains a NUL character',
  });
  expect(jsonProblem({ 'a/b~': '\ud83d' }, '/arg')).toEqual({
    path: '/arg/a~1b~0',
    message: 'text contains invalid Unicode (an unpaired surrogate)',
  });
  expect(jsonProblem({ ['k\udc00']: 1 }, '/arg')?.message).toBe(
    'key: text contains invalid Unicode (an unpaired surrogate)',
  );
  expect(jsonProblem([1, Infinity], '/arg')).toEqual({ path: '/arg/1', message: 'number is not finite' });
  expect(jsonProblem({ n: NaN }, '/arg')).toEqual({ path: '/arg/n', message: 'number is not finite' });
  expect(numberProblem(-Infinity, '/n')).toEqual({ path: '/n', message: 'number is not finite' });
  expect(idProblem('not-a-uuid', '/id')).toEqual({ path: '/id', message: 'not a valid id' });
  expect(idProblem(12, '/id')).toEqual({ path: '/id', message: 'not a valid id' });
  expect(stringProblem('x'.repeat(11), '/s', 10)).toEqual({ path: '/s', message: 'text longer than 10 characters' });
});

test('depth and size limits; a million levels are checked without overflowing the stack', () => {
  const nest = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  expect(jsonProblem(nest(64), '/d')).toBeUndefined();
  expect(jsonProblem(nest(65), '/d')).toEqual({
    path: '/d' + '/0'.repeat(64),
    message: 'JSON nested deeper than 64 levels',
  });
  expect(jsonProblem(nest(1_000_000), '/d')?.message).toBe('JSON nested deeper than 64 levels');
  expect(
    jsonProblem(
      Array.from({ length: 11 }, () => 0),
      '/a',
      { maxJsonDepth: 64, maxJsonNodes: 10, maxStringLength: 5 },
    ),
  ).toEqual({ path: '/a', message: 'JSON value has more than 10 elements' });
});
