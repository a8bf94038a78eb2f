/**
 * Lets a plain `node` child process run the server's TypeScript sources, as Jest does in-process:
 * each .ts file is transpiled on require with the repository's compiler options (decorator
 * metadata included), and `@kaoping/shared` resolves to shared/src. Used by tests that need real
 * separate server processes (`node -r test/support/ts-register.js test/support/server-process.ts`).
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '../..');
const base = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), ts.sys.readFile).config;
const { options } = ts.convertCompilerOptionsFromJson(base.compilerOptions, root);
Object.assign(options, { module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, declaration: false });

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@kaoping/shared') request = path.join(root, 'shared/src/index.ts');
  return resolve.call(this, request, ...rest);
};

// Transpiled output is cached by content, so the second process of a test starts faster.
const cacheDir = path.join(os.tmpdir(), 'kaoping-ts-register');
fs.mkdirSync(cacheDir, { recursive: true });
const salt = ts.version + JSON.stringify(options);

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(
    cacheDir,
    createHash('sha1').update(salt).update(filename).update(source).digest('hex') + '.js',
  );
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText;
    const tmp = `${cached}.${process.pid}`;
    fs.writeFileSync(tmp, output);
    fs.renameSync(tmp, cached);
  }
  module._compile(output, filename);
};
