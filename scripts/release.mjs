// The `version` step of `npm version <patch|minor|major>`: npm has already
// written the new version into package.json; this dates the changelog's
// [Unreleased] entries under that version, writes VERSION into the source
// (sent to the vault in `sky-metadata`, so it must match the package) and
// stages both, so the version commit and its tag hold them.
// Run from the package folder (npm does); a release with nothing under
// [Unreleased] is refused.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const CHANGELOG = 'CHANGELOG.md';
const VERSION_FILE = 'src/v2/version.ts';
const UNRELEASED = '## [Unreleased]';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const today = new Date().toISOString().slice(0, 10);

const changelog = readFileSync(CHANGELOG, 'utf8');
const start = changelog.indexOf(UNRELEASED);
if (start < 0) fail(`${CHANGELOG} has no "${UNRELEASED}" heading.`);
const bodyStart = start + UNRELEASED.length;
const next = changelog.indexOf('\n## [', bodyStart);
const bodyEnd = next < 0 ? changelog.length : next + 1;
const entries = changelog.slice(bodyStart, bodyEnd).trim();
if (entries === '') fail(`Nothing to release: "${UNRELEASED}" in ${CHANGELOG} is empty.`);
if (changelog.includes(`## [${version}]`)) fail(`${CHANGELOG} already has a "## [${version}]" section.`);

writeFileSync(
  CHANGELOG,
  `${changelog.slice(0, start)}${UNRELEASED}\n\n## [${version}] - ${today}\n\n${entries}\n\n${changelog.slice(bodyEnd)}`.replace(/\n{3,}/g, '\n\n'),
);

const source = readFileSync(VERSION_FILE, 'utf8');
const pinned = /export const VERSION = '[^']*';/;
if (!pinned.test(source)) fail(`${VERSION_FILE} does not declare VERSION as a string literal.`);
writeFileSync(VERSION_FILE, source.replace(pinned, `export const VERSION = '${version}';`));

execFileSync('git', ['add', CHANGELOG, VERSION_FILE], { stdio: 'inherit' });
console.log(`Released ${version} (${today}) in ${CHANGELOG} and ${VERSION_FILE}.`);

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}
