// vitest 4 needs vite >= 6 while Taro's vite runner brings vite 4. Dropping vite from vitest's
// peer dependencies lets pnpm give vitest its own vite instead of the miniapp's.
function readPackage(pkg) {
  if (pkg.name === 'vitest' || pkg.name === '@vitest/mocker') {
    if (pkg.peerDependencies) delete pkg.peerDependencies.vite
    if (pkg.peerDependenciesMeta) delete pkg.peerDependenciesMeta.vite
  }
  return pkg
}
module.exports = { hooks: { readPackage } }
