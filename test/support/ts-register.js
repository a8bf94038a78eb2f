/**
 * Lets a plain `node` child process run the server's TypeScript sources, as Jest does in-process:
 * each .ts file is transpiled on require with the repository's compiler options (decorator
 * metadata included), and `@kaoping/shared` resolves to shared/src. Used by tests that need real
 * separate server processes (`node -r test/support/ts-register.js test/support/server-process.ts`).
 */
const fs = require('node:fs');
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

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};
