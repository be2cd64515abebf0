// Fails early, with the fix, when npm scripts would run on a Node older than the one the
// project targets (Lambda nodejs22.x). `npm ci` installs Node 22 as the `node` package and
// npm puts it first on PATH for every script, so this only fails when that step was skipped.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Stratum's scripts need Node 22 (Lambda nodejs22.x); this is Node ${process.versions.node}.\n` +
      'Run the commands through npm (npm test, npm start, npm run synth): the "node" devDependency ' +
      'puts Node 22 on PATH for them. If node_modules is missing, run "npm ci" first.',
  );
  process.exit(1);
}
